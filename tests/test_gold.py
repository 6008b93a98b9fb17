"""The evaluation gate: scores on our own sentences and on the shared gold never fall below the floors.

Floors are pinned in ``tests/baseline.json``; they may only go up. Tests reading ``../shared/``
skip with a stated reason where it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluate import load_page_gold, page_path, score_article, score_events, summarize
from newsevents.evaluation import (
    ACLED_GOLD,
    E2E_GOLD,
    PLOVER_GOLD,
    SEED_GOLD,
    score_acled_set,
    score_gold_pages,
    score_plover_set,
    score_sentences,
    scored_events,
)
from newsevents.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
BASELINE = json.loads((ROOT / "tests" / "baseline.json").read_text(encoding="utf-8"))
SENTENCES = ROOT / "tests" / "fixtures" / "sentences.jsonl"


def test_gold_sentence_scores_hold_their_floors(pipeline: Pipeline) -> None:
    scores = score_sentences(pipeline, SENTENCES)
    floors = BASELINE["sentences"]
    assert scores["recall"] >= floors["recall"]
    assert scores["precision"] >= floors["precision"]
    assert scores["false_per_sentence"] <= floors["false_per_sentence"]
    assert scores["quiet_sentences_ok"] >= floors["quiet_sentences_ok"]


@pytest.mark.shared
def test_gold_seed_events(pipeline: Pipeline, shared: Path) -> None:
    gold = load_page_gold(shared / SEED_GOLD)
    (result,) = list(pipeline.run([str(page_path(gold, shared))]))
    assert result.article is not None
    events = scored_events(result.events)
    score = score_events(events, gold)
    assert score.required_matched >= max(4, BASELINE["seed"]["required_matched"])
    assert score.false_events <= min(3, BASELINE["seed"]["false_events"])
    assert score.crawl_date_events == 0
    assert all(e.date != result.article.page_date for e in result.events)
    war = [
        e
        for e in events
        if e.root_code == "19" and {e.source.code, e.target and e.target.code} == {"AZE", "ARM"}
    ]
    assert war
    assert all(e.date == "1994" and e.historical for e in war)


@pytest.mark.shared
def test_gold_seed_article_checks(pipeline: Pipeline, shared: Path) -> None:
    gold = load_page_gold(shared / SEED_GOLD)
    (result,) = list(pipeline.run([str(page_path(gold, shared))]))
    checks = dict(score_article(result.article, gold).checks)
    # The seed file holds 8 blank-line separated body paragraphs; its gold says 9 (noted in the
    # closing note of the foundation issue). Every other article check must pass.
    checks.pop("paragraphs", None)
    assert all(checks.values()), checks


@pytest.mark.shared
def test_gold_e2e_pages_hold_their_floors(pipeline: Pipeline, shared: Path) -> None:
    golds = [load_page_gold(p) for p in sorted((shared / E2E_GOLD).glob("*.json"))]
    summary = summarize(score_gold_pages(pipeline, golds, shared))
    floors = BASELINE["e2e"]
    assert summary["required_recall"] >= floors["required_recall"]
    assert summary["false_events_per_page"] <= floors["false_events_per_page"]
    assert summary["article.all"] >= floors["article_checks"]
    assert summary["crawl_date_events"] == 0


@pytest.mark.shared
def test_gold_plover_sentences_hold_their_floors(pipeline: Pipeline, shared: Path) -> None:
    scores = score_plover_set(pipeline, shared / PLOVER_GOLD)
    floors = BASELINE["plover"]
    assert scores["best_type_accuracy"] >= floors["best_type_accuracy"]
    assert scores["source_country_accuracy"] >= floors["source_country_accuracy"]


@pytest.mark.shared
def test_gold_acled_types_hold_their_floor(pipeline: Pipeline, shared: Path) -> None:
    scores = score_acled_set(pipeline, shared / ACLED_GOLD)
    assert scores["macro_f1"] >= BASELINE["acled"]["macro_f1"]
