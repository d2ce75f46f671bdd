"""Many daemons, one cluster: who crawls what, decided by Elasticsearch.

Every `troopwatch run` is a *node* (`TROOPWATCH_NODE_ID`, default `<host>-<pid>`) with a
heartbeat document in the `nodes` index. Time is cut, per source, into slots of the
source's interval (shifted by a per-source offset so sources do not all start at once);
each daemon's scheduler only polls (several times per interval), and the first node to
*create* the slot's document in the `tasks` index (`crawl:<source>:<interval>:<slot>`,
create-only) runs that crawl. So a slot is crawled once however many nodes poll it.

The holder's lease (`lease_until`, Elasticsearch's clock) is renewed with every
heartbeat. A node that dies stops renewing; once its lease has expired, any node that
has the source in its catalogue takes the slot over with a conditional write
(`if_seq_no`/`if_primary_term`), so two nodes never both win it, and runs it again.
A node whose renewal conflicts has lost its lease (it was partitioned long enough for
another node to take over): it stops its crawl.

Backfills are tasks too: one `queued` document per WARC file (`troopwatch backfill warc
FILE...`) or per GDELT time window (`troopwatch backfill gdelt --from --to`), taken
(conditional write) by any daemon with a free crawl slot (that can read the file), leased
and taken over the same way. A failed one goes back to the queue (after a delay) until
it has failed `retries` times more, its reasons kept; then it stays `failed`.

Elasticsearch's clock decides leases: read with `read_es_time` (shared with the alert
sweep) and advanced by the local monotonic clock between reads; the expiry query uses
the cluster's own `now`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import socket
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import (
    ApiError,
    AuthorizationException,
    BadRequestError,
    ConflictError,
    Elasticsearch,
    NotFoundError,
    TransportError,
)

from troopwatch.dates import iso
from troopwatch.es.clock import read_es_time
from troopwatch.es.indices import Indices

log = logging.getLogger(__name__)

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
INTERRUPTED, ABANDONED = "interrupted", "abandoned"
RESUMABLE = (RUNNING, INTERRUPTED)  # taken over by another node once the lease expired
POLLS_PER_INTERVAL = 4  # a daemon looks at each source this often per interval
NO_SLOT_END = "9999-12-31T00:00:00+00:00"  # backfill tasks last until done
WARC_TASK, GDELT_TASK = "backfill:warc", "backfill:gdelt"
GDELT_TIME = "%Y%m%d%H%M%S"  # GDELT DOC 2.0 startdatetime / enddatetime


def node_id(env: Mapping[str, str] | None = None) -> str:
    """This daemon's name in the fleet: TROOPWATCH_NODE_ID, or `<host>-<pid>`."""
    env = os.environ if env is None else env
    return (env.get("TROOPWATCH_NODE_ID") or "").strip() or f"{socket.gethostname()}-{os.getpid()}"


# -- slots -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slot:
    source: str
    interval_s: float
    number: int
    start: datetime
    end: datetime

    @property
    def task(self) -> str:
        return f"crawl:{self.source}"

    @property
    def task_id(self) -> str:
        return f"crawl:{self.source}:{self.interval_s:g}:{self.number}"


def source_offset(source: str, interval_s: float) -> float:
    """A stable offset within the interval (the same on every node): sources with the same
    interval start their slots at different moments."""
    digest = hashlib.sha1(source.encode("utf-8")).digest()
    return (int.from_bytes(digest[:8], "big") % 1_000_000) / 1_000_000 * interval_s


