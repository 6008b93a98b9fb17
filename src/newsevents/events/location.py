"""Where an event happened: the place its clause names, with coordinates from the gazetteer.

Only a place named with the action counts ("talks in Moscow", "a visit to London", "shelling
near Idlib"); a place merely mentioned elsewhere in the sentence does not. Ambiguous names are
resolved by the countries of the event's actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsevents.actors.coder import DocActors
from newsevents.actors.gazetteer import Gazetteer
from newsevents.events.triggers import Trigger
from newsevents.model import Actor, Location

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Prepositions that say where an action took place.
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "to", "into", "across", "around"})
#: Dependencies that open another clause; a place beyond one belongs to that clause.
CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "xcomp", "acl", "conj"})


class EventLocator:
    """Finds the place of an event in its sentence."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def locate(
        self, trigger: Trigger, found: DocActors, source: Actor, target: Actor | None
    ) -> Location | None:
        """Return where the event happened: the nearest place its clause names with "in", "at", "to" ..."""
        hints = [a.country for a in (source, target) if a is not None and a.country]
        for prep in place_preps(trigger):
            for pobj in prep.children:
                span = found.places.get(pobj.i)
                if span is not None:
                    return self.resolve(span.text, found.place_countries.get(pobj.i), hints)
        return None

    def resolve(self, name: str, country: str | None, hints: list[str]) -> Location:
        """Return a Location for a place name, with coordinates when the gazetteer has them."""
        place = self.gazetteer.lookup(name, countries=[country] if country else hints)
        if place is not None and (country is None or place.country == country):
            return place.location()
        return Location(name=name, country=country)


def place_preps(trigger: Trigger) -> list[Token]:
    """Return the place prepositions of the trigger's clause, nearest to the trigger first."""
    seen: set[int] = set()
    preps = []
    for head in (trigger.token, trigger.governor):
        for token in head.subtree:
            if (
                token.dep_ == "prep"
                and token.lower_ in PLACE_PREPS
                and token.i not in seen
                and same_clause(token, head)
            ):
                seen.add(token.i)
                preps.append(token)
    return sorted(preps, key=lambda t: abs(t.i - trigger.token.i))


def same_clause(token: Token, head: Token) -> bool:
    """Return True when no clause boundary lies between ``token`` and its ancestor ``head``."""
    node = token
    while node.i != head.i and node.head is not node:
        if node.dep_ in CLAUSE_DEPS:
            return False
        node = node.head
    return True
