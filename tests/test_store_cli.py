"""The store commands: resumable runs (kill -9 and run again), queries, charts, exports, imports."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.pipeline import Pipeline
from newsevents.store import open_store
from newsevents.store.schema import SCHEMA_VERSION, TABLES
from store.conftest import build_results

PAIRS = (("Armenia", "Azerbaijan"), ("Russia", "Ukraine"), ("India", "Pakistan"), ("Israel", "Iran"))
CLI = "from newsevents.cli import main; main()"


def _write_inputs(folder: Path, count: int) -> None:
    """Write ``count`` small inputs, JSONL and bare text by turns, each with events in it."""
    folder.mkdir()
    for number in range(count):
        first, second = PAIRS[number % len(PAIRS)]
        text = (
            f"{first} accused {second} of shelling civilian areas on Tuesday, officials said in report "
            f"{number}.\n\nThe foreign minister of {first} met his counterpart from {second} in Geneva."
        )
        record = {
            "id": f"doc-{number}",
            "text": text,
            "published": "2020-11-10",
            "publisher": f"Paper {number}",
        }
        (folder / f"in{number:03d}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")


def _stored_ids(db: Path) -> tuple[list[str], list[str], int]:
    """Return the stored article ids, event ids (duplicates kept) and finished inputs."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = [row[0] for row in con.execute("SELECT id FROM articles").fetchall()]
        events = [row[0] for row in con.execute("SELECT id FROM events").fetchall()]
        inputs = con.execute("SELECT count(*) FROM inputs").fetchone()[0]
    finally:
        con.close()
    return articles, events, int(inputs)


def _run_and_kill(folder: Path, db: Path, after_commits: int) -> None:
    """Start ``newsevents run`` and SIGKILL it once ``after_commits`` inputs are committed."""
    command = [sys.executable, "-c", CLI, "run", str(folder), "--db", str(db)]
    command += ["--progress", "lines", "--commit-seconds", "0"]
    with subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True) as proc:
        assert proc.stderr is not None
        for line in proc.stderr:
            if "inputs committed" in line and int(line.split()[2].split("/")[0]) >= after_commits:
                os.kill(proc.pid, signal.SIGKILL)
                break
        assert proc.wait(timeout=60) == -signal.SIGKILL, "the run ended before it could be killed"


def test_store_cli_run_killed_then_resumed_loses_and_duplicates_nothing(
    tmp_path: Path, pipeline: Pipeline
) -> None:
    folder, db = tmp_path / "inputs", tmp_path / "events.duckdb"
    _write_inputs(folder, 12)
    expected = list(pipeline.run([str(folder)]))
    _run_and_kill(folder, db, after_commits=2)
    articles, events, done = _stored_ids(db)
    assert 2 <= done < 12
    resumed = subprocess.run(
        [sys.executable, "-c", CLI, "run", str(folder), "--db", str(db)], capture_output=True, text=True
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"skipped {done} inputs finished before" in resumed.stderr
    articles, events, done = _stored_ids(db)
    assert sorted(articles) == sorted(r.article.id for r in expected if r.article)
    assert sorted(events) == sorted(e.id for r in expected for e in r.events)
    assert done == 12


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store holding the hand-built results of the store tests, deduplicated."""
    path = tmp_path_factory.mktemp("cli") / "events.duckdb"
    with open_store(path) as store:
        run_id = store.begin_run(["x"])
        store.finish_run(run_id, store.write(build_results(), run_id=run_id))
        store.dedup()
    return str(path)


@pytest.fixture
def runner() -> CliRunner:
    """Return a runner that keeps stdout and stderr apart."""
    return CliRunner()


def _json(output: str) -> list[dict[str, object]]:
    """Return JSON lines as dicts."""
    return [json.loads(line) for line in output.splitlines()]


@pytest.mark.parametrize(
    ("options", "codes"),
    [
        (["--country", "GBR"], {"042", "036"}),
        (["--source", "ARM"], {"190", "112"}),
        (["--dyad", "ARM,AZE"], {"190"}),
        (["--place", "baku"], {"042"}),
        (["--claimed", "--actor", "IGO"], {"112"}),
        (["--quad", "3"], {"112"}),
        (["--from", "unique", "--root", "19"], {"190"}),
    ],
)
def test_store_cli_events_filters(runner: CliRunner, db: str, options: list[str], codes: set[str]) -> None:
    result = runner.invoke(app, ["events", "--db", db, "--format", "json", *options])
    assert result.exit_code == 0, result.stderr
    assert {row["code"] for row in _json(result.stdout)} == codes


def test_store_cli_dyad_by_month_counts_quad_classes(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["dyad", "GBR", "ARM", "--db", db, "--by", "month", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (row,) = _json(result.stdout)
    assert (row["period"], row["events"], row["verbal_coop"], row["goldstein_sum"]) == ("2016-10", 1, 1, 1.0)


def test_store_cli_top_actors_as_csv(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["top", "actors", "--db", db, "--all", "--format", "csv", "--limit", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["actor,events,as_source,as_target", "ARM,3,2,1"]


def test_store_cli_timeline_writes_offline_html(runner: CliRunner, db: str, tmp_path: Path) -> None:
    target = tmp_path / "timeline.html"
    result = runner.invoke(app, ["timeline", "--db", db, "--by", "year", "--all", "--plot", str(target)])
    assert result.exit_code == 0, result.stderr
    page = target.read_text(encoding="utf-8")
    assert "<svg" in page
    assert "src=" not in page


def test_store_cli_bad_period_is_one_error_line(runner: CliRunner, db: str) -> None:
    result = runner.invoke(app, ["timeline", "--db", db, "--by", "fortnight"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E616] Bad value by='fortnight'")


def test_store_cli_export_and_import_gdelt(runner: CliRunner, db: str, tmp_path: Path) -> None:
    tsv, other = tmp_path / "events.tsv", tmp_path / "other.duckdb"
    exported = runner.invoke(app, ["export", "gdelt", str(tsv), "--db", db])
    assert exported.exit_code == 0, exported.stderr
    imported = runner.invoke(app, ["import-gdelt", str(tsv), "--db", str(other)])
    assert imported.exit_code == 0, imported.stderr
    assert "2 new GDELT events" in imported.stderr  # the claimed events dated to the day
    query = runner.invoke(app, ["events", "--db", str(other), "--from", "gdelt", "--format", "json"])
    assert sorted(row["code"] for row in _json(query.stdout)) == ["042", "112"]


def test_store_cli_mentions_trace_an_event_to_its_sentence(runner: CliRunner, db: str) -> None:
    unique = _json(runner.invoke(app, ["events", "--db", db, "--from", "unique", "--format", "json"]).stdout)
    event = next(row for row in unique if row["code"] == "112")
    result = runner.invoke(app, ["mentions", str(event["id"]), "--db", db, "--format", "json"])
    (mention,) = _json(result.stdout)
    assert mention["sentence"] == "Armenia blamed the UN."


def test_store_cli_migrate_upgrades_an_old_store(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE meta (schema_version INTEGER, created TIMESTAMP, newsevents_version VARCHAR)")
    con.execute("INSERT INTO meta VALUES (1, NULL, '0.1.0')")
    for table in TABLES[:4]:
        con.execute(table.ddl())
    con.close()
    refused = runner.invoke(app, ["events", "--db", str(path)])
    assert refused.stderr.startswith("Error: [E604]")
    result = runner.invoke(app, ["migrate", "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    assert f"schema version {SCHEMA_VERSION}" in result.stderr
    assert runner.invoke(app, ["events", "--db", str(path)]).exit_code == 0
