"""Run the pipeline on the development gold in ``shared/`` and score it (``newsevents evaluate``).

The scoring rules live in :mod:`newsevents.evaluate`; this module only feeds them the
pipeline's output. Only asserted-or-reported, non-negated, non-hypothetical events are
scored: a negated or hypothetical event is not a claim that the event happened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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
    run_extraction_evaluation,
    score_acled_sentences,
    score_event_locations,
    score_events,
    score_page,
    score_plover_actors,
    score_plover_sentences,
    shared_dir,
    summarize,
)
from newsevents.model import Event, Page, Result, content_id
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings

#: Where each gold set lives, inside shared/ (the sentence fixture is ours, in tests/).
SEED_GOLD = "gold/seed.json"
E2E_GOLD = "gold/e2e-dev"
PLOVER_GOLD = "gold/dev/plover_gsr_cameo.jsonl"
ACLED_GOLD = "gold/dev/case2021_task2.jsonl"
LOCATION_GOLD = "gold/dev/event_location.jsonl"
#: Sentences of the location set scored by default (a fixed, deterministic sample of the 9,686).
LOCATION_SAMPLE = 2000
SENTENCE_FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "sentences.jsonl"
#: The event gold sets ``newsevents evaluate`` knows, in report order.
EVENT_SETS = ("seed", "e2e", "sentences", "plover", "acled", "actors", "locations", "extraction")


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


@dataclass(frozen=True)
class SetReport:
    """What one gold set scored: headline figures for the summary table and a detailed section."""

    name: str
    figures: dict[str, float]
    detail: str = ""


#: Headline figures per set, with the target the issues set (higher is better unless marked "<=").
TARGETS: dict[str, dict[str, str]] = {
    "seed": {"required_matched": ">= 5", "false_events": "<= 2", "crawl_date_events": "<= 0"},
    "e2e": {"required_recall": ">= 0.80", "false_events_per_page": "<= 2", "article.all": ""},
    "sentences": {"recall": "", "precision": "", "events_per_sentence": ""},
    "plover": {
        "best_type_accuracy": ">= 0.75",
        "any_type_accuracy": "",
        "source_country_accuracy": ">= 0.85",
    },
    "acled": {"macro_f1": ">= 0.65", "accuracy": ""},
    "actors": {"source_country_accuracy": ">= 0.85", "target_country_accuracy": ""},
    "locations": {"location_accuracy": ">= 0.70", "false_place_rate": "<= 0.20", "coverage": ""},
    "extraction": {
        "body word-F1 HTML (all) (newsevents)": ">= trafilatura + 0.01",
        "body word-F1 HTML (all) (trafilatura)": "",
        "body word-F1 plaintext dumps (newsevents)": ">= 0.92",
        "title exact (newsevents)": ">= 0.85",
        "publication day (newsevents)": ">= 0.92",
        "author accuracy (newsevents)": ">= 0.80",
        "spurious-author rate (newsevents)": "<= 0.10",
        "HTML pages/s (one core) (newsevents)": ">= 20",
    },
}


def _pages_report(name: str, scores: list[PageScore]) -> SetReport:
    """Return a page set's report: summary figures and its per-page table."""
    summary = summarize(scores)
    figures = {k: float(v) for k, v in summary.items() if isinstance(v, int | float)}
    if name == "seed" and scores:
        figures["false_events"] = float(scores[0].events.false_events)
        figures["required_matched"] = float(scores[0].events.required_matched)
    return SetReport(name, figures, _section(name, scores))


def evaluate_set(name: str, pipeline: Pipeline, shared: Path) -> SetReport:
    """Run the pipeline over one gold set and return its report."""
    if name == "seed":
        return _pages_report(name, score_gold_pages(pipeline, [load_page_gold(shared / SEED_GOLD)], shared))
    if name == "e2e":
        golds = [load_page_gold(p) for p in sorted((shared / E2E_GOLD).glob("*.json"))]
        return _pages_report(name, score_gold_pages(pipeline, golds, shared))
    if name == "sentences":
        return SetReport(name, score_sentences(pipeline, SENTENCE_FIXTURE))
    if name == "plover":
        return SetReport(name, score_plover_set(pipeline, shared / PLOVER_GOLD))
    if name == "acled":
        return SetReport(name, score_acled_set(pipeline, shared / ACLED_GOLD))
    if name == "extraction":
        report = run_extraction_evaluation(shared)
        figures = {
            f"{row.name} ({system})": value
            for row in report.rows
            for system, value in zip(report.systems, row.values, strict=True)
            if value is not None
        }
        return SetReport(name, figures, f"== extraction\n{report}")
    if name == "locations":
        return SetReport(name, score_event_locations(pipeline, shared / LOCATION_GOLD, limit=LOCATION_SAMPLE))
    if name == "actors":
        return SetReport(name, score_plover_actors(pipeline, shared / PLOVER_GOLD))
    raise DataError(Msg.E593, name=name, known=", ".join(EVENT_SETS))


def summary_table(reports: Sequence[SetReport]) -> str:
    """Return one table of the headline figures of every set, with the targets."""
    rows = []
    for report in reports:
        for key, target in TARGETS.get(report.name, {}).items():
            if key in report.figures:
                rows.append([report.name, key, f"{report.figures[key]:.3f}", target])
    return format_table(["set", "figure", "value", "target"], rows)


def run_evaluation(settings: Settings, *, sets: Sequence[str], shared: Path | None = None) -> str:
    """Return the evaluation report for the chosen gold sets: details, then one summary table."""
    folder = _resolve_shared(shared)
    pipeline = Pipeline(settings)
    reports = [evaluate_set(name, pipeline, folder) for name in sets]
    details = [r.detail for r in reports if r.detail]
    return "\n\n".join([*details, "== summary", summary_table(reports)])


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
