"""The record a store write hands back: what one run (or one part of it) added."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RunSummary:
    """Counts of one write: results seen and rows that were new to the store.

    ``problems`` counts every problem in the results written, new to the store or
    not, since a run reports all it met. Summaries of several writes add up with ``+``.
    """

    articles_seen: int = 0
    articles_new: int = 0
    events_new: int = 0
    problems: int = 0

    def __add__(self, other: RunSummary) -> RunSummary:
        """Return the field-wise sum of two summaries."""
        if not isinstance(other, RunSummary):
            return NotImplemented
        return RunSummary(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in dataclasses.fields(self)}
        )
