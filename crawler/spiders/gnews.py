"""Google News RSS searches (news.google.com/rss/search?q=...&hl=..&gl=..&ceid=..).

Items link to news.google.com/rss/articles/<id>. When the id carries the article URL (the
older encoding) the article is fetched straight from its outlet; otherwise the Google link
is requested and its redirect followed. Each item's `<source url=...>` names the outlet,
which is passed on with the article; the " - Outlet" suffix is cut from the title.
"""

from __future__ import annotations

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import decode_google_news_url, parse_feed, strip_outlet_suffix

GOOGLE_NEWS_HOST = "news.google.com"


class GoogleNewsSpider(ArticleSpider):
    name = "gnews"
    source_kinds = ("gnews",)
    custom_settings = {
        "DOWNLOAD_SLOTS": {GOOGLE_NEWS_HOST: {"concurrency": 1, "delay": 2.0}},
    }

    listing_label = "Google News search"

    def parse_listing(self, response: Response) -> list:
        return parse_feed(response.body, response.url, self.response_headers(response))

    def entry_request(self, entry, source_id, source):
        url = decode_google_news_url(entry.url) or entry.url
        return self.article_request(
            url,
            source_id,
            title=strip_outlet_suffix(entry.title, entry.site),
            published=entry.published,
            lang=(source.lang if source and source.lang else None) or entry.lang,
            site=entry.site,
            site_url=entry.site_url,
        )
