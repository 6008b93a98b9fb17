"""Sentence gold sets (PLOVER GSR, CASE 2021 task 2): loaders and type / actor scores.

Each sentence gets the events a run predicts for it; the scores compare the
sentence's best event (highest confidence) or any of its events with the gold.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import DataError, Msg
from newsevents.evaluate.matching import actor_matches
from newsevents.model import Event


@dataclass(frozen=True, slots=True)
class SentenceGold:
    """One gold sentence: its text, accepted types and actor countries."""

    id: str
    text: str
    types: tuple[str, ...]
    source_countries: tuple[str, ...] = ()
    target_countries: tuple[str, ...] = ()
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None


#: Country codes of the old CAMEO actor dictionaries that the PLOVER gold still uses, and their ISO code.
OLD_CAMEO_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of a JSONL gold file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Msg.E591, path=path, reason=str(exc)) from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(Msg.E592, path=path, where=f"line {number}", reason=str(exc)) from exc
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DataError(Msg.E592, path=path, where=f"line {number}", reason="needs a string 'text'")
        yield number, record


def _actor_codes(value: Any) -> tuple[str, ...]:
    """Return the upper-cased codes of a PLOVER actor list (a stray string or null gives none)."""
    if not isinstance(value, list):
        return ()
    codes = (item.get("code") for item in value if isinstance(item, Mapping))
    upper = (code.strip().upper() for code in codes if isinstance(code, str) and code.strip())
    return tuple(dict.fromkeys(OLD_CAMEO_CODES.get(code, code) for code in upper))


def load_plover_gsr(path: Path) -> list[SentenceGold]:
    """Read ``plover_gsr_cameo.jsonl``: types are the 2021 label and the v0.5b1 label."""
    out = []
    for number, record in _read_jsonl(path):
        labels = (record.get("event_plover_2021"), record.get("event"))
        types = tuple(dict.fromkeys(label.upper() for label in labels if isinstance(label, str) and label))
        out.append(
            SentenceGold(
                id=str(record.get("id", number)),
                text=record["text"],
                types=types,
                source_countries=_actor_codes(record.get("source")),
                target_countries=_actor_codes(record.get("target")),
            )
        )
    return out


def load_case2021(path: Path) -> list[SentenceGold]:
    """Read ``case2021_task2.jsonl``: the type is the task label, with its ACLED names when seen."""
    out = []
    for number, record in _read_jsonl(path):
        event_type, sub_type = record.get("acled_event_type"), record.get("acled_sub_event_type")
        out.append(
            SentenceGold(
                id=str(record.get("id", number)),
                text=record["text"],
                types=(str(record.get("label", "")),),
                acled_event_type=event_type if isinstance(event_type, str) else None,
                acled_sub_event_type=sub_type if isinstance(sub_type, str) else None,
            )
        )
    return out


def best_event(events: Sequence[Event]) -> Event | None:
    """Return the event with the highest confidence (the first of equals), None when there is none."""
    return max(events, key=lambda event: event.confidence, default=None)


def score_plover_sentences(
    golds: Sequence[SentenceGold], predictions: Sequence[Sequence[Event]]
) -> dict[str, float]:
    """Return best-event and any-event PLOVER type accuracy, and best-event source country accuracy."""
    best_type = any_type = source_ok = with_source = with_event = 0
    for gold, events in zip(golds, predictions, strict=True):
        best = best_event(events)
        with_event += best is not None
        best_type += best is not None and best.plover.type.upper() in gold.types
        any_type += any(event.plover.type.upper() in gold.types for event in events)
        if gold.source_countries:
            with_source += 1
            source_ok += best is not None and any(
                actor_matches(best.source, code, None, dyad=False) for code in gold.source_countries
            )
    out = {"sentences": float(len(golds))}
    if golds:
        out.update(
            best_type_accuracy=best_type / len(golds),
            any_type_accuracy=any_type / len(golds),
            event_coverage=with_event / len(golds),
        )
    if with_source:
        out["source_country_accuracy"] = source_ok / with_source
    return out


def _acled_label(events: Sequence[Event]) -> str | None:
    """Return the ACLED sub-event type of the best event that has one."""
    best = best_event([event for event in events if event.acled is not None])
    return None if best is None or best.acled is None else _fold(best.acled.sub_event_type)


def _fold(label: str) -> str:
    """Return an ACLED type name in the form used for comparison."""
    return " ".join(label.casefold().split())


def acled_f1_by_type(
    golds: Sequence[SentenceGold], predictions: Sequence[Sequence[Event]]
) -> dict[str, float]:
    """Return F1 per ACLED sub-event type that the gold uses (sentences of other types count as negatives)."""
    pairs = [
        (_fold(g.acled_sub_event_type) if g.acled_sub_event_type else None, _acled_label(events))
        for g, events in zip(golds, predictions, strict=True)
    ]
    names = {_fold(g.acled_sub_event_type): g.acled_sub_event_type for g in golds if g.acled_sub_event_type}
    out = {}
    for folded, name in sorted(names.items()):
        tp = sum(gold == folded and pred == folded for gold, pred in pairs)
        fp = sum(gold != folded and pred == folded for gold, pred in pairs)
        fn = sum(gold == folded and pred != folded for gold, pred in pairs)
        out[name] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return out


def score_acled_sentences(
    golds: Sequence[SentenceGold], predictions: Sequence[Sequence[Event]]
) -> dict[str, float]:
    """Return ACLED sub-event macro-F1 over the gold's ACLED types and accuracy on those sentences."""
    per_type = acled_f1_by_type(golds, predictions)
    seen = [
        (g, events)
        for g, events in zip(golds, predictions, strict=True)
        if g.acled_sub_event_type is not None
    ]
    out = {"sentences": float(len(golds)), "acled_sentences": float(len(seen))}
    if per_type:
        out["macro_f1"] = sum(per_type.values()) / len(per_type)
    if seen:
        hits = sum(_acled_label(events) == _fold(g.acled_sub_event_type or "") for g, events in seen)
        out["accuracy"] = hits / len(seen)
    return out
