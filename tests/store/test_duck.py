"""The DuckDB store: round trip, idempotent writes, filters, runs, errors and exports."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsevents.errors import StoreError
from newsevents.model import Result, result_to_dict
from newsevents.store import RunSummary, Store, open_store
from newsevents.store.schema import TABLES

from .conftest import ARM, AZE_MIL, build_results, make_article


def _write(store: Store, results: list[Result]) -> RunSummary:
    """Write results in a run of their own and return its summary."""
    run_id = store.begin_run([r.input_id for r in results])
    summary = store.write(results, run_id=run_id)
    store.finish_run(run_id, summary)
    return summary


@pytest.fixture(scope="module")
def queried(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One filled store shared by the read-only query tests of this module."""
    with open_store(tmp_path_factory.mktemp("query") / "events.duckdb") as store:
        _write(store, build_results())
        yield store


def test_duck_counts_after_one_run(filled: Store) -> None:
    assert filled.counts() == {"articles": 2, "events": 5, "problems": 2, "runs": 1}


def test_duck_summary_counts_seen_and_new(store: Store, results: list[Result]) -> None:
    assert _write(store, results) == RunSummary(articles_seen=2, articles_new=2, events_new=5, problems=2)


def test_duck_empty_store_counts_zero(store: Store) -> None:
    assert store.counts() == {"articles": 0, "events": 0, "problems": 0, "runs": 0}


def test_duck_rewrite_leaves_counts_unchanged(filled: Store, results: list[Result]) -> None:
    before = filled.counts()
    again = _write(filled, build_results())
    assert again == RunSummary(articles_seen=2, articles_new=0, events_new=0, problems=2)
    assert filled.counts() == {**before, "runs": 2}


def test_duck_duplicates_in_one_batch_are_stored_once(store: Store, results: list[Result]) -> None:
    summary = _write(store, results + results)
    assert (summary.articles_new, summary.events_new) == (2, 5)
    assert store.counts()["problems"] == 2


@pytest.mark.parametrize("batch_size", [1, 2, 500])
def test_duck_batch_size_does_not_change_result(store: Store, results: list[Result], batch_size: int) -> None:
    run_id = store.begin_run(["x"])
    assert store.write(results, run_id=run_id, batch_size=batch_size).events_new == 5
    assert store.counts()["events"] == 5


def test_duck_write_accepts_a_generator(store: Store, results: list[Result]) -> None:
    run_id = store.begin_run(["x"])
    assert store.write((r for r in results), run_id=run_id).articles_new == 2


def test_duck_article_row_round_trip(filled: Store, results: list[Result]) -> None:
    row = filled.articles()[0]
    article = results[0].article
    assert article is not None
    assert row["id"] == article.id
    assert row["authors"] == ["A. Writer", "B. Writer"]
    assert row["paragraphs"] == list(article.paragraphs)
    assert (row["extraction_method"], row["extraction_warnings"]) == ("text", ["no byline"])
    assert row["published"] == "2016-09-09T16:15:00+04:00"


def test_duck_articles_limit(filled: Store) -> None:
    assert [row["title"] for row in filled.articles(limit=1)] == ["Title of pages/baku.txt"]


def test_duck_event_row_with_target_and_location(filled: Store, results: list[Result]) -> None:
    event = results[0].events[0]
    (row,) = [r for r in filled.events() if r["id"] == event.id]
    assert (row["source_code"], row["source_name"], row["source_start"]) == ("AZEMIL", "Zakir Hasanov", 0)
    assert (row["target_code"], row["target_agent"]) == ("GBRGOV", "GOV")
    assert (row["location_name"], row["location_lat"], row["location_geonames_id"]) == (
        "Baku",
        40.37767,
        587084,
    )
    assert row["acled_event_type"] is None
    assert row["confidence"] == 0.9


def test_duck_event_row_without_target(filled: Store, results: list[Result]) -> None:
    event = results[0].events[2]
    (row,) = [r for r in filled.events() if r["id"] == event.id]
    assert row["target_code"] is None
    assert (row["negated"], row["modality"], row["date"]) == (True, "demanded", None)


