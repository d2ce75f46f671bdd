"""`troopwatch run`: the daemon. Scheduled crawls, the alert sweep and the spool drain.

- One crawl job per enabled source (`crawl:<source id>`), polling four times per
  `interval_minutes` of the catalogue with jitter, `max_instances=1` and `coalesce`; a
  poll crawls only when this node claims the source's current interval slot in the
  `tasks` index (troopwatch/fleet.py: one crawl per slot across all daemons on the
  cluster, leases renewed by the `fleet:heartbeat` job, expired ones taken over). Each run is a separate process
  (`python -m troopwatch.cli crawl SPIDER --source ID`, its own process group) so a
  crash, a leak or a hang in one crawl never touches the daemon; it is killed after
  TROOPWATCH_CRAWL_TIMEOUT seconds (SIGTERM to the group, then SIGKILL), and a failure is
  recorded in the runs index (merged into the record the crawl's RunRecorder wrote).
- The alert sweep (`alerts:sweep`) every TROOPWATCH_SWEEP_SECONDS (schedules.alerts),
  and once more right after every crawl, so an alert waits for the crawl, not the tick.
- The spool drain (`spool:drain`): articles and run records kept while Elasticsearch
  was down are written when it is back.

The jobs live in APScheduler's MemoryJobStore and are rebuilt from the catalogue at every
start; all a restart needs from before is each job's next run time, which the daemon
keeps in `schedule.json` under the var directory (written atomically whenever it
changes, read by `troopwatch status`). A job whose definition is unchanged resumes at
its saved time; a run that fell due while the daemon was down happens once (coalesced)
right after start. Jobs of sources removed from the catalogue are dropped at start and
on SIGHUP (which re-reads the catalogue). A damaged `schedule.json` is moved aside and
the schedule starts afresh.

SIGTERM / SIGINT stop the daemon cleanly: no new runs, running crawls are terminated
(SIGTERM to the group, SIGKILL after TROOPWATCH_CRAWL_KILL_GRACE), a sweep in progress
finishes the channel it is sending to. After a SIGKILL, the next start stops the crawl
processes the dead daemon left behind (`crawls-running.json`) and records them.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import random
import signal
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger
from elasticsearch import Elasticsearch
from scrapy.settings import Settings

from crawler.extensions import RunStore, runs_spool
from schedules.alerts import (
    ES_ERRORS,
    AlertPolicy,
    AlertSweeper,
    DigestSchedule,
    kibana_links_for,
)
from troopwatch.config import crawl_environment, number_setting
from troopwatch.dates import iso, utcnow
from troopwatch.es.indices import Indices
from troopwatch.files import atomic_write_json
from troopwatch.fleet import (
    DONE,
    FAILED,
    GDELT_TASK,
    INTERRUPTED,
    POLLS_PER_INTERVAL,
    QUEUED,
    EsClock,
    Lease,
    NodeRegistry,
    TaskBoard,
    node_id,
    slot_for,
)
from troopwatch.paths import PROJECT_ROOT, var_dir
from troopwatch.redact import redact_text

log = logging.getLogger(__name__)

SWEEP_JOB = "alerts:sweep"
HEARTBEAT_JOB = "fleet:heartbeat"
CLAIM_DEFER_SECONDS = 0.3  # per crawl this node runs already
SPOOL_JOB = "spool:drain"
CRAWL_PREFIX = "crawl:"
SCHEDULE_FILE = "schedule.json"
RUNNING_FILE = "crawls-running.json"
LOCK_FILE = "daemon.lock"


# -- the saved schedule ----------------------------------------------------------------


def _quarantine(path: Path, what: str, exc: object, consequence: str) -> Path:
    """Move damaged state aside (kept for a post-mortem, never deleted) and say so."""
    aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%dT%H%M%S')}")
    path.rename(aside)
    log.error("%s %s is damaged (%s): moved to %s; %s", what, path, exc, aside, consequence)
    return aside


def _job_key(job: Job) -> list:
    """What defines a scheduled job, as JSON: a saved next run time applies only to a job
    defined the same way (same function, arguments, interval, jitter and executor)."""
    trigger = job.trigger
    if not isinstance(trigger, IntervalTrigger):
        return [job.func_ref, list(job.args), None, None, job.executor]
    seconds = trigger.interval.total_seconds()
    return [job.func_ref, list(job.args), seconds, trigger.jitter or None, job.executor]


def _parse_schedule(raw: bytes) -> list[dict]:
    """The jobs of a schedule file; ValueError when it is not what the daemon writes."""
    data = json.loads(raw)  # not UTF-8 or not JSON: a ValueError too
    jobs = data.get("jobs") if isinstance(data, dict) else None
    if not isinstance(jobs, list):
        raise ValueError("no list of jobs")
    for job in jobs:
        if not isinstance(job, dict) or not isinstance(job.get("id"), str):
            raise ValueError(f"not a job: {str(job)[:80]}")
        when = job.get("next_run_time")
        if when is not None and (not isinstance(when, str) or _utc(when) is None):
            raise ValueError(f"job {job['id']}: next_run_time {when!r} is not a time")
    return jobs


def _utc(text: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else None


def load_saved_schedule(path: Path) -> dict[str, dict]:
    """Saved jobs by id, for the start; a damaged file is moved aside ({} then)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        log.error("cannot read %s (%s): the schedule starts afresh", path, exc)
        return {}
    try:
        return {job["id"]: job for job in _parse_schedule(raw)}
    except ValueError as exc:
        _quarantine(path, "schedule", exc, "the schedule starts afresh from the catalogue")
        return {}


