"""Source state: when each catalogue source was last fetched, how, and what it gave.

One document per source in the `sources` index (`_id` = source id). Crawls only write it
(`SourceStateMiddleware` collects outcomes during a crawl and calls `write_source_state`
once at the end); `troopwatch sources` only reads it (`source_rows`). Nothing in a crawl
reads it back, so data flows one way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch, TransportError

from crawler.sources import Source, load_sources
from troopwatch.dates import iso, utcnow
from troopwatch.es.indices import Indices, setup_indices
from troopwatch.redact import redact_text, redact_url

log = logging.getLogger(__name__)

# Signal a spider sends when a fetched discovery document is unusable (kwargs: source,
# url, error): a 200 answer carrying HTML instead of a feed is a source problem too.
source_problem = object()

MAX_ERROR_CHARS = 500


@dataclass
class SourceRun:
    """What one crawl learnt about one source."""

    last_fetched: datetime | None = None
    last_url: str | None = None
    last_status: int | None = None
    errors: list[str] = field(default_factory=list)
    error_at: datetime | None = None
    articles: int = 0

    def fetched(self, url: str, status: int | None, error: str | None = None) -> None:
        now = utcnow()
        self.last_fetched, self.last_url, self.last_status = now, url, status
        if error:
            self.problem(url, error, now)

    def problem(self, url: str, error: str, at: datetime | None = None) -> None:
        self.errors.append(f"{url}: {error}")
        self.error_at = at or utcnow()


class SourceStateRecorder:
    """Collects per-source outcomes during a crawl; plain data, no Scrapy."""

    def __init__(self) -> None:
        self.runs: dict[str, SourceRun] = {}

    def run(self, source: str) -> SourceRun:
        return self.runs.setdefault(source, SourceRun())

    def fetched(self, source: str, url: str, status: int | None, error: str | None = None):
        self.run(source).fetched(url, status, error)

    def problem(self, source: str, url: str, error: str) -> None:
        self.run(source).problem(url, error)

    def article(self, source: str) -> None:
        self.run(source).articles += 1


def _merge(existing: dict, run: SourceRun, source: Source | None, source_id: str) -> dict:
    doc = dict(existing)
    doc["source"] = source_id
    if source is not None:
        doc.update(kind=source.kind, lang=source.lang, url=redact_url(source.urls[0]))
    if run.last_fetched:
        doc["last_fetched"] = iso(run.last_fetched)
        doc["last_status"] = run.last_status
        # The current state: an error of this run, or none. When it last went wrong stays.
        doc["last_error"] = redact_text("; ".join(run.errors))[:MAX_ERROR_CHARS] or None
    elif run.errors:
        doc["last_error"] = redact_text("; ".join(run.errors))[:MAX_ERROR_CHARS]
    if run.errors:
        doc["last_error_at"] = iso(run.error_at)
    doc["articles_found"] = int(existing.get("articles_found") or 0) + run.articles
    return doc


def write_source_state(
    es: Elasticsearch,
    indices: Indices,
    runs: dict[str, SourceRun],
    catalogue: dict[str, Source] | None = None,
) -> int:
    """Merge this crawl's outcomes into the source documents; the number written.

    Counters are read, added to and written back (the minimal Elasticsearch distribution
    has no scripting); one crawl process writes a source at a time, so this is safe.
    """
    if not runs:
        return 0
    catalogue = catalogue or {}
    if not es.indices.exists_alias(name=indices.sources):
        setup_indices(es, indices.prefix)
    ids = sorted(runs)
    found = es.mget(index=indices.sources, ids=ids)["docs"]
    existing = {d["_id"]: d.get("_source") or {} for d in found if d.get("found")}
    operations: list[dict] = []
    for source_id in ids:
        doc = _merge(
            existing.get(source_id, {}), runs[source_id], catalogue.get(source_id), source_id
        )
        operations += [{"index": {"_index": indices.sources, "_id": source_id}}, doc]
    result = es.bulk(operations=operations, refresh="wait_for", require_alias=True)
    failed = [i for i in result["items"] if next(iter(i.values())).get("error")]
    if failed:
        log.warning("Elasticsearch refused %d source-state documents: %s", len(failed), failed[0])
    return len(ids) - len(failed)


def source_rows(
    catalogue_path: str | Path | None, target: tuple[Elasticsearch, Indices] | None
) -> list[dict]:
    """Every catalogue source with its state (for `troopwatch sources`).

    `target` is `(es, indices)`, or None to list the catalogue without state.
    """
    sources = load_sources(catalogue_path)
    states: dict[str, dict] = {}
    if target is not None and sources:
        es, indices = target
        try:
            docs = es.mget(index=indices.sources, ids=[s.id for s in sources])["docs"]
            states = {d["_id"]: d.get("_source") or {} for d in docs if d.get("found")}
        except (ApiError, TransportError) as exc:
            log.warning("cannot read source state from Elasticsearch: %s", exc)
    rows = []
    for source in sources:
        state = states.get(source.id, {})
        rows.append(
            {
                "id": source.id,
                "name": source.name,
                "kind": source.kind,
                "lang": source.lang,
                "country": source.country,
                "url": redact_url(source.urls[0]),
                "urls": [redact_url(u) for u in source.urls],
                "enabled": source.enabled,
                "interval_minutes": source.interval_minutes,
                "last_fetched": state.get("last_fetched"),
                "last_status": state.get("last_status"),
                "last_error": state.get("last_error"),
                "last_error_at": state.get("last_error_at"),
                "articles_found": int(state.get("articles_found") or 0),
            }
        )
    return rows
