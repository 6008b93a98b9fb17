"""The store's clock: naive UTC datetimes, the form its TIMESTAMP columns hold."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    """Return the current UTC time without tzinfo (the TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)
