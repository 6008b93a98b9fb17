"""Schema migrations: one step per version, applied in one transaction when a store is opened.

``STEPS[n]`` upgrades a database from schema version ``n`` to ``n + 1``. A failed step rolls
everything back and leaves the file as it was (E605).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb

from newsevents.errors import Msg, StoreError
from newsevents.store import dedup
from newsevents.store.schema import ACTORS, DEDUP_EVENTS, GDELT_EVENTS, INPUTS, MENTIONS, SCHEMA_VERSION

logger = logging.getLogger(__name__)


def _v1_to_v2(con: Any) -> None:
    """Add actors, inputs, mentions, dedup_events and gdelt_events; deduplicate the stored events."""
    for table in (ACTORS, INPUTS, MENTIONS, DEDUP_EVENTS, GDELT_EVENTS):
        con.execute(table.ddl())
    dedup.rebuild(con)


STEPS: dict[int, Callable[[Any], None]] = {1: _v1_to_v2}


def migrate(con: Any, path: Path, found: int) -> None:
    """Upgrade the open database from schema version ``found`` to the current one (E605)."""
    con.execute("BEGIN TRANSACTION")
    try:
        for version in range(found, SCHEMA_VERSION):
            STEPS[version](con)
            logger.info("%s: upgraded the schema from version %d to %d", path, version, version + 1)
        con.execute("UPDATE meta SET schema_version = ?", [SCHEMA_VERSION])
        con.execute("COMMIT")
    except (duckdb.Error, KeyError) as exc:
        con.execute("ROLLBACK")
        raise StoreError(Msg.E605, path=path, found=found, reason=str(exc).splitlines()[0]) from exc
