"""Authors of HTML pages as readers see them: the byline under the headline and author-marked markup.

Pages stripped of their scripts (or never given JSON-LD) still show who wrote them: "By A and B",
"Posted by A", "A | Senior Writer | July 2, 2025", "A - 12/03/2026", or an element whose class says
``author``. A page that is a thread of posts (a forum or Q&A page, told by its URL path or by many
author-marked names outside its comments) has no single author. Names that are the site's own name
(the publisher or the host name), desks, roles and interface words are never authors.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from urllib.parse import urlparse

import lxml.html  # type: ignore[import-untyped]

from newsevents.article.byline import parse_byline, split_authors
from newsevents.article.dates import read_dateline
from newsevents.article.lines import is_prose, normalize

_AUTHOR_MARK = re.compile(r"\b(?:author|byline|writer|username|user-name|poster)\b|author", re.I)
_COMMENT_MARK = re.compile(r"comment|reply|respons|discussion", re.I)
_SEGMENTS = re.compile(r"\s+[|•·–—-]\s+|\s*\|\s*")
_HEADER_SPAN = 14
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|story)\s+by|by|authors?)\s*:?$", re.I
)  # lines after the headline that may hold the byline
_MULTI_POST_NAMES = 5
_THREAD_PATH = re.compile(
    r"/(?:forums?|threads?|topics?|questions|discussions?|community|viewtopic(?:\.php)?|boards?|t)(?:/|$)",
    re.I,
)


def host_key(url: str | None) -> str:
    """Return the page's host without ``www.`` and its top-level domain, letters only ("wral")."""
    host = (urlparse(url).hostname or "") if url else ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp")]
    core = labels[:-1] if len(labels) > 1 else labels
    return re.sub(r"[^a-z0-9]", "", "".join(core).lower())


def is_site_name(name: str, publisher: str | None, host: str) -> bool:
    """Whether an author name is really the site's name (its publisher name or its host name).

    A personal site is often named after its author ("Jane Roe", janeroe.com), so only a brand-like
    name is rejected: one word, a word in capitals ("XLAB Steampunk") or more than three words.
    """
    key = re.sub(r"[^a-z0-9]", "", normalize(name))
    words = name.split()
    brand = len(words) == 1 or len(words) > 3 or any(w.isupper() and len(w) > 1 for w in words)
    if len(key) < 4 or not brand:
        return False
    site = re.sub(r"[^a-z0-9]", "", normalize(publisher or ""))
    if site and (key == site or (len(site) >= 4 and (site in key or key in site))):
        return True
    return bool(host) and (key in host or (len(host) >= 5 and host in key))


def header_authors(lines: Sequence[str], titles: Sequence[str], reject: Iterable[str]) -> tuple[str, ...]:
    """Return the authors of the byline near the headline in a page's rendered lines.

    An explicit byline ("By A", "A | Writer | July 2, 2025", "Author:" over a name) wins; else a
    line that is only a person's name, between the headline and the first sentence of prose.
    ``titles`` are the headline's candidates (the title found, the page's h1s), the first found wins.
    """
    start = next((i for i in (_title_index(lines, t) for t in titles) if i is not None), None)
    if start is None:
        return ()
    rejected = list(reject)
    window = list(lines[max(0, start - 2) : start + _HEADER_SPAN])
    for index, line in enumerate(window):
        if _BYLINE_LABEL.match(line) and index + 1 < len(window):
            line = f"By {window[index + 1]}"
        found = parse_byline(line, reject=rejected) or _dated_name(line, rejected)
        if found:
            return found
    for index in range(start + 1, min(len(lines), start + _HEADER_SPAN)):
        if is_prose(lines[index]):
            break
        if _is_bare_name(lines[index], rejected) and _near_dateline(lines, index):
            return (lines[index].strip(),)
    return ()


