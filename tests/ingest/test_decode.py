"""Tests for ingest.decode: bytes to text."""

from __future__ import annotations

import codecs

import pytest

from newsevents.errors import InputError
from newsevents.ingest.decode import (
    charset_from_content_type,
    charset_from_html,
    decode_bytes,
    normalise_text,
)

CYRILLIC = (
    "Министр обороны Азербайджана провёл переговоры в Лондоне с британским коллегой.\n"
    "Стороны обсудили военное сотрудничество и урегулирование конфликта.\n"
)
FRENCH = "Le ministre a déclaré à Genève que la coopération « continue »."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "é".encode(), "é"),
        ("é text".encode("utf-16"), "é text"),
        ("é text".encode("utf-32"), "é text"),
    ],
)
def test_decode_bom_wins(data: bytes, expected: str) -> None:
    assert decode_bytes(data, name="x", declared="koi8-r").text == expected


def test_decode_declared_charset_used() -> None:
    decoded = decode_bytes(FRENCH.encode("cp1252"), name="x", declared="windows-1252")
    assert (decoded.text, decoded.encoding) == (FRENCH, "cp1252")


@pytest.mark.parametrize("label", ["iso-8859-1", "ISO-8859-1", "latin1", "us-ascii"])
def test_decode_latin1_label_reads_as_windows_1252(label: str) -> None:
    assert decode_bytes("“quoted”".encode("cp1252"), name="x", declared=label).text == "“quoted”"


def test_decode_utf8_bytes_beat_a_wrong_single_byte_label() -> None:
    decoded = decode_bytes(FRENCH.encode("utf-8"), name="x", declared="iso-8859-1")
    assert decoded.text == FRENCH
    assert "bytes are UTF-8" in decoded.warnings[0]


def test_decode_unknown_label_is_ignored() -> None:
    assert decode_bytes(FRENCH.encode("utf-8"), name="x", declared="no-such-charset").text == FRENCH


def test_decode_detects_cp1251_without_a_label() -> None:
    decoded = decode_bytes(CYRILLIC.encode("cp1251"), name="x")
    assert decoded.text == CYRILLIC
    assert decoded.warnings


def test_decode_bom_with_bad_bytes_replaces() -> None:
    decoded = decode_bytes(codecs.BOM_UTF8 + b"ok \xff ok", name="x")
    assert decoded.text == "ok \ufffd ok"
    assert decoded.warnings == ("undecodable bytes replaced",)


def test_decode_noise_raises_e204() -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(range(0x80, 0x100)) * 8, name="noise.bin")
    assert info.value.code == "E204"
    assert "noise.bin" in str(info.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("a\r\nb\rc\n", "a\nb\nc\n"), ("a\x00b", "ab"), ("plain", "plain")],
)
def test_normalise_text_newlines_and_nul(text: str, expected: str) -> None:
    assert normalise_text(text) == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b'<html><head><meta charset="windows-1252">', "windows-1252"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=KOI8-R">', "KOI8-R"),
        (b'<?xml version="1.0" encoding="iso-8859-2"?><html>', "iso-8859-2"),
        (b"<html><head><title>none</title>", None),
    ],
)
def test_charset_from_html(head: bytes, expected: str | None) -> None:
    assert charset_from_html(head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; charset=windows-1251", "windows-1251"),
        ('text/html;charset="utf-8"', "utf-8"),
        ("text/html", None),
        (None, None),
    ],
)
def test_charset_from_content_type(value: str | None, expected: str | None) -> None:
    assert charset_from_content_type(value) == expected
