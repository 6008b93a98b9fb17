"""Records become column arrays and flat rows become the nested JSON form again."""

from __future__ import annotations

import pytest

from newsevents.model import Result, to_dict
from newsevents.store.rows import column_arrays, nest
from newsevents.store.schema import ARTICLES, EVENTS, PROBLEMS


def test_rows_arrays_have_one_cell_per_record(results: list[Result]) -> None:
    events = [e for r in results for e in r.events]
    arrays = column_arrays(events, EVENTS)
    assert set(arrays) == set(EVENTS.names)
    assert all(array.shape == (len(events),) for array in arrays.values())


def test_rows_missing_target_gives_null_target_columns(results: list[Result]) -> None:
    event = results[0].events[2]
    assert event.target is None
    arrays = column_arrays([event], EVENTS)
    assert [arrays[name][0] for name in EVENTS.names if name.startswith("target_")] == [None] * 9
    assert arrays["source_code"][0] == "IGOUNO"


def test_rows_tuples_stay_one_cell(results: list[Result]) -> None:
    article = results[0].article
    arrays = column_arrays([article, article], ARTICLES)
    assert arrays["authors"][1] == ("A. Writer", "B. Writer")
    assert arrays["paragraphs"].shape == (2,)


def test_rows_extra_fills_columns_without_path(results: list[Result]) -> None:
    problem = results[2].problems[0]
    arrays = column_arrays([problem], PROBLEMS, {"id": ["k1"], "run_id": ["r1"]})
    assert (arrays["id"][0], arrays["run_id"][0], arrays["line"][0]) == ("k1", "r1", 7)


@pytest.mark.parametrize(("result_index", "event_index"), [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1)])
def test_rows_nest_inverts_flattening(results: list[Result], result_index: int, event_index: int) -> None:
    event = results[result_index].events[event_index]
    arrays = column_arrays([event], EVENTS)
    flat = {name: array[0] for name, array in arrays.items()}
    flat = {k: list(v) if isinstance(v, tuple) else v for k, v in flat.items()}
    assert nest(flat, EVENTS) == to_dict(event)


def test_rows_nest_skips_columns_without_path() -> None:
    row = {
        "id": "k",
        "run_id": "r",
        "input_id": "x",
        "code": "E1",
        "message": "m",
        "stage": "s",
        "line": None,
    }
    assert nest(row, PROBLEMS) == {"input_id": "x", "code": "E1", "message": "m", "stage": "s", "line": None}
