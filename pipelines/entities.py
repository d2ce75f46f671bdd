"""Stage 5: tag people, organisations, places, units and weapons (knowledge base).

Runs in the crawl's CPU pool (troopwatch.workers)."""

from __future__ import annotations

from troopwatch.entities.tagger import entity_fields, tag_entities
from troopwatch.workers import CpuPool


def article_entities(text: str, lang: str | None) -> dict:
    return entity_fields(tag_entities(text, lang))


class EntitiesPipeline:
    def __init__(self, pool: CpuPool | None = None):
        self.pool = pool or CpuPool(0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(CpuPool.from_crawler(crawler))

    @staticmethod
    def warm_up(settings) -> None:
        """Load the KB and build its automata (about a second)."""
        article_entities("North Korean troops in Kursk, Russia", "en")

    async def process_item(self, item):
        if item.get("duplicate_of"):
            return item  # a duplicate is recorded as a sighting of its original only
        text = f"{item.get('title') or ''}\n{item['text']}"
        item["entities"] = await self.pool.run(article_entities, text, item.get("lang"))
        return item
