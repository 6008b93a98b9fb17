"""Event dates: time expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.events.dates import from_publication, published_date, resolve_expression

PUB = dt.date(2016, 9, 9)  # a Friday


@pytest.mark.parametrize(
    ("text", "value", "precision", "historical"),
    [
        ("in 1994", "1994", "year", True),
        ("1994", "1994", "year", True),
        ("in March 2014", "2014-03", "month", True),
        ("on Tuesday", "2016-09-06", "day", False),
        ("last month", "2016-08", "month", False),
        ("earlier this month", "2016-09", "month", False),
        ("last year", "2015", "year", True),
        ("two weeks ago", "2016-08-26", "day", False),
        ("yesterday", "2016-09-08", "day", False),
        ("in 2016", "2016", "year", False),
    ],
)
def test_dates_expression_resolves(text: str, value: str, precision: str, historical: bool) -> None:
    resolved = resolve_expression(text, PUB)
    assert resolved is not None
    assert (resolved.value, resolved.precision, resolved.basis, resolved.historical) == (
        value,
        precision,
        "text",
        historical,
    )


@pytest.mark.parametrize(
    "text", ["years", "21 months", "643 days", "the 1990s", "54", "recent days", "decades"]
)
def test_dates_durations_and_vague_expressions_give_no_date(text: str) -> None:
    assert resolve_expression(text, PUB) is None


def test_dates_future_expression_for_plans() -> None:
    resolved = resolve_expression("on Thursday", dt.date(2020, 3, 2), future=True)
    assert resolved is not None
    assert resolved.value == "2020-03-05"


def test_dates_publication_day_keeps_the_page_offset_day() -> None:
    assert published_date("2016-09-09T23:30:00+04:00") == dt.date(2016, 9, 9)
    assert from_publication(published_date("2016-09-09T16:15:00+04:00")).value == "2016-09-09"
    assert from_publication(None).value is None
    assert published_date("not a date") is None
