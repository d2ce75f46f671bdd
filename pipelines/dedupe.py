"""Stage 4: is this article a copy of one we already have (a seed, or anything indexed)?

Elasticsearch is the memory (MinHash band keys stored with every article), so any crawler
process finds earlier articles and a restart forgets nothing. Copies that arrive in the
same crawl before their original is searchable are caught by a small per-crawl index.
A duplicate is not dropped: it flows on, marked, and the index stage records it as a
sighting of the original (its URL and date added to the original's `also_seen`).
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from elasticsearch import ApiError, TransportError

from troopwatch.dedupe import ShingleIds, Sketch, compare_ids, sketch_and_ids
from troopwatch.dedupe.store import dedupe_fields, find_duplicate
from troopwatch.es.client import make_client
from troopwatch.es.indices import Indices
from troopwatch.workers import CpuPool, crawl_es, crawl_es_config, in_thread

log = logging.getLogger(__name__)


class RecentArticles:
    """Articles of this crawl, looked up by shared sketch keys (bounded, oldest evicted).

    Runs on the reactor thread, so each article is kept as its shingle ids (from the CPU
    pool, with its sketch): a comparison is one intersection of sorted numbers, and no
    text is normalised or shingled here."""

    def __init__(self, limit: int = 5000):
        self.limit = limit
        self.ids: OrderedDict[str, ShingleIds] = OrderedDict()
        self.by_key: dict[str, set[str]] = {}
        self.keys: dict[str, list[str]] = {}

    def add(self, article_id: str, sk: Sketch, ids: ShingleIds) -> None:
        if article_id in self.ids:
            return
        self.ids[article_id] = ids
        self.keys[article_id] = [sk.text_hash, *sk.keys]
        for key in self.keys[article_id]:
            self.by_key.setdefault(key, set()).add(article_id)
        if len(self.ids) > self.limit:
            old, _ = self.ids.popitem(last=False)
            for key in self.keys.pop(old):
                self.by_key[key].discard(old)

    def find(self, article_id: str, sk: Sketch, ids: ShingleIds) -> tuple[str, float] | None:
        """The recent article this one duplicates."""
        shared: dict[str, int] = {}
        for key in (sk.text_hash, *sk.keys):
            for other in self.by_key.get(key, ()):
                if other != article_id:
                    shared[other] = shared.get(other, 0) + 1
        for other, _ in sorted(shared.items(), key=lambda kv: -kv[1])[:5]:
            verdict = compare_ids(ids, self.ids[other])
            if verdict.duplicate:
                return other, verdict.similarity
        return None


class DedupePipeline:
    """The sketch is computed in the crawl's CPU pool and the Elasticsearch lookup runs in
    a thread with the crawl's one client: the reactor never waits on either."""

    def __init__(self, config, stats, es=None, pool: CpuPool | None = None):
        self.config = config
        self.stats = stats
        self.indices = Indices(config.prefix)
        self.recent = RecentArticles()
        self.es = es
        self.pool = pool or CpuPool(0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(
            crawl_es_config(crawler),
            crawler.stats,
            crawl_es(crawler),
            CpuPool.from_crawler(crawler),
        )

    def open_spider(self):
        if self.es is None:
            self.es = make_client(self.config)

    async def process_item(self, item):
        text, article_id = item["text"], item["article_id"]
        sk, ids = await self.pool.run(sketch_and_ids, text)
        item.update(dedupe_fields(text, sk))
        match = self.recent.find(article_id, sk, ids)
        if match is None:
            try:
                found = await in_thread(
                    find_duplicate,
                    self.es,
                    self.indices.articles,
                    text,
                    item.get("lang"),
                    article_id,
                    sk,
                )
            except (ApiError, TransportError) as exc:
                # Without Elasticsearch only this crawl's own copies are caught; the
                # article is kept (spooled later if need be) rather than lost.
                log.warning("duplicate lookup for %s failed: %s", item["url"], exc)
                self.stats.inc_value("troopwatch/dedupe_lookup_errors")
                found = None
            # Items are in flight together: a copy may have joined `recent` meanwhile.
            match = (
                (found.article_id, found.similarity)
                if found
                else self.recent.find(article_id, sk, ids)
            )
        if match is None:
            self.recent.add(article_id, sk, ids)
            return item
        item["duplicate_of"], item["similarity"] = match
        self.stats.inc_value("troopwatch/duplicates")
        log.info("%s duplicates %s (similarity %.2f)", item["url"], *match)
        return item
