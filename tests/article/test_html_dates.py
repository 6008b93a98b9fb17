"""HTML pages we wrote: the publication date a reader sees, and a page whose text a script fills in."""

from __future__ import annotations

import pytest

from newsevents.article.dates import read_dateline
from newsevents.article.html import parse_html

_BODY = (
    "<p>The harbour authority closed the northern pier on Monday after storm damage was found in"
    " the concrete supports, officials said.</p>"
    "<p>Ferries will use the southern terminal until engineers finish their survey, which is"
    " expected to take two weeks.</p>"
    "<p>Fishing boats were told to moor at the old quay, where extra berths have been marked out"
    " for the coming season.</p>"
)


def _page(head: str, top: str, body: str = _BODY, tail: str = "") -> str:
    """Return a small news page: head, a banner, the article top and body, then a footer."""
    return (
        f"<html><head><title>Harbour closes northern pier</title>{head}</head><body>"
        "<div class='topbar'>Friday, 12 April 2024</div>"
        "<nav><a href='/'>Home</a> <a href='/local'>Local</a></nav>"
        f"<article><h1>Harbour closes northern pier</h1>{top}{body}{tail}</article>"
        "<footer><p>Copyright 2024 Bay Courier. All rights reserved.</p></footer></body></html>"
    )


def _day(html: str) -> str | None:
    """Return the publication day parse_html finds."""
    published = parse_html(html).published
    return published.iso[:10] if published else None


def test_html_unmarked_page_takes_the_dateline_under_the_headline_not_the_banner() -> None:
    html = _page("", "<p class='source'>Wire desk<br>10 Apr 2024, 18:40 GMT+10</p>")
    published = parse_html(html).published
    assert published is not None
    assert published.iso == "2024-04-10T18:40:00+10:00"


def test_html_labelled_published_line_beats_markup_naming_another_day() -> None:
    head = '<meta property="article:published_time" content="2024-04-12T09:00:00+00:00">'
    html = _page(head, "<div class='info'>Published: 8 April 2024</div>")
    assert _day(html) == "2024-04-08"


def test_html_labelled_line_on_the_markup_day_keeps_the_markup_time() -> None:
    head = '<meta property="article:published_time" content="2024-04-08T09:00:00+00:00">'
    published = parse_html(_page(head, "<div>Posted on April 8, 2024</div>")).published
    assert published is not None
    assert published.iso == "2024-04-08T09:00:00+00:00"


def test_html_updated_line_does_not_replace_the_publication_day() -> None:
    head = '<meta property="article:published_time" content="2024-04-08T09:00:00+00:00">'
    html = _page(head, "<div>Updated: 11 April 2024</div>")
    assert _day(html) == "2024-04-08"


def test_html_posted_line_read_without_its_update_time() -> None:
    head = '<meta property="article:published_time" content="2024-04-12T09:00:00+00:00">'
    html = _page(head, "<div>Posted 2024-04-09T07:15:00+00:00 - Updated 2024-04-11T10:00:00+00:00</div>")
    assert _day(html) == "2024-04-09"


def test_html_label_alone_on_its_line_labels_the_next_line() -> None:
    head = '<meta property="article:published_time" content="2024-04-12T09:00:00+00:00">'
    html = _page(head, "", tail="<div><strong>(Re)Published:</strong><br>April 7, 2024</div>")
    assert _day(html) == "2024-04-07"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("APR 9 2024 - 6 MIN READ", "2024-04-09"),
        ("Apr 9, 2024 · 6 min read", "2024-04-09"),
        ("6 min read", None),
    ],
)
def test_read_dateline_reading_time_beside_the_date(line: str, day: str | None) -> None:
    dateline = read_dateline(line)
    assert (dateline.stamp.iso if dateline and dateline.stamp else None) == day


def test_html_page_without_text_takes_its_description() -> None:
    html = (
        "<html><head><title>Pier closed - Bay Courier</title>"
        '<meta property="og:description" content="The northern pier is closed after storm damage.">'
        '<meta property="article:published_time" content="2024-04-08T09:00:00+00:00">'
        "</head><body><div id='app'></div><script>render()</script></body></html>"
    )
    draft = parse_html(html)
    assert draft.paragraphs == ("The northern pier is closed after storm damage.",)
    assert any("description" in warning for warning in draft.warnings)
    assert _day(html) == "2024-04-08"


def test_html_page_without_text_or_description_has_no_body() -> None:
    assert (
        parse_html("<html><head><title>Wait</title></head><body><div></div></body></html>").paragraphs == ()
    )


def test_htmldate_external_parser_is_ours() -> None:
    """htmldate's slow every-locale parser is replaced by one that tries the string's script only."""
    import htmldate.extractors

    from newsevents.article.dates import script_date

    assert htmldate.extractors._external_date is script_date
    found = script_date("Mar. 11, 2026")
    assert found is not None
    assert found.date().isoformat() == "2026-03-11"
    assert script_date("Top 5 alternatives to consider in 2026") is None
