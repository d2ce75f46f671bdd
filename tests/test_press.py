"""Tests of the fixture press itself (tests/press): content, feeds, sitemaps, HTTP behaviour."""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import re
import sys
import threading
import time
import urllib.robotparser
from collections import Counter
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import pytest

# the repository root must be importable as a package root for ``tests.press``
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.press import (  # noqa: E402
    CATEGORIES,
    CLAIM_SOURCES,
    MARKER_PREFIX,
    QUALIFIERS,
    Article,
    Press,
    write_warc,
)
from tests.press.model import seed_paragraphs  # noqa: E402

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "atom": "http://www.w3.org/2005/Atom",
    "rss1": "http://purl.org/rss/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}


@pytest.fixture(scope="module")
def press():
    with Press.start(hang_seconds=30) as p:
        yield p


class Resp:
    def __init__(self, status: int, headers: http.client.HTTPMessage, body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def fetch(
    url: str, headers: dict[str, str] | None = None, method: str = "GET", timeout: float = 10
) -> Resp:
    """One request, straight to 127.0.0.1: no proxies, no redirects, no decoding."""
    parts = urlsplit(url)
    assert parts.hostname == "127.0.0.1", url
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, target, headers=headers or {})
        r = conn.getresponse()
        return Resp(r.status, r.headers, r.read())
    finally:
        conn.close()


def strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    q = [kv for kv in parts.query.split("&") if kv and not kv.startswith("utm_")]
    return parts._replace(query="&".join(q)).geturl()


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


# --- content ----------------------------------------------------------------------------------


def test_counts_languages_templates(press: Press) -> None:
    arts = press.articles
    assert len(arts) >= 70
    per_lang = Counter(a.lang for a in arts)
    assert len(per_lang) >= 6
    assert sum(1 for n in per_lang.values() if n >= 6) >= 5
    assert len({s.template for s in press.sites}) >= 6
    off = sum(not a.on_topic for a in arts)
    assert 0.18 <= off / len(arts) <= 0.35
    with_claims = [a for a in arts if a.on_topic and a.expected_claims]
    assert len(with_claims) >= 20
    assert len({a.lang for a in with_claims}) >= 6
    assert not any(a.expected_claims for a in arts if not a.on_topic)


def test_article_fields(press: Press) -> None:
    lo, hi = datetime(2024, 10, 1, tzinfo=UTC), datetime(2026, 11, 30, tzinfo=UTC)
    assert len({a.slug for a in press.articles}) == len(press.articles)
    assert len({a.url for a in press.articles}) == len(press.articles)
    for a in press.articles:
        assert a.published.tzinfo is not None and lo <= a.published <= hi, a
        assert a.title and a.authors and a.section and a.site.outlet
        assert a.url.startswith(press.base_url + "/" + a.site.name + "/")
        n = len(a.body_text.split())
        if a.truncated or a.seed_copy_of:
            continue
        if a.lang == "ja":  # no spaces: count characters
            assert 300 <= len(a.body_text) <= 2000, a
        elif a.lang == "ko":  # eojeol are about two English words each
            assert 110 <= n <= 600, (a, n)
        else:
            assert 150 <= n <= 600, (a, n)
        for c in a.expected_claims:
            assert c["qualifier"] in QUALIFIERS and c["category"] in CATEGORIES, (a, c)
            assert c["source"] in CLAIM_SOURCES, (a, c)
            assert (c["figure_low"] is None) == (c["qualifier"] == "vague"), (a, c)


def test_claims_cover_new_and_seed_figures(press: Press) -> None:
    claims = [
        (c["figure_low"], c["category"], c["source"], a.lang)
        for a in press.articles
        for c in a.expected_claims
    ]
    keys = {c[:3] for c in claims}
    for key in [
        (15000, "deployed", "NIS"),
        (4700, "casualties", "NIS"),
        (2000, "killed", "NIS"),
        (12000, "deployed", "NIS"),
        (10000, "deployed", "Pentagon"),
        (30000, "planned", "HUR"),
    ]:
        assert key in keys, key
    assert len({c[3] for c in claims if c[:2] == (2000, "killed")}) >= 3
    assert any(c[0] is None for c in claims)  # vague claims too


