"""Article extraction against the extraction dev sets in ``shared/gold/extraction-dev``.

Unlike the rest of this package, this module runs an extractor: it reads each set in its own
format, extracts every page with newsevents (and, in the same run, with plain trafilatura as the
baseline) and scores body, title, publication day, time zone and authors.

- ``scrapinghub-aeb``: gold article bodies (``ground-truth.json``);
- ``wcxb-test``: gold body, title, author and publication day per page (``ground-truth/*.json``);
- ``htmldate-mediacloud``: gold publication day (``eval_mediacloud_2020.json``; ``NaN`` = no date);
- ``plaintext``: the HTML pages of the first two sets rendered to scraper-style text dumps in
  memory (:func:`newsevents.article.htmltext.render_text`) and read as dumps; body only.

Scores: body word-F1 is the mean over pages of the bag-of-words F1 of lower-cased ``\\w+`` tokens
(WCXB's metric); a title is exact when equal after Unicode, quote, dash, space and case
normalisation; the day is right when the calendar day matches (a page without a gold date is right
when nothing is found); authors are right when the set of names matches; a spurious author is any
author found on a WCXB page whose gold has none.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from newsevents.article import extract_article
from newsevents.article.htmltext import render_text
from newsevents.errors import DataError, Msg, NewsEventsError
from newsevents.evaluate.articles import normalize_name
from newsevents.ingest import iter_pages
from newsevents.model import Page

logger = logging.getLogger(__name__)

SETS = ("scrapinghub-aeb", "wcxb-test", "htmldate-mediacloud", "plaintext")
SYSTEMS = ("newsevents", "trafilatura")
_TOKEN = re.compile(r"\w+")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*", re.I)
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


@dataclass(frozen=True, slots=True)
class ExtractionGold:
    """One gold page: where its HTML is and what is annotated (None = not annotated)."""

    set: str
    name: str
    path: Path
    url: str | None
    body: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    day: str | None = None
    day_scored: bool = False
    page_type: str | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one system extracted from one page, and how long it took."""

    body: str
    title: str | None
    published: str | None
    authors: tuple[str, ...]
    seconds: float


@dataclass(frozen=True, slots=True)
class MetricRow:
    """One line of the report: a metric, the pages it counts, and its value per system."""

    name: str
    pages: int
    values: tuple[float | None, ...]


@dataclass(frozen=True, slots=True)
class ExtractionReport:
    """The extraction scores of newsevents (and the trafilatura baseline) on the dev sets."""

    systems: tuple[str, ...]
    rows: tuple[MetricRow, ...]

    def value(self, metric: str, system: str = "newsevents") -> float | None:
        """Return one system's value of one metric (None when it was not measured)."""
        row = next((r for r in self.rows if r.name == metric), None)
        return None if row is None else row.values[self.systems.index(system)]

    def __str__(self) -> str:
        """Return the report as a text table, one metric per line."""
        width = max([len(r.name) for r in self.rows] + [6])
        head = f"{'metric':<{width}}  {'pages':>5}" + "".join(f"  {s:>11}" for s in self.systems)
        lines = [head, "-" * len(head)]
        for row in self.rows:
            cells = "".join(f"  {_cell(v):>11}" for v in row.values)
            lines.append(f"{row.name:<{width}}  {row.pages:>5}{cells}")
        return "\n".join(lines)


def _cell(value: float | None) -> str:
    """Return a table cell: three decimals, one for rates above 10, a dash when not measured."""
    if value is None:
        return "-"
    return f"{value:.1f}" if value >= 10 else f"{value:.3f}"


# -- gold sets ------------------------------------------------------------------------------------


def load_extraction_gold(shared: Path, name: str) -> list[ExtractionGold]:
    """Return the gold pages of one extraction dev set (``plaintext`` reuses the HTML sets' bodies)."""
    folder = shared / "gold" / "extraction-dev"
    loaders: dict[str, Callable[[Path], list[ExtractionGold]]] = {
        "scrapinghub-aeb": _load_aeb,
        "wcxb-test": _load_wcxb,
        "htmldate-mediacloud": _load_mediacloud,
    }
    if name == "plaintext":
        pages = _load_aeb(folder / "scrapinghub-aeb") + _load_wcxb(folder / "wcxb-test")
        return [dataclasses.replace(g, set="plaintext") for g in pages if g.page_type in (None, "article")]
    if name not in loaders:
        raise DataError(Msg.E593, name=name, known=", ".join(SETS))
    if not (folder / name).is_dir():
        raise DataError(Msg.E591, path=folder / name, reason="the extraction dev set is missing")
    return loaders[name](folder / name)


