"""End-to-end crawl benchmark: the full troopwatch pipeline into a real Elasticsearch,
beside a bare Scrapy + trafilatura crawl of the same pages in the same run.

The corpus (../shared/corpus/article-extraction-benchmark/html, 181 real pages) is served
by a separate `http.server` process on 127.0.0.1 with an RSS feed listing every page.
Each crawl runs in its own process (a Twisted reactor starts once per process).

    .venv/bin/python bench/bench_pipeline.py [--runs 3] [--corpus DIR]

Prints pages/s (wall and in-crawl) for both crawls, their ratio, and ms per page for
each pipeline stage (median and p90 over pages).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-benchmark" / "html"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_site(corpus: Path, site: Path, base: str) -> int:
    """Symlink the pages and write an RSS feed listing them all."""
    site.mkdir(parents=True, exist_ok=True)
    items = []
    for page in sorted(corpus.glob("*.html")):
        link = site / page.name
        if not link.exists():
            link.symlink_to(page)
        items.append(f"<item><title>{page.stem}</title><link>{base}/{page.name}</link></item>")
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{"".join(items)}</channel></rss>'
    (site / "feed.xml").write_text(feed)
    return len(items)


# -- child process: one crawl ---------------------------------------------------------


def crawl_child(mode: str, feed: str, out: str) -> None:
    import trafilatura
    from scrapy import Request, Spider
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.feeds import FeedSpider
    from troopwatch.runtime import project_settings

    settings = project_settings()
    settings.set("LOG_LEVEL", "WARNING")
    settings.set("ROBOTSTXT_OBEY", False)
    settings.set("AUTOTHROTTLE_ENABLED", False)
    settings.set("CONCURRENT_REQUESTS", 16)
    settings.set("CONCURRENT_REQUESTS_PER_DOMAIN", 16)
    stage_times: dict[str, list[float]] = {}

    if mode == "bare":

        class BareSpider(Spider):
            name = "bare"

            async def start(self):
                yield Request(feed, callback=self.parse_feed)

            def parse_feed(self, response):
                for link in response.xpath("//item/link/text()").getall():
                    yield Request(link, callback=self.parse_page)

            def parse_page(self, response):
                started = time.perf_counter()
                text = trafilatura.extract(response.text)
                stage_times.setdefault("trafilatura", []).append(time.perf_counter() - started)
                yield {"url": response.url, "chars": len(text or "")}

        settings.set("ITEM_PIPELINES", {})
        spider_cls, kwargs = BareSpider, {}
    else:
        pipelines = {}
        for path, order in settings.getdict("ITEM_PIPELINES").items():
            pipelines[_timed(path, stage_times)] = order
        settings.set("ITEM_PIPELINES", pipelines)
        spider_cls, kwargs = FeedSpider, {"urls": feed}

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    wall_start = time.perf_counter()
    process.crawl(crawler, **kwargs)
    process.start()
    stats = crawler.stats.get_stats()
    result = {
        "mode": mode,
        "wall_s": time.perf_counter() - wall_start,
        "elapsed_s": stats.get("elapsed_time_seconds"),
        "pages": stats.get("response_received_count", 0) - 1,
        "items": stats.get("item_scraped_count", 0),
        "dropped": stats.get("item_dropped_count", 0),
        "indexed": stats.get("troopwatch/indexed", 0),
        "stages": {k: v for k, v in stage_times.items()},
    }
    Path(out).write_text(json.dumps(result))


def _timed(path: str, sink: dict[str, list[float]]):
    """A subclass of a pipeline class that records each process_item's duration."""
    from scrapy.utils.misc import load_object

    base = load_object(path)
    name = base.__name__.removesuffix("Pipeline").lower()

    class Timed(base):
        def process_item(self, item, *args):
            started = time.perf_counter()
            try:
                return super().process_item(item, *args)
            finally:
                sink.setdefault(name, []).append(time.perf_counter() - started)

    # Scrapy keys components by qualified name: each wrapper needs its own.
    Timed.__name__ = Timed.__qualname__ = f"Timed{base.__name__}"
    return Timed


# -- parent ----------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FEED", "OUT"))
    args = parser.parse_args()
    if args.child:
        crawl_child(*args.child)
        return 0

    from troopwatch.es.client import make_client
    from troopwatch.es.indices import drop_indices
    from troopwatch.runtime import connect, es_config

    prefix = "twbench"
    os.environ["TROOPWATCH_INDEX_PREFIX"] = prefix
    config = es_config()
    es = connect(config, start_local=True)
    tmp = Path(tempfile.mkdtemp(prefix="twbench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    pages = write_site(args.corpus, tmp / "site", base)
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=tmp / "site",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {
        **os.environ,
        "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "1",
        # The corpus is off-topic news: score relevance but let every page through every stage.
        "TROOPWATCH_RELEVANCE_SCORE_ONLY": "1",
        "TROOPWATCH_SPOOL_DIR": str(tmp / "spool"),
        "PYTHONPATH": str(ROOT),
    }
    if not config.is_local:
        env["TROOPWATCH_ES_URL"] = ",".join(config.urls)
    else:
        env["TROOPWATCH_ES_URL"] = config.hosts[0]
    results: dict[str, list[dict]] = {"bare": [], "full": []}
    try:
        time.sleep(0.5)
        for run in range(args.runs):
            for mode in ("bare", "full"):
                if mode == "full":
                    drop_indices(es, prefix)
                out = tmp / f"{mode}-{run}.json"
                # Fresh incremental-crawl state each run, so every run fetches every page.
                state = {"TROOPWATCH_STATE_DIR": str(tmp / f"state-{mode}-{run}")}
                subprocess.run(
                    [sys.executable, __file__, "--child", mode, f"{base}/feed.xml", str(out)],
                    env={**env, **state},
                    check=True,
                )
                results[mode].append(json.loads(out.read_text()))
    finally:
        server.terminate()
        drop_indices(make_client(config), prefix)

    print(
        f"corpus: {pages} pages from {args.corpus}; {args.runs} runs each; Elasticsearch {config.describe()}"
    )
    print(f"{'crawl':<34}{'pages/s wall':>14}{'pages/s in-crawl':>18}{'items':>8}{'indexed':>9}")
    medians = {}
    for mode, label in (
        ("bare", "bare Scrapy + trafilatura"),
        ("full", "troopwatch full pipeline"),
    ):
        rows = results[mode]
        wall = statistics.median(r["pages"] / r["wall_s"] for r in rows)
        inner = statistics.median(r["pages"] / r["elapsed_s"] for r in rows)
        medians[mode] = wall
        items = rows[-1]["items"]
        print(f"{label:<34}{wall:>14.1f}{inner:>18.1f}{items:>8}{rows[-1]['indexed']:>9}")
    print(f"ratio full/bare (wall): {medians['full'] / medians['bare']:.2f}")
    print(f"\n{'stage (ms per page)':<24}{'median':>10}{'p90':>10}{'pages':>8}")
    for mode in ("bare", "full"):
        stages: dict[str, list[float]] = {}
        for r in results[mode]:
            for name, times in r["stages"].items():
                stages.setdefault(name, []).extend(times)
        for name, times in stages.items():
            ms = [t * 1000 for t in times]
            label = f"{mode}:{name}"
            print(
                f"{label:<24}{statistics.median(ms):>10.1f}{pct(ms, 0.9):>10.1f}{len(ms) // len(results[mode]):>8}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
