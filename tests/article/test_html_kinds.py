"""HTML pages we wrote: the body chosen by page kind, and headlines among page labels and site names."""

from __future__ import annotations

import pytest

from newsevents.article import html
from newsevents.article.dates import read_dateline
from newsevents.article.html import is_page_label, parse_html, strip_site

_POSTS = "".join(
    f"<div class='post'><p>Reply {i}: the pump on our boat failed again after the winter storage, and"
    f" the seal had dried out completely, so we replaced it with a new kit from the chandlery.</p></div>"
    for i in range(8)
)
_ARTICLE_LD = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks"}</script>'


def _page(head: str, body: str) -> str:
    """Return a small page with the given head and body."""
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _fake_extract(precise_text: str, balanced: str, full: str | None = None) -> object:
    """Return a stand-in for trafilatura's passes (``full``: the non-fast precise pass)."""

    def extract(tree: object, url: str | None, *, precise: bool, fast: bool = False) -> str:
        del tree, url
        if precise and not fast and full is not None:
            return full
        return precise_text if precise else balanced

    return extract


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (_ARTICLE_LD, True),
        ('<meta property="og:type" content="article">', True),
        ('<script type="application/ld+json">{"@graph": [{"@type": ["BlogPosting"]}]}</script>', True),
        ('<script type="application/ld+json">{"@type": "Product"}</script>', False),
        ('<meta property="og:type" content="website">', False),
    ],
)
def test_html_is_article(head: str, expected: bool) -> None:
    tree = html._parse_tree(_page(head, "<p>Text.</p>"))
    assert tree is not None
    assert html._is_article(tree, list(html._json_ld(tree))) is expected


def test_html_non_article_takes_rendered_page_when_trafilatura_keeps_a_fragment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(html, "_extract", _fake_extract("", "Reply 0: the pump on our boat failed again."))
    draft = parse_html(_page("<title>Bilge pump keeps failing - Sailing Forum</title>", _POSTS))
    assert len(draft.paragraphs) == 8
    assert draft.paragraphs[7].startswith("Reply 7:")


def test_html_non_article_keeps_trafilatura_when_it_finds_most_text(monkeypatch: pytest.MonkeyPatch) -> None:
    replies = [
        f"Reply {i}: the pump on our boat failed again after the winter storage, and the seal had dried"
        " out completely, so we replaced it with a new kit from the chandlery."
        for i in range(6)
    ]
    found = "\n".join(replies)
    monkeypatch.setattr(html, "_extract", _fake_extract("", found))
    draft = parse_html(_page("<title>Bilge pump keeps failing</title>", _POSTS))
    assert len(draft.paragraphs) == 6


@pytest.mark.parametrize(
    ("precise_words", "balanced_words", "kept"),
    [(400, 2000, "precise"), (100, 300, "precise"), (40, 1000, "balanced")],
)
def test_html_article_precise_pass_unless_it_lost_most_text(
    monkeypatch: pytest.MonkeyPatch, precise_words: int, balanced_words: int, kept: str
) -> None:
    precise = " ".join(["precise"] * precise_words) + "."
    balanced = " ".join(["balanced"] * balanced_words) + "."
    monkeypatch.setattr(html, "_extract", _fake_extract(precise, balanced))
    draft = parse_html(_page(f"<title>Talks</title>{_ARTICLE_LD}", "<p>Text.</p>"))
    assert draft.paragraphs[0].startswith(kept)


@pytest.mark.parametrize(("full_words", "kept"), [(250, "full"), (30, "balanced")])
def test_html_article_full_precise_pass_before_balanced_when_fast_pass_lost_the_text(
    monkeypatch: pytest.MonkeyPatch, full_words: int, kept: str
) -> None:
    teaser = "teaser " * 20 + "."
    balanced = " ".join(["balanced"] * 1000) + "."
    full = " ".join(["full"] * full_words) + "."
    monkeypatch.setattr(html, "_extract", _fake_extract(teaser, balanced, full))
    draft = parse_html(_page(f"<title>Talks</title>{_ARTICLE_LD}", "<p>Text.</p>"))
    assert draft.paragraphs[0].startswith(kept)


