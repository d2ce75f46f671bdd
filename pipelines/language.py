"""Stage 2: the article's language (langdetect, seeded; the page's own lang as a hint).

Only a bounded prefix is read: langdetect's cost grows with length and its answer does not
change (measured in README's benchmark section). Runs in the crawl's CPU pool.
"""

from __future__ import annotations

from troopwatch.langid import detect_language
from troopwatch.workers import CpuPool

PREFIX_CHARS = 1500


class LanguagePipeline:
    def __init__(self, pool: CpuPool | None = None):
        self.pool = pool or CpuPool(0)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(CpuPool.from_crawler(crawler))

    async def process_item(self, item):
        hint = item.get("html_lang") or item.get("feed_lang")
        sample = f"{item.get('title') or ''}\n{item['text'][:PREFIX_CHARS]}"[:PREFIX_CHARS]
        item["lang"] = await self.pool.run(detect_language, sample, hint)
        return item
