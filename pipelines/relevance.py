"""Stage 3: keep only articles about North Korean troops in Russia's war (troopwatch.relevance).

Every item gets `relevance` (0..1) and `relevance_terms`. Off-topic items are counted in
the crawl's stats (`troopwatch/off_topic`) and dropped, unless
TROOPWATCH_RELEVANCE_ENFORCE is off (benchmarks score everything and keep it).
Scoring runs in the crawl's CPU pool (troopwatch.workers), off the reactor.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import DropItem

from troopwatch.relevance import score_relevance
from troopwatch.workers import CpuPool

log = logging.getLogger(__name__)


class RelevancePipeline:
    def __init__(self, enforce: bool, stats, pool: CpuPool | None = None):
        self.enforce = enforce
        self.stats = stats
        self.pool = pool or CpuPool(0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(
            crawler.settings.getbool("TROOPWATCH_RELEVANCE_ENFORCE", True),
            crawler.stats,
            CpuPool.from_crawler(crawler),
        )

    async def process_item(self, item):
        result = await self.pool.run(
            score_relevance, item.get("title"), item.get("text"), item.get("lang")
        )
        item["relevance"] = result.score
        item["relevance_terms"] = list(result.terms)
        if result.is_relevant or item.get("is_seed"):
            self.stats.inc_value("troopwatch/relevant")
            return item
        self.stats.inc_value("troopwatch/off_topic")
        if not self.enforce:
            return item
        log.info(
            "off-topic, not indexed: %s %r (score %.2f)",
            item.get("url"),
            (item.get("title") or "")[:100],
            result.score,
        )
        # One line above is enough: the default drop message would print the whole text.
        raise DropItem(f"off-topic: {item.get('url')}", log_level="DEBUG")
