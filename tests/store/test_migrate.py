"""Schema versions: a version 1 store is upgraded in place, a failed upgrade leaves it as it was."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.model import Result
from newsevents.store import migrate
from newsevents.store.duck import open_store
from newsevents.store.schema import ARTICLES, EVENTS, PROBLEMS, RUNS, SCHEMA_VERSION, TABLES


def _version_1(path: Path, results: list[Result]) -> None:
    """Write a version 1 store (runs, articles, events, problems) holding ``results``."""
    with open_store(path) as store:
        run_id = store.begin_run(["x"])
        store.write(results, run_id=run_id)
    con = duckdb.connect(str(path))
    for table in TABLES:
        if table not in (RUNS, ARTICLES, EVENTS, PROBLEMS):
            con.execute(f"DROP TABLE {table.name}")
    con.execute("UPDATE meta SET schema_version = 1")
    con.close()


def _version(path: Path) -> int:
    """Return the schema version recorded in a store file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return int(con.execute("SELECT max(schema_version) FROM meta").fetchone()[0])
    finally:
        con.close()


def test_migrate_version_1_gains_tables_and_dedup(db_path: Path, results: list[Result]) -> None:
    _version_1(db_path, results)
    with open_store(db_path) as store:
        counts = store.counts(("events", "mentions", "dedup_events", "actors", "inputs"))
    assert counts == {"events": 5, "mentions": 5, "dedup_events": 5, "actors": 0, "inputs": 0}
    assert _version(db_path) == SCHEMA_VERSION


def test_migrate_read_only_old_store_is_e604(db_path: Path, results: list[Result]) -> None:
    _version_1(db_path, results)
    with pytest.raises(StoreError) as info:
        open_store(db_path, read_only=True)
    assert info.value.code == "E604"
    assert _version(db_path) == 1


def test_migrate_failed_step_is_e605_and_rolled_back(
    db_path: Path, results: list[Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    _version_1(db_path, results)

    def broken(con: object) -> None:
        con.execute("CREATE TABLE actors (id VARCHAR)")
        con.execute("SELECT * FROM no_such_table")

    monkeypatch.setitem(migrate.STEPS, 1, broken)
    with pytest.raises(StoreError) as info:
        open_store(db_path)
    assert info.value.code == "E605"
    assert _version(db_path) == 1
    con = duckdb.connect(str(db_path), read_only=True)
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    con.close()
    assert "actors" not in tables
