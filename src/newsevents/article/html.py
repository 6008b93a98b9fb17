"""HTML pages: trafilatura for the body, plus our own pass over the page for its metadata.

The page is parsed once; trafilatura reads copies of that tree. The body depends on the kind of
page: an article (JSON-LD article type or ``og:type`` article) takes trafilatura's precise pass,
checked against its balanced pass when short; any other page (a thread, a guide, a listing) takes
the balanced pass with comments, or our own reading of the whole rendered page when that finds
much more text. The headline is the page's h1 that its title confirms, else og:title or <title>
without the site's name, tagline or a generic page label ("Home", "Forum"). The publication time
keeps its UTC offset (meta, JSON-LD, ``<time>``, visible datelines); the URL's day is a last resort
before a search of the page text, and the local day of a UTC time; a year alone (a copyright line)
is never a publication day. Authors come from JSON-LD, meta, the visible byline
(:mod:`~newsevents.article.htmlbyline`) and trafilatura, without site names, desks, roles or the
posters of a thread.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from functools import cached_property
from html import unescape
from typing import Any
from urllib.parse import urlparse

import htmldate.extractors
import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
import trafilatura
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_metadata,
    extract_sitename,
    extract_title,
)
from trafilatura.utils import load_html

from newsevents.article.byline import parse_byline, split_authors
from newsevents.article.dates import Stamp, parse_stamp, read_dateline, script_date, strip_label
from newsevents.article.draft import Draft
from newsevents.article.htmlbyline import (
    bio_author,
    header_authors,
    host_key,
    is_site_name,
    is_thread,
    marked_names,
)
from newsevents.article.htmltext import render_tree
from newsevents.article.lines import classify_line, normalize
from newsevents.article.textdump import UPDATE_ONLY, clean_site_name, parse_textdump
from newsevents.article.urldate import local_day_from_url, url_day

logger = logging.getLogger(__name__)

# htmldate's extensive date search asks dateparser to try every locale on a string (about 0.7 s
# each); ours tries the languages of the string's script. tests/article/test_html.py checks that
# the hook is still there, so an htmldate release that renames it fails a test, not silently.
htmldate.extractors._external_date = script_date

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "date", "article.published",
    "cxenseparse:recs:publishtime",
)  # fmt: skip
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—·»]|::)\s+")
_LEGAL_SUFFIX = re.compile(r",?\s+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|GmbH|S\.A\.|PLC|plc|Corp\.?)$")
_DATE_HINT = re.compile(r"date|time|publish|posted|dateline|byline|meta", re.I)
_LIST_MARK = re.compile(r"^\s*[-•*]\s+(?=\S)")
_CHECK_BELOW_WORDS = 300  # an article's precise body this short is checked against the balanced one
_KEEP_STRICT_SHARE = 0.2  # an article's precise body is kept when it has this share of the balanced words
_TAKE_RENDERED_RATIO = 2.0  # a non-article takes our reading of the rendered page when it is this much longer
_ARTICLE_TYPES = frozenset(
    {"Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
     "OpinionNewsArticle", "Report", "LiveBlogPosting"}
)  # fmt: skip
_H1_CONFIRMED = 0.8  # share of the h1's words the page title must contain to confirm it
_INVISIBLE_CHARS = re.compile(r"[\u200b-\u200f\ufeff\ue000-\uf8ff]")
_TAGLINE = re.compile(r"\s+(?:\||::)\s+")
_SUBTITLE = re.compile(r"\s+[-–—]\s+")
_SUBTITLE_MAX_WORDS = 6  # a tail after a spaced dash this short is a subtitle or a pitch, not headline
_H1_SOLE_OVERLAP = 0.3  # the page's only h1 is the headline when the page title shares this much of it
_SITE_EXTRA_CHARS = 8  # a title part naming the site may add this much to its name ("Site News")
_PAGE_LABELS = frozenset(
    {
        "home",
        "homepage",
        "home page",
        "index",
        "index page",
        "forum",
        "forums",
        "error",
        "welcome",
        "untitled",
        "about",
        "about us",
        "contact",
        "contact us",
    }
)
_DROPPED_KINDS = frozenset({"date", "byline", "boiler", "heading", "rule"})
_PUBLISHED_LABEL = re.compile(r"(?:first\s+|\(re\)\s*|re-?)?(?:published|posted)\b", re.I)
_UPDATE_PART = re.compile(r"\s+(?:[-–—|•·]\s+)?(?=(?:last\s+)?updated\b)", re.I)  # "... - Updated <date>"
_DATELINE_MAX_CHARS = 90
_EXTENDS_MAX_WORDS = 4  # a page title this many words longer than the h1 that holds it is its fuller form
_TOP_BAR = re.compile(r"header|menu|nav|logo|brand|masthead|topbar", re.I)


class _Rendered:
    """The page rendered to text (:func:`~newsevents.article.htmltext.render_tree`) and read as a dump.

    Both are made on first use and then kept: the body, the date and the byline may all need them.
    """

    def __init__(self, tree: lxml.html.HtmlElement, publisher: str | None) -> None:
        """Keep the page tree and the site name the dump reader is given."""
        self._tree = tree
        self._publisher = publisher

    @cached_property
    def text(self) -> str:
        """The page's visible text, as lines."""
        return render_tree(self._tree)

    @cached_property
    def dump(self) -> Draft:
        """What the text-dump reader (:func:`~newsevents.article.textdump.parse_textdump`) finds."""
        return parse_textdump(self.text, publisher=self._publisher)


