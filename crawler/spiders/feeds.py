"""RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed sources."""

from __future__ import annotations

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import parse_feed


class FeedSpider(ArticleSpider):
    name = "feeds"
    source_kinds = ("feed",)
    listing_label = "feed"

    def parse_listing(self, response: Response) -> list:
        return parse_feed(response.body, response.url, self.response_headers(response))
