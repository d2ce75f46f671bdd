"""End-to-end crawl benchmark: the full troopwatch pipeline into a real Elasticsearch,
beside a bare Scrapy + trafilatura crawl of the same pages in the same run.

Two feeds, each crawled bare and full:
- `corpus`: the extraction benchmark (../shared/corpus/article-extraction-benchmark/html,
  181 real pages); relevance is only scored, so every page goes through every stage.
- `mix`: what a user's general news feed looks like: the same 181 pages plus the fixture
  press's on-topic articles as its sites serve them (tests/press), relevance enforced, so
  off-topic pages are rejected before extraction (troopwatch.prefilter).

Pages are served by a separate `http.server` process on 127.0.0.1 with one RSS feed per
mix. Each crawl runs in its own process (a Twisted reactor starts once per process); the
CPU stages use TROOPWATCH_CPU_WORKERS worker processes (default: one per core).

    .venv/bin/python bench/bench_pipeline.py [--runs 3] [--corpus DIR]

Prints pages/s (wall and in-crawl) for every crawl, the full/bare ratios, and CPU ms per
page for each stage (in the worker processes or the crawl process), with the machine's
core count and load average.
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
from troopwatch.paths import EXTRACTION_CORPUS  # noqa: E402 - after the path insert

DEFAULT_CORPUS = EXTRACTION_CORPUS / "html"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_feed(site: Path, name: str, base: str, pages: list[str]) -> None:
    items = "".join(
        f"<item><title>{Path(p).stem}</title><link>{base}/{p}</link></item>" for p in pages
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>bench</title>{items}</channel></rss>'
    (site / name).write_text(feed)


def write_site(corpus: Path, site: Path, base: str) -> dict[str, int]:
    """Symlink the corpus pages, render the press's on-topic pages, write one feed per mix."""
    from tests.press.routes import PressState

    site.mkdir(parents=True, exist_ok=True)
    corpus_pages = []
    for page in sorted(corpus.glob("*.html")):
        link = site / page.name
        if not link.exists():
            link.symlink_to(page)
        corpus_pages.append(page.name)
    press = PressState(base)
    on_topic = []
    for art in press.articles:
        if art.on_topic:
            name = f"press-{art.slug}.html"
            (site / name).write_text(press.render(art), encoding="utf-8")
            on_topic.append(name)
    # On-topic pages spread through the feed, as they arrive in a real one.
    mix = sorted(corpus_pages + on_topic, key=lambda n: hash_name(n))
    write_feed(site, "corpus.xml", base, corpus_pages)
    write_feed(site, "mix.xml", base, mix)
    return {"corpus": len(corpus_pages), "on_topic": len(on_topic)}


def process_cpu_s(pid: int | None) -> float:
    """CPU seconds (user + system) process `pid` has used so far; 0 when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, TypeError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def hash_name(name: str) -> str:
    import hashlib

    return hashlib.sha1(name.encode()).hexdigest()


# -- child process: one crawl ---------------------------------------------------------


def crawl_child(mode: str, feed: str, out: str) -> None:
    import resource

    import trafilatura
    from scrapy import Request, Spider, signals
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

    if mode.startswith("bare"):

        class BareSpider(Spider):
            name = "bare"

            async def start(self):
                yield Request(feed, callback=self.parse_feed)

            def parse_feed(self, response):
                for link in response.xpath("//item/link/text()").getall():
                    yield Request(link, callback=self.parse_page)

            def parse_page(self, response):
                started = time.thread_time()
                text = trafilatura.extract(response.text)
                stage_times.setdefault("trafilatura", []).append(time.thread_time() - started)
                yield {"url": response.url, "chars": len(text or "")}

        settings.set("ITEM_PIPELINES", {})
        spider_cls, kwargs = BareSpider, {}
    else:
        _time_pool(stage_times)
        # The stages' modules are imported before the clock starts, as Scrapy and
        # trafilatura are for both crawls: a crawl's cost, not its pages'. Building their
        # models (the stages' warm_up) is timed.
        from scrapy.utils.misc import load_object

        for path in settings.getdict("ITEM_PIPELINES"):
            load_object(path)
        spider_cls, kwargs = FeedSpider, {"urls": feed}

    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    marks: dict[str, float] = {}
    cpu_marks: dict[str, float] = {}  # the crawl process's CPU (all its threads) at each mark
    for name in ("spider_opened", "spider_closed", "engine_stopped"):

        def mark(name=name, **_):
            marks.setdefault(name, time.perf_counter())
            cpu_marks.setdefault(name, time.process_time())

        crawler.signals.connect(mark, signal=getattr(signals, name), weak=False)
    wall_start = time.perf_counter()
    cpu_marks["start"] = time.process_time()
    process.crawl(crawler, **kwargs)
    process.start()
    marks["stopped"] = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    stats = crawler.stats.get_stats()
    result = {
        "mode": mode,
        "wall_s": time.perf_counter() - wall_start,
        "elapsed_s": stats.get("elapsed_time_seconds"),
        "pages": stats.get("response_received_count", 0) - 1,
        "items": stats.get("item_scraped_count", 0),
        "dropped": stats.get("item_dropped_count", 0),
        "prefiltered": stats.get("troopwatch/off_topic_prefilter", 0),
        "indexed": stats.get("troopwatch/indexed", 0),
        "crawl_cpu_s": usage.ru_utime + usage.ru_stime,
        "marks": {k: v - wall_start for k, v in marks.items()},
        "cpu_marks": cpu_marks,
        "stages": {k: v for k, v in stage_times.items()},
    }
    Path(out).write_text(json.dumps(result))


# Stage of each plain function the pipelines run in the CPU pool.
POOL_STAGES = {
    "screen_and_extract": "clean",
    "detect_language": "language",
    "score_relevance": "relevance",
    "sketch_and_ids": "dedupe",
    "article_entities": "entities",
    "claim_dicts": "claims",
}


def _cpu_timed_call(fn, *args):
    """Runs in a worker: the function's result and the CPU time it took there."""
    started = time.thread_time()
    result = fn(*args)
    return result, time.thread_time() - started


