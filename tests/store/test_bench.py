"""The store benchmark runs on a few synthetic events and reports consistent counts."""

from __future__ import annotations

import pytest

from newsevents.store.bench import bench_queries, bench_store, format_report, synthetic_results


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


def test_bench_queries_reports_dedup_query_and_size() -> None:
    report = bench_queries(3000)
    assert report["events"] == 3000
    assert 0 < report["unique_events"] <= 3000
    assert report["dyad_month_periods"] > 0
    assert report["mb_per_million_events"] > 0
    text = format_report(bench_store(20), report)
    assert "events/s" in text
    assert "per million events" in text
