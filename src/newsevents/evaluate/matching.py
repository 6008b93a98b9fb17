"""One-to-one matching of predicted events to gold events, and the counts reported on it.

The rules are those of ``shared/gold/e2e-dev/README.md`` ("How a run is scored"):

- code: the predicted code begins with an accepted code, or is a prefix of at
  least two digits of one;
- actors: countries by the first three letters, IGO and NGO actors by the first
  six characters; where both gold actors share a country, the predicted agents
  must be among the listed gold agents;
- direction: source to source and target to target, either way for symmetric
  events;
- required gold events are filled first, then optional ones; each prediction
  fills at most one gold event, and an exact code is preferred.

Within those rules the matcher finds as many pairs as possible (augmenting
paths), so a greedy choice never costs a match a better assignment would make.
Dates and the historical flag are counted on the matched pairs; they are not
match conditions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.evaluate.gold import EventGold, PageGold
from newsevents.model import Actor, Event

_ORG_PREFIXES = ("IGO", "NGO")


@dataclass(frozen=True, slots=True)
class EventScore:
    """How one page's predicted events fill its gold events."""

    required_total: int = 0
    required_matched: int = 0
    optional_total: int = 0
    optional_matched: int = 0
    predicted: int = 0
    false_events: int = 0
    pairs: tuple[tuple[str, str], ...] = ()
    unmatched_required: tuple[str, ...] = ()
    false_event_ids: tuple[str, ...] = ()
    date_correct: int = 0
    date_checked: int = 0
    historical_correct: int = 0
    historical_checked: int = 0
    crawl_date_events: int = 0


def code_matches(predicted: str, accept_codes: Sequence[str]) -> bool:
    """Return True when a predicted CAMEO code fits one of the accepted codes."""
    return any(
        predicted.startswith(code) or (len(predicted) >= 2 and code.startswith(predicted))
        for code in accept_codes
    )


def actor_key(code: str) -> str:
    """Return the part of a gold actor code that is compared: IGO/NGO + org, else the country."""
    code = code.upper()
    return code[:6] if code.startswith(_ORG_PREFIXES) else code[:3]


def predicted_agent(actor: Actor) -> str | None:
    """Return a predicted actor's agent, read from its code when the field is empty."""
    if actor.agent:
        return actor.agent.upper()
    code = actor.code.upper()
    if len(code) >= 6 and not code.startswith(_ORG_PREFIXES):
        return code[3:6]
    return None


def actor_matches(actor: Actor | None, gold: str | None, agents: Sequence[str] | None, *, dyad: bool) -> bool:
    """Return True when a predicted actor fills a gold actor slot (None gold: any actor)."""
    if gold is None:
        return True
    if actor is None:
        return False
    key = actor_key(gold)
    if key.startswith(_ORG_PREFIXES):
        found = actor.code.upper().startswith(key)
    else:
        found = (actor.country or actor.code[:3]).upper() == key
    if found and dyad and agents is not None:
        return predicted_agent(actor) in agents
    return found


def event_matches(event: Event, gold: EventGold) -> bool:
    """Return True when a predicted event may fill a gold event (code, actors, direction)."""
    if not code_matches(event.code, gold.accept_codes):
        return False
    dyad = gold.target is not None and actor_key(gold.source) == actor_key(gold.target)
    forward = actor_matches(event.source, gold.source, gold.source_agent, dyad=dyad) and actor_matches(
        event.target, gold.target, gold.target_agent, dyad=dyad
    )
    if forward or not gold.symmetric:
        return forward
    return actor_matches(event.target, gold.source, gold.source_agent, dyad=dyad) and actor_matches(
        event.source, gold.target, gold.target_agent, dyad=dyad
    )


def match_events(events: Sequence[Event], golds: Sequence[EventGold]) -> dict[int, int]:
    """Return gold index -> event index: required first, then optional, exact codes preferred."""
    candidates = {g: _candidates(events, gold) for g, gold in enumerate(golds)}
    owner: dict[int, int] = {}
    for required in (True, False):
        group = [g for g, gold in enumerate(golds) if gold.required is required]
        for g in group:
            exact = [e for e in candidates[g] if events[e].code == golds[g].code and e not in owner]
            if exact:
                owner[exact[0]] = g
        filled = set(owner.values())
        for g in group:
            if g not in filled:
                _augment(g, candidates, owner, set())
    return {g: e for e, g in owner.items()}


def _candidates(events: Sequence[Event], gold: EventGold) -> list[int]:
    """Return the indices of events that may fill a gold event, exact codes first."""
    fits = [e for e, event in enumerate(events) if event_matches(event, gold)]
    return sorted(fits, key=lambda e: events[e].code != gold.code)


def _augment(g: int, candidates: dict[int, list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Give gold ``g`` an event, moving earlier pairs along an augmenting path when needed."""
    for e in candidates[g]:
        if e in seen:
            continue
        seen.add(e)
        if e not in owner or _augment(owner[e], candidates, owner, seen):
            owner[e] = g
            return True
    return False


def score_events(events: Sequence[Event], gold: PageGold) -> EventScore:
    """Return the matching counts of one page's predicted events against its gold events."""
    golds = gold.events
    pairs = match_events(events, golds)
    ordered = sorted(pairs.items())
    used = set(pairs.values())
    dated = [(golds[g], events[e]) for g, e in ordered if golds[g].date is not None]
    flagged = [(golds[g], events[e]) for g, e in ordered if golds[g].historical is not None]
    page_date = gold.article.page_date
    return EventScore(
        required_total=sum(g.required for g in golds),
        required_matched=sum(golds[g].required for g in pairs),
        optional_total=sum(not g.required for g in golds),
        optional_matched=sum(not golds[g].required for g in pairs),
        predicted=len(events),
        false_events=len(events) - len(used),
        pairs=tuple((golds[g].id, events[e].id) for g, e in ordered),
        unmatched_required=tuple(x.id for g, x in enumerate(golds) if x.required and g not in pairs),
        false_event_ids=tuple(event.id for e, event in enumerate(events) if e not in used),
        date_correct=sum(_same_date(event.date, g.date or "") for g, event in dated),
        date_checked=len(dated),
        historical_correct=sum(event.historical == g.historical for g, event in flagged),
        historical_checked=len(flagged),
        crawl_date_events=sum(_on_page_date(event.date, page_date) for event in events),
    )


def _same_date(predicted: str | None, gold: str) -> bool:
    """Return True when a predicted event date is the gold date or lies within it."""
    return predicted is not None and predicted.startswith(gold)


def _on_page_date(date: str | None, page_date: str | None) -> bool:
    """Return True when an event is dated on the page's crawl day (a known extraction error)."""
    return bool(date and page_date) and (date or "")[:10] == page_date
