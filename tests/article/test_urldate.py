"""Days in URLs: a last resort for the publication day, and the local day of a UTC time."""

from __future__ import annotations

import pytest

from newsevents.article.dates import Stamp
from newsevents.article.urldate import local_day_from_url, url_day


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.com/2020/02/17/some-story/", "2020-02-17"),
        ("https://x.com/news/20200217-story", "2020-02-17"),
        ("https://x.com/2020-02-17/story", "2020-02-17"),
        ("https://x.com/story/14848164.php", None),
        ("https://x.com/2020/13/40/story", None),
        (None, None),
    ],
)
def test_urldate_url_day(url: str | None, expected: str | None) -> None:
    stamp = url_day(url)
    assert (stamp.iso if stamp else None) == expected


def test_urldate_utc_evening_before_keeps_the_url_local_day() -> None:
    warnings: list[str] = []
    stamp = local_day_from_url(
        Stamp("2020-02-18T02:18:11+00:00", "second"), "https://x.com/2020/02/17/a", warnings
    )
    assert stamp == Stamp("2020-02-17", "day")
    assert warnings


@pytest.mark.parametrize(
    ("iso", "url"),
    [
        ("2020-02-18T02:18:11-05:00", "https://x.com/2020/02/17/a"),  # the page's own offset: kept
        ("2020-02-18T20:18:11+00:00", "https://x.com/2020/02/17/a"),  # no real offset explains it
        ("2020-02-18T02:18:11+00:00", "https://x.com/2020/02/14/a"),  # more than a day apart
        ("2020-02-18T02:18:11+00:00", "https://x.com/a"),
        ("2020-07-09T10:04:04Z", "https://x.com/2020/07/08/a"),  # 6 a.m. on the 9th in New York
    ],
)
def test_urldate_page_time_kept(iso: str, url: str) -> None:
    stamp = Stamp(iso, "second")
    assert local_day_from_url(stamp, url, []) is stamp
