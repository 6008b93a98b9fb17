"""Per-format readers: one document (text, HTML), JSONL records and WARC records to pages.

Each reader takes an open, decompressed byte stream and yields ``Page`` or
``Problem`` items; :func:`read_source` opens one source, finds its format and
turns every failure of that one input into a coded problem.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

from newsevents.errors import InputError, Msg
from newsevents.ingest.decode import charset_from_html, decode_bytes, normalise_text
from newsevents.ingest.report import IngestStats, make_problem, problem_from_error
from newsevents.ingest.sniff import (
    GZIP_MAGIC,
    HEAD_BYTES,
    Kind,
    binary_reason,
    kind_from_head,
    kind_from_name,
    split_gz,
)
from newsevents.ingest.sources import Source
from newsevents.ingest.streams import BrokenGzip, check_end, gunzip, prepend, read_bounded, read_head
from newsevents.ingest.warc import read_warc
from newsevents.model import Page, PageFormat, Problem, content_id

logger = logging.getLogger(__name__)

Item = Page | Problem

_META_FIELDS = ("published", "title", "publisher")


@dataclass(frozen=True, slots=True)
class Opened:
    """One input ready to read: its decompressed stream, first bytes and format."""

    source: Source
    stream: BinaryIO
    kind: Kind
    sniffed: bool
    size: int | None


def read_source(
    source: Source, *, limit: int, stats: IngestStats, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Yield the pages of one source, or the problems that stop it; never raise for bad input."""
    try:
        with _open_raw(source, stdin) as raw:
            stats.files += 1
            opened = _open(source, raw, limit)
            yield from _dispatch(opened, limit, stats)
    except InputError as exc:
        yield problem_from_error(exc, source.name)
    except BrokenGzip as exc:
        yield make_problem(Msg.E207, source.name, path=source.name, reason=exc)
    except OSError as exc:
        yield make_problem(Msg.E208, source.name, path=source.name, reason=exc.strerror or exc)
    except Exception as exc:  # one input must never stop the batch; the traceback goes to the log
        logger.exception("%s: unexpected error while reading", source.name)
        yield make_problem(Msg.E208, source.name, path=source.name, reason=f"unexpected {exc!r}")


def _open_raw(source: Source, stdin: BinaryIO | None) -> contextlib.AbstractContextManager[BinaryIO]:
    """Return a context manager for the raw bytes of a source (standard input is not closed)."""
    if source.is_stdin:
        return contextlib.nullcontext(stdin if stdin is not None else sys.stdin.buffer)
    return open(source.name, "rb")


def _open(source: Source, raw: BinaryIO, limit: int) -> Opened:
    """Return the source with gzip unwrapped, its format found and its head checked."""
    size = None if source.is_stdin else os.fstat(raw.fileno()).st_size
    head = read_head(raw, HEAD_BYTES)
    if not head:
        raise InputError(Msg.E202, path=source.name)
    stream: BinaryIO = prepend(head, raw)
    if split_gz(source.name)[1] or head.startswith(GZIP_MAGIC):
        stream = gunzip(stream)
        head = read_head(stream, HEAD_BYTES)
        if not head:
            check_end(stream)
            raise InputError(Msg.E202, path=source.name)
        stream = prepend(head, stream)
    named = None if source.is_stdin else kind_from_name(source.name)
    kind = named or kind_from_head(head)
    reason = None if kind == "warc" else binary_reason(head)
    if reason:
        raise InputError(Msg.E203, path=source.name, reason=reason)
    return Opened(source, stream, kind, named is None, size)


def _dispatch(opened: Opened, limit: int, stats: IngestStats) -> Iterator[Item]:
    """Yield the items of an opened source with the reader its format needs."""
    if opened.kind == "jsonl":
        yield from read_jsonl(opened, limit=limit, stats=stats)
    elif opened.kind == "warc":
        path = None if opened.source.is_stdin else opened.source.name
        yield from read_warc(
            opened.stream, name=opened.source.name, source_path=path, limit=limit, stats=stats
        )
    else:
        yield from read_document(opened, limit=limit)


