"""The line classifier for plain-text page dumps: what kind of line is this?

Every rule here is about the shape of one line (a dateline, a byline, a rule, a menu, a share bar,
a copyright notice, a sentence of prose), never about one site. The phrases that make up
boilerplate live in ``data/boilerplate.tsv``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from newsevents.article.byline import match_byline, split_authors
from newsevents.article.dates import Dateline, read_dateline

Kind = Literal["rule", "date", "byline", "boiler", "heading", "nav", "text"]

_RULE = re.compile(r"^[-_=*~#•·.]{3,}$|^(?:[-_=*~]\s){2,}[-_=*~]$")
_TERMINAL = re.compile(r"[.!?…。！？][\"'”’»)\]」』]*$|:$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_NAV_SEPARATORS = re.compile(r"\s*[|»›>/•·]\s*")
_BIO = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,3})\s+(?:is|was|has been|works as)\b.{0,120}?"
    r"\b(?:journalist|reporter|correspondent|editor|writer|columnist|contributor|analyst|staff)\b",
)
_WORD = re.compile(r"[\w'’.+-]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a page dump with its kind and what it says."""

    index: int
    text: str
    kind: Kind
    dateline: Dateline | None = None
    authors: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        """Number of words on the line (see :func:`word_count`)."""
        return word_count(self.text)


@functools.cache
def load_boilerplate() -> Mapping[str, frozenset[str]]:
    """Return the boilerplate phrases by kind (heading, phrase, prefix, contains, section)."""
    path = resources.files("newsevents.article").joinpath("data", "boilerplate.tsv")
    table: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, phrase = line.split("\t")
            table.setdefault(kind, set()).add(phrase.strip())
    return {kind: frozenset(phrases) for kind, phrases in table.items()}


def ends_sentence(text: str) -> bool:
    """Whether a line ends the way a sentence does (full stop, question mark, closing quote)."""
    return bool(_TERMINAL.search(text.strip()))


def word_count(text: str) -> int:
    """Return the number of words on a line; Chinese, Japanese and Korean count two characters a word."""
    return len(text.split()) + len(_CJK.findall(text)) // 2


def is_prose(text: str) -> bool:
    """Whether a line reads as a sentence of article prose rather than a label or headline."""
    words = word_count(text)
    return (words >= 6 and ends_sentence(text)) or words >= 30


def normalize(text: str) -> str:
    """Return a comparison key for a line: lower case, single spaces, no outer punctuation."""
    return re.sub(r"\s+", " ", text).strip(" .:;,!?-–—'\"“”‘’").casefold()


def _cover(tokens: list[str], phrases: frozenset[str]) -> list[str] | None:
    """Return the phrases that exactly cover ``tokens`` (longest first), or None."""
    used: list[str] = []
    start = 0
    while start < len(tokens):
        for end in range(min(len(tokens), start + 6), start, -1):
            candidate = " ".join(tokens[start:end])
            if candidate in phrases:
                used.append(candidate)
                start = end
                break
        else:
            return None
    return used


def _phrase_kind(text: str) -> Kind | None:
    """Return "heading" or "boiler" when the line is made only of boilerplate phrases."""
    table = load_boilerplate()
    tokens = [t.strip(".,:;!?()[]{}").lower() for t in re.split(r"[\s|/•·»›>]+", text)]
    tokens = [t for t in tokens if t and not t.isdigit()]
    if not tokens:
        return "boiler"
    headings = table.get("heading", frozenset())
    used = _cover(tokens, headings | table.get("phrase", frozenset()))
    if used is None:
        return None
    return "heading" if any(phrase in headings for phrase in used) else "boiler"


@functools.cache
def _notice_patterns() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """Return the boilerplate prefixes and one pattern matching any boilerplate inner phrase."""
    table = load_boilerplate()
    parts = sorted(table.get("contains", frozenset()), key=len, reverse=True)
    contains = re.compile("|".join(re.escape(p) for p in parts) if parts else r"(?!)")
    return tuple(sorted(table.get("prefix", frozenset()))), contains


#: An all-capitals label in brackets that ends a line: what kind of page a link leads to.
_LINK_LABEL = re.compile(r"\[[A-Z][A-Z ]{2,14}\][\s|]*$")


def _is_boiler_text(text: str) -> bool:
    """Whether a line is a known boilerplate notice (copyright, cookies, follow us, captions)."""
    prefixes, contains = _notice_patterns()
    low = text.lower().strip()
    if low.startswith(prefixes):
        return True
    if len(text.split()) <= 25 and contains.search(low):
        return True
    if len(text.split()) <= 20 and _LINK_LABEL.search(text):
        return True  # "Minister quits over row [VIDEO]": a link to another story, labelled by its kind
    return bool(re.search(r"(?:^|\s)@\w{3,}\s*$", text)) and len(text.split()) <= 12


def _is_nav(text: str) -> bool:
    """Whether a line is a menu or breadcrumb ("Home | World | Politics", "News > Europe")."""
    parts = [p for p in _NAV_SEPARATORS.split(text.strip()) if p]
    if len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts):
        return True
    sections = load_boilerplate().get("section", frozenset())
    if len(parts) >= 2 and all(p.lower() in sections for p in parts):
        return True
    words = [w.lower() for w in text.split()]
    return len(words) >= 3 and _cover(words, sections) is not None


def is_section(text: str) -> bool:
    """Whether a short line is a site section name ("World", "Middle East")."""
    return normalize(text) in load_boilerplate().get("section", frozenset())


def is_bio(text: str, authors: tuple[str, ...]) -> bool:
    """Whether a line is an author's bio ("X is our staff journalist, follow him ...")."""
    match = _BIO.match(text)
    if not match or len(text.split()) > 45:
        return False
    return match["name"] in authors or "follow" in text.lower() or "@" in text


def classify_line(index: int, text: str, *, publisher: str | None = None) -> Line:
    """Return the line with its kind: rule, date, byline, boiler, heading, nav or text."""
    text = re.sub(r"\s+", " ", text).strip()
    if _RULE.match(text):
        return Line(index, text, "rule")
    dateline = read_dateline(text)
    if dateline is not None:
        return Line(index, text, "date", dateline=dateline)
    byline = _read_byline(index, text, publisher)
    if byline is not None:
        return byline
    phrase_kind = _phrase_kind(text)
    if phrase_kind is not None:
        return Line(index, text, phrase_kind)
    if _is_boiler_text(text):
        return Line(index, text, "boiler")
    if not is_prose(text) and _is_nav(text):
        return Line(index, text, "nav")
    return Line(index, text, "text")


def _read_byline(index: int, text: str, publisher: str | None) -> Line | None:
    """Return a byline line (authors, and a date when the byline carries one), or None."""
    names = match_byline(text)
    if names is None or len(text.split()) > 16:
        return None
    authors = split_authors(names, reject=[publisher] if publisher else [])
    if not authors and len(names.split()) > 4:
        return None
    dateline = None
    for segment in re.split(r"\s+[|•·–—]\s+|\s+-\s+", text):
        dateline = dateline or read_dateline(segment)
    return Line(index, text, "byline", dateline=dateline, authors=authors)
