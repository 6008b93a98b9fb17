"""The extraction evaluation: scores, gold readers for the three set formats, and the report."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsevents.errors import DataError
from newsevents.evaluate.extraction import (
    ExtractionReport,
    MetricRow,
    gold_authors,
    has_time_offset,
    load_extraction_gold,
    run_extraction_evaluation,
    same_authors,
    same_title,
    word_f1,
)

_BODY = (
    "Azerbaijan and the UK discussed military cooperation during talks in London on Friday, officials said. "
    "The ministers exchanged views on the conflict and agreed to meet again next year in Baku."
)
_HTML = (
    "<html><head><title>Talks held in London - Daily Planet</title>"
    '<meta property="og:site_name" content="Daily Planet">'
    '<meta property="article:published_time" content="2016-09-09T16:15:00+04:00"></head>'
    "<body><nav>Home | World</nav><article><h1>Talks held in London</h1><p>By Jane Roe</p>"
    f"<p>{_BODY}</p></article><footer>Copyright 2016 Daily Planet</footer></body></html>"
)


def _write_gz(path: Path, text: str) -> None:
    """Write ``text`` gzip-compressed to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """Return a shared/ folder with one page in each extraction set's own format."""
    root = tmp_path / "gold" / "extraction-dev"
    _write_gz(root / "scrapinghub-aeb" / "html" / "p1.html.gz", _HTML)
    (root / "scrapinghub-aeb" / "ground-truth.json").write_text(
        json.dumps({"p1": {"articleBody": _BODY, "url": "https://planet.example/talks"}}), encoding="utf-8"
    )
    _write_gz(root / "wcxb-test" / "html" / "7.html.gz", _HTML)
    gold = {
        "title": "Talks held in London",
        "author": "Jane Roe",
        "publish_date": "2016-09-09",
        "main_content": _BODY,
    }
    (root / "wcxb-test" / "ground-truth").mkdir(parents=True)
    (root / "wcxb-test" / "ground-truth" / "7.json").write_text(
        json.dumps({"file_id": "7", "url": "https://planet.example/t", "ground_truth": gold,
                    "_internal": {"page_type": {"primary": "article"}}}), encoding="utf-8"
    )  # fmt: skip
    _write_gz(root / "htmldate-mediacloud" / "html" / "9.html.gz", _HTML)
    (root / "htmldate-mediacloud" / "eval_mediacloud_2020.json").write_text(
        '{"https://planet.example/x": {"file": "9.html", "date": "2016-09-09"},'
        ' "https://planet.example/y": {"file": "missing.html", "date": NaN}}',
        encoding="utf-8",
    )
    return tmp_path


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("a b c", "a b c", 1.0),
        ("", "", 1.0),
        ("", "a", 0.0),
        ("a b", "a b c d", 2 * 1 * 0.5 / 1.5),
        ("A, b!", "a b", 1.0),
    ],
)
def test_extraction_word_f1(predicted: str, gold: str, expected: float) -> None:
    assert word_f1(predicted, gold) == pytest.approx(expected)


def test_extraction_same_title_ignores_typography_and_case() -> None:
    assert same_title("It’s  a  Deal — Now", "it's a deal - now")
    assert not same_title("It's a deal", "It's a deal now")
    assert not same_title(None, "x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Ann Bee, Cid Dee", ("Ann Bee", "Cid Dee")), ("Ann and Bob", ("Ann", "Bob")),
     ("Dieter Hogen with Uta Pippig", ("Dieter Hogen", "Uta Pippig")), ("Paul Deer, CFP®", ("Paul Deer",))],
)  # fmt: skip
def test_extraction_gold_authors(text: str, expected: tuple[str, ...]) -> None:
    assert gold_authors(text) == expected


def test_extraction_same_authors_is_a_set_match() -> None:
    assert same_authors(["Jane Roe", "John Doe"], ["john doe", "jane roe"])
    assert same_authors(["Jane Roe and John Doe"], ["Jane Roe", "John Doe"])
    assert not same_authors(["Jane Roe"], ["Jane Roe", "John Doe"])


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2016-09-09T16:15:00+04:00", True), ("2016-09-09T16:15:00Z", True), ("2016-09-09T16:15:00", False),
     ("2016-09-09", False), (None, False)],
)  # fmt: skip
def test_extraction_has_time_offset(value: str | None, expected: bool) -> None:
    assert has_time_offset(value) is expected


def test_extraction_gold_readers(shared: Path) -> None:
    aeb = load_extraction_gold(shared, "scrapinghub-aeb")
    wcxb = load_extraction_gold(shared, "wcxb-test")
    media = load_extraction_gold(shared, "htmldate-mediacloud")
    assert [(g.name, g.url, g.body) for g in aeb] == [("p1", "https://planet.example/talks", _BODY)]
    assert (wcxb[0].title, wcxb[0].authors, wcxb[0].day, wcxb[0].page_type) == (
        "Talks held in London", ("Jane Roe",), "2016-09-09", "article",
    )  # fmt: skip
    assert [(g.name, g.day, g.day_scored) for g in media] == [("9.html", "2016-09-09", True)]
    assert len(load_extraction_gold(shared, "plaintext")) == 2


def test_extraction_unknown_or_missing_set(shared: Path, tmp_path: Path) -> None:
    with pytest.raises(DataError, match="E593"):
        load_extraction_gold(shared, "nope")
    with pytest.raises(DataError, match="E591"):
        load_extraction_gold(tmp_path / "elsewhere", "wcxb-test")


def test_extraction_run_scores_newsevents_and_baseline(shared: Path) -> None:
    report = run_extraction_evaluation(shared)
    assert report.systems == ("newsevents", "trafilatura")
    assert report.value("title exact") == 1.0
    assert report.value("publication day") == 1.0
    assert report.value("time+offset share") == 1.0
    assert report.value("time+offset share", "trafilatura") == 0.0
    assert report.value("author accuracy") == 1.0
    assert (report.value("body word-F1 plaintext dumps") or 0) > 0.9
    assert (report.value("body word-F1 HTML (all)") or 0) > 0.9
    assert "title exact" in str(report)


def test_extraction_report_table() -> None:
    report = ExtractionReport(
        ("a", "b"), (MetricRow("title exact", 3, (0.5, None)), MetricRow("pages/s", 3, (25.0, 1.0)))
    )
    lines = str(report).splitlines()
    assert lines[0].split() == ["metric", "pages", "a", "b"]
    assert lines[2].split() == ["title", "exact", "3", "0.500", "-"]
    assert lines[3].split() == ["pages/s", "3", "25.0", "1.000"]
    assert report.value("missing") is None
