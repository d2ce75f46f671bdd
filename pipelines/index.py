"""Last stage: write articles and claims to Elasticsearch in bulk; spool what it refuses."""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

from elasticsearch import ApiError, TransportError

from troopwatch.config import es_config_from_env
from troopwatch.documents import article_document
from troopwatch.es.client import EsUnavailable, make_client
from troopwatch.es.indices import Indices, setup_indices
from troopwatch.es.writer import ArticleWriter
from troopwatch.spool import Spool

log = logging.getLogger(__name__)


class IndexPipeline:
    def __init__(self, config, bulk_size: int, spool_dir: Path, stats):
        self.config = config
        self.bulk_size = bulk_size
        self.spool = Spool(spool_dir / config.prefix)
        self.stats = stats
        self.buffer: list[dict] = []
        self.writer: ArticleWriter | None = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        config = dataclasses.replace(
            es_config_from_env(), prefix=settings.get("TROOPWATCH_INDEX_PREFIX")
        )
        return cls(
            config,
            settings.getint("TROOPWATCH_BULK_SIZE"),
            Path(settings.get("TROOPWATCH_SPOOL_DIR")),
            crawler.stats,
        )

    def open_spider(self):
        es = make_client(self.config)
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

    def process_item(self, item):
        self.buffer.append(article_document(item))
        if len(self.buffer) >= self.bulk_size:
            self.flush()
        return item

    def flush(self) -> None:
        batch, self.buffer = self.buffer, []
        try:
            self._drain_spool()
            if batch:
                self._write(batch)
        except EsUnavailable as exc:
            self.spool.put(batch)
            self.stats.inc_value("troopwatch/spooled", len(batch))
            log.warning(
                "Elasticsearch at %s cannot take writes (%s): %d articles kept in %s; "
                "they will be written when it is back",
                self.config.describe(),
                exc,
                len(batch),
                self.spool.directory,
            )

    def _write(self, docs: list[dict]) -> None:
        result = self.writer.write(docs)
        self.stats.inc_value("troopwatch/indexed", result.indexed)
        self.stats.inc_value("troopwatch/sightings", result.sightings)
        self.stats.inc_value("troopwatch/new_claims", len(result.new_claims))
        self.stats.inc_value("troopwatch/rejected", result.rejected)

    def _drain_spool(self) -> None:
        if self.spool.files():
            written = self.spool.drain(self._write)
            if written:
                self.stats.inc_value("troopwatch/unspooled", written)
                log.info("wrote %d spooled articles to Elasticsearch", written)

    def close_spider(self):
        self.flush()
        pending = self.spool.pending()
        if pending:
            log.warning(
                "%d articles wait in %s for Elasticsearch at %s; the next crawl or "
                "`troopwatch spool flush` writes them",
                pending,
                self.spool.directory,
                self.config.describe(),
            )
