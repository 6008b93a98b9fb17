"""Event dates: a time expression in the sentence beats the publication date.

"in 1994" gives ``1994`` (year precision), "last month" a month, "on Tuesday" a day,
all resolved against the article's publication date. An event dated well before the
publication date is ``historical`` (background, not the news of the day). The page or
crawl date is never used.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from newsevents.model import DateBasis, Precision

#: An event more than this many days before publication is background history.
HISTORICAL_DAYS = 62

_LEAD = r"^(?:in|on|during|since|by|until|from|of|early|late|mid|the|year|\s|-)*"
_YEAR = re.compile(_LEAD + r"(?P<y>1[89]\d\d|20\d\d)$", re.IGNORECASE)
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_YEAR = re.compile(_LEAD + rf"(?P<m>{_MONTHS})\.?,?\s+(?P<y>1[89]\d\d|20\d\d)$", re.IGNORECASE)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY = re.compile(
    r"(?:on\s+|last\s+|this\s+|early\s+|late\s+)?"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)
_MONTH_NO_YEAR = re.compile(rf"^(?!.*\b\d{{4}}\b).*\b({_MONTHS})\b", re.IGNORECASE)
_RELATIVE_MONTH = re.compile(r"\b(last|this|next|past) month\b", re.IGNORECASE)
_RELATIVE_YEAR = re.compile(r"\b(last|this|next|past) year\b", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:(?:on|in|during|since|by|of|early|late|mid|the|end of|beginning of|start of)[\s-]+)+", re.IGNORECASE
)
_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|couple of)\s+"
    r"(days?|weeks?|months?|years?|decades?|hours?)\b(?!\s+ago)",
    re.IGNORECASE,
)
_DAYISH = re.compile(
    rf"\d|\b(yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weeks?|days?|"
    rf"{_MONTHS})\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EventDate:
    """A resolved event date with its precision, basis and background flag."""

    value: str | None
    precision: Precision
    basis: DateBasis
    historical: bool = False


def published_date(published: str | None) -> dt.date | None:
    """Return the calendar day of an ISO publication date-time, as the page states it."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def from_publication(published: dt.date | None) -> EventDate:
    """Return the event date taken from the publication day."""
    if published is None:
        return EventDate(None, "unknown", "published")
    return EventDate(published.isoformat(), "day", "published")


def resolve_expression(text: str, published: dt.date | None, *, future: bool = False) -> EventDate | None:
    """Return the date a time expression names, or None when it names no usable date."""
    text = text.strip().rstrip(".,")
    if match := _YEAR.match(text):
        return _dated(dt.date(int(match["y"]), 12, 31), match["y"], "year", published)
    if match := _MONTH_YEAR.match(text):
        parsed = _parse(f"1 {match['m']} {match['y']}", None, False)
        if parsed:
            return _dated(parsed, parsed.isoformat()[:7], "month", published)
    if published is None or _DURATION.search(text) or re.search(r"\d0s\b|^\d{1,3}$", text):
        return None
    if not (_DAYISH.search(text) or _RELATIVE_YEAR.search(text) or _RELATIVE_MONTH.search(text)):
        return None
    weekday = _WEEKDAY.fullmatch(text)
    if weekday:
        return _dated(_weekday(weekday[1], published, future), "", "day", published)
    parsed = _nearest(text, published) if _MONTH_NO_YEAR.search(text) else None
    parsed = parsed or _parse(text, published, future) or _relative(text, published)
    if parsed is None or parsed > published + dt.timedelta(days=400):
        return None
    if _RELATIVE_YEAR.search(text):
        return _dated(dt.date(parsed.year, 12, 31), str(parsed.year), "year", published)
    if _RELATIVE_MONTH.search(text) or (not re.search(r"\d|day|week|tonight", text, re.I)):
        return _dated(parsed, parsed.isoformat()[:7], "month", published)
    return _dated(parsed, parsed.isoformat(), "day", published)


def _weekday(name: str, published: dt.date, future: bool) -> dt.date:
    """Return the day "on Tuesday" names: this week's, on or before publication (after, for plans)."""
    target = _WEEKDAYS.index(name.lower()[:3])
    back = (published.weekday() - target) % 7
    return published + dt.timedelta(days=(7 - back) % 7) if future else published - dt.timedelta(days=back)


def _nearest(text: str, published: dt.date) -> dt.date | None:
    """Return the reading of a day and month without a year ("15 February") nearest to publication."""
    readings = [d for d in (_parse(text, published, False), _parse(text, published, True)) if d is not None]
    return min(readings, key=lambda d: abs((d - published).days)) if readings else None


def _relative(text: str, published: dt.date) -> dt.date | None:
    """Return the month or year that "this/last/next month|year" names, when dateparser cannot."""
    step = {"last": -1, "past": -1, "this": 0, "next": 1}
    if match := _RELATIVE_MONTH.search(text):
        months = published.year * 12 + published.month - 1 + step[match[1].lower()]
        return dt.date(months // 12, months % 12 + 1, 1)
    if match := _RELATIVE_YEAR.search(text):
        return dt.date(published.year + step[match[1].lower()], 1, 1)
    return None


def _dated(last_day: dt.date, value: str, precision: Precision, published: dt.date | None) -> EventDate:
    """Return a text-based EventDate (value defaults to the day); historical if well before publication."""
    value = value or last_day.isoformat()
    historical = published is not None and (published - last_day).days > HISTORICAL_DAYS
    return EventDate(value, precision, "text", historical)


@functools.lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date | None, future: bool) -> dt.date | None:
    """Return the date ``text`` names relative to ``base`` (dateparser), or None."""
    import dateparser

    prefer = "future" if future else "past"
    settings: dict[str, object] = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    cleaned = _LEADING.sub("", text)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
