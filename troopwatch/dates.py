"""The one date reader for feeds, sitemaps, page metadata and alerts.

`parse_datetime` always answers an aware datetime or None:
- ISO 8601 / W3C-DTF and RFC 822 (RSS) first; a zone abbreviation (KST, JST, MSK,
  CET/CEST, EET/EEST, BST, MET/MEST, the US zones…) or an IANA name (`Etc/GMT`) is
  resolved to its offset, `-0000` is UTC, text with no zone at all is read as UTC;
- an abbreviation we do not know gives None, not a date hours off;
- partial dates are never completed from today: a date without a time is that day at
  00:00 UTC, a date without a day (`2003-12`, `2003`) gives None;
- last, dates written in words in the supported languages ("5 ноября 2024",
  "2024년 11월 5일") through dateparser, with the same rules.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_tz
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateutil_parser

from troopwatch.languages import LANGUAGES

# Languages whose dates in words we read (the monitored press).
DATE_LANGUAGES = LANGUAGES
# The years a news date can have. CMS placeholders ("0001-01-01", "9999-12-31") parse
# as dates; the indices refuse them (troopwatch.documents), and they say nothing.
NEWS_YEARS = (1900, 2100)

# Zone abbreviations met in feeds, as hours east of UTC. Ambiguous ones (IST, CST as
# China time) take their most common feed meaning or are left out.
ZONE_HOURS: dict[str, float] = {
    "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 1,
    "BST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "MEZ": 1, "MESZ": 2,
    "EET": 2, "EEST": 3, "MSK": 3, "MSD": 4,
    "KST": 9, "JST": 9, "HKT": 8, "SGT": 8, "AWST": 8, "ACST": 9.5, "AEST": 10, "AEDT": 11,
    "NZST": 12, "NZDT": 13,
    "EST": -5, "EDT": -4, "ET": -5, "CST": -6, "CDT": -5, "CT": -6,
    "MST": -7, "MDT": -6, "MT": -7, "PST": -8, "PDT": -7, "PT": -8,
    "AST": -4, "ADT": -3, "AT": -4, "AKST": -9, "AKDT": -8, "HST": -10,
}  # fmt: skip

# The zone part after a clock time: an abbreviation, an IANA name, GMT+hh:mm, an offset.
_TIME_THEN_ZONE = re.compile(
    r"(?P<time>\b\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*"
    r"(?P<zone>[A-Za-z][A-Za-z_]*(?:/[A-Za-z_]+(?:[+-]\d{1,2})?)?)?"
    r"\s*(?P<offset>[+-]\d{1,2}(?::?\d{2})?)?"
    r"\s*(?:\([^)]*\))?\s*(?P<rest>.*)$"
)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_YEAR_MONTH = re.compile(r"^\s*\d{4}(?:-\d{1,2})?\s*$")
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
)}  # fmt: skip
_RFC822_COMMON = re.compile(
    r"(?:[A-Za-z]{3}, ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? "
    r"([+-]\d{4}|GMT|UTC|UT|Z)$"
)
_GOOGLE_MONTH = re.compile(r"^(\d{4})-0(\d{2})-")
_FOUR_DIGITS = re.compile(r"(?<!\d)\d{4}(?!\d)")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
KST = timezone(timedelta(hours=9), "KST")
_DEFAULTS = (datetime(1901, 1, 1), datetime(1902, 2, 2))  # tell given fields from filled ones


def parse_datetime(value: Any, languages: Sequence[str] | None = None) -> datetime | None:
    """An aware datetime, or None for text that is unreadable, partial or in an unknown
    zone. Also takes a datetime (naive means UTC) or Elasticsearch epoch milliseconds.
    `languages` narrows the word-date fallback (default: DATE_LANGUAGES)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value if value.utcoffset() is not None else value.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text or len(text) > 200:
        return None
    if _YEAR_MONTH.match(text):
        return None  # a year or a month: no day to give
    text = _GOOGLE_MONTH.sub(r"\1-\2-", text)  # Google's "2003-012-31"
    parsed = _iso(text)
    if parsed is None:
        parsed = _rfc822(text)
    if parsed is None:
        parsed = _dateutil(text)
    if parsed is None and _LETTERS.search(text):
        parsed = _in_words(text, tuple(languages or DATE_LANGUAGES))
    return parsed


def news_date(value: Any, languages: Sequence[str] | None = None) -> datetime | None:
    """parse_datetime, keeping only dates a news page can have (NEWS_YEARS)."""
    parsed = parse_datetime(value, languages)
    return parsed if parsed and NEWS_YEARS[0] <= parsed.year <= NEWS_YEARS[1] else None


def _aware(value: datetime) -> datetime:
    return value if value.utcoffset() is not None else value.replace(tzinfo=UTC)


