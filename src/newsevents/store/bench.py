"""A store benchmark: bulk write, idempotent rewrite and one filtered query of synthetic events."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

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
from newsevents.store.duck import open_store

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


def bench_store(n: int, *, path: str | Path | None = None) -> dict[str, float]:
    """Write ``n`` synthetic events twice and query them; return counts, seconds and rates."""
    results = synthetic_results(n)
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as scratch:
        target = Path(path) if path is not None else Path(scratch) / "bench.duckdb"
        with open_store(target) as store:
            run_id = store.begin_run(["bench"])
            start = time.perf_counter()
            summary = store.write(results, run_id=run_id)
            write_s = time.perf_counter() - start
            start = time.perf_counter()
            store.write(results, run_id=run_id)
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
