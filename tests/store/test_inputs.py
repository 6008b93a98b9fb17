"""Streaming writes by input: each finished input is recorded with its last rows."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.model import Result
from newsevents.store import Store
from newsevents.store.inputs import Limits, Progress, Unit, input_key


def _units(tmp_path: Path, results: list[Result]) -> list[Unit]:
    """Return one unit per result, each with a real file behind it."""
    units = []
    for number, result in enumerate(results):
        path = tmp_path / f"input-{number}.txt"
        path.write_text(f"input {number}", encoding="utf-8")
        units.append(Unit(input_key(str(path)), [result]))
    return units


def test_inputs_key_follows_path_size_and_mtime(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one", encoding="utf-8")
    first = input_key(str(path))
    assert first is not None
    assert input_key(str(tmp_path / "." / "a.txt")) == first
    os.utime(path, ns=(1, 1))
    assert input_key(str(path)) != first
    assert input_key(str(tmp_path / "missing.txt")) is None


def test_inputs_are_recorded_with_their_counts(store: Store, results: list[Result], tmp_path: Path) -> None:
    run_id = store.begin_run(["x"])
    summary = store.write_inputs(_units(tmp_path, results), run_id=run_id)
    assert (summary.articles_new, summary.events_new, summary.problems) == (2, 5, 2)
    assert len(store.done_inputs()) == 3
    rows = store._fetch("SELECT path, results, articles, events, problems FROM inputs ORDER BY path")
    assert [(r["articles"], r["events"], r["problems"]) for r in rows] == [(1, 3, 0), (1, 2, 1), (0, 0, 1)]


def test_inputs_progress_counts_commits(store: Store, results: list[Result], tmp_path: Path) -> None:
    reports: list[Progress] = []
    run_id = store.begin_run(["x"])
    store.write_inputs(
        _units(tmp_path, results), run_id=run_id, limits=Limits(seconds=0), report=reports.append
    )
    committed = [p.committed for p in reports if p.after_commit]
    assert committed == sorted(committed)
    assert committed[-1] == 3
    assert reports[-1].events == 5


def test_inputs_unfinished_input_is_not_recorded(store: Store, results: list[Result], tmp_path: Path) -> None:
    units = _units(tmp_path, results)

    def broken() -> Iterator[Result]:
        yield results[1]
        raise RuntimeError("killed")

    units[1] = Unit(units[1].key, broken())
    run_id = store.begin_run(["x"])
    with pytest.raises(RuntimeError):
        store.write_inputs(units, run_id=run_id, limits=Limits(seconds=0))
    first = units[0].key
    assert first is not None
    assert store.done_inputs() == {first.id}
    assert store.counts()["articles"] == 2  # what was committed of the broken input stays
