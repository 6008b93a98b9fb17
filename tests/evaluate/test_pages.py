"""Page gold loading, page scores, the run summary and the text table."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.errors import DataError
from newsevents.evaluate import (
    PageGold,
    format_table,
    load_page_gold,
    page_path,
    page_rows,
    score_page,
    shared_dir,
    summarize,
)
from newsevents.model import Article, Event

MakeEvent = Callable[..., Event]
MakeArticle = Callable[..., Article]
MakeGold = Callable[..., PageGold]
MakeGoldEvent = Callable[..., dict[str, Any]]


def test_load_page_gold_reads_fields(tmp_path: Path) -> None:
    raw = {
        "file": "shared/gold/extraction-dev/x/html/1.html.gz",
        "format": "html",
        "note": "a note",
        "article": {"title": "T", "authors": ["A B"], "paragraphs": None, "not_in_body": ["x"]},
        "events": [
            {
                "id": "e",
                "required": True,
                "source": "usa",
                "target": None,
                "code": "112",
                "accept_codes": ["112", "11"],
                "symmetric": False,
                "source_agent": ["leg"],
                "historical": True,
                "location": {"name": "Doha", "country": "QAT"},
                "note": "target may be AZE or ARM",
            },
        ],
    }
    path = tmp_path / "page.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    gold = load_page_gold(path)
    assert (gold.name, gold.format, gold.seed) == ("page", "html", False)
    assert gold.article.authors == ("A B",)
    assert gold.article.paragraphs is None
    (event,) = gold.events
    assert (event.source, event.target, event.source_agent, event.target_agent) == (
        "USA",
        None,
        ("LEG",),
        None,
    )
    assert (event.accept_codes, event.historical, event.location_country) == (("112", "11"), True, "QAT")
    assert page_path(gold, tmp_path / "shared") == tmp_path / "shared/gold/extraction-dev/x/html/1.html.gz"


def test_load_page_gold_without_format_is_seed(make_gold: MakeGold) -> None:
    gold = make_gold(seed=True)
    assert (gold.seed, gold.format) == (True, "text")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("{not json", "E591"),
        ("[]", "E592"),
        ('{"article": {}, "events": {}}', "E592"),
        ('{"article": {}, "events": [{"id": "x", "code": "112"}]}', "E592"),
        ('{"article": {}, "events": [{"id": "x", "source": "USA"}]}', "E592"),
    ],
)
def test_load_page_gold_rejects_broken_files(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_page_gold(path)
    assert info.value.code == code
    assert "bad.json" in str(info.value)


def test_load_page_gold_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"\[E591\]"):
        load_page_gold(tmp_path / "absent.json")


@pytest.mark.parametrize(
    ("env", "expected"),
    [("exists", True), ("absent", False)],
)
def test_shared_dir_follows_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: str, expected: bool
) -> None:
    (tmp_path / "exists").mkdir()
    monkeypatch.setenv("NEWSEVENTS_SHARED", str(tmp_path / env))
    assert shared_dir() == (tmp_path / env if expected else None)


# Inline gold pages and runs on them:
# (gold events, predicted events, required matched, optional matched, false events).
PAGES: list[tuple[list[dict[str, Any]], list[tuple[str, str, str | None]], int, int, int]] = [
    (  # a headline meeting in both directions, one background war
        [
            {
                "id": "talks",
                "source": "AZE",
                "target": "GBR",
                "code": "040",
                "accept_codes": ["04"],
                "symmetric": True,
            },
            {
                "id": "war",
                "source": "AZE",
                "target": "ARM",
                "code": "190",
                "accept_codes": ["19", "18"],
                "symmetric": True,
                "required": False,
            },
        ],
        [("042", "GBR", "AZE"), ("042", "AZE", "GBR"), ("193", "ARM", "AZE")],
        1,
        1,
        1,
    ),
    (  # a domestic crackdown: agents decide
        [
            {
                "id": "kill",
                "source": "IRN",
                "source_agent": ["COP", "MIL"],
                "target": "IRN",
                "target_agent": ["CVL"],
                "code": "180",
                "accept_codes": ["18", "20"],
            },
            {
                "id": "amnesty",
                "source": "NGOAMN",
                "target": "IRN",
                "code": "122",
                "accept_codes": ["12", "10"],
            },
        ],
        [("180", "IRNCOP", "IRNCVL"), ("180", "IRNCVL", "IRNCOP"), ("1041", "NGOAMN", "IRNGOV")],
        2,
        0,
        1,
    ),
    (  # a gold event with no target and an IGO target
        [
            {"id": "claim", "source": "AFG", "target": None, "code": "015", "accept_codes": ["01"]},
            {
                "id": "un",
                "source": "PSE",
                "target": "IGOUNO",
                "code": "022",
                "accept_codes": ["02"],
                "required": False,
            },
        ],
        [("015", "AFGREB", None), ("0213", "PSEGOV", "IGOUNOHCH"), ("022", "PSE", "USA")],
        1,
        1,
        1,
    ),
    ([], [("042", "GBR", "AZE")], 0, 0, 1),  # a page without gold events
]


@pytest.mark.parametrize(("gold_events", "predicted", "required", "optional", "false"), PAGES)
def test_score_page_inline_gold(
    make_gold: MakeGold,
    make_gold_event: MakeGoldEvent,
    make_event: MakeEvent,
    gold_events: list[dict[str, Any]],
    predicted: list[tuple[str, str, str | None]],
    required: int,
    optional: int,
    false: int,
) -> None:
    gold = make_gold([make_gold_event(**{"required": True, **raw}) for raw in gold_events])
    events = [
        make_event(code, source, target, id=f"e{i}") for i, (code, source, target) in enumerate(predicted)
    ]
    score = score_page(None, events, gold).events
    assert (score.required_matched, score.optional_matched, score.false_events) == (required, optional, false)


def test_summarize_adds_pages(
    make_gold: MakeGold, make_gold_event: MakeGoldEvent, make_event: MakeEvent, make_article: MakeArticle
) -> None:
    gold = make_gold(
        [
            make_gold_event("a", "AZE", "GBR", "040", date="2016-09-09"),
            make_gold_event("b", "AZE", "ARM", "190"),
        ],
        {"title": "Talks", "published": "2016-09-09"},
    )
    first = score_page(
        make_article(title="Talks", published="2016-09-09T16:15:00+04:00"),
        [make_event("040", "AZE", "GBR", date="2016-09-08"), make_event("111", "AZE", "ARM")],
        gold,
    )
    second = score_page(None, [make_event("190", "AZE", "ARM")], gold)
    summary = summarize([first, second])
    assert summary["pages"] == 2.0
    assert summary["required_recall"] == pytest.approx(2 / 4)
    assert summary["false_events_per_page"] == pytest.approx(0.5)
    assert summary["precision"] == pytest.approx(2 / 3)
    assert summary["article.title"] == pytest.approx(0.5)
    assert summary["article.all"] == pytest.approx(2 / 4)
    assert summary["date_accuracy"] == 0.0
    assert summary["historical_accuracy"] == 1.0


def test_summarize_leaves_out_ratios_without_denominator() -> None:
    summary = summarize([])
    assert summary["pages"] == 0.0
    assert "required_recall" not in summary
    assert "date_accuracy" not in summary


def test_format_table_aligns_columns() -> None:
    table = format_table(("page", "recall", "false"), [("seed", 0.75, 3), ("a-long-name", 1.0, 12)])
    assert table.splitlines() == [
        "page         recall  false",
        "-----------  ------  -----",
        "seed          0.750      3",
        "a-long-name   1.000     12",
    ]


def test_page_rows_give_one_row_per_page(make_gold: MakeGold, make_gold_event: MakeGoldEvent) -> None:
    gold = make_gold([make_gold_event("a", "AZE", "GBR", "040")], {"title": "Talks"})
    header, rows = page_rows([score_page(None, [], gold)])
    assert header[0] == "page"
    assert rows == [(gold.name, "0/1", "0/1", "0/0", 0, "0/0", "0/0")]
