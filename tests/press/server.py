"""The fixture press HTTP server: a ThreadingHTTPServer on 127.0.0.1 in a background thread."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, overload
from urllib.parse import urlsplit

from .model import Article, Site
from .routes import PressState, gdelt_url, gnews_url

TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
LOGGED_HEADERS = (
    "If-None-Match",
    "If-Modified-Since",
    "User-Agent",
    "Accept-Encoding",
    "Accept",
    "Referer",
)


def strip_tracking(url: str) -> str:
    """``url`` without utm_* and similar tracking parameters, and without a fragment."""
    parts = urlsplit(url)
    kept = [kv for kv in parts.query.split("&") if kv and not kv.startswith(TRACKING_PARAMS)]
    return parts._replace(query="&".join(kept), fragment="").geturl()


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str  # as requested, with the query string
    headers: dict[str, str]  # only LOGGED_HEADERS that were sent
    status: int
    time: float = field(default=0.0, compare=False)

    @property
    def route(self) -> str:
        """The path without its query string."""
        return self.path.split("?", 1)[0]


class RequestLog(Sequence[RequestRecord]):
    """A thread-safe, append-only list of requests; iteration works on a snapshot."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[RequestRecord] = []

    def append(self, rec: RequestRecord) -> None:
        with self._lock:
            self._items.append(rec)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def snapshot(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._items)

    @overload
    def __getitem__(self, i: int) -> RequestRecord: ...
    @overload
    def __getitem__(self, i: slice) -> list[RequestRecord]: ...
    def __getitem__(self, i: int | slice) -> RequestRecord | list[RequestRecord]:
        with self._lock:
            return self._items[i]

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    def __iter__(self) -> Iterator[RequestRecord]:
        return iter(self.snapshot())

    def paths(self) -> list[str]:
        return [r.path for r in self.snapshot()]

    def matching(self, fragment: str) -> list[RequestRecord]:
        """Requests whose path contains ``fragment``."""
        return [r for r in self.snapshot() if fragment in r.path]

    def __repr__(self) -> str:
        return f"RequestLog({len(self)} requests)"


