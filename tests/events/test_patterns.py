"""The trigger pattern table: consistent with the codebook, read strictly."""

from __future__ import annotations

import pytest

from newsevents.errors import DataError
from newsevents.events.codebook import load_codebook
from newsevents.events.patterns import COLUMNS, load_patterns, parse_patterns

HEADER = "\t".join(COLUMNS)


def test_patterns_every_code_is_in_the_codebook() -> None:
    codebook = load_codebook()
    unknown = [p.code for p in load_patterns() if p.code not in codebook]
    assert unknown == []


def test_patterns_cover_all_twenty_roots() -> None:
    roots = {p.code[:2] for p in load_patterns()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_patterns_noun_roles_are_known() -> None:
    roles = {p.of_role for p in load_patterns() if p.pos == "noun"}
    assert roles <= {"source", "target", None}


def test_patterns_specific_rows_are_tried_first() -> None:
    table = parse_patterns(
        f"{HEADER}\nverb\tsign\t-\t*\twith\t057\t1\t-\nverb\tsign\t-\tceasefire\twith\t0871\t1\t-\n"
    )
    assert [p.code for p in table.by_key[("verb", "sign")]] == ["0871", "057"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("pos\tlemma\n", 1),
        (f"{HEADER}\nverb\tmeet\t-\t*\twith\n", 2),
        (f"{HEADER}\nadj\tmeet\t-\t*\twith\t040\t1\t-\n", 2),
        (f"# note\n{HEADER}\nverb\tmeet\t-\t*\twith\t04x\t1\t-\n", 3),
    ],
)
def test_patterns_broken_row_names_its_line(text: str, line: int) -> None:
    with pytest.raises(DataError, match=rf"\[E501\].* line {line}:"):
        parse_patterns(text, path="patterns.tsv")
