"""Commands that write and query the event store: ``run``, ``events`` and the analyst's tools.

Registered on the main application by :func:`register`; each command parses options, calls
the store library and prints. ``run`` composes the pipeline and the store: it expands the
inputs, skips the files a previous run finished, streams the rest into the store with a
progress display, and deduplicates the events at the end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli_common import Db, Inputs, Model, SettingsFile, fail, load_cli_settings, stderr_summary
from newsevents.errors import NewsEventsError
from newsevents.model import Problem, Result

if TYPE_CHECKING:
    from newsevents.pipeline import Pipeline, RunStats
    from newsevents.store.inputs import InputKey, Progress, Unit

Planned = tuple[str, "InputKey | None"] | Problem
ProgressMode = Annotated[
    str,
    typer.Option(
        "--progress", help="auto (a bar on a terminal, else quiet), bar, lines (one per commit) or none."
    ),
]
CommitSeconds = Annotated[
    float, typer.Option("--commit-seconds", help="Commit finished inputs at least this often (seconds).")
]
Redo = Annotated[bool, typer.Option("--redo", help="Read again the inputs a previous run finished.")]


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""
    from newsevents.store.cli_data import register_data
    from newsevents.store.cli_query import register_queries

    app.command()(run)
    register_queries(app)
    register_data(app)


def plan_inputs(inputs: list[str], done: set[str]) -> tuple[list[Planned], int]:
    """Return the inputs to read, (name, identity) or a Problem, and how many were done before."""
    from newsevents.ingest.sources import expand_inputs
    from newsevents.store.inputs import input_key

    planned: list[Planned] = []
    skipped = 0
    for source in expand_inputs(inputs):
        if isinstance(source, Problem):
            planned.append(source)
        elif source.is_stdin:
            planned.append(("-", None))
        elif (key := input_key(source.name)) is not None and key.id in done:
            skipped += 1
        else:
            planned.append((source.name, key))
    return planned, skipped


def _counted(results: Iterable[Result], stats: RunStats) -> Iterator[Result]:
    """Yield results, counting them for the summary."""
    for result in results:
        stats.add(result)
        yield result


def _units(planned: list[Planned], pipeline: Pipeline, stats: RunStats) -> Iterator[Unit]:
    """Yield one unit per planned input: its identity and its results, computed lazily."""
    from newsevents.store.inputs import Unit

    for item in planned:
        if isinstance(item, Problem):
            yield Unit(None, _counted([Result(item.input_id, None, problems=(item,))], stats))
        else:
            name, key = item
            yield Unit(key, _counted(pipeline.run([name], stdin=sys.stdin.buffer), stats))


def _lines_reporter(total: int) -> Callable[[Progress], None]:
    """Return a reporter that prints one line on stderr after each commit."""

    def report(progress: Progress) -> None:
        if progress.after_commit:
            typer.echo(
                f"newsevents run: {progress.committed}/{total} inputs committed, {progress.articles} "
                f"articles, {progress.events} events, {progress.problems} problems",
                err=True,
            )

    return report


@contextmanager
def _bar_reporter(total: int) -> Iterator[Callable[[Progress], None]]:
    """Yield a reporter that drives a rich progress bar (inputs, rate, events, ETA) on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (
        TextColumn("[bold]run"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} · {task.fields[events]} events · ETA"),
        TimeRemainingColumn(),
    )
    with Bar(*columns, console=Console(stderr=True), transient=False) as bar:
        task = bar.add_task("inputs", total=total, events=0, rate="… inputs/s")

        def report(state: Progress) -> None:
            speed = bar.tasks[0].speed
            rate = f"{speed:.1f} inputs/s" if speed else "… inputs/s"
            bar.update(task, completed=state.inputs, events=state.events, rate=rate)

        yield report


def _reporter(mode: str, total: int) -> AbstractContextManager[Callable[[Progress], None] | None]:
    """Return the progress display for ``--progress`` (auto: a bar on a terminal, else none)."""
    if mode not in ("auto", "bar", "lines", "none"):
        fail(ValueError(f"--progress must be auto, bar, lines or none, not {mode!r}"))
    if mode == "auto":
        mode = "bar" if sys.stderr.isatty() else "none"
    if mode == "bar":
        return _bar_reporter(total)
    return nullcontext(_lines_reporter(total) if mode == "lines" else None)


def run(
    inputs: Inputs,
    db: Db = None,
    settings_file: SettingsFile = None,
    model: Model = None,
    progress: ProgressMode = "auto",
    commit_seconds: CommitSeconds = 2.0,
    redo: Redo = False,
) -> None:
    """Code the inputs into the store (resumable: finished inputs are skipped; idempotent)."""
    from newsevents.pipeline import Pipeline, RunStats
    from newsevents.store import open_store
    from newsevents.store.inputs import Limits

    settings = load_cli_settings(settings_file, spacy_model=model, db_path=db)
    stats = RunStats()
    try:
        with open_store(settings.db_path) as store:
            run_id = store.begin_run(inputs)
            planned, skipped = plan_inputs(inputs, set() if redo else store.done_inputs())
            units = _units(planned, Pipeline(settings), stats)
            with _reporter(progress, len(planned)) as report:
                limits = Limits(seconds=max(0.0, commit_seconds))
                summary = store.write_inputs(units, run_id=run_id, limits=limits, report=report)
            unique = store.dedup()
            store.finish_run(run_id, summary)
    except NewsEventsError as exc:
        fail(exc)
    stderr_summary(
        "run",
        f"{stats.summary()}; stored {summary.articles_new} new articles and "
        f"{summary.events_new} new events in {settings.db_path}; skipped {skipped} inputs "
        f"finished before; {unique} unique events",
    )
