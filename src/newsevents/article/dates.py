"""Dates and times as news pages print them, with their UTC offset kept as written.

``read_dateline`` decides whether a short line is a dateline ("9 September 2016 16:15 (UTC+04:00)",
"Published: Friday, 9 September 2016, 16:15 GMT", "Updated 2 hours ago") and returns what it says;
``parse_stamp`` turns one date-time string into an ISO 8601 :class:`Stamp`. Offsets are parsed with
our own patterns (``UTC+04:00``, ``GMT+4``, ``+0400``, known abbreviations such as ``EST``) and are
never converted: the page's local time stays as the page gives it.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from importlib import resources
from typing import Literal

import dateparser

from newsevents.model import Precision

logger = logging.getLogger(__name__)

Label = Literal["published", "updated"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(r"(?P<year>\d{4})\s*[年년]\s*(?P<mon>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]?"),
    re.compile(rf"\b(?P<day>\d{{1,2}}){_ORD}\.?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}){_ORD},?\s+(?P<year>\d{{4}})\b", re.I),
    re.compile(r"\b(?P<year>\d{4})([-/.])(?P<mon>\d{1,2})\2(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<first>\d{1,2})(?P<sep>[-/.])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})\b"),
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>\d{{4}})\b", re.I)
_ISO = re.compile(
    r"\b(?P<date>\d{4}-\d{2}-\d{2})[T ](?P<h>\d{2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<off>Z|[+-]\d{2}:?\d{2})?(?![\d:])"
)
_TIME = re.compile(
    r"(?<![+\-−\d:.])(?P<h>\d{1,2})(?:[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?"
    r"|\s*(?P<ap2>[ap]\.?m\.?))(?![\d\w])",
    re.I,
)
_UTC_OFFSET = re.compile(r"\(?\b(?:UTC|GMT)\s*(?P<sign>[+\-−])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?\b\)?")
_BARE_OFFSET = re.compile(r"^\s*(?P<sign>[+\-−])(?P<h>\d{2}):?(?P<m>\d{2})(?!\d)")
_ABBREVIATION = re.compile(r"\(?\b(?P<abbr>[A-Z]{2,5})\b\)?")
_RELATIVE = re.compile(
    r"\b(?P<n>\d+|an?|one)\s+(?P<unit>sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week)s?\s+ago\b"
    r"|\b(?P<word>yesterday|today|just now)\b",
    re.I,
)
_LABELS: tuple[tuple[re.Pattern[str], Label], ...] = (
    (re.compile(r"^(?:last\s+)?(?:updated|modified|edited|aktualisiert|обновлено|mis à jour)\b"
                r"[\s:]*(?:on|at)?", re.I), "updated"),
    (re.compile(r"^(?:first\s+|\(re\)\s*|re-?)?(?:published|posted|created|date|publication date|released"
                r"|veröffentlicht|опубликовано|publié)\b[\s:]*(?:on|at)?", re.I), "published"),
)  # fmt: skip
_FILLER = re.compile(
    r"(?i)\b\d+\s*min(?:ute)?s?\.?\s+read\b"  # a reading time beside the date ("Jan 5, 2024 · 8 min read")
    r"|\b(?:at|on|um|в|à|le|local time|local|time|hrs|h|uhr|and|am|pm)\b|[\s,|/:;()\[\]•·\-–—.]+"
)
_SEGMENT = re.compile(r"\s+[|•·]\s+")
_DIGIT = re.compile(r"\d")
_ZONE_LIKE = re.compile(r"^[A-Z]{1,4}T$")  # an unlisted zone name next to an explicit offset ("MMT")
_LATIN_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "tr", "ro", "cs", "sv", "id", "vi")
_SCRIPTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"[\u0400-\u04ff]"), ("ru", "uk", "bg", "sr", "be")),
    (re.compile(r"[\u0600-\u06ff]"), ("ar", "fa", "ur")),
    (re.compile(r"[\u3040-\u30ff]"), ("ja",)),
    (re.compile(r"[\u4e00-\u9fff]"), ("zh", "ja")),
    (re.compile(r"[\uac00-\ud7af]"), ("ko",)),
    (re.compile(r"[\u0370-\u03ff]"), ("el",)),
    (re.compile(r"[\u0590-\u05ff]"), ("he",)),
    (re.compile(r"[\u0e00-\u0e7f]"), ("th",)),
    (re.compile(r"[\u0900-\u097f]"), ("hi",)),
)
_STRICT = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@dataclass(frozen=True, slots=True)
class Stamp:
    """A parsed point in time: ISO 8601 text (offset kept as written) and its precision."""

    iso: str
    precision: Precision

    @property
    def day(self) -> dt.date:
        """The calendar day of the stamp (year and month stamps give their first day)."""
        parts = [int(p) for p in self.iso[:10].split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    @property
    def has_offset(self) -> bool:
        """Whether the stamp carries a time and a UTC offset."""
        return "T" in self.iso and bool(re.search(r"(?:[+-]\d{2}:\d{2}|Z)$", self.iso))


@dataclass(frozen=True, slots=True)
class Dateline:
    """What a dateline says: a stamp or a relative age, its label, and whether it names a weekday."""

    stamp: Stamp | None
    label: Label | None = None
    weekday: bool = False
    ago: dt.timedelta | None = None

    @property
    def has_time(self) -> bool:
        """Whether the line gives a time of day."""
        return self.stamp is not None and self.stamp.precision in ("minute", "second")


@functools.cache
def load_zones() -> dict[str, str]:
    """Return the known time zone abbreviations and their UTC offsets (``+04:00``)."""
    return dict(line.split("\t")[:2] for line in _data_lines("timezones.tsv"))


@functools.cache
def load_weekdays() -> frozenset[str]:
    """Return weekday names (several languages, lower case) that mark a dated banner."""
    return frozenset(_data_lines("weekdays.tsv"))


def _data_lines(name: str) -> list[str]:
    """Return the non-comment, non-empty lines of a packaged data file."""
    text = resources.files("newsevents.article").joinpath("data", name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _format_offset(sign: str, hours: str, minutes: str | None) -> str | None:
    """Return ``+HH:MM`` for the parts of an offset, or None when out of range."""
    h, m = int(hours), int(minutes or 0)
    if h > 14 or m > 59:
        return None
    return f"{'-' if sign in '-−' else '+'}{h:02d}:{m:02d}"


def split_offset(text: str) -> tuple[str, str | None]:
    """Return ``text`` without its UTC offset or zone name, and the offset as ``+HH:MM``."""
    match = _UTC_OFFSET.search(text)
    if match:
        return _cut(text, match), _format_offset(match["sign"], match["h"], match["m"])
    zones = load_zones()
    for match in _ABBREVIATION.finditer(text):
        if match["abbr"] in zones and match["abbr"] != "Z":
            return _cut(text, match), zones[match["abbr"]]
    return text, None


def _cut(text: str, match: re.Match[str]) -> str:
    """Return ``text`` with the span of ``match`` replaced by a space."""
    return f"{text[: match.start()]} {text[match.end() :]}"


def strip_label(text: str) -> tuple[str, Label | None]:
    """Return ``text`` without a leading "Published:"/"Updated" label, and the label found."""
    stripped = text.strip()
    for pattern, label in _LABELS:
        match = pattern.match(stripped)
        if match:
            return stripped[match.end() :].strip(), label
    return stripped, None


def _find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """Return the first calendar date written in ``text`` and its match."""
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            day = _date_from_match(match)
            if day is not None:
                return day, match
    return None


def _date_from_match(match: re.Match[str]) -> dt.date | None:
    """Return the date a date pattern matched, or None when it is not a real date."""
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("first"):
        first, second = int(parts["first"]), int(parts["second"])
        # Dotted and dashed dates are day-first; slashed ones month-first unless that is impossible.
        day, month = (second, first) if parts["sep"] == "/" and first <= 12 else (first, second)
    else:
        raw = parts["mon"].lower()
        month = int(raw) if raw.isdigit() else _MONTHS[raw[:3]]
        day = int(parts["day"])
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _find_time(text: str) -> tuple[tuple[int, int, int | None], re.Match[str]] | None:
    """Return the first time of day in ``text`` as (hour, minute, second or None) and its match."""
    for match in _TIME.finditer(text):
        ampm = (match["ap"] or match["ap2"] or "").lower().replace(".", "")
        if match["m"] is None and not ampm:
            continue
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            second = int(match["s"]) if match["s"] else None
            return (hour, minute, second if second is not None and second < 60 else None), match
    return None


def _compose(day: dt.date, clock: tuple[int, int, int | None] | None, offset: str | None) -> Stamp:
    """Return the stamp for a day, an optional time of day and an optional offset."""
    if clock is None:
        return Stamp(day.isoformat(), "day")
    hour, minute, second = clock
    precision: Precision = "minute" if second is None else "second"
    return Stamp(f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second or 0:02d}{offset or ''}", precision)


def _parse_iso(text: str) -> tuple[Stamp, re.Match[str]] | None:
    """Return the stamp of an ISO 8601 date-time in ``text`` and its match."""
    match = _ISO.search(text)
    if not match:
        return None
    try:
        day = dt.date.fromisoformat(match["date"])
    except ValueError:
        return None
    clock = (int(match["h"]), int(match["m"]), int(match["s"]) if match["s"] else None)
    if clock[0] > 23 or clock[1] > 59:
        return None
    offset = None
    if match["off"]:
        off = match["off"]
        offset = "+00:00" if off == "Z" else _format_offset(off[0], off[1:3], off[-2:])
    return _compose(day, clock, offset), match


def _scan(text: str) -> tuple[Stamp, str] | None:
    """Return the stamp written in ``text`` and what is left of the text around it."""
    iso = _parse_iso(text)
    if iso:
        stamp, match = iso
        rest, offset = split_offset(_cut(text, match))
        if offset and not stamp.has_offset and stamp.precision != "day":
            stamp = Stamp(stamp.iso + offset, stamp.precision)
        return stamp, rest
    found = _find_date(text)
    if found is None:
        return _scan_month(text)
    day, match = found
    rest, offset = split_offset(_cut(text, match))
    clock_found = _find_time(rest)
    if clock_found is None:
        return _compose(day, None, None), rest
    clock, tmatch = clock_found
    tail = rest[tmatch.end() :]
    bare = _BARE_OFFSET.match(tail)
    if offset is None and bare:
        offset = _format_offset(bare["sign"], bare["h"], bare["m"])
        tail = tail[bare.end() :]
    return _compose(day, clock, offset), rest[: tmatch.start()] + " " + tail


def _scan_month(text: str) -> tuple[Stamp, str] | None:
    """Return a month-precision stamp ("September 2016") and the rest of the text."""
    match = _MONTH_YEAR.search(text)
    if not match:
        return None
    month, year = _MONTHS[match["mon"].lower()[:3]], int(match["year"])
    return Stamp(f"{year:04d}-{month:02d}", "month"), _cut(text, match)


def _languages_for(text: str) -> tuple[str, ...]:
    """Return the dateparser languages worth trying for a line, judged by its script.

    Trying every locale costs dateparser a regular expression compile per locale; the script of
    the month names narrows it to a few languages.
    """
    for pattern, languages in _SCRIPTS:
        if pattern.search(text):
            return languages
    return _LATIN_LANGUAGES


def script_date(string: str) -> dt.datetime | None:
    """Return the date-time dateparser reads in ``string``, trying only the languages of its script.

    Given no languages, dateparser tries each of its ~200 locales in turn (about 0.7 s a string);
    htmldate's extensive search hands it such strings, so :mod:`~newsevents.article.html` routes
    them here. Like htmldate's own call, it wants an absolute date and prefers the past.
    """
    settings = {"STRICT_PARSING": True, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        value = dateparser.parse(string, languages=list(_languages_for(string)), settings=settings)
    except (ValueError, OverflowError) as exc:  # dateparser raises on odd input
        logger.debug("dateparser failed on %r: %s", string, exc)
        return None
    return value if isinstance(value, dt.datetime) else None


def _scan_foreign(text: str) -> tuple[Stamp, str] | None:
    """Return the stamp of a short non-English date line, read by dateparser."""
    if len(text) > 60 or not re.search(r"\b(?:19|20)\d{2}\b", text):
        return None
    rest, offset = split_offset(text)
    try:
        value = dateparser.parse(rest, languages=list(_languages_for(rest)), settings=_STRICT)
    except (ValueError, OverflowError) as exc:  # dateparser raises on odd input
        logger.debug("dateparser failed on %r: %s", rest, exc)
        return None
    if value is None:
        return None
    found = _find_time(rest)
    clock = (value.hour, value.minute, value.second or None) if found else None
    return _compose(value.date(), clock, offset), ""


def parse_stamp(text: str) -> Stamp | None:
    """Return the ISO stamp of one date-time string, or None when it holds no full date."""
    scanned = _scan(text) or _scan_foreign(text)
    return scanned[0] if scanned else None


def _relative_age(text: str) -> tuple[dt.timedelta, str] | None:
    """Return the age a relative date states ("2 hours ago", "yesterday") and the rest of the text."""
    match = _RELATIVE.search(text)
    if not match:
        return None
    if match["word"]:
        days = {"yesterday": 1, "today": 0, "just now": 0}[match["word"].lower()]
        return dt.timedelta(days=days), _cut(text, match)
    n = 1 if not match["n"].isdigit() else int(match["n"])
    unit = match["unit"].lower()
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}[unit[0]] * n
    return dt.timedelta(seconds=seconds), _cut(text, match)


def _strip_weekday(text: str) -> tuple[str, bool]:
    """Return ``text`` without weekday names, and whether there was one."""
    names = load_weekdays()
    words = re.split(r"(\W+)", text)
    kept = [w for w in words if w.lower() not in names]
    return "".join(kept), len(kept) != len(words)


def _is_residue_empty(rest: str) -> bool:
    """Whether what is left of a line after its date is only separators, filler words and zone names."""
    words = _FILLER.sub(" ", rest).split()
    return all(word in load_zones() or _ZONE_LIKE.match(word) for word in words)


def read_dateline(line: str) -> Dateline | None:
    """Return what a line says when it is a dateline, perhaps followed by short notes, or None.

    "Sunday, 2 June 2024 | Weather: 21°C" is a dateline; "Talks held on 9 June 2024" is not.
    """
    if not _DIGIT.search(line) and not _RELATIVE.search(line):
        return None  # every date form read here has a digit, or is a relative age
    found = _read_whole_dateline(line)
    parts = _SEGMENT.split(line)
    if found is None and len(parts) > 1 and all(len(p.split()) <= 4 for p in parts[1:]):
        found = _read_whole_dateline(parts[0])
    return found


def _read_whole_dateline(line: str) -> Dateline | None:
    """Return what a line says when the whole line is a dateline, or None."""
    if len(line) > 90:
        return None
    text, label = strip_label(line)
    text, weekday = _strip_weekday(text)
    relative = _relative_age(text)
    if relative is not None and _is_residue_empty(relative[1]):
        return Dateline(None, label, weekday, ago=relative[0])
    scanned = _scan(text)
    if scanned is not None and _is_residue_empty(scanned[1]) and scanned[0].precision != "month":
        return Dateline(scanned[0], label, weekday)
    foreign = _scan_foreign(text) if scanned is None and len(text.split()) <= 7 else None
    if foreign is not None:
        return Dateline(foreign[0], label, weekday)
    return None


def resolve_age(ago: dt.timedelta, reference: dt.date) -> Stamp:
    """Return the day a relative age ("2 hours ago") points to from a reference day (day precision)."""
    return Stamp((reference - dt.timedelta(days=ago.days)).isoformat(), "day")
