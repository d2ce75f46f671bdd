"""Crawler middlewares, one at a time, without a reactor: private addresses, conditional GET,
retry delays, the already-indexed check and the state files they keep."""

from __future__ import annotations

import asyncio
import json
import socket
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import yaml
from scrapy import Request, Spider
from scrapy.http import Headers, HtmlResponse, Response
from scrapy.utils.test import get_crawler
from twisted.internet import defer

import crawler.middlewares as mw
import crawler.resolver as resolver
from crawler.middlewares import (
    AlreadyIndexedMiddleware,
    BackoffRetryMiddleware,
    ConditionalGetMiddleware,
    JsonStateFile,
    NotModified,
    PrivateNetworkMiddleware,
    RefusedAddress,
    forbidden_reason,
    is_forbidden_address,
)
from crawler.spiders.feeds import FeedSpider
from troopwatch.http import header_value, retry_after_seconds
from troopwatch.urls import article_id, canonicalize_url


@pytest.fixture
def sync_threads(monkeypatch):
    """deferToThread runs the function at once: no reactor in these tests."""
    monkeypatch.setattr(mw, "deferToThread", lambda f, *a, **k: defer.succeed(f(*a, **k)))
    monkeypatch.setattr(resolver, "deferToThread", lambda f: defer.maybeDeferred(f))


def make_crawler(tmp_path, **settings):
    return get_crawler(Spider, {"TROOPWATCH_STATE_DIR": str(tmp_path), **settings})


def crawler_with_catalogue(tmp_path, sources: list[dict], **settings):
    """A crawler whose spider reads `sources` as its catalogue."""
    path = tmp_path / "sources.yaml"
    for source in sources:
        source.setdefault("name", source["id"])
        source.setdefault("kind", "feed")
    path.write_text(yaml.safe_dump({"sources": sources}), encoding="utf-8")
    crawler = get_crawler(
        FeedSpider, {"TROOPWATCH_STATE_DIR": str(tmp_path), "TROOPWATCH_SOURCES": str(path)}
    )
    crawler.settings.frozen = False
    crawler.settings.update(settings)
    crawler.spider = FeedSpider.from_crawler(crawler)
    return crawler


class FakeSpider:
    name = "feeds"
    refetch = False


# -- private addresses -------------------------------------------------------------------


@pytest.mark.parametrize(
    "address,kind",
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),  # carrier-grade NAT
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:169.254.169.254", "link-local"),  # IPv4-mapped
        ("2002:a9fe:a9fe::1", "link-local"),  # 6to4 around 169.254.169.254
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 around 169.254.169.254
        ("8.8.8.8", None),
        ("93.184.216.34", None),
        ("2001:4860:4860::8888", None),
        ("::ffff:8.8.8.8", None),
    ],
)
def test_forbidden_addresses(address, kind):
    assert forbidden_reason(address) == kind
    assert is_forbidden_address(address) is (kind is not None)


def check(crawler, url, **meta):
    middleware = PrivateNetworkMiddleware.from_crawler(crawler)
    return asyncio.run(middleware.process_request(Request(url, meta=meta)))


def test_literal_private_addresses_and_other_schemes_are_refused(tmp_path, sync_threads):
    crawler = make_crawler(tmp_path)
    for url in (
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/internal/news/1",
        "http://[::1]:8080/",
        "http://[::ffff:127.0.0.1]/",
        "http://0x7f.1/",  # not an IP literal to us: resolved, and refused if it resolves
        "file:///etc/passwd",
        "ftp://example.com/x",
    ):
        with pytest.raises(RefusedAddress):
            check(crawler, url)
    assert crawler.stats.get_value("troopwatch/refused_private") == 7


