"""Lenient date parsing for feeds, sitemaps and page metadata."""

from __future__ import annotations

from datetime import UTC, datetime

from dateutil import parser as dateutil_parser


def parse_datetime(value: str) -> datetime | None:
    """An aware datetime (UTC when the text has no zone), or None for unreadable text."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = dateutil_parser.parse(value)
        except (ValueError, OverflowError, TypeError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
