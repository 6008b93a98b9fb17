"""Queries over the three datasets: filters, series per period, rankings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from newsevents.errors import StoreError
from newsevents.model import Result
from newsevents.store import Store, open_store

from .conftest import build_results


@pytest.fixture(scope="module")
def queried(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One filled and deduplicated store shared by the read-only tests of this module."""
    with open_store(tmp_path_factory.mktemp("query") / "events.duckdb") as store:
        run_id = store.begin_run(["x"])
        store.write(build_results(), run_id=run_id)
        store.dedup()
        yield store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"country": "aze"}, {(0, 0), (0, 1)}),
        ({"source": "ARM"}, {(0, 1), (1, 3)}),
        ({"target": "IGO"}, {(1, 3)}),
        ({"dyad": ("AZE", "ARM")}, {(0, 1)}),
        ({"dyad": ("GBR", "AZEMIL")}, {(0, 0)}),
        ({"place": "BAK"}, {(0, 0)}),
        ({"place": "aze"}, {(0, 0)}),
        ({"claimed": True}, {(0, 0), (0, 1), (1, 0), (1, 3)}),
    ],
)
@pytest.mark.parametrize("dataset", ["reports", "unique"])
def test_query_new_filters_on_both_datasets(
    queried: Store, results: list[Result], filters: dict[str, Any], expected: set[Any], dataset: str
) -> None:
    where = {(e.source.code, e.code): (i, e.sentence_index) for i, r in enumerate(results) for e in r.events}
    rows = queried.events(dataset=dataset, **filters)
    assert {where[(str(row["source_code"]), str(row["code"]))] for row in rows} == expected


@pytest.mark.parametrize(
    ("by", "periods"),
    [
        ("day", ["2016-09-09"]),
        ("week", ["2016-09-05"]),
        ("month", ["2016-09", "2016-10"]),
        ("year", ["1994", "2016"]),
    ],
)
def test_query_series_periods(queried: Store, by: str, periods: list[str]) -> None:
    assert [row["period"] for row in queried.series(by=by)] == periods


def test_query_series_counts_quad_classes_and_goldstein(queried: Store) -> None:
    (row,) = queried.series(by="day")
    assert (row["events"], row["verbal_coop"], row["verbal_conflict"]) == (2, 1, 1)
    assert (row["goldstein_sum"], row["goldstein_mean"], row["mentions"]) == (-1.0, -0.5, 2)


def test_query_dyad_direction(queried: Store) -> None:
    assert [r["events"] for r in queried.dyad("ARM", "AZE", by="year")] == [1]
    assert queried.dyad("AZE", "ARM", by="year") == []
    assert [r["period"] for r in queried.dyad("AZE", "ARM", by="year", both=True)] == ["1994"]


@pytest.mark.parametrize(
    ("kind", "first"),
    [
        ("actors", {"actor": "ARM", "events": 3}),
        ("codes", {"code": "0231", "events": 1}),
        ("places", {"place": "Baku"}),
    ],
)
def test_query_top(queried: Store, kind: str, first: dict[str, object]) -> None:
    row = queried.top(kind)[0]
    assert {key: row[key] for key in first} == first


@pytest.mark.parametrize(
    "call",
    [
        lambda s: s.series(by="fortnight"),
        lambda s: s.top("people"),
        lambda s: s.events(dataset="acled"),
    ],
    ids=["period", "kind", "dataset"],
)
def test_query_unknown_choice_is_e616(queried: Store, call: Any) -> None:
    with pytest.raises(StoreError) as info:
        call(queried)
    assert info.value.code == "E616"


def test_query_dyad_needs_two_codes(queried: Store) -> None:
    with pytest.raises(StoreError) as info:
        queried.events(dyad=("AZE", ""))
    assert info.value.code == "E614"