def slot_for(source: str, interval_s: float, now: datetime) -> Slot:
    """The slot of `source` that contains `now`."""
    offset = source_offset(source, interval_s)
    number = int((now.timestamp() - offset) // interval_s)
    start = datetime.fromtimestamp(number * interval_s + offset, UTC)
    return Slot(source, interval_s, number, start, start + timedelta(seconds=interval_s))


# -- the cluster's clock --------------------------------------------------------------------


class EsClock:
    """Elasticsearch's time, read at most every `resync_s` and advanced monotonically in
    between; this host's clock when the cluster will not say (then keep clocks in sync)."""

    def __init__(self, es: Elasticsearch, resync_s: float = 30.0):
        self.es = es
        self.resync_s = resync_s
        self._base: tuple[datetime, float] | None = None
        self._es_clock = True
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            mono = time.monotonic()
            if self._es_clock and (self._base is None or mono - self._base[1] > self.resync_s):
                try:
                    self._base = (read_es_time(self.es), time.monotonic())
                except (AuthorizationException, BadRequestError, KeyError, IndexError, ValueError):
                    self._es_clock = False
                    log.warning("fleet: cannot read Elasticsearch's clock; using this host's")
                except (TransportError, ApiError):
                    pass  # unreachable: the last reading, advanced, or this host's clock
            if self._base is None:
                return datetime.now(UTC)
            base, at = self._base
            return base + timedelta(seconds=time.monotonic() - at)


# -- leases ------------------------------------------------------------------------------


@dataclass
class Lease:
    """A task this node holds: the document's sequence number for the next conditional write."""

    task_id: str
    source: str
    seq_no: int
    primary_term: int
    doc: dict
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class TaskBoard:
    """Claims, renews and settles task documents for one node."""

    def __init__(
        self,
        es: Elasticsearch,
        indices: Indices,
        node: str,
        lease_s: float = 60.0,
        clock: EsClock | None = None,
    ):
        self.es = es
        self.indices = indices
        self.node = node
        self.lease_s = lease_s
        self.clock = clock or EsClock(es)
        self._held: dict[str, Lease] = {}
        self._lock = threading.Lock()

    def _until(self, now: datetime) -> str:
        return iso(now + timedelta(seconds=self.lease_s))

    def held(self) -> list[Lease]:
        with self._lock:
            return list(self._held.values())

    def _keep(self, lease: Lease) -> Lease:
        with self._lock:
            self._held[lease.task_id] = lease
        return lease

    def claim(self, slot: Slot, run_id: str | None = None) -> Lease | None:
        """Create the slot's task document (we run it), or take over an expired lease;
        None when another node has it. Transport errors propagate (ES_ERRORS)."""
        now = self.clock.now()
        doc = {
            "task": slot.task,
            "kind": "crawl",
            "source": slot.source,
            "slot": slot.number,
            "interval_s": slot.interval_s,
            "slot_start": iso(slot.start),
            "slot_end": iso(slot.end),
            "status": RUNNING,
            "node": self.node,
            "lease_until": self._until(now),
            "claimed_at": iso(now),
            "attempts": 1,
            "run_id": run_id,
        }
        try:
            resp = self.es.create(index=self.indices.tasks, id=slot.task_id, document=doc)
        except ConflictError:
            return self.take_over(slot.task_id, run_id=run_id)
        return self._keep(
            Lease(slot.task_id, slot.source, resp["_seq_no"], resp["_primary_term"], doc)
        )

    def take_over(
        self, task_id: str, hit: dict | None = None, run_id: str | None = None
    ) -> Lease | None:
        """Take a running (or interrupted) task whose lease has expired, by the cluster's
        clock, while its slot lasts; None when it is not ours to take or another node
        was first."""
        if hit is None:
            try:
                hit = self.es.get(index=self.indices.tasks, id=task_id)
            except NotFoundError:
                return None
        doc = dict(hit["_source"])
        now = self.clock.now()
        if doc.get("status") not in RESUMABLE or doc.get("node") == self.node:
            return None
        if _time(doc.get("lease_until")) > now or _time(doc.get("slot_end")) <= now:
            return None
        previous = doc.get("node")
        doc.update(
            node=self.node,
            lease_until=self._until(now),
            claimed_at=iso(now),
            attempts=(doc.get("attempts") or 1) + 1,
            taken_over_from=previous,
            run_id=run_id,
            status=RUNNING,
        )
        try:
            resp = self.es.index(
                index=self.indices.tasks,
                id=task_id,
                document=doc,
                if_seq_no=hit["_seq_no"],
                if_primary_term=hit["_primary_term"],
            )
        except ConflictError:
            return None  # another node took it first
        log.warning("fleet: task %s taken over from %s (its lease expired)", task_id, previous)
        return self._keep(
            Lease(task_id, doc["source"], resp["_seq_no"], resp["_primary_term"], doc)
        )

    def _write(self, lease: Lease, changes: dict) -> bool:
        """A conditional update of our task; False when someone else changed it (lost)."""
        with lease.lock:
            doc = {**lease.doc, **changes}
            try:
                resp = self.es.index(
                    index=self.indices.tasks,
                    id=lease.task_id,
                    document=doc,
                    if_seq_no=lease.seq_no,
                    if_primary_term=lease.primary_term,
                )
            except (ConflictError, NotFoundError):
                return False
            lease.seq_no, lease.primary_term, lease.doc = (
                resp["_seq_no"],
                resp["_primary_term"],
                doc,
            )
            return True

    def note(self, lease: Lease, **changes: Any) -> bool:
        return self._write(lease, changes)

    def renew(self, lease: Lease) -> bool:
        """Extend our lease; False when it was lost (another node took the task over)."""
        ok = self._write(lease, {"lease_until": self._until(self.clock.now())})
        if not ok:
            with self._lock:
                self._held.pop(lease.task_id, None)
        return ok

    def finish(self, lease: Lease, status: str, error: str | None = None, **more: Any) -> bool:
        now = self.clock.now()
        changes = {"status": status, "finished_at": iso(now), "lease_until": iso(now), **more}
        if error:
            changes["error"] = error[:2000]
        ok = self._write(lease, changes)
        with self._lock:
            self._held.pop(lease.task_id, None)
        return ok

    def fail(self, lease: Lease, error: str, retries: int, retry_delay_s: float) -> str | None:
        """Settle a failed task: a backfill task goes back to the queue (taken again after
        `retry_delay_s`) while it has failed at most `retries` times, else it is `failed`;
        every failure's reason is kept. The status written (None when the task was lost)."""
        now = self.clock.now()
        failures = [
            *(lease.doc.get("failures") or []),
            {"at": iso(now), "node": self.node, "error": error[:500]},
        ]
        if lease.doc.get("kind") != "backfill" or len(failures) > retries:
            status = FAILED
            ok = self.finish(lease, FAILED, error, failures=failures)
        else:
            status = QUEUED
            ok = self._write(
                lease,
                {
                    "status": QUEUED,
                    "node": None,  # any node may take it (the failures say who failed)
                    "failures": failures,
                    "error": error[:2000],
                    "lease_until": iso(now),
                    "retry_at": iso(now + timedelta(seconds=retry_delay_s)),
                },
            )
        with self._lock:
            self._held.pop(lease.task_id, None)
        return status if ok else None

    def release(self, task_id: str, node: str, status: str, error: str) -> bool:
        """Settle a task a previous daemon held (after a restart): only if still its."""
        try:
            hit = self.es.get(index=self.indices.tasks, id=task_id)
        except NotFoundError:
            return False
        doc = hit["_source"]
        if doc.get("node") != node or doc.get("status") != RUNNING:
            return False
        now = iso(self.clock.now())
        doc = {**doc, "status": status, "finished_at": now, "lease_until": now, "error": error}
        try:
            self.es.index(
                index=self.indices.tasks,
                id=task_id,
                document=doc,
                if_seq_no=hit["_seq_no"],
                if_primary_term=hit["_primary_term"],
            )
        except ConflictError:
            return False
        return True

    def abandon_stale(self, size: int = 50) -> int:
        """Mark `abandoned` the tasks whose holder stopped renewing and whose slot is over:
        the next slot covers them (so `status` does not show them as held forever)."""
        resp = self.es.search(
            index=self.indices.tasks,
            query={
                "bool": {
                    "filter": [
                        {"terms": {"status": list(RESUMABLE)}},
                        {"range": {"lease_until": {"lt": "now"}}},
                        {"range": {"slot_end": {"lte": "now"}}},
                    ]
                }
            },
            size=size,
            seq_no_primary_term=True,
        )
        done = 0
        for hit in resp["hits"]["hits"]:
            doc = {**hit["_source"], "status": ABANDONED, "error": "holder gone; slot over"}
            try:
                self.es.index(
                    index=self.indices.tasks,
                    id=hit["_id"],
                    document=doc,
                    if_seq_no=hit["_seq_no"],
                    if_primary_term=hit["_primary_term"],
                )
                done += 1
            except ConflictError:
                continue
        return done

    def claim_backfill(self, exists=os.path.exists, skip_tasks: Iterable[str] = ()) -> Lease | None:
        """Take one queued backfill task (or one whose holder's lease expired) that this
        node can run: its file readable here, its kind not in `skip_tasks`, its retry
        delay over. None when there is none."""
        resp = self.es.search(
            index=self.indices.tasks,
            query={
                "bool": {
                    "filter": [{"term": {"kind": "backfill"}}],
                    "must_not": [{"terms": {"task": sorted(skip_tasks)}}],
                    "should": [
                        {"term": {"status": QUEUED}},
                        {
                            "bool": {
                                "filter": [
                                    {"terms": {"status": list(RESUMABLE)}},
                                    {"range": {"lease_until": {"lt": "now"}}},
                                ]
                            }
                        },
                    ],
                    "minimum_should_match": 1,
                }
            },
            # Never taken first; a task waiting to be retried was taken before (claimed_at).
            sort=[{"claimed_at": {"order": "asc", "missing": "_first"}}],
            size=50,
            seq_no_primary_term=True,
        )
        now = self.clock.now()
        for hit in resp["hits"]["hits"]:
            doc = dict(hit["_source"])
            if doc.get("path") and not exists(doc["path"]):
                continue  # not on this machine: another node may have it
            if doc.get("status") == QUEUED and _time(doc.get("retry_at")) > now:
                continue  # failed a moment ago: retried after the delay
            previous = doc.get("node")
            doc.update(
                status=RUNNING,
                node=self.node,
                lease_until=self._until(now),
                claimed_at=iso(now),
                attempts=(doc.get("attempts") or 0) + 1,
            )
            if previous and previous != self.node:
                doc["taken_over_from"] = previous
            try:
                resp = self.es.index(
                    index=self.indices.tasks,
                    id=hit["_id"],
                    document=doc,
                    if_seq_no=hit["_seq_no"],
                    if_primary_term=hit["_primary_term"],
                )
            except ConflictError:
                continue  # another node took it first
            return self._keep(
                Lease(hit["_id"], "backfill", resp["_seq_no"], resp["_primary_term"], doc)
            )
        return None

    def expired(self, sources: Iterable[str], size: int = 20) -> list[dict]:
        """Running tasks of these sources whose lease has expired while their slot lasts
        (judged by the cluster's `now`), oldest lease first."""
        sources = sorted(sources)
        if not sources:
            return []
        resp = self.es.search(
            index=self.indices.tasks,
            query={
                "bool": {
                    "filter": [
                        {"terms": {"status": list(RESUMABLE)}},
                        {"terms": {"source": sources}},
                        {"range": {"lease_until": {"lt": "now"}}},
                        {"range": {"slot_end": {"gt": "now"}}},
                    ],
                    "must_not": [{"term": {"node": self.node}}],
                }
            },
            sort=[{"lease_until": "asc"}],
            size=size,
            seq_no_primary_term=True,
        )
        return resp["hits"]["hits"]


def backfill_task_id(path: str) -> str:
    return "backfill:warc:" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]


