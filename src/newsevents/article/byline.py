"""Bylines: who wrote an article ("By A and B", "Author: A", "Written by A, B and C")."""

from __future__ import annotations

import re
from collections.abc import Iterable

_BYLINE = re.compile(
    r"^(?:(?:written|reported|story|text)\s+by|by|authors?|autor(?:in|en)?|автор|auteur|par|von)\b\s*[:\-–—]?\s*(?P<names>.+)$",
    re.I,
)
_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\band\b|&|,|;|\bund\b|\bи\b|\bet\b)\s*", re.I)
_SEGMENTS = re.compile(r"\s+[|•·–—]\s+|\s+-\s+")
_PLACE_TAIL = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?$")
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]*|(?:al|el|bin|ibn|van|von|de|der|den|da|di|du|la|le|dos|del)-?)$"
)
_ARTICLES = frozenset({"The", "Der", "Die", "Das", "Le", "La", "Les", "El", "Il"})
_ORG_WORDS = frozenset(
    {"news", "post", "times", "press", "media", "agency", "herald", "journal", "tribune", "gazette", "daily",
     "online", "network", "tv", "radio", "desk", "service", "services", "group", "bureau", "wire", "staff",
     "correspondent", "reporter", "editor", "writer", "journalist", "columnist", "contributor", "producer",
     "analyst", "photographer", "chief", "intern"}
)  # fmt: skip
#: Words that name a desk, an agency or a role, never a person.
NOT_PEOPLE = frozenset(
    {
        "staff", "staff writer", "staff reporter", "our correspondent", "correspondent", "reporter",
        "editor", "editorial", "editorial board", "news desk", "web desk", "online desk", "desk",
        "agencies", "agency", "news agency", "reuters", "ap", "afp", "associated press", "dpa", "tass",
        "ria novosti", "xinhua", "anadolu", "bloomberg", "upi", "ians", "pti", "ani", "efe", "ansa",
        "interfax", "report", "admin", "administrator", "guest", "team", "newsroom", "bbc news",
    }
)  # fmt: skip


def match_byline(line: str) -> str | None:
    """Return the names part of a byline ("By A and B" gives "A and B"), or None."""
    for segment in _SEGMENTS.split(line.strip()):
        match = _BYLINE.match(segment.strip())
        if match and match["names"].strip():
            return match["names"].strip()
    return None


def split_authors(names: str, *, reject: Iterable[str] = ()) -> tuple[str, ...]:
    """Return the person names in a names string, without agencies, desks and ``reject`` names.

    Empty when a part is neither a person nor a known desk or agency: the string is then prose.
    """
    rejected = {r.lower() for r in reject} | NOT_PEOPLE
    people: list[str] = []
    for raw in _SPLIT.split(_SEGMENTS.split(names)[0]):
        name = _clean_name(raw)
        if not name or name.lower() in rejected or name in people:
            continue
        if _looks_like_organisation(name):
            continue
        if not _looks_like_person(name):
            return ()  # a sentence that starts with "By", not a list of names
        people.append(name)
    return tuple(people)


def _clean_name(raw: str) -> str:
    """Return a name without a trailing place ("in London"), handles and extra spaces."""
    name = re.sub(r"\s+", " ", raw).strip(" .:;,-–—'\"()")
    name = _PLACE_TAIL.sub("", name)
    name = re.sub(r"\s*@\w+$", "", name)
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def _looks_like_organisation(name: str) -> bool:
    """Whether a byline part names a newspaper, agency or desk ("The Washington Post", "AP")."""
    words = name.split()
    return words[0] in _ARTICLES or words[-1].lower() in _ORG_WORDS or (name.isupper() and len(name) <= 5)


def _looks_like_person(name: str) -> bool:
    """Whether a string reads as a person's name: 1 to 5 capitalised words, no digits."""
    words = name.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in name):
        return False
    if not words[0][:1].isupper() or "." in words[-1][-1:]:
        return False
    return all(_NAME_WORD.match(word) for word in words)


def parse_byline(line: str, *, reject: Iterable[str] = ()) -> tuple[str, ...]:
    """Return the authors a byline names; empty when the line is not a byline."""
    names = match_byline(line)
    return split_authors(names, reject=reject) if names else ()
