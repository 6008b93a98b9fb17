"""Dedup across articles: reports of one event become one row of ``dedup_events``.

Two reports are of the same event when they have the same source code, target code, base
code, negation and modality (their ``group_key``), and days at most one apart. Days are
grouped greedily from the earliest: within a key, the distinct report days form runs of
consecutive days, and each run is cut into pairs of days (``d``, ``d+1``), so any two reports
of one event are at most a day apart. Reports dated only to a month or year merge when key
and date are equal; undated reports stay alone.

``mentions`` links every stored event row (one report: an article sentence) to its
deduplicated event. Both tables are derived from ``events`` and ``articles``: :func:`update`
recomputes only the keys that new events touch, :func:`rebuild` everything. Publication
times are read in UTC (the store's connections use ``TimeZone = 'UTC'``): a bare day is
midnight UTC.
"""

from __future__ import annotations

import logging
from typing import Any

from newsevents.store.schema import DEDUP_EVENTS, EVENTS, MENTIONS, quote

logger = logging.getLogger(__name__)

_TOUCHED = "newsevents_touched"

_GROUP_KEY = (
    "concat_ws('|', coalesce(e.source_code, ''), coalesce(e.target_code, ''), e.base_code, "
    "CAST(e.negated AS VARCHAR), e.modality)"
)

_MENTIONS_SQL = f"""
WITH every AS (
    SELECT e.id AS event_id, e.article_id, e.sentence_index, a.publisher, a.url, a.published,
           CAST(try_cast(a.published AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TIMESTAMP) AS seen,
           CASE WHEN e.date_precision = 'day' THEN try_cast(e."date" AS DATE) END AS day,
           e."date" AS event_date, {_GROUP_KEY} AS group_key
    FROM events AS e LEFT JOIN articles AS a ON a.id = e.article_id
),
base AS (SELECT * FROM every {{where}}),
days AS (SELECT DISTINCT group_key, day FROM base WHERE day IS NOT NULL),
gaps AS (
    SELECT group_key, day,
           coalesce(day - lag(day) OVER (PARTITION BY group_key ORDER BY day), 2) > 1 AS starts
    FROM days
),
runs AS (
    SELECT group_key, day,
           sum(CAST(starts AS INTEGER))
               OVER (PARTITION BY group_key ORDER BY day ROWS UNBOUNDED PRECEDING) AS run_no
    FROM gaps
),
pairs AS (
    SELECT group_key, day, run_no,
           (row_number() OVER (PARTITION BY group_key, run_no ORDER BY day) - 1) // 2 AS pair_no
    FROM runs
),
anchors AS (
    SELECT group_key, day, min(day) OVER (PARTITION BY group_key, run_no, pair_no) AS first_day FROM pairs
)
SELECT b.event_id,
       md5(CASE WHEN b.day IS NOT NULL THEN b.group_key || '|' || CAST(an.first_day AS VARCHAR)
                WHEN b.event_date IS NOT NULL THEN b.group_key || '|' || b.event_date
                ELSE 'event|' || b.event_id END) AS dedup_id,
       b.group_key, b.article_id, b.sentence_index, b.publisher, b.url, b.published, b.seen, b.day
FROM base AS b LEFT JOIN anchors AS an ON an.group_key = b.group_key AND an.day = b.day
"""

#: The host of a URL, the publisher of last resort when counting sources.
_HOST = r"nullif(regexp_extract(m.url, '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#:]+)', 1), '')"
#: The order of the reports of one event: earliest publication, then article and sentence.
_FIRST = "{'u': m.seen IS NULL, 's': m.seen, 'a': m.article_id, 'i': m.sentence_index, 'e': m.event_id}"

