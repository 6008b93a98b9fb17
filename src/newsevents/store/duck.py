"""The DuckDB store: one file holding runs, articles, events and problems.

A :class:`Store` owns one DuckDB connection and is not thread-safe; open one per
thread or process (DuckDB lets only one process write a file at a time). Writes are
idempotent: a row whose primary key is already stored is skipped, so writing the
same inputs twice leaves the counts of articles, events and problems unchanged.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from uuid import uuid4

import duckdb
import numpy as np

from newsevents import __version__
from newsevents.errors import Msg, StoreError
from newsevents.model import Problem, Result
from newsevents.store.export import write_jsonl, write_parquet
from newsevents.store.query import EventFilter, event_sql
from newsevents.store.rows import column_arrays, scrub
from newsevents.store.schema import (
    ARTICLES,
    EVENTS,
    PROBLEMS,
    RUNS,
    SCHEMA_VERSION,
    TABLES,
    Table,
    ddl_statements,
    quote,
)
from newsevents.store.summary import RunSummary

logger = logging.getLogger(__name__)

_NOT_DUCKDB = "not a valid DuckDB database file"
#: A DuckDB file starts with an 8-byte checksum and then these bytes.
_MAGIC = b"DUCK"
_MAGIC_AT = 8
_SQLITE = b"SQLite format 3\x00"
#: Never fetch or load extensions: no network at run time, and no SQLite or other foreign files.
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
_STAGING = "newsevents_staging"
_POSITION = "newsevents_position"


def _now() -> datetime:
    """Return the current UTC time without tzinfo (the TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _reason(exc: BaseException) -> str:
    """Return the first line of a DuckDB error, without its class prefix."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    head, sep, rest = text.partition(": ")
    return rest if sep and head.endswith(("Error", "Exception")) else text


def problem_id(problem: Problem) -> str:
    """Return the stable id of a problem: a hash of its input, stage, code, line and message."""
    key = f"{problem.input_id}|{problem.stage}|{problem.code}|{problem.line}|{problem.message}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def _foreign_file(path: Path) -> str | None:
    """Return why an existing file is not a DuckDB database, or None when it may be one."""
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(Msg.E601, path=path, reason=exc.strerror or str(exc)) from exc
    if header == _SQLITE:
        return "the file is an SQLite database"
    if header[_MAGIC_AT : _MAGIC_AT + len(_MAGIC)] != _MAGIC:
        return "the file is empty" if not header else "the file is not a DuckDB database"
    return None


def _connect(path: Path, read_only: bool) -> Any:
    """Return a DuckDB connection to ``path`` or raise StoreError (E601, E603)."""
    if path.is_dir():
        raise StoreError(Msg.E601, path=path, reason="it is a directory")
    foreign = _foreign_file(path)
    if foreign:
        raise StoreError(Msg.E603, path=path, reason=foreign)
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(path), read_only=read_only, config=dict(_CONFIG))
    except duckdb.Error as exc:
        if _NOT_DUCKDB in str(exc):
            raise StoreError(Msg.E603, path=path, reason="the file is not a DuckDB database") from exc
        raise StoreError(Msg.E601, path=path, reason=_reason(exc)) from exc
    except OSError as exc:
        raise StoreError(Msg.E601, path=path, reason=exc.strerror or str(exc)) from exc


def _table_names(con: Any) -> set[str]:
    """Return the names of the tables in the main schema of the open database."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database() AND table_schema = 'main'"
    ).fetchall()
    return {str(row[0]) for row in rows}


