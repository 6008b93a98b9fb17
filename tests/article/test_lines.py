"""The line classifier: one kind per line shape, never per site."""

from __future__ import annotations

import pytest

from newsevents.article.lines import classify_line, is_bio, is_prose, load_boilerplate


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("---", "rule"),
        ("* * *", "rule"),
        ("9 September 2016 16:15 (UTC+04:00)", "date"),
        ("By Rashid Shirinov", "byline"),
        ("Author: Amadou Diallo", "byline"),
        ("By Staff Reporter", "byline"),
        ("Home | World | Politics", "nav"),
        ("Home > Middle East > Lebanon", "nav"),
        ("Home World Politics Business", "nav"),
        ("Advertisement", "boiler"),
        ("Share", "boiler"),
        ("Facebook Twitter WhatsApp", "boiler"),
        ("Loading...", "boiler"),
        ("Follow us on Twitter @AzerNewsAz", "boiler"),
        ("© 2024 Caspian Herald. All rights reserved.", "boiler"),
        ("Copyright 2016 Sahel Monitor", "boiler"),
        ("We use cookies to improve your experience on our website. Accept", "boiler"),
        ("Photo: Reuters", "boiler"),
        ("Read more: Pacific leaders meet in Honiara", "boiler"),
        ("SEE MORE: Fishermen stage strike in Suva harbour", "boiler"),
        ("Minister quits over ferry contract row [VIDEO]", "boiler"),
        ("Storm closes schools across the islands [PICTURES]|", "boiler"),
        ("DON'T MISS", "heading"),
        ("Latest See more", "heading"),
        ("Related stories", "heading"),
        ("Читайте также", "heading"),
        ("Azerbaijan, UK hold talks on Nagorno-Karabakh conflict", "text"),
        ("By Monday, Russia and Ukraine had agreed to extend the truce by a week.", "text"),
        ("Share prices fell sharply in Baku on Monday after the central bank raised rates.", "text"),
        ("The court heard the recording [exhibit 4] on Monday and adjourned until June.", "text"),
    ],
)
def test_lines_classify_line_kind(text: str, kind: str) -> None:
    assert classify_line(0, text).kind == kind


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("By Rashid Shirinov", ("Rashid Shirinov",)),
        ("By Omar Farouk | 9 September 2016 16:15 (UTC+02:00)", ("Omar Farouk",)),
    ],
)
def test_lines_classify_line_byline_authors(text: str, authors: tuple[str, ...]) -> None:
    assert classify_line(0, text).authors == authors


def test_lines_byline_with_date_keeps_the_date() -> None:
    line = classify_line(0, "By Omar Farouk | 9 September 2016 16:15 (UTC+02:00)")
    assert line.dateline is not None
    assert line.dateline.stamp is not None
    assert line.dateline.stamp.iso == "2016-09-09T16:15:00+02:00"


@pytest.mark.parametrize(
    ("text", "prose"),
    [
        ("Azerbaijan, UK hold talks on Nagorno-Karabakh conflict", False),
        ("The parties discussed further prospects of cooperation.", True),
        ("Stocks rose.", False),
        ('"We share one river and one future," the minister said.', True),
    ],
)
def test_lines_is_prose(text: str, prose: bool) -> None:
    assert is_prose(text) is prose


@pytest.mark.parametrize(
    ("text", "authors", "bio"),
    [
        ("Rashid Shirinov is AzerNews’ staff journalist, follow him on Twitter: @RashidShirinov", (), True),
        ("Jean Mbeki is a correspondent for Kivu Report based in Goma.", ("Jean Mbeki",), True),
        ("Jean Mbeki is a correspondent for Kivu Report based in Goma.", (), False),
        ("Zakir Hasanov is the defence minister of Azerbaijan.", ("Jean Mbeki",), False),
    ],
)
def test_lines_is_bio(text: str, authors: tuple[str, ...], bio: bool) -> None:
    assert is_bio(text, authors) is bio


def test_lines_boilerplate_table_is_consistent() -> None:
    table = load_boilerplate()
    assert set(table) == {"heading", "phrase", "prefix", "contains", "section"}
    for phrases in table.values():
        assert all(p == p.strip().lower() and p for p in phrases)
