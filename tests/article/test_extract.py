"""The stage entry point: dispatch by format, ids copied, errors coded."""

from __future__ import annotations

import pytest
import trafilatura

from newsevents.article import extract_article
from newsevents.errors import ArticleError
from newsevents.model import Page, PageFormat

_TEXT = (
    "Daily Planet\n\nTalks end without a deal\n\n09.09.2016\n\n"
    "Negotiators left the capital on Monday without signing the accord.\n"
)
_HTML = (
    "<html><head><title>Talks end - Daily Planet</title></head><body><article><h1>Talks end</h1>"
    "<p>Negotiators from both delegations left the capital on Monday without signing the draft accord"
    " they had discussed.</p>"
    "<p>Officials said another round of talks could be held next month if both governments agreed to it.</p>"
    "</article></body></html>"
)


def _page(text: str, fmt: PageFormat, **meta: str) -> Page:
    """Return a page with fixed ids."""
    return Page(
        id="sha",
        input_id="in-1",
        text=text,
        format=fmt,
        source_path="a/b.txt",
        url="https://x.test/a",
        meta=meta,
    )


@pytest.mark.parametrize(
    ("text", "fmt", "method"),
    [(_TEXT, "text", "textdump"), (_HTML, "html", "trafilatura"), ("Body text.", "body", "body")],
)
def test_extract_article_dispatch_and_ids(text: str, fmt: PageFormat, method: str) -> None:
    article = extract_article(_page(text, fmt))
    assert article.extraction.method == method
    assert (article.id, article.input_id, article.source_path, article.url) == (
        "sha",
        "in-1",
        "a/b.txt",
        "https://x.test/a",
    )
    assert article.paragraphs


@pytest.mark.parametrize(
    ("text", "fmt"),
    [("Home | World\n\nShare\n", "text"), ("<html><body></body></html>", "html"), ("  \n", "body")],
)
def test_extract_article_no_text_raises_e301(text: str, fmt: PageFormat) -> None:
    with pytest.raises(ArticleError) as info:
        extract_article(_page(text, fmt))
    assert info.value.code == "E301"
    assert "in-1" in str(info.value)


def test_extract_article_html_crash_raises_e302(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(ArticleError) as info:
        extract_article(_page(_HTML, "html"))
    assert info.value.code == "E302"
    assert "boom" in str(info.value)


def test_extract_article_body_meta_published() -> None:
    article = extract_article(
        _page("Talks ended.\n\nNo deal.", "body", published="2016-09-09", title="Talks end")
    )
    assert (article.published, article.published_precision, article.title) == (
        "2016-09-09",
        "day",
        "Talks end",
    )


def test_extract_article_text_meta_fills_missing_date() -> None:
    text = "Talks end without a deal\n\nNegotiators left the capital on Monday without signing the accord.\n"
    article = extract_article(_page(text, "text", published="2016-09-09T10:00:00+02:00"))
    assert article.published == "2016-09-09T10:00:00+02:00"
    assert article.published_precision == "second"


def test_extract_article_textdump_header_fields() -> None:
    article = extract_article(_page(_TEXT, "text"))
    assert (article.title, article.publisher, article.published) == (
        "Talks end without a deal",
        "Daily Planet",
        "2016-09-09",
    )
