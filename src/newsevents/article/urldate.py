"""Publication days written in a page's URL ("/2020/02/17/", "-20200217-"): a last resort, and a check.

A URL day never replaces a fuller date-time from the page. It does tell the publisher's local day
when the page gives its time only in UTC: "2020-02-18T02:18+00:00" on a page filed under
"/2020/02/17/" was published on the evening of the 17th, local time, and the local day is what the
events of the article happened on.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

from newsevents.article.dates import Stamp

_URL_DAY = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_UTC = ("+00:00", "Z")
_WEST_HOURS = 9  # news sites sit at most this far west of UTC (Alaska); Hawaii-only offsets are not assumed


def url_day(url: object) -> Stamp | None:
    """Return the day written in a URL's path, or None."""
    if not isinstance(url, str) or not url:
        return None
    match = _URL_DAY.search(urlparse(url).path)
    if match is None:
        return None
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None
    return Stamp(day.isoformat(), "day")


def local_day_from_url(stamp: Stamp | None, url: str | None, warnings: list[str]) -> Stamp | None:
    """Return the URL's day instead of a UTC time that falls on the next or previous day there.

    Only when the URL's day is one day off in the direction a real UTC offset (-9 to +14 hours)
    allows; the stamp is kept otherwise (a URL day may also be the day the story was first filed).
    """
    if stamp is None or stamp.precision not in ("minute", "second") or not stamp.iso.endswith(_UTC):
        return stamp
    local = url_day(url)
    if local is None:
        return stamp
    hour = int(stamp.iso[11:13])
    shift = (local.day - stamp.day).days
    if (shift == -1 and hour < _WEST_HOURS) or (shift == 1 and hour >= 10):
        warnings.append(f"UTC time {stamp.iso} is on another day than the URL's; the URL's local day is kept")
        return local
    return stamp
