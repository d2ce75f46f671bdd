"""Spiders against the fixture press: what lands in Elasticsearch, what is skipped, and what a
second crawl asks for. Crawls run as subprocesses (`troopwatch crawl ...`); the parsers and
spider callbacks are also tested directly, without a reactor."""

from __future__ import annotations

import base64
import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from scrapy import Request
from scrapy.http import Response, TextResponse
from scrapy.utils.test import get_crawler

from crawler.spiders.feeds import FeedSpider
from crawler.spiders.gdelt import GdeltSpider
from crawler.spiders.gnews import GoogleNewsSpider
from crawler.spiders.sitemaps import SitemapSpider
from crawler.spiders.warc import WarcSpider, warc_files
from tests.conftest import run_troopwatch
from tests.press import Press, write_warc
from tests.press.routes import PressState
from tests.press.warc import DEFAULT_BASE
from troopwatch.feeds import (
    FeedError,
    decode_google_news_url,
    gdelt_language,
    parse_feed,
    parse_gdelt_artlist,
    strip_outlet_suffix,
)
from troopwatch.sitemaps import SitemapError, gunzip_bounded, parse_sitemap

# -- helpers ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def press():
    with Press.start() as press:
        yield press


def catalogue(path: Path, sources: list[dict]) -> str:
    for source in sources:
        source.setdefault("name", source["id"])
        source.setdefault("lang", "en")
    path.write_text(yaml.safe_dump({"sources": sources}, allow_unicode=True), encoding="utf-8")
    return str(path)


def crawl(env: dict, *spiders: str) -> tuple[dict, str]:
    """Run `troopwatch crawl SPIDER... --json`; (stats by spider, log)."""
    done = run_troopwatch(["crawl", *spiders, "--json"], env)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Traceback" not in done.stderr, done.stderr[-4000:]
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def stored(es, indices) -> list[dict]:
    es.indices.refresh(index=indices.articles)
    hits = es.search(index=indices.articles, size=500, query={"match_all": {}})["hits"]["hits"]
    return [h["_source"] for h in hits]


def source_state(es, indices) -> dict[str, dict]:
    es.indices.refresh(index=indices.sources)
    hits = es.search(index=indices.sources, size=100, query={"match_all": {}})["hits"]["hits"]
    return {h["_id"]: h["_source"] for h in hits}


def requested(press: Press, url: str) -> list:
    """Requests the press answered for this URL's path (query string included)."""
    path = url[len(press.base_url) :]
    return [r for r in press.requests if r.path == path]


def unique_on_topic(articles) -> list:
    """On-topic articles that are stored as themselves (no copies, teasers or seeds)."""
    copied = {a.syndication_of for a in articles if a.syndication_of}
    return [
        a
        for a in articles
        if a.on_topic
        and a.slug not in copied
        and not (a.syndication_of or a.truncated or a.seed_copy_of or a.canonical_to)
    ]


def spider_for(cls, **settings):
    crawler = get_crawler(cls, {"TROOPWATCH_SOURCES": None, **settings})
    return cls.from_crawler(crawler)


def response_for(url: str, body: bytes, source: str = "s", cls=TextResponse):
    request = Request(url, meta={"source": source})
    return cls(url=url, body=body, request=request, encoding="utf-8")


# -- feeds: every format, incremental re-crawl -------------------------------------------------

FEED_SITES = {
    "wire": ("meridian-wire", "rss"),  # duplicate item, utm links, gzip
    "kyiv": ("kyiv-courier", "atom"),  # gzip, Ukrainian
    "sakura": ("sakura-hoso", "rdf"),  # RSS 1.0, Shift_JIS pages
    "notes": ("frontline-notes", "json"),  # JSON Feed
}


