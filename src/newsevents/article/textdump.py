"""The header parser for plain-text page dumps: site, banner date, headline, dateline, byline, body.

A dump is what a scraper saved of a rendered news page: a site-name line, menus, a "today" banner,
the headline (often twice), a dateline, a byline, the body and a footer of share bars, bios and
related links. Lines are classified one by one (:mod:`newsevents.article.lines`); this module reads
the header out of the classified lines and keeps the body paragraphs between header and footer.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from itertools import pairwise

from newsevents.article.byline import match_byline
from newsevents.article.dates import Dateline, Stamp, read_dateline, resolve_age
from newsevents.article.draft import Draft
from newsevents.article.lines import (
    Line,
    classify_line,
    ends_sentence,
    is_bio,
    is_prose,
    is_section,
    normalize,
)

logger = logging.getLogger(__name__)

_DOMAIN_TAIL = re.compile(r"(?:\.[A-Za-z]{2,6}){1,2}$")
_SMALL_WORDS = frozenset({"THE", "OF", "AND"})
_MIN_BODY_WORDS = 8
_MIN_WRAP_CHARS = 40  # a hard-wrapped prose line is longer than any header line it could be confused with
_SITE_SEPARATORS = re.compile(r"\s+[|—–-]\s+|\s*[|•·]\s*")
_COMMENTS_START = re.compile(
    r"^\W*(?:\d+\s+)?(?:top[- ]rated\s+|latest\s+|recent\s+|reader\s+|user\s+|most\s+\w+\s+)?"
    r"(?:comments?|responses?|replies|discussion)\b(?:\s*\(\d+\))?\W*$"
    r"|^(?:leave|post|add|write|submit)\s+a\s+(?:comment|reply|response)\b"
    r"|^join\s+the\s+(?:conversation|discussion)\b",
    re.I,
)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:19|20)\d\d\b.*\ball rights reserved\b", re.I)
_ENDS_BODY_AFTER_WORDS = 60  # a comments heading, copyright line or share bar this far into the body ends it
_SHARE_WORDS = frozenset(
    "share facebook twitter whatsapp pinterest pin linkedin reddit email telegram tweet print vk".split()
)
_LINK_LIST_MIN = 3  # this many headline-like body lines in a row are a list of links
_LINK_LIST_SHARED = 0.5  # a run of headlines sharing less of its words with the body is about other things
_TEASER_LIST_MIN = 2  # this many dated headlines to come are a list of other stories: the body ends
_SECTION_SHARED = 0.3  # prose after a rule sharing this much of its words with the body goes on with it
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_REPEATED_BAR = 3  # a share bar seen this often on one page closes each item of a list
UPDATE_ONLY = "only an update time found; its day is used"  # the warning of a day read from an update time


def split_units(text: str) -> list[str]:
    """Return the dump's lines, with hard-wrapped paragraph lines joined back together."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    blocks = [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]
    if len(blocks) <= 1:
        return [line.strip() for line in text.split("\n") if line.strip()]
    units: list[str] = []
    for block in blocks:
        units.extend(_unwrap([line.strip() for line in block.split("\n") if line.strip()]))
    return units


def _unwrap(lines: list[str]) -> list[str]:
    """Return the lines of one block, joining lines that continue the sentence of the line before."""
    wrapped = len(lines) >= 3 and sum(len(x) >= 55 for x in lines[:-1]) * 3 >= 2 * (len(lines) - 1)
    out: list[str] = []
    for line in lines:
        if out and _continues(out[-1], line, wrapped=wrapped):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _continues(prev: str, line: str, *, wrapped: bool) -> bool:
    """Whether ``line`` is the wrapped continuation of ``prev``."""
    if len(prev) < _MIN_WRAP_CHARS or ends_sentence(prev) or read_dateline(line) or match_byline(line):
        return False
    return line[:1].islower() or prev.endswith((",", ";")) or bool(re.search(r"\w-$", prev)) or wrapped


