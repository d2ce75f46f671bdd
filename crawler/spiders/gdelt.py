"""GDELT DOC 2.0 API searches (`mode=ArtList&format=json`): article lists across languages.

The catalogue holds complete API URLs (query, `sourcelang:` filter, `timespan`, `sort`).
GDELT asks for no more than one request every few seconds, so its host gets a download
slot of its own with one connection and a delay; the articles themselves are fetched from
their outlets under the usual per-domain limits.
"""

from __future__ import annotations

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import parse_gdelt_artlist

GDELT_API_HOST = "api.gdeltproject.org"


class GdeltSpider(ArticleSpider):
    name = "gdelt"
    source_kinds = ("gdelt",)
    custom_settings = {
        "DOWNLOAD_SLOTS": {GDELT_API_HOST: {"concurrency": 1, "delay": 6.0}},
    }

    listing_label = "GDELT query"

    def parse_listing(self, response: Response) -> list:
        return parse_gdelt_artlist(response.body)

    def entry_request(self, entry, source_id, source):
        # seendate is when GDELT saw the page, not a publication date: keep it out of
        # `published` so that the page's own date wins in the clean stage.
        return self.article_request(
            entry.url,
            source_id,
            title=entry.title,
            lang=entry.lang or (source.lang if source else None),
            site=entry.site,
        )
