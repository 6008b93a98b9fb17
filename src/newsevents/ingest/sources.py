"""Expanding the inputs a user names (files, folders, globs, ``-``) into single sources, lazily."""

from __future__ import annotations

import glob
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsevents.errors import Msg
from newsevents.ingest.report import make_problem
from newsevents.model import Problem

logger = logging.getLogger(__name__)

#: The input name that means standard input, and the id its pages carry.
STDIN_ARG = "-"
STDIN_NAME = "<stdin>"

_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file path as the user gave it (or found in a folder), or standard input."""

    name: str
    is_stdin: bool = False


def expand_inputs(inputs: Iterable[str]) -> Iterator[Source | Problem]:
    """Yield a Source for every file the inputs name, or a Problem (E201, E208) for what is not there."""
    seen: set[str] = set()
    for arg in inputs:
        if arg == STDIN_ARG:
            yield Source(STDIN_NAME, is_stdin=True)
            continue
        for item in _expand_one(arg):
            if isinstance(item, Problem):
                yield item
                continue
            key = os.path.realpath(item.name)
            if key in seen:
                logger.debug("%s: already read, skipped", item.name)
                continue
            seen.add(key)
            yield item


def _expand_one(arg: str) -> Iterator[Source | Problem]:
    """Yield the sources one input argument names: itself, a folder's files, or a glob's matches."""
    if os.path.isdir(arg):
        yield from walk_folder(arg)
    elif os.path.lexists(arg):
        yield Source(arg)
    elif _GLOB_CHARS.search(arg):
        yield from _expand_glob(arg)
    else:
        yield make_problem(Msg.E201, arg, path=arg)


def _expand_glob(pattern: str) -> Iterator[Source | Problem]:
    """Yield the files a glob matches, in sorted order; folders it matches are walked."""
    matches = sorted(glob.iglob(pattern, recursive=True))
    if not matches:
        yield make_problem(Msg.E201, pattern, path=pattern)
    for match in matches:
        if os.path.isdir(match):
            yield from walk_folder(match)
        else:
            yield Source(match)


def walk_folder(folder: str) -> Iterator[Source | Problem]:
    """Yield the files under ``folder`` in sorted path order, skipping hidden files and folders."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield make_problem(Msg.E208, folder, path=folder, reason=exc.strerror or exc)
        return
    for entry in entries:
        path = os.path.join(folder, entry.name)
        if entry.is_dir(follow_symlinks=False):
            yield from walk_folder(path)
        elif entry.is_file():
            yield Source(path)
        else:
            logger.debug("%s: not a regular file, skipped", path)
