"""Dated office holders: who was president, prime minister or minister of what, and when.

The facts live in ``actors/data/leaders.tsv``, one row per term of office; this module
reads them once into :class:`Leaders`, which answers "whom does this name refer to on
this date?" (``Leaders.lookup``). A name matches by its full form, any alias, or a short
form derived from it: the surname (last word; the first word for Chinese, Korean and
Ethiopian names), with its particle ("von der Leyen", "bin Salman"). Matching ignores
case, accents, hyphens, apostrophes and the Arabic article ("al-Assad" = "Assad").
"""

from __future__ import annotations

import calendar
import datetime
import functools
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Literal

from newsevents.actors.lexicon import AGENT_CODES, MISSPELT_MIN, one_edit_apart
from newsevents.errors import DataError, Msg

log = logging.getLogger(__name__)

Role = Literal["head_of_state", "head_of_government", "foreign_minister", "defense_minister", "other"]
Precision = Literal["day", "month", "year"]

ROLES: tuple[Role, ...] = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defense_minister",
    "other",
)
"""The offices a row may name, in the order a lookup prefers them for one person."""
HEAD_ROLES: frozenset[str] = frozenset({"head_of_state", "head_of_government"})
IGO_CODES: frozenset[str] = frozenset({"IGOEUR", "IGOUNO", "IGONAT"})
"""Organisation codes used in the ``country`` column; their rows have an empty agent."""
COLUMNS: tuple[str, ...] = ("name", "aliases", "country", "agent", "role", "start", "end")

# The short form is the first word: the surname of Chinese, Korean and Khmer names, the given name
# by which news name Ethiopians, Eritreans, Thais and Laotians.
_SURNAME_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "KHM", "ETH", "ERI", "THA", "LAO"})
# No short form: Burmese and Malay names have no surname; Singapore's mix orders (aliases instead).
_NO_SHORT_FORM = frozenset({"MMR", "MYS", "SGP"})
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})
_PARTICLES = frozenset({"al", "el", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le"})
_PARTICLES_EXTRA = frozenset({"van", "von", "der", "den", "zu", "ter"})
_ARTICLES = frozenset({"al", "el"})
_GIVEN_NAMES = frozenset(
    {"mohamed", "mohammed", "mohammad", "muhammad", "ahmed", "ahmad", "ali", "ousmane",
     "charles", "james", "thomas", "anthony", "paul", "pierre", "henry", "dan", "roman", "king"}
)  # fmt: skip
"""Words that end some names (given names, "King") but alone would name almost anyone; never short forms."""
_INITIALS = re.compile(r"\b\w(?: \w\b)+")  # "j d vance" -> "jd vance"
_ROMAN = re.compile(r"^[IVX]+$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_FOLD = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "ß": "ss",
     "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"}
)  # fmt: skip
_SEPARATORS = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014.,\"“”()]")


@dataclass(frozen=True, slots=True)
class Officeholder:
    """One term of one office: ``end`` is None while the person still holds it."""

    name: str
    country: str
    agent: str
    role: Role
    start: datetime.date
    end: datetime.date | None
    start_precision: Precision

    def holds_on(self, day: datetime.date) -> bool:
        """Tell whether the term covers the day (both ends included)."""
        return self.start <= day and (self.end is None or day <= self.end)


