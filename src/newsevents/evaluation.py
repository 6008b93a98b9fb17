"""Run the pipeline on the development gold in ``shared/`` and score it (``newsevents evaluate``).

The scoring rules live in :mod:`newsevents.evaluate`; this module only feeds them the
pipeline's output. Only asserted-or-reported, non-negated, non-hypothetical events are
scored: a negated or hypothetical event is not a claim that the event happened.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newsevents.errors import DataError, Msg
from newsevents.evaluate import (
    PageGold,
    PageScore,
    format_table,
    load_page_gold,
    page_path,
    page_rows,
    score_page,
    shared_dir,
    summarize,
)
from newsevents.model import Event, Result
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings

#: The part of the gold folder each set lives in.
SEED_GOLD = "gold/seed.json"
E2E_GOLD = "gold/e2e-dev"


def scored_events(events: Sequence[Event]) -> list[Event]:
    """Return the events that claim something happened (or was intended): what gold codes."""
    return [e for e in events if not e.negated and e.modality != "hypothetical"]


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
    lines += [f"{key:28} {value:.3f}" if isinstance(value, float) else f"{key:28} {value}"
              for key, value in summary.items()]
    for score in scores:
        unmatched = ", ".join(score.events.unmatched_required)
        if unmatched:
            lines.append(f"{score.name}: unmatched required: {unmatched}")
    return "\n".join(lines)
