"""Page gold files (``seed.json``, ``e2e-dev/*.json``): typed records and their loader.

A gold file holds the article fields a correct extractor returns and the events
a careful coder finds. ``load_page_gold`` validates the JSON once into frozen
records, so the scorers never touch raw dicts.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.errors import DataError, Msg

#: Environment variable naming the shared folder (the one holding ``gold/``).
SHARED_ENV = "NEWSEVENTS_SHARED"


@dataclass(frozen=True, slots=True)
class ArticleGold:
    """The article fields of a gold page; ``None`` means the gold asserts nothing."""

    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    page_date: str | None = None
    authors: tuple[str, ...] | None = None
    language: str | None = None
    paragraphs: int | None = None
    body_starts_with: str | None = None
    body_ends_with: str | None = None
    not_in_body: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventGold:
    """One hand-coded event: actors, accepted codes, direction, date and flags."""

    id: str
    required: bool
    source: str
    target: str | None
    code: str
    accept_codes: tuple[str, ...]
    symmetric: bool = False
    source_agent: tuple[str, ...] | None = None
    target_agent: tuple[str, ...] | None = None
    date: str | None = None
    historical: bool | None = None
    location_name: str | None = None
    location_country: str | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class PageGold:
    """A gold page: where the page is, its article fields and its events."""

    name: str
    file: str
    format: str
    article: ArticleGold
    events: tuple[EventGold, ...]
    seed: bool = False
    note: str = ""


def shared_dir() -> Path | None:
    """Return the shared folder (``$NEWSEVENTS_SHARED`` or ``../shared`` beside the repo), or None."""
    env = os.environ.get(SHARED_ENV)
    candidate = Path(env) if env else Path(__file__).resolve().parents[3].parent / "shared"
    return candidate if candidate.is_dir() else None


def page_path(gold: PageGold, shared: Path) -> Path:
    """Return the path of the gold page's input file (``file`` is relative to shared's parent)."""
    return shared.parent / gold.file


def load_page_gold(path: Path) -> PageGold:
    """Read and validate one page gold file (seed.json or an e2e-dev file)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(Msg.E591, path=path, reason=str(exc)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("article"), dict):
        raise DataError(Msg.E592, path=path, where="top level", reason="needs an 'article' object")
    events = data.get("events", [])
    if not isinstance(events, list):
        raise DataError(Msg.E592, path=path, where="events", reason="must be a list")
    return PageGold(
        name=path.stem,
        file=str(data.get("file", "")),
        format=str(data.get("format", "text")),
        article=_article_gold(data["article"]),
        events=tuple(_event_gold(item, path, index) for index, item in enumerate(events)),
        seed="format" not in data,
        note=str(data.get("note", "")),
    )


def _article_gold(raw: Mapping[str, Any]) -> ArticleGold:
    """Return the article part of a gold file."""
    paragraphs = raw.get("paragraphs")
    return ArticleGold(
        title=_opt_str(raw.get("title")),
        published=_opt_str(raw.get("published")),
        publisher=_opt_str(raw.get("publisher")),
        page_date=_opt_str(raw.get("page_date")),
        authors=_opt_strs(raw.get("authors")),
        language=_opt_str(raw.get("language")),
        paragraphs=paragraphs if isinstance(paragraphs, int) and not isinstance(paragraphs, bool) else None,
        body_starts_with=_opt_str(raw.get("body_starts_with")),
        body_ends_with=_opt_str(raw.get("body_ends_with")),
        not_in_body=_opt_strs(raw.get("not_in_body")) or (),
    )


def _event_gold(raw: Any, path: Path, index: int) -> EventGold:
    """Return one gold event, or raise DataError naming the record."""
    where = f"event {index}"
    if not isinstance(raw, dict):
        raise DataError(Msg.E592, path=path, where=where, reason="not an object")
    for key in ("id", "source", "code"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise DataError(Msg.E592, path=path, where=where, reason=f"needs a non-empty string {key!r}")
    location: Mapping[str, Any] = raw["location"] if isinstance(raw.get("location"), dict) else {}
    historical = raw.get("historical")
    return EventGold(
        id=raw["id"],
        required=bool(raw.get("required", False)),
        source=raw["source"].upper(),
        target=_opt_str(raw.get("target"), upper=True),
        code=raw["code"],
        accept_codes=_opt_strs(raw.get("accept_codes")) or (raw["code"],),
        symmetric=bool(raw.get("symmetric", False)),
        source_agent=_opt_strs(raw.get("source_agent"), upper=True),
        target_agent=_opt_strs(raw.get("target_agent"), upper=True),
        date=_opt_str(raw.get("date")),
        historical=historical if isinstance(historical, bool) else None,
        location_name=_opt_str(location.get("name")),
        location_country=_opt_str(location.get("country"), upper=True),
        evidence=str(raw.get("evidence", "")),
    )


def _opt_str(value: Any, *, upper: bool = False) -> str | None:
    """Return a non-empty string value (upper-cased on request), else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().upper() if upper else value


def _opt_strs(value: Any, *, upper: bool = False) -> tuple[str, ...] | None:
    """Return a list of strings as a tuple, None when the value is not a list."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        return None
    return tuple(item.strip().upper() if upper else item for item in value if isinstance(item, str))