def test_syndication_and_seed_copies(press: Press) -> None:
    story = "north-korean-troops-suffer-3000-casualties-kursk"
    copies = [a for a in press.articles if a.syndication_of == story]
    assert len(copies) >= 4
    assert len({a.site.template for a in copies} | {"wire"}) >= 4
    assert any(a.truncated for a in copies)
    original = press.article(story)
    full = [a for a in copies if not a.truncated]
    for a in full:  # light edits only
        shared = set(words(a.body_text)) & set(words(original.body_text))
        assert len(shared) / len(set(words(original.body_text))) > 0.9
    seeds = {a.seed_copy_of: a for a in press.articles if a.seed_copy_of}
    assert {s[:3] for s in seeds} == {"002", "004"}
    for seed_id, art in seeds.items():
        _, paras = seed_paragraphs(seed_id[:3])
        assert art.body_text in "\n\n".join(paras)
        assert len(art.body) >= len(paras) - 1


# --- pages and extraction -----------------------------------------------------------------------


def test_trafilatura_extracts_bodies_without_boilerplate(press: Press) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    for a in press.articles:
        html = press.render(a.slug)
        assert f'<html lang="{a.lang}"' in html
        out = trafilatura.extract(html, include_comments=False) or ""
        got = set(words(out))
        body = words(a.body_text)
        coverage = sum(w in got for w in body) / len(body)
        assert coverage >= 0.9, (a, coverage)
        assert MARKER_PREFIX not in out, (a, re.findall(MARKER_PREFIX + r"\w+", out))
        # the markers are really there, so the check above means something
        assert html.count(MARKER_PREFIX) >= 8


def test_metadata_forms(press: Press) -> None:
    seen = Counter()
    for a in press.articles:
        html = press.render(a.slug)
        for form, needle in [
            ("og", 'property="og:title"'),
            ("published_time", 'property="article:published_time"'),
            ("jsonld", '"@type": "NewsArticle"'),
            ("time", "<time "),
            ("amphtml", 'rel="amphtml"'),
            ("dc", 'name="DC.date.issued"'),
            ("microdata", 'itemprop="datePublished"'),
        ]:
            seen[form] += needle in html
        assert 'rel="canonical"' in html
    assert all(
        seen[k] > 0
        for k in ("og", "published_time", "jsonld", "time", "amphtml", "dc", "microdata")
    ), seen


def test_pages_served_with_canonical_and_amp(press: Press) -> None:
    for a in press.articles[::7]:
        r = fetch(a.url)
        assert r.status == 200 and r.header("ETag") and r.header("Last-Modified")
    mirador = next(a for a in press.articles if a.site.name == "el-mirador")
    assert (
        "utm_source=" in re.search(r'rel="canonical" href="([^"]+)"', press.render(mirador.slug))[1]
    )
    copy = press.article("en-nis-north-korean-soldiers-killed-wounded-russia")
    canon = re.search(r'rel="canonical" href="([^"]+)"', press.render(copy.slug))[1]
    assert canon == press.article(copy.canonical_to).url
    wire = press.article("south-korea-says-north-korea-sending-12000-troops")
    assert wire.amp_url and f'href="{wire.amp_url}"' in press.render(wire.slug)
    amp = fetch(wire.amp_url)
    assert amp.status == 200 and b'<html lang="en" amp' in amp.body
    assert f'rel="canonical" href="{wire.url}"'.encode() in amp.body
    # tracking parameters and a missing trailing slash still reach the page
    assert fetch(wire.url + "?utm_source=x&utm_medium=y").status == 200
    daily = next(a for a in press.articles if a.url.endswith("/"))
    moved = fetch(daily.url.rstrip("/"))
    assert moved.status == 301 and moved.header("Location") == daily.url
    portal = next(a for a in press.articles if a.site.name == "hanbit-ilbo" and not a.encoding)
    assert "?idxno=" in portal.url and fetch(portal.url).status == 200
    assert fetch(portal.url.split("?")[0] + "?idxno=1").status == 404