def read_schedule(path: str | Path | None = None) -> list[dict]:
    """The saved schedule, soonest first, for `status` (also while no daemon runs).
    Raises OSError or ValueError when the file cannot be read."""
    path = Path(path) if path else var_dir() / SCHEDULE_FILE
    try:
        jobs = _parse_schedule(path.read_bytes())
    except FileNotFoundError:
        return []
    rows = [{k: job.get(k) for k in ("id", "name", "trigger", "next_run_time")} for job in jobs]
    return sorted(rows, key=lambda r: (r["next_run_time"] is None, r["next_run_time"] or ""))


def daemon_pid(directory: str | Path | None = None) -> int | None:
    """The pid of the daemon holding the var directory's lock, or None when none runs."""
    path = Path(directory or var_dir()) / LOCK_FILE
    if not path.exists():
        return None
    with path.open("r") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = fh.read().strip()
            return int(text) if text.isdigit() else -1
        fcntl.flock(fh, fcntl.LOCK_UN)
    return None


# -- configuration -------------------------------------------------------------------


@dataclass(frozen=True)
class DaemonConfig:
    sweep_seconds: float = 60.0
    spool_seconds: float = 300.0
    crawl_timeout: float = 1200.0
    kill_grace: float = 15.0
    interval_override: float = 0.0  # seconds; 0 = the catalogue's interval_minutes
    jitter: float = -1.0  # seconds; < 0 = 10 % of the interval, at most 5 minutes
    max_parallel_crawls: int = 2
    first_crawl_spread: float = 30.0  # new crawl jobs first run within this many seconds
    task_lease: float = 60.0  # seconds a crawl task stays ours without a heartbeat
    heartbeat: float = 0.0  # seconds; 0 = a quarter of the task lease
    backfill_retries: int = 2  # a failed backfill task is run again this many times
    backfill_retry_delay: float = 60.0  # seconds before it is

    @classmethod
    def from_settings(cls, settings: Any) -> DaemonConfig:
        return cls(
            sweep_seconds=number_setting(settings, "TROOPWATCH_SWEEP_SECONDS", 60),
            spool_seconds=number_setting(settings, "TROOPWATCH_SPOOL_DRAIN_SECONDS", 300),
            crawl_timeout=number_setting(settings, "TROOPWATCH_CRAWL_TIMEOUT", 1200),
            kill_grace=number_setting(settings, "TROOPWATCH_CRAWL_KILL_GRACE", 15),
            interval_override=number_setting(settings, "TROOPWATCH_CRAWL_INTERVAL_SECONDS", 0),
            jitter=number_setting(settings, "TROOPWATCH_CRAWL_JITTER_SECONDS", -1),
            max_parallel_crawls=int(number_setting(settings, "TROOPWATCH_MAX_PARALLEL_CRAWLS", 2)),
            first_crawl_spread=number_setting(settings, "TROOPWATCH_FIRST_CRAWL_SPREAD", 30),
            task_lease=number_setting(settings, "TROOPWATCH_TASK_LEASE_SECONDS", 60),
            heartbeat=number_setting(settings, "TROOPWATCH_HEARTBEAT_SECONDS", 0),
            backfill_retries=int(number_setting(settings, "TROOPWATCH_BACKFILL_RETRIES", 2)),
            backfill_retry_delay=number_setting(settings, "TROOPWATCH_BACKFILL_RETRY_SECONDS", 60),
        )

    def heartbeat_seconds(self) -> float:
        return self.heartbeat or max(self.task_lease / 4, 0.5)

    def crawl_interval(self, interval_minutes: int) -> float:
        return self.interval_override or max(interval_minutes, 1) * 60.0

    def crawl_jitter(self, interval: float) -> float:
        return self.jitter if self.jitter >= 0 else min(interval * 0.1, 300.0)


@dataclass(frozen=True)
class JobSpec:
    id: str
    name: str
    func: str  # textual reference: the job store pickles references, not objects
    args: tuple
    seconds: float
    jitter: float | None
    executor: str
    first_run: datetime
    every: float = 0.0  # what the log says: a crawl's interval (its job only polls)

    def trigger(self) -> IntervalTrigger:
        return IntervalTrigger(seconds=self.seconds, jitter=self.jitter or None, timezone=UTC)

    def key(self) -> list:
        """As `_job_key` of the job this spec makes."""
        seconds = timedelta(seconds=self.seconds).total_seconds()
        return [self.func, list(self.args), seconds, self.jitter or None, self.executor]

    def matches(self, job: Job) -> bool:
        return _job_key(job) == self.key()


# -- the daemon ----------------------------------------------------------------------

_current: Daemon | None = None


def _daemon() -> Daemon:
    if _current is None:
        raise RuntimeError("no troopwatch daemon is running in this process")
    return _current


