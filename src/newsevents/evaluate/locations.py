"""Event location and actor scores on sentence gold sets (``event_location.jsonl``, PLOVER GSR).

``event_location.jsonl`` marks one event verb per record and, where the sentence says
it, the span of the place where that event happened. A run is scored on the event at
the gold verb (else the sentence's best event):

- ``location_accuracy``: among sentences whose gold has a place and that got an event,
  the share whose event place matches a gold place span (same name after folding case,
  accents, "the" and punctuation; or one name contained in the other, whole words);
- ``location_accuracy_all``: the same over every sentence with a gold place (a sentence
  without an event counts as a miss);
- ``false_place_rate``: among sentences whose gold has no place and that got an event,
  the share whose event carries a place anyway;
- ``coverage``: the share of sentences that got an event;
- ``unreadable``: sentences left out of the place figures because their gold marks a place
  whose span is empty (start == end in the file): the gold says there is a place but not
  which, so such a sentence can count neither as a hit nor as one "without a place".

Sampling is deterministic: records are ordered by a hash of their id and text and the
first ``limit`` are kept, so a sample is a fixed, source-mixed subset of the file.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents.errors import DataError, Msg
from newsevents.evaluate.matching import actor_matches
from newsevents.evaluate.sentences import OLD_CAMEO_CODES, _read_jsonl, best_event, load_plover_gsr
from newsevents.model import Event, Location, Page, content_id

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline


@dataclass(frozen=True, slots=True)
class LocationGold:
    """One gold record: a sentence, its event verb and the place spans of that event (maybe none)."""

    id: str
    text: str
    verb: str
    places: tuple[str, ...]
    verb_start: int = -1
    #: The gold marks a place for the event but its span is empty: no place figure can use it.
    unreadable: bool = False


def load_event_locations(path: Path) -> list[LocationGold]:
    """Read ``event_location.jsonl``: one record per (sentence, event verb), places as written."""
    out = []
    for number, record in _read_jsonl(path):
        spans = record.get("spans")
        if not isinstance(spans, list):
            raise DataError(Msg.E592, path=path, where=f"line {number}", reason="needs a 'spans' list")
        verbs = [s for s in spans if isinstance(s, dict) and s.get("label") == "VERB"]
        places = [
            str(s.get("text", "")) for s in spans if isinstance(s, dict) and s.get("label") == "LOCATION"
        ]
        out.append(
            LocationGold(
                id=str(record.get("id", number)).strip(),
                text=record["text"],
                verb=str(verbs[0].get("text", "")) if verbs else "",
                places=tuple(p for p in places if p.strip()),
                verb_start=int(verbs[0].get("start", -1)) if verbs else -1,
                unreadable=any(len(p.strip()) <= 1 for p in places),
            )
        )
    return out


def sample_locations(golds: Sequence[LocationGold], limit: int | None) -> list[LocationGold]:
    """Return a deterministic sample of ``limit`` records (all when None), mixed across sources."""

    def key(gold: LocationGold) -> str:
        return hashlib.sha256(f"{gold.id}\n{gold.text}".encode()).hexdigest()

    ordered = sorted(golds, key=key)
    return ordered if limit is None else ordered[:limit]


def fold_place(name: str) -> str:
    """Return a place name in comparable form: no accents, case, punctuation or leading "the"."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    words = "".join(c if c.isalnum() else " " for c in plain.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def place_matches(location: Location | None, places: Sequence[str]) -> bool:
    """Return True when a predicted place names one of the gold place spans."""
    if location is None:
        return False
    name = fold_place(location.name)
    if not name:
        return False
    for place in places:
        gold = fold_place(place)
        if gold and (name == gold or f" {gold} " in f" {name} " or f" {name} " in f" {gold} "):
            return True
    return False


def event_for(gold: LocationGold, events: Sequence[Event]) -> Event | None:
    """Return the event whose trigger is the gold verb, else the best event of the sentence."""
    return at_verb(gold, events) or best_event(events)


def at_verb(gold: LocationGold, events: Sequence[Event]) -> Event | None:
    """Return the best event whose trigger is the gold verb, None when no event is."""
    verb = gold.verb.strip().lower()
    return best_event([e for e in events if verb and verb in e.trigger.lower().split()])


def score_locations(
    golds: Sequence[LocationGold], predictions: Sequence[Sequence[Event]]
) -> dict[str, float]:
    """Return location accuracy, false-place rate and coverage (``at_verb_*``: events at the gold verb)."""
    pairs = list(zip(golds, predictions, strict=True))
    scores = _location_counts(golds, [event_for(gold, events) for gold, events in pairs])
    at_verbs = _location_counts(golds, [at_verb(gold, events) for gold, events in pairs])
    scores.update({f"at_verb_{key}": value for key, value in at_verbs.items() if key != "sentences"})
    return scores


