"""Stage 1: turn a fetched page into article text and metadata (trafilatura).

When relevance is enforced, a page that cannot be relevant (troopwatch.prefilter: none of
the story's words in it) is dropped before extraction; seeds are never screened.
Extraction runs in the crawl's CPU pool (troopwatch.workers), off the reactor.
"""

from __future__ import annotations

from scrapy.exceptions import DropItem

from troopwatch.extract import ExtractedArticle, extract_article
from troopwatch.prefilter import may_be_relevant
from troopwatch.urls import article_id, canonicalize_url
from troopwatch.workers import CpuPool

OFF_TOPIC = "off-topic"


def screen_and_extract(
    html: str, url: str, screen: bool, feed_title: str | None
) -> ExtractedArticle | str | None:
    """The article in a page; OFF_TOPIC (without extracting) when screened out."""
    if screen and not may_be_relevant(html, feed_title):
        return OFF_TOPIC
    return extract_article(html, url)


class CleanPipeline:
    def __init__(self, min_chars: int, stats, pool: CpuPool | None = None, screen: bool = False):
        self.min_chars = min_chars
        self.stats = stats
        self.pool = pool or CpuPool(0)
        self.screen = screen

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        return cls(
            settings.getint("TROOPWATCH_MIN_TEXT_CHARS"),
            crawler.stats,
            CpuPool.from_crawler(crawler),
            settings.getbool("TROOPWATCH_RELEVANCE_ENFORCE", True),
        )

    @staticmethod
    def warm_up(settings) -> None:
        """Build the pre-check's automaton (when pages are screened)."""
        if settings.getbool("TROOPWATCH_RELEVANCE_ENFORCE", True):
            may_be_relevant("<p>North Korea</p>")

    async def process_item(self, item):
        html = item.pop("html", None)
        screen = self.screen and not item.get("is_seed")
        extracted = await self.pool.run(
            screen_and_extract, html or "", item["url"], screen, item.get("feed_title")
        )
        if extracted == OFF_TOPIC:
            # Counted with the relevance stage's off-topic pages (run records, status).
            self.stats.inc_value("troopwatch/off_topic")
            self.stats.inc_value("troopwatch/off_topic_prefilter")
            raise DropItem(f"off-topic before extraction: {item['url']}", log_level="DEBUG")
        if extracted is None or len(extracted.text) < self.min_chars:
            self.stats.inc_value("troopwatch/no_article_text")
            raise DropItem(f"no article text in {item['url']}")
        # The id comes from the fetched URL under our own rules (tracking, AMP, mobile): a
        # page's declared canonical may name another article (syndication), and trusting
        # it would let a copy overwrite its original. Copies are caught by dedupe instead.
        canonical = canonicalize_url(item["url"])
        item["canonical_url"] = canonical
        item["article_id"] = article_id(canonical)
        item["text"] = extracted.text
        item["title"] = extracted.title or item.get("feed_title")
        item["authors"] = extracted.authors
        # Undated pages take their fetch time, so time-filtered views still show them.
        item["published_at"] = (
            extracted.published_at or item.get("feed_published") or item.get("fetched_at")
        )
        item["site"] = extracted.site or item.get("feed_site")
        item["html_lang"] = extracted.html_lang
        return item