def test_duck_event_row_with_acled(filled: Store, results: list[Result]) -> None:
    (row,) = filled.events(code="190")
    assert (row["acled_event_type"], row["acled_sub_event_type"]) == ("Battles", "Armed clash")
    assert (row["historical"], row["goldstein"], row["plover_mode"]) == (True, -10.0, None)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, {(0, 0), (0, 1), (0, 2), (1, 0), (1, 3)}),
        ({"actor": "AZE"}, {(0, 0), (0, 1)}),
        ({"actor": "aze"}, {(0, 0), (0, 1)}),
        ({"actor": "IGO"}, {(0, 2), (1, 3)}),
        ({"actor": "GBRGOV"}, {(0, 0), (1, 0)}),
        ({"code": "02"}, {(0, 2)}),
        ({"code": "0231"}, {(0, 2)}),
        ({"root": "19"}, {(0, 1)}),
        ({"root": "4"}, {(0, 0)}),
        ({"quad_class": 3}, {(1, 3)}),
        ({"since": "2016-09-01"}, {(0, 0), (1, 0), (1, 3)}),
        ({"since": "2016-10"}, {(1, 0)}),
        ({"until": "1999"}, {(0, 1)}),
        ({"since": "2016-09-09", "until": "2016-09-09"}, {(0, 0), (1, 3)}),
        ({"since": "2016", "until": "2016"}, {(0, 0), (1, 0), (1, 3)}),
        ({"until": "2016-10-31"}, {(0, 0), (0, 1), (1, 0), (1, 3)}),
        ({"text": "BLAMED"}, {(1, 3)}),
        ({"text": "met", "actor": "ARM"}, {(0, 1), (1, 0), (1, 3)}),
        ({"text": "number 2"}, {(0, 2)}),
        ({"actor": "AZE", "root": "19", "since": "2000"}, set()),
    ],
)
def test_duck_events_filters(
    queried: Store, results: list[Result], filters: dict[str, Any], expected: set[Any]
) -> None:
    ids = {e.id: (i, e.sentence_index) for i, r in enumerate(results) for e in r.events}
    assert {ids[str(row["id"])] for row in queried.events(**filters)} == expected


def test_duck_events_limit_and_order(filled: Store) -> None:
    rows = filled.events(limit=3)
    assert [row["date"] for row in rows] == ["1994", "2016-09-09", "2016-09-09"]


@pytest.mark.parametrize(
    "filters",
    [{"quad_class": 5}, {"limit": -1}, {"since": "09/09/2016"}, {"until": "2016-9"}],
)
def test_duck_events_bad_filter_is_e614(queried: Store, filters: dict[str, Any]) -> None:
    with pytest.raises(StoreError) as info:
        queried.events(**filters)
    assert info.value.code == "E614"


def test_duck_problems_are_stored_with_their_run(store: Store, results: list[Result]) -> None:
    run_id = store.begin_run(["x"])
    store.write(results, run_id=run_id)
    con = store._con
    rows = con.execute("SELECT run_id, input_id, code, stage, line FROM problems ORDER BY code").fetchall()
    assert rows == [
        (run_id, "pages/broken.jsonl", "E205", "ingest", 7),
        (run_id, "pages/london.html", "W301", "article", None),
    ]


def test_duck_finish_run_records_summary(filled: Store, results: list[Result]) -> None:
    (run,) = filled.runs()
    assert json.loads(str(run["inputs"])) == [r.input_id for r in results]
    assert (run["articles_seen"], run["articles_new"], run["events_new"], run["problems"]) == (2, 2, 5, 2)
    assert run["finished"] is not None


def test_duck_begin_run_ids_differ(store: Store) -> None:
    assert store.begin_run([]) != store.begin_run([])


@pytest.mark.parametrize(
    "call",
    [
        lambda store, results: store.write(results, run_id="nope"),
        lambda store, results: store.finish_run("nope", RunSummary()),
    ],
    ids=["write", "finish_run"],
)
def test_duck_unknown_run_is_e613(
    store: Store, results: list[Result], call: Callable[[Store, Any], Any]
) -> None:
    with pytest.raises(StoreError) as info:
        call(store, results)
    assert info.value.code == "E613"
    assert store.counts()["articles"] == 0


def test_duck_data_survives_reopening(filled: Store, db_path: Path) -> None:
    filled.close()
    with open_store(db_path, read_only=True) as again:
        assert again.counts() == {"articles": 2, "events": 5, "problems": 2, "runs": 1}


def test_duck_read_only_refuses_writes(filled: Store, db_path: Path) -> None:
    filled.close()
    with open_store(db_path, read_only=True) as again, pytest.raises(StoreError) as info:
        again.begin_run(["x"])
    assert info.value.code == "E615"


def test_duck_closed_store_is_e612(store: Store) -> None:
    store.close()
    store.close()
    with pytest.raises(StoreError) as info:
        store.counts()
    assert info.value.code == "E612"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"hello, this is a text file\n", "not a DuckDB database"),
        (bytes(range(256)) * 40, "not a DuckDB database"),
        (b"SQLite format 3\x00" + b"\x00" * 4080, "SQLite"),
    ],
)
@pytest.mark.parametrize("read_only", [False, True])
def test_duck_not_a_duckdb_file_is_e603_and_untouched(
    tmp_path: Path, content: bytes, reason: str, read_only: bool
) -> None:
    path = tmp_path / "events.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError) as info:
        open_store(path, read_only=read_only)
    assert info.value.code == "E603"
    assert reason in str(info.value)
    assert path.read_bytes() == content


