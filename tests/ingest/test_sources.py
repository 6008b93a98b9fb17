"""Tests for ingest.sources: files, folders, globs and stdin expanded to sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.ingest.sources import STDIN_NAME, Source, expand_inputs
from newsevents.model import Problem

from .conftest import Writer


def _names(items: list[Source | Problem], root: Path) -> list[str]:
    """Return the source names relative to ``root``, with '/' separators."""
    return [Path(i.name).relative_to(root).as_posix() for i in items if isinstance(i, Source)]


def test_expand_folder_sorted_recursive_without_hidden(write: Writer, tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.html", "a/b/c.txt", ".hidden.txt", ".git/x.txt", "a.txt", "c.data"]:
        write(name, "x")
    items = list(expand_inputs([str(tmp_path)]))
    assert _names(items, tmp_path) == ["a/b/c.txt", "a/z.html", "a.txt", "b.txt", "c.data"]


def test_expand_glob_sorted_and_recursive(write: Writer, tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", "a.html", "sub/c.txt"]:
        write(name, "x")
    assert _names(list(expand_inputs([f"{tmp_path}/*.txt"])), tmp_path) == ["a.txt", "b.txt"]
    recursive = list(expand_inputs([f"{tmp_path}/**/*.txt"]))
    assert _names(recursive, tmp_path) == ["a.txt", "b.txt", "sub/c.txt"]


def test_expand_missing_path_and_empty_glob_give_e201(tmp_path: Path) -> None:
    missing, pattern = str(tmp_path / "nope.txt"), str(tmp_path / "*.none")
    items = list(expand_inputs([missing, pattern]))
    assert [(i.code, i.input_id) for i in items if isinstance(i, Problem)] == [
        ("E201", missing),
        ("E201", pattern),
    ]
    assert all(missing in i.message or pattern in i.message for i in items if isinstance(i, Problem))


def test_expand_keeps_name_as_given_and_reads_each_file_once(
    write: Writer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write("a.txt", "x")
    monkeypatch.chdir(tmp_path)
    items = list(expand_inputs(["a.txt", "./a.txt", str(tmp_path), "*.txt"]))
    assert items == [Source("a.txt")]


def test_expand_stdin_dash() -> None:
    assert list(expand_inputs(["-"])) == [Source(STDIN_NAME, is_stdin=True)]
