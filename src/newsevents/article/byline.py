"""Bylines: who wrote an article ("By A and B", "Author: A", "Written by A, B and C")."""

from __future__ import annotations

import re
from collections.abc import Iterable

_BYLINE = re.compile(
    r"^(?:(?:written|reported|posted|story|text|words)\s+by|by|authors?|autor(?:in|en)?|автор|auteur|par|von)\b\s*[:\-–—]?\s*(?P<names>.+)$",
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
     "analyst", "photographer", "chief", "intern", "team", "editors", "staffers", "market", "store", "shop",
     "company", "inc", "llc", "ltd", "magazine", "blog", "official", "club",
     "collective", "studio", "studios", "institute", "foundation", "association", "society", "partners"}
)  # fmt: skip
_ROLE_WORDS = frozenset(
    {"writer", "editor", "reporter", "correspondent", "manager", "director", "columnist", "contributor",
     "producer", "analyst", "journalist", "founder", "ceo", "cto", "president", "officer", "specialist",
     "strategist", "consultant", "author", "intern", "photographer", "lead", "head", "coordinator"}
)  # fmt: skip
_ROLE_QUALIFIERS = frozenset(
    {"senior", "staff", "chief", "managing", "executive", "associate", "contributing", "deputy", "marketing",
     "content", "news", "sports", "political", "technology", "tech", "science", "health", "business",
     "digital", "social", "media", "product", "editorial", "general", "assistant", "co-founder", "and", "&",
     "of"}
)  # fmt: skip
_NOT_NAME_WORDS = frozenset(
    {"member", "joined", "posts", "moderator", "admin", "user", "guest", "sign", "login", "subscribe", "menu",
     "search", "home", "share", "comments", "reply", "view", "profile", "more", "read", "follow", "contact"}
)  # fmt: skip
#: Words that name a desk, an agency or a role, never a person.
NOT_PEOPLE = frozenset(
    {
        "staff", "staff writer", "staff reporter", "our correspondent", "correspondent", "reporter",
        "editor", "editorial", "editorial board", "news desk", "web desk", "online desk", "desk",
        "agencies", "agency", "news agency", "reuters", "ap", "afp", "associated press", "dpa", "tass",
        "ria novosti", "xinhua", "anadolu", "bloomberg", "upi", "ians", "pti", "ani", "efe", "ansa",
        "interfax", "report", "admin", "administrator", "guest", "team", "newsroom", "bbc news",
        "our editors", "the editors", "editors", "email the author", "sign in", "log in", "login", "register",
        "anonymous", "unknown", "author", "contributors", "wire", "wire services", "press release",
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
    """Return a name without a trailing place ("in London"), role, handle and extra spaces."""
    name = re.sub(r"\s+", " ", raw).strip(" .:;,-–—'\"()")
    name = _PLACE_TAIL.sub("", name)
    name = re.sub(r"\s*@\s*\w[\w.-]*$", "", name)
    name = _strip_role(name)
    if name.isupper() and len(name) > 3:
        name = name.title()
    return name


def _strip_role(name: str) -> str:
    """Return a name without a job title after it ("Jane Roe Senior Writer" gives "Jane Roe")."""
    words = name.split()
    if len(words) < 3 or words[-1].lower() not in _ROLE_WORDS:
        return name
    cut = len(words) - 1
    while cut > 2 and words[cut - 1].lower() in _ROLE_WORDS | _ROLE_QUALIFIERS:
        cut -= 1
    return " ".join(words[:cut])


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
    if any(word.lower() in _NOT_NAME_WORDS for word in words):
        return False
    return all(_NAME_WORD.match(word) for word in words)


def parse_byline(line: str, *, reject: Iterable[str] = ()) -> tuple[str, ...]:
    """Return the authors a byline names; empty when the line is not a byline."""
    names = match_byline(line)
    return split_authors(names, reject=reject) if names else ()