def test_legacy_encodings(press: Press) -> None:
    trafilatura = pytest.importorskip("trafilatura")
    routes = press.bad_routes
    for name in (
        "cp1251_header",
        "cp1251_meta",
        "euckr_header",
        "euckr_meta",
        "sjis_header",
        "sjis_meta",
    ):
        url = routes[name]
        a = press.article_by_url(url)
        assert a is not None and a.encoding
        r = fetch(url)
        ctype = r.header("Content-Type") or ""
        head = r.body[:1500].decode("ascii", "replace").lower()
        if name.endswith("header"):
            assert f"charset={a.encoding}" in ctype.lower()
            assert "charset" not in head
        else:
            assert "charset" not in ctype.lower()
            assert f"charset={a.encoding}" in head or f'charset="{a.encoding}"' in head
        with pytest.raises(UnicodeDecodeError):
            r.body.decode("utf-8")
        html = r.body.decode(a.encoding)
        assert a.title.split()[0] in html
        out = trafilatura.extract(html, include_comments=False) or ""
        body = words(a.body_text)
        assert sum(w in set(words(out)) for w in body) / len(body) >= 0.9


# --- feeds and sitemaps -------------------------------------------------------------------------


def _feed_links(kind: str, body: bytes) -> list[str]:
    if kind == "json":
        return [it["url"] for it in json.loads(body)["items"]]
    root = ET.fromstring(body)
    if kind == "rss":
        return [it.findtext("link") for it in root.iter("item")]
    if kind == "atom":
        return [e.find("atom:link", NS).get("href") for e in root.findall("atom:entry", NS)]
    return [it.findtext("rss1:link", namespaces=NS) for it in root.findall("rss1:item", NS)]


def test_every_feed_parses_and_points_at_pages(press: Press) -> None:
    kinds = Counter()
    for site in press.sites:
        urls = {a.url for a in site.articles}
        for kind, url in site.feed_urls.items():
            kinds[kind] += 1
            r = fetch(url)
            assert r.status == 200, url
            links = _feed_links(kind, r.body)
            assert {strip_tracking(u) for u in links} == urls, (site.name, kind)
            if site.name == "meridian-wire" and kind == "rss":
                assert len(links) == len(set(links)) + 1  # one duplicate item
                assert any("utm_" in u for u in links)
            else:
                assert len(links) == len(urls)
    assert kinds["rss"] == len(press.sites) and kinds["atom"] >= 2
    assert kinds["json"] == 1 and kinds["rdf"] == 1


def test_sitemaps(press: Press) -> None:
    for site in press.sites:
        urls = {a.url for a in site.articles}
        plain = ET.fromstring(fetch(site.sitemap_url).body)
        assert {e.text for e in plain.iterfind("sm:url/sm:loc", NS)} == urls
        news = ET.fromstring(fetch(site.news_sitemap_url).body)
        entries = news.findall("sm:url", NS)
        assert {e.findtext("sm:loc", namespaces=NS) for e in entries} == urls
        for e in entries:
            n = e.find("news:news", NS)
            datetime.fromisoformat(n.findtext("news:publication_date", namespaces=NS))
            assert n.findtext("news:title", namespaces=NS)
            assert n.findtext("news:publication/news:language", namespaces=NS)
        index = ET.fromstring(fetch(site.sitemap_index_url).body)
        children = [e.text for e in index.iterfind("sm:sitemap/sm:loc", NS)]
        assert site.news_sitemap_url in children and site.sitemap_gz_url in children
        gz = fetch(site.sitemap_gz_url)
        assert gz.body[:2] == b"\x1f\x8b" and "gzip" in gz.header("Content-Type")
        archive = ET.fromstring(gzip.decompress(gz.body))
        assert {e.text for e in archive.iterfind("sm:url/sm:loc", NS)} <= urls


