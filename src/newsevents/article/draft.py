"""The fields an extractor reads from one page, before they become an Article."""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.article.dates import Stamp


@dataclass(frozen=True, slots=True)
class Draft:
    """What an extractor found on a page: header fields, body paragraphs and doubts."""

    title: str | None
    publisher: str | None
    published: Stamp | None
    authors: tuple[str, ...]
    paragraphs: tuple[str, ...]
    page_date: str | None = None
    warnings: tuple[str, ...] = ()