def name_key(text: str) -> str:
    """Return the lookup key of a name ("Bashar al-Assad's" -> "bashar assad", "J. D." -> "jd")."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower().strip()
    if plain.endswith("'s"):
        plain = plain[:-2]
    words = _SEPARATORS.sub(" ", plain.replace("'", "")).split()
    if len(words) > 1:
        words = [w for w in words if w not in _ARTICLES] or words
    return _INITIALS.sub(lambda m: m.group(0).replace(" ", ""), " ".join(words))


def short_forms(name: str, country: str) -> tuple[str, ...]:
    """Return the forms a name is shortened to in news: surname, with its particle when it has one."""
    words = name.split()
    if len(words) < 2 or country in _NO_SHORT_FORM or _ROMAN.match(words[-1]):
        return ()
    if country in _SURNAME_FIRST:
        return (words[0],)
    if len(words) > 2 and words[-2].lower() in _PATRONYMIC:
        return (f"{words[-2]} {words[-1]}",)
    first = len(words) - 1
    while first > 1 and words[first - 1].lower() in _PARTICLES | _PARTICLES_EXTRA:
        first -= 1
    forms = [" ".join(words[first:]), words[-1]]
    return tuple(f for f in dict.fromkeys(forms) if name_key(f) not in _GIVEN_NAMES)


#: Letters a misspelt word of a full name must have (a surname alone needs ``MISSPELT_MIN``).
MISSPELLING_MIN = 5


#: Forms by (word count, position of one word, the other words, that word's first and last letter).
_NearIndex = dict[tuple[int, int, tuple[str, ...], str, str], list[tuple[str, tuple[str, ...]]]]


class Leaders:
    """Read-only, date-aware lookups over the packaged office holders."""

    __slots__ = ("_by_person", "_full", "_near_index", "_short", "terms")

    def __init__(self, terms: Iterable[Officeholder], aliases: Mapping[str, Iterable[str]]) -> None:
        self.terms: tuple[Officeholder, ...] = tuple(terms)
        by_person: dict[str, list[Officeholder]] = defaultdict(list)
        for term in self.terms:
            by_person[term.name].append(term)
        self._by_person = {name: tuple(sorted(ts, key=lambda t: t.start)) for name, ts in by_person.items()}
        full: dict[str, set[str]] = defaultdict(set)
        short: dict[str, set[str]] = defaultdict(set)
        for name, person_terms in self._by_person.items():
            for form in (name, *aliases.get(name, ())):
                full[name_key(form)].add(name)
            for form in short_forms(name, person_terms[0].country):
                short[name_key(form)].add(name)
        self._full = {key: tuple(sorted(names)) for key, names in full.items()}
        self._short = {key: tuple(sorted(names)) for key, names in short.items()}
        self._near_index: _NearIndex | None = None

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self) -> Iterator[Officeholder]:
        return iter(self.terms)

    def forms(self) -> tuple[str, ...]:
        """Return the lookup keys of every full name and alias (for building name patterns)."""
        return tuple(sorted(self._full))

    def history(self, name: str) -> tuple[Officeholder, ...]:
        """Return every term of the person with this canonical name, oldest first."""
        return self._by_person.get(name, ())

    def lookup(self, name: str, on: datetime.date | None = None) -> Officeholder | None:
        """Return the office the named person held on the date (latest office if None), else None.

        Full names and aliases win over surnames; among several people, a head of state or
        government is preferred, and a tie gives None (without a date, a tie between former
        heads of one country and agent gives the latest of them: the code is the same).
        """
        key = name_key(name)
        for index in (self._full, self._short):
            offices = [o for o in (self._office(p, on) for p in index.get(key, ())) if o is not None]
            if offices:
                return _choose(offices, current_only=on is None)
        return None

    def misspelt(self, name: str, on: datetime.date | None = None) -> Officeholder | None:
        """Return the office of the one person whose name ``name`` misspells by one letter, else None.

        "President Francois Mitterand", "Laurent Gbago": every word but one is right, and that
        one is a letter dropped, added, changed or two swapped, with its first and last letters
        right (``MISSPELLING_MIN`` letters in a full name, ``MISSPELT_MIN`` for a surname alone).
        A name that is itself in the table, or that misspells two people's, is none.
        """
        words = name_key(name).split()
        if not words or not all(w.isalpha() for w in words) or self.lookup(name, on) is not None:
            return None
        least = MISSPELLING_MIN if len(words) > 1 else MISSPELT_MIN
        people: set[str] = set()
        for i, word in enumerate(words):
            if len(word) < least:
                continue
            rest = tuple(words[:i] + words[i + 1 :])
            for known, persons in self._near().get((len(words), i, rest, word[0], word[-1]), ()):
                if known != word and _misspells(word, known, least):
                    people.update(persons)
        if len(people) != 1:
            return None
        return self._office(people.pop(), on)

    def _near(self) -> _NearIndex:
        """Index every form by all its words but one, and that word's first and last letters.

        A misspelling keeps the other words and the word's ends, so ``misspelt`` looks up a few
        candidates instead of scanning the table (built on first use).
        """
        if self._near_index is None:
            near: _NearIndex = {}
            for index in (self._full, self._short):
                for form, persons in index.items():
                    words = form.split()
                    for i, word in enumerate(words):
                        if word:
                            key = (len(words), i, tuple(words[:i] + words[i + 1 :]), word[0], word[-1])
                            near.setdefault(key, []).append((word, persons))
            self._near_index = near
        return self._near_index

    def _office(self, person: str, on: datetime.date | None) -> Officeholder | None:
        """Return the person's office on the date, the highest-ranked if several; latest if no date."""
        terms = self._by_person[person]
        if on is None:
            return max(terms, key=lambda t: (t.end or datetime.date.max, t.start, -ROLES.index(t.role)))
        held = [t for t in terms if t.holds_on(on)]
        return min(held, key=lambda t: ROLES.index(t.role)) if held else None


