"""Streaming a run into the store, input by input, with a record of every finished input.

A run is a stream of :class:`Unit` (one input file and its results). Results are buffered
and inserted in bulk; the ``inputs`` row of a file is inserted in the same transaction as
its last results, so after a crash (even ``kill -9``) a file is either recorded as done with
all its rows, or not recorded and read again by the next run, which skips the rows already
stored. A file is known by its real path, size and modification time: edit it and it is
read again.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsevents.model import Result
from newsevents.store.records import InputDone
from newsevents.store.summary import RunSummary
from newsevents.store.timeutil import utc_now
from newsevents.store.writer import insert_results


@dataclass(frozen=True, slots=True)
class InputKey:
    """The identity of one input file: real path, size and modification time."""

    id: str
    path: str
    size: int
    mtime_ns: int


def input_key(path: str) -> InputKey | None:
    """Return the identity of the file at ``path``, or None when it cannot be read."""
    try:
        real = os.path.realpath(path)
        stat = os.stat(real)
    except OSError:
        return None
    digest = hashlib.sha256(f"{real}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:32]
    return InputKey(digest, real, stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True, slots=True)
class Unit:
    """One input and its results; ``key`` None for what cannot be resumed (stdin, a missing path)."""

    key: InputKey | None
    results: Iterable[Result]


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a streaming write stands: inputs read and committed, and what they held."""

    inputs: int
    committed: int
    articles: int
    events: int
    problems: int
    after_commit: bool


@dataclass(frozen=True, slots=True)
class Limits:
    """When a buffered batch is committed: results, events, or seconds since the last commit."""

    results: int = 2000
    events: int = 20000
    seconds: float = 2.0


@dataclass
class _Buffer:
    """Results and finished inputs waiting for the next commit, and the running counts."""

    results: list[Result] = field(default_factory=list)
    done: list[InputDone] = field(default_factory=list)
    events: int = 0
    inputs: int = 0
    committed: int = 0
    articles: int = 0
    events_seen: int = 0
    problems: int = 0
    last_commit: float = field(default_factory=time.monotonic)

    def add(self, result: Result) -> None:
        """Buffer one result and count it."""
        self.results.append(result)
        self.events += len(result.events)
        self.articles += result.article is not None
        self.events_seen += len(result.events)
        self.problems += len(result.problems)

    def full(self, limits: Limits) -> bool:
        """Return whether the buffer should be committed now."""
        return (
            len(self.results) >= limits.results
            or self.events >= limits.events
            or (bool(self.results or self.done) and time.monotonic() - self.last_commit >= limits.seconds)
        )

    def progress(self, after_commit: bool) -> Progress:
        """Return the counts so far."""
        return Progress(
            self.inputs, self.committed, self.articles, self.events_seen, self.problems, after_commit
        )


def _finished(key: InputKey, run_id: str, counts: list[int]) -> InputDone:
    """Return the ``inputs`` row of a file whose results (counted) are all buffered."""
    results, articles, events, problems = counts
    return InputDone(
        key.id, key.path, key.size, key.mtime_ns, run_id, utc_now(), results, articles, events, problems
    )


class _Stream:
    """The state of one streaming write: connection, run, buffer, limits and progress callback."""

    def __init__(self, con: object, run_id: str, limits: Limits, report: Callable[[Progress], None]) -> None:
        self.con = con
        self.run_id = run_id
        self.limits = limits
        self.report = report
        self.buffer = _Buffer()
        self.total = RunSummary()

    def commit(self) -> None:
        """Insert what is buffered in one transaction and report it."""
        buffer = self.buffer
        if buffer.results or buffer.done:
            self.total += insert_results(self.con, buffer.results, self.run_id, buffer.done)
            buffer.committed += len(buffer.done)
        buffer.results, buffer.done, buffer.events = [], [], 0
        buffer.last_commit = time.monotonic()
        self.report(buffer.progress(True))

    def feed(self, unit: Unit) -> None:
        """Buffer one input's results, committing whenever the buffer is full."""
        counts = [0, 0, 0, 0]  # results, articles, events, problems of this input
        for result in unit.results:
            self.buffer.add(result)
            for index, value in enumerate(
                (1, result.article is not None, len(result.events), len(result.problems))
            ):
                counts[index] += value
            if self.buffer.full(self.limits):
                self.commit()
        if unit.key is not None:
            self.buffer.done.append(_finished(unit.key, self.run_id, counts))
        self.buffer.inputs += 1
        self.report(self.buffer.progress(False))
        if self.buffer.full(self.limits):
            self.commit()


def write_units(
    con: object,
    units: Iterable[Unit],
    *,
    run_id: str,
    limits: Limits | None = None,
    report: Callable[[Progress], None] | None = None,
) -> RunSummary:
    """Write a stream of inputs in bulk, recording each finished input with its last rows."""
    stream = _Stream(con, run_id, limits or Limits(), report or (lambda _progress: None))
    for unit in units:
        stream.feed(unit)
    stream.commit()
    return stream.total
