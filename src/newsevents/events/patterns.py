"""Event trigger patterns: which verbs and nouns carry which CAMEO code (``data/patterns.tsv``)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.errors import DataError, Msg
from newsevents.tables import tsv_rows

if TYPE_CHECKING:
    from spacy.tokens import Token

COLUMNS = ("pos", "lemma", "particle", "object", "target", "code", "symmetric", "of_role")
#: Object nouns that name an act or a thing only through their modifier or "of" complement:
#: "ended mediation efforts", "allowed the return of weapons inspectors", "handed over 700 kg of
#: medicine", "sent a shipment of arms".
LIGHT_OBJECTS = frozenset(
    "effort efforts mission bid attempt initiative process operation return deployment delivery "
    "entry arrival resumption presence team kg kilogram kilo ton tonne pound litre liter gallon "
    "box crate carton truckload shipment consignment batch load package parcel supply quantity "
    "amount".split()
)


@dataclass(frozen=True, slots=True)
class Pattern:
    """One trigger: a verb or noun lemma, optional particle and object, and its CAMEO code."""

    pos: str
    lemma: str
    particle: str | None
    objects: frozenset[str] | None
    target: str | None
    code: str
    symmetric: bool
    of_role: str | None

    @property
    def specificity(self) -> int:
        """Return how specific the pattern is; more specific patterns are tried first."""
        return (self.particle is not None) * 2 + (self.objects is not None)


@dataclass(frozen=True)
class PatternTable:
    """Patterns indexed by part of speech and lemma."""

    by_key: dict[tuple[str, str], tuple[Pattern, ...]]

    @functools.cached_property
    def nouns(self) -> frozenset[str]:
        """Return the lemmas of every event noun."""
        return frozenset(lemma for pos, lemma in self.by_key if pos == "noun")

    def __len__(self) -> int:
        return sum(len(v) for v in self.by_key.values())

    def __iter__(self):  # type: ignore[no-untyped-def]
        for patterns in self.by_key.values():
            yield from patterns

    def match_verb(self, token: Token) -> Pattern | None:
        """Return the most specific verb pattern that ``token`` and its particle and object fit."""
        candidates = self.by_key.get(("verb", token.lemma_.lower()))
        if not candidates and token.tag_ in VERB_TAGS:
            # the lemmatizer misreads some forms ("staged" -> "stag"): undo the regular inflection
            candidates = next(
                (found for form in base_forms(token.lower_) if (found := self.by_key.get(("verb", form)))),
                None,
            )
        if not candidates:
            return None
        particles = verb_particles(token)
        heads = [c for c in token.children if c.dep_ in {"dobj", "xcomp"}] + passive_subjects(token)
        # "released the prime minister and 30 members of his government": any conjunct may fit
        objects = {o.lemma_.lower() for head in heads for o in (head, *head.conjuncts)}
        objects |= _named_through(heads) | _stance_objects(token)
        preps = {c.lower_ for c in token.children if c.dep_ in {"prep", "dative"}}
        # "withdraw from the deal": a prepositional object can select a row as a direct object does
        pobjs = {
            g.lemma_.lower()
            for c in token.children
            if c.dep_ == "prep"
            for g in c.children
            if g.dep_ == "pobj"
        }
        fitting = [
            p
            for p in candidates
            if (p.particle is None or p.particle in particles)
            and (p.objects is None or objects & p.objects or (p.target in preps and pobjs & p.objects))
        ]
        if not fitting:
            return None
        best = max(p.specificity for p in fitting)
        fitting = [p for p in fitting if p.specificity == best]
        for pattern in fitting:
            if (pattern.target == "dobj" and objects) or pattern.target in preps:
                return pattern
        return fitting[0]

    def match_noun(self, token: Token) -> Pattern | None:
        """Return the noun pattern for ``token``, checking the lemma of its "of" object or modifier."""
        candidates = self.by_key.get(("noun", token.lemma_.lower())) or self.by_key.get(
            ("noun", token.lower_)
        )
        if not candidates:
            return None
        of_objects = {
            pobj.lemma_.lower()
            for prep in token.children
            if prep.dep_ == "prep" and prep.lower_ == "of"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        }
        # "a hunger strike", "aid suspension": a modifier selects a row as an "of" object does
        of_objects |= {c.lemma_.lower() for c in token.children if c.dep_ in {"compound", "amod"}}
        for pattern in candidates:
            if pattern.objects is None or of_objects & pattern.objects:
                return pattern
        return None


def passive_subjects(verb: Token) -> list[Token]:
    """Return the passive subjects of a verb, mending a date the parser took for one.

    "Two hostages who had been held since 2016 were released": the parser reads "since 2016"
    as opening a clause whose subject is the year, hung on the relative clause; the hostages
    the relative clause describes are what was released.
    """
    found = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if (
        found
        and all(c.ent_type_ == "DATE" for c in found)
        and verb.dep_ == "advcl"
        and verb.head.dep_ == "relcl"
    ):
        return [verb.head.head]
    return found


#: Verbs whose passive form states a stance held by the subject ("is opposed to", "is committed to").
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate"})


def verb_particles(token: Token) -> set[str]:
    """Return the particles of a verb, "out" of "out of" included ("forced the agency out of the
    country": the parser reads such an "out" as a preposition that holds "of")."""
    particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
    particles |= {
        c.lower_
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "out" and any(g.lower_ == "of" for g in c.children)
    }
    return particles


def _stance_objects(token: Token) -> set[str]:
    """Return what a stative passive holds a stance on: "is opposed to French mediation" opposes
    mediation, as "opposes French mediation" does."""
    if token.lemma_.lower() not in STATIVE_PASSIVES or not any(c.dep_ == "auxpass" for c in token.children):
        return set()
    return {
        g.lemma_.lower()
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pobj"
    }


#: Tags of inflected verb forms whose base form a regular ending gives.
VERB_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ"})


def base_forms(word: str) -> list[str]:
    """Return the base forms a regular English verb ending allows ("staged" -> stage, "stopped" -> stop)."""
    forms = []
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            forms += [stem, stem + "e"] if ending in {"ing", "ed"} else [stem]
            if ending in {"ing", "ed"} and len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "stopped" -> stop
    return forms


def _named_through(heads: list[Token]) -> set[str]:
    """Return the lemmas that light object nouns name their act by (see ``LIGHT_OBJECTS``)."""
    out: set[str] = set()
    for head in heads:
        if head.lemma_.lower() not in LIGHT_OBJECTS:
            continue
        for child in head.children:
            if child.dep_ in {"compound", "amod"}:
                out.add(child.lemma_.lower())
            elif child.dep_ == "prep" and child.lower_ == "of":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                # "the delivery of 1,000 tons of grain": one light noun may hold another
                out |= {g.lemma_.lower() for g in objects} | _named_through(objects)
    return out


def _field(value: str) -> str | None:
    """Return a column value, with ``-`` and ``*`` read as absent."""
    value = value.strip()
    return None if value in {"-", "*", ""} else value


def parse_patterns(text: str, *, path: str = "patterns.tsv") -> PatternTable:
    """Return the pattern table in the TSV ``text``; a broken row raises DataError naming its line."""
    rows: dict[tuple[str, str], list[Pattern]] = {}
    for number, row in tsv_rows(text, COLUMNS, path=path):
        if row[0] not in {"verb", "noun"} or not row[5].isdigit():
            raise DataError(Msg.E501, path=path, line=number, reason=f"bad row {row!r}")
        objects = _field(row[3])
        pattern = Pattern(
            pos=row[0],
            lemma=row[1].lower(),
            particle=_field(row[2]),
            objects=frozenset(objects.split("|")) if objects else None,
            target=_field(row[4]),
            code=row[5],
            symmetric=row[6] == "1",
            of_role=_field(row[7]),
        )
        rows.setdefault((pattern.pos, pattern.lemma), []).append(pattern)
    return PatternTable({key: tuple(sorted(v, key=lambda p: -p.specificity)) for key, v in rows.items()})


@functools.cache
def load_patterns(path: str | None = None) -> PatternTable:
    """Return the packaged pattern table (or the one at ``path``), read once per process."""
    if path is not None:
        return parse_patterns(Path(path).read_text(encoding="utf-8"), path=path)
    text = resources.files("newsevents.events").joinpath("data/patterns.tsv").read_text(encoding="utf-8")
    return parse_patterns(text)