def test_a_redirect_to_a_private_address_is_refused_like_any_request(tmp_path):
    # Scrapy sends a redirect target back through every downloader middleware.
    crawler = crawler_with_catalogue(
        tmp_path,
        [{"id": "local", "url": "http://127.0.0.1:9/feed", "allowed_networks": ["127.0.0.0/8"]}],
    )
    redirected = {"redirect_times": 1, "redirect_urls": ["http://127.0.0.1:9/news"]}
    assert check(crawler, "http://127.0.0.1:9/news", source="local") is None
    with pytest.raises(RefusedAddress, match="169.254.169.254 is a link-local address"):
        check(crawler, "http://169.254.169.254/latest/meta-data/", source="local", **redirected)


def test_every_resolved_address_is_checked(tmp_path, monkeypatch, sync_threads):
    answers = {
        "mixed.example": ["93.184.216.34", "10.1.2.3"],
        "public.example": ["93.184.216.34", "2606:2800:220:1::1"],
    }

    def fake_getaddrinfo(host, port, *args):
        if host not in answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in answers[host]]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    crawler = make_crawler(tmp_path)
    assert check(crawler, "https://public.example/news") is None
    with pytest.raises(RefusedAddress, match="mixed.example resolves to 10.1.2.3, a private"):
        check(crawler, "https://mixed.example/news")
    with pytest.raises(RefusedAddress, match="does not resolve"):
        check(crawler, "https://nowhere.example/")


def test_allowed_networks_belong_to_one_source_and_schemes_are_always_checked(tmp_path):
    crawler = crawler_with_catalogue(
        tmp_path,
        [
            {"id": "intranet", "url": "http://10.1.2.3/feed", "allowed_networks": "10.0.0.0/8"},
            {"id": "local", "url": "http://[::1]:8000/feed", "allowed_networks": ["::1/128"]},
            {"id": "public", "url": "https://news.example/feed"},
            {"id": "files", "url": "file:///srv/feeds/local.xml"},
        ],
    )
    assert check(crawler, "http://10.1.2.3/feed", source="intranet") is None
    assert check(crawler, "http://10.9.9.9/a/1", source="intranet") is None  # its links too
    assert check(crawler, "http://[::1]:8000/feed", source="local") is None
    assert check(crawler, "http://10.1.2.3/robots.txt") is None  # robots.txt of that host
    for url, source in (
        ("http://10.1.2.3/feed", "public"),  # another source's network stays closed
        ("http://10.7.7.7/robots.txt", None),  # no source: only where a source went
        ("http://127.0.0.1:9200/_cat/indices", "intranet"),  # loopback: nobody allowed it
        ("http://192.168.1.1/admin/", "local"),
    ):
        with pytest.raises(RefusedAddress):
            check(crawler, url, source=source)
    # A source's own file:// URL is read; a file:// or ftp:// link from a document is not.
    assert check(crawler, "file:///srv/feeds/local.xml", source="files") is None
    for url in ("file:///etc/passwd", "ftp://news.example/a.html"):
        with pytest.raises(RefusedAddress, match="only http and https"):
            check(crawler, url, source="files")


def test_the_test_switch_opens_addresses_but_never_other_schemes(tmp_path):
    crawler = make_crawler(tmp_path, TROOPWATCH_ALLOW_PRIVATE_NETWORKS=True)
    assert check(crawler, "http://10.0.0.1/") is None
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "data:text/html,<p>x"):
        with pytest.raises(RefusedAddress, match="only http and https"):
            check(crawler, url)


def test_bad_allowed_networks_are_a_catalogue_error(tmp_path):
    from crawler.sources import CatalogueError, load_sources

    path = tmp_path / "s.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "sources": [
                    {"id": "x", "kind": "feed", "url": "http://a/", "allowed_networks": "nope"}
                ]
            }
        )
    )
    with pytest.raises(CatalogueError, match="source x: allowed_networks"):
        load_sources(path)


# -- conditional GET -----------------------------------------------------------------------

FEED = "https://news.example/feed.xml"


