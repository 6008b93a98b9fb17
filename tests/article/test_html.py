"""HTML pages we wrote: body from trafilatura, time and offset from the page's own metadata."""

from __future__ import annotations

import pytest

from newsevents.article.html import parse_html, strip_site

_BODY = (
    "<p>Azerbaijan and the UK discussed military cooperation and exchanged views on the conflict"
    " during talks in London.</p>"
    "<p>The discussions were held during the defence minister's visit to London to meet his British"
    " counterpart.</p>"
    "<p>The parties held a broad exchange of opinions and discussed further prospects of cooperation,"
    " officials said.</p>"
)


def _page(head: str, body_top: str = "", body: str = _BODY) -> str:
    """Return a small news page with the given head, article top and body."""
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article>{body_top}{body}</article>"
        "<footer><p>Copyright 2016 Daily Planet. All rights reserved.</p></footer>"
        "</body></html>"
    )


def test_html_published_time_and_offset_from_meta() -> None:
    head = (
        "<title>Azerbaijan, UK hold talks - Daily Planet</title>"
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta property="article:published_time" content="2016-09-09T16:15:00+04:00">'
        '<meta property="article:modified_time" content="2016-09-10T09:00:00+04:00">'
    )
    draft = parse_html(_page(head, "<h1>Azerbaijan, UK hold talks</h1>"))
    assert draft.published is not None
    assert (draft.published.iso, draft.published.precision) == ("2016-09-09T16:15:00+04:00", "second")
    assert draft.title == "Azerbaijan, UK hold talks"
    assert draft.publisher == "Daily Planet"
    assert len(draft.paragraphs) == 3
    assert "Copyright" not in " ".join(draft.paragraphs)


def test_html_published_from_json_ld_with_people_only() -> None:
    ld = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle", "headline": "Talks held",'
        ' "datePublished": "2016-09-09T12:15:00Z", "dateModified": "2016-09-11T08:00:00Z",'
        ' "author": [{"@type": "Person", "name": "Jane Roe"},'
        ' {"@type": "Organization", "name": "Daily Planet"}],'
        ' "publisher": {"@type": "Organization", "name": "Daily Planet, LLC"}}]}'
    )
    draft = parse_html(_page(f'<title>Talks held</title><script type="application/ld+json">{ld}</script>'))
    assert draft.published is not None
    assert draft.published.iso == "2016-09-09T12:15:00+00:00"
    assert draft.authors == ("Jane Roe",)
    assert draft.publisher == "Daily Planet"


def test_html_time_element_and_byline_removed_from_body() -> None:
    top = (
        "<h1>Talks held in London</h1><p>By Jane Roe and John Doe</p>"
        '<time datetime="2016-09-09T16:15:00+01:00">9 Sep</time>'
    )
    head = (
        "<title>Daily Planet | Talks held in London</title>"
        '<meta name="author" content="Jane Roe and John Doe">'
    )
    draft = parse_html(_page(head, top))
    assert draft.published is not None
    assert draft.published.iso == "2016-09-09T16:15:00+01:00"
    assert draft.authors == ("Jane Roe", "John Doe")
    assert draft.title == "Talks held in London"
    assert not any(p.startswith("By Jane") for p in draft.paragraphs)


def test_html_visible_dateline_with_zone_abbreviation() -> None:
    top = '<h1>Talks held in Yerevan</h1><div class="article_date">November 20, 2019 - 11:28 AMT</div>'
    draft = parse_html(_page("<title>Talks held in Yerevan</title>", top))
    assert draft.published is not None
    assert draft.published.iso == "2019-11-20T11:28:00+04:00"


def test_html_no_date_warns() -> None:
    draft = parse_html(_page("<title>Talks held</title>"))
    assert draft.published is None
    assert "no publication date found" in draft.warnings


def test_html_staff_author_rejected() -> None:
    draft = parse_html(_page('<title>Talks held</title><meta name="author" content="Staff">'))
    assert draft.authors == ()


@pytest.mark.parametrize(
    ("title", "publisher", "expected"),
    [
        ("Talks held in London - Daily Planet", "Daily Planet", "Talks held in London"),
        ("Daily Planet | Talks held in London", "Daily Planet", "Talks held in London"),
        ("Talks held in London | DailyPlanet.com", "Daily Planet", "Talks held in London"),
        ("Talks held in London – World News", None, "Talks held in London"),
        ("Amnesty: more than 100 protesters killed", None, "Amnesty: more than 100 protesters killed"),
        (
            "Kyiv - Moscow talks resume after a long pause in Minsk",
            None,
            "Kyiv - Moscow talks resume after a long pause in Minsk",
        ),
    ],
)
def test_html_strip_site(title: str, publisher: str | None, expected: str) -> None:
    assert strip_site(title, publisher) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("My Fitness Journey: Week 5 – The Transformation Test", "My Fitness Journey: Week 5"),
        ("Setting up an aquarium - A step by step guide", "Setting up an aquarium"),
        ("Nintendo Switch - OLED Model", "Nintendo Switch"),
        ("Kyiv - Moscow talks resume after a long pause", "Kyiv - Moscow talks resume after a long pause"),
        (
            "Talks held - and a deal struck at last in Minsk",
            "Talks held - and a deal struck at last in Minsk",
        ),
    ],
)
def test_html_strip_site_short_subtitle(title: str, expected: str) -> None:
    assert strip_site(title, None) == expected


def test_html_sole_h1_wins_over_a_rewritten_page_title() -> None:
    head = "<title>Marathon in One Year for Beginners » Take The Magic Step</title>"
    top = "<h1>Run a Marathon in One Year: A Training Schedule for Beginners</h1>"
    draft = parse_html(_page(head, top))
    assert draft.title == "Run a Marathon in One Year: A Training Schedule for Beginners"


def test_html_utc_time_shown_on_the_day_before_gives_the_shown_day() -> None:
    top = '<h1>Talks held</h1><time datetime="2016-05-24T04:13:00Z">May 23, 2016</time>'
    draft = parse_html(_page("<title>Talks held</title>", top))
    assert draft.published is not None
    assert draft.published.iso == "2016-05-23"