def gdelt_task_id(query: str, start: datetime, end: datetime) -> str:
    key = f"{query}\n{start:{GDELT_TIME}}\n{end:{GDELT_TIME}}"
    return "backfill:gdelt:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _enqueue(es: Elasticsearch, indices: Indices, tasks: list[tuple[str, dict]]) -> tuple[int, int]:
    """Create each `queued` backfill task (create-only: the same work queued twice is one
    task); (queued now, queued already)."""
    created = existing = 0
    now = iso(read_es_time(es))
    for task_id, fields in tasks:
        doc = {
            "kind": "backfill",
            "source": "backfill",
            **fields,
            "status": QUEUED,
            "attempts": 0,
            "slot_start": now,
            "slot_end": NO_SLOT_END,
        }
        try:
            es.create(index=indices.tasks, id=task_id, document=doc)
            created += 1
        except ConflictError:
            existing += 1
    return created, existing


def enqueue_backfill(es: Elasticsearch, indices: Indices, paths: list[str]) -> tuple[int, int]:
    """One `queued` task per WARC file; (queued now, queued already)."""
    return _enqueue(
        es, indices, [(backfill_task_id(p), {"task": WARC_TASK, "path": p}) for p in paths]
    )


def gdelt_windows(start: datetime, end: datetime, hours: float) -> list[tuple[datetime, datetime]]:
    """[start, end) cut into windows of `hours` (the last one shorter), whole seconds."""
    if hours <= 0:
        raise ValueError(f"a window must last more than 0 hours, not {hours:g}")
    if end <= start:
        raise ValueError(f"the range ends ({iso(end)}) before it starts ({iso(start)})")
    step = timedelta(seconds=max(round(hours * 3600), 1))
    windows, at = [], start
    while at < end:
        windows.append((at, min(at + step, end)))
        at += step
    return windows


