"""The check before extraction (troopwatch.prefilter) loses no relevant page.

Every labelled on-topic text the project holds (seeds, eval passages with claims, the
fixture press's on-topic articles as served) and every page of the extraction benchmark
corpus: whenever the relevance stage would keep the text, the raw page passes the check,
also when its text is entity-encoded or JSON-escaped rather than literally in the bytes.
"""

from __future__ import annotations

import asyncio
import html
import json

import pytest
from scrapy.exceptions import DropItem
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from pipelines.clean import CleanPipeline
from tests.press.routes import PressState
from troopwatch.extract import extract_article
from troopwatch.paths import EXTRACTION_CORPUS, PROJECT_ROOT
from troopwatch.prefilter import may_be_relevant
from troopwatch.relevance import score_relevance
from troopwatch.seeds import seed_texts

CORPUS = EXTRACTION_CORPUS / "html"
EVAL = PROJECT_ROOT / "data" / "eval"


def labelled_texts() -> list[tuple[str, str, str | None]]:
    """(title, text, lang) of every text labelled on-topic."""
    out = [(t.splitlines()[0], t, None) for t in seed_texts().values() if t]
    for path in sorted(EVAL.glob("claims*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line) if line.strip() else {}
            if row.get("claims"):
                out.append(("", row["text"], row.get("lang")))
    return out


def as_page(title: str, text: str, how: str) -> str:
    paragraphs = text.split("\n")
    if how == "entities":  # every non-ASCII character and every 'o' as a numeric entity
        body = "".join(
            "<p>"
            + "".join(f"&#{ord(c)};" if ord(c) > 127 or c in "oO" else html.escape(c) for c in p)
            + "</p>"
            for p in paragraphs
        )
    elif how == "json":  # the text only in a script, \u-escaped (some sites render it)
        body = f"<script>var story = {json.dumps(text)};</script>"
    else:
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"<html><head><title>{html.escape(title)}</title></head><body>{body}</body></html>"


def test_no_labelled_on_topic_text_is_screened_out():
    relevant = lost = 0
    for title, text, lang in labelled_texts():
        if not any(score_relevance(title, text, code).is_relevant for code in (lang, None)):
            continue  # the relevance stage drops it anyway
        relevant += 1
        for how in ("plain", "entities", "json"):
            if not may_be_relevant(as_page(title, text, how)):
                lost += 1
                print(f"lost ({how}): {text[:120]!r}")
    assert relevant > 500 and lost == 0


def test_fixture_press_on_topic_pages_pass():
    """As served: templates, navigation, comments, some pages in legacy encodings."""
    state = PressState("http://127.0.0.1:8")
    on_topic = [a for a in state.articles if a.on_topic]
    assert len(on_topic) > 30
    assert [a.slug for a in on_topic if not may_be_relevant(state.render(a), a.title)] == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no benchmark corpus at {CORPUS}")
def test_benchmark_pages_screened_out_are_never_relevant():
    screened_out = 0
    for page in sorted(CORPUS.glob("*.html")):
        raw = page.read_text(encoding="utf-8", errors="replace")
        if may_be_relevant(raw):
            continue
        screened_out += 1
        article = extract_article(raw, f"https://example.com/{page.name}")
        if article is not None:
            assert not score_relevance(article.title, article.text, None).is_relevant, page.name
    assert screened_out > 0


def test_clean_stage_screens_only_when_relevance_is_enforced_and_never_seeds():
    state = PressState("http://127.0.0.1:8")
    article = next(a for a in state.articles if not a.on_topic and not a.is_copy)
    page = as_page(article.title, article.body_text, "plain")
    assert not may_be_relevant(page)
    stats = []

    def run(enforce: bool, **fields) -> ArticleItem:
        crawler = get_crawler(
            settings_dict={"TROOPWATCH_RELEVANCE_ENFORCE": enforce, "TROOPWATCH_CPU_WORKERS": 0}
        )
        crawler.stats = MemoryStatsCollector(crawler)
        stats.append(crawler.stats)
        item = ArticleItem(url=article.url, html=page, **fields)
        return asyncio.run(CleanPipeline.from_crawler(crawler).process_item(item))

    with pytest.raises(DropItem, match="off-topic before extraction"):
        run(True)
    assert stats[0].get_value("troopwatch/off_topic_prefilter") == 1
    assert stats[0].get_value("troopwatch/off_topic") == 1  # in the run's off-topic count
    assert run(False)["text"] and run(True, is_seed=True)["text"]


def test_pages_without_text_are_let_through():
    assert may_be_relevant(None) and may_be_relevant("")