@pytest.mark.parametrize("label", ["Home", "Forum", "Index page", "Error"])
def test_html_page_labels(label: str) -> None:
    assert is_page_label(label)
    assert not is_page_label(f"{label} prices rise in the capital")


def test_html_title_page_label_gives_way_to_site_name() -> None:
    head = '<title>Home - Acme Rentals</title><meta property="og:site_name" content="Acme Rentals">'
    assert parse_html(_page(head, "<p>We rent boats and bikes by the day.</p>")).title == "Acme Rentals"


def test_html_title_skips_a_label_h1() -> None:
    head = "<title>Bilge pump keeps failing – Sailing Forum</title>"
    body = f"<h1>Forum</h1><h1>Bilge pump keeps failing</h1>{_POSTS}"
    assert parse_html(_page(head, body)).title == "Bilge pump keeps failing"


def test_html_title_thread_title_over_bare_site_name() -> None:
    head = (
        "<title>Bilge pump keeps failing - Page 3 - Sailing Forum</title>"
        '<meta name="application-name" content="Sailing Forum">'
    )
    assert parse_html(_page(head, f"<h1>Sailing Forum</h1>{_POSTS}")).title == "Bilge pump keeps failing"


def test_html_title_invisible_characters_do_not_hide_the_h1() -> None:
    head = '<title>Talks held in Yerevan\u200b | Planet</title><meta property="og:title" content="Planet">'
    assert parse_html(_page(head, f"<h1>Talks held in Yerevan</h1>{_POSTS}")).title == "Talks held in Yerevan"


def test_strip_site_long_part_containing_site_name_is_headline() -> None:
    title = "Top Mobile App Services Company US | Folio"
    assert strip_site(title, "Mobile App Services") == "Top Mobile App Services Company US"


@pytest.mark.parametrize(("line", "found"), [("Monday", False), ("2 hours ago", True), ("Yesterday", True)])
def test_read_dateline_needs_a_digit_or_a_relative_age(line: str, found: bool) -> None:
    assert (read_dateline(line) is not None) is found


_SHOP_BODY = (
    "<p>The lantern runs for forty hours on one charge and folds flat for the rucksack.</p>"
    "<p>Its shell is made of recycled plastic and survives a drop from two metres.</p>"
)


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Lumen Fold Camping Lantern", "Fold Camping Lantern", "Lumen Fold Camping Lantern"),
        ("Lumen Fold Camping Lantern | Outdoor Shop", "Fold Camping Lantern", "Lumen Fold Camping Lantern"),
        ("Fold Camping Lantern - Lanterns - Outdoor Shop", "Fold Camping Lantern", "Fold Camping Lantern"),
        (
            "Ferry strike ends : LIVE: unions and owners sign a deal after talks through the night",
            "Ferry strike ends",
            "Ferry strike ends",
        ),
    ],
)
def test_html_title_holding_the_h1_and_a_few_words_more_is_the_headline(
    title: str, h1: str, expected: str
) -> None:
    head = (
        f'<title>{title}</title><meta property="og:title" content="{title}">'
        '<meta property="og:site_name" content="Outdoor Shop">'
    )
    assert parse_html(_page(head, f"<main><h1>{h1}</h1>{_SHOP_BODY}</main>")).title == expected


def test_html_logo_h1_in_the_menu_bar_names_the_site() -> None:
    head = "<title>Borrowing a value - The Pocket Guide</title>"
    body = (
        "<div class='menu-bar'><h1 class='menu-title'>The Pocket Guide</h1></div>"
        f"<main><h2>Borrowing a value</h2>{_SHOP_BODY}</main>"
    )
    assert parse_html(_page(head, body)).title == "Borrowing a value"


def test_html_h1_in_the_main_content_is_never_the_site_name() -> None:
    head = "<title>Manual - Borrowing</title>"
    body = f"<main><h1>Borrowing</h1>{_SHOP_BODY}</main>"
    assert parse_html(_page(head, body)).title == "Borrowing"


def test_html_about_page_title_is_the_site_name() -> None:
    head = "<title>About - The Pocket Guide</title>"
    body = f"<header class='masthead'><h1>The Pocket Guide</h1></header><div>{_SHOP_BODY}</div>"
    assert parse_html(_page(head, body)).title == "The Pocket Guide"
