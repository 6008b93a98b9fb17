"""Event matching: code, actor, direction and agent rules, one-to-one filling, date counts."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import pytest

from newsevents.evaluate import EventGold, PageGold, code_matches, event_matches, match_events, score_events
from newsevents.model import Event

MakeEvent = Callable[..., Event]
MakeGold = Callable[..., PageGold]
MakeGoldEvent = Callable[..., dict[str, Any]]


def gold(source: str, target: str | None, code: str = "112", *accept: str, **fields: Any) -> EventGold:
    """Return a required gold event record; the accepted codes default to the code."""
    return EventGold(
        id=fields.pop("id", "g"),
        required=fields.pop("required", True),
        source=source,
        target=target,
        code=code,
        accept_codes=accept or (code,),
        **fields,
    )


@pytest.mark.parametrize(
    ("predicted", "accept", "expected"),
    [
        ("1122", ["112"], True),  # a longer code begins with an accepted one
        ("195", ["19"], True),  # anything in 19x matches the root
        ("19", ["190"], True),  # a bare root is a prefix of an accepted code
        ("11", ["112", "111"], True),
        ("1", ["190"], False),  # a one-digit prefix is not enough
        ("113", ["112", "110"], False),
        ("042", ["040", "036"], False),
        ("08", ["0841"], True),
        ("", ["0841"], False),
    ],
)
def test_code_matches_prefix_both_ways(predicted: str, accept: list[str], expected: bool) -> None:
    assert code_matches(predicted, accept) is expected


@pytest.mark.parametrize(
    ("gold_source", "predicted_source", "expected"),
    [
        ("IGOUNO", "IGOUNOHCH", True),  # longer IGO codes name the same organisation
        ("IGOUNO", "IGOUNO", True),
        ("IGOUNO", "IGOEUR", False),
        ("IGOEUR", "IGOEUREEC", True),
        ("NGOAMN", "NGOAMN", True),
        ("NGOAMN", "NGOHRW", False),
        ("USA", "USAGOV", True),
        ("USA", "IGOUNO", False),
        ("HKG", "CHNGOV", False),
    ],
)
def test_event_matches_actor_codes(
    make_event: MakeEvent, gold_source: str, predicted_source: str, expected: bool
) -> None:
    assert event_matches(make_event("112", predicted_source, "ISRGOV"), gold(gold_source, "ISR")) is expected


def test_event_matches_actor_country_field_before_code(
    make_event: MakeEvent, make_actor: Callable[..., Any]
) -> None:
    person = make_actor("XXXGOV", country="ISR")  # a coded person whose country field says ISR
    predicted = dataclasses.replace(make_event("112", "USAGOV", "USA"), target=person)
    assert event_matches(predicted, gold("USA", "ISR"))
    assert not event_matches(predicted, gold("USA", "XXX"))


@pytest.mark.parametrize(
    ("symmetric", "source", "target", "expected"),
    [
        (False, "AZE", "GBR", True),
        (False, "GBR", "AZE", False),  # directed events keep their direction
        (True, "AZE", "GBR", True),
        (True, "GBR", "AZE", True),  # symmetric events match either way round
        (True, "GBR", "FRA", False),
    ],
)
def test_event_matches_direction(
    make_event: MakeEvent, symmetric: bool, source: str, target: str, expected: bool
) -> None:
    assert (
        event_matches(make_event("040", source, target), gold("AZE", "GBR", "040", symmetric=symmetric))
        is expected
    )


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("USALEG", "USAGOV", True),
        ("USAOPP", "USAGOV", True),
        ("USAGOV", "USALEG", False),  # the agents carry the dyad of a domestic event
        ("USA", "USAGOV", False),  # no agent is not among the listed agents
        ("USALEG", "USAMIL", False),
    ],
)
def test_event_matches_agents_when_both_gold_actors_share_a_country(
    make_event: MakeEvent, source: str, target: str, expected: bool
) -> None:
    record = gold("USA", "USA", "091", source_agent=("LEG", "OPP"), target_agent=("GOV",))
    assert event_matches(make_event("091", source, target), record) is expected


def test_event_matches_ignores_agents_across_countries(make_event: MakeEvent) -> None:
    record = gold("USA", "EGY", "112", source_agent=("LEG",), target_agent=("GOV",))
    assert event_matches(make_event("112", "USAMIL", "EGY"), record)


def test_event_matches_symmetric_dyad_checks_agents_per_side(make_event: MakeEvent) -> None:
    record = gold("SYR", "SYR", "190", source_agent=("MIL",), target_agent=("REB",), symmetric=True)
    assert event_matches(make_event("190", "SYRREB", "SYRMIL"), record)
    assert not event_matches(make_event("190", "SYRREB", "SYRREB"), record)


@pytest.mark.parametrize("target", [None, "ARM"])
def test_event_matches_gold_without_target_takes_any_target(
    make_event: MakeEvent, target: str | None
) -> None:
    assert event_matches(make_event("128", "AZE", target), gold("AZE", None, "128"))


def test_event_matches_gold_target_needs_a_predicted_target(make_event: MakeEvent) -> None:
    assert not event_matches(make_event("128", "AZE", None), gold("AZE", "ARM", "128"))


def test_match_events_fills_required_before_optional(make_event: MakeEvent) -> None:
    optional = gold("AZE", "GBR", "042", "04", id="optional", required=False)
    required = gold("AZE", "GBR", "040", "04", id="required")
    pairs = match_events([make_event("042", "AZE", "GBR")], [optional, required])
    assert pairs == {1: 0}


def test_match_events_one_prediction_fills_one_gold(make_event: MakeEvent) -> None:
    golds = [gold("AZE", "GBR", "040", "04", id="a"), gold("AZE", "GBR", "040", "04", id="b")]
    assert match_events([make_event("040", "AZE", "GBR")], golds) == {0: 0}


def test_match_events_prefers_exact_code(make_event: MakeEvent) -> None:
    golds = [gold("AZE", "GBR", "040", "040", "042", id="broad"), gold("AZE", "GBR", "042", id="exact")]
    assert match_events([make_event("042", "AZE", "GBR")], golds) == {1: 0}


def test_match_events_moves_a_pair_to_fill_more_gold(make_event: MakeEvent) -> None:
    golds = [gold("AZE", "GBR", "040", "04", id="any04"), gold("AZE", "GBR", "043", "042", id="only042")]
    events = [make_event("042", "AZE", "GBR"), make_event("041", "AZE", "GBR")]
    assert match_events(events, golds) == {0: 1, 1: 0}


def test_score_events_counts(
    make_event: MakeEvent, make_gold: MakeGold, make_gold_event: MakeGoldEvent
) -> None:
    page = make_gold(
        [
            make_gold_event("consult", "AZE", "GBR", "040", accept_codes=["04"], symmetric=True),
            make_gold_event("war", "AZE", "ARM", "190", accept_codes=["19"], required=True),
            make_gold_event("host", "GBR", "AZE", "043", accept_codes=["043"], required=False),
        ]
    )
    events = [make_event("042", "GBR", "AZE", id="e1"), make_event("043", "GBR", "AZE", id="e2")]
    events.append(make_event("173", "USA", "IRN", id="e3"))
    score = score_events(events, page)
    assert (score.required_total, score.required_matched) == (2, 1)
    assert (score.optional_total, score.optional_matched) == (1, 1)
    assert (score.predicted, score.false_events, score.false_event_ids) == (3, 1, ("e3",))
    assert score.pairs == (("consult", "e1"), ("host", "e2"))
    assert score.unmatched_required == ("war",)


@pytest.mark.parametrize(
    ("predicted_date", "predicted_historical", "date_correct", "historical_correct"),
    [
        ("2020-06-15", False, 1, 1),  # a day within the gold month is right
        ("2020-06", False, 1, 1),
        ("2020-07-01", True, 0, 0),
        (None, False, 0, 1),
    ],
)
def test_score_events_date_and_historical_counts(
    make_event: MakeEvent,
    make_gold: MakeGold,
    make_gold_event: MakeGoldEvent,
    predicted_date: str | None,
    predicted_historical: bool,
    date_correct: int,
    historical_correct: int,
) -> None:
    page = make_gold(
        [
            make_gold_event("dated", "EGY", "EGY", "173", date="2020-06"),
            make_gold_event("undated", "USA", "EGY", "112"),
        ]
    )
    events = [
        make_event("173", "EGY", "EGY", date=predicted_date, historical=predicted_historical, id="a"),
        make_event("112", "USA", "EGY", date="2020-07-18", id="b"),
    ]
    score = score_events(events, page)
    assert (score.date_correct, score.date_checked) == (date_correct, 1)
    assert (score.historical_correct, score.historical_checked) == (historical_correct + 1, 2)


def test_score_events_counts_events_on_the_crawl_day(
    make_event: MakeEvent, make_gold: MakeGold, make_gold_event: MakeGoldEvent
) -> None:
    page = make_gold([make_gold_event("g", "CHN", "GBR", "112")], {"page_date": "2019-11-20"})
    events = [
        make_event("112", "CHN", "GBR", date="2019-11-20", id="a"),
        make_event("112", "CHN", "USA", date="2019-11-19", id="b"),
        make_event("112", "CHN", "USA", date=None, id="c"),
    ]
    assert score_events(events, page).crawl_date_events == 1


def test_score_events_without_events(make_gold: MakeGold, make_gold_event: MakeGoldEvent) -> None:
    score = score_events([], make_gold([make_gold_event("g", "CHN", "GBR", "112")]))
    assert (score.required_matched, score.false_events, score.unmatched_required) == (0, 0, ("g",))
