"""Datelines and stamps: formats, offsets kept as written, labels, relative ages."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.article.dates import load_zones, parse_stamp, read_dateline, resolve_age, split_offset


@pytest.mark.parametrize(
    ("line", "iso", "precision"),
    [
        ("9 September 2016 16:15 (UTC+04:00)", "2016-09-09T16:15:00+04:00", "minute"),
        ("2016-09-09 16:15", "2016-09-09T16:15:00", "minute"),
        ("Sep 9, 2016 4:15 PM GMT+4", "2016-09-09T16:15:00+04:00", "minute"),
        ("09.09.2016", "2016-09-09", "day"),
        ("2016-09-09T16:15:00+04:00", "2016-09-09T16:15:00+04:00", "second"),
        ("2016-09-09T12:15:00Z", "2016-09-09T12:15:00+00:00", "second"),
        ("Published: Friday, 9 September 2016, 16:15 GMT", "2016-09-09T16:15:00+00:00", "minute"),
        ("September 9th, 2016 at 4:15 p.m. EDT", "2016-09-09T16:15:00-04:00", "minute"),
        ("Sep 9, 2016 16:15 +0200", "2016-09-09T16:15:00+02:00", "minute"),
        ("9/13/2016", "2016-09-13", "day"),
        ("13/9/2016", "2016-09-13", "day"),
        ("November 20, 2019 - 11:28 AMT", "2019-11-20T11:28:00+04:00", "minute"),
        ("9. September 2016, 16:15 Uhr MESZ", "2016-09-09T16:15:00+02:00", "minute"),
        ("9 сентября 2016, 16:15 (UTC+03:00)", "2016-09-09T16:15:00+03:00", "minute"),
        ("16:15 GMT-3:30 09/09/2016", "2016-09-09T16:15:00-03:30", "minute"),
    ],
)
def test_dates_read_dateline_formats(line: str, iso: str, precision: str) -> None:
    dateline = read_dateline(line)
    assert dateline is not None
    assert dateline.stamp is not None
    assert (dateline.stamp.iso, dateline.stamp.precision) == (iso, precision)


@pytest.mark.parametrize(
    ("line", "label", "weekday"),
    [
        ("Published: Friday, 9 September 2016, 16:15 GMT", "published", True),
        ("Updated 10 September 2016 09:30 (UTC-05:00)", "updated", False),
        ("Last updated: 10 Sep 2016", "updated", False),
        ("Friday April 19 2024", None, True),
        ("Posted on 9/9/2016", "published", False),
    ],
)
def test_dates_read_dateline_label(line: str, label: str | None, weekday: bool) -> None:
    dateline = read_dateline(line)
    assert dateline is not None
    assert (dateline.label, dateline.weekday) == (label, weekday)


@pytest.mark.parametrize(
    "line",
    [
        "Azerbaijan, UK hold talks on Nagorno-Karabakh conflict",
        "By Rashid Shirinov",
        "The ceasefire signed on 9 September 2016 was broken within hours, officials said.",
        "Home | World | Politics",
        "September 2016",
        "32.5 million people voted",
    ],
)
def test_dates_read_dateline_rejects_non_datelines(line: str) -> None:
    assert read_dateline(line) is None


@pytest.mark.parametrize(
    ("line", "seconds"),
    [
        ("2 hours ago", 7200),
        ("an hour ago", 3600),
        ("3 days ago", 3 * 86400),
        ("Updated 5 minutes ago", 300),
        ("yesterday", 86400),
    ],
)
def test_dates_read_dateline_relative(line: str, seconds: int) -> None:
    dateline = read_dateline(line)
    assert dateline is not None
    assert dateline.ago is not None
    assert dateline.ago.total_seconds() == seconds


@pytest.mark.parametrize(("hours", "day"), [(2, "2024-04-19"), (30, "2024-04-18"), (72, "2024-04-16")])
def test_dates_resolve_age_against_reference(hours: int, day: str) -> None:
    stamp = resolve_age(dt.timedelta(hours=hours), dt.date(2024, 4, 19))
    assert (stamp.iso, stamp.precision) == (day, "day")


@pytest.mark.parametrize(
    ("text", "offset"),
    [
        ("16:15 (UTC+04:00)", "+04:00"),
        ("4 PM GMT+4", "+04:00"),
        ("10:00 EST", "-05:00"),
        ("10:00 BST", "+01:00"),
        ("10:00 CET", "+01:00"),
        ("10:00 UTC−3", "-03:00"),
        ("10:00", None),
        ("10:00 GMT+99", None),
    ],
)
def test_dates_split_offset(text: str, offset: str | None) -> None:
    assert split_offset(text)[1] == offset


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2020-07-18T20:01:31.188Z", "2020-07-18T20:01:31+00:00"),
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20T10:18:01+0530", "2019-11-20T10:18:01+05:30"),
        ("no date here", None),
        ("2016-02-30", None),
    ],
)
def test_dates_parse_stamp(text: str, iso: str | None) -> None:
    stamp = parse_stamp(text)
    assert (stamp.iso if stamp else None) == iso


def test_dates_zone_table_is_consistent() -> None:
    zones = load_zones()
    assert len(zones) >= 40
    for abbr, offset in zones.items():
        if abbr != "Z":
            assert split_offset(f"16:15 {abbr}")[1] == offset
        assert offset[0] in "+-"
        assert len(offset) == 6
        assert offset[3] == ":"
        assert int(offset[1:3]) <= 14
        assert int(offset[4:]) in (0, 30, 45)
