"""Sentence gold sets: PLOVER GSR and CASE 2021 loaders, type and actor scores."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import DataError
from newsevents.evaluate import (
    SentenceGold,
    acled_f1_by_type,
    best_event,
    load_case2021,
    load_plover_gsr,
    score_acled_sentences,
    score_plover_sentences,
)
from newsevents.model import Event

MakeEvent = Callable[..., Event]

PLOVER_RECORDS: list[dict[str, Any]] = [
    {
        "id": "P-1",
        "text": "Ministers of two states agreed to talk.",
        "event": "AGREE",
        "event_plover_2021": "AGREE",
        "source": [{"actorText": "A", "code": "hun", "sector": "GOV"}, {"actorText": "B", "code": "ROU"}],
        "target": "",
    },
    {
        "id": "P-2",
        "text": "The council criticised the raid.",
        "event": "DISAPPROVE",
        "event_plover_2021": "ACCUSE",
        "source": [{"actorText": "UN", "code": "IGO"}],
        "target": [{"actorText": "X", "code": "ISR"}],
    },
    {
        "id": "P-3",
        "text": "Civilians were shelled.",
        "event": "ASSAULT",
        "event_plover_2021": "ASSAULT",
        "source": None,
        "target": "MISSING",
    },
]
CASE_RECORDS: list[dict[str, Any]] = [
    {
        "id": "1",
        "text": "Rebels shelled the town.",
        "label": "ART_MISS_ATTACK",
        "acled_event_type": "Explosions/Remote violence",
        "acled_sub_event_type": "Shelling/artillery/missile attack",
        "seen_in_acled_taxonomy": True,
    },
    {
        "id": "2",
        "text": "Crowds marched peacefully.",
        "label": "PEACE_PROTEST",
        "acled_event_type": "Protests",
        "acled_sub_event_type": "Peaceful protest",
        "seen_in_acled_taxonomy": True,
    },
    {
        "id": "3",
        "text": "Floods hit the valley.",
        "label": "NATURAL_DISASTER",
        "acled_event_type": None,
        "acled_sub_event_type": None,
        "seen_in_acled_taxonomy": False,
    },
]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write records one per line, with a blank line in the middle, and return the path."""
    lines = [json.dumps(record) for record in records]
    path.write_text("\n".join([*lines[:1], "", *lines[1:]]) + "\n", encoding="utf-8")
    return path


def test_load_plover_gsr_fields(tmp_path: Path) -> None:
    golds = load_plover_gsr(write_jsonl(tmp_path / "plover.jsonl", PLOVER_RECORDS))
    assert [g.id for g in golds] == ["P-1", "P-2", "P-3"]
    assert golds[0].types == ("AGREE",)
    assert golds[1].types == ("ACCUSE", "DISAPPROVE")
    assert (golds[0].source_countries, golds[0].target_countries) == (("HUN", "ROU"), ())
    assert (golds[2].source_countries, golds[2].target_countries) == ((), ())  # null source, stray target


def test_load_case2021_fields(tmp_path: Path) -> None:
    golds = load_case2021(write_jsonl(tmp_path / "case.jsonl", CASE_RECORDS))
    assert golds[0].types == ("ART_MISS_ATTACK",)
    assert golds[0].acled_sub_event_type == "Shelling/artillery/missile attack"
    assert golds[2].acled_sub_event_type is None


@pytest.mark.parametrize(("text", "where"), [('{"id": 1', "line 1"), ('{"ok": 1}\n{"id": 2}', "line 1")])
def test_load_plover_gsr_rejects_broken_lines(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=rf"\[E592\].*{where}"):
        load_plover_gsr(path)


def test_best_event_takes_highest_confidence(make_event: MakeEvent) -> None:
    low, high = (
        make_event("040", "AZE", "GBR", confidence=0.2),
        make_event("111", "AZE", "ARM", confidence=0.9),
    )
    assert best_event([low, high]) is high
    assert best_event([]) is None


def test_score_plover_sentences(make_event: MakeEvent) -> None:
    golds = [
        SentenceGold("1", "s", ("AGREE",), ("HUN", "ROU")),
        SentenceGold("2", "s", ("ACCUSE", "DISAPPROVE"), ("IGO",)),
        SentenceGold("3", "s", ("ASSAULT",)),
    ]
    predictions = [
        [make_event("057", "ROUGOV", "HUN", plover="AGREE", confidence=0.9)],
        [
            make_event("111", "IGOUNO", "ISR", plover="CONSULT", confidence=0.9),
            make_event("111", "IGOUNO", "ISR", plover="accuse", confidence=0.1),
        ],
        [],
    ]
    scores = score_plover_sentences(golds, predictions)
    assert scores["best_type_accuracy"] == pytest.approx(1 / 3)
    assert scores["any_type_accuracy"] == pytest.approx(2 / 3)
    assert scores["event_coverage"] == pytest.approx(2 / 3)
    assert scores["source_country_accuracy"] == 1.0  # over the two sentences with a gold source


def test_score_plover_sentences_needs_one_prediction_per_sentence() -> None:
    with pytest.raises(ValueError, match="zip"):
        score_plover_sentences([SentenceGold("1", "s", ("AGREE",))], [])


def test_score_acled_sentences_macro_f1(make_event: MakeEvent) -> None:
    golds = [
        SentenceGold(
            "1", "s", ("ART_MISS_ATTACK",), acled_sub_event_type="Shelling/artillery/missile attack"
        ),
        SentenceGold("2", "s", ("PEACE_PROTEST",), acled_sub_event_type="Peaceful protest"),
        SentenceGold("3", "s", ("NATURAL_DISASTER",)),
        SentenceGold("4", "s", ("PEACE_PROTEST",), acled_sub_event_type="Peaceful protest"),
    ]
    predictions = [
        [make_event("195", "SYRREB", "SYR", acled="shelling/artillery/missile attack")],
        [make_event("141", "USACVL", "USA", acled="Peaceful protest")],
        [make_event("141", "USACVL", "USA", acled="Peaceful protest")],  # a false positive on an unseen type
        [make_event("042", "USA", "GBR")],  # no ACLED type
    ]
    per_type = acled_f1_by_type(golds, predictions)
    assert per_type == {"Peaceful protest": pytest.approx(0.5), "Shelling/artillery/missile attack": 1.0}
    scores = score_acled_sentences(golds, predictions)
    assert scores["macro_f1"] == pytest.approx(0.75)
    assert scores["accuracy"] == pytest.approx(2 / 3)
    assert scores["acled_sentences"] == 3.0


def test_sentences_old_cameo_country_codes_are_read_as_iso(tmp_path: Path) -> None:
    path = tmp_path / "plover.jsonl"
    path.write_text(
        '{"id": "1", "text": "Japan halted aid.", "event": "SANCTION", "source": [{"code": "JAP"}], '
        '"target": [{"code": "SRB"}]}\n',
        encoding="utf-8",
    )
    (gold,) = load_plover_gsr(path)
    assert gold.source_countries == ("JPN",)
