"""The pipeline stages off the event loop: CPU work in the pool, Elasticsearch in threads."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.items import ArticleItem
from pipelines.dedupe import DedupePipeline
from pipelines.language import LanguagePipeline
from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.workers import CpuPool, crawl_es

TEXT = (
    "North Korea has sent about 11,000 troops to Russia's Kursk region, South Korea's "
    "intelligence service said on Wednesday, adding that some of them have been killed. "
) * 3


def test_pool_runs_stages_in_another_process_and_is_shared_per_crawler():
    crawler = get_crawler(settings_dict={"TROOPWATCH_CPU_WORKERS": 1})
    pool = CpuPool.from_crawler(crawler)
    try:
        assert CpuPool.from_crawler(crawler) is pool
        assert asyncio.run(pool.run(os.getpid)) != os.getpid()
        stage = LanguagePipeline.from_crawler(crawler)
        item = ArticleItem(url="https://example.com/a", title="Troops", text=TEXT)
        assert asyncio.run(stage.process_item(item))["lang"] == "en"
    finally:
        pool.close()
    assert crawl_es(crawler) is crawl_es(crawler)  # one client per crawl process


def test_closing_the_pool_leaves_no_thread_to_race_python_exit():
    # A manager thread still running at exit can close its wake-up pipe while Python's
    # exit handler writes to it: the crawl then ends on "OSError: Bad file descriptor".
    pool = CpuPool(1)
    assert asyncio.run(pool.run(os.getpid)) != os.getpid()
    manager = pool.executor._executor_manager_thread
    assert manager.is_alive()
    pool.close()
    assert not manager.is_alive()


def test_a_dead_worker_is_replaced_and_its_item_done():
    pool = CpuPool(1)
    try:
        worker = asyncio.run(pool.run(os.getpid))
        os.kill(worker, signal.SIGKILL)  # as the kernel's OOM killer would
        assert asyncio.run(pool.run(os.getpid)) not in (worker, os.getpid())
    finally:
        pool.close()


CRAWL_WITH_A_POOL = """
import asyncio, os, sys, time
from troopwatch.workers import CpuPool
pool = CpuPool(1)
print(asyncio.run(pool.run(os.getpid)), flush=True)
time.sleep(600)
"""


MODELS_BEFORE_FORK = """
import asyncio, gc, os
from scrapy.utils.test import get_crawler
from troopwatch.entities.kb import default_kb
from troopwatch.workers import CpuPool

def kb_in_worker():
    # No call to default_kb() here may build anything: the KB must come with the fork.
    return default_kb.cache_info().currsize, id(default_kb()), default_kb()._tagger is not None

settings = {"TROOPWATCH_CPU_WORKERS": 1, "ITEM_PIPELINES": {"pipelines.entities.EntitiesPipeline": 500}}
assert default_kb.cache_info().currsize == 0
pool = CpuPool.from_crawler(get_crawler(settings_dict=settings))
print(default_kb.cache_info().currsize, id(default_kb()), gc.get_freeze_count() > 0)
print(*asyncio.run(pool.run(kb_in_worker)))
pool.close()
"""


def test_models_are_built_once_in_the_crawl_process_and_shared_by_its_workers():
    out = subprocess.run(
        [sys.executable, "-c", MODELS_BEFORE_FORK],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    parent_loaded, parent_kb, frozen, worker_loaded, worker_kb, worker_automata = out
    assert parent_loaded == "1" and frozen == "True"  # built before the fork, then frozen
    # The worker has the very same objects (copy-on-write), automata included.
    assert (worker_loaded, worker_kb, worker_automata) == ("1", parent_kb, "True")


def test_workers_do_not_outlive_a_crawl_killed_with_sigkill():
    crawl = subprocess.Popen(
        [sys.executable, "-c", CRAWL_WITH_A_POOL], stdout=subprocess.PIPE, text=True
    )
    worker = int(crawl.stdout.readline())
    crawl.kill()  # SIGKILL: no chance to shut the pool down
    crawl.wait(timeout=30)
    for _ in range(100):
        if not os.path.exists(f"/proc/{worker}") or _zombie(worker):
            break
        time.sleep(0.1)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the pool's worker outlived its crawl")
    crawl.stdout.close()


def _zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def test_dedupe_lookup_leaves_the_event_loop_free_while_elasticsearch_hangs():
    # An "Elasticsearch" that accepts connections and never answers.
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        config = EsConfig(urls=(url,), prefix="twnone", request_timeout=2.0)
        crawler = get_crawler()
        crawler.stats = MemoryStatsCollector(crawler)
        stage = DedupePipeline(config, crawler.stats, make_client(config), CpuPool(0))
        item = ArticleItem(url="https://example.com/a", article_id="a1", text=TEXT, lang="en")

        async def crawl_on() -> tuple[ArticleItem, int]:
            lookup = asyncio.ensure_future(stage.process_item(item))
            await asyncio.sleep(0)  # the stage starts: a blocking lookup would finish here
            other_work = 0
            while not lookup.done():  # the loop serves others while the lookup waits
                await asyncio.sleep(0.05)
                other_work += 1
            return await lookup, other_work

        kept, other_work = asyncio.run(crawl_on())
    assert other_work > 0
    assert kept["text_hash"] and "duplicate_of" not in kept  # kept, not lost
    assert crawler.stats.get_value("troopwatch/dedupe_lookup_errors") == 1
