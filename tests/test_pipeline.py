"""The pipeline: one result per input, problems as data, the batch always completes."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsevents.model import Page
from newsevents.pipeline import Pipeline, RunStats

DUMP = """Example Herald

Monday March 4 2030

Chile and Peru sign fisheries agreement

8 March 2019 10:00 (UTC-05:00)

By Ana Torres

Chile and Peru signed an agreement on fisheries in Lima on Friday.

The two countries also discussed border trade.
"""


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    """Return inputs: a good dump, then one broken input of each kind, then another good record."""
    (tmp_path / "good.txt").write_text(DUMP, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "latin.txt").write_bytes(
        DUMP.replace("Ana", "Ana Mar\xeda")
        .encode("utf-8")
        .replace("Mar\xeda".encode(), "Mar\xeda".encode("latin-1"))
    )
    records = [
        json.dumps(
            {"id": "r1", "text": "Kenya and Uganda held talks on Tuesday.", "published": "2019-03-08"}
        ),
        "{not json",
        json.dumps({"id": "r3", "text": "NATO condemned Russia.", "published": "2019-03-08"}),
    ]
    (tmp_path / "records.jsonl.gz").write_bytes(gzip.compress("\n".join(records).encode()))
    return [str(tmp_path / n) for n in ("good.txt", "empty.txt", "binary.txt", "latin.txt")] + [
        str(tmp_path / "records.jsonl.gz"),
        str(tmp_path / "missing.txt"),
    ]


def test_pipeline_bad_inputs_are_problems_and_the_batch_completes(
    pipeline: Pipeline, batch: list[str]
) -> None:
    results = list(pipeline.run(batch))
    stats = RunStats()
    for result in results:
        stats.add(result)
    problems = {p.code: p for r in results for p in r.problems}
    assert {"E201", "E202", "E203", "E205"} <= set(problems)
    assert "missing.txt" in problems["E201"].message
    assert problems["E205"].line == 2
    assert stats.articles == 4
    assert {r.input_id for r in results if r.article} >= {"r1", "r3"}
    assert stats.events > 0


def test_pipeline_non_utf8_page_is_decoded(pipeline: Pipeline, batch: list[str]) -> None:
    (result,) = list(pipeline.run([batch[3]]))
    assert result.article is not None
    assert result.article.authors == ("Ana María Torres",)


def test_pipeline_dump_gives_article_and_dated_events(pipeline: Pipeline, batch: list[str]) -> None:
    (result,) = list(pipeline.run([batch[0]]))
    assert result.article is not None
    assert result.article.published == "2019-03-08T10:00:00-05:00"
    assert result.article.page_date == "2030-03-04"
    dates = {e.date for e in result.events}
    assert dates == {"2019-03-08"}
    assert ("057", "CHL", "PER") in {
        (e.code, e.source.code, e.target.code if e.target else None) for e in result.events
    }


def test_pipeline_other_language_gets_a_problem_not_events(pipeline: Pipeline) -> None:
    text = (
        "Die Regierung in Berlin hat am Montag neue Gespräche mit Frankreich angekündigt. "
        "Der Außenminister sagte, die beiden Länder wollten enger zusammenarbeiten."
    )
    result = pipeline.process(Page(id="de", input_id="de", text=text, format="body"))
    assert result.article is not None
    assert result.article.language == "de"
    assert [p.code for p in result.problems] == ["E303"]
    assert "language de not supported for event coding" in result.problems[0].message
    assert result.events == ()


def test_pipeline_articles_only_skips_event_coding(batch: list[str]) -> None:
    (result,) = list(Pipeline(articles_only=True).run([batch[0]]))
    assert result.article is not None
    assert result.events == ()


def test_pipeline_page_without_text_is_an_article_problem(pipeline: Pipeline) -> None:
    result = pipeline.process(
        Page(id="x", input_id="blank.html", text="<html><body></body></html>", format="html")
    )
    assert result.article is None
    assert result.problems[0].code in {"E301", "E302"}
    assert "blank.html" in result.problems[0].message


def test_pipeline_summary_counts_problem_codes() -> None:
    stats = RunStats(inputs=3, articles=2, events=5, problems=1, problem_codes={"E202": 1})
    assert stats.summary() == "3 inputs, 2 articles, 5 events, 1 problems (E202: 1)"


def test_pipeline_internal_error_on_one_page_is_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(page: Page, **_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("newsevents.pipeline.extract_article", broken)
    result = Pipeline().process(Page(id="x", input_id="page.txt", text="text", format="text"))
    assert [p.code for p in result.problems] == ["E999"]
    assert result.problems[0].message.startswith("[E999] page.txt: internal error (RuntimeError('boom'))")


def test_pipeline_drops_lines_a_site_repeats_on_every_page(pipeline: Pipeline, tmp_path: Path) -> None:
    stories = [
        ("Kenya and Uganda sign trade deal", "Kenya and Uganda signed a trade agreement on Tuesday."),
        ("Chile and Peru hold talks", "Chile and Peru held talks on fisheries on Tuesday."),
        ("Ghana and Togo agree on border", "Ghana and Togo agreed to reopen the border on Tuesday."),
    ]
    paths = []
    for n, (title, body) in enumerate(stories):
        text = (
            f"Coast Times\n\n{title}\n\n5 March 2019 10:00 (UTC+03:00)\n\n{body}\n\n"
            f"Officials from both sides described the meeting number {n} as constructive and frank.\n\n"
            f"Trade between the neighbours reached {n + 2} billion dollars last year, figures show.\n\n"
            f"Analysts said paragraph {n} of the agreement would be tested within months.\n\n"
            "Readers in Mombasa can now collect the weekend edition at every Coast Times kiosk.\n\n"
            "The story will be updated as more details emerge from the capitals.\n"
        )
        path = tmp_path / f"{n}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    results = list(Pipeline().run(paths))
    kiosk = "Readers in Mombasa can now collect the weekend edition at every Coast Times kiosk."
    assert [kiosk in (r.article.paragraphs if r.article else ()) for r in results] == [True, True, False]
