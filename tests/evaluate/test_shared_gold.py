"""The shared development gold loads through our loaders, and the gold itself scores perfectly.

Reads ``../shared/gold/`` (or ``$NEWSEVENTS_SHARED``); skipped where it is absent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.evaluate import (
    PageGold,
    SentenceGold,
    load_case2021,
    load_page_gold,
    load_plover_gsr,
    page_path,
    score_events,
    shared_dir,
)
from newsevents.evaluate.gold import EventGold
from newsevents.model import Actor, Event, Plover

SHARED = shared_dir()
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        SHARED is None, reason="../shared/ is absent: set NEWSEVENTS_SHARED to run the gold tests"
    ),
]


def gold_files() -> list[Path]:
    """Return seed.json and every e2e-dev gold file (empty when shared is absent)."""
    if SHARED is None:
        return []
    return [SHARED / "gold/seed.json", *sorted((SHARED / "gold/e2e-dev").glob("*.json"))]


def as_actor(code: str, agents: tuple[str, ...] | None) -> Actor:
    """Return the actor a perfect run would give for a gold actor slot."""
    is_org = code.startswith(("IGO", "NGO"))
    agent = agents[0] if agents else None
    return Actor(
        text=code,
        code=code + (agent or ""),
        kind="igo" if is_org else "state",
        country=None if is_org else code[:3],
        agent=agent,
    )


def as_event(gold: EventGold) -> Event:
    """Return the event a perfect run would give for a gold event."""
    return Event(
        id=gold.id,
        article_id="gold",
        sentence_index=0,
        sentence=gold.evidence,
        trigger="",
        code=gold.code,
        base_code=gold.code[:3],
        root_code=gold.code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover("CONSULT"),
        source=as_actor(gold.source, gold.source_agent),
        target=as_actor(gold.target, gold.target_agent) if gold.target else None,
        date=gold.date,
        date_precision="unknown",
        date_basis="text",
        historical=bool(gold.historical),
    )


@pytest.mark.parametrize("path", gold_files(), ids=lambda path: path.stem[:40])
def test_shared_page_gold_loads_and_matches_itself(path: Path) -> None:
    gold = load_page_gold(path)
    assert SHARED is not None
    assert page_path(gold, SHARED).is_file()
    assert gold.events
    assert gold.article.title
    score = score_events([as_event(event) for event in gold.events], gold)
    assert score.required_matched == score.required_total
    assert score.optional_matched == score.optional_total
    assert score.false_events == 0
    assert score.date_correct == score.date_checked
    assert all(gold_id == event_id for gold_id, event_id in score.pairs)


def test_shared_e2e_counts() -> None:
    assert SHARED is not None
    golds: list[PageGold] = [load_page_gold(path) for path in gold_files()[1:]]
    required = sum(event.required for gold in golds for event in gold.events)
    optional = sum(not event.required for gold in golds for event in gold.events)
    assert (len(golds), required, optional) == (10, 46, 118)  # as the e2e-dev README states


def test_shared_seed_is_text_and_checks_extras() -> None:
    assert SHARED is not None
    seed = load_page_gold(SHARED / "gold/seed.json")
    assert (seed.seed, seed.format, seed.article.paragraphs) == (True, "text", 9)


@pytest.mark.parametrize(
    ("loader", "name"),
    [(load_plover_gsr, "plover_gsr_cameo.jsonl"), (load_case2021, "case2021_task2.jsonl")],
)
def test_shared_sentence_sets_load(loader: Callable[[Path], list[SentenceGold]], name: str) -> None:
    assert SHARED is not None
    golds = loader(SHARED / "gold/dev" / name)
    assert golds
    assert all(gold.text and gold.types and all(gold.types) for gold in golds)
    assert len({gold.id for gold in golds}) == len(golds)
