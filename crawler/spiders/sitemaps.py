"""Google News sitemaps, plain sitemaps and sitemap indexes (also gzip-compressed).

A sitemap index is followed to its child sitemaps, skipping those whose lastmod lies
beyond the horizon and, when the catalogue entry has `follow: <regex>`, those whose URL
does not match it. Article URLs are fetched newest first, at most
TROOPWATCH_SITEMAP_MAX_URLS per sitemap, since a plain sitemap can list years of
articles; `max_age_days` on a catalogue entry sets its own horizon.

Indexes are bounded: each sitemap is fetched once per crawl (an index that lists itself, or
two that list each other, end there), at most TROOPWATCH_SITEMAP_MAX_DEPTH levels of indexes
below a catalogue URL and TROOPWATCH_SITEMAP_MAX_CHILDREN children per index (the newest).
What is cut off is counted (`troopwatch/sitemaps_repeated`, `troopwatch/sitemaps_too_deep`,
`troopwatch/sitemaps_over_limit`) and logged once per index.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from urllib.parse import urldefrag

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.sitemaps import SitemapError, parse_sitemap

OLDEST = datetime.min.replace(tzinfo=UTC)


class SitemapSpider(ArticleSpider):
    name = "sitemaps"
    source_kinds = ("news_sitemap", "sitemap")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sitemaps_requested: set[str] = set()  # this crawl's sitemap URLs, fragments cut

    def sitemap_request(self, url: str, source, depth: int):
        """The request for a sitemap not yet requested in this crawl, else None."""
        key = urldefrag(url)[0]
        if key in self.sitemaps_requested:
            return None
        self.sitemaps_requested.add(key)
        return self.discovery_request(url, source, self.parse_sitemap, sitemap_depth=depth)

    async def start(self):
        for source in self.catalogue():
            for url in source.urls:
                request = self.sitemap_request(url, source, 0)
                if request is not None:
                    yield request

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
            yield from self.follow_index(response, doc, source_id, follow)
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

    def follow_index(self, response: Response, doc, source_id: str, follow):
        """Requests for the children of a sitemap index, within this crawl's bounds."""
        source = self.source(source_id)
        stats = self.crawler.stats
        depth = response.meta.get("sitemap_depth", 0) + 1
        max_depth = self.settings.getint("TROOPWATCH_SITEMAP_MAX_DEPTH", 3)
        max_children = self.settings.getint("TROOPWATCH_SITEMAP_MAX_CHILDREN", 1000)
        children = [
            c
            for c in doc.entries
            if not (self.too_old(c.lastmod, source) or (follow and not follow.search(c.url)))
        ]
        stats.inc_value("troopwatch/sitemaps_skipped", len(doc.entries) - len(children))
        if max_depth and depth > max_depth:
            stats.inc_value("troopwatch/sitemaps_too_deep", len(children))
            self.logger.warning(
                "sitemap index %s (source %s) is %d levels deep; its %d sitemaps are not "
                "followed (TROOPWATCH_SITEMAP_MAX_DEPTH=%d)",
                response.url,
                source_id,
                depth - 1,
                len(children),
                max_depth,
            )
            return
        if max_children and len(children) > max_children:
            stats.inc_value("troopwatch/sitemaps_over_limit", len(children) - max_children)
            self.logger.warning(
                "sitemap index %s (source %s) lists %d sitemaps; the newest %d are followed "
                "(TROOPWATCH_SITEMAP_MAX_CHILDREN)",
                response.url,
                source_id,
                len(children),
                max_children,
            )
            newest = sorted(children, key=lambda c: c.lastmod or OLDEST, reverse=True)
            keep = {id(c) for c in newest[:max_children]}
            children = [c for c in children if id(c) in keep]
        repeated = []
        for child in children:
            request = self.sitemap_request(child.url, source_id, depth)
            if request is None:
                repeated.append(child.url)
            else:
                yield request
        if repeated:
            stats.inc_value("troopwatch/sitemaps_repeated", len(repeated))
            self.logger.warning(
                "sitemap index %s (source %s) lists %d sitemaps already fetched in this crawl "
                "(%s); not fetched again",
                response.url,
                source_id,
                len(repeated),
                ", ".join(repeated[:3]) + (", …" if len(repeated) > 3 else ""),
            )
