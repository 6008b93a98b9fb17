"""Tests for ingest.sniff: formats from names and first bytes, binary detection."""

from __future__ import annotations

import pytest

from newsevents.ingest.sniff import binary_reason, kind_from_head, kind_from_name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a/page.txt", "text"),
        ("page.TXT.gz", "text"),
        ("page.htm", "html"),
        ("page.html.gz", "html"),
        ("records.jsonl", "jsonl"),
        ("records.jsonl.gz", "jsonl"),
        ("crawl.warc.gz", "warc"),
        ("dir.txt/page", None),
        ("notes.md", None),
        ("data.gz", None),
    ],
)
def test_kind_from_name(name: str, expected: str | None) -> None:
    assert kind_from_name(name) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'{"id": 1}\n', "jsonl"),
        (b"\xef\xbb\xbf  \n<!DOCTYPE HTML>\n<html>", "html"),
        (b"<HTML><body>", "html"),
        (b"<!-- saved page -->\n<html>", "html"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "warc"),
        (b"Azernews.Az\n\nFriday April 19 2024\n", "text"),
        (b"<b>not a page</b>", "text"),
    ],
)
def test_kind_from_head(head: bytes, expected: str) -> None:
    assert kind_from_head(head) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"text with a \x00 NUL", "NUL bytes"),
        (b"x" * 90 + b"\x00" * 10, "NUL bytes"),
        (bytes(range(1, 32)) * 4, "control bytes"),
    ],
)
def test_binary_reason_finds_binary(head: bytes, expected: str) -> None:
    reason = binary_reason(head)
    assert reason is not None
    assert expected in reason


@pytest.mark.parametrize(
    "head",
    [
        b"plain text\r\n\twith tabs\x0c",
        "é ü ñ".encode(),
        "utf-16 text".encode("utf-16"),
        b"",
        b"x" * 200 + b"\x00",
    ],
)
def test_binary_reason_passes_text(head: bytes) -> None:
    assert binary_reason(head) is None
