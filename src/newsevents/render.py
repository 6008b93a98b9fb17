"""Presentation for the command line: readable tables for people, CSV and JSON for tools."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from newsevents.model import Actor, Event, Result


def _actor(actor: Actor | None) -> str:
    """Return an actor as 'CODE (text)'."""
    if actor is None:
        return "-"
    return f"{actor.code} ({actor.text})" if actor.text and actor.text != actor.code else actor.code


def event_row(event: Event) -> list[str]:
    """Return the table cells of one event."""
    flags: list[str] = [event.modality] if event.modality != "asserted" else []
    flags += ["negated"] if event.negated else []
    flags += ["historical"] if event.historical else []
    place = event.location.name if event.location else ""
    return [
        event.date or "?",
        event.code,
        _actor(event.source),
        _actor(event.target),
        event.trigger,
        place,
        ", ".join(flags),
        f"{event.confidence:.2f}",
    ]


def render_result(result: Result, console: Console | None = None) -> None:
    """Print one result as a heading and a table of its events."""
    console = console or Console()
    article = result.article
    if article is not None:
        by = f" — {', '.join(article.authors)}" if article.authors else ""
        console.print(f"[bold]{article.title or '(no title)'}[/bold]{by}")
        console.print(
            f"{article.publisher or '?'} · published {article.published or '?'} · {result.input_id}"
        )
    for problem in result.problems:
        console.print(f"[yellow]problem[/yellow] {problem.message}")
    if result.events:
        table = Table("date", "code", "source", "target", "trigger", "place", "flags", "conf")
        for event in result.events:
            table.add_row(*event_row(event))
        console.print(table)
    console.print()


def render_rows(rows: Sequence[dict[str, Any]], fmt: str, console: Console | None = None) -> None:
    """Print query rows as a table, CSV or JSON lines."""
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
        return
    shown = [
        c
        for c in (
            "date",
            "code",
            "source_code",
            "target_code",
            "trigger",
            "location_name",
            "historical",
            "sentence",
        )
        if c in columns
    ] or columns
    table = Table(*shown, show_lines=False)
    for row in rows:
        table.add_row(*[_cell(row.get(c)) for c in shown])
    (console or Console(width=200)).print(table)


def _cell(value: object, width: int = 70) -> str:
    """Return a table cell, shortened."""
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[: width - 1] + "…"
