"""What the command modules share: option types, settings loading, clean errors, summaries."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from newsevents.errors import NewsEventsError
from newsevents.settings import Settings, load_settings

Inputs = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")]
SettingsFile = Annotated[Path | None, typer.Option("--settings", help="JSON settings file.")]
Model = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.")]
Db = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: newsevents.duckdb).")]


def load_cli_settings(path: Path | None, **overrides: Any) -> Settings:
    """Return validated settings or exit with a clean error."""
    try:
        return load_settings(path=path, overrides=overrides)
    except NewsEventsError as exc:
        fail(exc)


def fail(exc: Exception) -> NoReturn:
    """Print one error line and exit 1."""
    typer.echo(f"Error: {exc}", err=True)
    raise typer.Exit(1)


def stderr_summary(command: str, summary: str) -> None:
    """Print the run summary on stderr."""
    typer.echo(f"newsevents {command}: {summary}", err=True)