def gdelt_window_args(start: datetime, end: datetime) -> tuple[str, str]:
    """GDELT's startdatetime and enddatetime of the window [start, end): both bounds are
    inclusive there, so the window ends one second before the next one starts."""
    return f"{start:{GDELT_TIME}}", f"{end - timedelta(seconds=1):{GDELT_TIME}}"


def enqueue_gdelt(
    es: Elasticsearch, indices: Indices, query: str, windows: list[tuple[datetime, datetime]]
) -> tuple[list[str], int, int]:
    """One `queued` task per GDELT time window; (task ids, queued now, queued already)."""
    tasks = []
    for start, end in windows:
        first, last = gdelt_window_args(start, end)
        fields = {
            "task": GDELT_TASK,
            "query": query,
            "window_start": iso(start),
            "window_end": iso(end),
            "startdatetime": first,
            "enddatetime": last,
        }
        tasks.append((gdelt_task_id(query, start, end), fields))
    created, existing = _enqueue(es, indices, tasks)
    return [t for t, _ in tasks], created, existing


def _time(text: str | None) -> datetime:
    if not text:
        return datetime.min.replace(tzinfo=UTC)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


# -- heartbeats ----------------------------------------------------------------------------


class NodeRegistry:
    """This node's heartbeat document."""

    def __init__(
        self, es: Elasticsearch, indices: Indices, node: str, clock: EsClock, lease_s: float = 60
    ):
        self.es = es
        self.lease_s = lease_s
        self.indices = indices
        self.node = node
        self.clock = clock
        self.started_at = iso(clock.now())

    def beat(self, running: list[str], sources: int, max_parallel: int, status: str = RUNNING):
        now = iso(self.clock.now())
        doc = {
            "node": self.node,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "status": status,
            "started_at": self.started_at,
            "heartbeat_at": now,
            "sources": sources,
            "max_parallel_crawls": max_parallel,
            "lease_s": self.lease_s,
            "running": running,
        }
        if status != RUNNING:
            doc["stopped_at"] = now
        self.es.index(index=self.indices.nodes, id=self.node, document=doc)