_GROUPED = f"""
WITH agg AS (
    SELECT m.dedup_id, count(*) AS num_mentions, count(DISTINCT m.article_id) AS num_articles,
           count(DISTINCT coalesce(m.publisher, {_HOST}, m.article_id)) AS num_sources,
           min(m.seen) AS first_seen, max(m.seen) AS last_seen, max(e.confidence) AS confidence,
           min(e."date") AS first_date, arg_min(m.event_id, {_FIRST}) AS first_event,
           arg_min(m.url, {_FIRST}) AS first_url
    FROM mentions AS m JOIN events AS e ON e.id = m.event_id {{where}}
    GROUP BY m.dedup_id
)
SELECT {{columns}} FROM agg AS g JOIN events AS r ON r.id = g.first_event
"""

#: Columns of ``dedup_events`` that are not the first report's own value.
_COMPUTED = {
    "id": "g.dedup_id",
    "global_id": "CAST('0x' || left(g.dedup_id, 15) AS BIGINT)",
    "date": "g.first_date",
    "confidence": "g.confidence",
    "num_mentions": "g.num_mentions",
    "num_articles": "g.num_articles",
    "num_sources": "g.num_sources",
    "first_seen": "g.first_seen",
    "last_seen": "g.last_seen",
    "url": "g.first_url",
}


def dedup_columns() -> dict[str, str]:
    """Return the SQL expression of every ``dedup_events`` column, in table order."""
    missing = [n for n in DEDUP_EVENTS.names if n not in _COMPUTED and n not in EVENTS.names]
    if missing:  # a field added to DedupEvent needs an expression here
        raise ValueError(f"no source for dedup_events columns {missing}")
    return {n: _COMPUTED.get(n, f"r.{quote(n)}") for n in DEDUP_EVENTS.names}


def _fill(con: Any, touched_only: bool) -> None:
    """Insert the mentions and deduplicated events of every key, or of the touched keys only."""
    columns = ", ".join(f"{expr} AS {quote(name)}" for name, expr in dedup_columns().items())
    within = f"IN (SELECT group_key FROM {_TOUCHED})"
    mentions_where = f"WHERE group_key {within}" if touched_only else ""
    grouped_where = f"WHERE m.group_key {within}" if touched_only else ""
    con.execute(f"INSERT INTO mentions BY NAME {_MENTIONS_SQL.replace('{where}', mentions_where)}")
    grouped = _GROUPED.replace("{where}", grouped_where).replace("{columns}", columns)
    con.execute(f"INSERT INTO dedup_events BY NAME {grouped}")


def _count(con: Any) -> int:
    """Return the number of deduplicated events."""
    row = con.execute("SELECT count(*) FROM dedup_events").fetchone()
    return int(row[0]) if row else 0


def rebuild(con: Any) -> int:
    """Recompute ``mentions`` and ``dedup_events`` whole (in the caller's transaction); return the events."""
    for table in (MENTIONS, DEDUP_EVENTS):
        con.execute(f"DROP TABLE IF EXISTS {table.name}")
        con.execute(table.ddl())
    _fill(con, touched_only=False)
    count = _count(con)
    logger.debug("dedup: rebuilt %d deduplicated events", count)
    return count


def update(con: Any) -> int:
    """Recompute the events of the keys that events without a mention touch; return all events."""
    if con.execute("SELECT count(*) FROM mentions").fetchone()[0] == 0:
        return rebuild(con)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {_TOUCHED} AS SELECT DISTINCT {_GROUP_KEY} AS group_key "
        "FROM events AS e WHERE NOT EXISTS (SELECT 1 FROM mentions AS m WHERE m.event_id = e.id)"
    )
    try:
        row = con.execute(f"SELECT count(*) FROM {_TOUCHED}").fetchone()
        if row and row[0]:
            within = f"IN (SELECT group_key FROM {_TOUCHED})"
            stale = f"SELECT dedup_id FROM mentions WHERE group_key {within}"
            con.execute(f"DELETE FROM dedup_events WHERE id IN ({stale})")
            con.execute(f"DELETE FROM mentions WHERE group_key {within}")
            _fill(con, touched_only=True)
            logger.debug("dedup: recomputed %d keys", row[0])
    finally:
        con.execute(f"DROP TABLE IF EXISTS {_TOUCHED}")
    return _count(con)
