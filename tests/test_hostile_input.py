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
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.spiders.warc import archived_pages
from tests.conftest import run_troopwatch
from tests.press import write_warc
from tests.press.routes import PressState
from tests.press.warc import DEFAULT_BASE

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
    return (
        f'<?xml version="1.0"?><sitemapindex xmlns="{SITEMAP_NS}">{items}</sitemapindex>'.encode()
    )


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


def test_sitemap_index_children_are_capped_newest_first(tmp_path) -> None:
    from scrapy import Request
    from scrapy.http import TextResponse
    from scrapy.utils.test import get_crawler

    from crawler.spiders.sitemaps import SitemapSpider

    sources = [{"id": "s", "kind": "sitemap", "url": "https://example.com/index.xml"}]
    crawler = get_crawler(
        SitemapSpider,
        {
            "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources),
            "TROOPWATCH_SITEMAP_MAX_CHILDREN": 2,
        },
    )
    spider = SitemapSpider.from_crawler(crawler)
    items = "".join(
        f"<sitemap><loc>https://example.com/m{m}.xml</loc>"
        f"<lastmod>2026-{m:02d}-01</lastmod></sitemap>"
        for m in (3, 11, 7, 12)
    )
    body = f'<sitemapindex xmlns="{SITEMAP_NS}">{items}</sitemapindex>'.encode()
    url = "https://example.com/index.xml"
    response = TextResponse(url, body=body, request=Request(url, meta={"source": "s"}))
    out = list(spider.parse_sitemap(response))
    # The two newest, in document order; the same index again asks for nothing more.
    assert [r.url for r in out] == ["https://example.com/m11.xml", "https://example.com/m12.xml"]
    assert [r.meta["sitemap_depth"] for r in out] == [1, 1]
    assert crawler.stats.get_value("troopwatch/sitemap_children_over_limit") == 2
    assert list(spider.parse_sitemap(response)) == []
    assert crawler.stats.get_value("troopwatch/sitemaps_repeated") == 2


# -- WARC archives -----------------------------------------------------------------------


def plain_articles(n: int) -> list:
    """``n`` on-topic press articles stored as themselves (no copies, teasers or seeds),
    from the gzip-encoding sites, each with a distinct title."""
    state = PressState(DEFAULT_BASE)
    copied = {a.syndication_of for a in state.articles if a.syndication_of}
    found, titles = [], set()
    for a in state.articles:
        plain = not (a.syndication_of or a.truncated or a.seed_copy_of or a.canonical_to)
        gzip_site = a.site.name in ("meridian-wire", "kyiv-courier")
        if gzip_site and a.on_topic and plain and a.slug not in copied and a.title not in titles:
            found.append(a)
            titles.add(a.title)
    assert len(found) >= n
    return found[:n]


def damaged_records(path: Path) -> None:
    """Append three bad response records (gzip members): no WARC-Target-URI, a gzip bomb
    (12 MB of zeros in a few KB, over the 10 MB DOWNLOAD_MAXSIZE) and broken gzip."""
    html = [("Content-Type", "text/html; charset=utf-8")]
    gz = [*html, ("Content-Encoding", "gzip")]
    records = [
        ("", html, b"<html><body><p>" + b"North Korean troops. " * 50 + b"</p></body></html>"),
        (f"{DEFAULT_BASE}/bomb.html", gz, gzip.compress(b"\0" * 12 * 1024 * 1024)),
        (f"{DEFAULT_BASE}/broken.html", gz, b"\x1f\x8b\x08\x00garbage, not deflate data"),
    ]
    with path.open("ab") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, headers, body in records:
            http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
                )
            )


