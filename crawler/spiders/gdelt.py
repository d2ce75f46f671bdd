"""GDELT DOC 2.0 API searches (`mode=ArtList&format=json`): article lists across languages.

The catalogue holds complete API URLs (query, `sourcelang:` filter, `timespan`, `sort`).
GDELT asks for no more than one request every few seconds, so its host gets a download
slot of its own with one connection and a delay; the articles themselves are fetched from
their outlets under the usual per-domain limits.
"""

from __future__ import annotations

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import FeedError, parse_gdelt_artlist

GDELT_API_HOST = "api.gdeltproject.org"


class GdeltSpider(ArticleSpider):
    name = "gdelt"
    source_kinds = ("gdelt",)
    custom_settings = {
        "DOWNLOAD_SLOTS": {GDELT_API_HOST: {"concurrency": 1, "delay": 6.0}},
    }

    async def start(self):
        for source in self.catalogue():
            for url in source.urls:
                yield self.discovery_request(url, source, self.parse_artlist)

    def parse_artlist(self, response: Response):
        source_id = response.meta["source"]
        source = self.source(source_id)
        try:
            entries = parse_gdelt_artlist(response.body)
        except FeedError as exc:
            self.logger.warning(
                "GDELT query %s (source %s) failed: %s", response.url, source_id, exc
            )
            self.crawler.stats.inc_value("troopwatch/bad_feeds")
            self.report_problem(source_id, response.url, str(exc))
            return
        self.crawler.stats.inc_value("troopwatch/feed_entries", len(entries))
        for entry in entries:
            if self.too_old(entry.published, source):
                self.crawler.stats.inc_value("troopwatch/too_old")
                continue
            # seendate is when GDELT saw the page, not a publication date: keep it out of
            # `published` so that the page's own date wins in the clean stage.
            yield self.article_request(
                entry.url,
                source_id,
                title=entry.title,
                lang=entry.lang or (source.lang if source else None),
                site=entry.site,
            )
