"""The shipped source catalogue, its loader, and source state (`troopwatch sources`)."""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from crawler.sources import CATALOGUE, KINDS, CatalogueError, load_sources
from tests.conftest import run_troopwatch
from troopwatch.crawl import spider_for_kind
from troopwatch.languages import KB_LANGUAGES
from troopwatch.sources_state import SourceStateRecorder, source_rows, write_source_state

LANGS = set(KB_LANGUAGES)

# Outlets the issue names, by catalogue id (a feed, a sitemap or a Google News site search).
REQUIRED = {
    "KR": [
        "yonhap-en-nk",
        "yonhap-ko-nk",
        "koreaherald",
        "joongang-daily",
        "hankyoreh-ko",
        "kbs-news",
        "chosun-ko",
        "nknews",
        "dailynk-en",
    ],
    "UA": ["pravda-uk", "kyivindependent", "kyivpost", "ukrinform-en", "suspilne"],
    "RU": ["tass-en", "ria", "meduza-ru", "kommersant"],
    "JP": ["nhk-ja", "kyodo", "japan-forward"],
    "INT": [
        "bbc-world",
        "guardian-nk",
        "ap-gnews",
        "dw-en",
        "france24-en-asia",
        "aljazeera",
        "rfa-gnews",
        "voa-gnews",
        "38north",
    ],
}


@pytest.fixture(scope="module")
def sources():
    return load_sources(CATALOGUE)


def test_catalogue_size_languages_and_kinds(sources):
    enabled = [s for s in sources if s.enabled]
    assert len(enabled) >= 40
    assert {s.lang for s in enabled} >= LANGS
    assert {s.kind for s in sources} == set(KINDS)
    by_id = {s.id for s in sources}
    missing = [sid for ids in REQUIRED.values() for sid in ids if sid not in by_id]
    assert not missing
    assert {s.country for s in enabled} >= {"KR", "UA", "RU", "JP", "GB", "US", "DE", "FR"}
    assert all(s.interval_minutes > 0 and s.name for s in sources)


def test_urls_are_real_public_endpoints(sources):
    for source in sources:
        for url in source.urls:
            parts = urlsplit(url)
            if source.kind == "warc":
                assert parts.scheme == "file"
                continue
            assert parts.scheme == "https", url
            host = parts.hostname or ""
            assert "." in host and not any(w in host for w in ("example", "localhost"))
            assert not re.fullmatch(r"[0-9.:\[\]]+", host), url  # names, not addresses


def test_gdelt_queries_cover_every_language_with_the_artlist_api(sources):
    gdelt = [s for s in sources if s.kind == "gdelt"]
    assert {s.lang for s in gdelt} == LANGS
    for source in gdelt:
        parts = urlsplit(source.urls[0])
        assert (parts.hostname, parts.path) == ("api.gdeltproject.org", "/api/v2/doc/doc")
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        assert params["mode"] == "ArtList" and params["format"] == "json"
        assert params["maxrecords"] == "250" and params["sort"] == "DateDesc"
        assert params["timespan"] == "1d"
        assert "sourcelang:" in params["query"] and "north korea" in params["query"]


def test_google_news_searches_cover_every_language(sources):
    gnews = [s for s in sources if s.kind == "gnews"]
    assert {s.lang for s in gnews} == LANGS
    for source in gnews:
        parts = urlsplit(source.urls[0])
        assert (parts.hostname, parts.path) == ("news.google.com", "/rss/search")
        params = {k: v[0] for k, v in parse_qs(parts.query).items()}
        assert (
            params["q"]
            and params["ceid"] == f"{params['gl']}:{params['hl'].split('-')[0]}"
            or (params["ceid"] == f"{params['gl']}:{params['hl']}")
        )
        assert params["hl"].split("-")[0] == source.lang


