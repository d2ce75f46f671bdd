"""What every discovering spider shares: fetch an article page, yield it, log failures."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import scrapy
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.items import ArticleItem
from crawler.middlewares import NotModified, RefusedAddress
from crawler.sources import Source, sources_for
from troopwatch.config import is_true
from troopwatch.dates import utcnow
from troopwatch.feeds import FeedError
from troopwatch.sources_state import source_problem

HTML_TYPES = (b"text/html", b"application/xhtml+xml")
# The stat a crawl sets when the work it was given is lost (`fail_task`).
TASK_FAILED = "troopwatch/task_failed"


class ArticleSpider(scrapy.Spider):
    """Base class: subclasses discover article URLs and call `article_request`.

    Discovery documents (feeds, sitemaps, search answers) go through `discovery_request`,
    which marks them for conditional GET and source-state recording; article pages go
    through `article_request`, which marks them for the already-indexed check.
    """

    source_kinds: tuple[str, ...] = ()

    def __init__(
        self,
        urls: str | None = None,
        sources: str | None = None,
        refetch: str | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        # `-a urls=...` crawls ad-hoc URLs; `-a sources=id1,id2` limits the catalogue;
        # `-a refetch=1` fetches again what is already indexed or unchanged.
        self.adhoc_urls = [u for u in (urls or "").split(",") if u]
        self.only_sources = [s for s in (sources or "").split(",") if s]
        self._refetch_arg = is_true(refetch)
        self._sources: dict[str, Source] | None = None

    @property
    def refetch(self) -> bool:
        return self._refetch_arg or self.settings.getbool("TROOPWATCH_REFETCH")

    def catalogue(self) -> list[Source]:
        if self.adhoc_urls:
            kind = self.source_kinds[0] if self.source_kinds else "feed"
            return [
                Source(id="adhoc", name="ad hoc", kind=kind, urls=tuple(self.adhoc_urls), lang="")
            ]
        return sources_for(
            self.settings.get("TROOPWATCH_SOURCES"), self.source_kinds, self.only_sources
        )

    def source(self, source_id: str) -> Source | None:
        """The catalogue entry a request came from (looked up once per crawl)."""
        if self._sources is None:
            self._sources = {s.id: s for s in self.catalogue()}
        return self._sources.get(source_id)

    def too_old(self, published: datetime | None, source: Source | None = None) -> bool:
        """Whether a date lies beyond the horizon: the source's `max_age_days` when the
        catalogue sets one (plain sitemaps list years of URLs), else TROOPWATCH_MAX_AGE_DAYS."""
        days = self.settings.getint("TROOPWATCH_MAX_AGE_DAYS")
        if source is not None and source.extra.get("max_age_days"):
            days = int(source.extra["max_age_days"])
        if not (days and published):
            return False
        if published.utcoffset() is None:  # troopwatch.dates never gives one; others might
            published = published.replace(tzinfo=UTC)
        return published < utcnow() - timedelta(days=days)

    def discovery_request(self, url: str, source: Source | str, callback, **meta) -> scrapy.Request:
        """A feed, sitemap or search request: conditional GET, recorded as source state."""
        source_id = source.id if isinstance(source, Source) else source
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.fetch_failed,
            meta={"source": source_id, "discovery": True, "conditional_get": True, **meta},
            dont_filter=True,
        )

    # -- list-style sources (feeds, searches): one template, a parser per kind ---------

    #: How log lines name a document of this kind ("feed", "GDELT query", …).
    listing_label = "listing"

    @staticmethod
    def response_headers(response: Response) -> dict[str, str]:
        """The response's headers as troopwatch.feeds wants them: lower-case names, the
        last value of each."""
        return {
            name.decode("latin-1").lower(): values[-1].decode("latin-1")
            for name, values in response.headers.items()
            if values
        }

    def parse_listing(self, response: Response) -> list:
        """The entries (troopwatch.feeds.FeedEntry) of a feed or search answer; raises
        troopwatch.feeds.FeedError when the document cannot be read."""
        raise NotImplementedError

    def entry_request(self, entry, source_id: str, source: Source | None) -> scrapy.Request:
        """The article request for one entry; kinds override it to pass more metadata."""
        return self.article_request(
            entry.url,
            source_id,
            title=entry.title,
            published=entry.published,
            lang=entry.lang or (source.lang if source else None),
        )

    async def start(self):
        for source in self.catalogue():
            for url in source.urls:
                yield self.discovery_request(url, source, self.parse_listing_response)

    def parse_listing_response(self, response: Response):
        source_id = response.meta["source"]
        source = self.source(source_id)
        try:
            entries = self.parse_listing(response)
        except FeedError as exc:
            self.logger.warning(
                "%s %s (source %s) is unreadable: %s",
                self.listing_label,
                response.url,
                source_id,
                exc,
            )
            self.crawler.stats.inc_value("troopwatch/bad_feeds")
            self.report_problem(source_id, response.url, f"unreadable {self.listing_label}: {exc}")
            return
        problem = getattr(entries, "problem", None)
        if problem:  # damaged but read: its entries count, and the owner should know
            self.logger.warning(
                "%s %s (source %s) is damaged: %s",
                self.listing_label,
                response.url,
                source_id,
                problem,
            )
            self.crawler.stats.inc_value("troopwatch/damaged_feeds")
            self.report_problem(source_id, response.url, f"damaged {self.listing_label}: {problem}")
        self.crawler.stats.inc_value("troopwatch/feed_entries", len(entries))
        # One document brings at most this many articles (a feed or search answer can
        # list thousands); the first ones in document order, newest first by convention.
        limit = self.settings.getint("TROOPWATCH_FEED_MAX_URLS", 1000)
        taken = 0
        for entry in entries:
            if self.too_old(entry.published, source):
                self.crawler.stats.inc_value("troopwatch/too_old")
                continue
            if limit and taken >= limit:
                self.crawler.stats.inc_value("troopwatch/feed_over_limit")
                continue
            taken += 1
            yield self.entry_request(entry, source_id, source)

    def article_request(self, url: str, source: str, **feed_meta) -> scrapy.Request:
        # Duplicates are dropped by canonical article id (AlreadyIndexedMiddleware), which
        # catches more than Scrapy's URL filter; that filter would also hide redirect loops.
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.fetch_failed,
            meta={"source": source, "feed": feed_meta, "article": True},
            dont_filter=True,
        )

    def report_problem(self, source: str | None, url: str, problem: str) -> None:
        """Tell the source-state recorder that a discovery document was unusable."""
        self.crawler.signals.send_catch_log(source_problem, source=source, url=url, error=problem)

    def fail_task(self, reason: str) -> None:
        """The crawl's work is lost (a backfill task's GDELT window, its WARC file): the
        crawl ends with exit status 1 (`troopwatch crawl`), so the daemon runs the task
        again."""
        self.crawler.stats.set_value(TASK_FAILED, reason)

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
        item = ArticleItem(
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
        if feed.get("site") and "feed_site" in item.fields:
            item["feed_site"] = feed["site"]  # the outlet an aggregator named
        yield item

    def fetch_failed(self, failure: Failure) -> None:
        request = failure.request
        if failure.check(NotModified):
            return  # nothing changed: not a failure
        if failure.check(HttpError):
            reason = f"HTTP {failure.value.response.status}"
        else:
            reason = f"{failure.type.__name__}: {failure.getErrorMessage()}"
        if request.meta.get("discovery"):
            self.report_problem(request.meta.get("source"), request.url, reason)
        if failure.check(RefusedAddress):
            return  # the middleware that refused said why, once
        self.logger.warning("could not fetch %s: %s", request.url, reason)
        self.crawler.stats.inc_value("troopwatch/fetch_errors")
