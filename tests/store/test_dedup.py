"""Dedup across articles: one event per key and day window, every report traceable."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsevents.model import Actor, Result
from newsevents.store import Store

from .conftest import ARM, BAKU, make_article, make_event

AZE = Actor("Azerbaijan", "AZE", "state", "AZE")


def _report(
    number: int, day: str | None, *, code: str = "190", publisher: str = "Paper", **extra: object
) -> Result:
    """Return one article (number ``number``) reporting AZE -> ARM with ``code`` on ``day``."""
    article = make_article(
        f"{number:064x}",
        f"in-{number}",
        publisher=publisher,
        published=f"2020-09-{10 + number:02d}T08:00:00+04:00",
        url=f"https://paper{number}.example/story",
    )
    precision = "day" if day and len(day) == 10 else ("month" if day else "unknown")
    event = make_event(article.id, 0, code, AZE, ARM, date=day, date_precision=precision, **extra)
    return Result(article.input_id, article, (event,))


def _dedup(store: Store, results: Sequence[Result]) -> list[dict[str, object]]:
    """Write results, deduplicate and return the unique events by date."""
    run_id = store.begin_run(["x"])
    store.write(results, run_id=run_id)
    store.dedup()
    return store.events(dataset="unique")


def test_dedup_same_event_in_two_papers_is_one(store: Store) -> None:
    (row,) = _dedup(store, [_report(1, "2020-09-27", publisher="A"), _report(2, "2020-09-28", publisher="B")])
    assert (row["num_mentions"], row["num_articles"], row["num_sources"]) == (2, 2, 2)
    assert row["date"] == "2020-09-27"
    assert (str(row["first_seen"]), str(row["last_seen"])) == ("2020-09-11 04:00:00", "2020-09-12 04:00:00")
    assert row["url"] == "https://paper1.example/story"


@pytest.mark.parametrize(
    ("days", "groups"),
    [
        (["2020-09-27", "2020-09-29"], [1, 1]),
        (["2020-09-27", "2020-09-28", "2020-09-29"], [2, 1]),
        (["2020-09-27", "2020-09-27", "2020-09-28", "2020-09-29", "2020-09-30"], [3, 2]),
        (["2020-09", "2020-09"], [2]),
        ([None, None], [1, 1]),
    ],
)
def test_dedup_days_at_most_one_apart(store: Store, days: list[str | None], groups: list[int]) -> None:
    rows = _dedup(store, [_report(n, day) for n, day in enumerate(days)])
    assert [row["num_mentions"] for row in rows] == groups


@pytest.mark.parametrize("extra", [{"code": "193"}, {"negated": True}, {"modality": "intended"}])
def test_dedup_other_code_or_modality_is_another_event(store: Store, extra: dict[str, object]) -> None:
    assert len(_dedup(store, [_report(1, "2020-09-27"), _report(2, "2020-09-27", **extra)])) == 2


@pytest.mark.parametrize(("publishers", "sources"), [(("A", "A"), 1), (("A", "B"), 2), ((None, None), 2)])
def test_dedup_sources_are_publishers_or_else_hosts(
    store: Store, publishers: tuple[str | None, str | None], sources: int
) -> None:
    results = [_report(n, "2020-09-27", publisher=name) for n, name in enumerate(publishers)]
    (row,) = _dedup(store, results)
    assert (row["num_articles"], row["num_sources"]) == (2, sources)


def test_dedup_two_sentences_of_one_article(store: Store) -> None:
    article = make_article("f" * 64, "one")
    events = tuple(make_event(article.id, index, "190", AZE, ARM) for index in (0, 4))
    (row,) = _dedup(store, [Result("one", article, events)])
    assert (row["num_mentions"], row["num_articles"]) == (2, 1)
    assert [m["sentence_index"] for m in store.mentions(str(row["id"]))] == [0, 4]


def test_dedup_update_equals_full_rebuild(store: Store) -> None:
    days = ["2020-09-27", "2020-09-28", "2020-09-29", "2020-09-30", "2020-10-02"]
    _dedup(store, [_report(n, day) for n, day in enumerate(days[:3])])
    incremental = _dedup(store, [_report(n + 3, day) for n, day in enumerate(days[3:])])
    store.dedup(full=True)
    assert store.events(dataset="unique") == incremental
    assert [row["num_mentions"] for row in incremental] == [2, 2, 1]


def test_dedup_every_report_has_one_mention(store: Store) -> None:
    _dedup(store, [_report(n, "2020-09-27") for n in range(3)] + [_report(9, None, code="042")])
    assert store.counts(("events", "mentions", "dedup_events")) == {
        "events": 4,
        "mentions": 4,
        "dedup_events": 2,
    }


def test_dedup_takes_its_fields_from_the_first_published_report(store: Store) -> None:
    early = _report(1, "2020-09-27")
    article = make_article("e" * 64, "late", published="2020-10-01", publisher="Late")
    late = make_event(article.id, 2, "190", AZE, ARM, date="2020-09-28", sentence="Late.", location=BAKU)
    (row,) = _dedup(store, [Result("late", article, (late,)), early])
    assert early.article is not None
    assert (row["article_id"], row["code"], row["location_name"]) == (early.article.id, "190", None)
    assert (row["num_mentions"], row["sentence"]) == (2, "Sentence number 0.")
