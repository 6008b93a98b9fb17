"""Article checks against page gold: title, publication time, authors, clean body, start and end.

Each check is true or false; only the checks the gold supports are made (see
``shared/gold/e2e-dev/README.md``, "How a run is scored"). The seed page adds
publisher, page date and language checks; a paragraph count is checked wherever
the gold gives a number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from newsevents.evaluate.gold import ArticleGold, PageGold
from newsevents.model import Article

#: How many characters at each end of the body may hold the gold start and end strings.
EDGE_CHARS = 400
#: Largest gap between a predicted and a gold publication instant that still matches.
INSTANT_TOLERANCE_S = 60.0

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """The article checks of one page, in a fixed order: ``(name, passed)`` pairs."""

    checks: tuple[tuple[str, bool], ...] = ()

    @property
    def passed(self) -> int:
        """Number of checks that passed."""
        return sum(ok for _, ok in self.checks)

    @property
    def total(self) -> int:
        """Number of checks made."""
        return len(self.checks)

    def get(self, name: str) -> bool | None:
        """Return the result of one check, None when it was not made."""
        return next((ok for check, ok in self.checks if check == name), None)


def normalize_name(text: str) -> str:
    """Return a title or name lower-cased, without punctuation and with single spaces."""
    text = unicodedata.normalize("NFKC", text).casefold()
    out = []
    for char in text:
        category = unicodedata.category(char)
        if category == "Pd":
            out.append(" ")
        elif category[0] not in "PS":
            out.append(char)
    return _SPACE.sub(" ", "".join(out)).strip()


def normalize_text(text: str) -> str:
    """Return body text in NFKC with every run of whitespace made one space."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def same_published(predicted: str | None, gold: str) -> bool:
    """Return True when a predicted publication time agrees with the gold one.

    Gold without a time matches the same day (or month, year); gold with a time
    and offset matches the same instant within a minute, and only a prediction
    that has an offset too.
    """
    if not predicted:
        return False
    if "T" not in gold:
        return predicted[: len(gold)] == gold
    gold_dt, pred_dt = _parse_instant(gold), _parse_instant(predicted)
    if gold_dt is None or pred_dt is None or len(predicted.strip()) <= 10:
        return False
    if gold_dt.tzinfo is None:
        pred_dt = pred_dt.replace(tzinfo=None)
    elif pred_dt.tzinfo is None:
        return False
    return abs((pred_dt - gold_dt).total_seconds()) <= INSTANT_TOLERANCE_S


def _parse_instant(value: str) -> datetime | None:
    """Return an ISO 8601 date-time, None when it does not parse."""
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def body_text(article: Article) -> str:
    """Return the body the start/end and clean checks read: paragraphs joined by newlines."""
    return normalize_text("\n".join(article.paragraphs))


def score_article(article: Article | None, gold: PageGold) -> ArticleScore:
    """Return the article checks the gold supports; every check fails when there is no article."""
    names = _check_names(gold)
    if article is None:
        return ArticleScore(tuple((name, False) for name in names))
    body = body_text(article)
    return ArticleScore(tuple((name, _check(name, article, body, gold.article)) for name in names))


def _check_names(gold: PageGold) -> tuple[str, ...]:
    """Return the names of the checks this gold supports, in report order."""
    art = gold.article
    wanted = {
        "title": art.title is not None,
        "published": art.published is not None,
        "authors": art.authors is not None,
        "clean": bool(art.not_in_body),
        "start_end": art.body_starts_with is not None or art.body_ends_with is not None,
        "paragraphs": art.paragraphs is not None,
        "publisher": gold.seed and art.publisher is not None,
        "page_date": gold.seed and art.page_date is not None,
        "language": gold.seed and art.language is not None,
    }
    return tuple(name for name, ok in wanted.items() if ok)


def _check(name: str, article: Article, body: str, gold: ArticleGold) -> bool:
    """Return the result of one named check."""
    if name == "title":
        return article.title is not None and normalize_name(article.title) == normalize_name(gold.title or "")
    if name == "published":
        return same_published(article.published, gold.published or "")
    if name == "authors":
        return {normalize_name(a) for a in article.authors} == {normalize_name(a) for a in gold.authors or ()}
    if name == "clean":
        return not any(normalize_text(text) in body for text in gold.not_in_body)
    if name == "start_end":
        return _starts_and_ends(body, gold.body_starts_with, gold.body_ends_with)
    if name == "paragraphs":
        return len(article.paragraphs) == gold.paragraphs
    if name == "publisher":
        return normalize_name(article.publisher or "") == normalize_name(gold.publisher or "")
    if name == "page_date":
        return (article.page_date or "")[:10] == gold.page_date
    return (article.language or "").lower() == (gold.language or "").lower()


def _starts_and_ends(body: str, start: str | None, end: str | None) -> bool:
    """Return True when the gold start and end strings sit near the body's two ends."""
    if start is not None:
        start = normalize_text(start)
        if start not in body[: max(EDGE_CHARS, len(start))]:
            return False
    if end is not None:
        end = normalize_text(end)
        if end not in body[-max(EDGE_CHARS, len(end)) :]:
            return False
    return True
