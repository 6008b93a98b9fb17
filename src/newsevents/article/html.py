"""HTML pages: trafilatura for the body, plus a small lxml pass for the page's own metadata.

trafilatura finds the article body and a publication day; the page's ``article:published_time``,
JSON-LD ``datePublished`` and ``<time datetime>`` usually also give the time and UTC offset, which
we keep. Titles lose their site prefix or suffix ("Headline - Site"); authors are split and site
names or desks ("Staff") are dropped.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlparse

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]
import trafilatura

from newsevents.article.byline import parse_byline, split_authors
from newsevents.article.dates import Stamp, parse_stamp, read_dateline
from newsevents.article.draft import Draft
from newsevents.article.lines import classify_line, normalize
from newsevents.article.textdump import clean_site_name

logger = logging.getLogger(__name__)

_PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "date", "article.published",
    "cxenseparse:recs:publishtime",
)  # fmt: skip
_TITLE_SEPARATORS = re.compile(r"\s+(?:[-|–—·»]|::)\s+")
_LEGAL_SUFFIX = re.compile(r",?\s+(?:LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|GmbH|S\.A\.|PLC|plc|Corp\.?)$")
_DATE_HINT = re.compile(r"date|time|publish|posted|dateline|byline|meta", re.I)
_DROPPED_KINDS = frozenset({"date", "byline", "boiler", "heading", "rule"})


def parse_html(html: str, *, url: str | None = None) -> Draft:
    """Return the article of an HTML page; trafilatura errors propagate to the caller."""
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        favor_precision=True,
        with_metadata=True,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    found: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else dict(doc or {})
    tree = _parse_tree(html)
    ld = list(_json_ld(tree)) if tree is not None else []
    publisher = _publisher(tree, ld, found, url)
    title = _title(tree, found, publisher)
    published, warnings = _published(tree, ld, found)
    authors = _authors(tree, ld, found, publisher)
    paragraphs = _paragraphs(str(found.get("text") or ""), title)
    if paragraphs:
        paragraphs = (_strip_wire_prefix(paragraphs[0], publisher), *paragraphs[1:])
    return Draft(title, publisher, published, authors, paragraphs, warnings=tuple(warnings))


def _parse_tree(html: str) -> lxml.html.HtmlElement | None:
    """Return the lxml tree of a page, or None when lxml cannot read it."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.fromstring(text)
    except (ValueError, lxml.etree.ParserError) as exc:
        logger.debug("lxml could not parse the page: %s", exc)
        return None


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
    """Return the headline: the h1 that og:title or <title> confirms, else og:title without the site."""
    h1s = [_text(h) for h in tree.iter("h1")] if tree is not None else []
    h1s = [h for h in h1s if len(h.split()) >= 2]
    heads = [*_meta(tree, "og:title", "twitter:title"), str(found.get("title") or "")]
    if tree is not None:
        heads += [_text(t) for t in tree.iter("title")]
    for h1 in h1s:
        if any(normalize(h1) in normalize(head) for head in heads if head):
            return h1
    stripped = [strip_site(head, publisher) for head in heads if head.strip()]
    return next((s for s in stripped if s), h1s[0] if h1s else None)


def _text(node: lxml.html.HtmlElement) -> str:
    """Return the text of an element with its whitespace collapsed."""
    return re.sub(r"\s+", " ", node.text_content() or "").strip()


def strip_site(title: str, publisher: str | None) -> str:
    """Return a page title without the site's name ("Headline - Site", "Site | Headline")."""
    title = re.sub(r"\s+", " ", title).strip()
    cuts = list(_TITLE_SEPARATORS.finditer(title))
    if not cuts:
        return title
    first, last = title[: cuts[0].start()], title[cuts[-1].end() :]
    site = normalize(publisher or "").replace(" ", "")
    if site and _is_site(last, site):
        return title[: cuts[-1].start()].strip()
    if site and _is_site(first, site):
        return title[cuts[0].end() :].strip()
    if not site and len(last.split()) <= 4 and len(last) < len(title) / 2:
        return title[: cuts[-1].start()].strip()
    return title


def _is_site(part: str, site: str) -> bool:
    """Whether one part of a page title is the site's name (``site`` is normalized, no spaces)."""
    key = normalize(part).replace(" ", "")
    return len(key) >= 3 and (key == site or site in key or key in site)


def _published(
    tree: lxml.html.HtmlElement | None, ld: list[dict[str, Any]], found: dict[str, Any]
) -> tuple[Stamp | None, list[str]]:
    """Return the publication stamp: the page's own metadata first, then trafilatura's day."""
    values = _meta(tree, *_PUBLISHED_META)
    values += [str(obj["datePublished"]) for obj in ld if obj.get("datePublished")]
    values += _time_values(tree)
    stamps = [s for s in (parse_stamp(v) for v in values) if s is not None]
    stamps += _visible_datelines(tree)
    timed = [s for s in stamps if s.precision in ("minute", "second")]
    if timed:
        warnings = [] if timed[0].has_offset else ["publication time has no UTC offset"]
        return timed[0], warnings
    if stamps:
        return stamps[0], []
    day = parse_stamp(str(found.get("date") or ""))
    return day, ([] if day else ["no publication date found"])


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
    tree: lxml.html.HtmlElement | None, ld: list[dict[str, Any]], found: dict[str, Any], publisher: str | None
) -> tuple[str, ...]:
    """Return the authors from JSON-LD, author meta tags or trafilatura, without site names."""
    reject = [publisher] if publisher else []
    sources: list[str] = []
    for obj in ld:
        sources += _ld_people(obj.get("author"))
    sources += [m for m in _meta(tree, "author", "article:author", "byl", "dc.creator") if "://" not in m]
    sources += [a.strip() for a in str(found.get("author") or "").split(";")]
    for source in sources:
        authors = parse_byline(source, reject=reject) or split_authors(source, reject=reject)
        if authors:
            return authors
    return ()


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
    title_key = normalize(title or "")
    kept: list[str] = []
    for index, raw in enumerate(line.strip() for line in text.split("\n")):
        if not raw or normalize(raw) == title_key:
            continue
        if classify_line(index, raw).kind in _DROPPED_KINDS:
            continue
        kept.append(raw)
    return tuple(kept)