def parse_textdump(text: str, *, publisher: str | None = None) -> Draft:
    """Return the header fields and body paragraphs of a plain-text page dump."""
    lines = [classify_line(i, unit) for i, unit in enumerate(split_units(text))]
    title_at = _find_title(lines)
    title = lines[title_at].text if title_at is not None else None
    publisher = publisher or _find_publisher(lines, title_at)
    start = _find_body_start(lines, title_at)
    end = _first_closing_rule(lines, start)
    end = _first_repeated_bar(lines, start, end)
    kept = lines[:end]
    authors = _collect_authors(kept, publisher)
    published, page_date, warnings = _choose_dates(kept, title_at)
    paragraphs = _assemble_body(lines[start:end], title=title, publisher=publisher, authors=authors)
    if title is None:
        warnings.append("no title found")
    return Draft(title, publisher, published, authors, paragraphs, page_date, tuple(warnings))


def _first_closing_rule(lines: list[Line], start: int) -> int:
    """Return where the body ends at a rule, past the rules that only separate sections of the article.

    A rule separates sections when the prose after it (up to the next rule) goes on with the body's
    own words: at least ``_SECTION_SHARED`` of its longer words appear in the body above the rule.
    A footer's notices, credits and bios after a rule share few of them.
    """
    rules = [ln.index for ln in lines[start:] if ln.kind == "rule"] + [len(lines)]
    for rule, following in pairwise(rules):
        above = [ln.text for ln in lines[start:rule] if ln.kind == "text"]
        below = [(ln.text, True) for ln in lines[rule + 1 : following] if _is_prose_text(ln)]
        if not below or _shared_words(below, above) < _SECTION_SHARED:
            return rule
    return len(lines)


def _is_prose_text(line: Line) -> bool:
    """Whether a line is a text line that reads as a sentence of prose."""
    return line.kind == "text" and is_prose(line.text)


def _first_repeated_bar(lines: list[Line], start: int, end: int) -> int:
    """Return where the body ends at a short line repeated on the page (a share bar under each item).

    A page that lists several items, each closed by the same bar, holds its article in the first item.
    """
    counts = Counter(ln.text for ln in lines if ln.kind == "text" and _is_share_bar(ln.text))
    words = 0
    for line in lines[start:end]:
        if counts[line.text] >= _REPEATED_BAR and words >= _ENDS_BODY_AFTER_WORDS:
            return line.index
        words += line.words if line.kind == "text" else 0
    return end


def _is_share_bar(text: str) -> bool:
    """Whether a short line is at least half made of share-button words ("Whatsapp Facebook Pin Save")."""
    words = normalize(text).split()
    return 2 <= len(words) <= 8 and 2 * sum(word in _SHARE_WORDS for word in words) >= len(words)


def _head(lines: list[Line]) -> list[Line]:
    """Return the lines before the first prose line (the page header), at most 40."""
    first_prose = next((ln.index for ln in lines if ln.kind == "text" and is_prose(ln.text)), len(lines))
    return lines[: min(first_prose, 40)]


def _find_title(lines: list[Line]) -> int | None:
    """Return the index of the headline: the repeated header line, else the first headline-like one."""
    candidates = [
        ln for ln in _head(lines) if ln.kind == "text" and 3 <= ln.words <= 30 and not is_section(ln.text)
    ]
    counts = Counter(normalize(ln.text) for ln in candidates)
    repeated = [ln for ln in candidates if counts[normalize(ln.text)] > 1]
    if repeated:
        cased = [ln for ln in repeated if not ln.text.isupper()]
        return (cased or repeated)[0].index
    if len(candidates) >= 2 and _looks_like_site(candidates[0], lines):
        return candidates[1].index
    return candidates[0].index if candidates else None


def _looks_like_site(line: Line, lines: list[Line]) -> bool:
    """Whether a short title-cased first text line is the site's name rather than a headline."""
    first_text = next(ln for ln in lines if ln.kind == "text")
    words = line.text.split()
    capitalised = all(w[:1].isupper() or w.lower() in {"the", "of", "and", "de", "la"} for w in words)
    return line is first_text and len(words) <= 4 and capitalised and not ends_sentence(line.text)


def _find_publisher(lines: list[Line], title_at: int | None) -> str | None:
    """Return the site name: the first short text line above the headline, without a domain suffix."""
    stop = title_at if title_at is not None else len(_head(lines))
    for line in lines[:stop]:
        name = _SITE_SEPARATORS.split(line.text)[0].strip()
        if line.kind in ("text", "nav") and name and len(name.split()) <= 5 and not is_section(name):
            return clean_site_name(name)
    return None


