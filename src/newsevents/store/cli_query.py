"""Query commands over the store: ``events``, ``dyad``, ``top``, ``timeline``, ``mentions``.

Thin shells: parse options into filters, call one :class:`~newsevents.store.Store` method on
a read-only store, print a table, CSV or JSON lines (or write a chart).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any

import typer

from newsevents.cli_common import Db, fail, load_cli_settings
from newsevents.errors import NewsEventsError

Actor = Annotated[str | None, typer.Option(help="Actor code prefix on either side, e.g. AZE or IGOUNO.")]
Country = Annotated[str | None, typer.Option(help="Country (ISO alpha-3) of either side, e.g. ARM.")]
Source = Annotated[str | None, typer.Option(help="Source actor code prefix.")]
Target = Annotated[str | None, typer.Option(help="Target actor code prefix.")]
Dyad = Annotated[str | None, typer.Option(help="Two actor code prefixes, either direction: AZE,ARM.")]
Code = Annotated[str | None, typer.Option(help="CAMEO code prefix, e.g. 19 or 042.")]
Root = Annotated[str | None, typer.Option(help="CAMEO root code, e.g. 19.")]
Quad = Annotated[int | None, typer.Option("--quad", help="QuadClass 1-4.")]
Since = Annotated[str | None, typer.Option(help="First event date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, typer.Option(help="Last event date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Place = Annotated[str | None, typer.Option(help="Part of the place name, or its country code.")]
Text = Annotated[str | None, typer.Option(help="Words the evidence sentence must contain.")]
Format = Annotated[str, typer.Option("--format", help="table, csv or json.")]
By = Annotated[str, typer.Option("--by", help="day, week, month or year.")]
Claimed = Annotated[
    bool, typer.Option("--claimed/--all", help="Only claimed events (not negated, intended, hypothetical).")
]
From = Annotated[
    str, typer.Option("--from", help="reports (one row per sentence), unique (deduplicated) or gdelt.")
]


def register_queries(app: typer.Typer) -> None:
    """Add the query commands to ``app``."""
    for command in (events, dyad, top, timeline, mentions):
        app.command()(command)


def _dyad(value: str | None) -> tuple[str, str] | None:
    """Return ``A,B`` as a pair of codes (exit with an error when it is not two codes)."""
    if value is None:
        return None
    parts = [part.strip() for part in value.replace(" ", ",").split(",") if part.strip()]
    if len(parts) != 2:
        fail(ValueError(f"--dyad needs two actor codes such as AZE,ARM, not {value!r}"))
    return parts[0], parts[1]


def _query(method: str, *args: Any, db: str | None, **options: Any) -> list[dict[str, object]]:
    """Open the store read-only, call one of its query methods and return the rows."""
    from newsevents.store import open_store

    settings = load_cli_settings(None, db_path=db)
    try:
        with open_store(settings.db_path, read_only=True) as store:
            rows: list[dict[str, object]] = getattr(store, method)(*args, **options)
            return rows
    except NewsEventsError as exc:
        fail(exc)


def print_rows(rows: Sequence[dict[str, Any]], fmt: str, *, events: bool = False) -> None:
    """Print rows as a table (every column, or the event columns), CSV or JSON lines."""
    from rich.console import Console
    from rich.table import Table

    from newsevents.render import render_rows

    if fmt not in ("table", "csv", "json"):
        fail(ValueError(f"--format must be table, csv or json, not {fmt!r}"))
    if fmt != "table" or events:
        render_rows(rows, fmt)
        return
    table = Table(*(rows[0] if rows else ()))
    for row in rows:
        table.add_row(*("" if value is None else str(value) for value in row.values()))
    Console(width=200).print(table)


def events(
    db: Db = None,
    actor: Actor = None,
    country: Country = None,
    source: Source = None,
    target: Target = None,
    dyad: Dyad = None,
    code: Code = None,
    root: Root = None,
    quad: Quad = None,
    since: Since = None,
    until: Until = None,
    place: Place = None,
    text: Text = None,
    claimed: Claimed = False,
    dataset: From = "reports",
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
    fmt: Format = "table",
) -> None:
    """Query the stored events (each report, or --from unique for events merged across articles)."""
    rows = _query(
        "events",
        db=db,
        dataset=dataset,
        actor=actor,
        country=country,
        source=source,
        target=target,
        dyad=_dyad(dyad),
        code=code,
        root=root,
        quad_class=quad,
        since=since,
        until=until,
        place=place,
        text=text,
        claimed=claimed,
        limit=limit,
    )
    print_rows(rows, fmt, events=True)


def dyad(
    first: Annotated[str, typer.Argument(help="Source actor code prefix, e.g. AZE.")],
    second: Annotated[str, typer.Argument(help="Target actor code prefix, e.g. ARM.")],
    db: Db = None,
    by: By = "month",
    both: Annotated[bool, typer.Option("--both", help="Count both directions.")] = False,
    since: Since = None,
    until: Until = None,
    root: Root = None,
    claimed: Claimed = True,
    dataset: From = "unique",
    fmt: Format = "table",
) -> None:
    """Count the events of a dyad per period: per QuadClass, Goldstein sum and mean."""
    rows = _query(
        "dyad",
        first,
        second,
        db=db,
        both=both,
        by=by,
        dataset=dataset,
        since=since,
        until=until,
        root=root,
        claimed=claimed,
    )
    print_rows(rows, fmt)


def top(
    kind: Annotated[str, typer.Argument(help="actors, codes or places.")],
    db: Db = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 20,
    actor: Actor = None,
    country: Country = None,
    root: Root = None,
    since: Since = None,
    until: Until = None,
    claimed: Claimed = True,
    dataset: From = "unique",
    fmt: Format = "table",
) -> None:
    """List the most frequent actors, event codes or places."""
    rows = _query(
        "top",
        kind,
        db=db,
        dataset=dataset,
        limit=limit,
        actor=actor,
        country=country,
        root=root,
        since=since,
        until=until,
        claimed=claimed,
    )
    print_rows(rows, fmt)


def timeline(
    db: Db = None,
    by: By = "month",
    actor: Actor = None,
    country: Country = None,
    dyad: Dyad = None,
    root: Root = None,
    since: Since = None,
    until: Until = None,
    place: Place = None,
    claimed: Claimed = True,
    dataset: From = "unique",
    plot: Annotated[str | None, typer.Option(help="Write a chart: FILE.html (offline) or FILE.png.")] = None,
    title: Annotated[str | None, typer.Option(help="Title of the chart.")] = None,
    fmt: Format = "table",
) -> None:
    """Print (or --plot) events per period: per QuadClass, with the Goldstein mean."""
    from newsevents.store.plot import write_plot

    filters = {"actor": actor, "country": country, "dyad": _dyad(dyad), "root": root, "place": place}
    rows = _query(
        "series", db=db, by=by, dataset=dataset, since=since, until=until, claimed=claimed, **filters
    )
    if plot is None:
        print_rows(rows, fmt)
        return
    named = ", ".join(f"{k} {v if k != 'dyad' else '-'.join(v)}" for k, v in filters.items() if v)
    try:
        written = write_plot(rows, plot, title=title or f"Events per {by}" + (f" ({named})" if named else ""))
    except NewsEventsError as exc:
        fail(exc)
    typer.echo(f"newsevents timeline: wrote {written} ({len(rows)} periods)", err=True)


def mentions(
    event_id: Annotated[str, typer.Argument(help="The id of a deduplicated event (events --from unique).")],
    db: Db = None,
    fmt: Format = "table",
) -> None:
    """List every report of a deduplicated event: article, sentence, publisher."""
    print_rows(_query("mentions", event_id, db=db), fmt)
