"""Fixtures for the ingest tests: pages and WARC files we write ourselves."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.ingest import IngestStats, iter_pages
from newsevents.model import Page, Problem
from newsevents.settings import Settings

PAGE_TEXT = "Ministers meet in Baku\n\nThe defence ministers of two countries met on Friday.\n"
PAGE_HTML = (
    "<!doctype html>\n<html><head><title>Talks</title></head>"
    "<body><p>The defence ministers of two countries met on Friday.</p></body></html>\n"
)
FETCHED = "2016-09-09T12:30:00Z"


def run(
    inputs: Iterable[str | Path],
    *,
    stdin: bytes | None = None,
    limit: int | None = None,
    stats: IngestStats | None = None,
) -> tuple[list[Page], list[Problem]]:
    """Return the pages and problems ``iter_pages`` yields for the inputs, in order."""
    settings = Settings(max_input_bytes=limit) if limit is not None else None
    stream = io.BytesIO(stdin) if stdin is not None else None
    items = list(iter_pages([str(i) for i in inputs], settings=settings, stdin=stream, stats=stats))
    return [i for i in items if isinstance(i, Page)], [i for i in items if isinstance(i, Problem)]


def warc_response(
    writer: WARCWriter, uri: str, body: bytes, *, status: str = "200 OK", content_type: str = "text/html"
) -> str:
    """Write one response record and return its WARC-Record-ID."""
    http_headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Date": FETCHED},
    )
    writer.write_record(record)
    return str(record.rec_headers.get_header("WARC-Record-ID"))


def make_warc(gzip: bool) -> tuple[bytes, list[str]]:
    """Return a WARC with one good HTML page among records to skip, and the good record's id."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
    request = writer.create_warc_record(
        "http://example.org/a",
        "request",
        payload=io.BytesIO(b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"),
    )
    writer.write_record(request)
    good = warc_response(writer, "http://example.org/a", PAGE_HTML.encode())
    warc_response(writer, "http://example.org/missing", b"<html>gone</html>", status="404 Not Found")
    warc_response(writer, "http://example.org/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
    return out.getvalue(), [good]


Writer = Callable[[str, bytes | str], Path]


@pytest.fixture
def write(tmp_path: Path) -> Writer:
    """Return a function that writes bytes or text to a file under tmp_path and returns its path."""

    def _write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return _write
