"""Data commands over the store: ``export``, ``import-gdelt``, ``migrate``, ``bench-store``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli_common import Db, fail, load_cli_settings, stderr_summary
from newsevents.errors import NewsEventsError

_EXPORTS = ("gdelt", "jsonl", "parquet")


def register_data(app: typer.Typer) -> None:
    """Add the data commands to ``app``."""
    app.command()(export)
    app.command("import-gdelt")(import_gdelt)
    app.command()(migrate)
    app.command("bench-store")(bench_store)


def export(
    kind: Annotated[str, typer.Argument(help="gdelt (GDELT 2.0 event TSV), jsonl or parquet.")],
    path: Annotated[Path, typer.Argument(help="File to write (a folder for parquet).")],
    db: Db = None,
    header: Annotated[bool, typer.Option(help="gdelt: write a header line (GDELT files have none).")] = False,
    by_month: Annotated[bool, typer.Option("--by-month", help="parquet: events in month folders.")] = False,
) -> None:
    """Export the store: GDELT 2.0 event table, extract-form JSONL, or Parquet per table."""
    from newsevents.store import open_store

    if kind not in _EXPORTS:
        fail(ValueError(f"the export kind must be gdelt, jsonl or parquet, not {kind!r}"))
    settings = load_cli_settings(None, db_path=db)
    try:
        with open_store(settings.db_path, read_only=True) as store:
            if kind == "gdelt":
                count = f"{store.export_gdelt(path, header=header)} events"
            elif kind == "jsonl":
                count = f"{store.export_jsonl(path)} results"
            else:
                count = f"{len(store.export_parquet(path, by_month=by_month))} tables"
    except NewsEventsError as exc:
        fail(exc)
    stderr_summary("export", f"wrote {count} to {path}")


def import_gdelt(
    files: Annotated[list[Path], typer.Argument(help="GDELT 2.0 event files (.CSV, .gz or .zip).")],
    db: Db = None,
) -> None:
    """Import GDELT 2.0 event files, to compare with ours (--from gdelt in the queries)."""
    from newsevents.store import open_store

    settings = load_cli_settings(None, db_path=db)
    try:
        with open_store(settings.db_path) as store:
            new = sum(store.import_gdelt(path) for path in files)
    except NewsEventsError as exc:
        fail(exc)
    stderr_summary("import-gdelt", f"{new} new GDELT events from {len(files)} files in {settings.db_path}")


def migrate(db: Db = None) -> None:
    """Upgrade a store made by an older newsevents to the current schema."""
    from newsevents.store import open_store
    from newsevents.store.schema import SCHEMA_VERSION

    settings = load_cli_settings(None, db_path=db)
    try:
        with open_store(settings.db_path):
            pass
    except NewsEventsError as exc:
        fail(exc)
    stderr_summary("migrate", f"{settings.db_path} is at schema version {SCHEMA_VERSION}")


def bench_store(
    events: Annotated[int, typer.Option(help="Events written through the bulk writer.")] = 100_000,
    query_events: Annotated[
        int, typer.Option(help="Synthetic events for the dedup and dyad-by-month queries.")
    ] = 1_000_000,
    path: Annotated[
        Path | None, typer.Option(help="Keep the query store here (default: a temp file).")
    ] = None,
) -> None:
    """Print store speeds: events/s inserted, dedup and dyad-by-month query times, size per million."""
    from newsevents.store.bench import bench_queries, bench_store, format_report

    try:
        write = bench_store(events)
        query = bench_queries(query_events, path=path)
    except NewsEventsError as exc:
        fail(exc)
    typer.echo(format_report(write, query))