def test_robots_txt(press: Press) -> None:
    body = fetch(press.robots_url).body.decode()
    rp = urllib.robotparser.RobotFileParser()
    rp.parse(body.splitlines())
    assert not rp.can_fetch("troopwatch", press.disallowed_urls[0])
    assert rp.can_fetch("troopwatch", press.articles[0].url)
    assert set(rp.site_maps() or []) == {s.sitemap_index_url for s in press.sites}
    home = fetch(press.site("frontline-notes").home_url).body.decode()
    assert press.disallowed_urls[0] in home  # linked, so a crawler must consult robots.txt


def test_conditional_get(press: Press) -> None:
    site = press.site("meridian-wire")
    portal = next(a for a in press.articles if a.site.name == "hanbit-ilbo")
    urls = [
        *press.site("frontline-notes").feed_urls.values(),
        site.atom_url,
        site.sitemap_url,
        site.news_sitemap_url,
        site.sitemap_index_url,
        site.sitemap_gz_url,
        press.site("sakura-hoso").rdf_url,
        press.articles[0].url,
        portal.url,
        press.robots_url,
        press.gdelt_url("kursk"),
        press.gnews_url("kursk"),
    ]
    for url in urls:
        r = fetch(url)
        etag, lm = r.header("ETag"), r.header("Last-Modified")
        assert r.status == 200 and etag and lm, url
        parsedate_to_datetime(lm)
        assert fetch(url, {"If-None-Match": etag}).status == 304, url
        assert fetch(url, {"If-None-Match": f'"other", {etag}'}).status == 304, url
        assert fetch(url, {"If-Modified-Since": lm}).status == 304, url
        assert fetch(url, {"If-None-Match": '"stale"'}).status == 200, url
        assert fetch(url, {"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"}).status == 200
        not_modified = fetch(url, {"If-None-Match": etag})
        assert not_modified.body == b"" and not_modified.header("ETag") == etag


def test_gzip_content_encoding(press: Press) -> None:
    a = press.site("meridian-wire").articles[0]
    plain = fetch(a.url)
    zipped = fetch(a.url, {"Accept-Encoding": "gzip, deflate"})
    assert zipped.header("Content-Encoding") == "gzip"
    assert gzip.decompress(zipped.body) == plain.body
    assert zipped.header("ETag") != plain.header("ETag")
    other = press.site("weltblick").articles[0]
    assert fetch(other.url, {"Accept-Encoding": "gzip"}).header("Content-Encoding") is None


# --- aggregators --------------------------------------------------------------------------------


def test_gdelt_endpoint(press: Press) -> None:
    r = fetch(press.gdelt_url('"north korean" (troops OR soldiers)'))
    assert r.status == 200 and r.header("Content-Type").startswith("application/json")
    arts = json.loads(r.body)["articles"]
    assert len(arts) >= 10
    keys = {
        "url",
        "url_mobile",
        "title",
        "seendate",
        "socialimage",
        "domain",
        "language",
        "sourcecountry",
    }
    for item in arts:
        assert set(item) == keys
        assert re.fullmatch(r"\d{8}T\d{6}Z", item["seendate"])
        a = press.article_by_url(item["url"])
        assert a is not None and a.title == item["title"]
    assert {i["language"] for i in arts} >= {"English", "Korean", "Japanese"}
    eng = json.loads(fetch(press.gdelt_url("kursk sourcelang:english")).body)["articles"]
    assert eng and all(i["language"] == "English" for i in eng)
    few = json.loads(fetch(press.gdelt_url("kursk", maxrecords=3)).body)["articles"]
    assert len(few) == 3
    assert json.loads(fetch(press.gdelt_url("zzzunknownzzz")).body) == {}
    window = press.gdelt_url("kursk", startdatetime="20250101000000", enddatetime="20250131235959")
    dates = [i["seendate"] for i in json.loads(fetch(window).body)["articles"]]
    assert dates and all(d.startswith("202501") for d in dates)