class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a stuck handler must never keep pytest alive
    block_on_close = False
    allow_reuse_address = True
    press: Press

    def __init__(self, addr: tuple[str, int]) -> None:
        super().__init__(addr, _Handler)
        self.open_sockets: set[socket.socket] = set()
        self.sock_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self.sock_lock:
            self.open_sockets.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self.sock_lock:
            self.open_sockets.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients that hang up mid-response are expected (size limits, timeouts)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FixturePress/1.0"
    timeout = 15  # idle keep-alive connections end on their own
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        self._serve("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._serve("HEAD")

    def _serve(self, method: str) -> None:
        press = self.server.press
        headers = {k: v for k, v in self.headers.items()}
        try:
            resp = press.state.handle(method, self.path, headers)
        except Exception as exc:  # a fixture bug must show up as a 500, not a hung test
            body = f"fixture press error: {exc!r}".encode()
            self._record(method, 500)
            self._send(500, [("Content-Type", "text/plain")], body)
            return
        self._record(method, resp.status)
        if resp.hang:
            # hold the connection open until hang_seconds pass or the press stops
            press.stopping.wait(press.hang_seconds)
            if press.stopping.is_set():
                self.close_connection = True
                return
        hdrs = list(resp.headers)
        if resp.content_type:
            hdrs.insert(0, ("Content-Type", resp.content_type))
        self._send(resp.status, hdrs, resp.body, head=method == "HEAD")

    def _record(self, method: str, status: int) -> None:
        logged = {h: self.headers[h] for h in LOGGED_HEADERS if self.headers.get(h) is not None}
        self.server.press.requests.append(
            RequestRecord(method, self.path, logged, status, time.time())
        )

    def _send(
        self, status: int, headers: list[tuple[str, str]], body: bytes, head: bool = False
    ) -> None:
        try:
            self.send_response(status)
            has_len = False
            for k, v in headers:
                self.send_header(k, v)
                has_len = has_len or k.lower() == "content-length"
            if not has_len:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head and body:
                view = memoryview(body)
                for i in range(0, len(body), 256 * 1024):
                    self.wfile.write(view[i : i + 256 * 1024])
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            self.close_connection = True


class Press:
    """The fixture press. Use ``with Press.start() as press: ...``."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        hang_seconds: float = 60,
        rate_limit_count: int = 3,
    ) -> None:
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("the fixture press only binds to loopback")
        self.hang_seconds = min(float(hang_seconds), 120.0)
        self.stopping = threading.Event()
        self.requests = RequestLog()
        self._server = _Server((host, port))
        self._server.press = self
        self.host, self.port = self._server.server_address[:2]
        self.base_url = f"http://{self.host}:{self.port}"
        self.state = PressState(self.base_url, rate_limit_count=rate_limit_count)
        self._thread: threading.Thread | None = None

    # -- life cycle --

    @classmethod
    def start(cls, port: int = 0, hang_seconds: float = 60, *, rate_limit_count: int = 3) -> Press:
        press = cls(port=port, hang_seconds=hang_seconds, rate_limit_count=rate_limit_count)
        press._thread = threading.Thread(
            target=press._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"fixture-press-{press.port}",
            daemon=True,
        )
        press._thread.start()
        return press

    def stop(self) -> None:
        if self.stopping.is_set():
            return
        self.stopping.set()  # wakes the hanging handlers
        self._server.shutdown()
        with self._server.sock_lock:
            socks = list(self._server.open_sockets)
        for s in socks:  # unblock handlers waiting on idle keep-alive connections
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    close = stop

    def __enter__(self) -> Press:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- content --

    def url(self, path: str) -> str:
        return self.base_url + ("" if path.startswith("/") else "/") + path

    @property
    def sites(self) -> list[Site]:
        return list(self.state.sites)

    def site(self, name: str) -> Site:
        return self.state.site_by_name[name]

    @property
    def articles(self) -> list[Article]:
        with self.state.lock:
            return list(self.state.articles)

    def article(self, slug: str) -> Article:
        return self.state.by_slug[slug]

    def article_by_url(self, url: str) -> Article | None:
        """The article served at ``url`` (tracking parameters, AMP and trailing slash ignored)."""
        clean = strip_tracking(url).rstrip("/")
        for a in self.articles:
            if clean == a.url.rstrip("/") or clean == a.amp_url:
                return a
        return None

    def feed_url(self, site_name: str, kind: str = "rss") -> str:
        site = self.site(site_name)
        urls = site.feed_urls | {
            "sitemap": site.sitemap_url,
            "news_sitemap": site.news_sitemap_url,
            "sitemap_index": site.sitemap_index_url,
            "sitemap_gz": site.sitemap_gz_url,
        }
        if kind not in urls:
            raise ValueError(f"{site_name} has no {kind!r} feed; it has {sorted(urls)}")
        return urls[kind]

    @property
    def robots_url(self) -> str:
        return self.base_url + "/robots.txt"

    def gdelt_url(self, query: str, **params: Any) -> str:
        return gdelt_url(self.base_url, query, **params)

    def gnews_url(self, query: str, hl: str = "en-US", gl: str = "US", ceid: str = "US:en") -> str:
        return gnews_url(self.base_url, query, hl, gl, ceid)

    @property
    def bad_routes(self) -> dict[str, str]:
        return self.state.bad_routes()

    @property
    def private_links(self) -> list[str]:
        """The private-address links of the ``feed_private_links`` route (never fetch them)."""
        return self.state.private_links()

    @property
    def disallowed_urls(self) -> list[str]:
        """URLs that robots.txt disallows (linked from the frontline-notes home page)."""
        return [self.state.draft.url]

    def render(self, slug: str) -> str:
        """The HTML of an article page, as served (decoded)."""
        return self.state.render(self.article(slug))

    def publish(self, article: dict[str, Any]) -> Article:
        """Add an article at run time: it appears in its site's feeds, sitemaps and pages.

        Needs ``site``, ``title`` and ``body`` (list of paragraphs or text); ``slug``,
        ``published`` (default: now), ``authors``, ``section``, ``lang``, ``on_topic`` and
        ``expected_claims`` are optional.
        """
        return self.state.publish(article)

    def clear_requests(self) -> None:
        self.requests.clear()

    def reset_rate_limits(self) -> None:
        with self.state.lock:
            self.state.rate_hits.clear()

    def write_warc(self, path: str | Path, urls: list[str] | None = None) -> list[str]:
        from .warc import write_warc

        return write_warc(path, urls, state=self.state)

    def __repr__(self) -> str:
        return f"Press({self.base_url}, {len(self.articles)} articles)"
