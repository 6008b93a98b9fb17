"""The DuckDB store: one file holding runs, articles, events, problems and what is derived from them.

A :class:`Store` owns one DuckDB connection and is not thread-safe; open one per
thread or process (DuckDB lets only one process write a file at a time). Writes are
idempotent: a row whose primary key is already stored is skipped, so writing the
same inputs twice leaves the counts of articles, events and problems unchanged.
"""

from __future__ import annotations

import itertools
import json
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any
from uuid import uuid4

import duckdb

from newsevents.errors import Msg, StoreError
from newsevents.model import Result
from newsevents.store import dedup
from newsevents.store.export import write_jsonl, write_parquet
from newsevents.store.gdelt import export_gdelt, import_gdelt
from newsevents.store.inputs import Limits, Progress, Unit, write_units
from newsevents.store.opening import check_schema, connect, reason_of
from newsevents.store.query import EventFilter, event_sql, series_sql, top_sql
from newsevents.store.schema import ARTICLES, RUNS, quote
from newsevents.store.summary import RunSummary
from newsevents.store.timeutil import utc_now
from newsevents.store.writer import insert_results

logger = logging.getLogger(__name__)

Rows = list[dict[str, object]]


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (or create, unless read-only) the newsevents store at ``path``, upgrading an older schema."""
    target = Path(path)
    con = connect(target, read_only)
    try:
        check_schema(con, target, read_only)
    except StoreError:
        con.close()
        raise
    except duckdb.Error as exc:
        con.close()
        raise StoreError(Msg.E601, path=target, reason=reason_of(exc)) from exc
    return Store(con, target, read_only=read_only)


def _chunks(results: Iterable[Result], size: int) -> Iterator[list[Result]]:
    """Yield lists of at most ``size`` results."""
    iterator = iter(results)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


class Store:
    """A newsevents database: write pipeline results, query and export them."""

    def __init__(self, con: Any, path: Path, *, read_only: bool = False) -> None:
        self._con: Any = con
        self.path = path
        self.read_only = read_only

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._con is None else ("read-only" if self.read_only else "open")
        return f"Store({str(self.path)!r}, {state})"

    @contextmanager
    def _db(self, action: str, *, write: bool = False) -> Iterator[Any]:
        """Yield the connection, turning DuckDB errors into StoreError (E611, E612, E615)."""
        if self._con is None:
            raise StoreError(Msg.E612, path=self.path)
        if write and self.read_only:
            raise StoreError(Msg.E615, path=self.path)
        try:
            yield self._con
        except duckdb.Error as exc:
            raise StoreError(Msg.E611, action=action, path=self.path, reason=reason_of(exc)) from exc

    def _check_run(self, con: Any, run_id: str) -> None:
        """Raise StoreError (E613) unless ``run_id`` was made by :meth:`begin_run`."""
        if con.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]).fetchone()[0] == 0:
            raise StoreError(Msg.E613, run_id=run_id, path=self.path)

    def begin_run(self, inputs: Sequence[str]) -> str:
        """Record the start of a run over ``inputs``; return its new run id."""
        run_id = f"{utc_now():%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
        with self._db("write to", write=True) as con:
            con.execute(
                "INSERT INTO runs (run_id, started, inputs) VALUES (?, ?, ?)",
                [run_id, utc_now(), json.dumps([str(item) for item in inputs])],
            )
        logger.debug("began run %s over %d inputs", run_id, len(inputs))
        return run_id

    def write(self, results: Iterable[Result], *, run_id: str, batch_size: int = 500) -> RunSummary:
        """Store results in batches of ``batch_size``; rows already stored are skipped."""
        total = RunSummary()
        with self._db("write to", write=True) as con:
            self._check_run(con, run_id)
            for chunk in _chunks(results, max(1, batch_size)):
                total += insert_results(con, chunk, run_id)
        logger.debug("run %s wrote %s", run_id, total)
        return total

    def write_inputs(
        self,
        units: Iterable[Unit],
        *,
        run_id: str,
        limits: Limits | None = None,
        report: Callable[[Progress], None] | None = None,
    ) -> RunSummary:
        """Stream inputs into the store in bulk, recording each finished input (see ``store.inputs``)."""
        with self._db("write to", write=True) as con:
            self._check_run(con, run_id)
            return write_units(con, units, run_id=run_id, limits=limits, report=report)

    def done_inputs(self) -> set[str]:
        """Return the ids (:func:`~newsevents.store.inputs.input_key`) of every input finished before."""
        with self._db("read from") as con:
            return {str(row[0]) for row in con.execute("SELECT id FROM inputs").fetchall()}

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        """Record the end of a run and its summary."""
        names = [name for name in RUNS.names if name not in ("run_id", "started", "finished", "inputs")]
        assignments = ", ".join(f"{quote(name)} = ?" for name in names)
        with self._db("write to", write=True) as con:
            self._check_run(con, run_id)
            con.execute(
                f"UPDATE runs SET finished = ?, {assignments} WHERE run_id = ?",
                [utc_now(), *(getattr(summary, name) for name in names), run_id],
            )

    def dedup(self, *, full: bool = False) -> int:
        """Bring ``mentions`` and ``dedup_events`` up to date (``full``: rebuild); return unique events."""
        with self._db("write to", write=True) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                count = dedup.rebuild(con) if full else dedup.update(con)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return count

    def _fetch(self, sql: str, params: Sequence[object] = ()) -> Rows:
        """Return the rows of a query as dicts keyed by column name."""
        with self._db("read from") as con:
            cursor = con.execute(sql, list(params))
            names = [item[0] for item in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def events(self, *, dataset: str = "reports", **filters: Any) -> Rows:
        """Return flat event rows of a dataset (reports, unique, gdelt) matching every filter.

        The filters are the fields of :class:`~newsevents.store.query.EventFilter`.
        """
        return self._fetch(*event_sql(EventFilter(**filters), dataset))

    def series(self, *, by: str = "month", dataset: str = "unique", **filters: Any) -> Rows:
        """Return counts per period (day, week, month, year) and quad class, with Goldstein sum and mean."""
        return self._fetch(*series_sql(EventFilter(**filters), by, dataset))

    def dyad(self, first: str, second: str, *, both: bool = False, **options: Any) -> Rows:
        """Return the series of events from ``first`` to ``second`` (both directions with ``both``)."""
        sides: dict[str, Any] = {"dyad": (first, second)} if both else {"source": first, "target": second}
        return self.series(**sides, **options)

    def top(self, kind: str, *, dataset: str = "unique", **filters: Any) -> Rows:
        """Return the most frequent actors, codes or places (``limit`` rows, default 20)."""
        return self._fetch(*top_sql(kind, EventFilter(**filters), dataset))

    def mentions(self, event_id: str) -> Rows:
        """Return every report of a deduplicated event with its article and sentence."""
        sql = (
            "SELECT m.event_id, m.article_id, m.sentence_index, e.sentence, e.code, m.publisher, m.url, "
            "m.published FROM mentions AS m JOIN events AS e ON e.id = m.event_id WHERE m.dedup_id = ? "
            "ORDER BY m.seen NULLS LAST, m.article_id, m.sentence_index"
        )
        return self._fetch(sql, [event_id])

    def articles(self, limit: int | None = None) -> Rows:
        """Return flat article rows in the order they were stored."""
        columns = ", ".join(quote(name) for name in ARTICLES.names)
        sql = f"SELECT {columns} FROM articles ORDER BY rowid"
        return self._fetch(sql + " LIMIT ?", [max(0, limit)]) if limit is not None else self._fetch(sql)

    def runs(self, limit: int | None = None) -> Rows:
        """Return run rows, newest first."""
        sql = "SELECT * FROM runs ORDER BY started DESC, run_id DESC"
        return self._fetch(sql + " LIMIT ?", [max(0, limit)]) if limit is not None else self._fetch(sql)

    def counts(self, names: Sequence[str] = ("articles", "events", "problems", "runs")) -> dict[str, int]:
        """Return the number of rows of the named tables (articles, events, problems, runs by default)."""
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {name})" for name in names)
        with self._db("read from") as con:
            row = con.execute(sql).fetchone()
        return {name: int(value) for name, value in zip(names, row, strict=True)}

    def export_jsonl(self, path: str | Path) -> int:
        """Write every stored result in the ``newsevents extract`` JSON form; return the lines."""
        with self._db("export") as con:
            return write_jsonl(con, Path(path))

    def export_parquet(self, directory: str | Path, *, by_month: bool = False) -> list[Path]:
        """Write one Parquet file per table into ``directory`` (dated tables by month); return them."""
        with self._db("export") as con:
            return write_parquet(con, Path(directory), by_month=by_month)

    def export_gdelt(self, path: str | Path, *, header: bool = False, claimed: bool = True) -> int:
        """Write the deduplicated (claimed) events as a GDELT 2.0 event table (TSV); return the rows."""
        with self._db("export") as con:
            return export_gdelt(con, Path(path), header=header, claimed=claimed)

    def import_gdelt(self, path: str | Path) -> int:
        """Import a GDELT 2.0 event file into ``gdelt_events`` in one transaction; return the new rows."""
        with self._db("write to", write=True) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                count = import_gdelt(con, Path(path))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return count

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None
