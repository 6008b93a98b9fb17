"""Boilerplate learnt from a batch: lines that recur on many pages of the same publisher.

A scraper's text dumps of one site all carry the same menus, banners, share bars and footers. No
line rule catches every site's wording, but repetition does: a line seen on ``min_pages`` pages of
one group (a publisher name or a host) is boilerplate for that group. The memory is fed page by
page, so it works in a streaming pipeline; the first pages of a site are cleaned only by the line
rules, the later ones by both. Memory is bounded: each group keeps at most ``max_lines`` lines.

A page most of whose lines were seen before is a copy of an earlier article (a wire story run
twice), not a page of boilerplate: it is left as it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsevents.article.lines import normalize

#: A page with more than this share of known lines is a repeated article, never cleaned.
_MAX_DROPPED_SHARE = 0.5


@dataclass
class BoilerplateMemory:
    """Counts, per group, on how many pages each line occurs; frequent lines are boilerplate."""

    min_pages: int = 3
    max_lines: int = 20_000
    _counts: dict[str, Counter[str]] = field(default_factory=dict, repr=False)

    def feed(self, group: str, lines: Iterable[str]) -> None:
        """Count the distinct lines of one page of ``group``."""
        counts = self._counts.setdefault(group, Counter())
        for key in {normalize(line) for line in lines if line.strip()}:
            if key in counts or len(counts) < self.max_lines:
                counts[key] += 1
        if len(counts) >= self.max_lines:
            self._prune(counts)

    def _prune(self, counts: Counter[str]) -> None:
        """Forget the lines seen once, to make room for new ones."""
        for key in [k for k, n in counts.items() if n <= 1]:
            del counts[key]

    def is_boilerplate(self, group: str, line: str) -> bool:
        """Whether a line has been seen on at least ``min_pages`` pages of ``group``."""
        counts = self._counts.get(group)
        return counts is not None and counts[normalize(line)] >= self.min_pages

    def clean(self, group: str, paragraphs: Sequence[str]) -> tuple[str, ...]:
        """Return the paragraphs without the group's boilerplate (all of them for a repeated article)."""
        kept = tuple(p for p in paragraphs if not self.is_boilerplate(group, p))
        if len(paragraphs) - len(kept) > _MAX_DROPPED_SHARE * len(paragraphs):
            return tuple(paragraphs)
        return kept