def _time_pool(sink: dict[str, list[float]]) -> None:
    """Record the CPU time of every function the pipelines run in the pool, per stage."""
    import asyncio

    from troopwatch.workers import CpuPool

    async def run(self, fn, *args):
        if self.executor is None:
            result, cpu = _cpu_timed_call(fn, *args)
        else:
            future = self.executor.submit(_cpu_timed_call, fn, *args)
            result, cpu = await asyncio.wrap_future(future)
        sink.setdefault(POOL_STAGES.get(fn.__name__, fn.__name__), []).append(cpu)
        return result

    CpuPool.run = run


# -- parent ----------------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else float("nan")


# (mode, feed, relevance enforced): both feeds crawled bare and full in every run.
CRAWLS = (
    ("bare", "corpus.xml", False),
    ("full", "corpus.xml", False),
    ("bare-mix", "mix.xml", False),
    ("full-mix", "mix.xml", True),
)
LABELS = {
    "bare": "bare Scrapy + trafilatura",
    "full": "full pipeline, every stage",
    "bare-mix": "mix: bare Scrapy + trafilatura",
    "full-mix": "mix: full, relevance enforced",
}


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
    from troopwatch.es.indices import drop_indices, setup_indices
    from troopwatch.runtime import connect, es_config, local_es

    prefix = "twbench"
    os.environ["TROOPWATCH_INDEX_PREFIX"] = prefix
    config = es_config()
    es = connect(config, start_local=True)
    # The other processes on these cores: Elasticsearch (when local) and the page server.
    es_pid = local_es(config).pid() if config.is_local else None
    tmp = Path(tempfile.mkdtemp(prefix="twbench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    counts = write_site(args.corpus, tmp / "site", base)
    if not counts["corpus"]:
        parser.error(f"no *.html pages in {args.corpus}")
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=tmp / "site",
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {
        **os.environ,
        "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "1",
        "TROOPWATCH_SPOOL_DIR": str(tmp / "spool"),
        "PYTHONPATH": str(ROOT),
    }
    if not config.is_local:
        env["TROOPWATCH_ES_URL"] = ",".join(config.urls)
    else:
        env["TROOPWATCH_ES_URL"] = config.hosts[0]
    results: dict[str, list[dict]] = {mode: [] for mode, _, _ in CRAWLS}
    load_before = os.getloadavg()
    try:
        time.sleep(0.5)
        for run in range(args.runs):
            for mode, feed, enforce in CRAWLS:
                if mode.startswith("full"):
                    drop_indices(es, prefix)
                # The indices exist, as for every crawl but a deployment's first: their
                # creation (seconds) is no part of a crawl's cost.
                setup_indices(es, prefix)
                out = tmp / f"{mode}-{run}.json"
                # Fresh incremental-crawl state each run, so every run fetches every page.
                crawl_env = {**env, "TROOPWATCH_STATE_DIR": str(tmp / f"state-{mode}-{run}")}
                if not enforce:
                    # Score relevance but let every page through every stage.
                    crawl_env["TROOPWATCH_RELEVANCE_SCORE_ONLY"] = "1"
                else:
                    crawl_env.pop("TROOPWATCH_RELEVANCE_SCORE_ONLY", None)
                others = (process_cpu_s(es_pid), process_cpu_s(server.pid))
                subprocess.run(
                    [sys.executable, __file__, "--child", mode, f"{base}/{feed}", str(out)],
                    env=crawl_env,
                    check=True,
                )
                result = json.loads(out.read_text())
                result["es_cpu_s"] = process_cpu_s(es_pid) - others[0]
                result["server_cpu_s"] = process_cpu_s(server.pid) - others[1]
                results[mode].append(result)
    finally:
        server.terminate()
        drop_indices(make_client(config), prefix)
    load_after = os.getloadavg()

    workers = os.environ.get("TROOPWATCH_CPU_WORKERS") or f"{os.cpu_count()} (one per core)"
    print(
        f"corpus: {counts['corpus']} pages from {args.corpus}; mix: the same plus "
        f"{counts['on_topic']} on-topic press pages; {args.runs} runs each; "
        f"Elasticsearch {config.describe()}"
    )
    print(
        f"machine: {os.cpu_count()} cores; CPU workers {workers}; load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min)"
    )
    print(
        f"{'crawl':<34}{'pages/s wall':>14}{'pages/s in-crawl':>18}{'items':>8}"
        f"{'prefiltered':>13}{'indexed':>9}"
    )
    medians = {}
    for mode, _, _ in CRAWLS:
        rows = results[mode]
        wall = statistics.median(r["pages"] / r["wall_s"] for r in rows)
        inner = statistics.median(r["pages"] / r["elapsed_s"] for r in rows)
        medians[mode] = wall
        last = rows[-1]
        print(
            f"{LABELS[mode]:<34}{wall:>14.1f}{inner:>18.1f}{last['items']:>8}"
            f"{last.get('prefiltered', 0):>13}{last['indexed']:>9}"
        )
    print(
        f"ratio full/bare (wall), every page through every stage: {medians['full'] / medians['bare']:.2f}"
    )
    print(
        f"ratio full/bare (wall), realistic mix, relevance enforced: "
        f"{medians['full-mix'] / medians['bare-mix']:.2f}"
    )
    print(f"\n{'CPU ms per page':<28}{'median':>10}{'p90':>10}{'calls':>8}{'per page':>10}")
    for mode, _, _ in CRAWLS:
        rows = results[mode]
        pages = statistics.median(r["pages"] for r in rows)
        stages: dict[str, list[float]] = {}
        for r in rows:
            for name, times in r["stages"].items():
                stages.setdefault(name, []).extend(times)
        for name, times in stages.items():
            ms = [t * 1000 for t in times]
            calls = len(ms) / len(rows)
            print(
                f"{mode + ':' + name:<28}{statistics.median(ms):>10.1f}{pct(ms, 0.9):>10.1f}"
                f"{calls:>8.0f}{sum(ms) / len(rows) / pages:>10.1f}"
            )
        crawl_cpu = statistics.median(r["crawl_cpu_s"] / r["pages"] * 1000 for r in rows)
        print(f"{mode + ':crawl process (all)':<28}{'':>10}{'':>10}{'':>8}{crawl_cpu:>10.1f}")
        # The same split by when: imports before the clock starts, the crawl's start
        # (models built, workers forked, indices checked), then its pages.
        for label, start, end in (
            ("before crawl", None, "start"),
            ("startup", "start", "spider_opened"),
            ("pages", "spider_opened", "engine_stopped"),
        ):
            part = statistics.median(
                (r["cpu_marks"][end] - (r["cpu_marks"][start] if start else 0)) / r["pages"] * 1000
                for r in rows
            )
            print(f"{mode + ':  ' + label:<28}{'':>10}{'':>10}{'':>8}{part:>10.1f}")
        for label, key in (("Elasticsearch", "es_cpu_s"), ("page server", "server_cpu_s")):
            part = statistics.median(r[key] / r["pages"] * 1000 for r in rows)
            print(f"{mode + ':' + label:<28}{'':>10}{'':>10}{'':>8}{part:>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