def test_conditional_get_sends_validators_and_turns_304_into_not_modified(tmp_path):
    (tmp_path / "validators-feeds.json").write_text(
        json.dumps({FEED: {"etag": '"v1"', "last_modified": "Wed, 01 Oct 2025 10:00:00 GMT"}})
    )
    crawler = make_crawler(tmp_path)
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    middleware.spider_opened(FakeSpider())

    request = Request(FEED, meta={"conditional_get": True})
    middleware.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Wed, 01 Oct 2025 10:00:00 GMT"
    with pytest.raises(NotModified):
        middleware.process_response(request, Response(FEED, status=304))
    assert crawler.stats.get_value("troopwatch/not_modified") == 1

    article = Request("https://news.example/a/1")
    middleware.process_request(article)
    assert b"If-None-Match" not in article.headers  # only discovery documents

    fresh = Request(FEED, meta={"conditional_get": True})
    middleware.process_request(fresh)
    headers = {"ETag": '"v2"', "Last-Modified": "Thu, 02 Oct 2025 10:00:00 GMT"}
    assert middleware.process_response(fresh, Response(FEED, status=200, headers=headers))
    middleware.spider_closed(FakeSpider(), reason="shutdown")  # interrupted: keep the old ones
    assert json.loads((tmp_path / "validators-feeds.json").read_text())[FEED]["etag"] == '"v1"'
    middleware.spider_closed(FakeSpider(), reason="finished")
    assert json.loads((tmp_path / "validators-feeds.json").read_text())[FEED]["etag"] == '"v2"'


def test_refetch_sends_no_validators(tmp_path):
    (tmp_path / "validators-feeds.json").write_text(json.dumps({FEED: {"etag": '"v1"'}}))
    crawler = make_crawler(tmp_path, TROOPWATCH_REFETCH=True)
    middleware = ConditionalGetMiddleware.from_crawler(crawler)
    middleware.spider_opened(FakeSpider())
    request = Request(FEED, meta={"conditional_get": True})
    middleware.process_request(request)
    assert b"If-None-Match" not in request.headers


def test_state_file_survives_corruption(tmp_path, caplog):
    path = tmp_path / "state" / "seen-feeds.json"
    path.parent.mkdir()
    path.write_text("{not json")
    store = JsonStateFile(path)
    assert store.load() == {} and "unreadable crawl state" in caplog.text
    store.save({"a": 1})
    assert store.load() == {"a": 1} and not list(path.parent.glob("*.tmp"))


# -- retries --------------------------------------------------------------------------------


def test_retry_after_values():
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    assert retry_after_seconds(b"7") == 7.0
    later = format_datetime(now + timedelta(seconds=30), usegmt=True)
    assert retry_after_seconds(later, now=now) == pytest.approx(30, abs=1)
    assert retry_after_seconds(format_datetime(now - timedelta(hours=1), usegmt=True), now=now) == 0
    assert retry_after_seconds(b"soon") is None and retry_after_seconds(None) is None
    # Slack has sent fractions; a negative wait is no wait; "inf" is no answer at all.
    assert retry_after_seconds(" 1.5 ") == 1.5 and retry_after_seconds("-3") == 0
    assert retry_after_seconds("inf") is None and retry_after_seconds("nan") is None


def test_header_value_from_every_kind_of_headers():
    assert header_value({"retry-after": ["7", "9"]}, "Retry-After") == "7"  # Slack's client
    assert header_value({"Retry-After": "7"}, "retry-after") == "7"
    assert header_value(Headers({"Retry-After": "7"}), "Retry-After") == b"7"  # Scrapy's
    assert header_value({"Other": "1"}, "Retry-After") is None and header_value(None, "X") is None


