"""Bytes to text: byte-order mark, declared charset, UTF-8, then detection.

The order follows what browsers do, with one practical exception: a page that
declares a single-byte charset (``iso-8859-1``, ``windows-1252``, …) but whose
bytes are valid UTF-8 with non-ASCII characters is read as UTF-8, because such
bytes almost never occur in real single-byte text and mislabelled UTF-8 pages
are common. Bad bytes never raise: they are replaced and the page carries a
warning, unless so much is unreadable that the input is reported (E204).
"""

from __future__ import annotations

import codecs
import importlib
import logging
import re
from dataclasses import dataclass

import charset_normalizer

from newsevents.errors import InputError, Msg

logger = logging.getLogger(__name__)

#: Byte-order marks, longest first so that UTF-32 is not read as UTF-16.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Labels that the HTML standard reads as windows-1252.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "iso8859-1"})

_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)

#: Share of replacement characters above which an input counts as undecodable.
_MAX_REPLACED_SHARE = 0.1

#: How many bytes of an HTML page are searched for a ``<meta charset>``.
_META_SCAN_BYTES = 4096


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the codec that was used and what looked doubtful."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def normalise_text(text: str) -> str:
    """Return ``text`` with ``\\r\\n`` and ``\\r`` turned into ``\\n`` and NUL characters removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def charset_from_html(data: bytes) -> str | None:
    """Return the charset an HTML document declares in its first bytes, if any."""
    head = data[:_META_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def charset_from_content_type(value: str | None) -> str | None:
    """Return the charset of an HTTP ``Content-Type`` header value, if it names one."""
    match = _HEADER_CHARSET.search(value or "")
    return match.group(1) if match else None


def decode_bytes(data: bytes, *, name: str, declared: str | None = None) -> Decoded:
    """Return ``data`` decoded and normalised; raise InputError (E204) if it is unreadable."""
    decoded = _decode_raw(data, declared)
    if decoded is None:
        decoded = _decode_replacing(data, name)
    return Decoded(normalise_text(decoded.text), decoded.encoding, decoded.warnings)


def _decode_raw(data: bytes, declared: str | None) -> Decoded | None:
    """Return ``data`` decoded by BOM, declared charset, UTF-8 or detection; None if none fits."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            replaced = Decoded(data.decode(codec, errors="replace"), codec, ("undecodable bytes replaced",))
            return _strict(data, codec) or replaced
    label = _codec_name(declared)
    utf8 = _strict(data, "utf-8")
    if label is not None and label != "utf-8":
        if utf8 is not None and not utf8.text.isascii() and _is_single_byte(label):
            note = f"declared charset {declared} but the bytes are UTF-8; read as UTF-8"
            return Decoded(utf8.text, "utf-8", (note,))
        by_label = _strict(data, label)
        if by_label is not None:
            return by_label
    if utf8 is not None:
        return utf8
    return _detect(data)


def _decode_replacing(data: bytes, name: str) -> Decoded:
    """Return ``data`` as UTF-8 with bad bytes replaced, or raise E204 when most of it is bad."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd")
    if replaced > _MAX_REPLACED_SHARE * max(len(text), 1):
        reason = f"no known encoding fits; {replaced} of {len(text)} characters are invalid"
        raise InputError(Msg.E204, path=name, reason=reason)
    logger.debug("%s: %d undecodable bytes replaced", name, replaced)
    return Decoded(text, "utf-8", (f"{replaced} undecodable bytes replaced",))


def _strict(data: bytes, codec: str) -> Decoded | None:
    """Return ``data`` decoded with ``codec`` or None if any byte does not fit."""
    try:
        return Decoded(data.decode(codec), codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> Decoded | None:
    """Return ``data`` decoded with the encoding charset-normalizer finds, or None."""
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    encoding = str(best.encoding)
    return Decoded(str(best), encoding, (f"encoding guessed as {encoding}",))


def _codec_name(label: str | None) -> str | None:
    """Return the Python codec for a charset label (HTML rules for latin-1), or None if unknown."""
    if not label:
        return None
    label = label.strip().lower()
    if label in _WINDOWS_1252_LABELS:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        logger.debug("unknown charset label %r ignored", label)
        return None


def _is_single_byte(codec: str) -> bool:
    """Return True if ``codec`` is a table codec mapping each byte to one character (cp1252, koi8-r)."""
    try:
        module = importlib.import_module("encodings." + codec.replace("-", "_"))
    except ImportError:
        return False
    return hasattr(module, "decoding_table")
