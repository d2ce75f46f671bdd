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
import contextlib
import dataclasses
import fcntl
import functools
import gc
import logging
import multiprocessing
import os
import pickle
import struct
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable
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


class _Task:
    """One call on its way: the pickled call, the caller's future, whether it was retried."""

    __slots__ = ("payload", "future", "retried")

    def __init__(self, payload: bytes, future: asyncio.Future):
        self.payload = payload
        self.future = future
        self.retried = False


# A worker still running a call whose caller's event loop is gone (its answer is dropped).
_ORPHAN = object()
_HEADER = struct.Struct("!Q")  # the length of each pickled call or answer on the pipes
# Capacity asked for a worker's request pipe (Linux lets any process ask up to 1 MiB).
PIPE_BYTES = 1 << 20


class _Worker:
    """A worker process and the parent's ends of its two pipes (non-blocking)."""

    def __init__(self, process, send_fd: int, recv_fd: int):
        self.process = process
        self.send_fd = send_fd
        self.recv_fd = recv_fd
        self.task: _Task | object | None = None
        self.outbox = memoryview(b"")
        self.inbox = bytearray()


def _serve(requests: int, answers: int, parent: int, inherited: list[int]) -> None:
    """A worker's life: read a call, run it, write its answer, until the pipe closes."""
    for fd in inherited:  # the other workers' pipes: their ends must close with the parent
        with contextlib.suppress(OSError):
            os.close(fd)
    _exit_with_parent(parent)
    reader = os.fdopen(requests, "rb")
    writer = os.fdopen(answers, "wb")
    while True:
        header = reader.read(_HEADER.size)
        if len(header) < _HEADER.size:
            os._exit(0)  # the pool closed
        size = _HEADER.unpack(header)[0]
        body = reader.read(size)
        if len(body) < size:
            os._exit(0)  # the pool closed while sending
        fn, args = pickle.loads(body)
        try:
            answer = (True, fn(*args))
        except BaseException as exc:  # the caller gets it, as from a call in-process
            answer = (False, exc)
        try:
            data = pickle.dumps(answer, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            data = pickle.dumps((False, RuntimeError(f"unpicklable answer: {exc!r}")))
        writer.write(_HEADER.pack(len(data)))
        writer.write(data)
        writer.flush()


class CpuPool:
    """Runs plain functions (picklable, module-level) in worker processes and awaits them.

    Each worker has a pipe in and a pipe out, written and read by the event loop itself
    (non-blocking, the loop's readers and writers): a call costs the crawl process one
    pickle and two pipe operations, where concurrent.futures' pool (measured on the
    pipeline bench) spent ~0.3 ms of CPU per call in its two hand-off threads.
    """

    def __init__(self, workers: int, warm_ups: Iterable[Callable[[], object]] = ()):
        self.workers = max(0, workers)
        self.closed = False
        self._procs: list[_Worker] = []
        self._queue: deque[_Task] = deque()
        self._loop: asyncio.AbstractEventLoop | None = None
        if self.workers:
            warm_before_fork(warm_ups)
            # fork: workers start in milliseconds with every module imported and every
            # model loaded (warm_before_fork). The pool is built while the crawler is
            # being set up, before any thread is started.
            for _ in range(self.workers):
                self._procs.append(self._spawn())

    def _spawn(self) -> _Worker:
        req_r, req_w = os.pipe()
        ans_r, ans_w = os.pipe()
        inherited = [fd for w in self._procs for fd in (w.send_fd, w.recv_fd)] + [req_w, ans_r]
        process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(req_r, ans_w, os.getpid(), inherited), daemon=True
        )
        process.start()
        os.close(req_r)
        os.close(ans_w)
        os.set_blocking(req_w, False)
        os.set_blocking(ans_r, False)
        # A page's HTML in one write, not 64 KiB per turn of the loop (Linux only).
        with contextlib.suppress(AttributeError, OSError):
            fcntl.fcntl(req_w, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        worker = _Worker(process, req_w, ans_r)
        if self._loop is not None:
            self._loop.add_reader(ans_r, self._readable, worker)
        return worker

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
        if self.closed or not self.workers:
            return fn(*args)
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._attach(loop)
        future = loop.create_future()
        self._queue.append(_Task(pickle.dumps((fn, args), pickle.HIGHEST_PROTOCOL), future))
        self._dispatch()
        return await future

    def _attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """Read the workers' answers on `loop` (a pool may outlive an event loop: tests,
        scripts calling asyncio.run more than once); calls of the old loop are dropped."""
        old, self._loop = self._loop, loop
        self._queue.clear()
        for worker in self._procs:
            if old is not None and not old.is_closed():
                old.remove_reader(worker.recv_fd)
                old.remove_writer(worker.send_fd)
            if worker.task is not None:
                worker.task = _ORPHAN
            loop.add_reader(worker.recv_fd, self._readable, worker)
            if worker.outbox:
                loop.add_writer(worker.send_fd, self._write, worker)

    def _dispatch(self) -> None:
        for worker in self._procs:
            if not self._queue:
                return
            if worker.task is not None:
                continue
            task = self._queue.popleft()
            while task.future.done():  # its caller was cancelled
                if not self._queue:
                    return
                task = self._queue.popleft()
            worker.task = task
            worker.outbox = memoryview(_HEADER.pack(len(task.payload)) + task.payload)
            self._write(worker)

    def _write(self, worker: _Worker) -> None:
        try:
            sent = os.write(worker.send_fd, worker.outbox)
        except BlockingIOError:
            sent = 0
        except OSError:  # the worker is gone: its answer pipe's end says so (_readable)
            sent = len(worker.outbox)
        worker.outbox = worker.outbox[sent:]
        if worker.outbox:
            self._loop.add_writer(worker.send_fd, self._write, worker)
        else:
            self._loop.remove_writer(worker.send_fd)

    def _readable(self, worker: _Worker) -> None:
        try:
            # What an answer pipe holds (64 KiB): a larger buffer costs an allocation of
            # its size on every read (~15 µs for 1 MiB).
            data = os.read(worker.recv_fd, 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._died(worker)
            return
        inbox = worker.inbox
        inbox += data
        while len(inbox) >= _HEADER.size:
            size = _HEADER.unpack_from(inbox)[0]
            if len(inbox) < _HEADER.size + size:
                break
            body = bytes(inbox[_HEADER.size : _HEADER.size + size])
            del inbox[: _HEADER.size + size]
            task, worker.task = worker.task, None
            if isinstance(task, _Task) and not task.future.done():
                try:
                    ok, value = pickle.loads(body)
                except Exception as exc:
                    ok, value = False, RuntimeError(f"unreadable answer from a worker: {exc!r}")
                if ok:
                    task.future.set_result(value)
                else:
                    task.future.set_exception(value)
        self._dispatch()

    def _died(self, worker: _Worker) -> None:
        """A worker died (killed, out of memory, a crash in a C extension): a fresh one
        takes its place, and its call once more."""
        self._loop.remove_reader(worker.recv_fd)
        self._loop.remove_writer(worker.send_fd)
        os.close(worker.recv_fd)
        os.close(worker.send_fd)
        worker.process.join(timeout=5)
        log.warning("a CPU worker process died; starting a new one")
        self._procs.remove(worker)  # before the fork: its closed fds may be reused
        self._procs.append(self._spawn())
        task = worker.task
        if isinstance(task, _Task) and not task.future.done():
            if task.retried:
                task.future.set_exception(
                    BrokenProcessPool("a CPU worker process died running this call, twice")
                )
            else:
                task.retried = True
                self._queue.appendleft(task)
        self._dispatch()

    def close(self) -> None:
        """Stop the workers (each ends after its current call); pending calls are
        cancelled."""
        self.closed = True
        loop, self._loop = self._loop, None
        for worker in self._procs:
            if loop is not None and not loop.is_closed():
                loop.remove_reader(worker.recv_fd)
                loop.remove_writer(worker.send_fd)
            os.close(worker.send_fd)
            os.close(worker.recv_fd)
            if isinstance(worker.task, _Task):
                worker.task.future.cancel()
        for task in self._queue:
            task.future.cancel()
        self._queue.clear()
        self._procs = []


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
