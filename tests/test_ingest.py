"""The ingestion spine end to end: a local press's feeds → Scrapy → pipelines → Elasticsearch."""

from __future__ import annotations

import http.server
import threading
import time
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_troopwatch
from tests.press import MARKER_PREFIX, Press
from troopwatch.urls import article_id, canonicalize_url

SITES = ["meridian-wire", "hanbit-ilbo", "vostok-inform", "weltblick", "kyiv-courier"]


@pytest.fixture(scope="module")
def press():
    with Press.start(hang_seconds=30) as press:
        yield press


def write_catalogue(path: Path, feeds: dict[str, str]) -> Path:
    sources = [
        {"id": sid, "name": sid, "kind": "feed", "url": url, "lang": "en"}
        for sid, url in feeds.items()
    ]
    path.write_text(yaml.safe_dump({"sources": sources}))
    return path


def plain_articles(press: Press):
    """On-topic articles with no copies anywhere: each must land in the index as itself.

    (Of a syndicated story only the first copy crawled is stored; dedupe tests check that.)
    """
    copied = {a.syndication_of for a in press.articles if a.syndication_of}
    return [
        a
        for a in press.articles
        if a.site.name in SITES
        and a.on_topic
        and a.slug not in copied
        and not (a.syndication_of or a.truncated or a.seed_copy_of or a.canonical_to)
        and not a.published_at_runtime
    ]


def stored(es, indices, article) -> dict | None:
    doc_id = article_id(canonicalize_url(article.url))
    found = es.options(ignore_status=404).get(index=indices.articles, id=doc_id)
    return found["_source"] if found.get("found") else None


def words(text: str) -> set[str]:
    return {w for w in text.split() if len(w) > 3}


def test_crawl_indexes_clean_articles_and_recrawl_adds_nothing(
    press, es, indices, tw_env, tmp_path
):
    expected = plain_articles(press)
    assert len(expected) >= 10 and len({a.lang for a in expected}) >= 3
    env = {
        **tw_env,
        "TROOPWATCH_SOURCES": str(
            write_catalogue(tmp_path / "sources.yaml", {s: press.feed_url(s) for s in SITES})
        ),
    }
    done = run_troopwatch(["crawl", "feeds"], env)
    assert done.returncode == 0, done.stderr[-3000:]
    es.indices.refresh(index=indices.articles)
    for article in expected:
        doc = stored(es, indices, article)
        assert doc is not None, f"{article.url} not indexed"
        assert doc["title"] == article.title
        assert doc["lang"] == article.lang
        assert datetime.fromisoformat(doc["published_at"]) == article.published
        body = words(article.body_text)
        assert len(body & words(doc["text"])) >= 0.9 * len(body), article.url
        leaked = [w for w in doc["text"].split() if MARKER_PREFIX in w]
        assert not leaked, f"boilerplate in {article.url}: {leaked}"
    count = es.count(index=indices.articles)["count"]

    again = run_troopwatch(["crawl", "feeds"], env)
    assert again.returncode == 0, again.stderr[-3000:]
    es.indices.refresh(index=indices.articles)
    assert es.count(index=indices.articles)["count"] == count


def test_writes_refused_mid_crawl_all_arrive_when_back(press, es, indices, tw_env, tmp_path):
    expected = plain_articles(press)
    env = {
        **tw_env,
        "TROOPWATCH_SOURCES": str(
            write_catalogue(tmp_path / "sources.yaml", {s: press.feed_url(s) for s in SITES})
        ),
    }
    blocked = [indices.articles, indices.claims, indices.claim_keys]
    es.indices.put_settings(index=blocked, settings={"index.blocks.write": True})
    press.clear_requests()
    args = ["crawl", "feeds", "-s", "TROOPWATCH_BULK_SIZE=2", "-s", "DOWNLOAD_DELAY=0.3"]
    result: dict = {}
    crawl = threading.Thread(target=lambda: result.update(done=run_troopwatch(args, env)))
    crawl.start()
    try:
        # Let a few batches fail, then lift the block while the crawl is still going.
        deadline = time.monotonic() + 60
        while len(press.requests) < len(SITES) + 6 and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        es.indices.put_settings(index=blocked, settings={"index.blocks.write": False})
    crawl.join(timeout=240)
    done = result["done"]
    assert done.returncode == 0, done.stderr[-3000:]
    assert "cannot take writes" in done.stderr
    assert "spooled articles to Elasticsearch" in done.stderr
    es.indices.refresh(index=indices.articles)
    missing = [a.url for a in expected if stored(es, indices, a) is None]
    assert not missing
    assert not list((Path(env["TROOPWATCH_SPOOL_DIR"]) / indices.prefix).glob("*.jsonl"))