def _read_json(path: Path) -> Any:
    """Return the JSON value of a gold file, or raise DataError naming it."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(Msg.E591, path=path, reason=f"{type(exc).__name__}: {exc}") from exc


def _load_aeb(folder: Path) -> list[ExtractionGold]:
    """Return the scrapinghub-aeb pages that have HTML here (bodies only)."""
    truth = _read_json(folder / "ground-truth.json")
    pages = []
    for key, item in sorted(truth.items()):
        path = folder / "html" / f"{key}.html.gz"
        if path.is_file():
            pages.append(
                ExtractionGold("scrapinghub-aeb", key, path, item.get("url"), body=item["articleBody"])
            )
    return pages


def _load_wcxb(folder: Path) -> list[ExtractionGold]:
    """Return the wcxb-test pages: body, title, authors and day (a null day is not scored)."""
    pages = []
    for gold_path in sorted((folder / "ground-truth").glob("*.json")):
        raw = _read_json(gold_path)
        gold, key = raw["ground_truth"], str(raw["file_id"])
        author = gold.get("author")
        page_type = raw.get("_internal", {}).get("page_type", {}).get("primary") or raw.get("page_type")
        pages.append(
            ExtractionGold(
                "wcxb-test", key, folder / "html" / f"{key}.html.gz", raw.get("url"),
                body=gold.get("main_content"), title=gold.get("title"),
                authors=gold_authors(author) if author else (), day=gold.get("publish_date"),
                day_scored=bool(gold.get("publish_date")), page_type=page_type,
            )
        )  # fmt: skip
    return [p for p in pages if p.path.is_file()]


def _load_mediacloud(folder: Path) -> list[ExtractionGold]:
    """Return the htmldate-mediacloud pages that have HTML here (a NaN day means no date)."""
    truth = _read_json(folder / "eval_mediacloud_2020.json")
    pages = []
    for url, item in truth.items():
        path = folder / "html" / f"{item['file']}.gz"
        day = item.get("date")
        day = day if isinstance(day, str) else None  # json reads NaN as float nan
        if path.is_file():
            pages.append(
                ExtractionGold("htmldate-mediacloud", item["file"], path, url, day=day, day_scored=True)
            )
    return sorted(pages, key=lambda p: p.name)


def gold_authors(text: str) -> tuple[str, ...]:
    """Return the names of a gold author string ("A, B", "A and B", "A with B"), credentials dropped."""
    parts = [p.strip() for p in _AUTHOR_SPLIT.split(text) if p.strip()]
    return tuple(p for p in parts if not (p.replace("®", "").isupper() and len(p) <= 6))


# -- systems --------------------------------------------------------------------------------------


def load_page(gold: ExtractionGold) -> Page:
    """Return the gold page's HTML as the ingest stage reads it, with the gold URL."""
    for item in iter_pages([str(gold.path)]):
        if isinstance(item, Page):
            return dataclasses.replace(item, url=gold.url)
        raise DataError(Msg.E591, path=gold.path, reason=item.message)
    raise DataError(Msg.E591, path=gold.path, reason="no page read")


def predict_newsevents(page: Page) -> Prediction:
    """Return what newsevents extracts from a page (empty when it finds no article)."""
    start = time.perf_counter()
    try:
        article = extract_article(page)
    except NewsEventsError as exc:
        logger.debug("%s: %s", page.input_id, exc)
        return Prediction("", None, None, (), time.perf_counter() - start)
    body = "\n\n".join(article.paragraphs)
    return Prediction(body, article.title, article.published, article.authors, time.perf_counter() - start)


def predict_trafilatura(page: Page) -> Prediction:
    """Return what plain trafilatura (default settings, metadata on) extracts from a page."""
    start = time.perf_counter()
    try:
        doc = trafilatura.bare_extraction(page.text, url=page.url, with_metadata=True)
    except Exception as exc:  # the baseline failing on one page is that page's empty result
        logger.debug("trafilatura failed on %s: %s", page.input_id, exc)
        doc = None
    found: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else dict(doc or {})
    authors = tuple(a.strip() for a in str(found.get("author") or "").split(";") if a.strip())
    return Prediction(
        str(found.get("text") or ""),
        found.get("title") or None,
        found.get("date") or None,
        authors,
        time.perf_counter() - start,
    )


PREDICTORS: dict[str, Callable[[Page], Prediction]] = {
    "newsevents": predict_newsevents,
    "trafilatura": predict_trafilatura,
}


def as_text_dump(page: Page) -> Page:
    """Return the page rendered to a plain-text dump, as a scraper would have saved it."""
    return dataclasses.replace(page, text=render_text(page.text), format="text")


# -- scores ---------------------------------------------------------------------------------------


def word_f1(predicted: str, gold: str) -> float:
    """Return the bag-of-words F1 of lower-cased ``\\w+`` tokens (1.0 when both are empty)."""
    pred, want = Counter(_TOKEN.findall(predicted.lower())), Counter(_TOKEN.findall(gold.lower()))
    if not pred and not want:
        return 1.0
    overlap = sum((pred & want).values())
    if overlap == 0:
        return 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def same_title(predicted: str | None, gold: str) -> bool:
    """Whether a title equals the gold after Unicode, quote, dash, space and case normalisation."""

    def key(text: str) -> str:
        text = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY)
        return re.sub(r"\s+", " ", text).strip().casefold()

    return predicted is not None and key(predicted) == key(gold)