def _iso(text: str) -> datetime | None:
    if not text[:4].isdigit():
        return None
    try:
        return _aware(datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00")))
    except ValueError:
        return None


def _offset(hours: float) -> timezone:
    return timezone(timedelta(minutes=round(hours * 60)))


def _zone(name: str) -> timezone | ZoneInfo | None:
    """The zone of an abbreviation or an IANA name; None when unknown."""
    upper = name.upper()
    if upper in ZONE_HOURS:
        return _offset(ZONE_HOURS[upper])
    if "/" in name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return None
    return None


def _numeric_offset(text: str) -> timezone | None:
    match = re.fullmatch(r"([+-])(\d{1,2})(?::?(\d{2}))?", text)
    if not match:
        return None
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if hours > 23 or minutes > 59:
        return None
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _split_zone(text: str) -> tuple[str, Any] | None:
    """The text without its zone, and the zone: a tzinfo, UTC when there is none, or
    None for a zone we cannot read (then the whole date is unreadable)."""
    match = None
    for match in _TIME_THEN_ZONE.finditer(text):  # noqa: B007 - the last clock time counts
        pass
    if match is None:
        return text, UTC  # a date without a time: that day, read as UTC
    zone_name, offset, rest = match.group("zone"), match.group("offset"), match.group("rest")
    if zone_name and zone_name.upper() in ("AM", "PM"):
        return None  # 12-hour clocks: leave them to dateutil
    head = text[: match.start("time")] + match.group("time")
    tz: Any = UTC
    if zone_name:
        if zone_name.upper() in ("GMT", "UTC", "UT") and offset:
            zone_name = None  # GMT+01:00 is the offset
        else:
            tz = _zone(zone_name)
            if tz is None:
                return None
            if offset:
                return None  # a name and an offset: ambiguous
    if offset:
        tz = _numeric_offset(offset)
        if tz is None:
            return None
    if rest:  # asctime puts the year after the zone
        if not re.fullmatch(r"\d{4}", rest):
            return None
        head = text[: match.start("time")] + rest + " " + match.group("time")
    return head, tz


def _rfc822_common(text: str) -> datetime | None:
    """The usual RSS form ("Tue, 05 Nov 2024 10:00:00 +0900"), read without detours."""
    match = _RFC822_COMMON.match(text)
    if not match:
        return None
    day, month, year, hour, minute, second, zone = match.groups()
    tz = UTC if zone in ("GMT", "UTC", "UT", "Z", "-0000") else _numeric_offset(zone)
    if tz is None or month.lower() not in _MONTHS:
        return None
    try:
        return datetime(
            int(year), _MONTHS[month.lower()], int(day), int(hour), int(minute), int(second or 0),
            tzinfo=tz,
        )  # fmt: skip
    except ValueError:
        return None


def _rfc822(text: str) -> datetime | None:
    common = _rfc822_common(text)
    if common is not None:
        return common
    split = _split_zone(text.replace(",", ", "))
    if split is None:
        return None
    head, tz = split
    fields = parsedate_tz(head)
    if fields is None or fields[2] == 0:
        return None
    year, month, day, hour, minute, second = fields[:6]
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except (ValueError, OverflowError):
        return None
    return naive.replace(tzinfo=tz)  # a ZoneInfo gives the zone's offset on that day


def _dateutil(text: str) -> datetime | None:
    if not _LETTERS.search(text) and not _FOUR_DIGITS.search(text):
        return None  # "03-12-31": which is the year? Better no date than a wrong one
    split = _split_zone(text)
    if split is None and not re.search(r"\b[AaPp]\.?[Mm]\.?\b", text):
        return None
    unknown: list[str] = []

    def tzinfos(name: str | None, offset: int | None):
        if name is None or name.upper() in ("UTC", "GMT", "UT", "Z"):
            return timezone(timedelta(seconds=offset or 0))
        zone = _zone(name)
        if zone is None:
            unknown.append(name)
        return zone

    results = []
    for default in _DEFAULTS:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results.append(dateutil_parser.parse(text, default=default, tzinfos=tzinfos))
        except (ValueError, OverflowError, TypeError, LookupError):
            return None
    first, second = results
    if unknown or (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None  # an unknown zone, or a date missing its day, month or year
    return _aware(first)


@lru_cache(maxsize=1)
def _dateparser():
    import dateparser  # imported on first use: it is slow to load

    return dateparser


def _in_words(text: str, languages: tuple[str, ...]) -> datetime | None:
    settings = {
        "RETURN_AS_TIMEZONE_AWARE": True,
        "TIMEZONE": "UTC",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday" from now
        "STRICT_PARSING": True,
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parsed = _dateparser().parse(text, languages=list(languages), settings=settings)
    except (ValueError, TypeError, OverflowError, LookupError, AttributeError):
        return None
    if parsed is None:
        return None
    if parsed.utcoffset() is None or (_HANGUL.search(text) and not _zone_written(text)):
        # Korean sites write their dates in KST without saying so
        parsed = parsed.replace(tzinfo=KST if _HANGUL.search(text) else UTC)
    return parsed


def _zone_written(text: str) -> bool:
    return bool(re.search(r"[+-]\d{2}:?\d{2}\b|\b(?:UTC|GMT|KST|Z)\b", text))


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None