def crawl_job(source_id: str, spider: str, interval: float = 0.0) -> None:
    _daemon().run_crawl(source_id, spider, interval)


def heartbeat_job() -> None:
    _daemon().heartbeat()


def sweep_job() -> None:
    _daemon().sweep()


def spool_job() -> None:
    _daemon().drain_spool()


class Daemon:
    def __init__(self, settings: Settings, config: DaemonConfig | None = None):
        self.settings = settings
        self.config = config or DaemonConfig.from_settings(settings)
        self.var = var_dir()
        self.stop_event = threading.Event()
        self._procs: dict[str, subprocess.Popen] = {}
        self._procs_lock = threading.RLock()  # the signal handler may re-enter
        self._sweep_lock = threading.Lock()
        # Crawls in progress, also on disk: a daemon killed with SIGKILL leaves its crawl
        # processes running (they have their own sessions); the next start stops them.
        self._running: dict[str, dict] = {}
        self.reload_event = threading.Event()
        self._lock_file = None
        self.es: Elasticsearch | None = None
        self.es_description = "Elasticsearch"
        self._own_local_es = None
        self.indices: Indices | None = None
        self.sweeper: AlertSweeper | None = None
        self.scheduler: BackgroundScheduler | None = None
        self._saved: dict[str, dict] = {}  # the previous daemon's schedule, until resumed
        self._last_saved: list[dict] | None = None
        # The fleet: this node's name, its leases on crawl tasks, its heartbeat.
        self.node = node_id()
        self.board: TaskBoard | None = None
        self.registry: NodeRegistry | None = None
        self._sources: dict[str, tuple[str, float]] = {}  # source -> (spider, interval)
        self._attempted: dict[str, int] = {}  # source -> the last slot this node tried
        self._busy: set[str] = set()  # sources crawling (or about to) on this node
        self._adopters: list[threading.Thread] = []

    @property
    def stopping(self) -> bool:
        return self.stop_event.is_set()

    # -- start-up ------------------------------------------------------------------

    def _acquire_lock(self) -> bool:
        self.var.mkdir(parents=True, exist_ok=True)
        fh = (self.var / LOCK_FILE).open("a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            other = fh.read().strip() or "?"
            fh.close()
            print(
                f"troopwatch: another daemon (pid {other}) is running with {self.var}",
                file=sys.stderr,
            )
            return False
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._lock_file = fh
        return True

    def _connect(self) -> None:
        from troopwatch.es.indices import setup_indices
        from troopwatch.paths import SEEDS_DIR
        from troopwatch.runtime import connect, es_config, local_es
        from troopwatch.seeds import load_seeds

        config = es_config(self.settings)
        self.es_description = f"Elasticsearch at {config.describe()}"
        if config.is_local and local_es(config).health() is None:
            # Started by us, so stopped by us (one started by `es start` is left alone).
            self._own_local_es = local_es(config)
        self.es = connect(config, start_local=True)
        self.indices = Indices(config.prefix)
        for action in setup_indices(self.es, config.prefix):
            log.info("indices: %s", action)
        # First run only (idempotent anyway): the seeds are the baseline of known figures.
        expected = len(list(SEEDS_DIR.glob("*.txt")))
        have = self.es.count(index=self.indices.articles, query={"term": {"is_seed": True}})
        if have["count"] < expected:
            result = load_seeds(self.es, self.indices)
            log.info("seeds: %d seed articles indexed", result.indexed)

    def _job_specs(self) -> list[JobSpec]:
        from scrapy.spiderloader import get_spider_loader

        from crawler.sources import load_sources
        from troopwatch.crawl import spider_for_kind

        now = datetime.now(UTC)
        spiders = spider_for_kind(get_spider_loader(self.settings))
        specs = []
        for source in load_sources(self.settings.get("TROOPWATCH_SOURCES")):
            if not source.enabled:
                continue
            spider = spiders.get(source.kind)
            if spider is None:
                log.warning("source %s: no spider crawls kind %r; skipped", source.id, source.kind)
                continue
            interval = self.config.crawl_interval(source.interval_minutes)
            # The job polls several times per interval; the task index lets the first
            # node of the fleet to poll in each slot of the interval run it (fleet.py).
            poll = interval / POLLS_PER_INTERVAL
            spread = min(self.config.first_crawl_spread, poll)
            specs.append(
                JobSpec(
                    id=f"{CRAWL_PREFIX}{source.id}",
                    name=f"crawl {source.id} ({spider})",
                    func="schedules.daemon:crawl_job",
                    args=(source.id, spider, interval),
                    seconds=poll,
                    jitter=self.config.crawl_jitter(poll),
                    executor="crawls",
                    first_run=now + timedelta(seconds=random.uniform(0, spread)),
                    every=interval,
                )
            )
        specs.append(
            JobSpec(
                id=SWEEP_JOB,
                name="alert sweep",
                func="schedules.daemon:sweep_job",
                args=(),
                seconds=self.config.sweep_seconds,
                jitter=None,
                executor="default",
                first_run=now,
            )
        )
        specs.append(
            JobSpec(
                id=HEARTBEAT_JOB,
                name="fleet heartbeat",
                func="schedules.daemon:heartbeat_job",
                args=(),
                seconds=self.config.heartbeat_seconds(),
                jitter=None,
                # Its own thread: queued behind a long alert sweep or a spool drain, the
                # renewal came late, the lease expired and another node crawled the slot too.
                executor="heartbeat",
                first_run=now,
            )
        )
        specs.append(
            JobSpec(
                id=SPOOL_JOB,
                name="spool drain",
                func="schedules.daemon:spool_job",
                args=(),
                seconds=self.config.spool_seconds,
                jitter=None,
                executor="default",
                first_run=now + timedelta(seconds=min(10.0, self.config.spool_seconds)),
            )
        )
        return specs

    def _sync_jobs(self, specs: list[JobSpec]) -> None:
        """Make the stored jobs match the catalogue, keeping next run times of unchanged jobs."""
        wanted = {spec.id: spec for spec in specs}
        self._sources = {
            spec.args[0]: (spec.args[1], spec.every)
            for spec in specs
            if spec.id.startswith(CRAWL_PREFIX)
        }
        for job in self.scheduler.get_jobs():
            if job.id not in wanted:
                log.info("schedule: removing %s (no longer in the catalogue)", job.id)
                self.scheduler.remove_job(job.id)
        for spec in specs:
            options = {
                "name": spec.name,
                "max_instances": 1,  # never two runs of the same job at once
                "coalesce": True,  # missed runs (downtime, busy pool) collapse into one
                # A run late by less than one interval still happens; later than that the
                # next regular run is as good.
                "misfire_grace_time": max(int(spec.seconds), 1),
            }
            job = self.scheduler.get_job(spec.id)
            if job is not None and spec.matches(job):
                job.modify(**options)
                continue
            saved = self._saved.pop(spec.id, None)
            resume = saved and saved.get("key") == spec.key() and saved.get("next_run_time")
            self.scheduler.add_job(
                spec.func,
                trigger=spec.trigger(),
                id=spec.id,
                args=spec.args,
                executor=spec.executor,
                replace_existing=True,
                next_run_time=_utc(resume) if resume else spec.first_run,
                **options,
            )
            if resume:
                log.info("schedule: %s resumes, next run %s", spec.id, resume)
            else:
                log.info(
                    "schedule: %s every %.0f s, first run %s",
                    spec.id,
                    spec.every or spec.seconds,
                    iso(spec.first_run),
                )
        self._save_schedule()

    def _save_schedule(self) -> None:
        """Write `schedule.json` when a next run time or a job changed (each main-loop tick,
        after a catalogue sync, at shutdown); a failed write is retried on the next tick."""
        jobs = [
            {
                "id": job.id,
                "name": job.name,
                "trigger": str(job.trigger),
                "next_run_time": iso(job.next_run_time) if job.next_run_time else None,
                "key": _job_key(job),
            }
            for job in self.scheduler.get_jobs()
        ]
        if jobs == self._last_saved:
            return
        try:
            atomic_write_json(self.var / SCHEDULE_FILE, {"jobs": jobs})
        except OSError as exc:
            log.warning("cannot save the schedule to %s: %s", self.var / SCHEDULE_FILE, exc)
            return
        self._last_saved = jobs

    def _on_job_event(self, event: JobExecutionEvent) -> None:
        if event.code == EVENT_JOB_MISSED:
            log.warning("job %s missed its run at %s", event.job_id, iso(event.scheduled_run_time))
        elif event.code == EVENT_JOB_ERROR:
            log.error("job %s failed: %r", event.job_id, event.exception)

    # -- run -----------------------------------------------------------------------

    def run(self) -> int:
        from crawler.sources import CatalogueError
        from schedules.notifiers import ConfigError, notifiers_from_env

        global _current
        if not self._acquire_lock():
            return 1
        try:
            try:
                notifiers = notifiers_from_env()
                schedule = DigestSchedule.from_env()
            except ConfigError as exc:
                print(f"troopwatch: alert configuration: {exc}", file=sys.stderr)
                return 2
            if not notifiers:
                log.warning(
                    "no alert channel configured (TROOPWATCH_SMTP_HOST, "
                    "TROOPWATCH_SLACK_WEBHOOK_URL): new claims are recorded, not sent"
                )
            self._connect()
            try:
                specs = self._job_specs()
            except CatalogueError as exc:
                print(f"troopwatch: {exc}", file=sys.stderr)
                return 2
            prefix = self.indices.prefix
            self.sweeper = AlertSweeper(
                self.es,
                self.indices,
                notifiers,
                self.var / "alerts" / prefix,
                AlertPolicy.from_settings(self.settings),
                should_stop=lambda: self.stopping,
                describe=self.es_description,
                schedule=schedule,
                kibana=kibana_links_for(self.indices),
            )
            clock = EsClock(self.es)
            self.board = TaskBoard(
                self.es, self.indices, self.node, self.config.task_lease, clock=clock
            )
            self.registry = NodeRegistry(
                self.es, self.indices, self.node, clock, self.config.task_lease
            )
            _current = self
            self._install_signals()
            self._reap_orphans()
            self._saved = load_saved_schedule(self.var / SCHEDULE_FILE)
            self.scheduler = BackgroundScheduler(
                executors={
                    "default": ThreadPoolExecutor(2),
                    "heartbeat": ThreadPoolExecutor(1),
                    "crawls": ThreadPoolExecutor(max(self.config.max_parallel_crawls, 1)),
                },
                timezone=UTC,
            )
            self.scheduler.add_listener(self._on_job_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
            self.scheduler.start(paused=True)
            self._sync_jobs(specs)
            self.scheduler.resume()
            log.info(
                "troopwatch daemon running (pid %d, node %s): %d crawl job(s), alert sweep "
                "every %.0f s to %s",
                os.getpid(),
                self.node,
                sum(1 for s in specs if s.id.startswith(CRAWL_PREFIX)),
                self.config.sweep_seconds,
                ", ".join(notifiers) or "no channel",
            )
            while not self.stop_event.wait(1.0):
                if self.reload_event.is_set():
                    self.reload_event.clear()
                    self._reload()
                wake_stalled_jobs(self.scheduler)
                self._save_schedule()
            self._shutdown()
            return 0
        finally:
            _current = None
            if self._lock_file is not None:
                self._lock_file.close()
                self._lock_file = None

    def _install_signals(self) -> None:
        def handle(signum, _frame):
            if self.stop_event.is_set():
                # A second signal: do not wait for anything.
                log.warning(
                    "second %s: killing crawls and exiting now", signal.Signals(signum).name
                )
                self._kill_crawls(grace=0)
                os._exit(1)
            log.info("%s received: shutting down", signal.Signals(signum).name)
            self.stop_event.set()

        signal.signal(signal.SIGTERM, handle)
        signal.signal(signal.SIGINT, handle)
        # `systemctl reload`: re-read the source catalogue without stopping anything.
        signal.signal(signal.SIGHUP, lambda _s, _f: self.reload_event.set())

    def _reload(self) -> None:
        from crawler.sources import CatalogueError

        log.info("SIGHUP: reloading the source catalogue")
        try:
            self._sync_jobs(self._job_specs())
        except CatalogueError as exc:
            log.error("catalogue not reloaded, the schedule is unchanged: %s", exc)

    def _shutdown(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.pause()  # no new runs from here on
            self._save_schedule()
        self._kill_crawls(grace=self.config.kill_grace)
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=True)  # a sweep in progress finishes its channel
        for thread in self._adopters:
            thread.join(timeout=self.config.kill_grace + 10)
        if self.registry is not None:
            with contextlib.suppress(*ES_ERRORS):
                self.registry.beat(
                    [], len(self._sources), self.config.max_parallel_crawls, "stopped"
                )
        if self._own_local_es is not None:
            log.info("stopping the local Elasticsearch the daemon started")
            self._own_local_es.stop()
        log.info("troopwatch daemon stopped")

    # -- crawls --------------------------------------------------------------------

    @property
    def _running_path(self) -> Path:
        return self.var / RUNNING_FILE

    def _save_running(self) -> None:
        atomic_write_json(self._running_path, self._running)

    def _read_running(self) -> dict[str, dict]:
        """The crawls a previous daemon recorded as running; {} when there is no such file,
        and the file quarantined when it is not what this daemon writes."""
        try:
            text = self._running_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.error(
                "cannot read %s (%s): orphaned crawls are not stopped", self._running_path, exc
            )
            return {}
        try:
            left = json.loads(text)
            problem = None if isinstance(left, dict) else f"a JSON {type(left).__name__}"
        except ValueError as exc:
            left, problem = None, f"not JSON: {exc}"
        if problem is None and not all(isinstance(v, dict) for v in left.values()):
            problem = "entries are not objects"
        if problem is not None:
            _quarantine(
                self._running_path,
                "running-crawls file",
                problem,
                "crawls a killed daemon left running (if any) are not stopped: look for "
                "'troopwatch.cli crawl' processes",
            )
            return {}
        return left

    def _reap_orphans(self) -> None:
        """Stop crawls a previous daemon left running (it was killed, not stopped)."""
        left = self._read_running()
        for run_id, info in left.items():
            try:
                pid = int(info.get("pid"))
            except (TypeError, ValueError):
                log.warning("%s: entry %s has no pid; ignored", self._running_path, run_id)
                continue
            if pid <= 1:
                continue
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue  # finished on its own: its RunRecorder has the record
            if b"troopwatch.cli" not in cmdline or b"crawl" not in cmdline:
                continue  # the pid was reused by something else
            log.warning(
                "crawl %s (pid %d) was left running by a daemon that did not stop cleanly: "
                "stopping it",
                info.get("source"),
                pid,
            )
            _kill_group(pid, self.config.kill_grace)
            self._record_run(
                {
                    "run_id": run_id,
                    "source": [info.get("source")],
                    "spider": info.get("spider"),
                    "status": "interrupted",
                    "started_at": info.get("started_at"),
                    "finished_at": iso(utcnow()),
                    "error_messages": ["crawl process orphaned by a killed daemon; stopped"],
                    "_increment": {"errors": 1},
                    "node": info.get("node"),
                    "task": info.get("task"),
                }
            )
            if info.get("task") and info.get("node"):
                # Another node (or this one) may run that slot again straight away.
                with contextlib.suppress(*ES_ERRORS):
                    self.board.release(
                        info["task"], info["node"], INTERRUPTED, "crawl orphaned by a killed daemon"
                    )
        self._running = {}
        self._save_running()

    def _kill_crawls(self, grace: float) -> None:
        with self._procs_lock:
            procs = list(self._procs.values())
        for proc in procs:
            _signal_group(proc, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(deadline - time.monotonic(), 0))
            if proc.poll() is None:
                _signal_group(proc, signal.SIGKILL)
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)

    def run_crawl(self, source_id: str, spider: str, interval: float = 0.0) -> None:
        """A poll of one source: claim its current slot in the task index and crawl it, or
        leave it to the node that has it."""
        if self.stopping:
            return
        interval = interval or self.config.crawl_interval(60)
        slot = slot_for(source_id, interval, self.board.clock.now())
        with self._procs_lock:
            if self._attempted.get(source_id) == slot.number or source_id in self._busy:
                return  # this node tried this slot already (or still crawls the last)
            self._attempted[source_id] = slot.number
            load = len(self._busy)
            self._busy.add(source_id)
        try:
            if load:
                # A node already crawling lets idle nodes of the fleet claim first.
                self.stop_event.wait(min(CLAIM_DEFER_SECONDS * load, interval / 16))
            run_id = _run_id(source_id)
            try:
                lease = self.board.claim(slot, run_id)
            except ES_ERRORS as exc:
                # Availability first: crawl anyway (articles are spooled); with a fleet each
                # node may crawl this slot once then, and the duplicates are dropped later.
                log.warning(
                    "crawl %s: %s is unavailable (%s): crawling without a lease",
                    source_id,
                    self.es_description,
                    str(exc).splitlines()[0][:200],
                )
                lease = None
            else:
                if lease is None:
                    log.debug("crawl %s slot %d is another node's", source_id, slot.number)
                    return
            self._execute(source_id, spider, run_id, lease)
        finally:
            with self._procs_lock:
                self._busy.discard(source_id)

    def _adopt(self, hit: dict) -> None:
        """Run a task whose holder stopped renewing its lease (died, or was cut off)."""
        source_id = hit["_source"]["source"]
        try:
            spider, _interval = self._sources[source_id]
            run_id = _run_id(source_id)
            try:
                lease = self.board.take_over(hit["_id"], hit, run_id)
            except ES_ERRORS as exc:
                log.warning("fleet: cannot take over %s (%s)", hit["_id"], _short(exc))
                return
            if lease is not None and not self.stopping:
                self._execute(source_id, spider, run_id, lease)
            elif lease is not None:
                self._settle(lease, INTERRUPTED, "stopped with the daemon")
        finally:
            with self._procs_lock:
                self._busy.discard(source_id)

    def heartbeat(self) -> None:
        """Renew this node's leases, say it is alive, and take over expired tasks."""
        if self.stopping or self.board is None:
            return
        try:
            for lease in self.board.held():
                if not self.board.renew(lease):
                    log.error(
                        "fleet: lease on %s lost (another node took it over): stopping our crawl",
                        lease.task_id,
                    )
                    self._stop_task(lease.task_id)
            with self._procs_lock:
                running = [info.get("task") for info in self._running.values() if info.get("task")]
                free = self.config.max_parallel_crawls - len(self._busy)
            self.registry.beat(running, len(self._sources), self.config.max_parallel_crawls)
            self.board.abandon_stale()
            if free <= 0:
                return  # busy: leave expired tasks to the other nodes
            for hit in self.board.expired(self._sources):
                source_id = hit["_source"]["source"]
                with self._procs_lock:
                    if free <= 0 or self.stopping or source_id in self._busy:
                        continue
                    self._busy.add(source_id)
                    free -= 1
                thread = threading.Thread(
                    target=self._adopt, args=(hit,), name=f"adopt-{source_id}", daemon=True
                )
                self._adopters = [t for t in self._adopters if t.is_alive()] + [thread]
                thread.start()
            if free > 0 and not self.stopping:
                self._start_backfill()
        except ES_ERRORS as exc:
            log.warning("fleet: heartbeat failed: %s", _short(exc))

    def _start_backfill(self) -> None:
        """Take one queued backfill task, if any (called with a free crawl slot)."""
        with self._procs_lock:
            self._busy.add("backfill:claiming")
            # One GDELT window at a time per node: the API asks for one request every
            # few seconds, and each crawl process would keep its own pace.
            skip = [GDELT_TASK] if any(b.startswith("backfill-gdelt") for b in self._busy) else []
        try:
            lease = self.board.claim_backfill(skip_tasks=skip)
        finally:
            with self._procs_lock:
                self._busy.discard("backfill:claiming")
        if lease is None:
            return
        # backfill-warc-<hash> or backfill-gdelt-<hash>: a crawl log of its own.
        label = lease.task_id.replace(":", "-")
        with self._procs_lock:
            self._busy.add(label)
        what = lease.doc.get("path") or (
            f"{lease.doc.get('window_start')} .. {lease.doc.get('window_end')}"
        )
        log.info("backfill: %s (%s) taken", lease.task_id, what)
        thread = threading.Thread(
            target=self._backfill, args=(lease, label), name=label, daemon=True
        )
        self._adopters = [t for t in self._adopters if t.is_alive()] + [thread]
        thread.start()

    def _stop_task(self, task_id: str) -> None:
        with self._procs_lock:
            procs = [
                self._procs[run_id]
                for run_id, info in self._running.items()
                if info.get("task") == task_id and run_id in self._procs
            ]
        for proc in procs:
            _signal_group(proc, signal.SIGTERM)

    def _settle(self, lease: Lease | None, status: str, error: str | None = None) -> None:
        if lease is None:
            return
        try:
            if status == FAILED:
                # A backfill task goes back to the queue (TROOPWATCH_BACKFILL_RETRIES).
                settled = self.board.fail(
                    lease,
                    error or "failed",
                    self.config.backfill_retries,
                    self.config.backfill_retry_delay,
                )
                if settled == QUEUED:
                    log.warning("backfill: %s failed (%s); queued again", lease.task_id, error)
                if settled is not None:
                    return
                log.warning("fleet: task %s was taken over before it was settled", lease.task_id)
            elif not self.board.finish(lease, status, error):
                log.warning("fleet: task %s was taken over before it was settled", lease.task_id)
        except ES_ERRORS as exc:
            # The lease expires on its own; another node may then run the slot again.
            log.warning("fleet: cannot settle task %s (%s)", lease.task_id, _short(exc))

    def _backfill(self, lease: Lease, label: str) -> None:
        """Crawl one WARC file or one GDELT time window of a backfill (`troopwatch backfill`)."""
        doc = lease.doc
        try:
            if doc.get("task") == GDELT_TASK:
                spider = "gdelt"
                args = [f"{k}={doc[k]}" for k in ("query", "startdatetime", "enddatetime")]
            else:
                spider, args = "warc", [f"paths={doc['path']}"]
            self._execute(label, spider, run_id=_run_id(label), lease=lease, args=args)
        finally:
            with self._procs_lock:
                self._busy.discard(label)

    def _execute(
        self,
        source_id: str,
        spider: str,
        run_id: str,
        lease: Lease | None,
        args: list[str] | None = None,
    ) -> None:
        started_at = utcnow()
        task = lease.task_id if lease else None
        logs = self.var / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log_path = logs / f"crawl-{source_id}.log"
        env = crawl_environment(TROOPWATCH_RUN_ID=run_id)  # no alert/Kibana secrets
        # The crawl must import this project whatever the daemon's working directory.
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
        )
        cmd = [sys.executable, "-m", "troopwatch.cli", "crawl", spider]
        # A catalogue source, or spider arguments (a backfill's file).
        cmd += [x for a in args for x in ("-a", a)] if args else ["--source", source_id]
        with self._procs_lock:
            if self.stopping:
                return
            with log_path.open("wb") as out:
                proc = subprocess.Popen(
                    cmd,
                    env=env,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,  # its own process group: killed as a whole
                )
            self._procs[run_id] = proc
            self._running[run_id] = {
                "pid": proc.pid,
                "source": source_id,
                "spider": spider,
                "started_at": iso(started_at),
                "task": task,
                "node": self.node,
            }
            self._save_running()
        log.info(
            "crawl %s (%s) started: run %s, pid %d, task %s",
            source_id,
            spider,
            run_id,
            proc.pid,
            task or "(none: no lease)",
        )
        timed_out = False
        try:
            proc.wait(timeout=self.config.crawl_timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            log.error("crawl %s exceeded %.0f s: stopping it", source_id, self.config.crawl_timeout)
            _signal_group(proc, signal.SIGTERM)
            try:
                proc.wait(timeout=self.config.kill_grace)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait()
        finally:
            with self._procs_lock:
                self._procs.pop(run_id, None)
                self._running.pop(run_id, None)
                self._save_running()
        rc = proc.returncode
        duration = (utcnow() - started_at).total_seconds()
        if rc == 0 and not timed_out:
            log.info("crawl %s finished in %.1f s (run %s)", source_id, duration, run_id)
            self._settle(lease, DONE)
            self._record_run({"run_id": run_id, "node": self.node, "task": task})
            # Sweep now rather than at the next tick: alert latency is then the feed's poll
            # interval plus the crawl, not plus up to one more sweep interval.
            self.sweep()
            return
        if timed_out:
            status, reason = "timeout", f"killed after {self.config.crawl_timeout:.0f} s"
        elif self.stopping:
            status, reason = "interrupted", "stopped with the daemon"
        else:
            status, reason = "failed", f"exited with status {rc}"
        tail = [redact_text(line) for line in _tail(log_path)]  # a traceback may quote secrets
        # The task keeps why (the crawl's last error line), for `troopwatch status`.
        said = [t for t in tail if t.startswith("troopwatch:")] or tail  # its one-line reason
        why = f"{reason}: {said[-1][:300]}" if said and status == "failed" else reason
        self._settle(lease, INTERRUPTED if status == "interrupted" else FAILED, why)
        log.error(
            "crawl %s %s (run %s); log %s: %s",
            source_id,
            reason,
            run_id,
            log_path,
            said[-1] if said else "(empty)",
        )
        self._record_run(
            {
                "run_id": run_id,
                "source": [source_id],
                "spider": spider,
                "status": status,
                "started_at": iso(started_at),
                "finished_at": iso(utcnow()),
                "duration_s": round(duration, 3),
                "error_messages": [f"crawl process {reason}", *tail],
                "_increment": {"errors": 1},
                "node": self.node,
                "task": task,
            }
        )

    def _run_store(self) -> RunStore:
        return RunStore(
            self.es,
            self.indices,
            runs_spool(self.settings.get("TROOPWATCH_SPOOL_DIR"), self.indices.prefix),
        )

    def _record_run(self, doc: dict) -> None:
        self._run_store().save(doc)

    # -- other jobs ----------------------------------------------------------------

    def sweep(self) -> None:
        if self.sweeper is None or self.stopping:
            return
        # The scheduled sweep and the one after each crawl never run at the same time.
        with self._sweep_lock:
            self.sweeper.sweep()

    def drain_spool(self) -> None:
        from troopwatch.es.writer import ArticleWriter, drain_articles
        from troopwatch.spool import Spool

        spool_dir = Path(self.settings.get("TROOPWATCH_SPOOL_DIR")) / self.indices.prefix
        articles = Spool(spool_dir)
        try:
            if articles.files():
                # With the spool: refused documents go to rejected/, early copies wait.
                written = drain_articles(ArticleWriter(self.es, self.indices, articles))
                if written:
                    log.info("spool: %d spooled articles written", written)
            runs = self._run_store().drain()
            if runs:
                log.info("spool: %d spooled crawl-run records written", runs)
        except ES_ERRORS as exc:
            log.warning(
                "spool: %s is unavailable (%s); %d articles keep waiting in %s",
                self.es_description,
                str(exc).splitlines()[0][:300],
                articles.pending(),
                spool_dir,
            )
        except OSError as exc:  # a full disk: what is spooled stays where it is
            log.error("spool: cannot drain %s (%s)", spool_dir, exc)


def _run_id(source_id: str) -> str:
    return f"{source_id}-{utcnow():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def wake_stalled_jobs(scheduler: BackgroundScheduler, now: datetime | None = None) -> list[str]:
    """Run now the interval jobs whose next run is further off than one interval.

    APScheduler plans on the wall clock: when it steps back (NTP, a VM restored), every
    next run moves that much into the future and the alert sweep would stall for as
    long. Called every second from the daemon's main loop (monotonic waits); the ids of
    the jobs woken.
    """
    now = now or datetime.now(UTC)
    woken = []
    for job in scheduler.get_jobs():
        trigger = job.trigger
        if job.next_run_time is None or not isinstance(trigger, IntervalTrigger):
            continue
        limit = trigger.interval.total_seconds() + (trigger.jitter or 0) + 5
        if (job.next_run_time - now).total_seconds() > limit:
            log.warning(
                "job %s was due in %.0f s, more than its interval: the clock stepped back? "
                "running it now",
                job.id,
                (job.next_run_time - now).total_seconds(),
            )
            scheduler.modify_job(job.id, next_run_time=now)
            woken.append(job.id)
    return woken


def _signal_group(proc: subprocess.Popen, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, sig)


def group_alive(pgid: int) -> bool:
    """Whether any live (non-zombie) process is in the group. An orphaned crawl's zombie
    waits for an init that may never reap it, so os.killpg(pgid, 0) alone is not proof."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # After the command name: state, ppid, pgrp.
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def _kill_group(pgid: int, grace: float) -> None:
    """SIGTERM a process group that is not our child, then SIGKILL what is left."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and group_alive(pgid):
            time.sleep(0.2)
        if group_alive(pgid):
            os.killpg(pgid, signal.SIGKILL)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and group_alive(pgid):
                time.sleep(0.1)


def _tail(path: Path, lines: int = 5, width: int = 500) -> list[str]:
    """The last lines of a crawl log, errors first: what goes in the run record."""
    try:
        with path.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            fh.seek(max(fh.tell() - 64 * 1024, 0))
            text = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return []
    rows = [r.strip() for r in text.splitlines() if r.strip()]
    errors = [r for r in rows if " ERROR " in r or r.startswith(("Traceback", "troopwatch:"))]
    picked = (errors[-lines:] + rows[-lines:]) if errors else rows[-lines:]
    seen: list[str] = []
    for row in picked:
        if row[:width] not in seen:
            seen.append(row[:width])
    return seen


def run_daemon(settings: Settings) -> int:
    """`troopwatch run`: blocks until SIGTERM or SIGINT; the exit code."""
    logging.getLogger("apscheduler.executors").setLevel(logging.WARNING)
    # ERROR: a poll skipped while that source's crawl still runs is normal (a missed run
    # is logged by the daemon's own listener).
    logging.getLogger("apscheduler.scheduler").setLevel(logging.ERROR)
    # While Elasticsearch is down each job says so in one line; the client's per-node
    # retry warnings would only repeat it.
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    return Daemon(settings).run()
