"""Commands that write and query the event store: ``run``, ``events``.

Registered on the main application by :func:`register`; each command parses options, calls
the store library and prints.
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from newsevents.cli_common import Db, Inputs, Model, SettingsFile, fail, load_cli_settings, stderr_summary
from newsevents.errors import NewsEventsError


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    app.command()(run)
    app.command()(events)


def run(inputs: Inputs, db: Db = None, settings_file: SettingsFile = None, model: Model = None) -> None:
    """Code the inputs and store articles, events and problems in DuckDB (idempotent)."""
    from newsevents.pipeline import Pipeline, RunStats
    from newsevents.store import open_store

    settings = load_cli_settings(settings_file, spacy_model=model, db_path=db)
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
        fail(exc)
    stderr_summary(
        "run",
        f"{stats.summary()}; stored {summary.articles_new} new articles and "
        f"{summary.events_new} new events in {settings.db_path}",
    )


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

    settings = load_cli_settings(None, db_path=db)
    try:
        with open_store(settings.db_path, read_only=True) as store:
            rows = store.events(actor=actor, code=code, since=since, until=until, text=text, limit=limit)
    except NewsEventsError as exc:
        fail(exc)
    render_rows(rows, fmt)
