"""Page scores (article checks + event matching), their summary over a run, and a text table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.evaluate.articles import ArticleScore, score_article
from newsevents.evaluate.gold import PageGold
from newsevents.evaluate.matching import EventScore, score_events
from newsevents.model import Article, Event


@dataclass(frozen=True, slots=True)
class PageScore:
    """The article checks and event counts of one gold page."""

    name: str
    article: ArticleScore
    events: EventScore


def score_page(article: Article | None, events: Sequence[Event], gold: PageGold) -> PageScore:
    """Return the article checks and event matching of one page."""
    return PageScore(name=gold.name, article=score_article(article, gold), events=score_events(events, gold))


def summarize(scores: Sequence[PageScore]) -> dict[str, float]:
    """Return the run's figures: required recall, false events per page, check shares, date accuracy.

    A ratio whose denominator is zero (no dated gold events matched, say) is left out.
    """
    out: dict[str, float] = {"pages": float(len(scores))}
    totals = {
        name: sum(getattr(s.events, name) for s in scores)
        for name in ("required_total", "required_matched", "optional_matched", "predicted", "false_events")
    }
    out.update({name: float(value) for name, value in totals.items()})
    out.update(_ratio("required_recall", totals["required_matched"], totals["required_total"]))
    out.update(_ratio("false_events_per_page", totals["false_events"], len(scores)))
    out.update(_ratio("precision", totals["predicted"] - totals["false_events"], totals["predicted"]))
    for key in ("date", "historical"):
        correct = sum(getattr(s.events, f"{key}_correct") for s in scores)
        out.update(
            _ratio(f"{key}_accuracy", correct, sum(getattr(s.events, f"{key}_checked") for s in scores))
        )
    out["crawl_date_events"] = float(sum(s.events.crawl_date_events for s in scores))
    out.update(_check_shares(scores))
    return out


def _ratio(name: str, part: int, whole: int) -> dict[str, float]:
    """Return ``{name: part / whole}``, or nothing when ``whole`` is zero."""
    return {} if whole == 0 else {name: part / whole}


def _check_shares(scores: Sequence[PageScore]) -> dict[str, float]:
    """Return the share of passed article checks, per check (``article.<name>``) and overall."""
    results: dict[str, list[bool]] = {}
    for score in scores:
        for name, ok in score.article.checks:
            results.setdefault(name, []).append(ok)
    out = {f"article.{name}": sum(oks) / len(oks) for name, oks in results.items()}
    every = [ok for oks in results.values() for ok in oks]
    out.update(_ratio("article.all", sum(every), len(every)))
    return out


def page_rows(scores: Sequence[PageScore]) -> tuple[tuple[str, ...], list[tuple[object, ...]]]:
    """Return a header and one row per page for :func:`format_table`."""
    header = ("page", "checks", "required", "optional", "false", "dates", "historical")
    rows: list[tuple[object, ...]] = []
    for s in scores:
        ev = s.events
        rows.append(
            (
                s.name,
                f"{s.article.passed}/{s.article.total}",
                f"{ev.required_matched}/{ev.required_total}",
                f"{ev.optional_matched}/{ev.optional_total}",
                ev.false_events,
                f"{ev.date_correct}/{ev.date_checked}",
                f"{ev.historical_correct}/{ev.historical_checked}",
            )
        )
    return header, rows


def format_table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Return rows as a plain aligned text table: numbers right-aligned, floats with 3 decimals."""
    cells = [[str(h) for h in header]] + [[_cell(value) for value in row] for row in rows]
    numeric = [all(_is_number(row[i]) for row in rows) and bool(rows) for i in range(len(header))]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = []
    for line in cells:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(line, widths, numeric, strict=True)]
        lines.append("  ".join(parts).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    """Return the text of one table cell."""
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def _is_number(value: object) -> bool:
    """Return True for ints and floats (not bools)."""
    return isinstance(value, int | float) and not isinstance(value, bool)