def test_google_news_rss(press: Press) -> None:
    r = fetch(press.gnews_url("north korea troops"))
    root = ET.fromstring(r.body)
    items = root.findall("channel/item")
    assert items
    for it in items:
        a = press.article_by_url(it.findtext("link"))
        assert a is not None and a.lang == "en"
        src = it.find("source")
        assert src is not None and src.text == a.site.outlet and src.get("url")
        assert it.findtext("title").endswith(" - " + a.site.outlet)
    ko = ET.fromstring(fetch(press.gnews_url("쿠르스크", hl="ko", gl="KR", ceid="KR:ko")).body)
    ko_links = [it.findtext("link") for it in ko.findall("channel/item")]
    assert ko_links and all(press.article_by_url(u).lang == "ko" for u in ko_links)


# --- bad routes ---------------------------------------------------------------------------------


def test_bad_feeds_and_files(press: Press) -> None:
    b = press.bad_routes
    r = fetch(b["feed_not_xml"])
    assert r.status == 200 and r.header("Content-Type").startswith("text/html")
    with pytest.raises(ET.ParseError):
        ET.fromstring(r.body)
    with pytest.raises(ET.ParseError):
        ET.fromstring(fetch(b["feed_truncated"]).body)
    bad = ET.fromstring(fetch(b["sitemap_bad_dates"]).body)
    for lastmod in bad.iterfind("sm:url/sm:lastmod", NS):
        with pytest.raises((ValueError, TypeError)):
            datetime.fromisoformat(lastmod.text or "")
    private = _feed_links("rss", fetch(b["feed_private_links"]).body)
    assert set(press.private_links) <= set(private)
    assert "http://169.254.169.254/latest/meta-data/" in private
    assert fetch(b["pdf"]).header("Content-Type") == "application/pdf"
    binary = fetch(b["binary"])
    assert binary.header("Content-Type") == "application/octet-stream"
    assert fetch(b["empty"]).body == b""


def test_bad_statuses(press: Press) -> None:
    b = press.bad_routes
    a = fetch(b["redirect_loop"])
    assert a.status == 302
    back = fetch(a.header("Location"))
    assert back.status == 302 and back.header("Location") == b["redirect_loop"]
    ok = fetch(b["redirect_ok"])
    assert ok.status == 301 and fetch(ok.header("Location")).status == 200
    assert fetch(b["not_found"]).status == 404
    assert fetch(b["gone"]).status == 410
    assert fetch(b["server_error"]).status == 500
    unavailable = fetch(b["unavailable"])
    assert unavailable.status == 503 and unavailable.header("Retry-After")
    huge = fetch(b["huge"], method="HEAD")
    assert int(huge.header("Content-Length")) >= 12 * 1024 * 1024
    assert len(fetch(b["huge"]).body) >= 12 * 1024 * 1024


def test_rate_limit_then_ok() -> None:
    with Press.start(rate_limit_count=2) as p:
        url = p.bad_routes["rate_limited"]
        statuses = [fetch(url) for _ in range(3)]
        assert [r.status for r in statuses] == [429, 429, 200]
        assert statuses[0].header("Retry-After") == "1"
        p.reset_rate_limits()
        assert fetch(url).status == 429
        assert [r.status for r in p.requests.matching("/bad/rate-limited")] == [429, 429, 200, 429]


def test_hang_does_not_block_and_stops_quickly() -> None:
    p = Press.start(hang_seconds=60)
    try:
        t0 = time.monotonic()
        with pytest.raises(TimeoutError):
            fetch(p.bad_routes["hang"], timeout=0.5)
        hanging = threading.Thread(target=lambda: _swallow(p.bad_routes["hang"]), daemon=True)
        hanging.start()
        time.sleep(0.2)
        assert fetch(p.articles[0].url, timeout=5).status == 200  # not blocked by the hang
        assert time.monotonic() - t0 < 5
    finally:
        t1 = time.monotonic()
        p.stop()
        assert time.monotonic() - t1 < 5
    hanging.join(timeout=5)
    assert not hanging.is_alive()
    assert not p._thread.is_alive()
    with pytest.raises(OSError):
        fetch(p.articles[0].url, timeout=1)


