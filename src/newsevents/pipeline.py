"""The pipeline: inputs -> pages -> articles -> parsed paragraphs -> actors and events.

Stages are composed as generators, so one article flows through at a time. Every
per-input failure becomes a :class:`~newsevents.model.Problem` on that input's
result; the batch always goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from newsevents.article import extract_article
from newsevents.article.boilerplate import BoilerplateMemory
from newsevents.article.textdump import split_units
from newsevents.errors import ArticleError, Msg
from newsevents.ingest import iter_pages
from newsevents.model import Article, Page, Problem, Result
from newsevents.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from newsevents.events.coder import EventCoder

log = logging.getLogger(__name__)


@dataclass
class RunStats:
    """Counts for the run summary printed on stderr."""

    inputs: int = 0
    articles: int = 0
    events: int = 0
    problems: int = 0
    problem_codes: dict[str, int] = field(default_factory=dict)

    def add(self, result: Result) -> None:
        """Count one result."""
        self.inputs += 1
        self.articles += result.article is not None
        self.events += len(result.events)
        self.problems += len(result.problems)
        for problem in result.problems:
            self.problem_codes[problem.code] = self.problem_codes.get(problem.code, 0) + 1

    def summary(self) -> str:
        """Return the one-line summary of the run."""
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.problem_codes.items()))
        return (
            f"{self.inputs} inputs, {self.articles} articles, {self.events} events, "
            f"{self.problems} problems" + (f" ({codes})" if codes else "")
        )


class Pipeline:
    """Runs inputs through every stage; the spaCy pipeline and tables are loaded once, lazily."""

    def __init__(self, settings: Settings | None = None, *, articles_only: bool = False) -> None:
        self.settings = settings or Settings()
        self.articles_only = articles_only
        self._nlp: Language | None = None
        self._coder: EventCoder | None = None
        self.boilerplate = BoilerplateMemory()

    @property
    def nlp(self) -> Language:
        """Return the spaCy pipeline with the actor EntityRuler (loaded on first use)."""
        if self._nlp is None:
            from newsevents.actors.lexicon import entity_ruler_patterns
            from newsevents.nlp import freeze_patterns, load_pipeline

            patterns = freeze_patterns(entity_ruler_patterns())
            self._nlp = load_pipeline(self.settings.spacy_model, patterns)
        return self._nlp

    @property
    def coder(self) -> EventCoder:
        """Return the event coder (tables loaded on first use)."""
        if self._coder is None:
            from newsevents.events.coder import EventCoder

            self._coder = EventCoder(targetless=self.settings.keep_targetless)
        return self._coder

    def run(self, inputs: Sequence[str], *, stdin: BinaryIO | None = None) -> Iterator[Result]:
        """Yield one Result per input document, in input order."""
        for item in iter_pages(inputs, settings=self.settings, stdin=stdin):
            if isinstance(item, Problem):
                yield Result(item.input_id, None, problems=(item,))
            else:
                yield self.process(item)

    def process(self, page: Page) -> Result:
        """Return the Result for one page; any failure becomes a problem on it."""
        try:
            return self._process(page)
        except ArticleError as exc:
            return _failed(page, exc.code, str(exc), "article")
        except Exception as exc:  # one broken page never stops a batch
            log.exception("internal error on %s", page.input_id)
            message = Msg.E999.format(input=page.input_id, reason=repr(exc))
            return _failed(page, "E999", message, "pipeline")

    def _without_site_boilerplate(self, page: Page, article: Article) -> Article:
        """Drop lines of a text dump that recur on many pages of its site in this run."""
        site = _site_of(page, article)
        if page.format != "text" or site is None:
            return article
        self.boilerplate.feed(site, split_units(page.text))
        kept = self.boilerplate.clean(site, article.paragraphs)
        return replace(article, paragraphs=kept) if kept and kept != article.paragraphs else article

    def _process(self, page: Page) -> Result:
        """Return the Result for one page; errors propagate."""
        article = self._without_site_boilerplate(page, extract_article(page, settings=self.settings))
        if self.articles_only:
            return Result(page.input_id, article)
        language = article.language or "en"
        if language not in self.settings.event_languages:
            message = Msg.E303.format(input=page.input_id, language=language)
            return Result(
                page.input_id, article, problems=(Problem(page.input_id, "E303", message, "events"),)
            )
        from newsevents.nlp import parse, strip_dateline

        texts = [strip_dateline(p) if i < 3 else p for i, p in enumerate(article.paragraphs)]
        docs = parse(self.nlp, texts, batch_size=self.settings.batch_size)
        coded = self.coder.code_article(article, docs)
        events = tuple(e for e in coded.events if e.confidence >= self.settings.min_confidence)
        return Result(page.input_id, article, events, actors=coded.actors)


def _site_of(page: Page, article: Article) -> str | None:
    """Return the group whose pages share boilerplate: the publisher, else the URL's host."""
    if article.publisher:
        return article.publisher.lower()
    return urlsplit(page.url).hostname if page.url else None


def _failed(page: Page, code: str, message: str, stage: str) -> Result:
    """Return a Result that carries only a problem for ``page``."""
    return Result(page.input_id, None, problems=(Problem(page.input_id, code, message, stage, page.line),))
