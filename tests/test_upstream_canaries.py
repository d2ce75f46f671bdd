"""Canaries: tests that fail when an upstream bug we work around is fixed, so the
workaround can be removed then (each failure message says what to delete)."""

from __future__ import annotations

import asyncio

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.utils.test import get_crawler
from twisted.internet import defer


def waiters_get_rules(middleware: RobotsTxtMiddleware) -> list[bool]:
    """For three requests waiting on one robots.txt download: did each get its rules?"""
    pending: defer.Deferred = defer.Deferred()
    middleware._parsers["news.example"] = pending  # robots.txt still downloading
    rules = object()

    async def three_waiters():
        waiters = [
            asyncio.ensure_future(middleware.robot_parser(Request(f"https://news.example/{i}")))
            for i in range(3)
        ]
        await asyncio.sleep(0)
        pending.callback(rules)
        return await asyncio.gather(*waiters)

    return [r is rules for r in asyncio.run(three_waiters())]


def test_scrapy_robots_txt_waiters_still_lose_their_rules(tmp_path) -> None:
    """Scrapy's own middleware: only the first request waiting for a robots.txt being
    downloaded gets the rules (the rest get None and skip robots.txt). When this fails,
    Scrapy has fixed it: delete crawler.middlewares.RobotsTxtMiddleware and its line in
    crawler/settings.py DOWNLOADER_MIDDLEWARES (and this test)."""
    crawler = get_crawler(Spider, {"ROBOTSTXT_OBEY": True, "TROOPWATCH_STATE_DIR": str(tmp_path)})
    got = waiters_get_rules(RobotsTxtMiddleware.from_crawler(crawler))
    assert got != [True, True, True], (
        "Scrapy's RobotsTxtMiddleware now gives every waiter its rules: remove troopwatch's "
        "override (crawler/middlewares.py RobotsTxtMiddleware) and use Scrapy's again"
    )
    assert got[0] is True  # the bug as we know it: the first waiter is served
