"""Store benchmarks: bulk write through the writer, and dedup and queries over a million events.

Speed is measured here, never in tests: ``newsevents bench-store`` prints the numbers.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsevents.model import (
    Acled,
    Actor,
    ActorKind,
    Article,
    Event,
    Extraction,
    Location,
    Plover,
    Result,
    event_id,
)
from newsevents.store.duck import Store, open_store

_EVENTS_PER_ARTICLE = 10
_ACTORS: tuple[tuple[str, ActorKind], ...] = (
    ("AZE", "state"),
    ("ARMMIL", "state"),
    ("IGOUNO", "igo"),
    ("GBRGOV", "state"),
)


def _event(article_id: str, index: int) -> Event:
    """Return one synthetic event; every fourth has no target, every third a location."""
    source_code, source_kind = _ACTORS[index % len(_ACTORS)]
    target_code, target_kind = _ACTORS[(index + 1) % len(_ACTORS)]
    target = Actor("the other side", target_code, target_kind, target_code[:3]) if index % 4 else None
    code = ("042", "190", "112", "036")[index % 4]
    return Event(
        id=event_id(article_id, index, code, source_code, target.code if target else None),
        article_id=article_id,
        sentence_index=index,
        sentence=f"Sentence {index} of a synthetic article about a meeting and an attack.",
        trigger="met",
        code=code,
        base_code=code,
        root_code=code[:2],
        quad_class=1 + index % 4,
        goldstein=1.9 - index % 7,
        plover=Plover("CONSULT", "visit"),
        source=Actor("one side", source_code, source_kind, source_code[:3], start=0, end=8),
        target=target,
        date=f"2016-09-{1 + index % 28:02d}",
        date_precision="day",
        date_basis="published",
        acled=Acled("Battles", "Armed clash") if code == "190" else None,
        location=Location("Baku", "AZE", "Baku", 40.4, 49.9, 587084) if index % 3 == 0 else None,
    )


def synthetic_results(n_events: int) -> list[Result]:
    """Return results holding ``n_events`` synthetic events, ten per article."""
    results: list[Result] = []
    for number in range(0, n_events, _EVENTS_PER_ARTICLE):
        article_id = f"{number:064x}"
        article = Article(
            id=article_id,
            input_id=f"bench-{number}",
            title="A synthetic article",
            paragraphs=("First paragraph.", "Second paragraph."),
            extraction=Extraction("bench"),
            published="2016-09-09",
            published_precision="day",
            authors=("A. Writer",),
            language="en",
        )
        count = min(_EVENTS_PER_ARTICLE, n_events - number)
        results.append(Result(article.input_id, article, tuple(_event(article_id, i) for i in range(count))))
    return results


def bench_store(n: int, *, path: str | Path | None = None, batch_size: int = 2000) -> dict[str, float]:
    """Write ``n`` synthetic events twice and query them; return counts, seconds and rates."""
    results = synthetic_results(n)
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as scratch:
        target = Path(path) if path is not None else Path(scratch) / "bench.duckdb"
        with open_store(target) as store:
            run_id = store.begin_run(["bench"])
            start = time.perf_counter()
            summary = store.write(results, run_id=run_id, batch_size=batch_size)
            write_s = time.perf_counter() - start
            start = time.perf_counter()
            store.write(results, run_id=run_id, batch_size=batch_size)
            rewrite_s = time.perf_counter() - start
            start = time.perf_counter()
            matched = len(store.events(actor="AZE", root="04", since="2016-09-05"))
            query_s = time.perf_counter() - start
            store.finish_run(run_id, summary)
    return {
        "events": float(summary.events_new),
        "articles": float(summary.articles_new),
        "write_s": round(write_s, 4),
        "events_per_s": round(summary.events_new / write_s, 1) if write_s else 0.0,
        "rewrite_s": round(rewrite_s, 4),
        "rewrite_events_per_s": round(n / rewrite_s, 1) if rewrite_s else 0.0,
        "query_s": round(query_s, 4),
        "query_matches": float(matched),
    }


#: Synthetic actors and CAMEO codes (code, base, root, quad class, Goldstein) for the query benchmark.
_BENCH_ACTORS = (
    "AZE", "AZEGOV", "AZEMIL", "ARM", "ARMGOV", "ARMMIL", "RUS", "RUSGOV",
    "USAGOV", "TUR", "IRN", "ISR", "UKR", "UKRMIL", "IGOUNO", "FRA",
)  # fmt: skip
_BENCH_CODES = (
    ("042", "042", "04", 1, 1.9), ("043", "043", "04", 1, 2.8), ("036", "036", "03", 1, 4.0),
    ("057", "057", "05", 1, 8.0), ("0871", "087", "08", 2, 9.0), ("112", "112", "11", 3, -2.0),
    ("120", "120", "12", 3, -4.0), ("138", "138", "13", 3, -7.0), ("173", "173", "17", 4, -5.0),
    ("190", "190", "19", 4, -10.0), ("193", "193", "19", 4, -10.0), ("195", "195", "19", 4, -10.0),
    ("0231", "023", "02", 1, 3.4), ("084", "084", "08", 2, 7.0), ("051", "051", "05", 1, 3.5),
)  # fmt: skip

_BENCH_EVENTS = """
INSERT INTO events BY NAME
SELECT md5('event' || i) AS id, md5('a' || i // 10) || md5('b' || i // 10) AS article_id,
       i % 10 AS sentence_index,
       'Sentence ' || i || ' of a synthetic article: the ministers met and discussed the ceasefire.'
           AS sentence,
       'met' AS "trigger", c.code, c.base_code, c.root_code, c.quad_class, c.goldstein,
       'CONSULT' AS plover_type, s.code AS source_text, s.code AS source_code, 'state' AS source_kind,
       left(s.code, 3) AS source_country, t.code AS target_text, t.code AS target_code,
       'state' AS target_kind, left(t.code, 3) AS target_country,
       strftime(DATE '2015-01-01' + CAST(hash(i, 4) % 2190 AS INTEGER), '%Y-%m-%d') AS "date",
       'day' AS date_precision, 'published' AS date_basis, false AS historical, false AS negated,
       'asserted' AS modality, 0.5 AS confidence,
       CASE WHEN i % 3 = 0 THEN 'Baku' END AS location_name,
       CASE WHEN i % 3 = 0 THEN 'AZE' END AS location_country
FROM range({start}, {n}) AS r(i)
JOIN bench_actors AS s ON s.k = hash(i, 1) % {actors}
JOIN bench_actors AS t ON t.k = (hash(i, 1) + 1 + hash(i, 2) % ({actors} - 1)) % {actors}
JOIN bench_codes AS c ON c.k = hash(i, 3) % {codes}
"""

_BENCH_ARTICLES = """
INSERT INTO articles BY NAME
SELECT md5('a' || j) || md5('b' || j) AS id, 'bench-' || j AS input_id, 'A synthetic article' AS title,
       ['First paragraph.', 'Second paragraph.'] AS paragraphs, 'bench' AS extraction_method,
       'https://news' || (j % 50) || '.example.org/' || j AS url, 'Publisher ' || (j % 50) AS publisher,
       strftime(DATE '2015-01-01' + CAST(j % 2190 AS INTEGER), '%Y-%m-%d') || 'T12:00:00+00:00' AS published,
       'minute' AS published_precision, 'en' AS language
FROM range({n}) AS r(j)
"""


def _fill(con: Any, n: int) -> None:
    """Insert ``n`` synthetic events (ten per article) and their articles with plain SQL."""
    _tables(con)
    con.execute(_BENCH_EVENTS.format(start=0, n=n, actors=len(_BENCH_ACTORS), codes=len(_BENCH_CODES)))
    con.execute(_BENCH_ARTICLES.format(n=(n + 9) // 10))


def _tables(con: Any) -> None:
    """Create the temporary tables of synthetic actors and codes."""
    con.execute("CREATE TEMP TABLE bench_actors (k INTEGER, code VARCHAR)")
    con.executemany("INSERT INTO bench_actors VALUES (?, ?)", list(enumerate(_BENCH_ACTORS)))
    con.execute(
        "CREATE TEMP TABLE bench_codes (k INTEGER, code VARCHAR, base_code VARCHAR, root_code VARCHAR, "
        "quad_class BIGINT, goldstein DOUBLE)"
    )
    con.executemany(
        "INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?, ?)", [(k, *c) for k, c in enumerate(_BENCH_CODES)]
    )


def _timed(call: Any, repeat: int = 5) -> tuple[float, float, Any]:
    """Return the first and the median seconds of ``repeat`` calls, and the last result."""
    times: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times), result


def _timed_dedup(store: Store, n: int) -> tuple[int, float, float]:
    """Return the unique events, the seconds of a full dedup, and of an update after 1,000 more events."""
    start = time.perf_counter()
    unique = store.dedup(full=True)
    dedup_s = time.perf_counter() - start
    more = _BENCH_EVENTS.format(start=n, n=n + 1000, actors=len(_BENCH_ACTORS), codes=len(_BENCH_CODES))
    store._con.execute(more)
    start = time.perf_counter()
    store.dedup()
    return unique, dedup_s, time.perf_counter() - start


def bench_queries(n: int = 1_000_000, *, path: str | Path | None = None) -> dict[str, float]:
    """Fill a store with ``n`` synthetic events, deduplicate them, time dyad-by-month queries and size it."""
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as scratch:
        target = Path(path) if path is not None else Path(scratch) / "queries.duckdb"
        with open_store(target) as store:
            start = time.perf_counter()
            _fill(store._con, n)
            fill_s = time.perf_counter() - start
            unique, dedup_s, update_s = _timed_dedup(store, n)
            first, median, rows = _timed(lambda: store.dyad("AZE", "ARM", by="month"))
            _first, reports_median, _rows = _timed(
                lambda: store.dyad("AZE", "ARM", by="month", dataset="reports")
            )
            store._con.execute("CHECKPOINT")
        size = target.stat().st_size
    return {
        "events": float(n),
        "unique_events": float(unique),
        "fill_s": round(fill_s, 3),
        "dedup_s": round(dedup_s, 3),
        "dedup_update_1000_s": round(update_s, 3),
        "dyad_month_first_s": round(first, 4),
        "dyad_month_median_s": round(median, 4),
        "dyad_month_reports_median_s": round(reports_median, 4),
        "dyad_month_periods": float(len(rows)),
        "bytes": float(size),
        "mb_per_million_events": round(size / 2**20 / n * 1_000_000, 1) if n else 0.0,
    }


def format_report(write: Mapping[str, float], query: Mapping[str, float]) -> str:
    """Return the benchmark numbers as lines for people."""
    return "\n".join(
        [
            f"insert: {write['events']:.0f} events in {write['write_s']:.3f} s = "
            f"{write['events_per_s']:,.0f} events/s"
            f" (re-insert of the same, all skipped: {write['rewrite_events_per_s']:,.0f} events/s)",
            f"store of {query['events']:,.0f} events (SQL fill {query['fill_s']:.2f} s): dedup to "
            f"{query['unique_events']:,.0f} unique events in {query['dedup_s']:.2f} s; "
            f"update after 1,000 more events: {query['dedup_update_1000_s']:.2f} s",
            f"dyad AZE->ARM by month over unique events: {query['dyad_month_first_s']:.4f} s first, "
            f"{query['dyad_month_median_s']:.4f} s median ({query['dyad_month_periods']:.0f} months); "
            f"over all reports: {query['dyad_month_reports_median_s']:.4f} s median",
            f"size: {query['bytes'] / 2**20:,.1f} MiB = {query['mb_per_million_events']:,.1f} MiB "
            "per million events "
            "(events, articles, mentions, unique events)",
        ]
    )
