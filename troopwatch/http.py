"""HTTP header helpers shared by the crawler, the alert notifiers and the entity linker."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

from troopwatch.dates import utcnow


def header_value(headers: Mapping[Any, Any] | None, name: str) -> str | bytes | None:
    """A header's (first) value, its name matched case-insensitively; None when absent.
    Works for plain dicts, dicts of lists (Slack's client) and Scrapy's Headers."""
    if not headers:
        return None
    wanted = name.lower()
    for key, value in headers.items():
        key = key.decode("latin-1") if isinstance(key, bytes) else str(key)
        if key.lower() == wanted:
            if isinstance(value, list | tuple):
                return value[0] if value else None
            return value
    return None


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date), at least 0;
    None when there is none or it is neither."""
    if not value:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else str(value)).strip()
    try:
        seconds = float(text)
    except ValueError:
        pass
    else:  # "nan" and "inf" parse as floats, but are no wait anyone can keep
        return max(seconds, 0.0) if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    now = now or utcnow()
    if when.tzinfo is None:
        when = when.replace(tzinfo=now.tzinfo)
    return max(0.0, (when - now).total_seconds())
