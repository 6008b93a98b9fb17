"""Visible bylines, author-marked markup, thread pages and site names as authors."""

from __future__ import annotations

import lxml.html
import pytest

from newsevents.article.byline import split_authors
from newsevents.article.htmlbyline import (
    bio_author,
    header_authors,
    host_key,
    is_site_name,
    is_thread,
    marked_names,
)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Talks held", "Posted by Jane Roe"], ("Jane Roe",)),
        (["Talks held", "Aaron Ricadela | Senior Writer | July 2, 2025"], ("Aaron Ricadela",)),
        (["Talks held", "Rachael Hogg - 12/03/2026"], ("Rachael Hogg",)),
        (["Talks held", "Author:", "Tracey Bible"], ("Tracey Bible",)),
        (["Talks held", "Jennifer Simonazzi", "Jan 15, 2026"], ("Jennifer Simonazzi",)),
        (["Talks held", "Gift Cards", "Shop now"], ()),
        (["Other headline", "By Jane Roe"], ()),
    ],
)
def test_htmlbyline_header_authors(lines: list[str], expected: tuple[str, ...]) -> None:
    assert header_authors(lines, ["Talks held"], []) == expected


def test_htmlbyline_header_stops_at_prose() -> None:
    prose = "The ministers met in London on Friday to discuss the talks, officials said."
    assert header_authors(["Talks held", prose, "Jane Roe", "Jan 15, 2026"], ["Talks held"], []) == ()


def test_htmlbyline_header_found_under_an_h1_that_is_not_the_title() -> None:
    lines = ["Menu", "Site headline", "By Jane Roe", "Body"]
    assert header_authors(lines, ["Page title", "Site headline"], []) == ("Jane Roe",)


@pytest.mark.parametrize(
    ("name", "publisher", "url", "expected"),
    [
        ("Wral", None, "https://www.wral.com/story/1", True),
        ("XLAB Steampunk", None, "https://steampunk.si/blog/a", True),
        ("Daily Planet", "Daily Planet", None, False),  # two plain words: could be a person's site
        ("Buzzcube", "Buzzcube", None, True),
        ("Scott Davenport", None, "https://scottdavenportphoto.com/blog/a", False),
        ("Jane Roe", "Daily Planet", "https://dailyplanet.com/a", False),
    ],
)
def test_htmlbyline_is_site_name(name: str, publisher: str | None, url: str | None, expected: bool) -> None:
    assert is_site_name(name, publisher, host_key(url)) is expected


@pytest.mark.parametrize(
    "url",
    [
        "https://forum.x.com/t/new-to-astronomy/123",
        "https://x.com/threads/cooking.239441/page-3",
        "https://x.stackexchange.com/questions/74384/visa",
        "https://forums.x.com/index.php?/topic/356004-pan/",
    ],
)
def test_htmlbyline_thread_urls(url: str) -> None:
    assert is_thread(url, [])


def test_htmlbyline_thread_from_many_marked_names() -> None:
    posts = "".join(f"<div class='post'><span class='author'>User{n} Name</span></div>" for n in "ABCDE")
    tree = lxml.html.fromstring(f"<html><body>{posts}</body></html>")
    assert not is_thread("https://x.com/news/story", marked_names(tree, [])[:4])
    assert is_thread("https://x.com/news/story", marked_names(tree, []))


def test_htmlbyline_comment_authors_not_marked() -> None:
    html = "<html><body><div class='comments'><span class='author'>Jane Roe</span></div></body></html>"
    assert marked_names(lxml.html.fromstring(html), []) == []


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("Irena Piatkiewicz Marketing Manager", ("Irena Piatkiewicz",)),
        ("Jane Roe, Senior Staff Writer", ("Jane Roe",)),
        ("Nathan Lian @ Maintouch", ("Nathan Lian",)),
        ("Our Editors", ()),
        ("Email the author", ()),
        ("TGM Well-Known Member Joined", ()),
        ("Ambassador Team", ()),
    ],
)
def test_htmlbyline_roles_and_non_people(names: str, expected: tuple[str, ...]) -> None:
    assert split_authors(names) == expected


def test_htmlbyline_bio_box_names_the_author() -> None:
    lines = [
        "Share this",
        "Jane Roe",
        "",
        "Jane Roe is a journalist who has covered the region for a decade.",
    ]
    assert bio_author(lines, []) == ("Jane Roe",)


def test_htmlbyline_bio_of_a_thing_is_not_an_author() -> None:
    lines = ["Volunteer Week", "Volunteer Week is our local call to action, held every spring since 1974."]
    assert bio_author(lines, []) == ()
