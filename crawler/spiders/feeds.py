"""RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed sources."""

from __future__ import annotations

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import FeedError, parse_feed


class FeedSpider(ArticleSpider):
    name = "feeds"
    source_kinds = ("feed",)

    async def start(self):
        for source in self.catalogue():
            for url in source.urls:
                yield self.discovery_request(url, source, self.parse_feed)

    def parse_feed(self, response: Response):
        source_id = response.meta["source"]
        source = self.source(source_id)
        try:
            entries = parse_feed(response.body, response.url)
        except FeedError as exc:
            self.logger.warning(
                "feed %s (source %s) is unreadable: %s", response.url, source_id, exc
            )
            self.crawler.stats.inc_value("troopwatch/bad_feeds")
            self.report_problem(source_id, response.url, f"unreadable feed: {exc}")
            return
        self.crawler.stats.inc_value("troopwatch/feed_entries", len(entries))
        for entry in entries:
            if self.too_old(entry.published, source):
                self.crawler.stats.inc_value("troopwatch/too_old")
                continue
            yield self.article_request(
                entry.url,
                source_id,
                title=entry.title,
                published=entry.published,
                lang=entry.lang or (source.lang if source else None),
            )
