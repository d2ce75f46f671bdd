"""Stage 6: troop-figure claims in the article's text.

Novelty is decided at indexing; there a copy keeps only the figures its original lacks.
"""

from __future__ import annotations

from troopwatch.claims import extract_claims


class ClaimsPipeline:
    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        item["claims"] = [claim.to_dict() for claim in extract_claims(item["text"])]
        self.stats.inc_value("troopwatch/claims", len(item["claims"]))
        return item
