"""The benchmark: end-to-end articles/s beside the raw spaCy parse rate on the same text.

Speed is measured here, never in unit tests. The raw parse rate is the ceiling:
``nlp.pipe`` over the same paragraphs, with the same pipeline, in the same process.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.model import Article
from newsevents.settings import Settings


@dataclass(frozen=True, slots=True)
class BenchReport:
    """What one benchmark run measured."""

    articles: int
    words: int
    events: int
    pipeline_s: float
    articles_only_s: float
    parse_s: float
    coding_s: float
    peak_rss_mb: float
    tables_s: float = 0.0
    tables_mb: float = 0.0

    def __str__(self) -> str:
        per = self.articles / self.pipeline_s if self.pipeline_s else 0.0
        words = self.words / self.parse_s if self.parse_s else 0.0
        overhead = self.coding_s / self.parse_s * 100 if self.parse_s else 0.0
        return "\n".join(
            [
                f"articles            {self.articles} ({self.words} words, {self.events} events)",
                f"end to end          {per:8.1f} articles/s  ({self.words / self.pipeline_s:,.0f} words/s)",
                f"article stage only  {self.articles / self.articles_only_s:8.1f} articles/s",
                f"raw spaCy parse     {self.articles / self.parse_s:8.1f} articles/s  ({words:,.0f} words/s)",
                f"actors + events     {self.coding_s:8.3f} s = {overhead:.1f}% of the parse time",
                f"peak memory         {self.peak_rss_mb:8.0f} MB (max RSS of this process)",
                f"actor tables        {self.tables_s:8.3f} s to load, {self.tables_mb:.0f} MiB traced at peak"
                " (lexicon, leaders, gazetteer)",
            ]
        )


def _timed_articles(inputs: Sequence[str], settings: Settings, repeat: int) -> tuple[list[Article], float]:
    """Return the articles of ``inputs`` and the time the article stage took over ``repeat`` passes."""
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline(settings, articles_only=True)
    start = time.perf_counter()
    articles: list[Article] = []
    for _ in range(repeat):
        articles = [r.article for r in pipeline.run(inputs) if r.article is not None]
    return articles, time.perf_counter() - start


def run_bench(inputs: Sequence[str], *, settings: Settings, repeat: int = 3) -> BenchReport:
    """Run the pipeline ``repeat`` times over ``inputs`` and return what was measured."""
    from newsevents.actors.gazetteer import benchmark_tables
    from newsevents.nlp import parse
    from newsevents.pipeline import Pipeline

    tables = benchmark_tables()
    pipeline = Pipeline(settings)
    pipeline.coder  # noqa: B018 - load tables and model before timing
    parse(pipeline.nlp, ["Warm-up sentence for the parser."])
    articles, articles_only_s = _timed_articles(inputs, settings, repeat)
    start = time.perf_counter()
    events = 0
    for _ in range(repeat):
        events = sum(len(r.events) for r in pipeline.run(inputs))
    pipeline_s = time.perf_counter() - start
    parse_s = coding_s = 0.0
    for _ in range(repeat):
        for article in articles:
            t0 = time.perf_counter()
            docs = parse(pipeline.nlp, article.paragraphs, batch_size=settings.batch_size)
            t1 = time.perf_counter()
            pipeline.coder.code_article(article, docs)
            parse_s += t1 - t0
            coding_s += time.perf_counter() - t1
    words = sum(len(p.split()) for a in articles for p in a.paragraphs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return BenchReport(
        articles=len(articles) * repeat,
        words=words * repeat,
        events=events,
        pipeline_s=pipeline_s,
        articles_only_s=articles_only_s,
        parse_s=parse_s,
        coding_s=coding_s,
        peak_rss_mb=peak,
        tables_s=tables["total_s"],
        tables_mb=tables["peak_mib"],
    )
