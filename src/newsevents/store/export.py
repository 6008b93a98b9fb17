"""Exports of a store: JSONL in the ``newsevents extract`` form, and Parquet per table (or per month)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsevents.store.rows import nest
from newsevents.store.schema import ARTICLES, EVENTS, PROBLEMS, TABLES, Table, quote

_CHUNK = 500


def _select(table: Table) -> str:
    """Return ``SELECT <all columns> FROM <table>`` with quoted column names."""
    return f"SELECT {', '.join(quote(n) for n in table.names)} FROM {table.name}"


def _rows(con: Any, sql: str, params: list[object]) -> list[dict[str, Any]]:
    """Return the rows of a query as dicts keyed by column name."""
    cursor = con.execute(sql, params)
    names = [item[0] for item in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _children(con: Any, articles: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Yield the extract form of a chunk of article rows, with their events and problems."""
    ids = [row["id"] for row in articles]
    inputs = list({row["input_id"] for row in articles})
    within = "IN (SELECT unnest(?)) ORDER BY rowid"
    events = _rows(con, f"{_select(EVENTS)} WHERE article_id {within}", [ids])
    problems = _rows(con, f"{_select(PROBLEMS)} WHERE input_id {within}", [inputs])
    by_article = _group(events, "article_id", EVENTS)
    by_input = _group(problems, "input_id", PROBLEMS)
    for row in articles:
        yield {
            "article": nest(row, ARTICLES),
            "events": by_article.get(row["id"], []),
            "problems": by_input.get(row["input_id"], []),
        }


def _group(rows: list[dict[str, Any]], key: str, table: Table) -> dict[str, list[dict[str, Any]]]:
    """Return rows in nested form grouped by one column, keeping their order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(nest(row, table))
    return grouped


def _orphans(con: Any) -> Iterator[dict[str, Any]]:
    """Yield one extract object per input that has problems but no article."""
    sql = (
        f"{_select(PROBLEMS)} WHERE input_id NOT IN (SELECT input_id FROM articles "
        "WHERE input_id IS NOT NULL) ORDER BY rowid"
    )
    for problems in _group(_rows(con, sql, []), "input_id", PROBLEMS).values():
        yield {"article": None, "events": [], "problems": problems}


def iter_results(con: Any) -> Iterator[dict[str, Any]]:
    """Yield the stored results in the ``newsevents extract`` JSON form, in insertion order."""
    cursor = con.cursor()  # a second connection, so the article scan survives the child queries
    try:
        cursor.execute(f"{_select(ARTICLES)} ORDER BY rowid")
        names = [item[0] for item in cursor.description]
        while batch := cursor.fetchmany(_CHUNK):
            yield from _children(con, [dict(zip(names, row, strict=True)) for row in batch])
    finally:
        cursor.close()
    yield from _orphans(con)


def write_jsonl(con: Any, path: Path) -> int:
    """Write every stored result as one JSON object per line; return the lines written."""
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in iter_results(con):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


#: Tables with an event date, written one folder per month when exports are partitioned.
_DATED = ("events", "dedup_events")
_MONTH = "coalesce(left(\"date\", 7), 'undated')"


def _copy_parquet(con: Any, table: Table, target: Path, by_month: bool) -> None:
    """Copy one table to a Parquet file, or to a folder of month partitions (``month=YYYY-MM``)."""
    literal = "'" + str(target).replace("'", "''") + "'"
    if by_month and table.name in _DATED:
        select = f"SELECT *, {_MONTH} AS month FROM ({_select(table)} ORDER BY rowid)"
        con.execute(
            f"COPY ({select}) TO {literal} (FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE)"
        )
    else:
        con.execute(f"COPY ({_select(table)} ORDER BY rowid) TO {literal} (FORMAT parquet)")


def write_parquet(con: Any, directory: Path, *, by_month: bool = False) -> list[Path]:
    """Write each table to ``<directory>/<table>.parquet``; return the files (or month folders) written.

    With ``by_month``, ``events`` and ``dedup_events`` become folders partitioned by the
    month of the event date (``events/month=2016-09/*.parquet``, ``month=undated``).
    """
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table in TABLES:
        partitioned = by_month and table.name in _DATED
        target = directory / (table.name if partitioned else f"{table.name}.parquet")
        _copy_parquet(con, table, target, by_month)
        written.append(target)
    return written
