"""The records that flow between stages, and their JSON form.

Every stage maps one record type to the next (see docs/architecture.md):

    Page  --article-->  Article  --nlp/actors-->  Actor mentions  --events-->  Event

Records are frozen dataclasses; sequences are tuples so that a record can be
hashed and shared between threads. ``to_dict`` gives the JSON form that
``newsevents extract`` prints and that the store writes: the field names are a
contract with outside tools.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

PageFormat = Literal["text", "html", "body"]
Precision = Literal["second", "minute", "day", "month", "year", "unknown"]
ActorKind = Literal["state", "igo", "ngo", "group", "person"]
Modality = Literal["asserted", "intended", "hypothetical", "reported", "demanded"]
DateBasis = Literal["published", "text"]


def content_id(data: bytes | str) -> str:
    """Return the stable content id (sha256 hex) of raw bytes or text."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that went wrong for one input; data, never a crash of the batch."""

    input_id: str
    code: str
    message: str
    stage: str = "ingest"
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Page:
    """One raw input document, decoded to text, before any article parsing.

    ``format`` says how the article stage must read ``text``: ``text`` is a
    scraped plain-text page dump (header, byline and footer included),
    ``html`` is an HTML document, ``body`` is bare article text (a JSONL
    record's ``text``) that needs no boilerplate detection. ``meta`` carries
    fields a container already knows (JSONL ``title``, ``published``,
    ``publisher``; a WARC record's fetch date).
    """

    id: str
    input_id: str
    text: str
    format: PageFormat
    source_path: str | None = None
    url: str | None = None
    line: int | None = None
    meta: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """How an article was extracted, and what looked doubtful on the way."""

    method: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A clean news article: metadata and body paragraphs without boilerplate."""

    id: str
    input_id: str
    title: str | None
    paragraphs: tuple[str, ...]
    extraction: Extraction
    url: str | None = None
    source_path: str | None = None
    publisher: str | None = None
    published: str | None = None
    published_precision: Precision = "unknown"
    page_date: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None

    @property
    def text(self) -> str:
        """The body as one string: paragraphs joined by blank lines.

        Actor and event character offsets refer to this string.
        """
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class Actor:
    """A mention coded as a CAMEO-style actor (``AZE``, ``AZEMIL``, ``IGOUNO``)."""

    text: str
    code: str
    kind: ActorKind
    country: str | None = None
    agent: str | None = None
    org: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event happened, with coordinates when the gazetteer knows them."""

    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class Plover:
    """PLOVER event type and mode."""

    type: str
    mode: str | None = None


@dataclass(frozen=True, slots=True)
class Acled:
    """ACLED event type and sub-event type."""

    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with its evidence."""

    id: str
    article_id: str
    sentence_index: int
    sentence: str
    trigger: str
    code: str
    base_code: str
    root_code: str
    quad_class: int
    goldstein: float
    plover: Plover
    source: Actor
    target: Actor | None
    date: str | None
    date_precision: Precision
    date_basis: DateBasis
    historical: bool = False
    negated: bool = False
    modality: Modality = "asserted"
    acled: Acled | None = None
    location: Location | None = None
    confidence: float = 0.5


def event_id(article_id: str, sentence_index: int, code: str, source: str, target: str | None) -> str:
    """Return the stable id of an event: a hash of its article, sentence, code and actors."""
    key = f"{article_id}|{sentence_index}|{code}|{source}|{target or ''}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Result:
    """What the pipeline makes of one input: an article (or none), events, problems."""

    input_id: str
    article: Article | None
    events: tuple[Event, ...] = ()
    problems: tuple[Problem, ...] = ()
    actors: tuple[Actor, ...] = ()


def to_dict(record: Any) -> Any:
    """Return the JSON-ready form of a record (tuples become lists, ``text`` included)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, tuple | list):
        return [to_dict(item) for item in record]
    if isinstance(record, Mapping):
        return {str(k): to_dict(v) for k, v in record.items()}
    return record


def result_to_dict(
    result: Result, *, articles_only: bool = False, with_actors: bool = False
) -> dict[str, Any]:
    """Return the ``newsevents extract`` JSON object for one result (actor mentions only on request)."""
    out: dict[str, Any] = {"article": to_dict(result.article) if result.article else None}
    if not articles_only:
        out["events"] = [to_dict(e) for e in result.events]
    if with_actors:
        out["actors"] = [to_dict(a) for a in result.actors]
    out["problems"] = [to_dict(p) for p in result.problems]
    return out
