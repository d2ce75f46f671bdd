"""Stage 1: turn a fetched page into article text and metadata (trafilatura)."""

from __future__ import annotations

from scrapy.exceptions import DropItem

from troopwatch.extract import extract_article
from troopwatch.urls import article_id, canonicalize_url


class CleanPipeline:
    def __init__(self, min_chars: int, stats):
        self.min_chars = min_chars
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getint("TROOPWATCH_MIN_TEXT_CHARS"), crawler.stats)

    def process_item(self, item):
        html = item.pop("html", None)
        extracted = extract_article(html or "", item["url"])
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
