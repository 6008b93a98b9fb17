"""Records to column arrays for the writer, and flat rows back to the nested JSON form."""

from __future__ import annotations

import dataclasses
import functools
import itertools
from collections.abc import Mapping, Sequence
from operator import attrgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from newsevents.store.schema import Table


def _values_at(path: tuple[str, ...], cache: dict[tuple[str, ...], list[Any]]) -> list[Any]:
    """Return the attribute at ``path`` of every record (None below a None nested record)."""
    if path not in cache:
        parents = _values_at(path[:-1], cache)
        get = attrgetter(path[-1])
        if len(path) == 1:  # the records themselves are never None
            cache[path] = list(map(get, parents))
        else:
            cache[path] = [None if parent is None else get(parent) for parent in parents]
    return cache[path]


def column_arrays(
    records: Sequence[object], table: Table, extra: Mapping[str, Sequence[object]] | None = None
) -> dict[str, npt.NDArray[Any]]:
    """Return records as one object array per column of ``table``, the form DuckDB scans in bulk.

    ``extra`` gives the values of the columns without a record path (one per record).
    Tuples stay single cells, which DuckDB reads as lists.
    """
    cache: dict[tuple[str, ...], list[Any]] = {(): list(records)}
    extra = extra or {}
    arrays: dict[str, npt.NDArray[Any]] = {}
    for column in table.columns:
        values = _values_at(column.path, cache) if column.path else extra.get(column.name, ())
        # fromiter keeps each tuple as one cell instead of a new array dimension
        arrays[column.name] = np.fromiter(values, dtype=object, count=len(records))
    return arrays


def scrub(value: Any) -> Any:
    """Return a record with every string made encodable as UTF-8 (lone surrogates become ``?``)."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, tuple):
        return tuple(scrub(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: scrub(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


#: How a flat row nests: (key, column name, None) for a value, (key, None, plan) for a record.
_Plan = tuple[tuple[str, str | None, "_Plan | None"], ...]


def _plan_of(items: list[tuple[tuple[str, ...], str]]) -> _Plan:
    """Return the nesting plan of (path, column name) pairs given in table order."""
    plan: list[tuple[str, str | None, _Plan | None]] = []
    for head, group in itertools.groupby(items, key=lambda item: item[0][0]):
        members = list(group)
        if len(members) == 1 and len(members[0][0]) == 1:
            plan.append((head, members[0][1], None))
        else:
            plan.append((head, None, _plan_of([(path[1:], name) for path, name in members])))
    return tuple(plan)


@functools.cache
def _table_plan(table: Table) -> _Plan:
    """Return the nesting plan of a table's columns that come from record fields."""
    return _plan_of([(column.path, column.name) for column in table.columns if column.path])


def _build(row: Mapping[str, object], plan: _Plan) -> dict[str, Any]:
    """Return the nested dict of one row; a nested record whose values are all None is None."""
    out: dict[str, Any] = {}
    for key, name, inner in plan:
        if inner is not None:
            value = _build(row, inner)
            out[key] = value if any(item is not None for item in value.values()) else None
        elif name is not None:
            out[key] = row[name]
    return out


def nest(row: Mapping[str, object], table: Table) -> dict[str, Any]:
    """Return a flat row in the nested ``to_dict`` form; an all-NULL nested record is None."""
    return _build(row, _table_plan(table))
