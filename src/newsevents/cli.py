"""The command line: thin commands that parse options, call the library and print.

Library errors become one clean ``Error: …`` line on stderr and exit code 1; per-input
problems are data, reported in the output and counted in the stderr summary.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli_common import Inputs, Model, SettingsFile, fail, load_cli_settings, stderr_summary
from newsevents.errors import NewsEventsError
from newsevents.model import result_to_dict

app = typer.Typer(
    name="newsevents",
    help="Turn raw news pages into political event data (CAMEO, PLOVER, ACLED).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
        fail(ValueError(f"--format must be jsonl or table, not {fmt!r}"))
    settings = load_cli_settings(settings_file, spacy_model=model)
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
        fail(exc)
    stderr_summary("extract", stats.summary())


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

    settings = load_cli_settings(settings_file)
    try:
        report = run_evaluation(settings, seed=seed or not e2e, e2e=e2e, shared=shared)
    except NewsEventsError as exc:
        fail(exc)
    typer.echo(report)


@app.command()
def bench(
    inputs: Annotated[list[str] | None, typer.Argument(help="Inputs to time (default: samples).")] = None,
    repeat: Annotated[int, typer.Option(help="Passes over the inputs.")] = 3,
    settings_file: SettingsFile = None,
) -> None:
    """Print articles/s end to end, the raw spaCy parse rate on the same text, and peak memory."""
    from newsevents.bench import run_bench

    settings = load_cli_settings(settings_file)
    try:
        typer.echo(run_bench(inputs or ["samples"], settings=settings, repeat=repeat))
    except NewsEventsError as exc:
        fail(exc)


def main() -> None:
    """Run the command line."""
    app()


def _register_store_commands() -> None:
    """Add the store and query commands (run, events, ...) that live beside the store."""
    from newsevents.store_cli import register

    register(app)


_register_store_commands()
