"""Page dumps we wrote (tests/fixtures/pages): every field of every dump, and the parser's parts."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

from newsevents.article import extract_article
from newsevents.article.textdump import clean_site_name, parse_textdump, split_units
from newsevents.model import Article, Page

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
DUMPS = sorted(PAGES.glob("*.txt"))
_LEDE = "Dock workers kept the port closed for a ninth day on Friday, union leaders said."


@functools.cache
def _extract(path: Path) -> tuple[Article, dict[str, Any]]:
    """Return the article of a fixture dump and its expected fields."""
    page = Page(id="sha", input_id=path.name, text=path.read_text(encoding="utf-8"), format="text")
    expected = json.loads((PAGES / f"{path.stem}.expected.json").read_text(encoding="utf-8"))
    return extract_article(page), expected


def test_textdump_fixture_count() -> None:
    assert len(DUMPS) >= 12
    assert all((PAGES / f"{p.stem}.expected.json").is_file() for p in DUMPS)


@pytest.mark.parametrize("path", DUMPS, ids=[p.stem for p in DUMPS])
@pytest.mark.parametrize(
    "field", ["title", "publisher", "published", "published_precision", "page_date", "authors", "language"]
)
def test_textdump_header_field(path: Path, field: str) -> None:
    article, expected = _extract(path)
    value = getattr(article, field)
    assert (list(value) if isinstance(value, tuple) else value) == expected[field]


@pytest.mark.parametrize("path", DUMPS, ids=[p.stem for p in DUMPS])
def test_textdump_body(path: Path) -> None:
    article, expected = _extract(path)
    assert len(article.paragraphs) == expected["paragraphs"], article.paragraphs
    assert article.paragraphs[0].startswith(expected["first_starts_with"])
    assert article.paragraphs[-1].endswith(expected["last_ends_with"])
    for boiler in expected["not_in_body"]:
        assert boiler not in article.text


@pytest.mark.parametrize("path", DUMPS, ids=[p.stem for p in DUMPS])
def test_textdump_warnings(path: Path) -> None:
    article, expected = _extract(path)
    assert article.extraction.method == "textdump"
    for warning in expected.get("warnings_include", []):
        assert warning in article.extraction.warnings
    if expected["published"] is not None:
        assert "no publication date found" not in article.extraction.warnings


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("one\ntwo\nthree", ["one", "two", "three"]),
        (
            "Head\n\nthe first line of a hard-wrapped paragraph that\ngoes on here.\n\nNext.",
            ["Head", "the first line of a hard-wrapped paragraph that goes on here.", "Next."],
        ),
        ("A\r\n\r\nB", ["A", "B"]),
        (
            "Caspian Ledger\ncaspianledger.example/news\n\nBody.",
            ["Caspian Ledger", "caspianledger.example/news", "Body."],
        ),
        (
            "-----\nRashid Shirinov is a staff reporter.\n\nX",
            ["-----", "Rashid Shirinov is a staff reporter.", "X"],
        ),
        ("Title line\n9 September 2016 16:15\n\nBody.", ["Title line", "9 September 2016 16:15", "Body."]),
    ],
)
def test_textdump_split_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Azernews.Az", "Azernews"),
        ("www.example.co.uk", "example"),
        ("https://kyivpost.com/", "kyivpost"),
        ("Daily Planet", "Daily Planet"),
    ],
)
def test_textdump_clean_site_name(raw: str, name: str) -> None:
    assert clean_site_name(raw) == name


def test_textdump_repeated_headline_kept_once() -> None:
    dump = (
        "Talks end without a deal\n\nTalks end without a deal\n\n"
        "Negotiators from both sides left the capital on Monday without signing the draft accord.\n"
    )
    draft = parse_textdump(dump)
    assert draft.title == "Talks end without a deal"
    assert draft.paragraphs == (
        "Negotiators from both sides left the capital on Monday without signing the draft accord.",
    )


def test_textdump_banner_alone_is_not_publication() -> None:
    dump = f"Friday April 19 2024\n\nPort strike enters second week\n\n{_LEDE}\n"
    draft = parse_textdump(dump)
    assert draft.page_date == "2024-04-19"
    assert draft.published is None
    assert "no publication date found" in draft.warnings


def test_textdump_relative_without_page_date_is_unresolved() -> None:
    dump = f"Port strike enters second week\n\n3 hours ago\n\n{_LEDE}\n"
    draft = parse_textdump(dump)
    assert draft.published is None
    assert "relative publication date with no page date to resolve it" in draft.warnings


def test_textdump_footer_rule_cuts_everything_after() -> None:
    dump = (
        f"Port strike enters second week\n\n{_LEDE}\n\n"
        "---\n\nThe port authority said that ships were waiting outside the harbour for days.\n"
    )
    assert parse_textdump(dump).paragraphs == (_LEDE,)


@pytest.mark.parametrize(
    "closer",
    ["[ 167 comments ]", "Top Rated Comments", "Leave a Reply", "© 2019 Daily Planet. All Rights Reserved."],
)
def test_textdump_comments_or_copyright_end_the_body(closer: str) -> None:
    lede = " ".join([_LEDE] * 6)
    comment = "I think the strike was always going to last longer than the port authority admitted."
    dump = f"Port strike enters second week\n\n{lede}\n\n{closer}\n\n{comment}\n"
    assert parse_textdump(dump).paragraphs == (lede,)


def test_textdump_image_copyright_does_not_end_the_body() -> None:
    lede = " ".join([_LEDE] * 6)
    more = "The port authority said that ships were waiting outside the harbour for days."
    dump = f"Port strike enters second week\n\n{lede}\n\nImage copyright Reuters\n\n{more}\n"
    assert parse_textdump(dump).paragraphs == (lede, more)


def test_textdump_repeated_share_bar_ends_the_first_item() -> None:
    lede = " ".join([_LEDE] * 6)
    other = "Another message about the weather in the hills, shared by a reader on Sunday."
    bar = "Whatsapp Facebook Pin Download"
    dump = f"Port strike enters second week\n\n{lede}\n\n{bar}\n\n{other}\n\n{bar}\n\n{other}\n\n{bar}\n"
    assert parse_textdump(dump).paragraphs == (lede,)


_HEADLINE = "Channel closed after ship loses power\n\n"
_HARBOUR = (
    "Harbour pilots kept the northern channel closed on Monday after a cargo ship lost power.\n\n"
    "The harbour master said the channel would reopen once tugs had moved the cargo ship.\n\n"
)
_LAST = "Tugs reached the cargo ship at noon and towed it to a safe berth.\n"
_OTHER_STORIES = (
    "Mayor opens the new library wing in the old market hall\n\n"
    "Local bakery wins a regional award for its sourdough loaves\n\n"
    "Cycling club plans a charity ride across the three valleys\n\n"
    "Theatre season ends with four sold out comedy nights in town\n\n"
)


def test_textdump_drops_a_list_of_links_about_other_things() -> None:
    paragraphs = parse_textdump(f"{_HEADLINE}{_HARBOUR}{_OTHER_STORIES}{_LAST}").paragraphs
    assert not any("bakery" in p or "library" in p for p in paragraphs)
    assert paragraphs[-1] == _LAST.strip()


def test_textdump_keeps_a_list_the_text_introduces() -> None:
    intro = "These are the other stories our reporters followed this week:\n\n"
    paragraphs = parse_textdump(f"{_HEADLINE}{_HARBOUR}{intro}{_OTHER_STORIES}{_LAST}").paragraphs
    assert any("bakery" in p for p in paragraphs)


def test_textdump_keeps_a_list_of_the_articles_own_points() -> None:
    points = (
        "Northern channel closed to all cargo traffic since Monday\n\n"
        "Tugs standing by near the northern channel with the cargo ship\n\n"
        "Harbour master to decide when the channel will reopen\n\n"
    )
    paragraphs = parse_textdump(f"{_HEADLINE}{_HARBOUR}{points}{_LAST}").paragraphs
    assert any(p.startswith("Tugs standing by") for p in paragraphs)


_DATED_STORIES = (
    "Ferry timetable changes for the winter season\n\nMarch 12, 2024\n\n"
    "The island ferry will sail twice a day from November until the end of February.\n\n"
    "New playground opens beside the river path\n\nMarch 9, 2024\n\n"
    "Children tried out the climbing frames on the first dry morning of the month.\n\n"
)


def test_textdump_a_list_of_dated_stories_ends_the_body() -> None:
    lede = " ".join([_LEDE] * 6)
    paragraphs = parse_textdump(f"Port strike enters second week\n\n{lede}\n\n{_DATED_STORIES}").paragraphs
    assert paragraphs == (lede,)


def test_textdump_timed_updates_do_not_end_the_body() -> None:
    lede = " ".join([_LEDE] * 6)
    updates = _DATED_STORIES.replace("2024\n", "2024 10:45\n")
    paragraphs = parse_textdump(f"Port strike enters second week\n\n{lede}\n\n{updates}").paragraphs
    assert len(paragraphs) == 3


_RELATED_STORIES = (
    "Related stories\n\n"
    "Mayor opens the new library wing in the old market hall\n\n"
    "Readers can borrow books there from Monday, the library service said in a statement.\n\n"
    "Cycling club plans a charity ride across the three valleys\n\n"
    "Riders will set off from the town square early on Saturday morning next week.\n\n"
    "Theatre season ends with four sold out comedy nights in town\n\n"
)


def test_textdump_summaries_under_a_related_heading_are_dropped() -> None:
    lede = " ".join([_LEDE] * 6)
    dump = f"Port strike enters second week\n\n{lede}\n\n{_RELATED_STORIES}"
    assert parse_textdump(dump).paragraphs == (lede,)


def test_textdump_the_article_takes_up_again_after_a_related_box() -> None:
    lede = " ".join([_LEDE] * 6)
    box = "Related\n\nMayor opens the new library wing\n\nLocal bakery wins a regional award\n\n"
    more = f"{_HARBOUR}{_LAST}"
    paragraphs = parse_textdump(f"Port strike enters second week\n\n{lede}\n\n{box}{more}").paragraphs
    assert paragraphs == (lede, *[p.strip() for p in more.split("\n\n") if p.strip()])


def test_textdump_a_rule_between_sections_of_the_article_does_not_end_it() -> None:
    section = (
        "WHEN WILL THE PORT REOPEN?\n\n"
        "Union leaders said the dock workers would keep the port closed until Friday at least.\n"
    )
    footer = "Sign up to receive our weekly newsletter in your inbox every Sunday morning."
    dump = f"Port strike enters second week\n\n{_LEDE}\n\n___\n\n{section}\n___\n\n{footer}\n"
    paragraphs = parse_textdump(dump).paragraphs
    assert paragraphs == (_LEDE, section.split("\n\n")[1].strip())
