"""The JSON-ready article document: what the pipeline hands to the writer and the spool."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlsplit

from troopwatch.schema import ENTITY_FACETS

_PLAIN = frozenset((str, int, float, bool, type(None)))


def _json_ready(value):
    if type(value) in _PLAIN:  # most values: checked first (every item, on the reactor)
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_ready(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    return value


def article_document(item: Mapping) -> dict:
    """Article fields from a pipeline item (the page's HTML is never stored)."""
    text = item.get("text") or ""
    url = item.get("url")
    doc = {
        "article_id": item.get("article_id"),
        "url": url,
        "canonical_url": item.get("canonical_url") or url,
        "domain": item.get("domain") or (urlsplit(url).hostname if url else None),
        "site": item.get("site"),
        "source": item.get("source"),
        "spider": item.get("spider"),
        "title": item.get("title"),
        "authors": list(item.get("authors") or []),
        "published_at": item.get("published_at"),
        "fetched_at": item.get("fetched_at"),
        "lang": item.get("lang"),
        "text": text,
        "text_length": len(text),
        "is_seed": bool(item.get("is_seed")),
        "relevance": item.get("relevance"),
        "relevance_terms": item.get("relevance_terms"),
        "text_hash": item.get("text_hash"),
        "minhash": item.get("minhash"),
        "minhash_bands": item.get("minhash_bands"),
        "duplicate_of": item.get("duplicate_of"),
        "similarity": item.get("similarity"),
        "claims": list(item.get("claims") or []),
    }
    doc.update(
        {facet: list((item.get("entities") or {}).get(facet, [])) for facet in ENTITY_FACETS}
    )
    return _json_ready({k: v for k, v in doc.items() if v is not None})


# What the indices can hold: figures are `long`, dates must be plausible news dates.
LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1
DATE_FIELDS = ("published_at", "fetched_at")
FIGURE_FIELDS = ("figure_low", "figure_high")


def _date_problem(name: str, value) -> str | None:
    from troopwatch.dates import NEWS_YEARS, parse_datetime

    if value is None:
        return None
    parsed = parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        return f"{name} {value!r} is not a date"
    if not NEWS_YEARS[0] <= parsed.year <= NEWS_YEARS[1]:
        return f"{name} {value!r} is outside the years {NEWS_YEARS[0]}..{NEWS_YEARS[1]}"
    return None


def _figure_problem(name: str, value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name} {value!r} is not a number"
    if value != value or not LONG_MIN <= value <= LONG_MAX:  # NaN, or beyond a `long`
        return f"{name} {value!r} is out of range"
    return None


def document_problem(doc: Mapping) -> str | None:
    """Why Elasticsearch would refuse this article document for its content, or None.

    Checked before writing, so one absurd value ("99999999999999999999 troops") sends
    its document to `rejected/` instead of failing the whole batch.
    """
    if not isinstance(doc, Mapping):
        return f"not a document: {type(doc).__name__}"
    if not isinstance(doc.get("article_id"), str) or not doc.get("article_id"):
        return "no article_id"
    for name in DATE_FIELDS:
        if problem := _date_problem(name, doc.get(name)):
            return problem
    claims = doc.get("claims") or []
    if not isinstance(claims, list):
        return "claims is not a list"
    for n, claim in enumerate(claims):
        if not isinstance(claim, Mapping):
            return f"claim {n} is not an object"
        if not claim.get("category"):
            return f"claim {n} has no category"
        for name in FIGURE_FIELDS:
            if problem := _figure_problem(f"claim {n} {name}", claim.get(name)):
                return problem
    return None