def test_feeds_crawl_indexes_on_topic_articles_and_recrawls_only_what_changed(
    es, indices, tw_env, tmp_path
):
    with Press.start() as press:  # its own press: this test publishes into it
        sources = [
            {"id": sid, "kind": "feed", "url": press.feed_url(site, kind)}
            for sid, (site, kind) in FEED_SITES.items()
        ]
        env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
        sites = {site for site, _ in FEED_SITES.values()}
        articles = [a for a in press.articles if a.site.name in sites]
        off_topic = [a for a in articles if not a.on_topic]

        stats, log = crawl(env, "feeds")
        docs = stored(es, indices)
        titles = {d["title"] for d in docs}
        assert {a.title for a in unique_on_topic(articles)} <= titles
        assert titles <= {a.title for a in articles if a.on_topic}
        assert {d["lang"] for d in docs} == {"en", "uk", "ja"}
        assert {d["source"] for d in docs} == set(FEED_SITES)
        # Off-topic pages were read, counted and not stored.
        assert stats["feeds"]["troopwatch/off_topic"] == len(off_topic) > 0
        for article in off_topic:
            assert f"off-topic, not indexed: {article.url}" in log
        # The item the wire feed repeats, and its utm-tagged link, were fetched once.
        for article in articles:
            assert (
                len([r for r in press.requests if r.route == article.url[len(press.base_url) :]])
                <= 1
            )
        assert all("utm_" not in d["canonical_url"] for d in docs)
        # Feeds were asked for gzip (meridian-wire and kyiv-courier answer compressed).
        feed_requests = [r for r in press.requests if r.route.endswith((".xml", ".rdf", ".json"))]
        assert feed_requests and all(
            "gzip" in r.headers.get("Accept-Encoding", "") for r in feed_requests
        )

        # Source state, as `troopwatch sources --json` shows it.
        listed = run_troopwatch(["sources", "--json"], env)
        assert listed.returncode == 0, listed.stderr
        rows = {row["id"]: row for row in json.loads(listed.stdout)}
        assert set(rows) == set(FEED_SITES)
        for sid, row in rows.items():
            assert row["last_fetched"] and not row["last_error"], row
            assert row["articles_found"] >= len([d for d in docs if d["source"] == sid]) > 0
        count = len(docs)

        # Second crawl: every feed answers 304, no article page is asked for.
        press.clear_requests()
        stats, log = crawl(env, "feeds")
        feeds = [r for r in press.requests if r.route != "/robots.txt"]
        assert len(feeds) == len(FEED_SITES)
        assert all(r.status == 304 for r in feeds), feeds
        assert all("If-None-Match" in r.headers for r in feeds)
        assert stats["feeds"]["troopwatch/not_modified"] == len(FEED_SITES)
        assert "not modified since the last crawl (HTTP 304)" in log

        # A new story on the wire: only that feed changes, only the new page is fetched.
        new = press.publish(
            {
                "site": "meridian-wire",
                "title": "North Korea sends 2,000 more troops to Russia's Kursk region, Seoul says",
                "body": [
                    "SEOUL (Meridian Wire) - North Korea has sent about 2,000 more troops to "
                    "Russia's Kursk region in recent weeks, South Korea's spy agency told "
                    "lawmakers on Tuesday, adding to the roughly 11,000 soldiers deployed there.",
                    "The National Intelligence Service said the new contingent included "
                    "engineers and that Pyongyang was preparing further rotations, while Kyiv "
                    "said North Korean units were again taking part in assaults.",
                    "Moscow and Pyongyang did not comment on the figures.",
                ],
                "on_topic": True,
            }
        )
        press.clear_requests()
        stats, log = crawl(env, "feeds")
        pages = [
            r for r in press.requests if not r.route.endswith((".xml", ".rdf", ".json", ".txt"))
        ]
        assert [r.route for r in pages] == [new.url[len(press.base_url) :]]
        statuses = {
            r.route: r.status for r in press.requests if r.route.endswith((".xml", ".rdf", ".json"))
        }
        assert statuses.pop(press.feed_url("meridian-wire")[len(press.base_url) :]) == 200
        assert set(statuses.values()) == {304}
        assert (
            stats["feeds"]["troopwatch/already_indexed"]
            + stats["feeds"].get("troopwatch/already_seen", 0)
            >= len([a for a in articles if a.site.name == "meridian-wire"]) - 1
        )
        docs = stored(es, indices)
        assert len(docs) == count + 1 and new.title in {d["title"] for d in docs}
        state = source_state(es, indices)
        assert state["wire"]["articles_found"] > rows["wire"]["articles_found"]


