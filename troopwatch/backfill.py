"""What `troopwatch backfill` shows while the fleet works: its tasks' progress, in one line.

The tasks themselves (one per WARC file or GDELT window) are made and run by
troopwatch/fleet.py and the daemons; this module reads their states back (a realtime
`mget`, so a task settled a moment ago counts) and draws the bar a terminal shows.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import TextIO

from elasticsearch import ApiError, Elasticsearch, TransportError

from troopwatch.es.indices import Indices
from troopwatch.fleet import DONE, FAILED, QUEUED, RUNNING

FINISHED = (DONE, FAILED)
BAR_WIDTH = 24


def parse_bound(text: str, end: bool = False) -> datetime:
    """A --from / --to value: `YYYY-MM-DD` (a --to day is included whole) or an ISO date
    and time (UTC unless it says otherwise); ValueError with a one-line reason."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"cannot read {text!r} as a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    if end and len(text.strip()) == 10:  # a day: up to its end
        when += timedelta(days=1)
    return when.astimezone(UTC)


def task_counts(es: Elasticsearch, indices: Indices, ids: Iterable[str]) -> dict[str, int]:
    """How many of these tasks are done, failed, running, queued (interrupted ones wait
    to be taken again: queued) and, among the queued, retrying after a failure."""
    counts = {DONE: 0, FAILED: 0, RUNNING: 0, QUEUED: 0, "retrying": 0}
    ids = list(ids)
    if not ids:
        return counts
    docs = es.mget(index=indices.tasks, ids=ids, source_includes=["status", "failures"])["docs"]
    for doc in docs:
        source = doc.get("_source") or {}
        status = source.get("status")
        if status not in (DONE, FAILED, RUNNING):
            status = QUEUED
            if source.get("failures"):
                counts["retrying"] += 1
        counts[status] += 1
    return counts


def progress_line(counts: Mapping[str, int], total: int, width: int = BAR_WIDTH) -> str:
    """`[####x----------] 5/12 done, 2 running, 1 failed, 4 queued (1 retrying)`: done
    tasks as #, failed ones as x."""
    done, failed = counts.get(DONE, 0), counts.get(FAILED, 0)
    if total:
        filled = width * done // total  # full only when all are done
        bad = width * (done + failed) // total - filled
    else:
        filled, bad = width, 0
    if failed and not bad and filled + bad < width:
        bad = 1  # a failure always shows
    bar = "#" * filled + "x" * bad + "-" * (width - filled - bad)
    line = f"[{bar}] {done}/{total} done, {counts.get(RUNNING, 0)} running, {failed} failed"
    queued = counts.get(QUEUED, 0)
    if queued:
        retrying = counts.get("retrying", 0)
        line += f", {queued} queued" + (f" ({retrying} retrying)" if retrying else "")
    return line


def follow_tasks(
    es: Elasticsearch,
    indices: Indices,
    ids: list[str],
    out: TextIO = sys.stdout,
    every_s: float = 1.0,
    sleep: Callable[[float], None] = time.sleep,
) -> dict[str, int]:
    """Redraw the progress line in place until every task is done or failed; the last
    counts. Elasticsearch out of reach for a moment keeps the last line (Ctrl-C stops
    following: KeyboardInterrupt goes to the caller, the tasks go on)."""
    counts: dict[str, int] | None = None
    shown = 0
    while True:
        try:
            counts = task_counts(es, indices, ids)
        except (TransportError, ApiError):
            if counts is None:
                raise
        line = progress_line(counts, len(ids))
        out.write("\r" + line + " " * max(shown - len(line), 0))
        out.flush()
        shown = len(line)
        if sum(counts[s] for s in FINISHED) >= len(ids):
            out.write("\n")
            out.flush()
            return counts
        sleep(every_s)
