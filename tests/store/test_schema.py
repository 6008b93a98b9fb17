"""The tables are derived from the model records, one column per leaf field."""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from newsevents.model import Result, to_dict
from newsevents.store.dedup import dedup_columns
from newsevents.store.schema import (
    ACTORS,
    ARTICLES,
    DEDUP_EVENTS,
    EVENTS,
    GDELT_EVENTS,
    INPUTS,
    MENTIONS,
    PROBLEMS,
    RUNS,
    TABLES,
    Table,
    ddl_statements,
)
from newsevents.store.summary import RunSummary


def _leaf_names(data: dict[str, Any], prefix: str = "") -> set[str]:
    """Return the flattened names of every leaf of a nested dict (None nested records skipped)."""
    names: set[str] = set()
    for key, value in data.items():
        if value is None and key in ("target", "location", "acled"):
            continue
        if isinstance(value, dict):
            names |= _leaf_names(value, f"{prefix}{key}_")
        else:
            names.add(f"{prefix}{key}")
    return names


def test_schema_event_columns_are_the_leaves_of_a_full_event(results: list[Result]) -> None:
    full = results[0].events[0]  # has a target and a location
    acled = results[0].events[1]
    expected = _leaf_names(to_dict(full)) | _leaf_names(to_dict(acled))
    assert set(EVENTS.names) == expected


def test_schema_article_columns_are_the_leaves_of_an_article(results: list[Result]) -> None:
    article = results[0].article
    assert article is not None
    assert set(ARTICLES.names) == _leaf_names(to_dict(article))


@pytest.mark.parametrize(
    ("table", "column", "sql_type"),
    [
        (ARTICLES, "paragraphs", "VARCHAR[]"),
        (ARTICLES, "extraction_warnings", "VARCHAR[]"),
        (ARTICLES, "published_precision", "VARCHAR"),
        (EVENTS, "quad_class", "BIGINT"),
        (EVENTS, "goldstein", "DOUBLE"),
        (EVENTS, "historical", "BOOLEAN"),
        (EVENTS, "target_country", "VARCHAR"),
        (EVENTS, "location_lat", "DOUBLE"),
        (EVENTS, "location_geonames_id", "BIGINT"),
        (EVENTS, "acled_sub_event_type", "VARCHAR"),
        (PROBLEMS, "line", "BIGINT"),
        (RUNS, "inputs", "JSON"),
        (RUNS, "events_new", "BIGINT"),
    ],
)
def test_schema_column_type(table: Any, column: str, sql_type: str) -> None:
    assert {c.name: c.sql_type for c in table.columns}[column] == sql_type


def test_schema_runs_hold_every_summary_field() -> None:
    assert set(RunSummary.__dataclass_fields__) <= set(RUNS.names)


def test_schema_problems_carry_run_and_key() -> None:
    assert PROBLEMS.names[:2] == ("id", "run_id")
    assert PROBLEMS.key == "id"


def test_schema_ddl_creates_every_table() -> None:
    con = duckdb.connect()
    for statement in ddl_statements():
        con.execute(statement)
    found = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert found == {"meta", *(table.name for table in TABLES)}
    events = [row[0] for row in con.execute("DESCRIBE events").fetchall()]
    assert events == list(EVENTS.names)


def test_schema_derived_tables_reuse_event_column_names() -> None:
    shared = set(DEDUP_EVENTS.names) & set(EVENTS.names)
    assert {"source_code", "target_country", "location_name", "sentence", "plover_type"} <= shared
    assert {"num_mentions", "num_articles", "num_sources", "first_seen", "last_seen"} <= set(
        DEDUP_EVENTS.names
    )


@pytest.mark.parametrize(
    ("table", "column", "sql_type"),
    [
        (MENTIONS, "seen", "TIMESTAMP"),
        (MENTIONS, "day", "DATE"),
        (INPUTS, "mtime_ns", "BIGINT"),
        (ACTORS, "position", "BIGINT"),
        (ACTORS, "code", "VARCHAR"),
        (GDELT_EVENTS, "GlobalEventID", "BIGINT"),
        (GDELT_EVENTS, "GoldsteinScale", "DOUBLE"),
    ],
)
def test_schema_new_column_types(table: Table, column: str, sql_type: str) -> None:
    assert {c.name: c.sql_type for c in table.columns}[column] == sql_type


def test_schema_derived_tables_have_no_primary_key_constraint() -> None:
    assert "PRIMARY KEY" not in MENTIONS.ddl()
    assert "PRIMARY KEY" in EVENTS.ddl()


def test_schema_every_dedup_column_has_a_source() -> None:
    assert list(dedup_columns()) == list(DEDUP_EVENTS.names)
