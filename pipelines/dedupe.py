"""Stage 4: is this article a copy of one we already have (a seed, or anything indexed)?

Elasticsearch is the memory (MinHash band keys stored with every article), so any crawler
process finds earlier articles and a restart forgets nothing. Copies that arrive in the
same crawl before their original is searchable are caught by a small per-crawl index.
A duplicate is not dropped: it flows on, marked, and the index stage records it as a
sighting of the original (its URL and date added to the original's `also_seen`).
"""

from __future__ import annotations

import functools
import logging
from collections import OrderedDict
from collections.abc import Callable

from elasticsearch import ApiError, TransportError

from troopwatch.dedupe import Prepared, Sketch, compare_prepared, prepare, sketch
from troopwatch.dedupe.store import dedupe_fields, find_duplicate
from troopwatch.es.client import make_client
from troopwatch.es.indices import Indices
from troopwatch.workers import CpuPool, crawl_es, crawl_es_config, in_thread

log = logging.getLogger(__name__)


class RecentArticles:
    """Articles of this crawl, looked up by shared sketch keys (bounded, oldest evicted).

    Runs on the reactor thread, so texts are normalised and shingled once: the caller's
    own text lazily (`own`, shared by its lookups), the recent articles compared last in
    a small cache (a few are everyone's candidates: shared boilerplate)."""

    def __init__(self, limit: int = 5000, prepared: int = 128):
        self.limit = limit
        self.texts: OrderedDict[str, str] = OrderedDict()
        self.by_key: dict[str, set[str]] = {}
        self.keys: dict[str, list[str]] = {}
        self.prepared_limit = prepared
        self.prepared: OrderedDict[str, Prepared] = OrderedDict()

    def add(self, article_id: str, sk: Sketch, text: str) -> None:
        if article_id in self.texts:
            return
        self.texts[article_id] = text
        self.keys[article_id] = [sk.text_hash, *sk.keys]
        for key in self.keys[article_id]:
            self.by_key.setdefault(key, set()).add(article_id)
        if len(self.texts) > self.limit:
            old, _ = self.texts.popitem(last=False)
            self.prepared.pop(old, None)
            for key in self.keys.pop(old):
                self.by_key[key].discard(old)

    def _prepared(self, article_id: str) -> Prepared:
        found = self.prepared.get(article_id)
        if found is None:
            found = self.prepared[article_id] = prepare(self.texts[article_id])
            if len(self.prepared) > self.prepared_limit:
                self.prepared.popitem(last=False)
        else:
            self.prepared.move_to_end(article_id)
        return found

    def find(
        self, article_id: str, sk: Sketch, own: Callable[[], Prepared]
    ) -> tuple[str, float] | None:
        """The recent article this one duplicates; `own()` gives its prepared text."""
        shared: dict[str, int] = {}
        for key in (sk.text_hash, *sk.keys):
            for other in self.by_key.get(key, ()):
                if other != article_id:
                    shared[other] = shared.get(other, 0) + 1
        for other, _ in sorted(shared.items(), key=lambda kv: -kv[1])[:5]:
            verdict = compare_prepared(own(), self._prepared(other))
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
        sk = await self.pool.run(sketch, text)
        item.update(dedupe_fields(text, sk))
        own = functools.cache(functools.partial(prepare, text))  # once, if compared at all
        match = self.recent.find(article_id, sk, own)
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
                else self.recent.find(article_id, sk, own)
            )
        if match is None:
            self.recent.add(article_id, sk, text)
            return item
        item["duplicate_of"], item["similarity"] = match
        self.stats.inc_value("troopwatch/duplicates")
        log.info("%s duplicates %s (similarity %.2f)", item["url"], *match)
        return item
