"""GDELT DOC 2.0 API searches (`mode=ArtList&format=json`): article lists across languages.

The catalogue holds complete API URLs (query, `sourcelang:` filter, `timespan`, `sort`).
A backfill window (`troopwatch backfill gdelt`, or `-a query=… -a startdatetime=…
-a enddatetime=…`, GDELT's YYYYMMDDHHMMSS in UTC) asks TROOPWATCH_GDELT_URL for that
query and window instead, and fails the crawl (exit status 1) when GDELT's answer cannot
be had, so the task is retried.
GDELT asks for no more than one request every few seconds, so its host gets a download
slot of its own with one connection and a delay; the articles themselves are fetched from
their outlets under the usual per-domain limits.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import quote, urlencode

from scrapy.http import Response

from crawler.spiders.base import ArticleSpider
from troopwatch.feeds import parse_gdelt_artlist

GDELT_API_HOST = "api.gdeltproject.org"
GDELT_MAX_RECORDS = 250  # the most one ArtList answer holds
BACKFILL_SOURCE = "gdelt-backfill"
# The story, in every language GDELT monitors (it searches its English translation).
DEFAULT_QUERY = (
    '("north korean" OR "north korea" OR dprk OR pyongyang) '
    "(troops OR soldiers OR deployment) (russia OR ukraine OR kursk)"
)
_STAMP = re.compile(r"\d{14}")


def gdelt_window_url(base: str, query: str, startdatetime: str, enddatetime: str) -> str:
    """The ArtList URL of one query over one window (GDELT's YYYYMMDDHHMMSS bounds)."""
    params = {
        "query": query,
        "mode": "ArtList",
        "format": "json",
        "maxrecords": GDELT_MAX_RECORDS,
        "startdatetime": startdatetime,
        "enddatetime": enddatetime,
        "sort": "DateAsc",
    }
    return f"{base}?{urlencode(params, quote_via=quote)}"


class GdeltSpider(ArticleSpider):
    name = "gdelt"
    source_kinds = ("gdelt",)
    custom_settings = {
        "DOWNLOAD_SLOTS": {GDELT_API_HOST: {"concurrency": 1, "delay": 6.0}},
    }

    listing_label = "GDELT query"

    def __init__(
        self,
        query: str | None = None,
        startdatetime: str | None = None,
        enddatetime: str | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.window: tuple[str, str, str] | None = None
        if query is not None or startdatetime or enddatetime:
            for name, stamp in (("startdatetime", startdatetime), ("enddatetime", enddatetime)):
                if not _STAMP.fullmatch(stamp or ""):
                    raise ValueError(f"{name} must be YYYYMMDDHHMMSS (UTC), not {stamp!r}")
                datetime.strptime(stamp, "%Y%m%d%H%M%S")  # a real date, or ValueError
            self.window = (query or DEFAULT_QUERY, startdatetime, enddatetime)

    async def start(self):
        if self.window is None:
            async for request in super().start():
                yield request
            return
        url = gdelt_window_url(self.settings.get("TROOPWATCH_GDELT_URL"), *self.window)
        # No conditional GET: a window asked again (a retry, a takeover) must be answered.
        yield self.discovery_request(
            url, BACKFILL_SOURCE, self.parse_listing_response, conditional_get=False
        )

    def too_old(self, published, source=None) -> bool:
        return False if self.window else super().too_old(published, source)

    def report_problem(self, source: str | None, url: str, problem: str) -> None:
        super().report_problem(source, url, problem)
        if self.window:  # the window's list is lost: the backfill task must fail
            start, end = self.window[1:]
            self.fail_task(f"window {start}..{end}: {problem}")

    def parse_listing(self, response: Response) -> list:
        entries = parse_gdelt_artlist(response.body)
        if self.window and len(entries) >= GDELT_MAX_RECORDS:
            self.logger.warning(
                "GDELT window %s..%s is full (%d articles, its maximum): some were left "
                "out; backfill it with a smaller --window",
                self.window[1],
                self.window[2],
                len(entries),
            )
            self.crawler.stats.inc_value("troopwatch/gdelt_window_full")
        return entries

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
