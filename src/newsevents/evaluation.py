"""Run the pipeline on the development gold in ``shared/`` and score it (``newsevents evaluate``).

The scoring rules live in :mod:`newsevents.evaluate`; this module only feeds them the
pipeline's output. Only asserted-or-reported, non-negated, non-hypothetical events are
scored: a negated or hypothetical event is not a claim that the event happened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from newsevents.errors import DataError, Msg
from newsevents.evaluate import (
    ArticleGold,
    EventGold,
    PageGold,
    PageScore,
    format_table,
    load_case2021,
    load_page_gold,
    load_plover_gsr,
    page_path,
    page_rows,
    score_acled_sentences,
    score_events,
    score_page,
    score_plover_sentences,
    shared_dir,
    summarize,
)
from newsevents.model import Event, Page, Result, content_id
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings

#: The part of the gold folder each set lives in.
SEED_GOLD = "gold/seed.json"
E2E_GOLD = "gold/e2e-dev"


def scored_events(events: Sequence[Event]) -> list[Event]:
    """Return the events gold codes: claimed (not negated, hypothetical, demanded), one per mutual action.

    The pipeline gives a mutual action ("A and B fought") one event per direction, as the
    data model says; gold codes it once as a symmetric event that matches either way. The
    reverse twin (same sentence, trigger and code, actors swapped) is therefore scored once.
    """
    kept: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    for event in events:
        if event.negated or event.modality in {"hypothetical", "demanded"}:
            continue
        target = event.target.code if event.target else None
        twin = (event.sentence_index, event.trigger, event.code, target, event.source.code)
        if twin in seen:
            continue
        seen.add((event.sentence_index, event.trigger, event.code, event.source.code, target))
        kept.append(event)
    return kept


def score_gold_pages(pipeline: Pipeline, golds: Sequence[PageGold], shared: Path) -> list[PageScore]:
    """Run every gold page through the pipeline and score it."""
    scores = []
    for gold in golds:
        results = list(pipeline.run([str(page_path(gold, shared))]))
        result = results[0] if results else Result(gold.name, None)
        scores.append(score_page(result.article, scored_events(result.events), gold))
    return scores


def _resolve_shared(shared: Path | None) -> Path:
    """Return the shared/ folder or raise a DataError saying how to point at it."""
    folder = shared or shared_dir()
    if folder is None or not folder.is_dir():
        raise DataError(Msg.E591, path=folder or "../shared", reason="set --shared or NEWSEVENTS_SHARED")
    return folder


def run_evaluation(settings: Settings, *, seed: bool, e2e: bool, shared: Path | None = None) -> str:
    """Return the evaluation report for the chosen gold sets."""
    folder = _resolve_shared(shared)
    pipeline = Pipeline(settings)
    sections = []
    if seed:
        scores = score_gold_pages(pipeline, [load_page_gold(folder / SEED_GOLD)], folder)
        sections.append(_section("seed", scores))
    if e2e:
        golds = [load_page_gold(p) for p in sorted((folder / E2E_GOLD).glob("*.json"))]
        sections.append(_section("e2e-dev", score_gold_pages(pipeline, golds, folder)))
    return "\n\n".join(sections)


def _section(name: str, scores: list[PageScore]) -> str:
    """Return one gold set's per-page table and summary."""
    header, rows = page_rows(scores)
    summary = summarize(scores)
    lines = [f"== {name}", format_table(header, rows), ""]
    lines += [
        f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}"
        for key, value in summary.items()
    ]
    for score in scores:
        unmatched = ", ".join(score.events.unmatched_required)
        if unmatched:
            lines.append(f"{score.name}: unmatched required: {unmatched}")
    return "\n".join(lines)


def _gold_actor(code: str | None, accepted: Sequence[str]) -> tuple[str | None, tuple[str, ...] | None]:
    """Return (country or IGO code, agents) for a fixture actor code such as ``AZEGOV``."""
    if code is None:
        return None, None
    if code.startswith(("IGO", "NGO")):
        return code[:6], None
    agents = tuple(dict.fromkeys(c[3:] for c in (code, *accepted) if len(c) > 3 and c[:3] == code[:3]))
    return code[:3], agents or None


def sentence_gold(record: Mapping[str, Any]) -> PageGold:
    """Return the gold of one hand-coded fixture sentence as a one-paragraph page gold."""
    events = []
    claimed = [e for e in record["events"] if not e.get("negated") and e.get("modality") != "hypothetical"]
    for n, raw in enumerate(claimed):
        source, source_agents = _gold_actor(raw["source"], raw.get("accept_sources", ()))
        target, target_agents = _gold_actor(raw.get("target"), raw.get("accept_targets", ()))
        domestic = source is not None and source == target
        events.append(
            EventGold(
                id=f"{record['id']}.{n}",
                required=True,
                source=source or "",
                target=target,
                code=raw["code"],
                accept_codes=tuple(raw.get("accept_codes") or (raw["code"],)),
                symmetric=bool(raw.get("symmetric")),
                source_agent=source_agents if domestic else None,
                target_agent=target_agents if domestic else None,
                date=raw.get("date"),
                historical=raw.get("historical"),
            )
        )
    return PageGold(name=record["id"], file="", format="body", article=ArticleGold(), events=tuple(events))


def score_sentences(pipeline: Pipeline, path: Path) -> dict[str, float]:
    """Score the pipeline on a JSONL file of hand-coded sentences; return recall and noise figures."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    matched = total = predicted = false = quiet_ok = quiet = 0
    for record in records:
        page = Page(
            id=content_id(record["text"]),
            input_id=record["id"],
            text=record["text"],
            format="body",
            meta={"published": record["published"]},
        )
        events = scored_events(pipeline.process(page).events)
        score = score_events(events, sentence_gold(record))
        matched, total = matched + score.required_matched, total + score.required_total
        predicted, false = predicted + len(events), false + score.false_events
        if not record["events"]:
            quiet, quiet_ok = quiet + 1, quiet_ok + (not events)
    return {
        "sentences": float(len(records)),
        "recall": matched / total if total else 0.0,
        "precision": (predicted - false) / predicted if predicted else 0.0,
        "events_per_sentence": predicted / len(records) if records else 0.0,
        "false_per_sentence": false / len(records) if records else 0.0,
        "quiet_sentences_ok": quiet_ok / quiet if quiet else 1.0,
    }


def sentence_events(pipeline: Pipeline, texts: Sequence[tuple[str, str, str | None]]) -> list[list[Event]]:
    """Return the scored events of bare sentences given as (id, text, published) triples."""
    out = []
    for sentence_id, text, published in texts:
        meta = {"published": published} if published else {}
        page = Page(id=content_id(text), input_id=sentence_id, text=text, format="body", meta=meta)
        out.append(scored_events(pipeline.process(page).events))
    return out


def score_plover_set(pipeline: Pipeline, path: Path) -> dict[str, float]:
    """Score best-event PLOVER type, any-event type and source country on the PLOVER GSR sentences."""
    golds = load_plover_gsr(path)
    return score_plover_sentences(golds, sentence_events(pipeline, [(g.id, g.text, None) for g in golds]))


def score_acled_set(pipeline: Pipeline, path: Path) -> dict[str, float]:
    """Score ACLED sub-event types (macro-F1 over the types ACLED has) on the CASE 2021 snippets."""
    golds = load_case2021(path)
    return score_acled_sentences(golds, sentence_events(pipeline, [(g.id, g.text, None) for g in golds]))