# -- sitemaps ---------------------------------------------------------------------------------


def test_sitemaps_crawl_news_plain_index_and_gzip_then_304(press, es, indices, tw_env, tmp_path):
    routes = press.bad_routes
    sources = [
        {
            "id": "hanbit",
            "kind": "news_sitemap",
            "url": press.feed_url("hanbit-ilbo", "news_sitemap"),
            "lang": "ko",
        },
        {
            "id": "weltblick",
            "kind": "sitemap",
            "url": press.feed_url("weltblick", "sitemap"),
            "lang": "de",
        },
        {"id": "wire", "kind": "sitemap", "url": press.feed_url("meridian-wire", "sitemap_index")},
        {
            "id": "veilleur",
            "kind": "sitemap",
            "url": press.feed_url("le-veilleur", "sitemap_gz"),
            "lang": "fr",
        },
        {"id": "bad-dates", "kind": "news_sitemap", "url": routes["sitemap_bad_dates"]},
    ]
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
    press.clear_requests()
    stats, log = crawl(env, "sitemaps")
    docs = stored(es, indices)
    titles = {d["title"] for d in docs}
    archive = [
        a
        for a in press.site("le-veilleur").articles
        if a.published < datetime(2025, 7, 1, tzinfo=UTC)
    ]
    expected = [
        a
        for a in unique_on_topic(press.articles)
        if a.site.name in ("hanbit-ilbo", "weltblick", "meridian-wire")
    ] + [a for a in unique_on_topic(archive)]
    assert {a.title for a in expected} <= titles
    assert {d["lang"] for d in docs} >= {"ko", "de", "en", "fr"}
    assert stats["sitemaps"]["troopwatch/off_topic"] > 0
    # The index was followed to its news sitemap and its gzip archive.
    wire = press.site("meridian-wire")
    for url in (
        wire.news_sitemap_url,
        wire.sitemap_gz_url,
        press.site("le-veilleur").sitemap_gz_url,
    ):
        assert [r.status for r in requested(press, url)] == [200], url
    # Bad dates: one warning line, every URL still fetched.
    assert "unreadable dates" in log and "'yesterday'" in log
    assert stats["sitemaps"]["troopwatch/bad_dates"] >= 5
    # No article page was fetched twice although three sitemaps list the wire's articles.
    pages = [r.path for r in press.requests if "sitemap" not in r.path and r.path != "/robots.txt"]
    assert len(pages) == len(set(pages))

    press.clear_requests()
    stats, _ = crawl(env, "sitemaps")
    answered = [r for r in press.requests if r.route != "/robots.txt"]
    assert answered and all(r.status == 304 for r in answered), answered
    assert stats["sitemaps"]["troopwatch/not_modified"] == len(sources)


