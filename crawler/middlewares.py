"""Crawler middlewares, each doing one thing.

Downloader middlewares (order in DOWNLOADER_MIDDLEWARES):
- `PrivateNetworkMiddleware` (50): refuses non-public addresses, before robots.txt is
  even fetched for them; redirects pass through it again, so they are covered too.
- `ConditionalGetMiddleware` (70): If-None-Match / If-Modified-Since for feeds, sitemaps
  and search answers; a 304 ends the request as "not modified".
- `SourceStateMiddleware` (80): records each discovery fetch and each scraped article per
  source, and writes the `sources` index once at the end of the crawl.
- `RobotsTxtMiddleware` (100, replacing Scrapy's): Scrapy's, fixed so that concurrent
  requests to a host all wait for its robots.txt rules (2.19 lets all but one through).
- `BackoffRetryMiddleware` (550, replacing Scrapy's RetryMiddleware): waits before each
  retry, Retry-After when the server sends one, exponential backoff otherwise.

Spider middleware:
- `AlreadyIndexedMiddleware`: drops article requests whose page is already indexed or
  was read by an earlier crawl, with one Elasticsearch `mget` per discovery page.

State that must outlive a crawl but is private to the crawling machine (HTTP validators,
pages already read) lives in small JSON files under TROOPWATCH_STATE_DIR: losing them
costs one full re-fetch, never data, and reading them needs neither the network nor
Elasticsearch. What analysts look at (source state) goes to Elasticsearch.
"""

from __future__ import annotations

import fcntl
import ipaddress
import json
import logging
from collections.abc import AsyncIterator, Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, NotFoundError, TransportError
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.response import response_status_message
from twisted.internet.defer import Deferred
from twisted.internet.error import DNSLookupError
from twisted.internet.threads import deferToThread

from crawler.resolver import (
    approve,
    forbidden_reason,
    is_approved,
    is_forbidden_address,  # noqa: F401  (part of this module's interface)
    lookup,
    parse_servers,
    refused_at_connect,
)
from crawler.sources import Source
from troopwatch.config import es_config_from_env
from troopwatch.dates import utcnow
from troopwatch.es.indices import Indices
from troopwatch.files import atomic_write_json
from troopwatch.http import retry_after_seconds
from troopwatch.sources_state import SourceStateRecorder, source_problem, write_source_state
from troopwatch.urls import article_id, canonicalize_url
from troopwatch.workers import crawl_es

log = logging.getLogger(__name__)


class NotModified(IgnoreRequest):
    """A conditional GET answered 304: the document has not changed since last time."""


class RefusedAddress(IgnoreRequest):
    """The URL points at a loopback, private, link-local or otherwise non-public address."""


def _spider_refetch(crawler: Crawler) -> bool:
    spider = crawler.spider
    return bool(getattr(spider, "refetch", False)) or crawler.settings.getbool("TROOPWATCH_REFETCH")


async def sleep(seconds: float) -> None:
    """Wait without blocking the reactor."""
    from twisted.internet import reactor
    from twisted.internet.task import deferLater

    await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))


class JsonStateFile:
    """A small JSON document on disk, replaced atomically on save."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable crawl state %s: %s", self.path, exc)
            return {}
        return data if isinstance(data, dict) else {}

    def update(self, change: Callable[[dict], dict]) -> None:
        """Read, change and write back under an exclusive lock: crawls of other sources by
        the same spider may run at the same time, and each keeps the other's entries."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{self.path}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            self.save(change(self.load()))

    def save(self, data: dict) -> None:
        try:
            atomic_write_json(self.path, data)
        except OSError as exc:
            log.warning("could not save crawl state %s: %s", self.path, exc)


# -- private addresses (the rule itself: crawler/resolver.py) -----------------------------