def test_elasticsearch_down_then_spool_flush(press, es, indices, tw_env, tmp_path):
    from troopwatch.es.local import free_port

    env = {
        **tw_env,
        "TROOPWATCH_ES_URL": f"http://127.0.0.1:{free_port()}",
        "TROOPWATCH_SOURCES": str(
            write_catalogue(tmp_path / "s.yaml", {"meridian": press.feed_url("meridian-wire")})
        ),
    }
    done = run_troopwatch(["crawl", "feeds"], env)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "unavailable" in done.stderr and "kept in" in done.stderr
    assert es.count(index=indices.articles)["count"] == 0
    flushed = run_troopwatch(
        ["spool", "flush"], {**env, "TROOPWATCH_ES_URL": tw_env["TROOPWATCH_ES_URL"]}
    )
    assert flushed.returncode == 0, flushed.stderr
    es.indices.refresh(index=indices.articles)
    site = [a for a in plain_articles(press) if a.site.name == "meridian-wire"]
    assert site and all(stored(es, indices, a) for a in site)


@pytest.fixture
def bad_feed_server(press, tmp_path):
    """A second local server whose feed links to the press's bad pages."""
    routes = press.bad_routes
    links = [routes[k] for k in ("pdf", "binary", "hang", "not_found", "server_error", "empty")]
    legacy = {k: v for k, v in routes.items() if k.startswith(("cp1251_", "euckr_", "sjis_"))}
    links += list(legacy.values())
    items = "".join(f"<item><title>x</title><link>{u}</link></item>" for u in links)
    (tmp_path / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>bad</title>{items}</channel></rss>'
    )
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(  # noqa: E731
        *a, directory=str(tmp_path), **k
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.RequestHandlerClass.log_message = lambda *a: None
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml", legacy
    server.shutdown()
    server.server_close()


def test_bad_input_gets_a_clear_line_and_nothing_crashes(
    press, es, indices, tw_env, tmp_path, bad_feed_server
):
    feed, legacy = bad_feed_server
    assert len({k.split("_")[0] for k in legacy}) == 3  # windows-1251, EUC-KR, Shift_JIS
    routes = press.bad_routes
    catalogue = write_catalogue(
        tmp_path / "sources.yaml",
        {"not-xml": routes["feed_not_xml"], "truncated": routes["feed_truncated"], "bad": feed},
    )
    env = {**tw_env, "TROOPWATCH_SOURCES": str(catalogue)}
    args = ["crawl", "feeds", "-s", "DOWNLOAD_TIMEOUT=3", "-s", "RETRY_TIMES=0"]
    started = time.monotonic()
    done = run_troopwatch(args, env, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert time.monotonic() - started < 60  # the hanging server did not hold the crawl
    log = done.stderr
    assert f"feed {routes['feed_not_xml']} (source not-xml) is unreadable" in log
    # a truncated feed is damaged, not lost: read leniently and reported
    assert f"feed {routes['feed_truncated']} (source truncated) is damaged" in log
    assert f"skipped {routes['pdf']}: not an HTML page" in log
    assert f"could not fetch {routes['hang']}: DownloadTimeoutError" in log
    assert f"could not fetch {routes['not_found']}: HTTP 404" in log
    assert f"could not fetch {routes['server_error']}: HTTP 500" in log
    assert "Traceback" not in log
    es.indices.refresh(index=indices.articles)
    for url in legacy.values():
        article = press.article_by_url(url)
        doc = stored(es, indices, article)
        assert doc is not None, f"legacy-encoded {url} not indexed"
        assert doc["title"] == article.title  # decoded, not mojibake
        assert doc["lang"] == article.lang