def test_retry_delay_honours_retry_after_with_a_cap_else_backs_off(tmp_path):
    crawler = make_crawler(
        tmp_path,
        TROOPWATCH_RETRY_AFTER_MAX=60,
        TROOPWATCH_RETRY_BACKOFF=1.5,
        TROOPWATCH_RETRY_BACKOFF_MAX=5,
    )
    middleware = BackoffRetryMiddleware.from_crawler(crawler)
    url = "https://news.example/a"
    assert (
        middleware.delay(Request(url), Response(url, status=429, headers={"Retry-After": "3"})) == 3
    )
    assert (
        middleware.delay(Request(url), Response(url, status=429, headers={"Retry-After": "3600"}))
        == 60
    )
    backoff = [middleware.delay(Request(url, meta={"retry_times": n})) for n in range(4)]
    assert backoff == [1.5, 3.0, 5, 5]


# -- already indexed ------------------------------------------------------------------------


def aid(url: str) -> str:
    return article_id(canonicalize_url(url))


def article(url: str) -> Request:
    return Request(url, meta={"article": True})


def test_already_indexed_read_before_and_repeated_links_are_not_fetched(tmp_path):
    crawler = make_crawler(tmp_path)
    middleware = AlreadyIndexedMiddleware.from_crawler(crawler)
    middleware.spider_opened(FakeSpider())
    middleware.seen[aid("https://n.example/b")] = datetime.now(UTC).isoformat()
    asked: list[list[str]] = []

    async def indexed(ids):
        asked.append(ids)
        return {aid("https://n.example/c")}

    middleware.indexed = indexed
    links = [
        "https://n.example/a",
        "https://n.example/a?utm_source=rss",
        "https://n.example/b",
        "https://n.example/c",
        "https://n.example/d",
    ]
    kept = asyncio.run(middleware.filter([article(u) for u in links], None))
    assert [r.url for r in kept] == ["https://n.example/a", "https://n.example/d"]
    assert len(asked) == 1 and len(asked[0]) == 3  # one batched lookup per page
    stats = crawler.stats
    assert (
        stats.get_value("troopwatch/duplicate_links"),
        stats.get_value("troopwatch/already_seen"),
        stats.get_value("troopwatch/already_indexed"),
    ) == (1, 1, 1)
    # A later page linking to `a` again does not fetch it twice in one crawl.
    assert asyncio.run(middleware.filter([article("https://n.example/a")], None)) == []


def test_links_on_two_pages_filtered_at_once_are_fetched_once(tmp_path):
    middleware = AlreadyIndexedMiddleware.from_crawler(make_crawler(tmp_path))
    middleware.spider_opened(FakeSpider())

    async def nothing_indexed(ids):
        await asyncio.sleep(0)  # the lookup waits for Elasticsearch: other pages go on
        return set()

    middleware.indexed = nothing_indexed

    async def two_pages():
        return await asyncio.gather(
            middleware.filter([article("https://n.example/a")], None),
            middleware.filter([article("https://n.example/a?utm_source=rss")], None),
        )

    assert sum(len(kept) for kept in asyncio.run(two_pages())) == 1


def test_pages_read_are_remembered_across_crawls(tmp_path):
    crawler = make_crawler(tmp_path)
    first = AlreadyIndexedMiddleware.from_crawler(crawler)
    first.spider_opened(FakeSpider())
    request = article("https://n.example/x?utm_source=feed")
    first.process_spider_input(
        HtmlResponse("https://n.example/x/", body=b"<p>x</p>", request=request)
    )
    first.spider_closed(FakeSpider())

    second = AlreadyIndexedMiddleware.from_crawler(make_crawler(tmp_path))
    second.spider_opened(FakeSpider())
    assert aid("https://n.example/x") in second.seen

    async def nothing_indexed(ids):
        return set()

    second.indexed = nothing_indexed
    assert asyncio.run(second.filter([article("https://n.example/x")], None)) == []
    # refetch=1: read again, but still once per crawl.
    again = AlreadyIndexedMiddleware.from_crawler(make_crawler(tmp_path, TROOPWATCH_REFETCH=True))
    again.spider_opened(FakeSpider())
    again.indexed = nothing_indexed
    links = [article("https://n.example/x"), article("https://n.example/x?utm_medium=rss")]
    assert [r.url for r in asyncio.run(again.filter(links, None))] == ["https://n.example/x"]