_BIO_VERB = re.compile(r"^(?:is|was|has|had|writes|covers|joined|holds|leads|serves)\b")
_PERSON_CUE = re.compile(
    r"\b(?:he|she|his|her|him|they|their|writer|journalist|editor|author|reporter|correspondent|"
    r"contributor|columnist|years|experience|graduated?|degree|lives|based in)\b",
    re.I,
)  # a bio says something only a person is or has


def bio_author(lines: Sequence[str], reject: Iterable[str]) -> tuple[str, ...]:
    """Return the name of an author box: a line that is only a name, then a bio opening with it.

    "Jane Roe" followed within two lines by "Jane Roe is a reporter who covers ..." names the author.
    """
    rejected = list(reject)
    for index, line in enumerate(lines):
        name = line.strip()
        if not name or not _is_bare_name(name, rejected):
            continue
        for following in lines[index + 1 : index + 4]:
            rest = following.strip()
            bio = rest[len(name) + 1 :]
            if rest.startswith(f"{name} ") and _BIO_VERB.match(bio) and _PERSON_CUE.search(bio[:300]):
                return (name,)
    return ()


def _is_bare_name(line: str, reject: list[str]) -> bool:
    """Whether a line is only one person's name of two or three words."""
    if not 2 <= len(line.split()) <= 3 or line.split()[0].lower() in ("by", "the"):
        return False
    names = split_authors(line, reject=reject)
    return len(names) == 1 and names[0] == line.strip()


def _near_dateline(lines: Sequence[str], index: int) -> bool:
    """Whether a dateline is within two lines of ``index``."""
    return any(
        read_dateline(lines[i]) for i in range(max(0, index - 2), min(len(lines), index + 3)) if i != index
    )


def _title_index(lines: Sequence[str], title: str | None) -> int | None:
    """Return the index of the headline among the rendered lines, or None."""
    key = normalize(title or "")
    if not key:
        return None
    return next((i for i, line in enumerate(lines) if normalize(line) == key), None)


def _dated_name(line: str, reject: list[str]) -> tuple[str, ...]:
    """Return the name of a "Name | Role | Date" or "Name - Date" line, or nothing."""
    parts = [p.strip() for p in _SEGMENTS.split(line) if p.strip()]
    if not 2 <= len(parts) <= 5 or len(line) > 120:
        return ()
    if not any(read_dateline(p) for p in parts[1:]):
        return ()
    names = split_authors(parts[0], reject=reject)
    return names if 1 <= len(names) <= 3 and all(len(n.split()) >= 2 for n in names) else ()


def marked_names(tree: lxml.html.HtmlElement, reject: Iterable[str]) -> list[tuple[str, ...]]:
    """Return the names in author-marked elements outside comments, in page order."""
    rejected = list(reject)
    found: list[tuple[str, ...]] = []
    for node in tree.iter():
        if not isinstance(node.tag, str) or node.tag in ("meta", "link", "script", "style"):
            continue
        mark = " ".join(node.get(a) or "" for a in ("class", "itemprop", "rel", "id"))
        if not _AUTHOR_MARK.search(mark) or _in_comments(node):
            continue
        text = re.sub(r"\s+", " ", node.text_content() or "").strip()
        if not text or len(text) > 80:
            continue
        names = parse_byline(text, reject=rejected) or split_authors(text, reject=rejected)
        if names:
            found.append(names)
    return found


def _in_comments(node: lxml.html.HtmlElement) -> bool:
    """Whether an element sits inside a comment or reply section."""
    for element in (node, *node.iterancestors()):
        if _COMMENT_MARK.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            return True
    return False


def is_thread(url: str | None, marked: Sequence[tuple[str, ...]]) -> bool:
    """Whether a page is a thread of posts (forum, Q&A) rather than an article with a byline.

    Told by a thread-like URL path or by many different author-marked names outside comments.
    """
    parts = urlparse(url) if url else None
    if parts and _THREAD_PATH.search(f"{parts.path}?{parts.query}"):
        return True
    distinct = {normalize(name) for names in marked for name in names}
    return len(distinct) >= _MULTI_POST_NAMES
