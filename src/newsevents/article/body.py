"""Bare article text (a JSONL record's ``text``): paragraphs only, metadata from the container."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsevents.article.dates import parse_stamp
from newsevents.article.draft import Draft


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Return the paragraphs of bare text: split on blank lines, or on newlines when there are none."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = re.split(r"\n[ \t]*\n", text) if re.search(r"\n[ \t]*\n", text) else text.split("\n")
    return tuple(re.sub(r"\s+", " ", part).strip() for part in parts if part.strip())


def parse_body(text: str, meta: Mapping[str, str]) -> Draft:
    """Return the draft of bare article text, its title, date and publisher taken from ``meta``."""
    warnings: list[str] = []
    raw = (meta.get("published") or "").strip()
    published = parse_stamp(raw) if raw else None
    if raw and published is None:
        warnings.append(f"cannot read the published value {raw!r}")
    elif published is None:
        warnings.append("no publication date found")
    return Draft(
        title=(meta.get("title") or "").strip() or None,
        publisher=(meta.get("publisher") or "").strip() or None,
        published=published,
        authors=(),
        paragraphs=split_paragraphs(text),
        warnings=tuple(warnings),
    )
