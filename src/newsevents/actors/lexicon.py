"""The actor lexicon: country forms, organisations, armed groups and agent words.

The facts live in four tab-separated tables under ``actors/data/`` (``countries.tsv``,
``igos.tsv``, ``groups.tsv``, ``agents.tsv``); this module reads them once into a
:class:`Lexicon` with case-, accent- and punctuation-tolerant lookups, and turns the
named forms into spaCy EntityRuler patterns (``entity_ruler_patterns``).

Lookups compare a *key*: lower case, accents dropped, periods and commas dropped,
hyphens read as spaces, a leading "the" and a trailing "'s" removed. So "the U.S.",
"US" and "U.S.'s" all find USA, and "Turkiye" finds Türkiye.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any, Literal, TypeVar, cast

from newsevents.errors import DataError, Msg

log = logging.getLogger(__name__)

_K = TypeVar("_K")
_V = TypeVar("_V")

CountryKind = Literal["name", "short", "demonym", "capital", "region"]
OrgKind = Literal["igo", "ngo"]

COUNTRY_KINDS: frozenset[str] = frozenset({"name", "short", "demonym", "capital", "region"})
PLACE_KINDS: frozenset[str] = frozenset({"name", "short", "demonym", "region"})
ORG_KINDS: frozenset[str] = frozenset({"igo", "ngo"})
AGENT_CODES: frozenset[str] = frozenset(
    {
        "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "UAF", "SPY", "PTY",
        "CVL", "MED", "BUS", "EDU", "REL", "LAB", "REF", "HLH", "CRM", "ELI", "HRI", "DEV",
        "ENV", "AGR", "MOD", "RAD",
    }
)  # fmt: skip
"""CAMEO role codes the tables may use (REL, for clergy, is the project's own)."""

_HYPHENS = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014]")
_SPACED = re.compile(r"[,\"“”]")
_POSSESSIVE = re.compile(r"'s?$")
_SINGULAR_RULES = (("ies", "y"), ("men", "man"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", ""))


@dataclass(frozen=True, slots=True)
class CountryForm:
    """One way of writing a country: a name, short name, demonym, capital or region."""

    iso3: str
    text: str
    kind: CountryKind


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """An intergovernmental or non-governmental organisation (code such as IGOUNO)."""

    code: str
    org: str
    kind: OrgKind
    name: str


@dataclass(frozen=True, slots=True)
class GroupEntry:
    """A named non-state group or state body; ``country`` is None for transnational groups."""

    code: str
    country: str | None
    agent: str
    name: str


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent word or title; ``generic`` ones yield to a more specific word nearby."""

    text: str
    agent: str
    generic: bool = False


def normalize_key(text: str) -> str:
    """Return the lookup key of a surface form ("The U.S.'s" -> "us")."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    plain = _HYPHENS.sub(" ", _SPACED.sub(" ", plain.replace(".", "")))
    words = plain.split()
    if words and words[-1] == "'s":
        words.pop()
    elif words and words[-1].endswith(("'s", "'")):
        words[-1] = _POSSESSIVE.sub("", words[-1])
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(w for w in words if w)


class Lexicon:
    """Read-only lookups over the packaged actor tables."""

    __slots__ = (
        "_agent_max",
        "_agent_vocab",
        "_agents",
        "_capitals",
        "_demonyms",
        "_groups",
        "_names",
        "_orgs",
        "_places",
        "_regions",
        "_spellings",
        "agents",
        "countries",
        "groups",
        "orgs",
    )

    def __init__(
        self,
        countries: Iterable[CountryForm],
        orgs: Iterable[tuple[str, OrgEntry]],
        groups: Iterable[tuple[str, GroupEntry]],
        agents: Iterable[AgentEntry],
    ) -> None:
        self.countries: tuple[CountryForm, ...] = tuple(countries)
        self.orgs: tuple[tuple[str, OrgEntry], ...] = tuple(orgs)
        self.groups: tuple[tuple[str, GroupEntry], ...] = tuple(groups)
        self.agents: tuple[AgentEntry, ...] = tuple(agents)
        self._places = _index(
            (normalize_key(f.text), f.iso3) for f in self.countries if f.kind in PLACE_KINDS
        )
        self._capitals = _index(
            (normalize_key(f.text), f.iso3) for f in self.countries if f.kind == "capital"
        )
        self._regions = _index((normalize_key(f.text), f.iso3) for f in self.countries if f.kind == "region")
        self._demonyms = frozenset(normalize_key(f.text) for f in self.countries if f.kind == "demonym")
        self._names = _index((f.iso3, f.text) for f in self.countries if f.kind == "name")
        self._spellings = tuple(
            (f.text.lower(), f.iso3)
            for f in self.countries
            if f.kind in {"name", "short"} and f.text.isalpha() and len(f.text) >= MISSPELT_MIN
        )
        self._orgs = _index((normalize_key(text), entry) for text, entry in self.orgs)
        self._groups = _index((normalize_key(text), entry) for text, entry in self.groups)
        self._agents = _index((normalize_key(a.text), a) for a in self.agents)
        self._agent_vocab = frozenset(w for key in self._agents for w in key.split())
        self._agent_max = max((len(key.split()) for key in self._agents), default=0)

    def country(self, text: str) -> str | None:
        """Return the ISO3 code of a country name, short name, demonym or region, else None."""
        return self._places.get(normalize_key(text))

    def capital(self, text: str) -> str | None:
        """Return the ISO3 code of the country whose capital or seat of government this is."""
        return self._capitals.get(normalize_key(text))

    def region(self, text: str) -> str | None:
        """Return the ISO3 code of the country a sub-national or disputed region belongs to."""
        return self._regions.get(normalize_key(text))

    def is_demonym(self, text: str) -> bool:
        """Tell whether the text is a demonym ("Azerbaijani", "Armenians")."""
        return normalize_key(text) in self._demonyms

    def country_name(self, iso3: str) -> str:
        """Return the canonical English name of a country code; KeyError if unknown."""
        return self._names[iso3]

    def misspelt_country(self, word: str) -> str | None:
        """Return the country a one-word name misspelt by one letter names ("Afganistan" -> AFG).

        Only long names are read so (``MISSPELT_MIN`` letters, by the word and the name alike),
        the first and last letters must be right (other endings make other words: "Americas",
        "Bulgari", "Georgie"), and exactly one country may be one edit away (a letter dropped,
        added, changed or two swapped); a word that is itself a form of a country is no
        misspelling. The caller rules out real places and people.
        """
        lower = word.lower()
        if len(lower) < MISSPELT_MIN or not lower.isalpha() or self.country(word) is not None:
            return None
        found = {
            iso3
            for name, iso3 in self._spellings
            if (name[0], name[-1]) == (lower[0], lower[-1])
            and abs(len(name) - len(lower)) <= 1
            and one_edit_apart(name, lower)
        }
        return found.pop() if len(found) == 1 else None

    def org(self, text: str) -> OrgEntry | None:
        """Return the organisation an alias names ("OSCE Minsk Group" -> IGOOSC), else None."""
        return self._orgs.get(normalize_key(text))

    def group(self, text: str) -> GroupEntry | None:
        """Return the non-state group or state body an alias names ("Taliban"), else None."""
        return self._groups.get(normalize_key(text))

    def agent(self, text: str) -> str | None:
        """Return the CAMEO agent code of a phrase ("defense minister" -> GOV), else None."""
        entry = self.find_agent(text)
        return entry.agent if entry is not None else None

    def find_agent(self, text: str) -> AgentEntry | None:
        """Return the best agent entry inside a phrase: specific before generic, longest, rightmost."""
        words = normalize_key(text).split()
        singular = [_singular(w, self._agent_vocab) for w in words]
        best: AgentEntry | None = None
        best_rank: tuple[bool, int, int] = (False, 0, -1)
        for start, length, entry in self._agent_spans(words, singular):
            rank = (not entry.generic, length, start)
            if best is None or rank > best_rank:
                best, best_rank = entry, rank
        return best

    def _agent_spans(self, words: list[str], singular: list[str]) -> Iterator[tuple[int, int, AgentEntry]]:
        """Yield (start, length, entry) for every agent phrase in the words, as written or singular."""
        for start in range(len(words)):
            for length in range(min(self._agent_max, len(words) - start), 0, -1):
                end = start + length
                entry = self._agents.get(" ".join(words[start:end])) or self._agents.get(
                    " ".join(singular[start:end])
                )
                if entry is not None:
                    yield start, length, entry


#: The fewest letters a country name and a word must have for the word to be read as its misspelling.
MISSPELT_MIN = 7


def one_edit_apart(a: str, b: str) -> bool:
    """Return True when two different words are one edit apart: a letter dropped, added or changed,
    or two neighbouring letters swapped ("Ethopia", "Afganistan", "Britian")."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    first = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), len(a))
    if len(a) < len(b):  # one letter added
        return a[first:] == b[first + 1 :]
    if a[first + 1 :] == b[first + 1 :]:  # one letter changed
        return True
    swapped = first + 1 < len(a) and a[first] == b[first + 1] and a[first + 1] == b[first]
    return swapped and a[first + 2 :] == b[first + 2 :]


def _index(pairs: Iterable[tuple[_K, _V]]) -> dict[_K, _V]:
    """Map keys to values; the first row wins (the consistency test forbids real clashes)."""
    out: dict[_K, _V] = {}
    for key, value in pairs:
        out.setdefault(key, value)
    return out


def _singular(word: str, vocab: frozenset[str]) -> str:
    """Return the singular of a word when that singular is an agent word, else the word."""
    for suffix, repl in _SINGULAR_RULES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            candidate = word[: -len(suffix)] + repl
            if candidate in vocab:
                return candidate
    return word


def data_dir() -> Traversable:
    """Return the folder that holds the packaged actor tables."""
    return resources.files("newsevents.actors").joinpath("data")


@functools.cache
def load_lexicon() -> Lexicon:
    """Return the packaged lexicon, read once per process."""
    return read_lexicon(data_dir())


def read_lexicon(folder: Traversable | Path) -> Lexicon:
    """Read the four actor tables from a folder; raise DataError naming any broken line."""
    countries = [_country_row(path, n, row) for path, n, row in _rows(folder, "countries.tsv", _COUNTRY_COLS)]
    orgs = [_org_row(path, n, row) for path, n, row in _rows(folder, "igos.tsv", _ORG_COLS)]
    groups = [_group_row(path, n, row) for path, n, row in _rows(folder, "groups.tsv", _GROUP_COLS)]
    agents = [_agent_row(path, n, row) for path, n, row in _rows(folder, "agents.tsv", _AGENT_COLS)]
    countries += _region_forms(folder, {normalize_key(f.text) for f in countries})
    lexicon = Lexicon(countries, orgs, groups, agents)
    log.debug("actor lexicon: %d country forms, %d org aliases, %d group aliases, %d agent words",
              len(countries), len(orgs), len(groups), len(agents))  # fmt: skip
    return lexicon


_COUNTRY_COLS = ("iso3", "text", "kind", "note")
REGION_COLUMNS = ("name", "aliases", "country", "admin1", "lat", "lon", "note")
"""Columns of regions.tsv (read for names here, for coordinates by the gazetteer)."""
_ORG_COLS = ("code", "org", "kind", "text", "name", "note")
_GROUP_COLS = ("code", "country", "agent", "text", "name", "note")
_AGENT_COLS = ("text", "agent", "generic", "note")
_ISO3 = re.compile(r"[A-Z]{3}")
_ORG_CODE = re.compile(r"(IGO|NGO)[A-Z]{3}([A-Z]{3})*")


def read_table(path: Traversable | Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) from a tab-separated table with '#' notes and a header line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(Msg.E501, path=path, line=0, reason=str(exc)) from exc
    header_seen = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cells) != columns:
                raise DataError(
                    Msg.E501, path=path, line=number, reason=f"the header must be {'|'.join(columns)}"
                )
            header_seen = True
        elif len(cells) != len(columns):
            raise DataError(
                Msg.E501, path=path, line=number, reason=f"{len(cells)} cells, {len(columns)} expected"
            )
        else:
            yield number, dict(zip(columns, (c.strip() for c in cells), strict=True))


def _rows(
    folder: Traversable | Path, name: str, columns: tuple[str, ...]
) -> Iterator[tuple[Traversable | Path, int, dict[str, str]]]:
    """Yield (path, line number, row) for one named table of a folder."""
    path = folder / name
    for number, row in read_table(path, columns):
        yield path, number, row


def _region_forms(folder: Traversable | Path, known: set[str]) -> list[CountryForm]:
    """Return region forms from regions.tsv (when the folder has one) that countries.tsv lacks."""
    path = folder / "regions.tsv"
    if not path.is_file():
        return []
    out = []
    for line, row in read_table(path, REGION_COLUMNS):
        if not _ISO3.fullmatch(row["country"]):
            raise _broken(path, line, f"country {row['country']!r} is not an ISO3 code")
        for text in (row["name"], *row["aliases"].split("|")):
            key = normalize_key(text)
            if key and key not in known:
                known.add(key)
                out.append(CountryForm(row["country"], text.strip(), "region"))
    return out


def _broken(path: Traversable | Path, line: int, reason: str) -> DataError:
    """Return the DataError for one bad line of a table."""
    return DataError(Msg.E501, path=path, line=line, reason=reason)


def _country_row(path: Traversable | Path, line: int, row: Mapping[str, str]) -> CountryForm:
    """Check and convert one row of countries.tsv."""
    if not _ISO3.fullmatch(row["iso3"]) or not row["text"]:
        raise _broken(path, line, f"iso3 {row['iso3']!r} or text {row['text']!r} is not valid")
    if row["kind"] not in COUNTRY_KINDS:
        raise _broken(path, line, f"kind {row['kind']!r} is not one of {sorted(COUNTRY_KINDS)}")
    return CountryForm(row["iso3"], row["text"], cast(CountryKind, row["kind"]))


def _org_row(path: Traversable | Path, line: int, row: Mapping[str, str]) -> tuple[str, OrgEntry]:
    """Check and convert one row of igos.tsv into (alias, entry)."""
    code, kind = row["code"], row["kind"]
    if not _ORG_CODE.fullmatch(code) or row["org"] != code[3:6] or kind != code[:3].lower():
        raise _broken(path, line, f"code {code!r}, org {row['org']!r} and kind {kind!r} do not agree")
    if not row["text"] or not row["name"]:
        raise _broken(path, line, "text and name must not be empty")
    return row["text"], OrgEntry(code, row["org"], cast(OrgKind, kind), row["name"])


def _group_row(path: Traversable | Path, line: int, row: Mapping[str, str]) -> tuple[str, GroupEntry]:
    """Check and convert one row of groups.tsv into (alias, entry)."""
    code, country, agent = row["code"], row["country"], row["agent"]
    if agent not in AGENT_CODES:
        raise _broken(path, line, f"agent {agent!r} is not a known CAMEO agent code")
    expected = code == country + agent if country else code.startswith("IMG")
    if (country and not _ISO3.fullmatch(country)) or not expected or not row["text"]:
        raise _broken(path, line, f"code {code!r} must be country + agent (or IMG… without a country)")
    return row["text"], GroupEntry(code, country or None, agent, row["name"])


def _agent_row(path: Traversable | Path, line: int, row: Mapping[str, str]) -> AgentEntry:
    """Check and convert one row of agents.tsv."""
    if row["agent"] not in AGENT_CODES:
        raise _broken(path, line, f"agent {row['agent']!r} is not a known CAMEO agent code")
    if not row["text"] or row["text"] != row["text"].lower() or row["generic"] not in ("", "yes"):
        raise _broken(path, line, "text must be lower case and generic empty or 'yes'")
    return AgentEntry(row["text"], row["agent"], row["generic"] == "yes")


_TokenSpec = tuple[tuple[str, object], ...]
_PatternSpec = tuple[str, str, tuple[_TokenSpec, ...]]
RulerPattern = dict[str, str | list[dict[str, Any]]]
"""One EntityRuler pattern, typed as spaCy's ``EntityRuler.add_patterns`` takes it."""


def entity_ruler_patterns() -> list[RulerPattern]:
    """Return spaCy EntityRuler token patterns: GPE/NORP for country forms, ORG for orgs and groups.

    Each pattern's ``id`` is the ISO3 or organisation code, so a matched span's
    ``ent_id_`` says who it is ("AZE", "IGOOSC", "AFGINS").
    """
    return [
        {"label": label, "pattern": [dict(token) for token in tokens], "id": ident}
        for label, ident, tokens in _pattern_specs()
    ]


@functools.cache
def _pattern_specs() -> tuple[_PatternSpec, ...]:
    """Tokenize every named form once with a blank English tokenizer (no model needed)."""
    import spacy  # only the patterns need spaCy; the lookups stay light

    tokenizer = spacy.blank("en").tokenizer
    specs: dict[tuple[_TokenSpec, ...], _PatternSpec] = {}
    for label, ident, text in _named_forms(load_lexicon()):
        for variant in _variants(text):
            tokens = tuple(_token_spec(tok.text, i) for i, tok in enumerate(tokenizer(variant)))
            specs.setdefault(tokens, (label, ident, tokens))
    return tuple(specs.values())


def _named_forms(lexicon: Lexicon) -> Iterator[tuple[str, str, str]]:
    """Yield (label, id, surface text) for every form the entity ruler should tag."""
    for form in lexicon.countries:
        yield ("NORP" if form.kind == "demonym" else "GPE"), form.iso3, form.text
    for text, org in lexicon.orgs:
        yield "ORG", org.code, text
    for text, group in lexicon.groups:
        yield "ORG", group.code, text


def _variants(text: str) -> list[str]:
    """Return the spellings of a form to match: as written, without accents, spaced, curly quotes."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    out = {text, plain}
    for variant in list(out):
        out.add(re.sub(r"(?<=\w)-(?=\w)", " ", variant))
    for variant in list(out):
        out.add(variant.replace("'", "\u2019"))
    return sorted(out)


def _token_spec(token: str, index: int) -> _TokenSpec:
    """Return the match attributes of one pattern token.

    Acronyms ("UK", "U.S.", "BiH") must match exactly; a capitalised word matches
    in any case but all-lower ("Turkey", "TURKEY", not "turkey"); other tokens
    ("of", "al", "-") match case-insensitively, as does a leading "The".
    """
    if sum(c.isupper() for c in token) >= 2:
        return (("ORTH", token),)
    if token[:1].isupper() and not (index == 0 and token == "The"):
        return (("LOWER", token.lower()), ("IS_LOWER", False))
    return (("LOWER", token.lower()),)


__all__ = [
    "AGENT_CODES",
    "COUNTRY_KINDS",
    "PLACE_KINDS",
    "REGION_COLUMNS",
    "AgentEntry",
    "CountryForm",
    "GroupEntry",
    "Lexicon",
    "OrgEntry",
    "RulerPattern",
    "data_dir",
    "entity_ruler_patterns",
    "load_lexicon",
    "normalize_key",
    "one_edit_apart",
    "read_lexicon",
    "read_table",
]