def _swallow(url: str) -> None:
    with contextlib.suppress(OSError, http.client.HTTPException):
        fetch(url, timeout=30)


# --- runtime behaviour --------------------------------------------------------------------------


def test_publish_changes_feeds_and_sitemaps() -> None:
    with Press.start() as p:
        site = p.site("kyiv-courier")
        before = fetch(site.feed_url)
        before_news = fetch(site.news_sitemap_url)
        art = p.publish(
            {
                "site": "kyiv-courier",
                "slug": "breaking-new-claim",
                "title": "ГУР: КНДР відправила ще 7 тисяч військових",
                "body": ["За даними ГУР, КНДР відправила до Росії ще 7 тисяч військових."] * 3,
                "on_topic": True,
                "expected_claims": [
                    {
                        "figure_low": 7000,
                        "qualifier": "exact",
                        "category": "deployed",
                        "source": "HUR",
                    }
                ],
            }
        )
        assert isinstance(art, Article) and p.article("breaking-new-claim") is art
        assert art.url.startswith(p.base_url + "/kyiv-courier/")
        after = fetch(site.feed_url, {"If-None-Match": before.header("ETag")})
        assert after.status == 200 and after.header("ETag") != before.header("ETag")
        assert art.url in _feed_links("rss", after.body)
        lm = fetch(site.feed_url, {"If-Modified-Since": before.header("Last-Modified")})
        assert lm.status == 200
        news = fetch(site.news_sitemap_url, {"If-None-Match": before_news.header("ETag")})
        assert news.status == 200 and art.url.encode() in news.body
        assert fetch(art.url).status == 200
        assert art.url in fetch(site.atom_url).body.decode()
        found = json.loads(fetch(p.gdelt_url("ГУР")).body)["articles"]
        assert art.url in {i["url"] for i in found}
        second = p.publish({"site": "kyiv-courier", "title": "Друга новина дня", "body": "Текст."})
        assert second.slug != art.slug
        assert fetch(site.feed_url).header("Last-Modified") != after.header("Last-Modified")


def test_request_log(press: Press) -> None:
    press.clear_requests()
    url = press.articles[1].url
    fetch(url, {"User-Agent": "troopwatch-test/1.0", "If-None-Match": '"x"'})
    fetch(press.url("/no/such/path"))
    log = press.requests
    assert len(log) == 2
    first = log[0]
    assert first.method == "GET" and first.status == 200 and url.endswith(first.path)
    assert first.headers["User-Agent"] == "troopwatch-test/1.0"
    assert first.headers["If-None-Match"] == '"x"'
    assert log[1].status == 404
    press.clear_requests()
    assert len(press.requests) == 0


# --- WARC ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["press.warc", "press.warc.gz"])
def test_warc_is_readable(tmp_path: Path, press: Press, name: str) -> None:
    from warcio.archiveiterator import ArchiveIterator

    path = tmp_path / name
    written = press.write_warc(path)
    assert len(written) >= 20
    responses, encodings, charsets = 0, Counter(), Counter()
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response":
                continue
            responses += 1
            url = rec.rec_headers.get_header("WARC-Target-URI")
            encodings[rec.http_headers.get_header("Content-Encoding")] += 1
            ctype = rec.http_headers.get_header("Content-Type") or ""
            body = rec.content_stream().read()  # decodes Content-Encoding
            a = press.article_by_url(url)
            if a is None:
                continue
            charset = a.encoding or "utf-8"
            charsets[charset] += 1
            assert a.title in unescape(body.decode(charset)), url
            if a.encoding and a.charset_in == "header":
                assert a.encoding in ctype
    assert responses == len(written)
    assert encodings["gzip"] >= 5 and encodings[None] >= 5
    assert charsets["windows-1251"] >= 1
    # standalone use, without a server
    other = write_warc(
        tmp_path / "offline.warc", ["south-korea-says-north-korea-sending-12000-troops"]
    )
    assert len(other) == 1
