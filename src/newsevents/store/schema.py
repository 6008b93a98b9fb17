"""The store's tables, derived in one place from the records in :mod:`newsevents.model`.

Every column of ``articles``, ``events``, ``problems`` and ``actors`` comes from a dataclass
field, and so do the store's own records (:mod:`newsevents.store.records`: ``inputs``,
``mentions``, ``dedup_events``); nested records are flattened with their field name as
prefix (``Event.source.code`` is ``source_code``, ``Event.plover.type`` is ``plover_type``).
Adding a field to a record adds a column here, in the writer, in the queries and in the
exports. ``gdelt_events`` holds imported GDELT 2.0 rows, its columns from ``data/gdelt_events.tsv``.

Schema versions: 1 had runs, articles, events and problems; 2 added actors, inputs,
mentions, dedup_events and gdelt_events (see :mod:`newsevents.store.migrate`).
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import types
import typing
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from newsevents.model import Actor, Article, Event, Problem
from newsevents.store.records import DedupEvent, InputDone, Mention
from newsevents.store.summary import RunSummary

#: Bump when a table changes and add a step to ``migrate.STEPS``; a higher version is refused (E602).
SCHEMA_VERSION = 2

_SCALARS: dict[Any, str] = {
    str: "VARCHAR",
    int: "BIGINT",
    float: "DOUBLE",
    bool: "BOOLEAN",
    datetime.datetime: "TIMESTAMP",
    datetime.date: "DATE",
}


@dataclass(frozen=True, slots=True)
class Column:
    """One table column: its name, DuckDB type and the attribute path it is read from.

    An empty ``path`` marks a column the writer fills itself (``run_id``, a problem's ``id``).
    """

    name: str
    sql_type: str
    path: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """One table: name, columns in order and its key column.

    The key is a PRIMARY KEY (checked on every insert) unless ``primary`` is False, as for
    the derived tables that are rebuilt as a whole and whose keys are unique by construction.
    """

    name: str
    columns: tuple[Column, ...]
    key: str
    primary: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        """Return the column names in table order."""
        return tuple(column.name for column in self.columns)

    def ddl(self) -> str:
        """Return the ``CREATE TABLE IF NOT EXISTS`` statement of this table."""
        body = ",\n    ".join(f"{quote(c.name)} {c.sql_type}" for c in self.columns)
        if self.primary:
            body += f",\n    PRIMARY KEY ({quote(self.key)})"
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n    {body}\n)"


def quote(name: str) -> str:
    """Return a column name as a quoted SQL identifier (``date`` and ``trigger`` are keywords)."""
    return '"' + name.replace('"', '""') + '"'


def _strip_optional(tp: Any) -> Any:
    """Return ``X`` for ``X | None`` and ``tp`` unchanged otherwise."""
    if typing.get_origin(tp) in (types.UnionType, typing.Union):
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _sql_type(tp: Any) -> str:
    """Return the DuckDB type of a scalar, ``Literal`` or ``tuple[str, ...]`` annotation."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin = typing.get_origin(tp)
    if origin is Literal:
        return _SCALARS[type(typing.get_args(tp)[0])]
    if origin is tuple:
        return _sql_type(typing.get_args(tp)[0]) + "[]"
    raise TypeError(f"no DuckDB type for the annotation {tp!r}")


def columns_of(record: type, path: tuple[str, ...] = ()) -> tuple[Column, ...]:
    """Return the flattened columns of a dataclass type, nested dataclasses included."""
    hints = typing.get_type_hints(record)
    columns: list[Column] = []
    for item in dataclasses.fields(record):
        tp = _strip_optional(hints[item.name])
        field_path = (*path, item.name)
        if dataclasses.is_dataclass(tp):
            columns.extend(columns_of(tp, field_path))  # type: ignore[arg-type]
        else:
            columns.append(Column("_".join(field_path), _sql_type(tp), field_path))
    return tuple(columns)


ARTICLES = Table("articles", columns_of(Article), key="id")
EVENTS = Table("events", columns_of(Event), key="id")
PROBLEMS = Table(
    "problems",
    (Column("id", "VARCHAR"), Column("run_id", "VARCHAR"), *columns_of(Problem)),
    key="id",
)
RUNS = Table(
    "runs",
    (
        Column("run_id", "VARCHAR"),
        Column("started", "TIMESTAMP"),
        Column("finished", "TIMESTAMP"),
        Column("inputs", "JSON"),
        *columns_of(RunSummary),
    ),
    key="run_id",
)
ACTORS = Table(
    "actors",
    (
        Column("id", "VARCHAR"),
        Column("article_id", "VARCHAR"),
        Column("position", "BIGINT"),
        *columns_of(Actor),
    ),
    key="id",
)
INPUTS = Table("inputs", columns_of(InputDone), key="id")
MENTIONS = Table("mentions", columns_of(Mention), key="event_id", primary=False)
DEDUP_EVENTS = Table("dedup_events", columns_of(DedupEvent), key="id", primary=False)


@functools.cache
def gdelt_columns() -> tuple[Column, ...]:
    """Return the 61 columns of a GDELT 2.0 event table, in file order (``data/gdelt_events.tsv``)."""
    text = resources.files("newsevents.store").joinpath("data/gdelt_events.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(Column(name, sql_type) for name, sql_type, _meaning in rows[1:])


GDELT_EVENTS = Table("gdelt_events", gdelt_columns(), key="GlobalEventID")

#: The data tables, in the order they are created and exported.
TABLES: tuple[Table, ...] = (
    RUNS,
    ARTICLES,
    EVENTS,
    PROBLEMS,
    ACTORS,
    INPUTS,
    MENTIONS,
    DEDUP_EVENTS,
    GDELT_EVENTS,
)

META_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (schema_version INTEGER NOT NULL, created TIMESTAMP, "
    "newsevents_version VARCHAR)"
)


def ddl_statements() -> list[str]:
    """Return every statement that creates the schema (without the ``meta`` row)."""
    return [META_DDL, *(table.ddl() for table in TABLES)]