def test_sitemap_parser_reads_news_tags_indexes_gzip_and_bad_dates():
    news = """<?xml version="1.0"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://example.kr/news/1</loc>
        <news:news><news:publication><news:name>X</news:name><news:language>ko</news:language>
        </news:publication><news:publication_date>2024-10-18T09:00:00+09:00</news:publication_date>
        <news:title>북한군 파병</news:title></news:news></url>
      <url><loc>https://example.kr/news/2</loc><lastmod>yesterday</lastmod></url>
      <url><loc>https://example.kr/news/1</loc></url>
      <url><loc>javascript:alert(1)</loc></url>
    </urlset>""".encode()
    doc = parse_sitemap(gzip.compress(news), "https://example.kr/sitemap.xml.gz")
    assert doc.kind == "urlset" and [e.url for e in doc.entries] == [
        "https://example.kr/news/1",
        "https://example.kr/news/2",
    ]
    first = doc.entries[0]
    assert (first.title, first.lang) == ("북한군 파병", "ko")
    assert first.date == datetime(2024, 10, 18, tzinfo=UTC)
    assert doc.bad_dates == [("https://example.kr/news/2", "yesterday")]

    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/s/news.xml</loc><lastmod>2026-11-20</lastmod></sitemap></sitemapindex>"""
    doc = parse_sitemap(index, "https://example.com/robots.txt")
    assert doc.is_index and doc.entries[0].url == "https://example.com/s/news.xml"

    with pytest.raises(SitemapError, match="not <urlset>"):
        parse_sitemap(b"<!DOCTYPE html><html><body>Not found</body></html>")
    with pytest.raises(SitemapError, match="inflates to more than"):
        gunzip_bounded(gzip.compress(b"x" * 10_000), max_size=1000)


def test_sitemap_spider_applies_horizon_follow_rule_and_limit(tmp_path):
    now = datetime.now(UTC)
    sources = [
        {
            "id": "s",
            "kind": "sitemap",
            "url": "https://example.com/index.xml",
            "max_age_days": 3,
            "follow": "news",
        }
    ]
    spider = spider_for(
        SitemapSpider,
        TROOPWATCH_SOURCES=catalogue(tmp_path / "s.yaml", sources),
        TROOPWATCH_SITEMAP_MAX_URLS=2,
    )
    index = f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://example.com/news.xml</loc><lastmod>{now.isoformat()}</lastmod></sitemap>
      <sitemap><loc>https://example.com/tags.xml</loc><lastmod>{now.isoformat()}</lastmod></sitemap>
      <sitemap><loc>https://example.com/news-2019.xml</loc><lastmod>2019-01-01</lastmod></sitemap>
    </sitemapindex>""".encode()
    out = list(spider.parse_sitemap(response_for("https://example.com/index.xml", index)))
    assert [r.url for r in out] == ["https://example.com/news.xml"]
    assert out[0].meta["discovery"] and out[0].meta["conditional_get"]

    days = [0, 1, 2, 10, None]
    urls = "".join(
        f"<url><loc>https://example.com/a{i}</loc>"
        + (f"<lastmod>{(now - timedelta(days=d)).isoformat()}</lastmod>" if d is not None else "")
        + "</url>"
        for i, d in enumerate(days)
    )
    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()
    out = list(spider.parse_sitemap(response_for("https://example.com/news.xml", body)))
    # Newest first, the 10-day-old one is beyond the 3-day horizon, at most two.
    assert [r.url for r in out] == ["https://example.com/a0", "https://example.com/a1"]
    assert all(r.meta["article"] for r in out)


# -- GDELT and Google News --------------------------------------------------------------------


def test_gdelt_and_google_news_crawls_index_search_results(press, es, indices, tw_env, tmp_path):
    topic = '"north korean" (troops OR soldiers) (russia OR ukraine OR kursk)'
    sources = [
        {
            "id": "gdelt-en",
            "kind": "gdelt",
            "url": press.gdelt_url(f"{topic} sourcelang:english", maxrecords=250),
        },
        {
            "id": "gdelt-ko",
            "kind": "gdelt",
            "url": press.gdelt_url(f"{topic} sourcelang:korean"),
            "lang": "ko",
        },
        {"id": "gdelt-refused", "kind": "gdelt", "url": press.gdelt_url("")},
        {
            "id": "gnews-de",
            "kind": "gnews",
            "lang": "de",
            "url": press.gnews_url("nordkoreanische Soldaten", hl="de", gl="DE", ceid="DE:de"),
        },
        {
            "id": "gnews-ja",
            "kind": "gnews",
            "lang": "ja",
            "url": press.gnews_url("北朝鮮兵", hl="ja", gl="JP", ceid="JP:ja"),
        },
    ]
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
    stats, log = crawl(env, "gdelt", "gnews")
    docs = stored(es, indices)
    by_source: dict[str, set[str]] = {}
    for doc in docs:
        by_source.setdefault(doc["source"], set()).add(doc["lang"])
    assert by_source["gdelt-ko"] == {"ko"}
    assert by_source["gnews-de"] == {"de"} and by_source["gnews-ja"] == {"ja"}
    assert "en" in by_source["gdelt-en"]
    titles = {d["title"] for d in docs}
    for lang in ("de", "ja"):
        wanted = [a for a in unique_on_topic(press.articles) if a.lang == lang]
        found = {a.title for a in wanted} & titles
        assert found, lang
    assert stats["gdelt"]["troopwatch/feed_entries"] > 10
    assert stats["gnews"]["troopwatch/feed_entries"] >= 4
    # GDELT's refusal (a sentence with status 200) is logged and recorded on the source.
    assert "GDELT query" in log and "The query was too short" in log
    state = source_state(es, indices)
    assert "too short" in state["gdelt-refused"]["last_error"]
    assert not state["gdelt-en"].get("last_error") and state["gdelt-en"]["articles_found"] > 0


