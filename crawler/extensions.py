"""Scrapy extensions: `RunRecorder` keeps one document per crawl run in the runs index.

Kibana reads these to show pipeline health: when each source was crawled, how many pages,
items, indexed articles, duplicates and new claims it gave, and what went wrong. When
Elasticsearch is down the document goes to the spool (`<TROOPWATCH_SPOOL_DIR>/<prefix>/
runs/`) and is written by the next crawl or by the daemon's spool job; nothing is lost.

Run documents are merged, never replaced: `RunStore` reads the run's document, merges
the new one over it (`_merge`: error messages appended, `_increment` counters added) and
writes the result, so the recorder's full record and the daemon's verdict on the process
(timeout, crash) combine into one document whatever order they arrive in.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import uuid
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.spiders import Spider
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.threads import deferToThread

from troopwatch.config import es_config_from_env
from troopwatch.dates import iso, utcnow
from troopwatch.es.client import EsUnavailable
from troopwatch.es.indices import Indices
from troopwatch.redact import redact_text
from troopwatch.spool import Spool
from troopwatch.workers import crawl_es

log = logging.getLogger(__name__)

MAX_ERROR_MESSAGES = 20
MAX_MESSAGE_CHARS = 500

# Run counters and the crawler stats they come from.
STAT_KEYS: dict[str, str] = {
    "pages": "response_received_count",
    "items": "item_scraped_count",
    "indexed": "troopwatch/indexed",
    "duplicates": "troopwatch/duplicates",
    "off_topic": "troopwatch/off_topic",
    "dropped": "item_dropped_count",
    "spooled": "troopwatch/spooled",
    "new_claims": "troopwatch/new_claims",
}
# Problems that are logged as warnings (a failed fetch is not a crawler error) but count.
ERROR_STATS = (
    "troopwatch/fetch_errors",
    "troopwatch/bad_feeds",
    "troopwatch/bad_sitemaps",
    "troopwatch/rejected",
    "troopwatch/dedupe_lookup_errors",
)


def runs_spool(spool_dir: str | Path, prefix: str) -> Spool:
    return Spool(Path(spool_dir) / prefix / "runs")


def _merge(existing: dict | None, doc: dict) -> dict:
    """`doc` over `existing`, with error messages appended rather than replaced and the
    counters named in `doc["_increment"]` added to."""
    increments = doc.get("_increment") or {}
    merged = {
        **(existing or {}),
        **{k: v for k, v in doc.items() if v is not None and k != "_increment"},
    }
    for name, value in increments.items():
        merged[name] = int((existing or {}).get(name) or 0) + int(value)
    messages = list((existing or {}).get("error_messages") or [])
    for message in doc.get("error_messages") or []:
        if message not in messages:
            messages.append(message)
    if messages:
        merged["error_messages"] = messages[-MAX_ERROR_MESSAGES * 2 :]
    return merged


class RunStore:
    """Writes run documents to the runs index, or to the spool while it is unreachable."""

    def __init__(self, es: Elasticsearch, indices: Indices, spool: Spool):
        self.es = es
        self.indices = indices
        self.spool = spool

    def _write(self, docs: list[dict]) -> None:
        """Merge each document into its run (spool-drain callback: raises to keep them).

        A run Elasticsearch refuses for its content (400) goes to `rejected/` with the
        reason instead of holding back every later run in the spool."""
        try:
            for doc in docs:
                try:
                    existing = self.es.get(index=self.indices.runs, id=doc["run_id"])["_source"]
                except NotFoundError:
                    existing = None
                try:
                    self.es.index(
                        index=self.indices.runs,
                        id=doc["run_id"],
                        document=_merge(existing, doc),
                        require_alias=True,
                    )
                except ApiError as exc:
                    if getattr(exc.meta, "status", None) not in (400, 413):
                        raise
                    log.error("crawl run %s rejected: %s", doc.get("run_id"), exc)
                    Spool(self.spool.directory / "rejected").put(
                        [{"document": doc, "error": str(exc)[:1000]}]
                    )
        except (TransportError, ApiError) as exc:
            raise EsUnavailable(f"cannot write crawl runs: {exc}") from exc

    def drain(self) -> int:
        """Write the spooled run documents; raises EsUnavailable when that fails."""
        return self.spool.drain(self._write) if self.spool.files() else 0

    def save(self, doc: dict) -> bool:
        """Write one run document (after any spooled ones); True if it reached Elasticsearch."""
        try:
            self.drain()
            self._write([doc])
            return True
        except EsUnavailable as exc:
            try:
                self.spool.put([doc])
            except OSError as full:
                log.error(
                    "crawl run %s could not be recorded (%s; %s)", doc.get("run_id"), exc, full
                )
                return False
            log.warning(
                "crawl run %s kept in %s (%s); it is written when Elasticsearch is back",
                doc.get("run_id"),
                self.spool.directory,
                exc,
            )
            return False


class _MessageCollector(logging.Handler):
    """Keeps the warnings and errors logged during one spider's run."""

    def __init__(self, spider_name: str):
        super().__init__(level=logging.WARNING)
        self.spider_name = spider_name
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # Records tagged with another spider (several crawlers in one process) are theirs.
        spider = getattr(record, "spider", None)
        if spider is not None and getattr(spider, "name", None) != self.spider_name:
            return
        try:
            text = f"{record.levelname} {record.name}: {record.getMessage()}"
        except Exception:  # a bad format string must not break the crawl
            return
        if record.exc_info and record.exc_info[1] is not None:
            text += f" ({type(record.exc_info[1]).__name__}: {record.exc_info[1]})"
        text = redact_text(text)[:MAX_MESSAGE_CHARS]
        if text not in self.messages and len(self.messages) < MAX_ERROR_MESSAGES:
            self.messages.append(text)


