"""Last stage: write articles and claims to Elasticsearch in bulk; spool what it refuses.

A batch leaves memory only once it is written or spooled. When neither works (the
spool's disk is full and Elasticsearch is down) the batch stays in memory, the crawl
engine is paused so no new pages pile up, and the flush is tried again every
TROOPWATCH_SPOOL_RETRY_SECONDS; the crawl resumes as soon as it succeeds.
Elasticsearch and disk I/O run in a thread, never on the reactor.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from elasticsearch import ApiError, TransportError
from scrapy.utils.defer import deferred_from_coro, maybe_deferred_to_future
from twisted.internet import task
from twisted.internet.threads import deferToThread

from troopwatch.documents import article_document
from troopwatch.es.client import EsUnavailable, make_client
from troopwatch.es.indices import Indices, setup_indices
from troopwatch.es.writer import ArticleWriter, drain_articles
from troopwatch.spool import Spool
from troopwatch.workers import crawl_es, crawl_es_config

log = logging.getLogger(__name__)


class IndexPipeline:
    def __init__(
        self,
        config,
        bulk_size: int,
        spool_dir: Path,
        stats,
        crawler=None,
        retry_seconds: float = 10.0,
        close_wait_seconds: float = 300.0,
        es=None,
    ):
        self.config = config
        self.es = es  # the crawl's shared client; None: one of its own (tests, CLI)
        self.bulk_size = bulk_size
        self.spool = Spool(spool_dir / config.prefix)
        self.stats = stats
        self.crawler = crawler
        self.retry_seconds = retry_seconds
        self.close_wait_seconds = close_wait_seconds
        self.buffer: list[dict] = []
        self.writer: ArticleWriter | None = None
        # Why the buffer can be neither written nor spooled (None while all is well).
        self.stalled: str | None = None
        self._retry: task.LoopingCall | None = None
        self._busy = False  # a flush is running in a thread

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            crawl_es_config(crawler),
            settings.getint("TROOPWATCH_BULK_SIZE"),
            Path(settings.get("TROOPWATCH_SPOOL_DIR")),
            crawler.stats,
            crawler,
            settings.getfloat("TROOPWATCH_SPOOL_RETRY_SECONDS", 10.0),
            settings.getfloat("TROOPWATCH_SPOOL_CLOSE_WAIT_SECONDS", 300.0),
            crawl_es(crawler),
        )

    async def open_spider(self):
        # Setup may migrate an index (a copy of every document): off the reactor.
        await maybe_deferred_to_future(deferToThread(self._open))

    def _open(self) -> None:
        es = self.es if self.es is not None else make_client(self.config)
        try:
            setup_indices(es, self.config.prefix)
        except (ApiError, TransportError) as exc:
            log.warning(
                "Elasticsearch at %s is unavailable (%s); articles will be spooled to %s "
                "and written when it is back",
                self.config.describe(),
                exc,
                self.spool.directory,
            )
        self.writer = ArticleWriter(es, Indices(self.config.prefix), self.spool)

    async def process_item(self, item):
        self.buffer.append(article_document(item))
        # One flush at a time; while stalled, the retry loop flushes. Items arriving
        # meanwhile just join the buffer.
        if len(self.buffer) >= self.bulk_size and self.stalled is None and not self._busy:
            await self._flush_in_thread()
        return item

    async def _flush_in_thread(self) -> bool:
        """`flush`, with its Elasticsearch and disk I/O off the reactor thread."""
        self._busy = True
        try:
            error = await maybe_deferred_to_future(deferToThread(self._flush_io))
        finally:
            self._busy = False
        return self._settle(error)

    def flush(self) -> bool:
        """Write the buffer (after what is spooled), or spool it; True when it is empty.

        The buffer is let go only once written or spooled: a failure keeps it.
        """
        return self._settle(self._flush_io())

    def _settle(self, error: OSError | None) -> bool:
        if error is not None:
            self._stall(error)
            return False
        self._resume()
        return True

    def _flush_io(self) -> OSError | None:
        """The I/O of a flush (thread-safe against appends to the buffer): None when the
        batch was written or spooled, else the error that kept it in memory."""
        batch = list(self.buffer)
        try:
            try:
                self._drain_spool()
                if batch:
                    self._write(batch)
            except EsUnavailable as exc:
                if batch:
                    self.spool.put(batch)
                    self.stats.inc_value("troopwatch/spooled", len(batch))
                    log.warning(
                        "Elasticsearch at %s cannot take writes (%s): %d articles kept in "
                        "%s; they will be written when it is back",
                        self.config.describe(),
                        exc,
                        len(batch),
                        self.spool.directory,
                    )
        except OSError as exc:
            return exc
        del self.buffer[: len(batch)]
        return None

    def _stall(self, exc: OSError) -> None:
        reason = f"{type(exc).__name__}: {exc}"
        if self.stalled is None:
            self.stats.inc_value("troopwatch/spool_stalls")
            log.error(
                "cannot write to Elasticsearch at %s nor spool to %s (%s): %d articles held "
                "in memory and the crawl paused; free disk space (retrying every %gs)",
                self.config.describe(),
                self.spool.directory,
                reason,
                len(self.buffer),
                self.retry_seconds,
            )
            engine = getattr(self.crawler, "engine", None)
            if engine is not None:
                engine.pause()
            if self.crawler is not None:
                self._retry = task.LoopingCall(self._retry_flush)
                self._retry.start(self.retry_seconds, now=False)
        self.stalled = reason

    def _retry_flush(self):
        if self._busy:
            return None
        return deferred_from_coro(self._flush_in_thread())

    def _resume(self) -> None:
        if self.stalled is None:
            return
        log.warning("articles written or spooled again (%s is over); crawl resumed", self.stalled)
        self.stalled = None
        if self._retry is not None and self._retry.running:
            self._retry.stop()
        self._retry = None
        engine = getattr(self.crawler, "engine", None)
        if engine is not None:
            engine.unpause()

    def _write(self, docs: list[dict]) -> None:
        result = self.writer.write(docs)
        self.stats.inc_value("troopwatch/indexed", result.indexed)
        self.stats.inc_value("troopwatch/sightings", result.sightings)
        self.stats.inc_value("troopwatch/new_claims", len(result.new_claims))
        self.stats.inc_value("troopwatch/rejected", result.rejected)

    def _drain_spool(self) -> None:
        written = drain_articles(self.writer)
        if written:
            self.stats.inc_value("troopwatch/unspooled", written)
            log.info("wrote %d spooled articles to Elasticsearch", written)

    def _drain_once_more(self) -> None:
        """After the last batch: a copy that reached this stage before its original
        waited in the spool, and each flush drains before writing its own batch, so the
        original's batch was written after the copy's last try."""
        try:
            self._drain_spool()
        except (EsUnavailable, OSError) as exc:
            log.debug("spool left for the next crawl: %s", exc)

    @staticmethod
    async def _sleep(seconds: float) -> None:
        from twisted.internet import reactor  # the one Scrapy installed

        await maybe_deferred_to_future(task.deferLater(reactor, seconds, lambda: None))

    async def close_spider(self):
        deadline = time.monotonic() + self.close_wait_seconds
        while self._busy:  # a retry still running
            await self._sleep(0.1)
        while not await self._flush_in_thread():
            if time.monotonic() >= deadline:
                self.stats.inc_value("troopwatch/unsaved", len(self.buffer))
                raise RuntimeError(
                    f"{len(self.buffer)} articles could be neither written to Elasticsearch "
                    f"at {self.config.describe()} nor spooled to {self.spool.directory} "
                    f"({self.stalled}); crawl them again once there is disk space "
                    "(-a refetch=1)"
                )
            await self._sleep(self.retry_seconds)
        if self._retry is not None and self._retry.running:
            self._retry.stop()
        if self.spool.files():
            await maybe_deferred_to_future(deferToThread(self._drain_once_more))
        pending = self.spool.pending()
        if pending:
            log.warning(
                "%d articles wait in %s for Elasticsearch at %s; the next crawl or "
                "`troopwatch spool flush` writes them",
                pending,
                self.spool.directory,
                self.config.describe(),
            )