def parse_html(html: str, *, url: str | None = None) -> Draft:
    """Return the article of an HTML page; trafilatura errors propagate to the caller.

    The page is parsed once; trafilatura reads copies of that tree.
    """
    tree = _parse_tree(html)
    if tree is None:
        return Draft(None, None, None, (), (), warnings=("the page has no HTML to read",))
    ld = list(_json_ld(tree))
    marked = _marked_stamps(tree, ld)
    found = _metadata(tree)
    publisher = _publisher(tree, ld, found, url)
    rendered = _Rendered(tree, publisher)
    title = _title(tree, found, publisher)
    published, warnings = _published(tree, marked, url, rendered)
    published = local_day_from_url(published, url, warnings)
    authors = _authors(tree, ld, found, (publisher, url, title), rendered)
    paragraphs = _body(tree, url, title, rendered, article=_is_article(tree, ld))
    if not paragraphs:
        paragraphs = _description(tree)
        warnings += (
            ["the page shows no text (a script fills it in); its description is the body"]
            if paragraphs
            else []
        )
    if paragraphs:
        paragraphs = (_strip_wire_prefix(paragraphs[0], publisher), *paragraphs[1:])
    return Draft(title, publisher, published, authors, paragraphs, warnings=tuple(warnings))


def _body(
    tree: lxml.html.HtmlElement, url: str | None, title: str | None, rendered: _Rendered, *, article: bool
) -> tuple[str, ...]:
    """Return the body, read by trafilatura the way the kind of page calls for.

    An article takes trafilatura's fast precise pass; a short one is checked against its balanced
    pass (posts and comments kept). When the fast pass lost most of the text, the full precise pass
    (trafilatura's fallback extractors too) is tried before the balanced one: on a page laid out in
    tables the fast pass can keep a teaser box, and the balanced pass the article with every teaser
    box after it. Other pages: see :func:`_page_body`.
    """
    if not article:
        return _page_body(tree, url, title, rendered)
    strict = _paragraphs(_extract(tree, url, precise=True, fast=True), title)
    if _words(strict) >= _CHECK_BELOW_WORDS:
        return strict
    balanced = _paragraphs(_extract(tree, url, precise=False), title)
    if _words(strict) >= _KEEP_STRICT_SHARE * _words(balanced):
        return strict
    full = _paragraphs(_extract(tree, url, precise=True, fast=False), title)
    return full if _words(full) >= _KEEP_STRICT_SHARE * _words(balanced) else balanced


def _page_body(
    tree: lxml.html.HtmlElement, url: str | None, title: str | None, rendered: _Rendered
) -> tuple[str, ...]:
    """Return the body of a page that is no article (a thread, a guide, a listing, a shop page).

    Trafilatura's balanced pass, unless our own reading of the whole rendered page
    (:func:`~newsevents.article.textdump.parse_textdump`) finds much more text: trafilatura often
    keeps only a fragment of a thread or a guide.
    """
    balanced = _paragraphs(_extract(tree, url, precise=False), title)
    read = rendered.dump.paragraphs
    return read if _words(read) >= _TAKE_RENDERED_RATIO * max(_words(balanced), 1) else balanced


