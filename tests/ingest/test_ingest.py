"""Tests for iter_pages: batches, folders, globs, stdin, laziness and counts."""

from __future__ import annotations

import gzip
import io
import itertools
import json
from pathlib import Path

import pytest

from newsevents.ingest import IngestStats, iter_pages
from newsevents.model import Page

from .conftest import PAGE_HTML, PAGE_TEXT, Writer, run


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        ("broken.txt.gz", b"\x1f\x8b\x08\x00garbage"),
        ("big.txt", b"y" * 5000),
        ("noise.txt", bytes(range(0x80, 0x100)) * 8),
        ("bad.jsonl", b"{oops\n"),
    ],
)
def test_iter_pages_one_broken_input_keeps_the_good_ones(write: Writer, name: str, data: bytes) -> None:
    good = [write("a.txt", PAGE_TEXT), write("c.html", PAGE_HTML)]
    broken = write(name, data)
    pages, problems = run([good[0], broken, good[1], "/no/such/file.txt"], limit=4000)
    assert [p.input_id for p in pages] == [str(g) for g in good]
    assert [p.input_id for p in problems] == [str(broken), "/no/such/file.txt"]


def test_iter_pages_folder_mixes_formats(write: Writer, tmp_path: Path) -> None:
    write("a/page.txt", PAGE_TEXT)
    write("a/page.html.gz", gzip.compress(PAGE_HTML.encode()))
    write("b/records.jsonl", json.dumps({"id": "r1", "text": "Body."}) + "\n")
    write("b/unknown", PAGE_HTML)
    write("b/.hidden.txt", "skipped")
    pages, problems = run([tmp_path])
    assert problems == []
    assert [(Path(p.source_path or "").name, p.format) for p in pages] == [
        ("page.html.gz", "html"),
        ("page.txt", "text"),
        ("records.jsonl", "body"),
        ("unknown", "html"),
    ]


def test_iter_pages_glob(write: Writer, tmp_path: Path) -> None:
    write("x/1.txt", PAGE_TEXT)
    write("x/2.txt", "Second page.\n")
    write("x/3.html", PAGE_HTML)
    pages, _ = run([f"{tmp_path}/x/*.txt"])
    assert [p.text for p in pages] == [PAGE_TEXT, "Second page.\n"]


@pytest.mark.parametrize(
    ("data", "fmt", "input_id"),
    [
        (PAGE_TEXT.encode(), "text", "<stdin>"),
        (PAGE_HTML.encode(), "html", "<stdin>"),
        (b'{"id": "s1", "text": "From a pipe."}\n', "body", "s1"),
        (gzip.compress(b'{"id": "s1", "html": "<p>From a pipe.</p>"}\n'), "html", "s1"),
        (gzip.compress(PAGE_TEXT.encode()), "text", "<stdin>"),
    ],
)
def test_iter_pages_stdin_sniffed(data: bytes, fmt: str, input_id: str) -> None:
    [page], problems = run(["-"], stdin=data)
    assert problems == []
    assert (page.format, page.input_id) == (fmt, input_id)


def test_iter_pages_stdin_page_has_no_source_path() -> None:
    [page], _ = run(["-"], stdin=PAGE_TEXT.encode())
    assert (page.source_path, page.text) == (None, PAGE_TEXT)


def test_iter_pages_empty_stdin_gives_e202() -> None:
    [problem] = run(["-"], stdin=b"")[1]
    assert (problem.code, problem.input_id) == ("E202", "<stdin>")


def test_iter_pages_stdin_over_limit_gives_e209() -> None:
    [problem] = run(["-"], stdin=b"z" * 3000, limit=2000)[1]
    assert problem.code == "E209"


def test_iter_pages_same_text_same_id_across_containers(write: Writer) -> None:
    plain = write("a.txt", PAGE_TEXT)
    packed = write("b.txt.gz", gzip.compress(PAGE_TEXT.encode("utf-16")))
    first, second = run([plain, packed])[0]
    assert first.id == second.id


class _EndlessJsonl(io.RawIOBase):
    """A stream of JSONL records that never ends; reading all of it would never return."""

    def __init__(self) -> None:
        self._lines = (
            json.dumps({"id": n, "text": f"Record {n}."}).encode() + b"\n" for n in itertools.count()
        )
        self._left = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self._left) < len(buffer):
            self._left += next(self._lines)
        buffer[:] = self._left[: len(buffer)]
        self._left = self._left[len(buffer) :]
        return len(buffer)


def test_iter_pages_streams_records_lazily() -> None:
    stream = io.BufferedReader(_EndlessJsonl())
    pages = list(itertools.islice(iter_pages(["-"], stdin=stream), 3))
    assert [p.input_id for p in pages if isinstance(p, Page)] == ["0", "1", "2"]


def test_iter_pages_stats_count_everything(write: Writer) -> None:
    stats = IngestStats()
    jsonl = json.dumps({"id": "r1", "text": "One."}) + "\nnot json\n"
    run([write("a.txt", PAGE_TEXT), write("b.jsonl", jsonl), write("c.txt", b""), "/missing"], stats=stats)
    assert stats == IngestStats(files=3, records=2, skipped=0, pages=2, problems=3)
