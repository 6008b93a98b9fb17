"""WARC files: HTML responses fetched with HTTP 200 become pages; every other record is counted."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsevents.errors import InputError, Msg
from newsevents.ingest.decode import charset_from_content_type, charset_from_html, decode_bytes
from newsevents.ingest.report import IngestStats, make_problem, problem_from_error
from newsevents.ingest.streams import BrokenGzip, check_end
from newsevents.model import Page, Problem, content_id

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: BinaryIO, *, name: str, source_path: str | None, limit: int, stats: IngestStats
) -> Iterator[Page | Problem]:
    """Yield a page per HTML 200 response in a (decompressed) WARC stream; count the other records."""
    try:
        for record in ArchiveIterator(stream):
            stats.records += 1
            item = _record_item(record, name=name, source_path=source_path, limit=limit)
            if item is None:
                stats.skipped += 1
                continue
            yield item
        check_end(stream)
    except (BrokenGzip, OSError):
        raise
    except Exception as exc:  # warcio fails on bad data with untyped errors (AttributeError, ...)
        yield make_problem(Msg.E211, name, path=name, reason=f"{type(exc).__name__}: {exc}")


def _record_item(record: Any, *, name: str, source_path: str | None, limit: int) -> Page | Problem | None:
    """Return the page of an HTML 200 response record, a problem, or None for any other record."""
    record_id = str(record.rec_headers.get_header("WARC-Record-ID") or name)
    content_type = _html_content_type(record)
    if content_type is None:
        logger.debug(
            "%s: record %s (%s) is not an HTML 200 response; skipped", name, record_id, record.rec_type
        )
        return None
    where = f"{name}, record {record_id}"
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return make_problem(Msg.E209, record_id, path=where, size=f"more than {limit}", limit=limit)
    declared = charset_from_content_type(content_type) or charset_from_html(data)
    try:
        decoded = decode_bytes(data, name=where, declared=declared)
        if not decoded.text.strip():
            raise InputError(Msg.E202, path=where)
    except InputError as exc:
        return problem_from_error(exc, record_id)
    fetched = record.rec_headers.get_header("WARC-Date")
    return Page(
        id=content_id(decoded.text),
        input_id=record_id,
        text=decoded.text,
        format="html",
        source_path=source_path,
        url=record.rec_headers.get_header("WARC-Target-URI") or None,
        meta={"fetched": fetched} if fetched else {},
        warnings=decoded.warnings,
    )


def _html_content_type(record: Any) -> str | None:
    """Return the Content-Type of an HTML response with HTTP status 200, else None."""
    headers = record.http_headers
    if record.rec_type != "response" or headers is None or headers.get_statuscode() != "200":
        return None
    content_type = str(headers.get_header("Content-Type") or "")
    if content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES:
        return content_type
    return None
