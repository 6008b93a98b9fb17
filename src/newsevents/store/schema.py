"""The store's tables, derived in one place from the records in :mod:`newsevents.model`.

Every column of ``articles``, ``events`` and ``problems`` comes from a dataclass field;
nested records are flattened with their field name as prefix (``Event.source.code`` is
``source_code``, ``Event.plover.type`` is ``plover_type``). Adding a field to a record
adds a column here, in the writer, in the queries and in the exports.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from newsevents.model import Article, Event, Problem
from newsevents.store.summary import RunSummary

#: Bump when a table changes; a database with a higher version is refused (E602).
SCHEMA_VERSION = 1

_SCALARS: dict[Any, str] = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", bool: "BOOLEAN"}


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
    """One table: name, columns in order and the primary key column."""

    name: str
    columns: tuple[Column, ...]
    key: str

    @property
    def names(self) -> tuple[str, ...]:
        """Return the column names in table order."""
        return tuple(column.name for column in self.columns)

    def ddl(self) -> str:
        """Return the ``CREATE TABLE IF NOT EXISTS`` statement of this table."""
        body = ",\n    ".join(f"{quote(c.name)} {c.sql_type}" for c in self.columns)
        key = quote(self.key)
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n    {body},\n    PRIMARY KEY ({key})\n)"


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
#: The data tables, in the order they are created and exported.
TABLES: tuple[Table, ...] = (RUNS, ARTICLES, EVENTS, PROBLEMS)

META_DDL = (
    "CREATE TABLE IF NOT EXISTS meta (schema_version INTEGER NOT NULL, created TIMESTAMP, "
    "newsevents_version VARCHAR)"
)


def ddl_statements() -> list[str]:
    """Return every statement that creates the schema (without the ``meta`` row)."""
    return [META_DDL, *(table.ddl() for table in TABLES)]
