"""What ingest reports besides pages: counts for the run summary, and coded problems."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from newsevents.errors import Msg, NewsEventsError
from newsevents.model import Problem

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestStats:
    """Counts one ingest run adds to; pass one to ``iter_pages`` to read them afterwards.

    ``files`` counts inputs opened (files and standard input), ``records`` the
    JSONL lines and WARC records read, ``skipped`` the WARC records that are not
    HTML pages fetched with status 200, ``pages`` the pages yielded and
    ``problems`` the problems yielded.
    """

    files: int = 0
    records: int = 0
    skipped: int = 0
    pages: int = 0
    problems: int = 0


def make_problem(msg: Msg, input_id: str, *, line: int | None = None, **fields: object) -> Problem:
    """Return an ingest Problem with the coded message ``msg`` filled in from ``fields``."""
    message = msg.format(line=line, **fields) if line is not None else msg.format(**fields)
    logger.info("%s", message)
    return Problem(input_id=input_id, code=msg.name, message=message, stage="ingest", line=line)


def problem_from_error(error: NewsEventsError, input_id: str) -> Problem:
    """Return the ingest Problem for an error raised while reading one input."""
    logger.info("%s", error)
    return Problem(input_id=input_id, code=error.code, message=str(error), stage="ingest")
