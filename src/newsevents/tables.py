"""Reading the packaged tab-separated data tables (trigger patterns, frames, ACLED cues)."""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.errors import DataError, Msg


def tsv_rows(text: str, columns: tuple[str, ...], *, path: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, cells) of a table: '#' notes and blank lines skipped, header and widths checked.

    A missing or wrong header, or a row of another width, raises DataError naming the line.
    """
    header_line = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_line:
            if tuple(cells) != columns:
                raise DataError(
                    Msg.E501, path=path, line=number, reason=f"the header must be {'|'.join(columns)}"
                )
            header_line = number
        elif len(cells) != len(columns):
            raise DataError(
                Msg.E501, path=path, line=number, reason=f"bad row {cells!r}: {len(columns)} cells expected"
            )
        else:
            yield number, cells
    if not header_line:
        raise DataError(Msg.E501, path=path, line=1, reason=f"no header {'|'.join(columns)}")
