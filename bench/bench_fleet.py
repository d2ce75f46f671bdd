"""A fleet of 1, 2 and 3 daemons on one cluster: crawl slots per minute, alert latency.

For each fleet size: a fresh index prefix, the fixture press with SOURCES feeds polled
every --interval seconds, `troopwatch run` processes with TROOPWATCH_MAX_PARALLEL_CRAWLS
=1 each (the per-node limit is what more nodes add to), and the local Slack receiver.
Over --seconds it counts the crawl slots run (task documents `done`) against the slots
due, and publishes --alerts articles with a new figure at random moments, timing each
until its Slack alert arrives.

    .venv/bin/python bench/bench_fleet.py [--seconds 60] [--interval 20] [--alerts 2]

Uses TROOPWATCH_ES_URL (comma-separated node URLs), else the two-node local cluster of
the tests (var/es-fleet, http 9290-9291), started if needed and left running.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.press import Press  # noqa: E402
from tests.receivers import SlackReceiver  # noqa: E402
from tests.test_daemon import DaemonProcess, catalogue  # noqa: E402
from troopwatch.config import EsConfig  # noqa: E402
from troopwatch.es.client import make_client  # noqa: E402
from troopwatch.es.indices import Indices, drop_indices, setup_indices  # noqa: E402
from troopwatch.es.local import LocalCluster  # noqa: E402
from troopwatch.paths import var_dir  # noqa: E402

SOURCES = (
    "meridian-wire",
    "coastal-herald",
    "frontline-notes",
    "vostok-inform",
    "kyiv-courier",
    "weltblick",
)
CONTEXT = [
    "Lawmakers briefed behind closed doors in Seoul were told that fresh rotations crossed "
    "the border by rail at Tumangang.",
    "Satellite images reviewed by analysts show new barracks near Ussuriysk, where units "
    "have trained since autumn.",
    "Diplomats at the United Nations traded accusations over the treaty signed in "
    "Pyongyang, which Moscow calls a partnership.",
    "Japanese officials said the transfers of missiles and shells continue by sea from "
    "Rajin, and warned about technology flowing back.",
]


def es_urls() -> list[str]:
    if os.environ.get("TROOPWATCH_ES_URL"):
        return [u.strip() for u in os.environ["TROOPWATCH_ES_URL"].split(",") if u.strip()]
    cluster = LocalCluster(
        var_dir() / "es-fleet" / "elasticsearch", nodes=2, http_port=9290, transport_port=9296
    )
    return cluster.start(timeout=400)


def run_fleet(nodes: int, args, urls: list[str], press: Press, slack: SlackReceiver) -> dict:
    es = make_client(EsConfig(urls=tuple(urls)))
    prefix = f"twbench-{uuid.uuid4().hex[:8]}"
    setup_indices(es, prefix)
    indices = Indices(prefix)
    work = Path(tempfile.mkdtemp(prefix="bench-fleet-"))
    sources = catalogue(
        work / "sources.yaml",
        [{"id": s, "kind": "feed", "url": press.feed_url(s)} for s in SOURCES],
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("TROOPWATCH_", "SCRAPY_"))}
    daemons = []
    try:
        for n in range(nodes):
            var = work / f"node-{n + 1}" / "var"
            var.mkdir(parents=True)
            env = {
                **base,
                **slack.env(),
                "PYTHONPATH": str(PROJECT_ROOT),
                "TROOPWATCH_ES_URL": ",".join(urls),
                "TROOPWATCH_INDEX_PREFIX": prefix,
                "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "1",
                "TROOPWATCH_NODE_ID": f"node-{n + 1}",
                "TROOPWATCH_VAR_DIR": str(var),
                "TROOPWATCH_SPOOL_DIR": str(var.parent / "spool"),
                "TROOPWATCH_SOURCES": sources,
                "TROOPWATCH_CRAWL_INTERVAL_SECONDS": str(args.interval),
                "TROOPWATCH_FIRST_CRAWL_SPREAD": "0",
                "TROOPWATCH_MAX_PARALLEL_CRAWLS": "1",
                "TROOPWATCH_TASK_LEASE_SECONDS": "10",
                "TROOPWATCH_SWEEP_SECONDS": "2",
                "TROOPWATCH_MAX_AGE_DAYS": "2",
            }
            daemons.append(DaemonProcess(env, work / f"node-{n + 1}.log").start())
        started = time.time()
        latencies = []
        moments = sorted(random.uniform(5, args.seconds - 25) for _ in range(args.alerts))
        for i, at in enumerate(moments):
            time.sleep(max(at - (time.time() - started), 0))
            figure = 40100 + 2300 * i + 97 * nodes
            before = len(slack.payloads)
            published = time.time()
            press.publish(
                {
                    "site": "meridian-wire",
                    "title": f"{figure:,} North Korean troops in Kursk, NIS says",
                    "body": [
                        f"South Korea's National Intelligence Service said that {figure:,} "
                        "North Korean troops are now deployed in Russia's Kursk region.",
                        CONTEXT[(i + nodes) % len(CONTEXT)],
                    ],
                }
            )
            slack.wait_for_payloads(before + 1, timeout=args.interval * 3 + 30)
            latencies.append(time.time() - published)
        time.sleep(max(args.seconds - (time.time() - started), 0))
        es.indices.refresh(index=indices.tasks)
        window_start = started
        hits = es.search(index=indices.tasks, size=10000, query={"match_all": {}})["hits"]["hits"]
        done = [
            h["_source"]
            for h in hits
            if h["_source"].get("status") == "done"
            and h["_source"]["claimed_at"] >= _iso(window_start)
        ]
        per_node: dict[str, int] = {}
        for doc in done:
            per_node[doc["node"]] = per_node.get(doc["node"], 0) + 1
        minutes = (time.time() - window_start) / 60
        return {
            "nodes": nodes,
            "slots_per_min": len(done) / minutes,
            "due_per_min": len(SOURCES) * 60 / args.interval,
            "per_node": per_node,
            "latencies": latencies,
        }
    finally:
        for daemon in daemons:
            daemon.stop(timeout=60)
        drop_indices(es, prefix)
        es.close()


def _iso(ts: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(ts, UTC).isoformat()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--interval", type=float, default=20)
    parser.add_argument("--alerts", type=int, default=2)
    parser.add_argument("--fleet", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    urls = es_urls()
    print(f"cluster {','.join(urls)}; {len(SOURCES)} sources every {args.interval:g} s")
    with Press.start() as press, SlackReceiver() as slack:
        for nodes in args.fleet:
            r = run_fleet(nodes, args, urls, press, slack)
            lat = r["latencies"]
            print(
                f"{nodes} daemon(s): {r['slots_per_min']:.1f} crawl slots/min run of "
                f"{r['due_per_min']:.1f} due; per node {dict(sorted(r['per_node'].items()))}; "
                f"alert latency median {statistics.median(lat):.1f} s, max {max(lat):.1f} s "
                f"(n={len(lat)})",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
