"""What every discovering spider shares: fetch an article page, yield it, log failures."""

from __future__ import annotations

from datetime import timedelta

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.items import ArticleItem
from crawler.sources import Source, sources_for
from troopwatch.dates import utcnow

HTML_TYPES = (b"text/html", b"application/xhtml+xml")


class ArticleSpider(scrapy.Spider):
    """Base class: subclasses discover article URLs and call `article_request`."""

    source_kinds: tuple[str, ...] = ()

    def __init__(self, urls: str | None = None, sources: str | None = None, **kwargs):
        super().__init__(**kwargs)
        # `-a urls=...` crawls ad-hoc URLs; `-a sources=id1,id2` limits the catalogue.
        self.adhoc_urls = [u for u in (urls or "").split(",") if u]
        self.only_sources = [s for s in (sources or "").split(",") if s]

    def catalogue(self) -> list[Source]:
        if self.adhoc_urls:
            kind = self.source_kinds[0] if self.source_kinds else "feed"
            return [
                Source(id="adhoc", name="ad hoc", kind=kind, urls=tuple(self.adhoc_urls), lang="")
            ]
        return sources_for(
            self.settings.get("TROOPWATCH_SOURCES"), self.source_kinds, self.only_sources
        )

    def too_old(self, published) -> bool:
        days = self.settings.getint("TROOPWATCH_MAX_AGE_DAYS")
        return bool(days and published and published < utcnow() - timedelta(days=days))

    def article_request(self, url: str, source: str, **feed_meta) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.fetch_failed,
            meta={"source": source, "feed": feed_meta},
        )

    def parse_article(self, response: Response):
        content_type = response.headers.get(b"Content-Type", b"").lower()
        if not isinstance(response, TextResponse) or (
            content_type and not any(t in content_type for t in HTML_TYPES)
        ):
            self.logger.warning(
                "skipped %s: not an HTML page (Content-Type %s)",
                response.url,
                content_type.decode("latin-1") or "unknown",
            )
            self.crawler.stats.inc_value("troopwatch/not_html")
            return
        feed = response.meta.get("feed") or {}
        yield ArticleItem(
            url=response.url,
            source=response.meta.get("source"),
            spider=self.name,
            html=response.text,
            http_status=response.status,
            fetched_at=utcnow(),
            feed_title=feed.get("title"),
            feed_published=feed.get("published"),
            feed_lang=feed.get("lang"),
        )

    def fetch_failed(self, failure: Failure) -> None:
        request = failure.request
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        self.logger.warning("could not fetch %s: %s", request.url, reason)
        self.crawler.stats.inc_value("troopwatch/fetch_errors")
