"""Stage 6: troop-figure claims in the article's text.

Novelty is decided at indexing; there a copy keeps only the figures its original lacks.
Extraction runs in the crawl's CPU pool (troopwatch.workers).
"""

from __future__ import annotations

from troopwatch.claims import extract_claims
from troopwatch.workers import CpuPool


def claim_dicts(text: str) -> list[dict]:
    return [claim.to_dict() for claim in extract_claims(text)]


class ClaimsPipeline:
    def __init__(self, stats, pool: CpuPool | None = None):
        self.stats = stats
        self.pool = pool or CpuPool(0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats, CpuPool.from_crawler(crawler))

    @staticmethod
    def warm_up(settings) -> None:
        """Compile the claim patterns."""
        claim_dicts("North Korea has sent 11,000 troops to Russia.")

    async def process_item(self, item):
        item["claims"] = await self.pool.run(claim_dicts, item["text"])
        self.stats.inc_value("troopwatch/claims", len(item["claims"]))
        return item
