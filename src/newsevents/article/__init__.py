"""The article stage: a Page in, a clean Article out.

How a page is read depends on ``page.format``:

- ``text``: a scraped plain-text page dump; a line classifier and header parser find the site name,
  the "today" banner date, headline, dateline (time and UTC offset kept), byline and body, and drop
  menus, share bars, bios and footers (method ``textdump``).
- ``html``: trafilatura finds the body; the page's own metadata gives the time and offset
  (method ``trafilatura``).
- ``body``: bare article text; paragraphs only, title, date and publisher from ``page.meta``
  (method ``body``).

A page with no article text raises :class:`~newsevents.errors.ArticleError` (``E301``); a crash of
the HTML extractor raises ``E302``.
"""

from __future__ import annotations

import logging

from newsevents.article.body import parse_body
from newsevents.article.dates import parse_stamp
from newsevents.article.draft import Draft
from newsevents.article.html import parse_html
from newsevents.article.language import detect_language
from newsevents.article.textdump import parse_textdump
from newsevents.errors import ArticleError, Msg
from newsevents.model import Article, Extraction, Page
from newsevents.settings import Settings

logger = logging.getLogger(__name__)

_METHODS = {"text": "textdump", "html": "trafilatura", "body": "body"}


def extract_article(page: Page, *, settings: Settings | None = None) -> Article:
    """Return the article of a page, read according to ``page.format``."""
    del settings  # no article setting yet; the parameter keeps the stage signature uniform
    draft = _fill_from_meta(_read(page), page)
    if not draft.paragraphs:
        raise ArticleError(Msg.E301, input=page.input_id)
    published = draft.published
    return Article(
        id=page.id,
        input_id=page.input_id,
        title=draft.title,
        paragraphs=draft.paragraphs,
        extraction=Extraction(method=_METHODS[page.format], warnings=draft.warnings),
        url=page.url,
        source_path=page.source_path,
        publisher=draft.publisher,
        published=published.iso if published else None,
        published_precision=published.precision if published else "unknown",
        page_date=draft.page_date,
        authors=draft.authors,
        language=detect_language(draft.paragraphs),
    )


def _read(page: Page) -> Draft:
    """Return the draft the page's format calls for."""
    if page.format == "body":
        return parse_body(page.text, page.meta)
    if page.format == "html":
        try:
            return parse_html(page.text, url=page.url)
        except Exception as exc:  # any crash inside trafilatura/lxml is this page's problem only
            logger.debug("HTML extraction failed for %s", page.input_id, exc_info=True)
            raise ArticleError(Msg.E302, input=page.input_id, reason=f"{type(exc).__name__}: {exc}") from exc
    return parse_textdump(page.text, publisher=page.meta.get("publisher") or None)


def _fill_from_meta(draft: Draft, page: Page) -> Draft:
    """Return the draft with a missing title or publication date taken from the container's metadata."""
    if page.format == "body":
        return draft
    title = draft.title or (page.meta.get("title") or "").strip() or None
    published = draft.published
    if published is None and page.meta.get("published"):
        published = parse_stamp(page.meta["published"])
    if title is draft.title and published is draft.published:
        return draft
    return Draft(
        title, draft.publisher, published, draft.authors, draft.paragraphs, draft.page_date, draft.warnings
    )


__all__ = ["extract_article"]