def test_indexed_lookup_asks_elasticsearch_once(
    es, indices, tmp_path, monkeypatch, es_url, sync_threads
):
    monkeypatch.setenv("TROOPWATCH_ES_URL", es_url)
    url = "https://n.example/world/2024/10/18/troops"
    es.index(index=indices.articles, id=aid(url), document={"url": url}, refresh=True)
    crawler = make_crawler(tmp_path, TROOPWATCH_INDEX_PREFIX=indices.prefix)
    middleware = AlreadyIndexedMiddleware.from_crawler(crawler)
    found = asyncio.run(middleware.indexed([aid(url), aid("https://n.example/other")]))
    assert found == {aid(url)}
    # Elasticsearch unreachable: everything is fetched, with one warning. (A crawl's one
    # client is configured when the crawl starts: a new crawl for the new address.)
    monkeypatch.setenv("TROOPWATCH_ES_URL", "http://127.0.0.1:9")
    down = AlreadyIndexedMiddleware.from_crawler(make_crawler(tmp_path))
    assert asyncio.run(down.indexed([aid(url)])) == set()
    assert down.es_failed


# -- robots.txt ---------------------------------------------------------------------------


def test_every_request_waiting_for_robots_txt_gets_its_rules(tmp_path):
    from crawler.middlewares import RobotsTxtMiddleware
    from tests.test_upstream_canaries import waiters_get_rules

    crawler = make_crawler(tmp_path, ROBOTSTXT_OBEY=True)
    # Scrapy's own middleware serves only the first waiter (tests/test_upstream_canaries.py).
    assert waiters_get_rules(RobotsTxtMiddleware.from_crawler(crawler)) == [True, True, True]


def test_state_files_keep_entries_written_by_a_parallel_crawl(tmp_path):
    crawler = make_crawler(tmp_path)
    one, two = (AlreadyIndexedMiddleware.from_crawler(crawler) for _ in range(2))
    for middleware in (one, two):
        middleware.spider_opened(FakeSpider())
    one.seen[aid("https://n.example/one")] = datetime.now(UTC).isoformat()
    two.seen[aid("https://n.example/two")] = datetime.now(UTC).isoformat()
    one.spider_closed(FakeSpider())
    two.spider_closed(FakeSpider())
    saved = json.loads((tmp_path / "seen-feeds.json").read_text())
    assert {aid("https://n.example/one"), aid("https://n.example/two")} <= set(saved)


def test_the_resolver_hands_the_connector_only_allowed_addresses():
    class Receiver:
        def __init__(self):
            self.addresses, self.done = [], False

        def resolutionBegan(self, resolution):  # noqa: N802 (Twisted's interface)
            pass

        def addressResolved(self, address):  # noqa: N802
            self.addresses.append(address.host)

        def resolutionComplete(self):  # noqa: N802
            self.done = True

    def resolve(guard, host):
        receiver = Receiver()
        guard.resolveHostName(receiver, host, 80)
        assert receiver.done
        return receiver.addresses

    guard = resolver.GuardedResolver(None, [], allow_all=False)
    assert resolve(guard, "93.184.216.34") == ["93.184.216.34"]
    assert resolve(guard, "10.200.0.7") == []
    assert "10.200.0.7, a private address" in resolver.refused_at_connect("10.200.0.7")
    resolver.approve("10.200.0.7", "10.200.0.7")  # a source allowed it, at the check
    assert resolve(guard, "10.200.0.7") == ["10.200.0.7"]
    assert resolver.refused_at_connect("10.200.0.7") is None
    assert resolve(resolver.GuardedResolver(None, [], allow_all=True), "::1") == ["::1"]