def _description(tree: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Return the page's description (og:description, description, twitter:description) as paragraphs."""
    for text in _meta(tree, "og:description", "description", "twitter:description"):
        lines = (re.sub(r"\s+", " ", unescape(line)).strip() for line in text.splitlines())
        paragraphs = tuple(line for line in lines if line)
        if paragraphs:
            return paragraphs
    return ()


def _is_article(tree: lxml.html.HtmlElement, ld: list[dict[str, Any]]) -> bool:
    """Whether the page says it is an article (JSON-LD article type or ``og:type`` article)."""
    for obj in ld:
        kinds = obj.get("@type")
        if set(kinds if isinstance(kinds, list) else [kinds]) & _ARTICLE_TYPES:
            return True
    return any(kind.lower() == "article" for kind in _meta(tree, "og:type"))


def _words(paragraphs: tuple[str, ...]) -> int:
    """Return the number of words in some paragraphs."""
    return sum(len(p.split()) for p in paragraphs)


def _extract(tree: lxml.html.HtmlElement, url: str | None, *, precise: bool, fast: bool = False) -> str:
    """Return the body text trafilatura finds in (a copy of) the page tree ("" when none).

    ``precise``: its precision pass without comments; else its default balanced pass with comments
    (forum posts and Q&A answers are body there). ``fast``: without its fallback extractors.
    """
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        favor_precision=precise,
        include_comments=not precise,
        include_tables=True,
        fast=fast,
    )
    found = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else dict(doc or {})
    return str(found.get("text") or "")


