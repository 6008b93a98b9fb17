"""The sentence classifier: features, training, the example tables and the packaged ACLED model."""

from __future__ import annotations

import numpy as np
import pytest

from newsevents.errors import DataError
from newsevents.events.acled import SUB_EVENT_CODES, acled_type
from newsevents.events.classifier import (
    ACLED_TABLES,
    CAMEO_TABLE,
    NO_ACLED,
    Example,
    acled_classifier,
    cameo_classifier,
    features,
    packaged_examples,
    parse_examples,
    train,
)
from newsevents.events.codebook import ACLED_TYPES, load_codebook

TOY = [
    Example("fight", "Rebels fought soldiers near the river town"),
    Example("fight", "Soldiers fought rebels for two days in the hills"),
    Example("fight", "Militia fighters battled the army outside the capital"),
    Example("talk", "The two ministers held talks in Geneva"),
    Example("talk", "Envoys met for talks on the border dispute"),
    Example("talk", "The presidents discussed trade during a phone call"),
]


def test_features_are_words_stems_and_pairs_without_stop_words() -> None:
    found = features("The rebels shelled the villages")
    assert {"w:rebels", "w:shelled", "w:villages", "s:rebel", "s:shell", "s:villa"} <= found
    assert "b:rebels_shelled" in found
    assert "b:shelled_villages" in found  # "the" is dropped before pairing
    assert not any(f.endswith(":the") for f in found)


def test_training_separates_the_classes_and_is_deterministic() -> None:
    first, second = train(TOY), train(TOY)
    assert first.labels == ("fight", "talk")
    assert np.array_equal(first.weights, second.weights)
    assert first.predict("Gunmen fought the army in the hills")[0] == "fight"
    assert first.predict("Foreign ministers held talks on trade")[0] == "talk"
    probs = first.probabilities("something else entirely")
    assert sum(probs.values()) == pytest.approx(1.0)


def test_training_needs_examples() -> None:
    with pytest.raises(ValueError, match="no training examples"):
        train([])


def test_example_tables_are_checked_line_by_line() -> None:
    text = "# note\nlabel\ttext\nfight\tRebels fought soldiers\n"
    assert parse_examples(text, path="t.tsv") == [Example("fight", "Rebels fought soldiers")]
    with pytest.raises(DataError, match=r"t\.tsv is broken at line 2: unknown label 'fight'"):
        parse_examples("label\ttext\nfight\tRebels fought\n", path="t.tsv", labels=["talk"])
    with pytest.raises(DataError, match="line 3: empty or repeated example"):
        parse_examples("label\ttext\nfight\tRebels  fought\nfight\trebels fought\n", path="t.tsv")
    with pytest.raises(DataError, match="line 1"):
        parse_examples("fight\tRebels fought\n", path="t.tsv")


def test_acled_examples_cover_every_sub_event_type() -> None:
    subs = {sub for group in ACLED_TYPES.values() for sub in group}
    examples = packaged_examples(*ACLED_TABLES, labels=subs | {NO_ACLED})
    counts = {label: sum(e.label == label for e in examples) for label in subs | {NO_ACLED}}
    assert min(counts.values()) >= 40, counts
    assert counts[NO_ACLED] >= 200


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A suicide bomber blew himself up at a police checkpoint outside Jalalabad.", "Suicide bomb"),
        ("Fighter jets bombed insurgent hideouts in the mountains overnight.", "Air/drone strike"),
        ("Hundreds of nurses marched peacefully to parliament to demand higher pay.", "Peaceful protest"),
        ("Police arrested the opposition leader at his home on Friday.", "Arrests"),
        ("The central bank kept interest rates unchanged on Thursday.", NO_ACLED),
    ],
)
def test_the_packaged_acled_classifier_reads_new_sentences(sentence: str, expected: str) -> None:
    assert acled_classifier().predict(sentence)[0] == expected


def test_every_sub_event_type_has_a_known_cameo_code() -> None:
    codebook = load_codebook()
    subs = {sub for group in ACLED_TYPES.values() for sub in group}
    assert set(SUB_EVENT_CODES) == subs
    for sub, code in SUB_EVENT_CODES.items():
        assert codebook.get(code).code == code
        assert acled_type(sub).sub_event_type == sub
    with pytest.raises(KeyError):
        acled_type("Picnic")


def test_cameo_examples_cover_every_root() -> None:
    examples = packaged_examples(CAMEO_TABLE)
    labels = {e.label for e in examples}
    assert labels == {f"{n:02d}" for n in range(1, 21)} | {NO_ACLED}
    assert min(sum(e.label == label for e in examples) for label in labels) >= 40


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("Kenya's foreign minister travelled to Addis Ababa for talks with his Ethiopian counterpart.", "04"),
        ("Ghana sharply criticised Togo over the border closures.", "11"),
        ("Thousands of teachers rallied outside parliament in Lima demanding higher pay.", "14"),
    ],
)
def test_the_packaged_cameo_classifier_reads_new_sentences(sentence: str, root: str) -> None:
    assert cameo_classifier().predict(sentence)[0] == root
