"""Opening a store file: refuse what is not ours, create a new schema, upgrade an older one.

A file that is not a DuckDB database, a DuckDB database of someone else, a broken file, a
file locked by another process and a newer schema are each a clear error (E601-E604); none
of them is ever replaced by a new empty store.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import duckdb

from newsevents import __version__
from newsevents.errors import Msg, StoreError
from newsevents.store.migrate import migrate
from newsevents.store.schema import SCHEMA_VERSION, TABLES, ddl_statements
from newsevents.store.timeutil import utc_now

logger = logging.getLogger(__name__)

_NOT_DUCKDB = "not a valid DuckDB database file"
#: A DuckDB file starts with an 8-byte checksum and then these bytes.
_MAGIC = b"DUCK"
_MAGIC_AT = 8
_SQLITE = b"SQLite format 3\x00"
#: Never fetch or load extensions: no network at run time, and no SQLite or other foreign files.
_CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def reason_of(exc: BaseException) -> str:
    """Return the first line of a DuckDB error, without its class prefix."""
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    head, sep, rest = text.partition(": ")
    return rest if sep and head.endswith(("Error", "Exception")) else text


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


def connect(path: Path, read_only: bool) -> Any:
    """Return a DuckDB connection to ``path`` (in UTC) or raise StoreError (E601, E603)."""
    if path.is_dir():
        raise StoreError(Msg.E601, path=path, reason="it is a directory")
    foreign = _foreign_file(path)
    if foreign:
        raise StoreError(Msg.E603, path=path, reason=foreign)
    try:
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(str(path), read_only=read_only, config=dict(_CONFIG))
    except duckdb.Error as exc:
        if _NOT_DUCKDB in str(exc):
            raise StoreError(Msg.E603, path=path, reason="the file is not a DuckDB database") from exc
        raise StoreError(Msg.E601, path=path, reason=reason_of(exc)) from exc
    except OSError as exc:
        raise StoreError(Msg.E601, path=path, reason=exc.strerror or str(exc)) from exc
    con.execute("SET TimeZone = 'UTC'")
    return con


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
        con.execute("INSERT INTO meta VALUES (?, ?, ?)", [SCHEMA_VERSION, utc_now(), __version__])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _schema_version(con: Any, path: Path) -> int:
    """Return ``meta.schema_version`` or raise StoreError (E603) when it cannot be read."""
    try:
        row = con.execute("SELECT max(schema_version) FROM meta").fetchone()
    except duckdb.Error as exc:
        raise StoreError(
            Msg.E603, path=path, reason=f"its meta table is unreadable: {reason_of(exc)}"
        ) from exc
    if row is None or row[0] is None:
        raise StoreError(Msg.E603, path=path, reason="its meta table holds no schema version")
    return int(row[0])


def check_schema(con: Any, path: Path, read_only: bool) -> None:
    """Create the schema in an empty database, upgrade an older one, or refuse (E602-E605)."""
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
    if found < SCHEMA_VERSION:
        if read_only:
            raise StoreError(Msg.E604, path=path, found=found, supported=SCHEMA_VERSION)
        migrate(con, path, found)
        tables = _table_names(con)
    missing = sorted({table.name for table in TABLES} - tables)
    if missing:
        raise StoreError(Msg.E603, path=path, reason=f"tables missing: {', '.join(missing)}")