def _create_schema(con: Any) -> None:
    """Create every table and the ``meta`` row in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        for statement in ddl_statements():
            con.execute(statement)
        con.execute("INSERT INTO meta VALUES (?, ?, ?)", [SCHEMA_VERSION, _now(), __version__])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _schema_version(con: Any, path: Path) -> int:
    """Return ``meta.schema_version`` or raise StoreError (E603) when it cannot be read."""
    try:
        row = con.execute("SELECT max(schema_version) FROM meta").fetchone()
    except duckdb.Error as exc:
        raise StoreError(Msg.E603, path=path, reason=f"its meta table is unreadable: {_reason(exc)}") from exc
    if row is None or row[0] is None:
        raise StoreError(Msg.E603, path=path, reason="its meta table holds no schema version")
    return int(row[0])


def _check_schema(con: Any, path: Path, read_only: bool) -> None:
    """Create the schema in an empty database, or check the one found (E602, E603)."""
    tables = _table_names(con)
    if "meta" not in tables:
        if tables or read_only:
            reason = "it holds other tables" if tables else "it holds no newsevents tables"
            raise StoreError(Msg.E603, path=path, reason=reason)
        _create_schema(con)
        logger.debug("created a newsevents store (schema %d) in %s", SCHEMA_VERSION, path)
        return
    found = _schema_version(con, path)
    if found > SCHEMA_VERSION:
        raise StoreError(Msg.E602, path=path, found=found, supported=SCHEMA_VERSION)
    missing = sorted({table.name for table in TABLES} - tables)
    if missing:
        raise StoreError(Msg.E603, path=path, reason=f"tables missing: {', '.join(missing)}")


def open_store(path: str | Path, *, read_only: bool = False) -> Store:
    """Open (or create, unless read-only) the newsevents store at ``path``."""
    target = Path(path)
    con = _connect(target, read_only)
    try:
        _check_schema(con, target, read_only)
    except StoreError:
        con.close()
        raise
    except duckdb.Error as exc:
        con.close()
        raise StoreError(Msg.E601, path=target, reason=_reason(exc)) from exc
    return Store(con, target, read_only=read_only)


def _chunks(results: Iterable[Result], size: int) -> Iterator[list[Result]]:
    """Yield lists of at most ``size`` results."""
    iterator = iter(results)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


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


def _insert(
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
            raise StoreError(Msg.E611, action=action, path=self.path, reason=_reason(exc)) from exc

    def _check_run(self, con: Any, run_id: str) -> None:
        """Raise StoreError (E613) unless ``run_id`` was made by :meth:`begin_run`."""
        if con.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]).fetchone()[0] == 0:
            raise StoreError(Msg.E613, run_id=run_id, path=self.path)

    def begin_run(self, inputs: Sequence[str]) -> str:
        """Record the start of a run over ``inputs``; return its new run id."""
        run_id = f"{_now():%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
        with self._db("write to", write=True) as con:
            con.execute(
                "INSERT INTO runs (run_id, started, inputs) VALUES (?, ?, ?)",
                [run_id, _now(), json.dumps([str(item) for item in inputs])],
            )
        logger.debug("began run %s over %d inputs", run_id, len(inputs))
        return run_id

    def write(self, results: Iterable[Result], *, run_id: str, batch_size: int = 500) -> RunSummary:
        """Store results in batches of ``batch_size``; rows already stored are skipped."""
        total = RunSummary()
        with self._db("write to", write=True) as con:
            self._check_run(con, run_id)
            for chunk in _chunks(results, max(1, batch_size)):
                total += self._write_batch(con, chunk, run_id)
        logger.debug("run %s wrote %s", run_id, total)
        return total

    def _write_batch(self, con: Any, chunk: list[Result], run_id: str) -> RunSummary:
        """Insert one batch in one transaction, scrubbing its strings if DuckDB refuses them."""
        try:
            return self._insert_batch(con, chunk, run_id)
        except duckdb.InvalidInputException as exc:
            if "UTF-8" not in str(exc):
                raise
            logger.warning("run %s: text that is not valid UTF-8 was replaced (%s)", run_id, _reason(exc))
            return self._insert_batch(con, [scrub(result) for result in chunk], run_id)

    def _insert_batch(self, con: Any, chunk: list[Result], run_id: str) -> RunSummary:
        """Insert one batch of results in one transaction; return its summary."""
        articles = [r.article for r in chunk if r.article is not None]
        events = [e for r in chunk for e in r.events]
        problems = [p for r in chunk for p in r.problems]
        extra = {"id": [problem_id(p) for p in problems], "run_id": [run_id] * len(problems)}
        con.execute("BEGIN TRANSACTION")
        try:
            new_articles = _insert(con, ARTICLES, articles)
            new_events = _insert(con, EVENTS, events)
            _insert(con, PROBLEMS, problems, extra)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            with suppress(duckdb.Error):  # after a failed insert only a ROLLBACK is allowed
                con.unregister(_STAGING)
        return RunSummary(len(articles), new_articles, new_events, len(problems))

    def finish_run(self, run_id: str, summary: RunSummary) -> None:
        """Record the end of a run and its summary."""
        names = [name for name in RUNS.names if name not in ("run_id", "started", "finished", "inputs")]
        assignments = ", ".join(f"{quote(name)} = ?" for name in names)
        with self._db("write to", write=True) as con:
            self._check_run(con, run_id)
            con.execute(
                f"UPDATE runs SET finished = ?, {assignments} WHERE run_id = ?",
                [_now(), *(getattr(summary, name) for name in names), run_id],
            )

    def _fetch(self, sql: str, params: Sequence[object] = ()) -> list[dict[str, object]]:
        """Return the rows of a query as dicts keyed by column name."""
        with self._db("read from") as con:
            cursor = con.execute(sql, list(params))
            names = [item[0] for item in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def events(
        self,
        *,
        actor: str | None = None,
        code: str | None = None,
        root: str | None = None,
        quad_class: int | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, object]]:
        """Return flat event rows matching every given filter (see :class:`EventFilter`)."""
        spec = EventFilter(actor, code, root, quad_class, since, until, text, limit)
        sql, params = event_sql(spec)
        return self._fetch(sql, params)

    def articles(self, limit: int | None = None) -> list[dict[str, object]]:
        """Return flat article rows in the order they were stored."""
        columns = ", ".join(quote(name) for name in ARTICLES.names)
        sql = f"SELECT {columns} FROM articles ORDER BY rowid"
        return self._fetch(sql + " LIMIT ?", [max(0, limit)]) if limit is not None else self._fetch(sql)

    def runs(self, limit: int | None = None) -> list[dict[str, object]]:
        """Return run rows, newest first."""
        sql = "SELECT * FROM runs ORDER BY started DESC, run_id DESC"
        return self._fetch(sql + " LIMIT ?", [max(0, limit)]) if limit is not None else self._fetch(sql)

    def counts(self) -> dict[str, int]:
        """Return the number of stored articles, events, problems and runs."""
        names = ("articles", "events", "problems", "runs")
        sql = "SELECT " + ", ".join(f"(SELECT count(*) FROM {name})" for name in names)
        with self._db("read from") as con:
            row = con.execute(sql).fetchone()
        return {name: int(value) for name, value in zip(names, row, strict=True)}

    def export_jsonl(self, path: str | Path) -> int:
        """Write every stored result in the ``newsevents extract`` JSON form; return the lines."""
        with self._db("export") as con:
            return write_jsonl(con, Path(path))

    def export_parquet(self, directory: str | Path) -> list[Path]:
        """Write one Parquet file per table into ``directory``; return the files."""
        with self._db("export") as con:
            return write_parquet(con, Path(directory))

    def close(self) -> None:
        """Close the connection; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None