class RunRecorder:
    """Records a crawl run in the runs index when the spider closes: counters from the
    crawler stats (`STAT_KEYS`), the warnings and errors logged meanwhile, and a status.
    The run id is the daemon's (TROOPWATCH_RUN_ID) or a new one; `RunStore` merges the
    document into that run's, or spools it while Elasticsearch is unreachable."""

    def __init__(self, crawler: Crawler, store: RunStore, run_id: str | None):
        self.crawler = crawler
        self.store = store
        self.run_id = run_id or f"run-{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
        self.started_at = None
        self.sources: list[str] = []
        self.collector: _MessageCollector | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunRecorder:
        settings = crawler.settings
        if not settings.getbool("TROOPWATCH_RUNS_ENABLED", True):
            raise NotConfigured("TROOPWATCH_RUNS_ENABLED is off")
        prefix = settings.get("TROOPWATCH_INDEX_PREFIX")
        config = dataclasses.replace(es_config_from_env(), prefix=prefix, request_timeout=10.0)
        store = RunStore(
            crawl_es(crawler).options(request_timeout=config.request_timeout),
            Indices(prefix),
            runs_spool(settings.get("TROOPWATCH_SPOOL_DIR"), prefix),
        )
        # The daemon names the run so it can complete the record if the process dies.
        run_id = settings.get("TROOPWATCH_RUN_ID") or os.environ.get("TROOPWATCH_RUN_ID")
        ext = cls(crawler, store, run_id)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def _sources(self, spider: Spider) -> list[str]:
        only = getattr(spider, "only_sources", None)
        if only:
            return list(only)
        try:
            return [s.id for s in spider.catalogue()]
        except Exception:  # no catalogue, or an unreadable one: the run is still recorded
            return []

    def spider_opened(self, spider: Spider) -> None:
        self.started_at = utcnow()
        self.collector = _MessageCollector(spider.name)
        logging.getLogger().addHandler(self.collector)
        self.sources = self._sources(spider)

    def run_document(self, spider: Spider, reason: str) -> dict:
        stats = self.crawler.stats.get_stats()
        finished = utcnow()
        started = stats.get("start_time") or self.started_at or finished
        if started.tzinfo is None:  # Scrapy's start_time is aware; be safe anyway
            started = started.replace(tzinfo=finished.tzinfo)

        counts = {name: int(stats.get(key, 0)) for name, key in STAT_KEYS.items()}
        errors = int(stats.get("log_count/ERROR", 0)) + sum(
            int(stats.get(k, 0)) for k in ERROR_STATS
        )
        # Not "finished": shutdown, closespider_timeout, cancelled, ...
        status = reason if reason != "finished" else ("errors" if errors else "ok")
        return {
            "run_id": self.run_id,
            "source": self.sources,
            "spider": spider.name,
            "status": status,
            "started_at": iso(started),
            "finished_at": iso(finished),
            "duration_s": round((finished - started).total_seconds(), 3),
            **counts,
            "errors": errors,
            "error_messages": list(self.collector.messages if self.collector else []),
        }

    async def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.collector is not None:
            logging.getLogger().removeHandler(self.collector)
        doc = self.run_document(spider, reason)
        spider.logger.info(
            "run %s: %d pages, %d items, %d indexed, %d new claims, %d errors",
            doc["run_id"],
            doc["pages"],
            doc["items"],
            doc["indexed"],
            doc["new_claims"],
            doc["errors"],
        )
        # Elasticsearch calls block; keep them off the reactor thread.
        await maybe_deferred_to_future(deferToThread(self.store.save, doc))