# -- status --------------------------------------------------------------------------------


def fleet_status(es: Elasticsearch, indices: Indices, recent: int = 10) -> dict:
    """Nodes with their last heartbeat (and its age by the cluster's clock), the leases
    each holds, and the latest failed or taken-over tasks."""
    now = read_es_time(es)
    nodes = es.search(index=indices.nodes, size=200, sort=[{"heartbeat_at": "desc"}])
    running = es.search(
        index=indices.tasks,
        size=500,
        query={"term": {"status": RUNNING}},
        sort=[{"claimed_at": "asc"}],
    )
    trouble = es.search(
        index=indices.tasks,
        size=recent,
        query={
            "bool": {
                "should": [
                    {"terms": {"status": [FAILED, INTERRUPTED, ABANDONED]}},
                    {"exists": {"field": "taken_over_from"}},
                ]
            }
        },
        sort=[{"claimed_at": "desc"}],
    )
    backfill = es.search(
        index=indices.tasks,
        size=0,
        query={"term": {"kind": "backfill"}},
        aggs={
            "task": {
                "terms": {"field": "task", "size": 10},
                "aggs": {"status": {"terms": {"field": "status", "size": 20}}},
            }
        },
    )
    leases: dict[str, list[dict]] = {}
    for hit in running["hits"]["hits"]:
        doc = hit["_source"]
        doc["expired"] = _time(doc.get("lease_until")) <= now
        leases.setdefault(doc.get("node") or "?", []).append({"id": hit["_id"], **doc})
    rows = []
    for hit in nodes["hits"]["hits"]:
        doc = dict(hit["_source"])
        # Each node stamps its beat with its own estimate of Elasticsearch's clock, which
        # may run a little ahead of the reading here: a beat from the future is a beat now.
        age = (now - _time(doc.get("heartbeat_at"))).total_seconds()
        doc["heartbeat_age_s"] = max(0.0, round(age, 1))
        doc["stale"] = doc.get("status") == RUNNING and doc["heartbeat_age_s"] > (
            doc.get("lease_s") or 60
        )
        doc["leases"] = leases.pop(doc["node"], [])
        rows.append(doc)
    for node, held in leases.items():  # a holder with no heartbeat document
        rows.append({"node": node, "status": "unknown", "leases": held})
    return {
        "now": iso(now),
        "nodes": rows,
        "recent_problems": [{"id": h["_id"], **h["_source"]} for h in trouble["hits"]["hits"]],
        # Per kind of backfill (backfill:warc, backfill:gdelt): tasks per status.
        "backfill": {
            t["key"]: {b["key"]: b["doc_count"] for b in t["status"]["buckets"]}
            for t in backfill["aggregations"]["task"]["buckets"]
        },
    }
