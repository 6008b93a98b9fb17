"""The ingest stage: files, folders, globs, standard input, JSONL and WARC to ``Page`` records.

::

    iter_pages(inputs)
      └─ sources.expand_inputs    paths, folders (sorted, hidden skipped), globs, "-"
          └─ readers.read_source  open, gunzip, sniff, binary check
              ├─ read_document    .txt → text, .html → html (one page)
              ├─ read_jsonl       one page per line: text → body, html → html
              └─ warc.read_warc   HTML 200 responses → html
                  └─ decode       BOM, declared charset, UTF-8, detection

Everything is read lazily, one input and one record at a time. A bad input is
data: a coded :class:`~newsevents.model.Problem`, never an exception, and the
inputs after it are read.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from newsevents.ingest.readers import read_source
from newsevents.ingest.report import IngestStats
from newsevents.ingest.sources import expand_inputs
from newsevents.model import Page, Problem
from newsevents.settings import Settings


def iter_pages(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    stdin: BinaryIO | None = None,
    stats: IngestStats | None = None,
) -> Iterator[Page | Problem]:
    """Yield a Page per document in the inputs, or a Problem per input (or line) that cannot be read."""
    limit = (settings or Settings()).max_input_bytes
    counts = stats if stats is not None else IngestStats()
    for source in expand_inputs(inputs):
        if isinstance(source, Problem):
            counts.problems += 1
            yield source
            continue
        for item in read_source(source, limit=limit, stdin=stdin, stats=counts):
            if isinstance(item, Page):
                counts.pages += 1
            else:
                counts.problems += 1
            yield item


__all__ = ["IngestStats", "iter_pages"]
