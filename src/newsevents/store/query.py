"""The SQL behind the store's queries: filters to a WHERE clause, listings, series and rankings.

Every query reads one of three datasets with the same column names: ``reports`` (the
``events`` table, one row per event reported in an article sentence), ``unique`` (the
``dedup_events`` table, reports merged across articles) and ``gdelt`` (imported GDELT 2.0
rows under our column names, for comparing the two side by side).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from newsevents.errors import Msg, StoreError
from newsevents.store.schema import DEDUP_EVENTS, EVENTS, quote

_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")

Dataset = Literal["reports", "unique", "gdelt"]
Period = Literal["day", "week", "month", "year"]
TopKind = Literal["actors", "codes", "places"]

#: GDELT 2.0 rows under the column names of our events (its countries are CAMEO, places FIPS).
_GDELT_AS_EVENTS = """(
    SELECT CAST(GlobalEventID AS VARCHAR) AS id,
           strftime(try_strptime(CAST("Day" AS VARCHAR), '%Y%m%d'), '%Y-%m-%d') AS "date",
           'day' AS date_precision, EventCode AS code, EventBaseCode AS base_code,
           EventRootCode AS root_code, QuadClass AS quad_class, GoldsteinScale AS goldstein,
           Actor1Code AS source_code, Actor1Name AS source_name, Actor1CountryCode AS source_country,
           Actor2Code AS target_code, Actor2Name AS target_name, Actor2CountryCode AS target_country,
           ActionGeo_FullName AS location_name, ActionGeo_CountryCode AS location_country,
           CAST(NULL AS VARCHAR) AS location_admin1, ActionGeo_Lat AS location_lat,
           ActionGeo_Long AS location_lon, NumMentions AS num_mentions, NumSources AS num_sources,
           NumArticles AS num_articles, false AS historical, false AS negated, 'asserted' AS modality,
           CAST(NULL AS VARCHAR) AS sentence, CAST(NULL AS VARCHAR) AS "trigger",
           CAST(NULL AS VARCHAR) AS article_id, CAST(NULL AS BIGINT) AS sentence_index, SOURCEURL AS url
    FROM gdelt_events
)"""

_FROM: dict[str, str] = {"reports": "events", "unique": "dedup_events", "gdelt": _GDELT_AS_EVENTS}

_PERIOD: dict[str, str] = {
    "day": "CASE WHEN date_precision = 'day' THEN \"date\" END",
    "week": "CASE WHEN date_precision = 'day' THEN "
    "strftime(date_trunc('week', try_cast(\"date\" AS DATE)), '%Y-%m-%d') END",
    "month": "CASE WHEN date_precision IN ('day', 'month') THEN left(\"date\", 7) END",
    "year": "CASE WHEN date_precision IN ('day', 'month', 'year') THEN left(\"date\", 4) END",
}


def check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    """Raise StoreError (E616) unless ``value`` is one of ``choices``."""
    if value not in choices:
        raise StoreError(Msg.E616, name=name, value=value, choices=", ".join(choices))


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What a query selects; every field left None (or False) matches all events.

    ``actor``, ``source`` and ``target`` are CAMEO actor code prefixes (``AZE`` matches
    ``AZEMIL``), ``actor`` on either side; ``country`` an ISO alpha-3 code on either side;
    ``dyad`` two prefixes in either direction; ``code`` a CAMEO code prefix; ``root`` a
    root code (``4`` or ``04``); ``since``/``until`` ISO dates, full or partial, compared on
    their common prefix, so an event dated ``2016`` falls within ``since="2016-09-01"``;
    ``place`` a case-insensitive part of the place name, or its country code; ``text`` a
    case-insensitive substring of the sentence or trigger; ``claimed`` keeps only events
    that are neither negated nor merely intended, hypothetical or demanded.
    """

    actor: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None
    country: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    place: str | None = None
    claimed: bool = False

    def validate(self) -> None:
        """Raise StoreError (E614) for a filter value that can never be meant."""
        if self.quad_class is not None and self.quad_class not in (1, 2, 3, 4):
            raise StoreError(Msg.E614, name="quad_class", value=self.quad_class, reason="use 1, 2, 3 or 4")
        if self.limit is not None and self.limit < 0:
            raise StoreError(Msg.E614, name="limit", value=self.limit, reason="use 0 or more")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _PARTIAL_DATE.fullmatch(value):
                raise StoreError(Msg.E614, name=name, value=value, reason="use YYYY, YYYY-MM or YYYY-MM-DD")
        if self.dyad is not None and not all(self.dyad):
            raise StoreError(Msg.E614, name="dyad", value=self.dyad, reason="name two actor codes")


def _actor_clauses(spec: EventFilter) -> tuple[list[str], list[object]]:
    """Return the conditions on the two sides of an event."""
    where: list[str] = []
    params: list[object] = []
    if spec.actor:
        where.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
        params += [spec.actor.upper(), spec.actor.upper()]
    if spec.country:
        where.append("(source_country = ? OR target_country = ?)")
        params += [spec.country.upper(), spec.country.upper()]
    for column, value in (("source_code", spec.source), ("target_code", spec.target)):
        if value:
            where.append(f"starts_with({column}, ?)")
            params.append(value.upper())
    if spec.dyad:
        first, second = (code.upper() for code in spec.dyad)
        where.append(
            "((starts_with(source_code, ?) AND starts_with(target_code, ?)) "
            "OR (starts_with(source_code, ?) AND starts_with(target_code, ?)))"
        )
        params += [first, second, second, first]
    return where, params


