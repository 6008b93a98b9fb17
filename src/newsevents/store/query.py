"""The SQL behind :meth:`newsevents.store.Store.events`: filters to a WHERE clause."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.errors import Msg, StoreError
from newsevents.store.schema import EVENTS, quote

_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}){0,2}")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What :meth:`Store.events` selects; every field left None matches all events.

    ``actor`` is a CAMEO actor code prefix matched on source or target (``AZE`` matches
    ``AZEMIL``); ``code`` is a CAMEO code prefix; ``root`` a root code (``4`` or ``04``);
    ``since``/``until`` are ISO dates, full or partial, compared on their common prefix,
    so an event dated ``2016`` falls within ``since="2016-09-01"``; ``text`` is a
    case-insensitive substring of the sentence or trigger.
    """

    actor: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None

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


def _clauses(spec: EventFilter) -> tuple[list[str], list[object]]:
    """Return the WHERE conditions of a filter and their parameters, in order."""
    where: list[str] = []
    params: list[object] = []
    if spec.actor:
        where.append("(starts_with(source_code, ?) OR starts_with(target_code, ?))")
        params += [spec.actor.upper(), spec.actor.upper()]
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
    if spec.text:
        where.append('(contains(lower(sentence), ?) OR contains(lower("trigger"), ?))')
        params += [spec.text.lower(), spec.text.lower()]
    return where, params


def event_sql(spec: EventFilter) -> tuple[str, list[object]]:
    """Return the SELECT statement and parameters for the events a filter selects."""
    spec.validate()
    where, params = _clauses(spec)
    columns = ", ".join(quote(name) for name in EVENTS.names)
    sql = f"SELECT {columns} FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += ' ORDER BY "date" NULLS LAST, article_id, sentence_index, id'
    if spec.limit is not None:
        sql += " LIMIT ?"
        params.append(spec.limit)
    return sql, params
