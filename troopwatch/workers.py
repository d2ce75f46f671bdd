"""Components a crawl process shares between its pipelines: the CPU pool, the ES client.

CPU-heavy stages (extraction, language, relevance, dedupe sketches, entities, claims) run
their plain functions in a process pool, so a crawl uses every core and the reactor thread
stays free for the network; the stages' models are built once, before the workers fork
(`warm_before_fork`); Elasticsearch calls go through one client per crawl process, used from
threads. Both are built from the crawler's settings on first use and closed when the
engine stops.

TROOPWATCH_CPU_WORKERS: worker processes (default: the machine's cores); 0 runs the
functions in the calling process (tests, debugging).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import gc
import logging
import multiprocessing
import os
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from elasticsearch import Elasticsearch
from scrapy import signals
from scrapy.utils.misc import load_object

from troopwatch.config import EsConfig, es_config_from_env
from troopwatch.es.client import make_client

log = logging.getLogger(__name__)
T = TypeVar("T")


def default_workers() -> int:
    return os.cpu_count() or 1


def _warm() -> int:
    return os.getpid()


def _exit_with_parent(parent: int, every_s: float = 1.0) -> None:
    """A worker must not outlive its crawl: a crawl killed with SIGKILL (the daemon's
    timeout, an operator) would otherwise leave workers holding its pipes and memory,
    waiting forever on a queue nobody feeds. Polling, not PR_SET_PDEATHSIG, which fires
    when the forking *thread* ends."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_s)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def warm_before_fork(warm_ups: Iterable[Callable[[], object]]) -> None:
    """Load the stages' models in this process, for the workers it forks to share.

    Built once here (the entity KB and its automata from their compiled copy, language
    profiles, the pre-check's automaton, the claim patterns: ~0.4 s of CPU), every worker
    gets them copy-on-write at fork instead of building its own. Measured on the benchmark
    (2 cores, 2 workers), a crawl spends ~1.5 s less CPU in total than with a build per
    worker. `gc.freeze` keeps the collector from walking (and so copying) those objects.
    """
    # The collector would walk the growing heap again and again while the models are
    # built (tens of thousands of objects): off meanwhile, which halves the build.
    enabled = gc.isenabled()
    gc.disable()
    try:
        for warm_up in warm_ups:
            warm_up()
    finally:
        if enabled:
            gc.enable()
    gc.freeze()


class CpuPool:
    """Runs plain functions (picklable, module-level) in worker processes and awaits them."""

    def __init__(self, workers: int, warm_ups: Iterable[Callable[[], object]] = ()):
        self.workers = max(0, workers)
        self.executor: ProcessPoolExecutor | None = None
        self.closed = False
        if self.workers:
            warm_before_fork(warm_ups)
            self._start()

    def _start(self) -> None:
        # fork: workers start in milliseconds with every module imported and every model
        # loaded (warm_before_fork). The pool is built while the crawler is being set up,
        # before any thread is started.
        self.executor = ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_exit_with_parent,
            initargs=(os.getpid(),),
        )
        for _ in range(self.workers):
            self.executor.submit(_warm)

    @classmethod
    def from_crawler(cls, crawler) -> CpuPool:
        """The crawler's pool (one per crawler, shared by every pipeline)."""
        pool = _POOLS.get(crawler)
        if pool is None:
            settings = crawler.settings
            workers = settings.getint("TROOPWATCH_CPU_WORKERS", -1)
            # Each stage that runs in the pool may load its models first (`warm_up`),
            # here, before the fork.
            stages = [load_object(path) for path in settings.getdict("ITEM_PIPELINES")]
            warm_ups = [
                functools.partial(stage.warm_up, settings)
                for stage in stages
                if callable(getattr(stage, "warm_up", None))
            ]
            pool = cls(default_workers() if workers < 0 else workers, warm_ups)
            _POOLS[crawler] = pool
            crawler.signals.connect(pool.close, signal=signals.engine_stopped)
        return pool

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        if self.executor is None:
            return fn(*args)
        executor = self.executor
        try:
            return await asyncio.wrap_future(executor.submit(fn, *args))
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in a C extension) and took the
            # pool with it: a fresh pool takes this item (once more) and the next ones.
            if self.closed:
                raise
            if self.executor is executor:
                log.warning("a CPU worker process died; starting new ones")
                executor.shutdown(wait=False, cancel_futures=True)
                self._start()
            return await asyncio.wrap_future(self.executor.submit(fn, *args))

    def close(self) -> None:
        self.closed = True
        if self.executor is not None:
            # Let its manager thread finish (every item is done when the engine stops, so
            # this is quick): left running, it can close its wake-up pipe while Python's
            # exit handler writes to it, and the crawl ends on "Bad file descriptor"
            # (CPython 3.11's concurrent.futures.process._python_exit takes no lock).
            manager = getattr(self.executor, "_executor_manager_thread", None)
            self.executor.shutdown(wait=False, cancel_futures=True)
            if manager is not None:
                manager.join(timeout=10)
            self.executor = None


_POOLS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_CLIENTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def crawl_es_config(crawler) -> EsConfig:
    """Elasticsearch as the crawler's settings say (URLs and secrets from the environment)."""
    return dataclasses.replace(
        es_config_from_env(), prefix=crawler.settings.get("TROOPWATCH_INDEX_PREFIX")
    )


def crawl_es(crawler) -> Elasticsearch:
    """The crawl process's one Elasticsearch client (thread-safe; call it from threads).

    Callers needing another timeout use `client.options(request_timeout=...)`, which shares
    the connections. Closed when the engine stops; callers must not close it.
    """
    client = _CLIENTS.get(crawler)
    if client is None:
        client = make_client(crawl_es_config(crawler))
        _CLIENTS[crawler] = client
        crawler.signals.connect(client.close, signal=signals.engine_stopped)
    return client


async def in_thread(fn: Callable[..., T], *args: Any) -> T:
    """Run blocking I/O (an Elasticsearch call) in a thread and await it (the asyncio loop
    under Scrapy's reactor, or any other)."""
    return await asyncio.to_thread(fn, *args)