def _metadata(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """Return trafilatura's title, site name and author of the page, as its metadata pass finds them.

    Its date search is left out (slow, and most pages state their date): see :func:`_searched_day`.
    Its search of the page for an author is left to :func:`_author_sources`, which seldom needs it.
    """
    found = examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a handle, not a name
    found = extract_meta_json(tree, found)
    found.title = found.title or extract_title(tree)
    found.sitename = found.sitename or extract_sitename(tree)
    return {"title": found.title, "author": found.author, "sitename": found.sitename}


def _searched_day(tree: lxml.html.HtmlElement, url: str | None) -> Stamp | None:
    """Return the day trafilatura's date search finds in the page text (a year alone is no day)."""
    params = {"extensive_search": True, "original_date": True}
    day = parse_stamp(str(extract_metadata(tree, url, params).date or ""))
    return None if day is None or day.iso.endswith("-01-01") else day  # -01-01: a copyright year


def _parse_tree(html: str) -> lxml.html.HtmlElement | None:
    """Return the page's tree as trafilatura parses it, or None when there is no HTML to read."""
    tree = load_html(html)
    return tree if isinstance(tree, lxml.html.HtmlElement) else None


def _json_ld(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Yield every JSON-LD object of the page, flattening lists and ``@graph``."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """Yield the dicts of a JSON-LD value, descending into lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _meta(tree: lxml.html.HtmlElement | None, *names: str) -> list[str]:
    """Return the contents of the ``<meta>`` tags whose property, name or itemprop is in ``names``."""
    if tree is None:
        return []
    wanted = {n.lower() for n in names}
    out: list[str] = []
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = (node.get("content") or "").strip()
        if key in wanted and content:
            out.append(content)
    return out


def _publisher(
    tree: lxml.html.HtmlElement | None, ld: list[dict[str, Any]], found: dict[str, Any], url: str | None
) -> str | None:
    """Return the site name: og:site_name, JSON-LD publisher, trafilatura's sitename or the host."""
    names = _meta(tree, "og:site_name", "application-name")
    names += [_ld_name(obj.get("publisher")) or "" for obj in ld if obj.get("publisher")]
    names.append(str(found.get("sitename") or ""))
    for name in names:
        if name.strip() and not name.strip().lower().startswith("http"):
            return _LEGAL_SUFFIX.sub("", name.strip())
    host = urlparse(url).hostname if url else None
    return clean_site_name(host) if host else None


def _ld_name(value: Any) -> str | None:
    """Return the ``name`` of a JSON-LD thing (a dict, or a list of them), or a bare string."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        name = value.get("name")
        return str(name) if isinstance(name, str) else None
    return value if isinstance(value, str) else None


def _title(tree: lxml.html.HtmlElement | None, found: dict[str, Any], publisher: str | None) -> str | None:
    """Return the headline: the page's visible h1, else og:title or <title> without the site's name."""
    heads = [*_meta(tree, "og:title", "twitter:title"), str(found.get("title") or "")]
    if tree is not None:
        heads += [_text(t) for t in tree.iter("title")]
    heads = [_INVISIBLE_CHARS.sub("", unescape(h)).strip() for h in heads]
    heads = [h for h in heads if h and not is_page_label(h)]
    publisher = _h1_site_name(tree, heads) or publisher
    site = normalize(publisher or "").replace(" ", "")
    heads.sort(key=lambda h: bool(site) and _is_site(h, site))  # the site's bare name comes last
    h1 = _headline(tree, heads, publisher)
    stripped = [s for s in (strip_site(head, publisher) for head in heads) if s]
    if h1 and stripped and _extends(stripped[0], h1):
        return stripped[0]  # the first head: og:title or twitter:title where the page has one
    return h1 or next(iter(stripped), None)


def _h1_site_name(tree: lxml.html.HtmlElement | None, heads: list[str]) -> str | None:
    """Return a logo heading: an h1 in the page's top bar that is the last part of a page title in parts.

    "What is Ownership? - The Book" with ``<h1 class="menu-title">The Book</h1>`` in the menu bar:
    the h1 names the site (or the book or manual the page belongs to), not the page. An h1 in the
    article or the main content is never taken for the site's name.
    """
    if tree is None:
        return None
    lasts = {
        normalize(head[cut.end() :]) for head in heads for cut in list(_TITLE_SEPARATORS.finditer(head))[-1:]
    }
    lasts.discard("")
    for node in tree.iter("h1"):
        text = _text(node)
        if normalize(text) in lasts and _in_top_bar(node):
            return text
    return None


def _in_top_bar(node: lxml.html.HtmlElement) -> bool:
    """Whether an element sits in a header, menu or navigation bar outside the article and main content."""
    ancestors = list(node.iterancestors())
    if any(a.tag in ("article", "main") for a in ancestors):
        return False
    hints = (f"{a.tag} {a.get('class') or ''} {a.get('id') or ''}" for a in [node, *ancestors])
    return any(_TOP_BAR.search(hint) for hint in hints)


def _extends(title: str, h1: str) -> bool:
    """Whether a one-part page title holds the whole h1 and a few words more ("Brand Model Kind", "Model").

    A title still cut by separators ("Model - Section - Site") may add only site or section names;
    one that adds a whole clause (a live page's latest update) is no fuller form of the headline.
    """
    if _TITLE_SEPARATORS.search(title):
        return False
    key, h1_key = normalize(title), normalize(h1)
    added = len(key.split()) - len(h1_key.split())
    return bool(h1_key) and 0 < added <= _EXTENDS_MAX_WORDS and f" {h1_key} " in f" {key} "


def _headline(tree: lxml.html.HtmlElement | None, heads: list[str], publisher: str | None) -> str | None:
    """Return the h1 that is the headline: the one the page title confirms, or the only one."""
    if tree is None:
        return None
    site = normalize(publisher or "").replace(" ", "")
    h1s = [_text(h) for h in tree.iter("h1") if not _in_chrome(h)]
    h1s = [
        h
        for h in h1s
        if 1 <= len(h.split()) <= 40 and not (site and _is_site(h, site)) and not is_page_label(h)
    ]
    if not h1s:
        return None
    best = max(h1s, key=lambda h: _overlap(h, heads))
    if _overlap(best, heads) >= _H1_CONFIRMED:
        return strip_site(best, publisher)
    if len(h1s) == 1 and len(best.split()) >= 3 and _overlap(best, heads) >= _H1_SOLE_OVERLAP:
        return strip_site(best, publisher)
    return best if len(h1s) == 1 and not heads and len(best.split()) >= 2 else None


def _in_chrome(node: lxml.html.HtmlElement) -> bool:
    """Whether an element sits in the page's navigation or a header or footer outside the article."""
    tags = {element.tag for element in node.iterancestors()}
    return not tags & {"article", "main"} and bool(tags & {"nav", "footer", "header", "aside"})


def _overlap(text: str, heads: list[str]) -> float:
    """Return the largest share of the words of ``text`` found in one of the page titles."""
    words = set(normalize(text).split())
    if not words:
        return 0.0
    return max((len(words & set(normalize(h).split())) / len(words) for h in heads), default=0.0)


def _text(node: lxml.html.HtmlElement) -> str:
    """Return the text of an element with its whitespace collapsed."""
    return re.sub(r"\s+", " ", _INVISIBLE_CHARS.sub("", node.text_content() or "")).strip()


def strip_site(title: str, publisher: str | None) -> str:
    """Return a page title without the site's name ("Headline - Site", "Site | Headline") or tagline."""
    title = _strip_site_parts(title, publisher)
    first = _TAGLINE.split(title)[0]
    return _strip_subtitle(first if len(first.split()) >= 2 else title)


def _strip_subtitle(title: str) -> str:
    """Return a title without a short tail after a spaced dash ("Headline – Fast & Reliable")."""
    cut = _SUBTITLE.search(title)
    if cut is None:
        return title
    head, tail = title[: cut.start()].strip(), title[cut.end() :].strip()
    head_words, tail_words = len(head.split()), len(tail.split())
    if head_words >= 2 and tail_words <= _SUBTITLE_MAX_WORDS and tail_words <= 2 * head_words:
        return head
    return title


def _strip_site_parts(title: str, publisher: str | None) -> str:
    """Return a page title without the parts that name the site."""
    title = re.sub(r"\s+", " ", title).strip()
    cuts = list(_TITLE_SEPARATORS.finditer(title))
    if not cuts:
        return title
    first, last = title[: cuts[0].start()], title[cuts[-1].end() :]
    site = normalize(publisher or "").replace(" ", "")
    if is_page_label(last) or (site and _is_site(last, site) and not is_page_label(first)):
        return _strip_site_parts(title[: cuts[-1].start()], publisher)
    if is_page_label(first) or (site and _is_site(first, site)):
        return _strip_site_parts(title[cuts[0].end() :], publisher)
    if not site and len(last.split()) <= 4 and len(last) < len(title) / 2:
        return title[: cuts[-1].start()].strip()
    return title


def _is_site(part: str, site: str) -> bool:
    """Whether one part of a page title is the site's name (``site`` is normalized, no spaces)."""
    key = normalize(part).replace(" ", "")
    longer = site in key and len(key) - len(site) <= _SITE_EXTRA_CHARS
    shorter = key in site and 2 * len(key) >= len(site)
    return len(key) >= 3 and (key == site or longer or shorter)


def is_page_label(text: str) -> bool:
    """Whether a title or a part of one is a generic page label ("Home", "Forum", "Error")."""
    return normalize(text) in _PAGE_LABELS


def _marked_stamps(tree: lxml.html.HtmlElement | None, ld: list[dict[str, Any]]) -> list[Stamp]:
    """Return the publication stamps the markup states: meta tags, JSON-LD, ``<time>`` elements."""
    values = _meta(tree, *_PUBLISHED_META)
    values += [str(obj["datePublished"]) for obj in ld if obj.get("datePublished")]
    values += _time_values(tree)
    return [s for s in (parse_stamp(v) for v in values) if s is not None]


def _published(
    tree: lxml.html.HtmlElement, marked: list[Stamp], url: str | None, rendered: _Rendered
) -> tuple[Stamp | None, list[str]]:
    """Return the publication stamp (:func:`_stated_published`), unless a labelled line says otherwise.

    A visible "Published: <date>" or "Posted on <date>" line is what the reader is told: when it
    names another day than the markup, the URL or the other datelines, its stamp is kept.
    """
    stamp, warnings = _stated_published(tree, marked, url, rendered)
    labelled = _labelled_dateline(rendered)
    if labelled is None or (stamp is not None and stamp.day == labelled.day):
        return stamp, warnings
    warnings = (
        [] if labelled.precision == "day" or labelled.has_offset else ["publication time has no UTC offset"]
    )
    return labelled, [*warnings, "the page's labelled publication line is kept over its other dates"]


def _labelled_dateline(rendered: _Rendered) -> Stamp | None:
    """Return the stamp of the page's first visible line labelled as the publication date, if any.

    An update time after it on the same line is cut off ("Posted <date> - Updated <date>"); a
    label alone on its line ("Published:") labels the next line.
    """
    lines = [line for line in rendered.text.splitlines() if line]
    for index, line in enumerate(lines):
        if len(line) > _DATELINE_MAX_CHARS or not _PUBLISHED_LABEL.match(line):
            continue
        line = _UPDATE_PART.split(line, maxsplit=1)[0]
        if not strip_label(line)[0] and index + 1 < len(lines):
            line = f"{line} {lines[index + 1]}"
        dateline = read_dateline(line)
        if dateline is not None and dateline.label == "published" and dateline.stamp is not None:
            return dateline.stamp
    return None


def _stated_published(
    tree: lxml.html.HtmlElement, marked: list[Stamp], url: str | None, rendered: _Rendered
) -> tuple[Stamp | None, list[str]]:
    """Return the publication stamp: the page's own metadata, then the URL's day, then a search of the text.

    ``marked`` are the stamps of the page's markup (:func:`_marked_stamps`). A page whose markup
    states no date is read the way a reader sees it first (:func:`_rendered_dateline`).
    """
    stamps = list(marked) or _rendered_dateline(rendered)
    if not any(s.precision in ("minute", "second") for s in stamps):
        stamps += _visible_datelines(tree)  # only read when the markup gives no time (they come last)
    timed = [s for s in stamps if s.precision in ("minute", "second")]
    if timed:
        local = _shown_local_day(tree, timed[0])
        if local is not None:
            return local, [f"UTC time {timed[0].iso} is shown on another day; the shown local day is kept"]
        warnings = [] if timed[0].has_offset else ["publication time has no UTC offset"]
        return timed[0], warnings
    if stamps:
        return stamps[0], []
    from_url = url_day(url)
    if from_url is not None:
        return from_url, ["publication day taken from the URL"]
    day = _searched_day(tree, url)
    return day, ([] if day else ["no publication date found"])


def _rendered_dateline(rendered: _Rendered) -> list[Stamp]:
    """Return the dateline the text-dump reader picks on the rendered page (none, or one stamp).

    That reader knows the page's layout: it skips the "today" banner above the headline and ranks
    a labelled "Published" line first, then a dateline with a time, then a bare date. An update
    time alone is left to the other sources (a class-marked dateline, the URL).
    """
    dump = rendered.dump
    if dump.published is None or UPDATE_ONLY in dump.warnings:
        return []
    return [dump.published]


def _shown_local_day(tree: lxml.html.HtmlElement | None, stamp: Stamp) -> Stamp | None:
    """Return the day a ``<time>`` element shows for a UTC time when it is the day before or after.

    ``<time datetime="2026-02-24T04:13:00Z">February 23, 2026</time>``: the reader saw the 23rd.
    """
    if tree is None or not stamp.iso.endswith(("Z", "+00:00")):
        return None
    for node in tree.iter("time"):
        value = parse_stamp((node.get("datetime") or "").strip())
        if value is None or value.iso != stamp.iso:
            continue
        shown = read_dateline(_text(node))
        if shown is None or shown.stamp is None:
            return None
        if abs((shown.stamp.day - stamp.day).days) == 1:
            return Stamp(shown.stamp.day.isoformat(), "day")
        return None
    return None


def _visible_datelines(tree: lxml.html.HtmlElement | None) -> list[Stamp]:
    """Return the stamps of short visible datelines in elements whose class or id says "date"."""
    if tree is None:
        return []
    stamps: list[Stamp] = []
    for node in tree.iter("div", "span", "p", "li", "small", "time"):
        hint = f"{node.get('class') or ''} {node.get('id') or ''}"
        if not _DATE_HINT.search(hint) or re.search(r"updat|modif", hint, re.I):
            continue
        text = _text(node)
        dateline = read_dateline(text) if 6 <= len(text) <= 90 else None
        if dateline is not None and dateline.stamp is not None and dateline.label != "updated":
            stamps.append(dateline.stamp)
    return stamps


def _time_values(tree: lxml.html.HtmlElement | None) -> list[str]:
    """Return ``<time datetime>`` values, those marked as the publication time first."""
    if tree is None:
        return []
    marked: list[str] = []
    plain: list[str] = []
    for node in tree.iter("time"):
        value = (node.get("datetime") or "").strip()
        if not value:
            continue
        hint = " ".join(node.get(a) or "" for a in ("itemprop", "class", "pubdate", "id")).lower()
        if "updat" in hint or "modif" in hint:
            continue
        (
            marked if "publish" in hint or "pubdate" in hint or node.get("pubdate") is not None else plain
        ).append(value)
    return marked + plain


def _authors(
    tree: lxml.html.HtmlElement | None,
    ld: list[dict[str, Any]],
    found: dict[str, Any],
    where: tuple[str | None, str | None, str | None],
    rendered: _Rendered,
) -> tuple[str, ...]:
    """Return the authors from JSON-LD, meta tags, the visible byline or trafilatura, without site names.

    ``where`` is (publisher, url, title). A page of posts by several people has no single author.
    """
    publisher, url, title = where
    reject = [publisher] if publisher else []
    marked = marked_names(tree, reject) if tree is not None else []
    if is_thread(url, marked):
        return ()
    host = host_key(url)
    for names in _author_sources(tree, ld, found, (reject, title), rendered):
        kept = tuple(n for n in names if not is_site_name(n, publisher, host))
        if kept:
            return kept
    return ()


def _author_sources(
    tree: lxml.html.HtmlElement | None,
    ld: list[dict[str, Any]],
    found: dict[str, Any],
    context: tuple[list[str], str | None],
    rendered: _Rendered,
) -> Iterator[tuple[str, ...]]:
    """Yield candidate author lists, strongest source first (read lazily: the byline costs a render).

    ``context`` is (the names to reject, the headline).
    """
    reject, title = context
    raw = [person for obj in ld for person in _ld_people(obj.get("author"))]
    raw += [m for m in _meta(tree, "author", "article:author", "byl", "dc.creator") if "://" not in m]
    for source in raw:
        yield parse_byline(source, reject=reject) or split_authors(source, reject=reject)
    lines = rendered.text.splitlines() if tree is not None else []
    if tree is not None:
        heads = [title or "", *(_text(h) for h in tree.iter("h1"))]
        yield header_authors(lines, heads, reject)
    searched = found.get("author") or (extract_author(tree) if tree is not None else None)
    for source in (a.strip() for a in str(searched or "").split(";")):
        yield parse_byline(source, reject=reject) or split_authors(source, reject=reject)
    yield bio_author(lines, reject)


def _ld_people(value: Any) -> list[str]:
    """Return the names of the JSON-LD authors that are people (organisations are left out)."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict) and item.get("@type") not in ("Organization", "NewsMediaOrganization"):
            name = _ld_name(item)
            names += [name] if name else []
        elif isinstance(item, str):
            names.append(item)
    return [", ".join(names)] if names else []


def _strip_wire_prefix(paragraph: str, publisher: str | None) -> str:
    """Return the first paragraph without a leading "Site - " credit ("PanARMENIAN.Net - Verified ...")."""
    match = re.match(r"^(?P<site>[^\s].{1,40}?)\s+[-–—]\s+(?=\S)", paragraph)
    if match and publisher and _is_site(match["site"], normalize(publisher).replace(" ", "")):
        return paragraph[match.end() :]
    return paragraph


def _paragraphs(text: str, title: str | None) -> tuple[str, ...]:
    """Return trafilatura's body lines without the headline, bylines, datelines and notices."""
    seen = {normalize(title or "")}
    kept: list[str] = []
    for index, raw in enumerate(_LIST_MARK.sub("", line).strip() for line in text.split("\n")):
        key = normalize(raw)
        if not key or key in seen:
            continue
        seen.add(key)
        if classify_line(index, raw).kind in _DROPPED_KINDS:
            continue
        kept.append(raw)
    return tuple(kept)