class PrivateNetworkMiddleware:
    """Refuses requests to non-public addresses, so that a hostile feed cannot make the
    crawler fetch internal services (cloud metadata, routers, intranets, the local
    Elasticsearch).

    Only http and https are fetched, always; a `file://` URL only when it is the
    catalogue's own URL of the request's source (an operator's local feed), never a link
    found in a document. Every address the host name resolves to is checked, IP literals
    and IPv6 included; a source may let chosen networks through with `allowed_networks`
    in its catalogue entry, for its own requests only. The connection itself resolves the
    name again through crawler.resolver.GuardedResolver, which applies the same rule to
    the addresses actually connected to (DNS rebinding). TROOPWATCH_ALLOW_PRIVATE_NETWORKS
    turns the address check off: for tests only, never in production.
    """

    def __init__(self, crawler: Crawler, allow_all: bool, servers: list[tuple[str, int]]):
        self.crawler = crawler
        self.allow_all = allow_all
        self.servers = servers
        self.verdicts: dict[tuple, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PrivateNetworkMiddleware:
        settings = crawler.settings
        if settings.get("TROOPWATCH_ALLOWED_NETWORKS"):
            log.warning(
                "TROOPWATCH_ALLOWED_NETWORKS is no longer read: it opened those networks to "
                "every feed's links. Set allowed_networks on the catalogue source instead."
            )
        return cls(
            crawler,
            settings.getbool("TROOPWATCH_ALLOW_PRIVATE_NETWORKS"),
            parse_servers(settings.get("TROOPWATCH_DNS_SERVERS")),
        )

    def _source(self, request: Request) -> Source | None:
        spider = self.crawler.spider
        source_id = request.meta.get("source")
        if not source_id or not hasattr(spider, "source"):
            return None
        return spider.source(source_id)

    async def check(self, request: Request) -> str | None:
        """Why this request must not be sent, or None."""
        parts = urlparse_cached(request)
        source = self._source(request)
        if parts.scheme == "file" and source is not None and request.url in source.urls:
            return None  # the operator's own catalogue URL, not a link from a document
        if parts.scheme not in ("http", "https"):
            return f"{parts.scheme or 'no'} scheme (only http and https are fetched)"
        if self.allow_all:
            return None
        host = (parts.hostname or "").rstrip(".")
        if not host:
            return "no host name"
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if source is None:
            # robots.txt requests carry no source: they may go where a source's own
            # request was let through, at the same address, and nowhere else private.
            return await self._resolve_and_check(host, port, (), approved_only=True)
        key = (host, port, source.allowed_networks)
        if key not in self.verdicts:
            self.verdicts[key] = await self._resolve_and_check(host, port, source.allowed_networks)
        return self.verdicts[key]

    async def _resolve_and_check(
        self, host: str, port: int, networks: tuple, approved_only: bool = False
    ) -> str | None:
        try:
            ipaddress.ip_address(host)
            literal, addresses = True, [host]
        except ValueError:
            literal = False
            try:
                addresses = await maybe_deferred_to_future(lookup(host, port, self.servers))
            except DNSLookupError as exc:
                return f"{host} does not resolve ({exc})"
        approved = []
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            kind = forbidden_reason(ip)
            if kind and (
                any(ip in net for net in networks) or (approved_only and is_approved(host, address))
            ):
                approved.append(address)
            elif kind:
                where = f"{host} is" if literal else f"{host} resolves to {address},"
                return f"{where} a {kind} address"
        for address in approved:  # the connection may use these, and only these
            approve(host, address)
        return None

    async def process_request(self, request: Request) -> None:
        reason = await self.check(request)
        if reason:
            log.warning("refused %s: %s", request.url, reason)
            self.crawler.stats.inc_value("troopwatch/refused_private")
            raise RefusedAddress(f"refused {request.url}: {reason}")
        return None

    def process_exception(self, request: Request, exception: Exception) -> None:
        # The connection found no address it may use: the resolver refused them (the name
        # now points somewhere private). Say so, and end the request like any refusal.
        if not isinstance(exception, (CannotResolveHostError, DNSLookupError)):
            return None
        reason = refused_at_connect(urlparse_cached(request).hostname or "")
        if reason:
            log.warning("refused %s: %s", request.url, reason)
            self.crawler.stats.inc_value("troopwatch/refused_private")
            raise RefusedAddress(f"refused {request.url}: {reason}")
        return None


# -- robots.txt ---------------------------------------------------------------------------


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's robots.txt middleware with one fix: requests that wait for a robots.txt
    still being downloaded each get the parsed rules.

    Scrapy 2.19 awaits the one shared Deferred from every waiting request; turning it into
    an asyncio future replaces its result with None, so every waiter after the first got
    no rules at all and fetched pages that robots.txt disallows (seen against the fixture
    press whenever robots.txt answered slowly).
    """

    async def robot_parser(self, request: Request):
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred = Deferred()

        def relay(result):
            waiter.callback(result)
            return result  # unchanged for the next waiter

        pending.addCallback(relay)
        return await maybe_deferred_to_future(waiter)


# -- conditional GET ----------------------------------------------------------------------


class ConditionalGetMiddleware:
    """Sends the validators of the last answer with each feed, sitemap or search request
    (`meta["conditional_get"]`) and turns a 304 into NotModified: nothing to parse.

    Validators are kept per spider in TROOPWATCH_STATE_DIR/validators-<spider>.json and
    saved only when the crawl finishes normally, so an interrupted crawl fetches the same
    documents in full next time instead of skipping articles it never reached.
    """

    def __init__(self, crawler: Crawler, state_dir: Path):
        self.crawler = crawler
        self.state_dir = state_dir
        self.store: JsonStateFile | None = None
        self.validators: dict[str, dict] = {}
        self.updates: dict[str, dict | None] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        mw = cls(crawler, Path(crawler.settings.get("TROOPWATCH_STATE_DIR")))
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def spider_opened(self, spider) -> None:
        self.store = JsonStateFile(self.state_dir / f"validators-{spider.name}.json")
        self.validators = self.store.load()

    def spider_closed(self, spider, reason: str) -> None:
        if self.store is None or not self.updates or reason != "finished":
            return

        def apply(current: dict) -> dict:
            for key, value in self.updates.items():
                if value:
                    current[key] = value
                else:
                    current.pop(key, None)
            return current

        self.store.update(apply)

    def process_request(self, request: Request) -> None:
        if not request.meta.get("conditional_get") or _spider_refetch(self.crawler):
            return None
        # Redirects keep meta: validators stay filed under the URL the spider asked for.
        key = request.meta.setdefault("conditional_key", request.url)
        known = self.validators.get(key) or {}
        if known.get("etag"):
            request.headers.setdefault(b"If-None-Match", known["etag"])
        if known.get("last_modified"):
            request.headers.setdefault(b"If-Modified-Since", known["last_modified"])
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if not request.meta.get("conditional_get"):
            return response
        key = request.meta.get("conditional_key", request.url)
        if response.status == 304:
            self.crawler.stats.inc_value("troopwatch/not_modified")
            log.info("not modified since the last crawl (HTTP 304): %s", key)
            raise NotModified(f"{key} not modified")
        if response.status == 200:
            etag = response.headers.get(b"ETag")
            modified = response.headers.get(b"Last-Modified")
            self.updates[key] = (
                {
                    "etag": etag.decode("latin-1") if etag else None,
                    "last_modified": modified.decode("latin-1") if modified else None,
                    "at": utcnow().isoformat(),
                }
                if etag or modified
                else None
            )
        return response


# -- source state -------------------------------------------------------------------------


class SourceStateMiddleware:
    """Records, per catalogue source, when its documents were fetched and with what status,
    the problems the spider reported and the articles that passed every pipeline stage;
    writes the `sources` index once when the crawl closes (a failure is logged, the
    crawl's articles are unaffected)."""

    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.recorder = SourceStateRecorder()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SourceStateMiddleware:
        mw = cls(crawler)
        crawler.signals.connect(mw.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(mw.problem, signal=source_problem)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("discovery") and request.meta.get("source"):
            key = request.meta.get("conditional_key", request.url)
            self.recorder.fetched(request.meta["source"], key, response.status)
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if request.meta.get("discovery") and request.meta.get("source"):
            key = request.meta.get("conditional_key", request.url)
            self.recorder.fetched(request.meta["source"], key, None)
        return None

    def item_scraped(self, item, response, spider) -> None:
        source = item.get("source") if hasattr(item, "get") else None
        if source:
            self.recorder.article(source)

    def problem(self, source: str | None, url: str, error: str) -> None:
        if source:
            self.recorder.problem(source, url, error)

    async def spider_closed(self, spider, reason: str) -> None:
        runs = {k: v for k, v in self.recorder.runs.items() if k != "adhoc"}
        if not runs:
            return
        catalogue = {s.id: s for s in spider.catalogue()} if hasattr(spider, "catalogue") else {}
        prefix = self.crawler.settings.get("TROOPWATCH_INDEX_PREFIX")
        config = es_config_from_env()

        es = crawl_es(self.crawler)

        def write() -> None:
            try:
                written = write_source_state(es, Indices(prefix), runs, catalogue)
                log.info("source state recorded for %d sources", written)
            except (ApiError, TransportError) as exc:
                log.warning(
                    "could not record the state of %d sources in Elasticsearch at %s: %s",
                    len(runs),
                    config.describe(),
                    exc,
                )

        await maybe_deferred_to_future(deferToThread(write))


# -- retries ------------------------------------------------------------------------------


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, with a wait before each one that does not block the reactor:
    Retry-After when the server sends one (429, 503), capped by
    TROOPWATCH_RETRY_AFTER_MAX, else TROOPWATCH_RETRY_BACKOFF * 2^n seconds."""

    def __init__(self, settings: BaseSettings):
        super().__init__(settings)
        self.retry_after_max = settings.getfloat("TROOPWATCH_RETRY_AFTER_MAX", 60.0)
        self.backoff = settings.getfloat("TROOPWATCH_RETRY_BACKOFF", 1.0)
        self.backoff_max = settings.getfloat("TROOPWATCH_RETRY_BACKOFF_MAX", 30.0)

    def delay(self, request: Request, response: Response | None = None) -> float:
        if response is not None:
            wanted = retry_after_seconds(response.headers.get(b"Retry-After"))
            if wanted is not None:
                return min(wanted, self.retry_after_max)
        attempt = request.meta.get("retry_times", 0)
        return min(self.backoff * 2**attempt, self.backoff_max)

    async def _wait(self, request: Request, delay: float, why: str) -> None:
        if delay <= 0:
            return
        log.info("%s from %s; retrying in %.1f s", why, request.url, delay)
        self.crawler.stats.inc_value("troopwatch/retry_waits")
        await sleep(delay)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        delay = self.delay(request, response)
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        await self._wait(request, delay, f"HTTP {response.status}")
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | None:
        if request.meta.get("dont_retry", False) or not isinstance(
            exception, self.exceptions_to_retry
        ):
            return None
        delay = self.delay(request)
        retry = self._retry(request, exception)
        if retry is not None:
            await self._wait(request, delay, type(exception).__name__)
        return retry


# -- already indexed ----------------------------------------------------------------------


class AlreadyIndexedMiddleware:
    """Keeps article requests for pages already indexed, or already read by an earlier
    crawl (off-topic pages are never indexed but need not be read twice), from being sent,
    and sends one request per article in a crawl however many links point at it.

    The check is by article id (hash of the canonical URL) and batched: one `mget` on the
    articles index per discovery page. `-a refetch=1` (or TROOPWATCH_REFETCH) turns the
    indexed / read-before checks off; duplicate links within a crawl are always dropped.
    Pages read are remembered in TROOPWATCH_STATE_DIR/seen-<spider>.json for
    TROOPWATCH_SEEN_DAYS days. If Elasticsearch cannot answer, everything is fetched.
    """

    def __init__(self, crawler: Crawler, state_dir: Path, keep_days: int, keep_max: int):
        self.crawler = crawler
        self.state_dir = state_dir
        self.keep_days = keep_days
        self.keep_max = keep_max
        self.store: JsonStateFile | None = None
        self.seen: dict[str, str] = {}
        self.requested: set[str] = set()
        self.es = None
        self.es_failed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AlreadyIndexedMiddleware:
        settings = crawler.settings
        mw = cls(
            crawler,
            Path(settings.get("TROOPWATCH_STATE_DIR")),
            settings.getint("TROOPWATCH_SEEN_DAYS", 30),
            settings.getint("TROOPWATCH_SEEN_MAX", 100_000),
        )
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def spider_opened(self, spider) -> None:
        self.store = JsonStateFile(self.state_dir / f"seen-{spider.name}.json")
        cutoff = (utcnow() - timedelta(days=self.keep_days)).isoformat()
        self.seen = {k: v for k, v in self.store.load().items() if str(v) >= cutoff}

    def spider_closed(self, spider) -> None:
        # self.es is the crawl's shared client (troopwatch.workers): closed when the engine stops.
        if self.store is None or not self.seen:
            return
        cutoff = (utcnow() - timedelta(days=self.keep_days)).isoformat()

        def merge(current: dict) -> dict:
            merged = {k: v for k, v in current.items() if str(v) >= cutoff}
            merged.update(self.seen)
            newest = sorted(merged.items(), key=lambda kv: kv[1], reverse=True)
            return dict(newest[: self.keep_max])

        self.store.update(merge)

    def process_spider_input(self, response: Response) -> None:
        # An article page was read: remember it under the URL asked for and the one answered.
        if response.meta.get("article") and response.status == 200:
            now = utcnow().isoformat()
            for url in (response.request.url, response.url):
                self.seen[article_id(canonicalize_url(url))] = now
        return None

    async def process_spider_output(
        self, response: Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        held: list[Request] = []
        async for obj in result:
            if isinstance(obj, Request) and obj.meta.get("article"):
                held.append(obj)
            else:
                yield obj
        if held:
            for request in await self.filter(held, response):
                yield request

    async def filter(self, requests: list[Request], response: Response | None) -> list[Request]:
        stats = self.crawler.stats
        refetch = _spider_refetch(self.crawler)
        ids: dict[str, Request] = {}
        duplicates = seen = 0
        for request in requests:
            aid = article_id(canonicalize_url(request.url))
            if aid in self.requested or aid in ids:
                duplicates += 1  # the same article linked twice (tracking, AMP, two feeds)
            elif aid in self.seen and not refetch:
                seen += 1
            else:
                ids[aid] = request
        # Claimed before the lookup: another page's links, filtered while this one waits
        # for Elasticsearch, must not send the same articles again.
        self.requested.update(ids)
        indexed = await self.indexed(list(ids)) if ids and not refetch else set()
        keep = [r for aid, r in ids.items() if aid not in indexed]
        stats.inc_value("troopwatch/duplicate_links", duplicates)
        stats.inc_value("troopwatch/already_seen", seen)
        stats.inc_value("troopwatch/already_indexed", len(indexed))
        if len(keep) < len(requests):
            log.info(
                "%s: %d article links, %d already indexed, %d read before, %d repeated; "
                "fetching %d",
                response.url if response is not None else "start",
                len(requests),
                len(indexed),
                seen,
                duplicates,
                len(keep),
            )
        return keep

    def _mget(self, ids: Iterable[str]) -> set[str]:
        if self.es is None:
            self.es = crawl_es(self.crawler)
        index = Indices(self.crawler.settings.get("TROOPWATCH_INDEX_PREFIX")).articles
        try:
            docs = self.es.mget(index=index, ids=list(ids), _source=False)["docs"]
        except NotFoundError:
            return set()
        return {d["_id"] for d in docs if d.get("found")}

    async def indexed(self, ids: list[str]) -> set[str]:
        """The ids among `ids` that the articles index holds (none when it cannot say)."""
        if self.es_failed:
            return set()
        try:
            return await maybe_deferred_to_future(deferToThread(self._mget, ids))
        except (ApiError, TransportError) as exc:
            self.es_failed = True
            log.warning(
                "cannot check which articles are already indexed (%s); fetching them all", exc
            )
            return set()
