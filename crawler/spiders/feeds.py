"""RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed sources."""

from __future__ import annotations

import scrapy
from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import FeedError, parse_feed


class FeedSpider(ArticleSpider):
    name = "feeds"
    source_kinds = ("feed",)

    async def start(self):
        for source in self.catalogue():
            for url in source.urls:
                yield scrapy.Request(
                    url,
                    callback=self.parse_feed,
                    errback=self.fetch_failed,
                    meta={"source": source.id},
                    dont_filter=True,
                )

    def parse_feed(self, response: Response):
        source = response.meta["source"]
        try:
            entries = parse_feed(response.body, response.url)
        except FeedError as exc:
            self.logger.warning("feed %s (source %s) is unreadable: %s", response.url, source, exc)
            self.crawler.stats.inc_value("troopwatch/bad_feeds")
            return
        self.crawler.stats.inc_value("troopwatch/feed_entries", len(entries))
        for entry in entries:
            if self.too_old(entry.published):
                self.crawler.stats.inc_value("troopwatch/too_old")
                continue
            yield self.article_request(
                entry.url, source, title=entry.title, published=entry.published, lang=entry.lang
            )