def _misspells(word: str, name: str, least: int) -> bool:
    """Return True when ``word`` is ``name`` with one letter wrong, its first and last letters right."""
    return (
        len(word) >= least
        and (word[0], word[-1]) == (name[0], name[-1])
        and abs(len(word) - len(name)) <= 1
        and one_edit_apart(word, name)
    )


def _choose(offices: list[Officeholder], *, current_only: bool) -> Officeholder | None:
    """Pick one office among several people's: prefer heads of state or government; a tie is None.

    Undated, a tie between former heads of one country and agent gives the latest (same code).
    """
    if current_only and any(o.end is None for o in offices):
        offices = [o for o in offices if o.end is None]
    if len(offices) == 1:
        return offices[0]
    heads = [o for o in offices if o.role in HEAD_ROLES]
    if len(heads) == 1:
        return heads[0]
    if current_only and len(heads) > 1 and len({(o.country, o.agent) for o in heads}) == 1:
        return max(heads, key=lambda o: (o.end or datetime.date.max, o.start))
    return None


def parse_date(text: str, *, end: bool = False) -> tuple[datetime.date, Precision]:
    """Parse YYYY-MM-DD, YYYY-MM or YYYY; a partial date is its first day, or its last if ``end``."""
    match = _DATE.match(text)
    if match is None:
        raise ValueError(f"date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is None:
        return (datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)), "year"
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 1
        return datetime.date(year, month, last if end else 1), "month"
    return datetime.date(year, month, day), "day"


def _parse_row(fields: list[str]) -> tuple[Officeholder, tuple[str, ...]]:
    """Turn the seven fields of a row into a term and its aliases; ValueError says what is wrong."""
    if len(fields) != len(COLUMNS):
        raise ValueError(f"expected {len(COLUMNS)} tab-separated fields, got {len(fields)}")
    name, aliases, country, agent, role, start_text, end_text = (f.strip() for f in fields)
    if not name:
        raise ValueError("empty name")
    if not re.fullmatch(r"[A-Z]{3}|IGO[A-Z]{3}", country):
        raise ValueError(f"country {country!r} is not an ISO alpha-3 or IGO code")
    if (agent != "" or country not in IGO_CODES) and agent not in AGENT_CODES:
        raise ValueError(f"agent {agent!r} is not a CAMEO agent code (empty only for {sorted(IGO_CODES)})")
    if role not in ROLES:
        raise ValueError(f"role {role!r} is not one of {', '.join(ROLES)}")
    start, precision = parse_date(start_text)
    end = parse_date(end_text, end=True)[0] if end_text else None
    if end is not None and end < start:
        raise ValueError(f"end {end_text} is before start {start_text}")
    term = Officeholder(name, country, agent, role, start, end, precision)
    return term, tuple(a.strip() for a in aliases.split("|") if a.strip())


def read_leaders(path: Path | Traversable) -> Leaders:
    """Read a leaders table; DataError (E501) names the first broken line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Msg.E522, path=str(path), reason=str(exc)) from exc
    terms: list[Officeholder] = []
    aliases: dict[str, list[str]] = defaultdict(list)
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        try:
            if not header_seen:
                if tuple(f.strip() for f in fields) != COLUMNS:
                    raise ValueError(f"header must be {' '.join(COLUMNS)}")
                header_seen = True
                continue
            term, forms = _parse_row(fields)
        except ValueError as exc:
            raise DataError(Msg.E501, path=str(path), line=number, reason=str(exc)) from exc
        terms.append(term)
        aliases[term.name].extend(f for f in forms if f not in aliases[term.name])
    log.debug("read %d office terms from %s", len(terms), path)
    return Leaders(terms, aliases)


def leaders_path() -> Traversable:
    """Return the packaged leaders table."""
    return resources.files("newsevents.actors").joinpath("data", "leaders.tsv")


@functools.cache
def load_leaders() -> Leaders:
    """Return the packaged office holders, read once per process."""
    return read_leaders(leaders_path())


__all__ = [
    "COLUMNS",
    "HEAD_ROLES",
    "IGO_CODES",
    "ROLES",
    "Leaders",
    "Officeholder",
    "Precision",
    "Role",
    "load_leaders",
    "name_key",
    "parse_date",
    "read_leaders",
    "short_forms",
]
