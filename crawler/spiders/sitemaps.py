"""Google News sitemaps, plain sitemaps and sitemap indexes (also gzip-compressed).

A sitemap index is followed to its child sitemaps, skipping those whose lastmod lies
beyond the horizon and, when the catalogue entry has `follow: <regex>`, those whose URL
does not match it. Article URLs are fetched newest first, at most
TROOPWATCH_SITEMAP_MAX_URLS per sitemap, since a plain sitemap can list years of
articles; `max_age_days` on a catalogue entry sets its own horizon.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.sitemaps import SitemapError, parse_sitemap

OLDEST = datetime.min.replace(tzinfo=UTC)


class SitemapSpider(ArticleSpider):
    name = "sitemaps"
    source_kinds = ("news_sitemap", "sitemap")

    async def start(self):
        for source in self.catalogue():
            for url in source.urls:
                yield self.discovery_request(url, source, self.parse_sitemap)

    def parse_sitemap(self, response: Response):
        source_id = response.meta["source"]
        source = self.source(source_id)
        stats = self.crawler.stats
        try:
            doc = parse_sitemap(
                response.body, response.url, self.settings.getint("DOWNLOAD_MAXSIZE")
            )
        except SitemapError as exc:
            self.logger.warning(
                "sitemap %s (source %s) is unreadable: %s", response.url, source_id, exc
            )
            stats.inc_value("troopwatch/bad_sitemaps")
            self.report_problem(source_id, response.url, f"unreadable sitemap: {exc}")
            return
        if doc.bad_dates:
            examples = ", ".join(repr(raw) for raw in dict.fromkeys(r for _u, r in doc.bad_dates))
            self.logger.warning(
                "sitemap %s: %d unreadable dates (%s); those URLs are kept without a date",
                response.url,
                len(doc.bad_dates),
                examples,
            )
            stats.inc_value("troopwatch/bad_dates", len(doc.bad_dates))
        if doc.is_index:
            follow = (
                re.compile(source.extra["follow"])
                if source and source.extra.get("follow")
                else None
            )
            for child in doc.entries:
                if self.too_old(child.lastmod, source) or (follow and not follow.search(child.url)):
                    stats.inc_value("troopwatch/sitemaps_skipped")
                    continue
                yield self.discovery_request(child.url, source_id, self.parse_sitemap)
            return
        stats.inc_value("troopwatch/sitemap_entries", len(doc.entries))
        limit = self.settings.getint("TROOPWATCH_SITEMAP_MAX_URLS", 1000)
        entries = sorted(doc.entries, key=lambda e: e.date or OLDEST, reverse=True)
        fetched = 0
        for entry in entries:
            if self.too_old(entry.date, source):
                stats.inc_value("troopwatch/too_old")
                continue
            if limit and fetched >= limit:
                stats.inc_value("troopwatch/sitemap_over_limit")
                continue
            fetched += 1
            yield self.article_request(
                entry.url,
                source_id,
                title=entry.title,
                published=entry.published,
                lang=entry.lang or (source.lang if source else None),
            )
