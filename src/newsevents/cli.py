"""The command line: thin commands that parse options, call the library and print.

Library errors become one clean ``Error: …`` line on stderr and exit code 1; per-input
problems are data, reported in the output and counted in the stderr summary.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from newsevents.errors import NewsEventsError
from newsevents.model import result_to_dict
from newsevents.settings import Settings, load_settings

app = typer.Typer(
    name="newsevents",
    help="Turn raw news pages into political event data (CAMEO, PLOVER, ACLED).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Inputs = Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for stdin.")]
SettingsFile = Annotated[Path | None, typer.Option("--settings", help="JSON settings file.")]
Model = Annotated[str | None, typer.Option("--model", help="spaCy pipeline to load.")]
Db = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: newsevents.duckdb).")]


def _settings(path: Path | None, **overrides: Any) -> Settings:
    """Return validated settings or exit with a clean error."""
    try:
        return load_settings(path=path, overrides=overrides)
    except NewsEventsError as exc:
        _fail(exc)


def _fail(exc: Exception) -> NoReturn:
    """Print one error line and exit 1."""
    typer.echo(f"Error: {exc}", err=True)
    raise typer.Exit(1)


def _stderr_summary(command: str, summary: str) -> None:
    """Print the run summary on stderr."""
    typer.echo(f"newsevents {command}: {summary}", err=True)


@app.command()
def extract(
    inputs: Inputs,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or table.")] = "jsonl",
    articles_only: Annotated[
        bool, typer.Option("--articles-only", help="Stop after the article stage.")
    ] = False,
    actors: Annotated[bool, typer.Option("--actors", help="Add coded actor mentions to the JSONL.")] = False,
    settings_file: SettingsFile = None,
    model: Model = None,
) -> None:
    """Extract articles and events and print them (JSONL: one object per input)."""
    from newsevents.pipeline import Pipeline, RunStats
    from newsevents.render import render_result

    if fmt not in {"jsonl", "table"}:
        _fail(ValueError(f"--format must be jsonl or table, not {fmt!r}"))
    settings = _settings(settings_file, spacy_model=model)
    stats = RunStats()
    try:
        for result in Pipeline(settings, articles_only=articles_only).run(inputs, stdin=sys.stdin.buffer):
            stats.add(result)
            if fmt == "jsonl":
                record = result_to_dict(result, articles_only=articles_only, with_actors=actors)
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                render_result(result)
    except NewsEventsError as exc:
        _fail(exc)
    _stderr_summary("extract", stats.summary())


@app.command()
def run(inputs: Inputs, db: Db = None, settings_file: SettingsFile = None, model: Model = None) -> None:
    """Code the inputs and store articles, events and problems in DuckDB (idempotent)."""
    from newsevents.pipeline import Pipeline, RunStats
    from newsevents.store import open_store

    settings = _settings(settings_file, spacy_model=model, db_path=db)
    stats = RunStats()

    def counted(results: Any) -> Any:
        for result in results:
            stats.add(result)
            yield result

    try:
        with open_store(settings.db_path) as store:
            run_id = store.begin_run(inputs)
            summary = store.write(
                counted(Pipeline(settings).run(inputs, stdin=sys.stdin.buffer)), run_id=run_id
            )
            store.finish_run(run_id, summary)
    except NewsEventsError as exc:
        _fail(exc)
    _stderr_summary(
        "run",
        f"{stats.summary()}; stored {summary.articles_new} new articles and "
        f"{summary.events_new} new events in {settings.db_path}",
    )


@app.command()
def events(
    db: Db = None,
    actor: Annotated[
        str | None, typer.Option(help="Actor code or country (prefix), e.g. AZE or IGOUNO.")
    ] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 19 or 042.")] = None,
    since: Annotated[str | None, typer.Option(help="First event date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Last event date (YYYY-MM-DD).")] = None,
    text: Annotated[str | None, typer.Option(help="Words the evidence sentence must contain.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
) -> None:
    """Query the stored events."""
    from newsevents.render import render_rows
    from newsevents.store import open_store

    settings = _settings(None, db_path=db)
    try:
        with open_store(settings.db_path, read_only=True) as store:
            rows = store.events(actor=actor, code=code, since=since, until=until, text=text, limit=limit)
    except NewsEventsError as exc:
        _fail(exc)
    render_rows(rows, fmt)


@app.command()
def evaluate(
    seed: Annotated[
        bool, typer.Option("--seed", help="Score the sample page against shared/gold/seed.json.")
    ] = False,
    e2e: Annotated[bool, typer.Option("--e2e", help="Score the pages of shared/gold/e2e-dev.")] = False,
    shared: Annotated[Path | None, typer.Option(help="The shared/ folder (default: ../shared).")] = None,
    settings_file: SettingsFile = None,
) -> None:
    """Score the pipeline against the development gold in shared/."""
    from newsevents.evaluation import run_evaluation

    settings = _settings(settings_file)
    try:
        report = run_evaluation(settings, seed=seed or not e2e, e2e=e2e, shared=shared)
    except NewsEventsError as exc:
        _fail(exc)
    typer.echo(report)


@app.command()
def bench(
    inputs: Annotated[list[str] | None, typer.Argument(help="Inputs to time (default: samples).")] = None,
    repeat: Annotated[int, typer.Option(help="Passes over the inputs.")] = 3,
    settings_file: SettingsFile = None,
) -> None:
    """Print articles/s end to end, the raw spaCy parse rate on the same text, and peak memory."""
    from newsevents.bench import run_bench

    settings = _settings(settings_file)
    try:
        typer.echo(run_bench(inputs or ["samples"], settings=settings, repeat=repeat))
    except NewsEventsError as exc:
        _fail(exc)


def main() -> None:
    """Run the command line."""
    app()