def _what_clauses(spec: EventFilter) -> tuple[list[str], list[object]]:
    """Return the conditions on the action, its date, place, text and modality."""
    where: list[str] = []
    params: list[object] = []
    if spec.code:
        where.append("starts_with(code, ?)")
        params.append(spec.code)
    if spec.root:
        where.append("root_code = ?")
        params.append(spec.root.zfill(2))
    if spec.quad_class is not None:
        where.append("quad_class = ?")
        params.append(spec.quad_class)
    for value, operator in ((spec.since, ">="), (spec.until, "<=")):
        if value:
            where.append(f'left("date", ?) {operator} left(?, length("date"))')
            params += [len(value), value]
    if spec.place:
        where.append("(contains(lower(location_name), ?) OR upper(location_country) = ?)")
        params += [spec.place.lower(), spec.place.upper()]
    if spec.text:
        where.append('(contains(lower(sentence), ?) OR contains(lower("trigger"), ?))')
        params += [spec.text.lower(), spec.text.lower()]
    if spec.claimed:
        where.append("NOT negated AND modality IN ('asserted', 'reported')")
    return where, params


def where_sql(spec: EventFilter) -> tuple[str, list[object]]:
    """Return `` WHERE ...`` (or nothing) for a validated filter, and its parameters."""
    spec.validate()
    actor_where, actor_params = _actor_clauses(spec)
    what_where, what_params = _what_clauses(spec)
    where = actor_where + what_where
    return (" WHERE " + " AND ".join(where) if where else ""), actor_params + what_params


def from_sql(dataset: str) -> str:
    """Return the table (or subquery) a dataset is read from (E616 for an unknown one)."""
    check_choice("dataset", dataset, get_args(Dataset))
    return _FROM[dataset]


def event_sql(spec: EventFilter, dataset: str = "reports") -> tuple[str, list[object]]:
    """Return the SELECT statement and parameters for the events a filter selects."""
    source = from_sql(dataset)
    where, params = where_sql(spec)
    names = {"reports": EVENTS.names, "unique": DEDUP_EVENTS.names}.get(dataset)
    columns = ", ".join(quote(name) for name in names) if names else "*"
    sql = f"SELECT {columns} FROM {source}{where}"
    sql += ' ORDER BY "date" NULLS LAST, article_id, sentence_index, id'
    if spec.limit is not None:
        sql += " LIMIT ?"
        params.append(spec.limit)
    return sql, params


def series_sql(spec: EventFilter, by: str, dataset: str = "unique") -> tuple[str, list[object]]:
    """Return the counts per period and quad class, with the Goldstein sum and mean, of a filter."""
    check_choice("by", by, get_args(Period))
    source = from_sql(dataset)
    where, params = where_sql(spec)
    period = _PERIOD[by]
    mentions = "count(*)" if dataset == "reports" else "sum(num_mentions)"
    quads = ", ".join(
        f"count(*) FILTER (WHERE quad_class = {n}) AS {name}"
        for n, name in enumerate(("verbal_coop", "material_coop", "verbal_conflict", "material_conflict"), 1)
    )
    sql = (
        f"SELECT period, count(*) AS events, {quads}, round(sum(goldstein), 2) AS goldstein_sum, "
        f"round(avg(goldstein), 3) AS goldstein_mean, CAST({mentions} AS BIGINT) AS mentions "
        f"FROM (SELECT *, {period} AS period FROM {source}{where}) WHERE period IS NOT NULL "
        "GROUP BY period ORDER BY period"
    )
    return sql, params


def top_sql(kind: str, spec: EventFilter, dataset: str = "unique") -> tuple[str, list[object]]:
    """Return the most frequent actors, codes or places among the events a filter selects."""
    check_choice("kind", kind, get_args(TopKind))
    source = from_sql(dataset)
    where, params = where_sql(spec)
    limit = 20 if spec.limit is None else spec.limit
    if kind == "actors":
        sides = (
            f"SELECT source_code AS actor, 'source' AS side FROM {source}{where} UNION ALL "
            f"SELECT target_code, 'target' FROM {source}{where}"
        )
        sql = (
            "SELECT actor, count(*) AS events, count(*) FILTER (WHERE side = 'source') AS as_source, "
            f"count(*) FILTER (WHERE side = 'target') AS as_target FROM ({sides}) "
            "WHERE actor IS NOT NULL GROUP BY actor ORDER BY events DESC, actor LIMIT ?"
        )
        return sql, [*params, *params, limit]
    if kind == "codes":
        sql = (
            "SELECT code, any_value(root_code) AS root_code, any_value(quad_class) AS quad_class, "
            f"count(*) AS events, round(avg(goldstein), 2) AS goldstein_mean FROM {source}{where} "
            "GROUP BY code ORDER BY events DESC, code LIMIT ?"
        )
        return sql, [*params, limit]
    sql = (
        "SELECT location_name AS place, location_country AS country, count(*) AS events, "
        "any_value(location_lat) AS lat, any_value(location_lon) AS lon "
        f"FROM {source}{where} {'AND' if where else 'WHERE'} location_name IS NOT NULL "
        "GROUP BY place, country ORDER BY events DESC, place LIMIT ?"
    )
    return sql, [*params, limit]
