"""Article checks: title and author normalisation, publication instants, clean body, start and end."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsevents.evaluate import PageGold, normalize_name, same_published, score_article
from newsevents.model import Article

MakeArticle = Callable[..., Article]
MakeGold = Callable[..., PageGold]

GOLD_ARTICLE: dict[str, Any] = {
    "title": "Syrian forces move into town as Turkey vows to keep hammering Assad’s troops",
    "published": "2020-07-18T20:01:31+00:00",
    "authors": ["Orhan Coskun", "Suleiman Al-Khalidi"],
    "publisher": "Global News",
    "page_date": None,
    "language": "en",
    "paragraphs": None,
    "body_starts_with": "The Syrian army entered the town",
    "body_ends_with": "the talks ended without a deal.",
    "not_in_body": ["READ MORE: Turkey says", "© 2020 Global News"],
}
BODY = (
    "ANKARA (Reuters) - The Syrian army entered the town on Monday.",
    "Middle paragraph of the report. " * 30,
    "Officials said the talks ended without a deal.",
)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("2020-07-18T16:01:31-04:00", "2020-07-18T20:01:31+00:00", True),  # same instant, other offset
        ("2020-07-18T20:01:31Z", "2020-07-18T20:01:31+00:00", True),
        ("2020-07-18T20:02:30+00:00", "2020-07-18T20:01:31+00:00", True),  # 59 s apart
        ("2020-07-18T20:02:32+00:00", "2020-07-18T20:01:31+00:00", False),  # 61 s apart
        ("2020-07-18T20:01:31", "2020-07-18T20:01:31+00:00", False),  # no offset
        ("2020-07-18", "2020-07-18T20:01:31+00:00", False),  # no time
        ("2020-07-18T20:01:31+04:00", "2020-07-18T20:01:31+00:00", False),
        ("2020-03-16T23:10:00+05:30", "2020-03-16", True),  # date gold: the same day
        ("2020-03-16", "2020-03-16", True),
        ("2020-03-17", "2020-03-16", False),
        (None, "2020-03-16", False),
        ("yesterday", "2020-07-18T20:01:31+00:00", False),
    ],
)
def test_same_published_compares_instants_and_days(predicted: str | None, gold: str, expected: bool) -> None:
    assert same_published(predicted, gold) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Amnesty. More than 100 protesters killed", "amnesty more than 100 protesters killed"),
        ("Assad’s  troops", "assads troops"),
        ("Hong Kong chaos: China deploys troops", "hong kong chaos china deploys troops"),
        ("Erdogan—Putin talks", "erdogan putin talks"),
        ("U.S. tells American", "us tells american"),
    ],
)
def test_normalize_name_drops_case_punctuation_and_spacing(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


def good_article(make_article: MakeArticle, **changes: Any) -> Article:
    """Return an article that passes every check of GOLD_ARTICLE, with some fields changed."""
    fields: dict[str, Any] = {
        "title": "Syrian forces move into town as Turkey vows to keep hammering Assad's troops",
        "published": "2020-07-18T16:01:31-04:00",
        "authors": ("Suleiman Al Khalidi", "orhan coskun"),
        "paragraphs": BODY,
    }
    fields.update(changes)
    return make_article(**fields)


def test_score_article_passes_a_correct_article(make_article: MakeArticle, make_gold: MakeGold) -> None:
    score = score_article(good_article(make_article), make_gold(article=GOLD_ARTICLE))
    assert score.checks == (
        ("title", True),
        ("published", True),
        ("authors", True),
        ("clean", True),
        ("start_end", True),
    )
    assert (score.passed, score.total) == (5, 5)


@pytest.mark.parametrize(
    ("changes", "failed"),
    [
        ({"title": "Syrian forces move into town | Global News"}, "title"),
        ({"title": None}, "title"),
        ({"published": "2020-07-18T16:01:31"}, "published"),
        ({"authors": ("Orhan Coskun",)}, "authors"),
        ({"authors": ("Orhan Coskun and Suleiman Al-Khalidi",)}, "authors"),
        ({"paragraphs": ("READ MORE: Turkey says it will not stop", *BODY)}, "clean"),
        ({"paragraphs": (*BODY, "© 2020 Global News")}, "clean"),
        ({"paragraphs": ("Menu. " * 80, *BODY)}, "start_end"),  # the start is past 400 characters
        ({"paragraphs": (*BODY, "Related: " * 60)}, "start_end"),  # the end is not near the end
        ({"paragraphs": BODY[1:]}, "start_end"),
    ],
)
def test_score_article_fails_one_check(
    make_article: MakeArticle, make_gold: MakeGold, changes: dict[str, Any], failed: str
) -> None:
    score = score_article(good_article(make_article, **changes), make_gold(article=GOLD_ARTICLE))
    assert [name for name, ok in score.checks if not ok] == [failed]


def test_score_article_without_article_fails_every_check(make_gold: MakeGold) -> None:
    score = score_article(None, make_gold(article=GOLD_ARTICLE))
    assert score.total == 5
    assert score.passed == 0


def test_score_article_seed_adds_publisher_page_date_language_paragraphs(
    make_article: MakeArticle, make_gold: MakeGold
) -> None:
    gold = make_gold(article={**GOLD_ARTICLE, "paragraphs": 3, "page_date": "2024-04-19"}, seed=True)
    article = good_article(make_article, publisher="Global News", page_date="2024-04-19", language="en")
    score = score_article(article, gold)
    assert [name for name, _ in score.checks][-4:] == ["paragraphs", "publisher", "page_date", "language"]
    assert score.passed == score.total
    assert score_article(good_article(make_article, language="de"), gold).get("language") is False


def test_score_article_e2e_skips_publisher_checks(make_article: MakeArticle, make_gold: MakeGold) -> None:
    score = score_article(good_article(make_article), make_gold(article=GOLD_ARTICLE))
    assert score.get("publisher") is None
    assert score.get("language") is None


@pytest.mark.parametrize(
    ("gold_authors", "predicted", "expected"),
    [([], (), True), ([], ("PTI",), False), (["Phil Helsel"], ("PHIL HELSEL",), True)],
)
def test_score_article_authors_as_sets(
    make_article: MakeArticle,
    make_gold: MakeGold,
    gold_authors: list[str],
    predicted: tuple[str, ...],
    expected: bool,
) -> None:
    gold = make_gold(article={"authors": gold_authors})
    assert score_article(make_article(authors=predicted), gold).get("authors") is expected