def same_authors(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """Whether the predicted author names are the gold names (order, case and punctuation aside)."""
    names = {normalize_name(n) for p in predicted for n in gold_authors(p)}
    return names == {normalize_name(n) for n in gold}


def has_time_offset(published: str | None) -> bool:
    """Whether a published value carries a time of day and a UTC offset."""
    return bool(published and re.search(r"T\d{2}:\d{2}.*(?:[+-]\d{2}:?\d{2}|Z)$", published))


@dataclass(frozen=True, slots=True)
class PageResult:
    """One gold page and one system's prediction for it."""

    gold: ExtractionGold
    system: str
    prediction: Prediction


def predict_pages(
    golds: Sequence[ExtractionGold], systems: Sequence[str], *, text_dump: bool = False
) -> Iterator[PageResult]:
    """Yield every system's prediction for every gold page (pages read once, in order)."""
    for gold in golds:
        try:
            page = load_page(gold)
        except DataError as exc:
            logger.warning("%s", exc)
            continue
        if text_dump:
            page = as_text_dump(page)
        for system in systems:
            yield PageResult(gold, system, PREDICTORS[system](page))


def _mean(values: Sequence[float]) -> float | None:
    """Return the mean of the values, or None when there are none."""
    return sum(values) / len(values) if values else None


def _metric(
    name: str,
    results: Sequence[PageResult],
    systems: Sequence[str],
    select: Callable[[ExtractionGold], bool],
    score: Callable[[PageResult], float],
) -> MetricRow:
    """Return a metric row: the mean ``score`` per system over the pages ``select`` keeps."""
    per_system = {s: [score(r) for r in results if r.system == s and select(r.gold)] for s in systems}
    count = max((len(v) for v in per_system.values()), default=0)
    return MetricRow(name, count, tuple(_mean(per_system[s]) for s in systems))


def _day_right(result: PageResult) -> float:
    """Return 1.0 when the predicted publication day is the gold day (or both are absent)."""
    published = result.prediction.published
    predicted = published[:10] if published and len(published) >= 10 else None
    return float(predicted == result.gold.day)


def _author_right(result: PageResult) -> float:
    """Return 1.0 when the predicted authors are the gold authors."""
    return float(same_authors(result.prediction.authors, result.gold.authors or ()))


def _speed_row(results: Sequence[PageResult], systems: Sequence[str]) -> MetricRow:
    """Return the HTML pages per second of extraction time, per system."""
    values: list[float | None] = []
    count = 0
    for system in systems:
        times = [r.prediction.seconds for r in results if r.system == system and r.gold.set != "plaintext"]
        count = max(count, len(times))
        values.append(len(times) / sum(times) if times and sum(times) > 0 else None)
    return MetricRow("HTML pages/s (one core)", count, tuple(values))


def _body(result: PageResult) -> float:
    """Return the body word-F1 of one page."""
    return word_f1(result.prediction.body, result.gold.body or "")


def _html(gold: ExtractionGold) -> bool:
    """Whether a gold page is scored as HTML (not as a rendered text dump)."""
    return gold.set != "plaintext"


Select = Callable[[ExtractionGold], bool]
Score = Callable[[PageResult], float]

#: The report's metrics: name, which pages count, how one page scores.
METRICS: tuple[tuple[str, Select, Score], ...] = (
    ("body word-F1 scrapinghub-aeb", lambda g: g.set == "scrapinghub-aeb" and g.body is not None, _body),
    ("body word-F1 wcxb-test", lambda g: g.set == "wcxb-test" and g.body is not None, _body),
    ("body word-F1 wcxb articles", lambda g: g.set == "wcxb-test" and g.page_type == "article", _body),
    ("body word-F1 HTML (all)", lambda g: _html(g) and g.body is not None, _body),
    ("body word-F1 plaintext dumps", lambda g: g.set == "plaintext" and g.body is not None, _body),
    ("title exact", lambda g: _html(g) and bool(g.title),
     lambda r: float(same_title(r.prediction.title, r.gold.title or ""))),
    ("publication day", lambda g: _html(g) and g.day_scored, _day_right),
    ("time+offset share", lambda g: _html(g) and bool(g.day),
     lambda r: float(has_time_offset(r.prediction.published))),
    ("author accuracy", lambda g: _html(g) and bool(g.authors), _author_right),
    ("spurious-author rate", lambda g: _html(g) and g.authors == (),
     lambda r: float(bool(r.prediction.authors))),
)  # fmt: skip


def score_results(results: Sequence[PageResult], systems: Sequence[str]) -> tuple[MetricRow, ...]:
    """Return the report rows for a run's page results (metrics with no pages are left out)."""
    rows = [_metric(name, results, systems, select, score) for name, select, score in METRICS]
    rows.append(_speed_row(results, systems))
    return tuple(row for row in rows if row.pages)


def run_extraction_evaluation(
    shared: Path,
    *,
    sets: Sequence[str] = SETS,
    baseline: bool = True,
) -> ExtractionReport:
    """Extract every page of the chosen dev sets with newsevents (and trafilatura) and score them."""
    systems = SYSTEMS if baseline else SYSTEMS[:1]
    results: list[PageResult] = []
    for name in sets:
        golds = load_extraction_gold(shared, name)
        results.extend(predict_pages(golds, systems, text_dump=name == "plaintext"))
    return ExtractionReport(systems, score_results(results, systems))
