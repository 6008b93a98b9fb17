"""Event location and PLOVER actor scores: loader, sampling, matching and the figures."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import DataError
from newsevents.evaluate import (
    LocationGold,
    load_event_locations,
    place_matches,
    sample_locations,
    score_actor_countries,
    score_event_locations,
    score_locations,
    score_plover_actors,
)
from newsevents.evaluate.gold import shared_dir
from newsevents.model import Event, Location
from newsevents.pipeline import Pipeline

MakeEvent = Callable[..., Event]


def record(ident: str, text: str, verb: str, place: str | None) -> dict[str, Any]:
    """Return one event_location.jsonl record with a VERB span and an optional LOCATION span."""
    spans = [{"start": text.index(verb), "end": text.index(verb) + len(verb), "label": "VERB", "text": verb}]
    if place:
        spans.append({"start": text.index(place), "end": 0, "label": "LOCATION", "text": place})
    return {"id": ident, "source": "test", "text": text, "spans": spans}


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "event_location.jsonl"
    rows = [
        record("a", "Troops shelled Idlib on Monday.", "shelled", "Idlib"),
        record("b", "Protesters marched in Paris.", "marched", "Paris"),
        record("c", "The minister criticised the plan.", "criticised", None),
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_locations_loader_reads_verb_and_places(gold_file: Path) -> None:
    golds = load_event_locations(gold_file)
    assert [(g.id, g.verb, g.places) for g in golds] == [
        ("a", "shelled", ("Idlib",)),
        ("b", "marched", ("Paris",)),
        ("c", "criticised", ()),
    ]
    assert golds[1].verb_start == len("Protesters ")


def test_locations_loader_rejects_a_record_without_spans(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "A sentence."}) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="line 1"):
        load_event_locations(path)


def test_locations_sample_is_deterministic_and_limited(gold_file: Path) -> None:
    golds = load_event_locations(gold_file)
    first, again = sample_locations(golds, 2), sample_locations(list(reversed(golds)), 2)
    assert first == again
    assert len(first) == 2
    assert len(sample_locations(golds, None)) == 3


@pytest.mark.parametrize(
    ("name", "places", "expected"),
    [
        ("Baghdad", ("Baghdad",), True),
        ("the Gaza Strip", ("Gaza Strip",), True),
        ("Khost city", ("Khost",), True),
        ("Dara\u2019a", ("Dara'a",), True),
        ("Baghdad", ("Basra",), False),
        ("Gaza", ("Gaza Strip", "Rafah"), True),
        ("", ("Rafah",), False),
    ],
)
def test_locations_place_matches_folds_names(name: str, places: tuple[str, ...], expected: bool) -> None:
    assert place_matches(Location(name), places) is expected


def test_locations_place_matches_none_is_a_miss() -> None:
    assert place_matches(None, ("Rafah",)) is False


def test_locations_score_counts_accuracy_false_places_and_coverage(make_event: MakeEvent) -> None:
    golds = [
        LocationGold("a", "t", "did", ("Idlib",)),
        LocationGold("b", "t", "did", ("Paris",)),
        LocationGold("c", "t", "did", ()),
        LocationGold("d", "t", "did", ()),
        LocationGold("e", "t", "did", ("Kabul",)),
    ]
    placed = replace(make_event("190", "SYR", "SYRREB"), location=Location("Idlib", "SYR"))
    wrong = replace(make_event("141", "FRA", None), location=Location("Lyon", "FRA"))
    false = replace(make_event("111", "GBR", "RUS"), location=Location("London", "GBR"))
    quiet = make_event("111", "GBR", "RUS")
    scores = score_locations(golds, [[placed], [wrong], [false], [quiet], []])
    assert scores["location_accuracy"] == pytest.approx(1 / 2)
    assert scores["location_accuracy_all"] == pytest.approx(1 / 3)
    assert scores["false_place_rate"] == pytest.approx(1 / 2)
    assert scores["coverage"] == pytest.approx(4 / 5)
    assert scores["at_verb_coverage"] == pytest.approx(4 / 5)


def test_locations_a_gold_place_with_an_empty_span_is_left_out(tmp_path: Path, make_event: MakeEvent) -> None:
    path = tmp_path / "event_location.jsonl"
    broken = record("x", "Bombs blew apart buildings in Algiers.", "blew", None)
    broken["spans"].append({"start": 5, "end": 5, "label": "LOCATION", "text": ""})
    path.write_text(json.dumps(broken) + "\n", encoding="utf-8")
    (gold,) = load_event_locations(path)
    assert gold.unreadable
    assert gold.places == ()
    placed = replace(make_event("183", "DZA", None), location=Location("Algiers", "DZA"))
    scores = score_locations([gold, LocationGold("c", "t", "did", ())], [[placed], [placed]])
    assert scores["unreadable"] == 1.0
    assert scores["false_place_rate"] == pytest.approx(1.0)  # only the readable sentence counts
    assert scores["bare_with_event"] == 1.0


def test_locations_event_at_the_gold_verb_is_scored(make_event: MakeEvent) -> None:
    gold = [LocationGold("a", "t", "shelled", ("Idlib",))]
    other = replace(make_event("111", "SYR", "TUR", confidence=0.9), trigger="said", location=None)
    shelled = replace(make_event("190", "SYR", "SYRREB", confidence=0.5), trigger="shelled")
    shelled = replace(shelled, location=Location("Idlib", "SYR"))
    assert score_locations(gold, [[other, shelled]])["location_accuracy"] == 1.0


def test_locations_actor_countries_score_source_and_target(make_event: MakeEvent) -> None:
    predictions = [[make_event("111", "JPN", "USA")], [make_event("111", "IGOUNO", "IRQ")], []]
    sources = [("JAP",), ("IGO",), ("FRA",)]
    targets = [("USA",), ("IRN",), ()]
    scores = score_actor_countries(sources, targets, predictions)
    assert scores["source_country_accuracy"] == pytest.approx(2 / 3)
    assert scores["target_country_accuracy"] == pytest.approx(1 / 2)
    assert scores["source_country_accuracy_with_event"] == pytest.approx(2 / 2)
    assert (scores["source_sentences"], scores["target_sentences"]) == (3.0, 2.0)


SHARED = shared_dir()


@pytest.mark.shared
@pytest.mark.skipif(
    SHARED is None, reason="../shared/ is absent: set NEWSEVENTS_SHARED to run the gold tests"
)
def test_locations_shared_gold_runs_through_the_pipeline(pipeline: Pipeline) -> None:
    assert SHARED is not None
    scores = score_event_locations(pipeline, SHARED / "gold/dev/event_location.jsonl", limit=30)
    assert scores["sentences"] == 30.0
    assert {"location_accuracy", "false_place_rate", "coverage", "verb_location_accuracy"} <= set(scores)
    actors = score_plover_actors(pipeline, SHARED / "gold/dev/plover_gsr_cameo.jsonl", limit=20)
    assert actors["sentences"] == 20.0
    assert "source_country_accuracy" in actors
