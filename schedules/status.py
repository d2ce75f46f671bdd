"""`troopwatch status`: the schedule, the last run of each source, alerts waiting, and
the fleet: every daemon's last heartbeat and the crawl tasks it holds (troopwatch/fleet.py).

The schedule comes from the daemon's saved schedule file, so it is shown even when
Elasticsearch is down; runs and alert counts then carry a note instead.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sys
from typing import Any

from elasticsearch import ApiError, Elasticsearch, NotFoundError

from schedules.alerts import ES_ERRORS, STATUSES, alert_counts, alert_problems
from schedules.daemon import SCHEDULE_FILE, daemon_pid, read_schedule
from troopwatch.es.indices import Indices
from troopwatch.fleet import GDELT_TASK, WARC_TASK, fleet_status
from troopwatch.paths import var_dir

RUN_FIELDS = (
    "pages",
    "items",
    "indexed",
    "duplicates",
    "off_topic",
    "dropped",
    "errors",
    "spooled",
    "new_claims",
)


def last_runs(es: Elasticsearch, indices: Indices) -> list[dict]:
    """The latest run document of every source, newest first."""
    resp = es.search(
        index=indices.runs,
        size=0,
        aggs={
            "source": {
                "terms": {"field": "source", "size": 1000},
                "aggs": {
                    "last": {
                        "top_hits": {
                            "size": 1,
                            "sort": [{"started_at": {"order": "desc", "missing": "_last"}}],
                        }
                    }
                },
            }
        },
    )
    runs = []
    for bucket in resp["aggregations"]["source"]["buckets"]:
        doc = dict(bucket["last"]["hits"]["hits"][0]["_source"])
        doc["source"] = bucket["key"]
        runs.append(doc)
    return sorted(runs, key=lambda r: r.get("started_at") or "", reverse=True)


def collect_status(settings: Any) -> dict:
    from troopwatch.runtime import connect, es_config

    pid = daemon_pid()
    try:
        schedule, schedule_error = read_schedule(), None
    except (OSError, ValueError) as exc:
        schedule, schedule_error = [], f"schedule unreadable: {exc}"
    status: dict = {
        "daemon": {"running": pid is not None, "pid": pid},
        "schedule_file": str(var_dir() / SCHEDULE_FILE),
        "schedule": schedule,
        "schedule_error": schedule_error,
        "elasticsearch": {"ok": False, "error": None},
        "runs": None,
        "alerts": None,
        "fleet": None,
    }
    config = es_config(settings)
    status["elasticsearch"]["url"] = config.describe()
    try:
        es = connect(config)
        indices = Indices(config.prefix)
        status["elasticsearch"]["ok"] = True
        # Idle shards are not refreshed on their own: show what the last crawl wrote.
        with contextlib.suppress(ApiError):
            es.indices.refresh(index=[indices.runs, indices.alerts], ignore_unavailable=True)
        try:
            status["runs"] = last_runs(es, indices)
            status["alerts"] = alert_counts(es, indices)
            status["alert_problems"] = alert_problems(es, indices)
            with contextlib.suppress(NotFoundError):  # set up by an older version
                status["fleet"] = fleet_status(es, indices)
        except NotFoundError:
            # Reachable, but `troopwatch es setup` (or the daemon) never ran for this prefix.
            status["runs"], status["alerts"] = [], {}
            status["elasticsearch"]["note"] = f"no {config.prefix}-* indices yet"
    except ES_ERRORS as exc:
        status["elasticsearch"]["ok"] = False
        status["elasticsearch"]["error"] = str(exc).splitlines()[0][:300]
    return status


def _when(value: str | None, missing: str = "paused") -> str:
    """An ISO timestamp as `2024-11-05 09:30:12 UTC` (they are stored in UTC)."""
    if not value:
        return missing
    return value[:19].replace("T", " ") + " UTC"


def _count(counts: dict | None, status: str) -> tuple[int, str]:
    per_channel = (counts or {}).get(status, {})
    detail = ", ".join(f"{c} {n}" for c, n in sorted(per_channel.items()))
    return sum(per_channel.values()), detail


def _print_text(status: dict) -> None:
    daemon = status["daemon"]
    print(f"daemon: running (pid {daemon['pid']})" if daemon["running"] else "daemon: not running")
    print(f"schedule ({status['schedule_file']}):")
    if status["schedule_error"]:
        print(f"  ({status['schedule_error']})")
    elif not status["schedule"]:
        print("  (no jobs stored: the daemon has not run with this var directory)")
    for job in status["schedule"]:
        print(f"  {job['id']:<32} {job['trigger'] or '':<22} next {_when(job['next_run_time'])}")
    es = status["elasticsearch"]
    if not es["ok"]:
        print(f"last runs and alerts: unknown, Elasticsearch at {es['url']} is not reachable")
        return
    if es.get("note"):
        print(f"note: {es['note']}")
    print("last runs:")
    if not status["runs"]:
        print("  (none recorded)")
    for run in status["runs"]:
        counts = " ".join(f"{k}={run.get(k) or 0}" for k in RUN_FIELDS)
        duration = run.get("duration_s")
        took = f"{duration:.1f} s" if isinstance(duration, int | float) else "?"
        started = _when(run.get("started_at"), "?")
        state = run.get("status") or "?"
        print(f"  {run['source']:<28} {state:<12} {started}  {took}  {counts}")
        for message in (run.get("error_messages") or [])[:3]:
            print(f"      ! {message[:200]}")
    _print_fleet(status.get("fleet"))
    counts = status["alerts"]
    parts = []
    for name in STATUSES:
        total, detail = _count(counts, name)
        if total or name in ("pending", "sending", "failed", "sent"):
            parts.append(f"{total} {name}" + (f" ({detail})" if total and name != "sent" else ""))
    print("alerts: " + ", ".join(parts))
    for alert in status.get("alert_problems") or []:
        # Rejected and skipped alerts are not retried on their own: say why.
        error = (alert.get("last_error") or "").splitlines()[0][:200] if alert else ""
        print(f"  ! {alert.get('channel')} {alert.get('status')} {alert.get('claim_id')}: {error}")


def _print_fleet(fleet: dict | None) -> None:
    if not fleet:
        return
    print(f"nodes (by Elasticsearch's clock, {_when(fleet['now'])}):")
    if not fleet["nodes"]:
        print("  (no daemon has run against this cluster and prefix)")
    for node in fleet["nodes"]:
        age = node.get("heartbeat_age_s")
        beat = f"heartbeat {age:.0f} s ago" if isinstance(age, int | float) else "no heartbeat"
        gone = "  (silent for longer than its lease: gone?)" if node.get("stale") else ""
        print(f"  {node['node']:<28} {node.get('status') or '?':<8} {beat}{gone}")
        for lease in node["leases"]:
            state = "EXPIRED" if lease.get("expired") else "until " + _when(lease["lease_until"])
            print(f"      lease {lease['id']} {lease.get('status')} {state}")
    kinds = {WARC_TASK: "WARC files", GDELT_TASK: "GDELT windows"}
    for task, per_status in sorted((fleet.get("backfill") or {}).items()):
        counts = ", ".join(f"{n} {state}" for state, n in sorted(per_status.items()))
        print(f"backfill ({kinds.get(task, task)}): {counts}")
    for task in fleet["recent_problems"]:
        how = (
            f"taken over from {task['taken_over_from']} by" if task.get("taken_over_from") else "on"
        )
        what = f" {task['path']}" if task.get("path") else ""
        if task.get("window_start"):
            what = f" {_when(task['window_start'])} .. {_when(task.get('window_end'))}"
        tries = len(task.get("failures") or [])
        after = f" after {tries} attempts" if tries > 1 else ""
        error = f": {task['error'][:200]}" if task.get("error") else ""
        print(
            f"  ! task {task['id']}{what} {task.get('status')}{after} {how} "
            f"{task.get('node')}{error}"
        )


def print_status(settings: Any, as_json: bool = False) -> int:
    """Print the status; exit 1 (after printing what is known) when Elasticsearch is down."""
    # The client's per-node retry warnings would repeat what the note below says.
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    status = collect_status(settings)
    if as_json:
        sys.stdout.write(json.dumps(status, ensure_ascii=False, default=str) + "\n")
    else:
        _print_text(status)
    if not status["elasticsearch"]["ok"]:
        print(f"troopwatch: {status['elasticsearch']['error']}", file=sys.stderr)
        return 1
    return 0