def clean_site_name(text: str) -> str:
    """Return a site name without a scheme, "www." or a TLD-like suffix ("Azernews.Az" gives "Azernews")."""
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip(), flags=re.I).strip(" /")
    if " " not in name and "." in name:
        name = _DOMAIN_TAIL.sub("", name) or name
    if name.isupper() and len(name) > 4:
        name = " ".join(w.capitalize() if len(w) > 3 or w in _SMALL_WORDS else w for w in name.split())
    return name


def _find_body_start(lines: list[Line], title_at: int | None) -> int:
    """Return the index of the first body line: the first prose line after the headline."""
    after = lines[title_at + 1 :] if title_at is not None else lines
    texts = [ln for ln in after if ln.kind == "text"]
    first = next((ln for ln in texts if is_prose(ln.text)), None)
    first = first or next((ln for ln in texts if ln.words >= 5), None)
    return first.index if first is not None else len(lines)


def _collect_authors(lines: list[Line], publisher: str | None) -> tuple[str, ...]:
    """Return the authors named by the byline lines, in order, without the site's own name."""
    site = (publisher or "").casefold()
    seen: list[str] = []
    for line in lines:
        for author in line.authors:
            if author not in seen and author.casefold() != site:
                seen.append(author)
    return tuple(seen)


def _choose_dates(lines: list[Line], title_at: int | None) -> tuple[Stamp | None, str | None, list[str]]:
    """Return the publication stamp, the page (banner) date and warnings, from the datelines."""
    banners = [
        ln.dateline.stamp for ln in lines if ln.dateline and ln.dateline.stamp and _is_banner(ln, title_at)
    ]
    page_date = banners[0].day.isoformat() if banners else None
    others = [ln.dateline for ln in lines if ln.dateline is not None and not _is_banner(ln, title_at)]
    warnings: list[str] = []
    published = _pick_published(others, page_date, warnings)
    if published is None:
        warnings.append("no publication date found")
    elif published.precision in ("minute", "second") and not published.has_offset:
        warnings.append("publication time has no UTC offset")
    return published, page_date, warnings


def _is_banner(line: Line, title_at: int | None) -> bool:
    """Whether a dateline is the page's "today" banner: a bare weekday date above the headline."""
    dl = line.dateline
    if dl is None or dl.stamp is None or dl.label is not None or not dl.weekday or dl.has_time:
        return False
    return title_at is None or line.index < title_at


def _rank(dateline: Dateline) -> int:
    """Return how strongly a dateline claims to be the publication time (lower is stronger)."""
    if dateline.label == "updated":
        return 4
    if dateline.ago is not None:
        return 3
    if dateline.label == "published":
        return 0
    return 1 if dateline.has_time else 2


def _pick_published(datelines: list[Dateline], page_date: str | None, warnings: list[str]) -> Stamp | None:
    """Return the publication stamp from the strongest dateline; an update time only gives its day."""
    for dateline in sorted(datelines, key=_rank):
        stamp = dateline.stamp
        if dateline.ago is not None:
            if page_date is None:
                warnings.append("relative publication date with no page date to resolve it")
                continue
            stamp = resolve_age(dateline.ago, Stamp(page_date, "day").day)
            warnings.append("publication day resolved from a relative date against the page date")
        if stamp is None:
            continue
        if dateline.label == "updated":
            warnings.append(UPDATE_ONLY)
            stamp = Stamp(stamp.day.isoformat(), "day") if stamp.precision != "day" else stamp
        return stamp
    return None


def _ends_body(line: Line) -> bool:
    """Whether a line closes the article: the start of the comments or a short copyright notice."""
    if _COMMENTS_START.match(line.text):
        return True
    return line.words <= 20 and bool(_COPYRIGHT.search(line.text))