def test_duck_broken_duckdb_file_is_e603(db_path: Path) -> None:
    with open_store(db_path):
        pass
    data = bytearray(db_path.read_bytes())
    data[12:4096] = bytes(4084)  # keep the magic bytes, wipe the header behind them
    db_path.write_bytes(bytes(data))
    with pytest.raises(StoreError) as info:
        open_store(db_path)
    assert info.value.code in {"E603", "E601"}
    assert isinstance(info.value.__cause__, duckdb.Error)


def test_duck_foreign_duckdb_database_is_e603(db_path: Path) -> None:
    con = duckdb.connect(str(db_path))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError) as info:
        open_store(db_path)
    assert info.value.code == "E603"


def test_duck_newer_schema_is_e602(filled: Store, db_path: Path) -> None:
    filled.close()
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET schema_version = 99")
    con.close()
    with pytest.raises(StoreError) as info:
        open_store(db_path)
    assert info.value.code == "E602"
    assert "99" in str(info.value)


@pytest.mark.parametrize("read_only", [False, True])
def test_duck_directory_is_e601(tmp_path: Path, read_only: bool) -> None:
    with pytest.raises(StoreError) as info:
        open_store(tmp_path, read_only=read_only)
    assert info.value.code == "E601"


def test_duck_missing_file_read_only_is_e601(db_path: Path) -> None:
    with pytest.raises(StoreError) as info:
        open_store(db_path, read_only=True)
    assert info.value.code == "E601"
    assert not db_path.exists()


def test_duck_locked_file_is_e601(filled: Store, db_path: Path) -> None:
    holder = (
        "import duckdb, sys; con = duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    )
    filled.close()
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(db_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as proc:
        assert proc.stdout is not None
        assert proc.stdin is not None
        assert proc.stdout.readline().strip() == "ready"
        try:
            with pytest.raises(StoreError) as info:
                open_store(db_path)
        finally:
            proc.stdin.close()
    assert info.value.code == "E601"
    assert "lock" in str(info.value)


def test_duck_creates_missing_parent_folder(tmp_path: Path) -> None:
    with open_store(tmp_path / "new" / "dir" / "events.duckdb") as store:
        assert store.counts()["runs"] == 0


def test_duck_export_jsonl_gives_the_extract_form(
    filled: Store, results: list[Result], tmp_path: Path
) -> None:
    path = tmp_path / "out.jsonl"
    assert filled.export_jsonl(path) == 3
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [result_to_dict(r) for r in results]


def test_duck_export_parquet_reads_back(filled: Store, tmp_path: Path) -> None:
    files = filled.export_parquet(tmp_path / "parquet")
    assert [f.name for f in files] == [f"{t.name}.parquet" for t in TABLES]
    con = duckdb.connect()
    counts = {f.stem: len(con.execute("SELECT * FROM read_parquet(?)", [str(f)]).fetchall()) for f in files}
    assert counts == {
        "runs": 1,
        "articles": 2,
        "events": 5,
        "problems": 2,
        "actors": 0,
        "inputs": 0,
        "mentions": 0,
        "dedup_events": 0,
        "gdelt_events": 0,
    }
    names = [
        row[0] for row in con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(files[2])]).fetchall()
    ]
    assert names == list(TABLES[2].names)


def test_duck_summaries_add_up() -> None:
    total = RunSummary(1, 1, 3, 0) + RunSummary(2, 0, 1, 4)
    assert total == RunSummary(articles_seen=3, articles_new=1, events_new=4, problems=4)


def test_duck_text_not_encodable_as_utf8_is_replaced(store: Store) -> None:
    article = make_article("c" * 64, "pages/odd.txt", title="half \ud800 pair")
    run_id = store.begin_run(["pages/odd.txt"])
    assert store.write([Result("pages/odd.txt", article)], run_id=run_id).articles_new == 1
    assert store.articles()[0]["title"] == "half ? pair"


def test_duck_actor_mentions_are_stored_once(store: Store, results: list[Result]) -> None:
    first = Result(results[0].input_id, results[0].article, results[0].events, actors=(AZE_MIL, ARM))
    _write(store, [first])
    _write(store, [first])
    rows = store._fetch("SELECT article_id, position, code, start FROM actors ORDER BY position")
    assert [(r["position"], r["code"], r["start"]) for r in rows] == [(0, "AZEMIL", 0), (1, "ARM", 40)]
    assert {r["article_id"] for r in rows} == {"a" * 64}
