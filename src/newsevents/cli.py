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
    sets: Annotated[
        list[str] | None,
        typer.Argument(
            help="Gold sets: seed, e2e, sentences, plover, acled, actors, locations, extraction, or all "
            "(default: seed)."
        ),
    ] = None,
    seed: Annotated[bool, typer.Option("--seed", help="Same as the set name seed.")] = False,
    e2e: Annotated[bool, typer.Option("--e2e", help="Same as the set name e2e.")] = False,
    shared: Annotated[Path | None, typer.Option(help="The shared/ folder (default: ../shared).")] = None,
    settings_file: SettingsFile = None,
) -> None:
    """Score the pipeline against the development gold in shared/ and print one summary table."""
    from newsevents.evaluation import EVENT_SETS, run_evaluation

    chosen = [*(sets or []), *(["seed"] if seed else []), *(["e2e"] if e2e else [])] or ["seed"]
    chosen = list(EVENT_SETS) if "all" in chosen else list(dict.fromkeys(chosen))
    settings = load_cli_settings(settings_file)
    try:
        report = run_evaluation(settings, sets=chosen, shared=shared)
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