def _assemble_body(
    lines: list[Line], *, title: str | None, publisher: str | None, authors: tuple[str, ...]
) -> tuple[str, ...]:
    """Return the body paragraphs: text lines without repeats, bios, link lists and trailing labels.

    A heading of other stories ("Related", "Most read") starts a list: its headlines and the
    summaries under them are skipped until the article's sentences take up again.
    """
    skip = {normalize(t) for t in (title, publisher) if t}
    kept: list[tuple[str, bool]] = []
    listing = False
    teasers = _dated_headlines(lines)
    for position, line in enumerate(lines):
        closes = _ends_body(line) or _starts_teaser_list(line, teasers)
        if closes and sum(len(t.split()) for t, _ in kept) >= _ENDS_BODY_AFTER_WORDS:
            break
        if line.kind == "heading":
            listing = True
            continue
        if line.kind != "text" or normalize(line.text) in skip or is_bio(line.text, authors):
            continue
        prose = is_prose(line.text)
        if listing and (not prose or _headline_follows(lines, position)):
            continue
        listing = False
        if prose or line.words >= _MIN_BODY_WORDS:
            kept.append((line.text, prose))
    kept = _without_link_lists(kept)
    while kept and not kept[-1][1]:
        logger.debug("dropping trailing non-prose line %r", kept[-1][0])
        kept.pop()
    return tuple(text for text, _ in kept)


def _headline_follows(lines: list[Line], position: int) -> bool:
    """Whether the next text line after ``lines[position]`` reads as a headline, not a sentence.

    Under a heading of other stories, a sentence followed by a headline is one story's summary:
    the list goes on. A sentence followed by a sentence is the article taking up again.
    """
    after = next((ln for ln in lines[position + 1 :] if ln.kind == "text"), None)
    return after is not None and after.words >= 3 and not is_prose(after.text)


def _dated_headlines(lines: list[Line]) -> list[int]:
    """Return the indices of the headline-like lines whose next text line is a day without a time.

    That is how a list of other stories shows each one (headline, day, summary). A time of day
    marks a live update or a comment instead, where the text goes on.
    """
    texts = [ln for ln in lines if ln.kind in ("text", "date")]
    return [line.index for line, after in pairwise(texts) if _is_dated_headline(line, after)]


def _is_dated_headline(line: Line, after: Line) -> bool:
    """Whether a headline-like text line is followed by a day without a time of day."""
    dateline = after.dateline
    if dateline is None or dateline.stamp is None or dateline.has_time or line.kind != "text":
        return False
    return line.words >= 3 and not ends_sentence(line.text)


def _starts_teaser_list(line: Line, teasers: list[int]) -> bool:
    """Whether the line is the first of at least ``_TEASER_LIST_MIN`` dated headlines to come."""
    return line.index in teasers and len(teasers) - teasers.index(line.index) >= _TEASER_LIST_MIN


def _without_link_lists(kept: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Return the body lines (text, is prose) without the lists of links to other pages."""
    dropped: set[int] = set()
    for first, last in _link_runs(kept):
        if _is_link_list(kept, first, last):
            dropped.update(range(first, last))
    return [item for index, item in enumerate(kept) if index not in dropped]


def _is_link_list(kept: list[tuple[str, bool]], first: int, last: int) -> bool:
    """Whether the run ``kept[first:last]`` of headline-like lines is a list of links to other pages.

    It is when the text does not introduce it (the line before does not end with a colon), the body
    has prose besides it, and it is about other things: most of its words are not found in the rest
    of the body. A list of the article's own points shares its words.
    """
    rest = kept[:first] + kept[last:]
    if (first > 0 and kept[first - 1][0].rstrip().endswith(":")) or not any(prose for _, prose in rest):
        return False
    return _shared_words(kept[first:last], [text for text, _ in rest]) < _LINK_LIST_SHARED


def _link_runs(kept: list[tuple[str, bool]]) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the runs of at least ``_LINK_LIST_MIN`` headline-like lines."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index, (text, _) in enumerate([*kept, ("", True)]):
        if _is_link_line(text):
            continue
        if index - start >= _LINK_LIST_MIN:
            runs.append((start, index))
        start = index + 1
    return runs


def _shared_words(run: list[tuple[str, bool]], rest: list[str]) -> float:
    """Return the share of the run's longer words (4 letters and more) that the rest of the body uses."""
    vocabulary = {w for text in rest for w in _LONG_WORD.findall(text.casefold())}
    words = [w for text, _ in run for w in _LONG_WORD.findall(text.casefold())]
    return sum(w in vocabulary for w in words) / len(words) if words else 1.0


def _is_link_line(text: str) -> bool:
    """Whether a body line reads as a headline: no sentence end and no colon at its end."""
    return bool(text) and not ends_sentence(text)
