"""Bulk inserts: results to column arrays, staged in DuckDB and inserted where their key is new.

Everything written in one call of :func:`insert_results` is one transaction, so a run that
is killed loses at most the batch it was writing, and writing it again adds only what is new.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from contextlib import suppress
from typing import Any

import duckdb
import numpy as np

from newsevents.model import Problem, Result
from newsevents.store.records import InputDone
from newsevents.store.rows import column_arrays, scrub
from newsevents.store.schema import ACTORS, ARTICLES, EVENTS, INPUTS, PROBLEMS, Table, quote
from newsevents.store.summary import RunSummary

logger = logging.getLogger(__name__)

_STAGING = "newsevents_staging"
_POSITION = "newsevents_position"


def problem_id(problem: Problem) -> str:
    """Return the stable id of a problem: a hash of its input, stage, code, line and message."""
    key = f"{problem.input_id}|{problem.stage}|{problem.code}|{problem.line}|{problem.message}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _insert_sql(table: Table) -> str:
    """Return the INSERT of staged rows whose key is new, first copy only, in staged order."""
    casts = ", ".join(f"CAST(s.{quote(c.name)} AS {c.sql_type})" for c in table.columns)
    key = quote(table.key)
    return (
        f"INSERT INTO {table.name} SELECT {casts} FROM {_STAGING} AS s "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table.name} AS t WHERE t.{key} = s.{key}) "
        f"QUALIFY row_number() OVER (PARTITION BY s.{key} ORDER BY s.{_POSITION}) = 1 "
        f"ORDER BY s.{_POSITION}"
    )


def insert_rows(
    con: Any, table: Table, records: Sequence[object], extra: Mapping[str, Sequence[object]] | None = None
) -> int:
    """Insert the records whose key is not stored yet; return how many were new.

    An anti-join rather than INSERT OR IGNORE, because the latter does not keep the
    order of the rows, and exports follow the order in which results were written.
    """
    if not records:
        return 0
    arrays = column_arrays(records, table, extra)
    arrays[_POSITION] = np.arange(len(records))
    con.register(_STAGING, arrays)  # replaces the previous table's staging view
    row = con.execute(_insert_sql(table)).fetchone()
    return int(row[0]) if row else 0


def _actor_rows(chunk: Sequence[Result]) -> tuple[list[object], dict[str, list[object]]]:
    """Return the coded actor mentions of a batch and their id, article and position columns."""
    actors: list[object] = []
    extra: dict[str, list[object]] = {"id": [], "article_id": [], "position": []}
    for result in chunk:
        if result.article is None:
            continue
        for position, actor in enumerate(result.actors):
            actors.append(actor)
            extra["id"].append(f"{result.article.id}:{position}")
            extra["article_id"].append(result.article.id)
            extra["position"].append(position)
    return actors, extra


def _insert_all(con: Any, chunk: Sequence[Result], run_id: str, done: Sequence[InputDone]) -> RunSummary:
    """Insert every row of a batch (articles, events, problems, actors, finished inputs)."""
    articles = [r.article for r in chunk if r.article is not None]
    events = [e for r in chunk for e in r.events]
    problems = [p for r in chunk for p in r.problems]
    extra = {"id": [problem_id(p) for p in problems], "run_id": [run_id] * len(problems)}
    new_articles = insert_rows(con, ARTICLES, articles)
    new_events = insert_rows(con, EVENTS, events)
    insert_rows(con, PROBLEMS, problems, extra)
    insert_rows(con, ACTORS, *_actor_rows(chunk))
    insert_rows(con, INPUTS, done)
    return RunSummary(len(articles), new_articles, new_events, len(problems))


def _transaction(con: Any, chunk: Sequence[Result], run_id: str, done: Sequence[InputDone]) -> RunSummary:
    """Insert one batch in one transaction; return its summary."""
    con.execute("BEGIN TRANSACTION")
    try:
        summary = _insert_all(con, chunk, run_id, done)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        with suppress(duckdb.Error):  # after a failed insert only a ROLLBACK is allowed
            con.unregister(_STAGING)
    return summary


def insert_results(
    con: Any, chunk: Sequence[Result], run_id: str, done: Sequence[InputDone] = ()
) -> RunSummary:
    """Insert a batch of results (and the inputs it finishes) atomically, scrubbing bad UTF-8 if needed."""
    try:
        return _transaction(con, chunk, run_id, done)
    except duckdb.InvalidInputException as exc:
        if "UTF-8" not in str(exc):
            raise
        logger.warning("run %s: text that is not valid UTF-8 was replaced (%s)", run_id, exc)
        return _transaction(con, [scrub(result) for result in chunk], run_id, [scrub(d) for d in done])