def _location_counts(golds: Sequence[LocationGold], chosen: Sequence[Event | None]) -> dict[str, float]:
    """Return the location figures for one chosen event (or None) per gold sentence."""
    located = located_hit = located_with_event = bare = bare_with_event = bare_placed = covered = 0
    unreadable = 0
    for gold, event in zip(golds, chosen, strict=True):
        covered += event is not None
        if gold.unreadable:
            unreadable += 1
        elif gold.places:
            located += 1
            located_with_event += event is not None
            located_hit += event is not None and place_matches(event.location, gold.places)
        else:
            bare += 1
            bare_with_event += event is not None
            bare_placed += event is not None and event.location is not None
    return {
        "sentences": float(len(golds)),
        "coverage": covered / len(golds) if golds else 0.0,
        "location_accuracy": located_hit / located_with_event if located_with_event else 0.0,
        "location_accuracy_all": located_hit / located if located else 0.0,
        "false_place_rate": bare_placed / bare_with_event if bare_with_event else 0.0,
        "located_with_event": float(located_with_event),
        "bare_with_event": float(bare_with_event),
        "unreadable": float(unreadable),
    }


def sentence_page(ident: str, text: str, published: str | None = None) -> Page:
    """Return a bare-text page for one gold sentence."""
    meta: dict[str, Any] = {"published": published} if published else {}
    return Page(id=content_id(text), input_id=ident, text=text, format="body", meta=meta)


def run_sentences(
    pipeline: Pipeline, items: Sequence[tuple[str, str]], progress: Callable[[int], None] | None = None
) -> list[tuple[Event, ...]]:
    """Return the events the pipeline finds in each (id, text) sentence."""
    out = []
    for n, (ident, text) in enumerate(items):
        out.append(pipeline.process(sentence_page(ident, text)).events)
        if progress is not None:
            progress(n + 1)
    return out


def score_event_locations(pipeline: Pipeline, path: Path, *, limit: int | None = None) -> dict[str, float]:
    """Run the (sampled) event-location gold through the pipeline and return the location scores.

    Besides the scores of :func:`score_locations` on the pipeline's events, ``verb_*`` figures
    score the locator alone, asked about the gold verb of every sentence (events or not).
    """
    golds = sample_locations(load_event_locations(path), limit)
    predictions = run_sentences(pipeline, [(g.id, g.text) for g in golds])
    scores = score_locations(golds, predictions)
    scores.update(score_verb_places(golds, locate_at_verbs(pipeline, golds)))
    return scores


def locate_at_verbs(pipeline: Pipeline, golds: Sequence[LocationGold]) -> list[Location | None]:
    """Return the place the pipeline's locator gives the gold verb of each sentence."""
    from newsevents.actors.coder import ActorCoder
    from newsevents.nlp import parse

    coder = pipeline.coder
    out: list[Location | None] = []
    for gold in golds:
        doc = parse(pipeline.nlp, [gold.text])[0]
        found = ActorCoder(coder.lexicon, coder.gazetteer).code(doc)
        token = next((t for t in doc if t.idx <= gold.verb_start < t.idx + len(t)), None)
        out.append(None if token is None else coder.locator.locate_token(token, token, found, []))
    return out


def score_verb_places(golds: Sequence[LocationGold], places: Sequence[Location | None]) -> dict[str, float]:
    """Return the locator's accuracy at the gold verbs and its false-place rate where gold has none."""
    readable = [(g, p) for g, p in zip(golds, places, strict=True) if not g.unreadable]
    located = [(g, p) for g, p in readable if g.places]
    bare = [p for g, p in readable if not g.places]
    hits = sum(place_matches(p, g.places) for g, p in located)
    return {
        "verb_location_accuracy": hits / len(located) if located else 0.0,
        "verb_false_place_rate": sum(p is not None for p in bare) / len(bare) if bare else 0.0,
    }


def _country(code: str) -> str:
    """Return a gold actor code with CAMEO-only country codes mapped to ISO alpha-3."""
    return OLD_CAMEO_CODES.get(code, code)


def score_actor_countries(
    sources: Sequence[tuple[str, ...]],
    targets: Sequence[tuple[str, ...]],
    predictions: Sequence[Sequence[Event]],
) -> dict[str, float]:
    """Return best-event source and target country accuracy where the gold names them.

    ``*_country_accuracy`` counts a sentence without an event as a miss;
    ``*_country_accuracy_with_event`` scores only the sentences that got one.
    """
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}  # hits, gold sentences, with an event
    for gold_sources, gold_targets, events in zip(sources, targets, predictions, strict=True):
        best = best_event(events)
        for side, codes in (("source", gold_sources), ("target", gold_targets)):
            if not codes:
                continue
            counts[side][1] += 1
            counts[side][2] += best is not None
            actor = None if best is None else (best.source if side == "source" else best.target)
            counts[side][0] += any(actor_matches(actor, _country(c), None, dyad=False) for c in codes)
    out = {"sentences": float(len(predictions))}
    for side, (hit, total, with_event) in counts.items():
        out[f"{side}_sentences"] = float(total)
        if total:
            out[f"{side}_country_accuracy"] = hit / total
        if with_event:
            out[f"{side}_country_accuracy_with_event"] = hit / with_event
    return out


def score_plover_actors(pipeline: Pipeline, path: Path, *, limit: int | None = None) -> dict[str, float]:
    """Run the PLOVER GSR sentences through the pipeline; return source and target country accuracy."""
    golds = load_plover_gsr(path)[:limit] if limit is not None else load_plover_gsr(path)
    predictions = run_sentences(pipeline, [(g.id, g.text) for g in golds])
    return score_actor_countries(
        [g.source_countries for g in golds], [g.target_countries for g in golds], predictions
    )
