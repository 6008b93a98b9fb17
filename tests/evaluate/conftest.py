"""Factories for the evaluate tests: articles, actors and events built by hand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.evaluate import PageGold, load_page_gold
from newsevents.model import Acled, Actor, ActorKind, Article, Event, Extraction, Plover


def actor(code: str, agent: str | None = None, country: str | None = None) -> Actor:
    """Return an actor from a CAMEO-style code; the country defaults to the first three letters."""
    is_org = code.startswith(("IGO", "NGO"))
    kind: ActorKind = "igo" if code.startswith("IGO") else "ngo" if is_org else "state"
    return Actor(
        text=code,
        code=code,
        kind=kind,
        country=None if is_org else (country or code[:3]),
        agent=agent if agent is not None else (None if is_org or len(code) < 6 else code[3:6]),
        org=code[3:6] if is_org else None,
    )


def event(
    code: str,
    source: str,
    target: str | None,
    *,
    id: str | None = None,
    date: str | None = None,
    historical: bool = False,
    plover: str = "CONSULT",
    acled: str | None = None,
    confidence: float = 0.5,
) -> Event:
    """Return an event with the given code and actor codes; other fields are filler."""
    return Event(
        id=id or f"{source}-{code}-{target}",
        article_id="a1",
        sentence_index=0,
        sentence="A sentence.",
        trigger="did",
        code=code,
        base_code=code[:3],
        root_code=code[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover(plover),
        source=actor(source),
        target=actor(target) if target else None,
        date=date,
        date_precision="day" if date and len(date) == 10 else "unknown",
        date_basis="text",
        historical=historical,
        acled=Acled("Battles", acled) if acled else None,
        confidence=confidence,
    )


def article(**fields: Any) -> Article:
    """Return an article; ``paragraphs`` and the metadata come from the keyword arguments."""
    fields.setdefault("paragraphs", ("First paragraph.",))
    return Article(
        id="a1", input_id="page", title=fields.pop("title", None), extraction=Extraction("test"), **fields
    )


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """Return the event factory."""
    return event


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """Return the article factory."""
    return article


@pytest.fixture
def make_actor() -> Callable[..., Actor]:
    """Return the actor factory."""
    return actor


def gold_event(id: str, source: str, target: str | None, code: str, **fields: Any) -> dict[str, Any]:
    """Return a gold event dict as written in the gold files; accept_codes defaults to the code."""
    raw: dict[str, Any] = {"id": id, "required": True, "source": source, "target": target, "code": code}
    raw["accept_codes"] = fields.pop("accept_codes", [code])
    raw.update(symmetric=False, historical=False, evidence="...")
    raw.update(fields)
    return raw


@pytest.fixture
def make_gold_event() -> Callable[..., dict[str, Any]]:
    """Return the gold event dict factory."""
    return gold_event


@pytest.fixture
def make_gold(tmp_path: Path) -> Callable[..., PageGold]:
    """Return a factory that writes a gold dict to a file and loads it back."""

    def make(
        events: list[dict[str, Any]] | None = None,
        article: dict[str, Any] | None = None,
        *,
        seed: bool = False,
    ) -> PageGold:
        data: dict[str, Any] = {"file": "shared/x.html.gz", "article": article or {}, "events": events or []}
        if not seed:
            data["format"] = "html"
        path = tmp_path / f"gold{len(list(tmp_path.iterdir()))}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        return load_page_gold(path)

    return make
