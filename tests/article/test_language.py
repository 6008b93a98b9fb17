"""Language of the body, ISO 639-1."""

from __future__ import annotations

import pytest

from newsevents.article.language import detect_language


@pytest.mark.parametrize(
    ("paragraphs", "code"),
    [
        (("Azerbaijan and the United Kingdom discussed military cooperation in London on Friday.",), "en"),
        (("Deutschland und Polen wollen an der gemeinsamen Grenze künftig enger zusammenarbeiten.",), "de"),
        (("Министры обороны России и Казахстана договорились провести совместные учения.",), "ru"),
        (("Le gouvernement français a annoncé vendredi de nouvelles mesures pour les agriculteurs.",), "fr"),
        (("", "123 456"), None),
        ((), None),
    ],
)
def test_language_detect_language(paragraphs: tuple[str, ...], code: str | None) -> None:
    assert detect_language(paragraphs) == code


@pytest.mark.parametrize(
    "sentence",
    ["Russia annexed Crimea in March 2014.", "NATO condemned Russia.", "Chile and Peru held talks."],
)
def test_language_short_english_news_sentences_are_english(sentence: str) -> None:
    assert detect_language([sentence]) == "en"
