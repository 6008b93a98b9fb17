"""What an input holds: its format from the file name or from its first bytes, and binary checks."""

from __future__ import annotations

import codecs
import os
from typing import Literal

#: How a reader must take an input apart: one document (``text``, ``html``) or many records.
Kind = Literal["text", "html", "jsonl", "warc"]

#: How many bytes are looked at to sniff a format or find binary data.
HEAD_BYTES = 8192

GZIP_MAGIC = b"\x1f\x8b"

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}

#: File signatures of formats that are certainly not text (checked before anything else).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
)

_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

#: Control bytes that ordinary text contains: tab, newline, vertical tab, form feed, return, escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")

#: Shares of NUL bytes and of control bytes (NUL included) above which an input counts as binary;
#: a stray NUL in a text dump is only removed.
_MAX_NUL_SHARE = 0.01
_MAX_CONTROL_SHARE = 0.05


def split_gz(name: str) -> tuple[str, bool]:
    """Return ``name`` without a ``.gz`` suffix, and whether it had one."""
    if name.lower().endswith(".gz"):
        return name[:-3], True
    return name, False


def kind_from_name(name: str) -> Kind | None:
    """Return the format a file name's extension promises, or None when it must be sniffed."""
    base, _ = split_gz(os.path.basename(name))
    return _EXTENSIONS.get(os.path.splitext(base)[1].lower())


def kind_from_head(head: bytes) -> Kind:
    """Return the format that the first bytes of a (decompressed) input look like."""
    start = _strip_start(head)
    lower = start[:64].lower()
    if start.startswith(b"WARC/1."):
        return "warc"
    if start.startswith(b"{"):
        return "jsonl"
    if lower.startswith((b"<!doctype html", b"<html")):
        return "html"
    if start.startswith(b"<") and b"<html" in head.lower():
        return "html"
    return "text"


def binary_reason(head: bytes) -> str | None:
    """Return why the first bytes of an input look binary, or None when they look like text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head.startswith(_UNICODE_BOMS) or not head:
        return None
    nuls = head.count(b"\x00")
    if nuls > _MAX_NUL_SHARE * len(head):
        return f"{nuls} NUL bytes in the first {len(head)}"
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(head):
        return f"{controls} control bytes in the first {len(head)}"
    return None


def _strip_start(head: bytes) -> bytes:
    """Return ``head`` without a UTF-8 byte-order mark and leading whitespace."""
    return head.removeprefix(codecs.BOM_UTF8).lstrip()
