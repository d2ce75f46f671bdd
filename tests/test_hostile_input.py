"""Hostile input to the crawlers, bounded: self-listing sitemap indexes, broken and bloated
WARC records, XHTML pages with an XML declaration.

Crawls run as users run them (`troopwatch crawl … --json` in a subprocess) against a small
local HTTP server; WARC archives are written with warcio.
"""

from __future__ import annotations

import gzip
import io
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_troopwatch

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


class Site:
    """A local HTTP server answering from a dict of path -> (content type, body) and
    counting the requests of each path."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, bytes]] = {}
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                with site.lock:
                    site.hits[self.path] = site.hits.get(self.path, 0) + 1
                page = site.page(self.path)
                if page is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                ctype, body = page
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def page(self, path: str) -> tuple[str, bytes] | None:
        if path in self.pages:
            return self.pages[path]
        if path.startswith("/deep/"):
            # An endless chain of indexes, each listing the next one.
            n = int(path.split("/")[2].split(".")[0])
            return "application/xml", sitemap_index([f"{self.base}/deep/{n + 1}.xml"])
        return None

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as s:
        yield s


def sitemap_index(urls: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return f'<?xml version="1.0"?><sitemapindex xmlns="{SITEMAP_NS}">{items}</sitemapindex>'.encode()


def catalogue(path: Path, sources: list[dict]) -> str:
    for source in sources:
        source.setdefault("name", source["id"])
        source.setdefault("lang", "en")
    path.write_text(yaml.safe_dump({"sources": sources}), encoding="utf-8")
    return str(path)


def crawl(env: dict, spider: str, *settings: str) -> tuple[dict, str]:
    """`troopwatch crawl SPIDER --json`, with a page cap so that an unbounded crawl ends
    (and fails the test) instead of hanging it."""
    args = ["crawl", spider, "--json", "-s", "CLOSESPIDER_PAGECOUNT=300"]
    for s in settings:
        args += ["-s", s]
    done = run_troopwatch(args, env)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1])[spider], done.stderr


# -- sitemap indexes ---------------------------------------------------------------------


def test_self_listing_and_endless_sitemap_indexes_stop(site, tw_env, tmp_path) -> None:
    base = site.base
    # Lists itself (also behind a fragment), and a pair listing each other.
    site.pages["/self.xml"] = (
        "application/xml",
        sitemap_index([f"{base}/self.xml", f"{base}/self.xml#again", f"{base}/a.xml"]),
    )
    site.pages["/a.xml"] = ("application/xml", sitemap_index([f"{base}/b.xml"]))
    site.pages["/b.xml"] = ("application/xml", sitemap_index([f"{base}/a.xml"]))
    sources = [
        {"id": "self", "kind": "sitemap", "url": f"{base}/self.xml"},
        {"id": "deep", "kind": "sitemap", "url": f"{base}/deep/0.xml"},
    ]
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
    stats, log = crawl(env, "sitemaps")

    assert site.hits["/self.xml"] == 1
    assert site.hits["/a.xml"] == 1 and site.hits["/b.xml"] == 1
    # Catalogue URL at depth 0, then three levels of indexes below it: 0 … 3.
    assert sorted(p for p in site.hits if p.startswith("/deep/")) == [
        f"/deep/{n}.xml" for n in range(4)
    ]
    assert stats["troopwatch/sitemaps_repeated"] == 3  # self twice, a.xml from b.xml
    assert stats["troopwatch/sitemaps_too_deep"] == 1
    assert "already fetched in this crawl" in log
    assert "levels deep" in log and "TROOPWATCH_SITEMAP_MAX_DEPTH=3" in log


def test_sitemap_depth_is_a_setting(site, tw_env, tmp_path) -> None:
    sources = [{"id": "deep", "kind": "sitemap", "url": f"{site.base}/deep/0.xml"}]
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
    stats, _log = crawl(env, "sitemaps", "TROOPWATCH_SITEMAP_MAX_DEPTH=1")
    assert sorted(site.hits) == ["/deep/0.xml", "/deep/1.xml", "/robots.txt"]
    assert stats["troopwatch/sitemaps_too_deep"] == 1