def test_every_source_kind_has_exactly_one_spider():
    from scrapy.settings import Settings
    from scrapy.spiderloader import get_spider_loader

    import crawler.settings

    loader = get_spider_loader(Settings({"SPIDER_MODULES": crawler.settings.SPIDER_MODULES}))
    mapping = spider_for_kind(loader)
    assert set(mapping) == set(KINDS)
    claimed = [k for name in loader.list() for k in loader.load(name).source_kinds]
    assert sorted(claimed) == sorted(KINDS)  # no kind crawled by two spiders
    assert mapping["feed"] == "feeds" and mapping["sitemap"] == mapping["news_sitemap"]


def test_loader_rejects_bad_entries(tmp_path):
    def load(entry):
        path = tmp_path / "s.yaml"
        path.write_text(yaml.safe_dump({"sources": [entry]}))
        return load_sources(path)

    base = {"id": "x", "kind": "feed", "url": "https://news.example.org/rss"}
    assert load(base)[0].urls == ("https://news.example.org/rss",)
    with pytest.raises(CatalogueError, match="kind"):
        load({**base, "kind": "twitter"})
    with pytest.raises(CatalogueError, match="not a"):
        load({**base, "url": "gopher://news.example.org/"})
    with pytest.raises(CatalogueError, match="not a file URL"):
        load({**base, "kind": "warc"})
    with pytest.raises(CatalogueError, match="interval_minutes"):
        load({**base, "interval_minutes": 0})
    with pytest.raises(CatalogueError, match="no url"):
        load({"id": "x", "kind": "feed"})


# -- source state ------------------------------------------------------------------------


def test_source_rows_without_elasticsearch(sources):
    rows = source_rows(None, None)
    assert [r["id"] for r in rows] == [s.id for s in sources]
    row = rows[0]
    assert set(row) >= {
        "id",
        "name",
        "kind",
        "lang",
        "country",
        "url",
        "enabled",
        "interval_minutes",
        "last_fetched",
        "last_error",
        "articles_found",
    }
    assert row["last_fetched"] is None and row["articles_found"] == 0


def test_source_state_accumulates_across_crawls(es, indices, tmp_path):
    catalogue = tmp_path / "s.yaml"
    catalogue.write_text(
        yaml.safe_dump(
            {
                "sources": [
                    {
                        "id": "wire",
                        "kind": "feed",
                        "url": "https://wire.example.org/rss",
                        "lang": "en",
                    },
                    {
                        "id": "quiet",
                        "kind": "feed",
                        "url": "https://quiet.example.org/rss",
                        "lang": "de",
                    },
                ]
            }
        )
    )
    by_id = {s.id: s for s in load_sources(catalogue)}

    first = SourceStateRecorder()
    first.fetched("wire", "https://wire.example.org/rss", 200)
    for _ in range(3):
        first.article("wire")
    first.fetched("quiet", "https://quiet.example.org/rss", 500)
    first.problem("quiet", "https://quiet.example.org/rss", "HTTP 500")
    assert write_source_state(es, indices, first.runs, by_id) == 2

    second = SourceStateRecorder()
    second.fetched("wire", "https://wire.example.org/rss", 304)
    second.article("wire")
    second.fetched("quiet", "https://quiet.example.org/rss", 200)
    write_source_state(es, indices, second.runs, by_id)

    rows = {r["id"]: r for r in source_rows(catalogue, (es, indices))}
    assert rows["wire"]["articles_found"] == 4 and rows["wire"]["last_status"] == 304
    assert rows["quiet"]["last_error"] is None  # fixed since
    assert rows["quiet"]["last_error_at"]  # but when it last went wrong is kept
    assert rows["quiet"]["kind"] == "feed" and rows["quiet"]["lang"] == "de"


def test_sources_command_lists_the_catalogue_when_elasticsearch_is_down(tw_env):
    env = {**tw_env, "TROOPWATCH_ES_URL": "http://127.0.0.1:9"}
    done = run_troopwatch(["sources", "--json"], env, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == len(load_sources(CATALOGUE))
    assert "without state" in done.stderr
    assert Counter(r["kind"] for r in rows)["gdelt"] == 8