def cut_in_last_record(path: Path) -> None:
    """Cut a .warc.gz in the middle of its last record."""
    with path.open("rb") as fh:
        records = ArchiveIterator(fh)
        starts = [records.offset for _ in records]
    data = path.read_bytes()
    path.write_bytes(data[: starts[-1] + (len(data) - starts[-1]) // 2])


def test_damaged_warc_records_are_skipped_one_by_one(es, indices, tw_env, tmp_path) -> None:
    a, b, c, d, e = plain_articles(5)
    hostile = tmp_path / "hostile.warc.gz"
    write_warc(hostile, [a.url])
    damaged_records(hostile)
    tail = tmp_path / "tail.warc.gz"
    write_warc(tail, [b.url])
    hostile.write_bytes(hostile.read_bytes() + tail.read_bytes())  # gzip members concatenate
    cut = tmp_path / "cut.warc.gz"
    write_warc(cut, [c.url, d.url])
    cut_in_last_record(cut)
    good = tmp_path / "good.warc"
    write_warc(good, [e.url])
    sources = [
        {"id": "hostile", "kind": "warc", "url": f"file://{hostile}"},
        {"id": "cut", "kind": "warc", "url": f"file://{cut}"},
        {"id": "good", "kind": "warc", "url": f"file://{good}"},
    ]
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
    stats, log = crawl(env, "warc")

    assert stats["warc/skipped/no_target_uri"] == 1
    assert stats["warc/skipped/too_large"] == 1
    assert stats["warc/skipped/bad_encoding"] == 1
    assert stats["warc/skipped/truncated"] == 1
    assert stats["troopwatch/bad_warcs"] == 1
    assert "skipped: no WARC-Target-URI" in log
    assert "inflates to more than 10485760 bytes" in log
    assert f"WARC file {cut} is truncated at offset" in log
    es.indices.refresh(index=indices.articles)
    hits = es.search(index=indices.articles, size=100, query={"match_all": {}})["hits"]["hits"]
    titles = {h["_source"]["title"] for h in hits}
    # Before and after the bad records, before the damage, and the next file: all kept.
    assert {a.title, b.title, c.title, e.title} <= titles
    assert d.title not in titles


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path) -> None:
    arts = plain_articles(3)
    for name in ("cut.warc.gz", "cut.warc"):
        path = tmp_path / name
        write_warc(path, [x.url for x in arts])
        whole = [r.url for r in archived_pages(path)]
        assert whole == [x.url for x in arts]
        cut_in_last_record(path)
        pages = list(archived_pages(path))
        assert [r.url for r in pages if not r.skipped] == whole[:2]
        assert pages[-1].skipped == "truncated"


# -- XHTML pages -------------------------------------------------------------------------

EN_STORY = (
    "North Korea has sent about 10,000 soldiers to Russia, South Korea's National "
    "Intelligence Service said on Thursday. The troops are training in the far east of "
    "Russia before moving to the front in the Kursk region, the agency told lawmakers. "
    "Pyongyang and Moscow signed a mutual defence treaty in June. Officials in Kyiv said "
    "North Korean units had already been seen near the border and that more could follow."
)
RU_STORY = (
    "Северная Корея направила в Россию около 10 тысяч военнослужащих, сообщила разведка "
    "Южной Кореи. Северокорейские военные проходят подготовку на Дальнем Востоке, а затем "
    "будут переброшены в Курскую область, заявили в ведомстве. Пхеньян и Москва подписали "
    "договор о взаимной обороне в июне. В Киеве сообщили, что северокорейские подразделения "
    "уже замечены у границы."
)


def xhtml(title: str, text: str, encoding: str, lang: str) -> bytes:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    page = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        f'<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="{lang}"><head>'
        f"<title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}"
        "</article></body></html>"
    )
    return page.encode(encoding)


def test_xhtml_with_xml_declaration_is_extracted() -> None:
    from troopwatch.extract import extract_article

    for title, text, encoding, lang in (
        ("Troops sent", EN_STORY, "utf-8", "en"),
        ("Войска направлены", RU_STORY, "windows-1251", "ru"),
    ):
        page = xhtml(title, text, encoding, lang).decode(encoding)
        article = extract_article(page, "http://example.com/a.xhtml")
        assert article is not None
        assert article.title == title
        assert article.html_lang == lang
        assert text.split(". ")[1] in article.text


def test_xhtml_pages_are_crawled_and_indexed(site, es, indices, tw_env, tmp_path) -> None:
    site.pages["/en.xhtml"] = (
        "application/xhtml+xml; charset=utf-8",
        xhtml("North Korea sends 10,000 soldiers", EN_STORY, "utf-8", "en"),
    )
    # No charset in the header: the XML declaration names the encoding.
    site.pages["/ru.xhtml"] = (
        "application/xhtml+xml",
        xhtml("КНДР направила 10 тысяч военных", RU_STORY, "windows-1251", "ru"),
    )
    urls = "".join(f"<url><loc>{site.base}/{n}.xhtml</loc></url>" for n in ("en", "ru"))
    site.pages["/sitemap.xml"] = (
        "application/xml",
        f'<urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'.encode(),
    )
    sources = [{"id": "x", "kind": "sitemap", "url": f"{site.base}/sitemap.xml"}]
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
    stats, _log = crawl(env, "sitemaps")
    assert "troopwatch/no_article_text" not in stats
    es.indices.refresh(index=indices.articles)
    hits = es.search(index=indices.articles, size=10, query={"match_all": {}})["hits"]["hits"]
    docs = {h["_source"]["title"]: h["_source"] for h in hits}
    assert set(docs) == {"North Korea sends 10,000 soldiers", "КНДР направила 10 тысяч военных"}
    assert "Курскую область" in docs["КНДР направила 10 тысяч военных"]["text"]