def read_document(opened: Opened, *, limit: int) -> Iterator[Item]:
    """Yield the one page of a text or HTML input (and E207 if its gzip stream broke)."""
    name = opened.source.name
    if opened.size is not None and opened.size > limit:
        raise InputError(Msg.E209, path=name, size=opened.size, limit=limit)
    data, broken = read_bounded(opened.stream, limit)
    if len(data) > limit:
        raise InputError(Msg.E209, path=name, size=f"more than {limit}", limit=limit)
    if data:
        declared = charset_from_html(data) if opened.kind == "html" else None
        decoded = decode_bytes(data, name=name, declared=declared)
        warnings = decoded.warnings + (("gzip stream broken; the page may be cut short",) if broken else ())
        if decoded.text.strip():
            yield _page(opened, decoded.text, warnings)
        elif broken is None:
            raise InputError(Msg.E202, path=name)
    if broken is not None:
        yield make_problem(Msg.E207, name, path=name, reason=broken)


def _page(opened: Opened, text: str, warnings: tuple[str, ...]) -> Page:
    """Return the Page of a one-document input."""
    source = opened.source
    return Page(
        id=content_id(text),
        input_id=source.name,
        text=text,
        format="html" if opened.kind == "html" else "text",
        source_path=None if source.is_stdin else source.name,
        warnings=warnings,
    )


def read_jsonl(opened: Opened, *, limit: int, stats: IngestStats) -> Iterator[Item]:
    """Yield one page per JSONL line, and a problem per bad line; the lines after it are read."""
    name = opened.source.name
    first = True
    for number, line in _lines(opened.stream, limit):
        stats.records += 1
        if line is None:
            where = f"{name}, line {number}"
            yield make_problem(
                Msg.E209, name, line=number, path=where, size=f"more than {limit}", limit=limit
            )
            continue
        record, reason = _parse_line(line)
        if record is None:
            msg = Msg.E210 if first and opened.sniffed else Msg.E205
            yield make_problem(msg, name, line=number, path=name, reason=reason)
            if msg is Msg.E210:
                return
            continue
        first = False
        yield _record_item(opened, number, record, reason)


def _parse_line(line: bytes) -> tuple[Mapping[str, Any] | None, str | None]:
    """Return the JSON object on a line (or None and why not), and a decoding note if any."""
    try:
        text, note = line.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        text, note = line.decode("utf-8", errors="replace"), "invalid UTF-8 bytes replaced"
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"{exc.msg} at column {exc.colno}"
    if not isinstance(record, dict):
        return None, f"expected a JSON object, got {type(record).__name__}"
    return record, note


def _record_item(opened: Opened, number: int, record: Mapping[str, Any], note: str | None) -> Item:
    """Return the Page of one JSONL record, or E206 when it lacks an id or a text."""
    name = opened.source.name
    record_id = record.get("id")
    if isinstance(record_id, bool) or not isinstance(record_id, str | int) or str(record_id) == "":
        return make_problem(Msg.E206, name, line=number, path=name, field="an 'id' (string or number)")
    html, body = record.get("html"), record.get("text")
    fmt: PageFormat
    if isinstance(html, str) and html.strip():
        text, fmt = normalise_text(html), "html"
    elif isinstance(body, str) and body.strip():
        text, fmt = normalise_text(body), "body"
    else:
        return make_problem(
            Msg.E206, str(record_id), line=number, path=name, field="a non-empty 'text' or 'html'"
        )
    url = record.get("url")
    return Page(
        id=content_id(text),
        input_id=str(record_id),
        text=text,
        format=fmt,
        source_path=None if opened.source.is_stdin else name,
        url=url if isinstance(url, str) and url else None,
        line=number,
        meta=_record_meta(record),
        warnings=(note,) if note else (),
    )


def _record_meta(record: Mapping[str, Any]) -> dict[str, str]:
    """Return the metadata fields a JSONL record carries (published, title, publisher) as strings."""
    return {key: str(record[key]) for key in _META_FIELDS if record.get(key) not in (None, "")}


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) for each non-blank line; None for a line over ``limit`` bytes."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        if not line.endswith(b"\n"):
            check_end(stream)  # a last line cut short by a broken gzip stream is not a record
        if line.strip():
            yield number, line
    check_end(stream)