def test_gdelt_artlist_parser():
    body = json.dumps(
        {
            "articles": [
                {
                    "url": "https://example.kr/a",
                    "title": " 북한군 ",
                    "seendate": "20241023T120000Z",
                    "language": "Korean",
                    "domain": "example.kr",
                },
                {"url": "ftp://example.com/x", "title": "no"},
                {"url": "https://example.kr/a", "title": "again"},
            ]
        }
    ).encode()
    (entry,) = parse_gdelt_artlist(body)
    assert (entry.url, entry.title, entry.lang, entry.site) == (
        "https://example.kr/a",
        "북한군",
        "ko",
        "example.kr",
    )
    assert entry.published == datetime(2024, 10, 23, 12, tzinfo=UTC)
    assert parse_gdelt_artlist(b"{}") == []
    assert gdelt_language("Ukrainian") == "uk" and gdelt_language("Klingon") is None
    with pytest.raises(FeedError, match="GDELT answered: Invalid query"):
        parse_gdelt_artlist(b"Invalid query: phrase too short\n")


def test_google_news_items_follow_the_outlet(tmp_path):
    article = "https://outlet.example/world/north-korean-troops"
    token = base64.urlsafe_b64encode(
        b'\x08\x13"' + bytes([len(article)]) + article.encode()
    ).decode()
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><language>en-US</language>
      <item><title>Troops seen in Kursk - The Outlet</title>
        <link>https://news.google.com/rss/articles/{token.rstrip("=")}?oc=5</link>
        <pubDate>{datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")}</pubDate>
        <source url="https://outlet.example">The Outlet</source></item>
      <item><title>Opaque - Other</title>
        <link>https://news.google.com/rss/articles/CBMiAU_yqLOpaqueId?oc=5</link>
        <source url="https://other.example">Other</source></item>
    </channel></rss>""".encode()
    sources = [
        {"id": "gn", "kind": "gnews", "url": "https://news.google.com/rss/search?q=x", "lang": "en"}
    ]
    spider = spider_for(
        GoogleNewsSpider, TROOPWATCH_SOURCES=catalogue(tmp_path / "s.yaml", sources)
    )
    first, second = spider.parse_listing_response(
        response_for("https://news.google.com/rss/search?q=x", rss, "gn")
    )
    assert first.url == article  # decoded locally: the outlet is asked directly
    assert first.meta["feed"]["title"] == "Troops seen in Kursk"
    assert first.meta["feed"]["site"] == "The Outlet"
    assert second.url.startswith("https://news.google.com/rss/articles/")  # redirect followed
    assert decode_google_news_url("https://example.com/rss/articles/CBMi") is None
    assert strip_outlet_suffix("A - B - Outlet", "Outlet") == "A - B"
    (entry,) = parse_feed(rss, "https://news.google.com/")[:1]
    assert (entry.site, entry.site_url, entry.lang) == (
        "The Outlet",
        "https://outlet.example",
        "en-US",
    )


def test_gdelt_spider_skips_results_beyond_the_horizon(tmp_path):
    sources = [
        {"id": "g", "kind": "gdelt", "url": "https://api.gdeltproject.org/api/v2/doc/doc?query=x"}
    ]
    spider = spider_for(
        GdeltSpider,
        TROOPWATCH_SOURCES=catalogue(tmp_path / "s.yaml", sources),
        TROOPWATCH_MAX_AGE_DAYS=7,
    )
    fresh = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    body = json.dumps(
        {
            "articles": [
                {
                    "url": "https://a.example/new",
                    "title": "new",
                    "seendate": fresh,
                    "language": "English",
                },
                {
                    "url": "https://a.example/old",
                    "title": "old",
                    "seendate": "20200101T000000Z",
                    "language": "English",
                },
            ]
        }
    ).encode()
    out = list(spider.parse_listing_response(response_for(sources[0]["url"], body, "g")))
    assert [r.url for r in out] == ["https://a.example/new"]
    assert out[0].meta["feed"]["lang"] == "en" and "published" not in out[0].meta["feed"]


def test_listing_spiders_cap_urls_pass_headers_and_compare_zoned_dates(tmp_path):
    """A feed answer brings at most TROOPWATCH_FEED_MAX_URLS articles; the HTTP charset
    reaches the parser; a pubDate in KST is compared with the horizon (no TypeError)."""
    sources = [{"id": "f", "kind": "feed", "url": "https://e.ru/feed"}]
    spider = spider_for(
        FeedSpider,
        TROOPWATCH_SOURCES=catalogue(tmp_path / "s.yaml", sources),
        TROOPWATCH_MAX_AGE_DAYS=7,
        TROOPWATCH_FEED_MAX_URLS=2,
    )
    fresh = (datetime.now(UTC) + timedelta(hours=1)).strftime("%a, %d %b %Y %H:%M:%S")
    items = "".join(
        f"<item><title>Войска {i}</title><link>https://e.ru/{i}</link>"
        f"<pubDate>{fresh} KST</pubDate></item>"
        for i in range(4)
    )
    old = (
        "<item><link>https://e.ru/old</link><pubDate>Mon, 01 Jan 2018 10:00:00 MSK</pubDate></item>"
    )
    body = f"<rss><channel>{old}{items}</channel></rss>".encode("windows-1251")
    request = Request(sources[0]["url"], meta={"source": "f"})
    response = Response(
        url=sources[0]["url"],
        body=body,
        request=request,
        headers={"Content-Type": "application/rss+xml; charset=windows-1251"},
    )
    out = list(spider.parse_listing_response(response))
    assert [r.url for r in out] == ["https://e.ru/0", "https://e.ru/1"]
    assert out[0].meta["feed"]["title"] == "Войска 0"
    assert out[0].meta["feed"]["published"].utcoffset() == timedelta(hours=9)
    stats = spider.crawler.stats
    assert stats.get_value("troopwatch/feed_over_limit") == 2
    assert stats.get_value("troopwatch/too_old") == 1

    gdelt = spider_for(
        GdeltSpider,
        TROOPWATCH_SOURCES=catalogue(
            tmp_path / "g.yaml", [{"id": "g", "kind": "gdelt", "url": "https://api.example/q"}]
        ),
        TROOPWATCH_FEED_MAX_URLS=1,
    )
    answer = json.dumps(
        {"articles": [{"url": f"https://a.example/{i}", "title": i} for i in range(3)]}
    ).encode()
    out = list(gdelt.parse_listing_response(response_for("https://api.example/q", answer, "g")))
    assert [r.url for r in out] == ["https://a.example/0"] and out[0].meta["feed"]["title"] is None


# -- WARC replay --------------------------------------------------------------------------------


def test_warc_replay_indexes_archived_pages_without_network(es, indices, tw_env, tmp_path):
    warc = tmp_path / "press.warc.gz"
    urls = write_warc(warc)  # rendered offline: no press server runs during this test
    sources = [{"id": "archive", "kind": "warc", "url": f"file://{warc}"}]
    env = {
        **tw_env,
        "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "0",
        "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources),
    }
    stats, log = crawl(env, "warc")
    warc_stats = stats["warc"]
    assert warc_stats["troopwatch/warc_responses"] == len(urls)
    assert warc_stats["troopwatch/warc_skipped"] == 2  # the RSS feed and the 404 page
    assert "downloader/request_count" not in warc_stats  # nothing was fetched
    docs = stored(es, indices)
    archived = [a for a in PressState(DEFAULT_BASE).articles if a.url in urls]
    expected = unique_on_topic(archived)
    titles = {d["title"] for d in docs}
    assert {a.title for a in expected} <= titles
    # windows-1251 pages (charset in the header or only in <meta>) read as Cyrillic.
    legacy = [a for a in expected if a.encoding]
    assert legacy and all(a.title in titles for a in legacy)
    assert {d["lang"] for d in docs} == {a.lang for a in expected}
    # The capture time (an hour after publication in this archive) is kept as fetched_at.
    by_url = {a.url: a for a in archived}
    for doc in docs:
        captured = by_url[doc["url"]].published + timedelta(hours=1)
        assert datetime.fromisoformat(doc["fetched_at"]) == captured
    assert warc_stats["troopwatch/off_topic"] == len([a for a in archived if not a.on_topic])


def test_warc_files_named_as_a_task_fail_the_crawl_when_unreadable(es, indices, tw_env, tmp_path):
    """A backfill task names its file: a file that cannot be read fails the crawl (exit 1,
    the task is retried, then shown failed), a truncated one is read as far as it goes."""
    good = tmp_path / "good.warc.gz"
    urls = write_warc(good)
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", [])}

    missing = run_troopwatch(
        ["crawl", "warc", "-a", f"paths={tmp_path / 'gone.warc.gz'}", "--json"], env
    )
    assert missing.returncode == 1, missing.stderr[-2000:]
    assert "unreadable WARC" in missing.stderr and "gone.warc.gz" in missing.stderr
    assert "Traceback" not in missing.stderr

    truncated = run_troopwatch(["crawl", "warc", "-a", f"paths={cut}", "--json"], env)
    assert truncated.returncode == 0, truncated.stderr[-2000:]
    stats = json.loads(truncated.stdout.strip().splitlines()[-1])["warc"]
    assert stats["warc/skipped/truncated"] == 1
    assert 0 < stats["troopwatch/warc_responses"] < len(urls)


def test_warc_spider_reads_paths_argument(tmp_path):
    write_warc(tmp_path / "a.warc", ["/meridian-wire/rss.xml"])
    (tmp_path / "b.warc.gz").write_bytes(b"not a warc")
    assert warc_files(str(tmp_path)) == [tmp_path / "a.warc", tmp_path / "b.warc.gz"]
    assert warc_files(f"file://{tmp_path}/*.warc") == [tmp_path / "a.warc"]
    spider = WarcSpider.from_crawler(get_crawler(WarcSpider), paths=f"{tmp_path}/a.warc")
    assert spider.inputs() == [("warc", f"{tmp_path}/a.warc")]
    # A feed is not a page: nothing comes out, and nothing is fetched.
    assert list(spider.replay(tmp_path / "a.warc", "warc")) == []


# -- broken input -------------------------------------------------------------------------------


def test_broken_input_is_logged_retried_politely_and_never_stored(es, indices, tw_env, tmp_path):
    with Press.start(rate_limit_count=2) as press:
        routes = press.bad_routes
        links = [
            "huge",
            "redirect_loop",
            "not_found",
            "gone",
            "server_error",
            "rate_limited",
            "pdf",
            "empty",
            "robots_disallowed",
        ]
        items = "".join(f"<item><title>{k}</title><link>{routes[k]}</link></item>" for k in links)
        feed = tmp_path / "links.xml"
        feed.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>')
        sources = [
            {"id": "links", "kind": "feed", "url": f"file://{feed}"},
            {"id": "not-xml", "kind": "feed", "url": routes["feed_not_xml"]},
            {"id": "truncated", "kind": "feed", "url": routes["feed_truncated"]},
            {"id": "limited", "kind": "feed", "url": routes["rate_limited_feed"]},
        ]
        env = {**tw_env, "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources)}
        stats, log = crawl(env, "feeds")
        feeds = stats["feeds"]

        assert f"could not fetch {routes['huge']}" in log and "larger than download max size" in log
        assert f"could not fetch {press.base_url}/bad/loop-" in log
        assert len(requested(press, routes["redirect_loop"])) <= 11
        assert f"could not fetch {routes['not_found']}: HTTP 404" in log
        assert f"could not fetch {routes['gone']}: HTTP 410" in log
        assert f"skipped {routes['pdf']}: not an HTML page" in log
        assert f"feed {routes['feed_not_xml']} (source not-xml) is unreadable" in log
        # a truncated feed is damaged, not lost: its complete items are read
        assert f"feed {routes['feed_truncated']} (source truncated) is damaged" in log
        assert "Forbidden by robots.txt" in log and not requested(
            press, routes["robots_disallowed"]
        )

        # 500: retried twice, waiting longer each time.
        errors = requested(press, routes["server_error"])
        assert [r.status for r in errors] == [500, 500, 500]
        assert errors[1].time - errors[0].time >= 0.9 and errors[2].time - errors[1].time >= 1.8
        assert f"could not fetch {routes['server_error']}: HTTP 500" in log
        # 429 with Retry-After: 1 -> waited, then served (page and feed alike).
        for url in (routes["rate_limited"], routes["rate_limited_feed"]):
            answers = requested(press, url)
            assert [r.status for r in answers] == [429, 429, 200], url
            assert all(b.time - a.time >= 0.9 for a, b in zip(answers, answers[1:], strict=False))
        assert "HTTP 429 from" in log and "retrying in 1.0 s" in log
        assert feeds["troopwatch/retry_waits"] >= 6

        docs = stored(es, indices)
        assert all(d["title"] != "Complete archive" for d in docs)
        assert press.articles[0].title in {d["title"] for d in docs}  # from the 429 page
        assert {d["source"] for d in docs} <= {"links", "limited", "truncated"}
        state = source_state(es, indices)
        assert "unreadable feed" in state["not-xml"]["last_error"]
        assert "damaged feed: not well-formed" in state["truncated"]["last_error"]
        assert not state["limited"].get("last_error") and state["limited"]["last_status"] == 200


def test_private_addresses_are_refused_even_behind_an_allowed_feed(es, indices, tw_env, tmp_path):
    with Press.start() as press:
        sources = [{"id": "hostile", "kind": "feed", "url": press.bad_routes["feed_private_links"]}]
        env = {
            **tw_env,
            "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "0",
            "TROOPWATCH_SOURCES": catalogue(tmp_path / "s.yaml", sources),
        }
        # Off: the press itself is on loopback, so nothing at all is fetched.
        stats, log = crawl(env, "feeds")
        assert len(press.requests) == 0
        assert (
            f"refused {press.bad_routes['feed_private_links']}: 127.0.0.1 is a loopback address"
            in log
        )
        assert stats["feeds"]["troopwatch/refused_private"] >= 1
        assert "loopback" in source_state(es, indices)["hostile"]["last_error"]

        # Loopback allowed for this source (and only loopback): the feed is read, its
        # private links are not.
        sources[0]["allowed_networks"] = ["127.0.0.0/8"]
        env["TROOPWATCH_SOURCES"] = catalogue(tmp_path / "s.yaml", sources)
        stats, log = crawl(env, "feeds")
        assert stats["feeds"]["troopwatch/refused_private"] == len(press.private_links) == 4
        for url in press.private_links:
            assert f"refused {url}:" in log
        assert "169.254.169.254 is a link-local address" in log
        assert "10.0.0.1 is a private address" in log
        docs = stored(es, indices)
        assert [d["title"] for d in docs] == [press.articles[0].title]
        assert all("169.254" not in r.path and "10.0.0.1" not in r.path for r in press.requests)
