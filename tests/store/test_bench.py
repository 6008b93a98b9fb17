"""The store benchmark runs on a few synthetic events and reports consistent counts."""

from __future__ import annotations

import pytest

from newsevents.store.bench import bench_store, synthetic_results


@pytest.mark.parametrize("n", [1, 10, 25])
def test_bench_synthetic_results_hold_n_events(n: int) -> None:
    results = synthetic_results(n)
    assert sum(len(r.events) for r in results) == n
    assert len({e.id for r in results for e in r.events}) == n


def test_bench_store_reports_counts_and_rates() -> None:
    report = bench_store(40)
    assert (report["events"], report["articles"]) == (40, 4)
    assert report["events_per_s"] > 0
    assert report["query_matches"] > 0
