"""Tests for ingest.warc: HTML 200 responses become pages, other records are counted."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.warcwriter import WARCWriter

from newsevents.ingest import IngestStats
from newsevents.model import content_id

from .conftest import FETCHED, PAGE_HTML, Writer, make_warc, run, warc_response

CYRILLIC_HTML = "<html><body><p>Министр обороны провёл переговоры в Лондоне.</p></body></html>"


@pytest.mark.parametrize(
    ("name", "gzipped"),
    [("crawl.warc", False), ("crawl.warc.gz", True), ("crawl.bin", False), ("crawl.bin", True)],
)
def test_warc_html_200_response_becomes_page(write: Writer, name: str, gzipped: bool) -> None:
    data, [record_id] = make_warc(gzipped)
    path = write(name, data)
    stats = IngestStats()
    pages, problems = run([path], stats=stats)
    assert problems == []
    [page] = pages
    assert (page.format, page.text, page.id) == ("html", PAGE_HTML, content_id(PAGE_HTML))
    assert (page.input_id, page.url, page.source_path) == (record_id, "http://example.org/a", str(path))
    assert dict(page.meta) == {"fetched": FETCHED}
    assert (stats.records, stats.skipped, stats.pages) == (5, 4, 1)


def test_warc_http_charset_header_decodes_payload(write: Writer) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    content_type = "text/html; charset=windows-1251"
    warc_response(writer, "http://example.ru/", CYRILLIC_HTML.encode("cp1251"), content_type=content_type)
    [page], _ = run([write("ru.warc.gz", out.getvalue())])
    assert page.text == CYRILLIC_HTML


def test_warc_from_stdin() -> None:
    data, [record_id] = make_warc(True)
    [page], problems = run(["-"], stdin=data)
    assert problems == []
    assert (page.input_id, page.source_path) == (record_id, None)


def test_warc_record_over_limit_gives_e209_and_keeps_the_rest(write: Writer) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    big = warc_response(writer, "http://example.org/big", b"<html>" + b"x" * 5000 + b"</html>")
    small = warc_response(writer, "http://example.org/small", b"<html>small</html>")
    pages, problems = run([write("c.warc.gz", out.getvalue())], limit=1000)
    assert [p.input_id for p in pages] == [small]
    assert [(p.code, p.input_id) for p in problems] == [("E209", big)]


def test_warc_truncated_gzip_gives_e207_after_the_whole_records(write: Writer) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    ids = [warc_response(writer, f"http://example.org/{n}", PAGE_HTML.encode() * 20) for n in range(50)]
    packed = gzip.compress(out.getvalue())
    pages, problems = run([write("c.warc.gz", packed[: len(packed) * 3 // 4])])
    assert [p.code for p in problems] == ["E207"]
    assert 0 < len(pages) < 50
    assert [p.input_id for p in pages] == ids[: len(pages)]
