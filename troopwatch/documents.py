"""The JSON-ready article document: what the pipeline hands to the writer and the spool."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from urllib.parse import urlsplit

ENTITY_FACETS = ("people", "organisations", "places", "units", "weapons", "entity_ids")


def _json_ready(value):
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
