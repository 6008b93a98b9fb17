"""HTML to a plain-text page dump, the way a scraper saves a rendered page.

Block elements become lines, inline text runs together, scripts, styles and hidden elements are
dropped, and everything a reader sees stays: the site's logo text, menus, the "today" banner, the
headline, datelines, bylines, the body, share bars and footers. The result is what the text-dump
reader (:mod:`newsevents.article.textdump`) is built for; the extraction evaluation renders the
HTML gold pages with it to measure that reader.
"""

from __future__ import annotations

import logging
import re

import lxml.etree  # type: ignore[import-untyped]
import lxml.html  # type: ignore[import-untyped]

logger = logging.getLogger(__name__)

_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tr", "ul",
        "td", "th", "caption", "option", "button", "label", "time",
    }
)  # fmt: skip
_PARAGRAPHS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "table"})
_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "input", "textarea",
     "object", "embed", "canvas", "video", "audio", "map"}
)  # fmt: skip
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_LOGO = re.compile(r"logo|brand|masthead", re.I)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def render_text(html: str) -> str:
    """Return the visible text of an HTML page as lines, paragraphs separated by blank lines."""
    tree = _parse(html)
    return render_tree(tree) if tree is not None else ""


def render_tree(tree: lxml.html.HtmlElement) -> str:
    """Return the visible text of a parsed page as lines, paragraphs separated by blank lines."""
    body = tree.find(".//body")
    parts: list[str] = []
    _walk(body if body is not None else tree, parts)
    return _tidy("".join(parts))


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """Return the lxml tree of a page, or None when there is nothing to parse."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return lxml.html.fromstring(text) if text.strip() else None
    except (ValueError, lxml.etree.ParserError) as exc:
        logger.debug("lxml could not parse the page: %s", exc)
        return None


def _hidden(node: lxml.html.HtmlElement) -> bool:
    """Whether an element is not shown to a reader (hidden attribute, inline style, aria)."""
    if node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    return bool(_HIDDEN_STYLE.search(node.get("style") or ""))


def _walk(node: lxml.html.HtmlElement, parts: list[str]) -> None:
    """Append the visible text of ``node`` and its tail to ``parts``, with line breaks at blocks."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _INVISIBLE or not tag or _hidden(node):
        parts.append(node.tail or "")
        return
    brk = "\n\n" if tag in _PARAGRAPHS else "\n" if tag in _BLOCKS else ""
    parts.append(brk)
    if tag == "img" and _LOGO.search(f"{node.get('class') or ''} {node.get('src') or ''}"):
        parts.append(f" {node.get('alt') or ''} ")
    parts.append(node.text or "")
    for child in node:
        _walk(child, parts)
    parts.append(brk)
    parts.append(node.tail or "")


def _tidy(text: str) -> str:
    """Return rendered text with spaces collapsed, lines trimmed and at most one blank line in a row."""
    lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"
