"""The command line: the JSONL contract, summaries on stderr, exit codes, the store commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = str(ROOT / "samples" / "pages" / "2020-11-10_karabakh-ceasefire.txt")
ARTICLE_KEYS = {
    "id",
    "input_id",
    "url",
    "source_path",
    "publisher",
    "title",
    "published",
    "published_precision",
    "page_date",
    "authors",
    "language",
    "paragraphs",
    "extraction",
}
EVENT_KEYS = {
    "id",
    "article_id",
    "sentence_index",
    "sentence",
    "trigger",
    "code",
    "base_code",
    "root_code",
    "quad_class",
    "goldstein",
    "plover",
    "acled",
    "source",
    "target",
    "date",
    "date_precision",
    "date_basis",
    "historical",
    "negated",
    "modality",
    "location",
    "confidence",
}


@pytest.fixture
def runner() -> CliRunner:
    """Return a runner that keeps stdout and stderr apart."""
    return CliRunner()


def test_cli_extract_jsonl_follows_the_contract(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", SAMPLE])
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert set(record) == {"article", "events", "problems"}
    assert set(record["article"]) == ARTICLE_KEYS
    assert record["events"]
    assert set(record["events"][0]) == EVENT_KEYS
    assert re.search(r"1 inputs, 1 articles, \d+ events, 0 problems", result.stderr)


def test_cli_extract_articles_only(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", SAMPLE, "--articles-only"])
    record = json.loads(result.stdout)
    assert set(record) == {"article", "problems"}


def test_cli_extract_reads_stdin(runner: CliRunner) -> None:
    text = Path(SAMPLE).read_text(encoding="utf-8")
    result = runner.invoke(app, ["extract", "-", "--articles-only"], input=text)
    assert json.loads(result.stdout)["article"]["input_id"] == "<stdin>"


def test_cli_extract_table_is_for_people(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", SAMPLE, "--format", "table"])
    assert result.exit_code == 0
    assert "code" in result.stdout
    assert "source" in result.stdout


def test_cli_bad_input_is_reported_and_exit_is_zero(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["extract", str(empty), SAMPLE, str(tmp_path / "nope.txt")])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["problems"][0]["code"] if r["problems"] else None for r in records] == ["E202", None, "E201"]
    assert "3 inputs, 1 articles" in result.stderr
    assert "E201: 1, E202: 1" in result.stderr


def test_cli_bad_format_is_one_error_line(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", SAMPLE, "--format", "xml"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --format must be jsonl or table")


def test_cli_bad_settings_file_is_one_error_line(runner: CliRunner, tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    settings.write_text('{"batch_size": "many"}')
    result = runner.invoke(app, ["extract", SAMPLE, "--settings", str(settings)])
    assert result.exit_code == 1
    assert "Error: [E102] Setting 'batch_size' must be int" in result.stderr


def test_cli_run_is_idempotent_and_queryable(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    first = runner.invoke(app, ["run", SAMPLE, "--db", db])
    second = runner.invoke(app, ["run", SAMPLE, "--db", db])
    assert first.exit_code == 0, first.stderr
    assert re.search(r"stored 1 new articles and [1-9]\d* new events", first.stderr)
    assert "stored 0 new articles and 0 new events" in second.stderr
    query = runner.invoke(app, ["events", "--db", db, "--format", "json", "--actor", "AZE"])
    rows = [json.loads(line) for line in query.stdout.splitlines()]
    assert rows
    assert all(
        "AZE" in (r["source_code"], r["target_code"])
        or r["source_code"].startswith("AZE")
        or str(r["target_code"]).startswith("AZE")
        for r in rows
    )


def test_cli_events_on_a_file_that_is_no_database(runner: CliRunner, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("shopping list")
    result = runner.invoke(app, ["events", "--db", str(bogus)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: [E603]")


def test_cli_readme_commands_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("\n## ", 1)[0]
    assert "make demo" in head
    assert "make test" in head
    for command in re.findall(r"^newsevents ([\w-]+)", readme, flags=re.MULTILINE):
        assert command in {c.name or c.callback.__name__ for c in app.registered_commands if c.callback}
