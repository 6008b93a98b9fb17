"""Results built by hand for the store tests: three inputs, five events, two problems."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.model import (
    Acled,
    Actor,
    Article,
    Event,
    Extraction,
    Location,
    Plover,
    Problem,
    Result,
    event_id,
)
from newsevents.store import Store, open_store

AZE_MIL = Actor(
    "Azerbaijan's Defense Minister", "AZEMIL", "state", "AZE", "MIL", None, "Zakir Hasanov", 0, 29
)
ARM = Actor("Armenia", "ARM", "state", "ARM", start=40, end=47)
GBR_GOV = Actor("his British counterpart", "GBRGOV", "state", "GBR", "GOV")
UNO = Actor("the United Nations", "IGOUNO", "igo", org="UNO")
BAKU = Location("Baku", "AZE", "Baku", 40.37767, 49.89201, 587084)


def make_event(
    article_id: str, index: int, code: str, source: Actor, target: Actor | None, **extra: object
) -> Event:
    """Return an event with the codes derived from ``code`` and the given fields."""
    fields: dict[str, object] = {
        "id": event_id(article_id, index, code, source.code, target.code if target else None),
        "article_id": article_id,
        "sentence_index": index,
        "sentence": f"Sentence number {index}.",
        "trigger": "met",
        "code": code,
        "base_code": code[:3],
        "root_code": code[:2],
        "quad_class": 1,
        "goldstein": 1.0,
        "plover": Plover("CONSULT", "visit"),
        "source": source,
        "target": target,
        "date": "2016-09-09",
        "date_precision": "day",
        "date_basis": "published",
    }
    fields.update(extra)
    return Event(**fields)  # type: ignore[arg-type]


def make_article(article_id: str, input_id: str, **extra: object) -> Article:
    """Return an article with two paragraphs and the given fields."""
    fields: dict[str, object] = {
        "id": article_id,
        "input_id": input_id,
        "title": f"Title of {input_id}",
        "paragraphs": ("Azerbaijan's Defense Minister met Armenia.", "A second paragraph."),
        "extraction": Extraction("text", ("no byline",)),
    }
    fields.update(extra)
    return Article(**fields)  # type: ignore[arg-type]


def build_results() -> list[Result]:
    """Return three results: a full article, a sparse one with a problem, and a failed input."""
    first = make_article(
        "a" * 64,
        "pages/baku.txt",
        url="https://example.org/baku",
        publisher="Example News",
        published="2016-09-09T16:15:00+04:00",
        published_precision="minute",
        authors=("A. Writer", "B. Writer"),
        language="en",
        page_date="2016-09-10",
    )
    first_events = (
        make_event(first.id, 0, "042", AZE_MIL, GBR_GOV, location=BAKU, confidence=0.9),
        make_event(
            first.id,
            1,
            "190",
            ARM,
            AZE_MIL,
            quad_class=4,
            goldstein=-10.0,
            plover=Plover("ASSAULT", None),
            acled=Acled("Battles", "Armed clash"),
            date="1994",
            date_precision="year",
            date_basis="text",
            historical=True,
        ),
        make_event(
            first.id,
            2,
            "0231",
            UNO,
            None,
            quad_class=2,
            modality="demanded",
            negated=True,
            date=None,
            date_precision="unknown",
        ),
    )
    second = make_article(
        "b" * 64,
        "pages/london.html",
        title=None,
        paragraphs=("Only one.",),
        extraction=Extraction("trafilatura"),
    )
    second_events = (
        make_event(second.id, 0, "036", GBR_GOV, ARM, quad_class=1, date="2016-10", date_precision="month"),
        make_event(
            second.id, 3, "112", ARM, UNO, quad_class=3, goldstein=-2.0, sentence="Armenia blamed the UN."
        ),
    )
    warning = Problem("pages/london.html", "W301", "no publication date found", stage="article")
    failed = Problem("pages/broken.jsonl", "E205", "not valid JSON (Expecting value)", stage="ingest", line=7)
    return [
        Result(first.input_id, first, first_events),
        Result(second.input_id, second, second_events, (warning,)),
        Result("pages/broken.jsonl", None, (), (failed,)),
    ]


@pytest.fixture
def results() -> list[Result]:
    """The hand-built results."""
    return build_results()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path where no database exists yet."""
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """An open, empty store."""
    with open_store(db_path) as opened:
        yield opened


@pytest.fixture
def filled(store: Store, results: list[Result]) -> Store:
    """A store holding the hand-built results from one finished run."""
    run_id = store.begin_run([r.input_id for r in results])
    store.finish_run(run_id, store.write(results, run_id=run_id))
    return store
