"""Tests for ingest.readers: text, HTML and JSONL inputs, gzip, and the problems of one input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsevents.ingest import IngestStats
from newsevents.model import content_id

from .conftest import PAGE_HTML, PAGE_TEXT, Writer, run

CP1252_HTML = (
    '<!doctype html><html><head><meta charset="windows-1252"><title>Caf\xe9</title></head>'
    "<body><p>\u201cWe agreed,\u201d the minister said in Z\xfcrich \u2013 on Friday.</p></body></html>"
)
CYRILLIC = (
    "Министр обороны Азербайджана провёл переговоры в Лондоне с британским коллегой.\n"
    "Стороны обсудили военное сотрудничество и урегулирование конфликта.\n"
)


def _jsonl(*records: object) -> str:
    """Return JSONL text: dicts are dumped, strings are written as they are."""
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("page.txt", PAGE_TEXT, "text"),
        ("page.html", PAGE_HTML, "html"),
        ("page.htm", PAGE_HTML, "html"),
        ("page", PAGE_HTML, "html"),
        ("page.dump", PAGE_TEXT, "text"),
    ],
)
def test_read_document_format(write: Writer, name: str, data: str, fmt: str) -> None:
    path = write(name, data)
    pages, problems = run([path])
    assert problems == []
    [page] = pages
    assert (page.format, page.text, page.input_id, page.source_path) == (fmt, data, str(path), str(path))
    assert page.id == content_id(data)


def test_read_document_normalises_newlines_and_nul(write: Writer) -> None:
    [page], _ = run([write("page.txt", b"one\r\ntwo\rthree\x00\n" + b"words " * 40)])
    assert page.text == "one\ntwo\nthree\n" + "words " * 40
    assert page.id == content_id(page.text)


def test_read_html_meta_charset_windows_1252(write: Writer) -> None:
    [page], problems = run([write("cafe.html", CP1252_HTML.encode("cp1252"))])
    assert problems == []
    assert page.text == CP1252_HTML


def test_read_text_cp1251_detected(write: Writer) -> None:
    [page], _ = run([write("news.txt", CYRILLIC.encode("cp1251"))])
    assert page.text == CYRILLIC


@pytest.mark.parametrize("name", ["page.txt.gz", "page.gz", "page.txt"])
def test_read_gzip_document(write: Writer, name: str) -> None:
    [page], problems = run([write(name, gzip.compress(PAGE_TEXT.encode()))])
    assert problems == []
    assert (page.text, page.format) == (PAGE_TEXT, "text")


def test_read_jsonl_records(write: Writer) -> None:
    path = write(
        "records.jsonl",
        _jsonl(
            {"id": "a1", "text": "Body one.", "published": "2016-09-09", "title": "T", "url": "http://x/1"},
            "",
            {"id": 7, "html": PAGE_HTML, "publisher": "Azernews", "text": "ignored"},
        ),
    )
    stats = IngestStats()
    pages, problems = run([path], stats=stats)
    assert problems == []
    first, second = pages
    assert (first.input_id, first.format, first.text, first.line, first.url) == (
        "a1",
        "body",
        "Body one.",
        1,
        "http://x/1",
    )
    assert dict(first.meta) == {"published": "2016-09-09", "title": "T"}
    assert (second.input_id, second.format, second.line, dict(second.meta)) == (
        "7",
        "html",
        3,
        {"publisher": "Azernews"},
    )
    assert (first.source_path, first.id) == (str(path), content_id("Body one."))
    assert (stats.files, stats.records, stats.pages) == (1, 2, 2)


@pytest.mark.parametrize(
    ("bad_line", "code", "input_id"),
    [
        ("{not json", "E205", None),
        ("[1, 2]", "E205", None),
        ('{"text": "no id"}', "E206", None),
        ('{"id": "", "text": "empty id"}', "E206", None),
        ('{"id": "r2"}', "E206", "r2"),
        ('{"id": "r2", "text": "   "}', "E206", "r2"),
        ('{"id": "r2", "html": 5}', "E206", "r2"),
    ],
)
def test_read_jsonl_bad_line_keeps_the_rest(
    write: Writer, bad_line: str, code: str, input_id: str | None
) -> None:
    path = write("r.jsonl", _jsonl({"id": "r1", "text": "one"}, bad_line, {"id": "r3", "text": "three"}))
    pages, problems = run([path])
    assert [p.input_id for p in pages] == ["r1", "r3"]
    [problem] = problems
    assert (problem.code, problem.line, problem.stage) == (code, 2, "ingest")
    assert problem.input_id == (input_id or str(path))
    assert f"{path}, line 2" in problem.message


def test_read_jsonl_line_over_limit_gives_e209_and_keeps_the_rest(write: Writer) -> None:
    path = write("r.jsonl", _jsonl({"id": "r1", "text": "x" * 500}, {"id": "r2", "text": "short"}))
    pages, problems = run([path], limit=100)
    assert [p.input_id for p in pages] == ["r2"]
    assert [(p.code, p.line) for p in problems] == [("E209", 1)]


def test_read_sniffed_json_document_gives_one_e210(write: Writer) -> None:
    pages, problems = run([write("doc.json", '{\n  "id": "a",\n  "text": "b"\n}\n')])
    assert pages == []
    assert [(p.code, p.line) for p in problems] == [("E210", 1)]


@pytest.mark.parametrize("share", [0.1, 0.5, 0.77, 0.95])
def test_read_jsonl_gz_truncated_keeps_complete_records(write: Writer, share: float) -> None:
    records = [{"id": f"r{n}", "text": f"Record number {n} with some words."} for n in range(2000)]
    packed = gzip.compress(_jsonl(*records).encode())
    pages, problems = run([write("r.jsonl.gz", packed[: int(len(packed) * share)])])
    assert [p.code for p in problems] == ["E207"]
    assert 0 < len(pages) < 2000
    assert [p.input_id for p in pages] == [f"r{n}" for n in range(len(pages))]


def test_read_document_gz_truncated_keeps_text_with_warning(write: Writer) -> None:
    text = "".join(f"Paragraph {n} of a long page.\n" for n in range(20000))
    packed = gzip.compress(text.encode())
    [page], [problem] = run([write("page.txt.gz", packed[: len(packed) // 2])])
    assert problem.code == "E207"
    assert text.startswith(page.text)
    assert page.warnings


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E202"),
        ("blank.txt", b"  \n\n", "E202"),
        ("empty.txt.gz", gzip.compress(b""), "E202"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E203"),
        ("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "E203"),
        ("nul.html", b"<html>\x00\x00\x00\x01\x02</html>", "E203"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 8, "E204"),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00garbage that is not deflate", "E207"),
        ("notgzip.jsonl.gz", b'{"id": "a", "text": "plain"}\n', "E207"),
        ("big.txt", b"x" * 1501, "E209"),
        ("bad.warc", b"WARC/1.0\r\nWARC-Type: response\r\ngarbage\r\n\r\nxx", "E211"),
    ],
)
def test_read_problem_codes(write: Writer, name: str, data: bytes, code: str) -> None:
    path = write(name, data)
    pages, problems = run([path], limit=1500)
    assert pages == []
    [problem] = problems
    assert (problem.code, problem.input_id, problem.stage) == (code, str(path), "ingest")
    assert problem.message.startswith(f"[{code}] {path}")


def test_read_size_limit_names_sizes(write: Writer) -> None:
    [problem] = run([write("big.txt", b"x" * 101)], limit=100)[1]
    assert "101 bytes" in problem.message
    assert "100 bytes" in problem.message


def test_read_dangling_symlink_gives_e208(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing-target.txt")
    [problem] = run([link])[1]
    assert problem.code == "E208"
    assert str(link) in problem.message
