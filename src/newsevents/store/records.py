"""Records the store derives itself: finished inputs, mentions and deduplicated events.

They are dataclasses like those in :mod:`newsevents.model`, so their tables are derived by
:mod:`newsevents.store.schema` the same way; nested records reuse the model's own
(``Actor``, ``Location``, ...), so a deduplicated event has the same column names as a
reported one (``source_code``, ``location_name``) and one filter serves both tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newsevents.model import Acled, Actor, Location, Modality, Plover, Precision


@dataclass(frozen=True, slots=True)
class InputDone:
    """One input file a run finished: its identity (path, size, mtime) and what it gave."""

    id: str
    path: str
    size: int
    mtime_ns: int
    run_id: str
    finished: datetime
    results: int
    articles: int
    events: int
    problems: int


@dataclass(frozen=True, slots=True)
class Mention:
    """One report of an event: a stored event row, its article sentence and its deduplicated event.

    ``group_key`` holds what reports of one event share (sides, base code, negation, modality).
    """

    event_id: str
    dedup_id: str
    group_key: str
    article_id: str
    sentence_index: int
    publisher: str | None
    url: str | None
    published: str | None
    seen: datetime | None
    day: date | None


@dataclass(frozen=True, slots=True)
class DedupEvent:
    """Reports of one event merged across articles: same sides, base code, day (±1) and modality.

    The descriptive fields (``code``, ``source``, ``location``, ``sentence`` ...) come from
    the first report (earliest publication, then article and sentence); ``first_seen`` and
    ``last_seen`` are the earliest and latest publication times (UTC) of its articles.
    """

    id: str
    global_id: int
    date: str | None
    date_precision: Precision
    code: str
    base_code: str
    root_code: str
    quad_class: int
    goldstein: float
    plover: Plover
    source: Actor
    target: Actor | None
    historical: bool
    negated: bool
    modality: Modality
    acled: Acled | None
    location: Location | None
    confidence: float
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: datetime | None
    last_seen: datetime | None
    article_id: str
    sentence_index: int
    sentence: str
    trigger: str
    url: str | None
