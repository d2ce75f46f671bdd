"""Alert latency: from an article's publication to the alert email, through the daemon.

Starts the fixture press, an SMTP receiver and `troopwatch run` (a real subprocess) on a
fresh index prefix, then repeatedly publishes an article with a new troop figure at a
random moment and measures how long the alert email takes to arrive.

    .venv/bin/python bench/bench_alert_latency.py [--trials 5] [--poll-seconds 60]

Expect about half the feed poll interval on average plus the crawl (a new process: a few
seconds): the daemon sweeps for alerts right after every crawl, so the sweep interval
does not add to it. Uses TROOPWATCH_ES_URL, or the test Elasticsearch (var/es-test, port
9250) that it starts if needed and leaves running.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.press import Press  # noqa: E402
from tests.receivers import SMTPReceiver  # noqa: E402
from troopwatch.config import EsConfig  # noqa: E402
from troopwatch.es.client import make_client  # noqa: E402
from troopwatch.es.indices import drop_indices, setup_indices  # noqa: E402
from troopwatch.es.local import LocalElasticsearch  # noqa: E402
from troopwatch.paths import var_dir  # noqa: E402

# Every trial's article needs its own wording: pages that share most of their text are
# near-duplicates, and a duplicate's claims are recorded as sightings, not alerted.
CONTEXT = [
    "Lawmakers briefed behind closed doors in Seoul were told that fresh rotations crossed "
    "the border by rail at Tumangang, and that Pyongyang expects artillery shells in return.",
    "Satellite images reviewed by analysts show new barracks near Ussuriysk, where units "
    "have trained since autumn before moving west toward the front.",
    "Commanders in Kyiv describe assault groups advancing in waves across frozen fields, "
    "with drones spotting columns long before they reach Ukrainian trenches.",
    "Diplomats at the United Nations traded accusations over the treaty signed in "
    "Pyongyang, which Moscow calls a partnership and Washington calls a violation.",
    "Prisoners questioned by Ukrainian security service officers said they had been told "
    "they were going to exercises, and only learned their destination on arrival.",
    "Families in Chongjin reportedly received letters of honour for sons killed abroad, "
    "according to a defector organisation that monitors the northern provinces.",
    "Japanese officials said the transfers of missiles and shells continue by sea from "
    "Rajin, and warned that technology could flow back to Pyongyang in exchange.",
    "Military bloggers in Moscow, usually quick to boast, have said little about the "
    "foreign soldiers, while state television avoids the subject altogether.",
    "European intelligence services believe the rotations are planned for a year, with "
    "engineers and construction workers following the infantry to rebuild towns.",
    "Analysts at a Washington think tank noted that casualty rates fell after the first "
    "winter, as units adapted to drones and learned to move in smaller groups.",
]
CLAIMS = [
    "South Korea's National Intelligence Service said on Tuesday that {n} North Korean "
    "troops are now deployed in Russia's Kursk region.",
    "According to the Pentagon, {n} North Korean soldiers are now in Russia, most of them "
    "fighting near the Ukrainian border.",
    "Ukraine's military intelligence said {n} North Korean troops have been sent to Russia so far.",
]


def article_body(trial: int, figure: int) -> list[str]:
    first = (2 * trial) % len(CONTEXT)
    claim = CLAIMS[trial % len(CLAIMS)].format(n=f"{figure:,}")
    return [claim, CONTEXT[first], CONTEXT[(first + 1) % len(CONTEXT)]]


def elasticsearch_url() -> str:
    url = os.environ.get("TROOPWATCH_ES_URL")
    if url:
        return url.split(",")[0]
    port = int(os.environ.get("TROOPWATCH_TEST_ES_PORT", "9250"))
    local = LocalElasticsearch(home=var_dir() / "es-test", http_port=port)
    local.start()
    return local.url


def wait_for_text(path: Path, text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in path.read_text(encoding="utf-8", errors="replace"):
            return
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {text!r} in {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--poll-seconds", type=float, default=60.0, help="feed crawl interval")
    parser.add_argument("--sweep-seconds", type=float, default=60.0, help="alert sweep interval")
    parser.add_argument("--timeout", type=float, default=300.0, help="per trial")
    args = parser.parse_args(argv)

    es_url = elasticsearch_url()
    es = make_client(EsConfig(urls=(es_url,)))
    prefix = f"twbench-{uuid.uuid4().hex[:8]}"
    setup_indices(es, prefix)
    work = Path(tempfile.mkdtemp(prefix="troopwatch-bench-"))
    latencies: list[float] = []
    daemon = None
    try:
        with Press.start() as press, SMTPReceiver() as smtp:
            catalogue = work / "sources.yaml"
            catalogue.write_text(
                "sources:\n"
                "  - id: meridian-wire\n"
                "    kind: feed\n"
                f"    url: {press.feed_url('meridian-wire')}\n"
                "    lang: en\n"
                "    interval_minutes: 1\n",
                encoding="utf-8",
            )
            env = {k: v for k, v in os.environ.items() if not k.startswith("TROOPWATCH_")}
            env.update(
                smtp.env(),
                TROOPWATCH_ES_URL=es_url,
                TROOPWATCH_INDEX_PREFIX=prefix,
                TROOPWATCH_SOURCES=str(catalogue),
                TROOPWATCH_ALLOW_PRIVATE_NETWORKS="1",
                TROOPWATCH_VAR_DIR=str(work / "var"),
                TROOPWATCH_SPOOL_DIR=str(work / "spool"),
                TROOPWATCH_CRAWL_INTERVAL_SECONDS=str(args.poll_seconds),
                TROOPWATCH_SWEEP_SECONDS=str(args.sweep_seconds),
                TROOPWATCH_FIRST_CRAWL_SPREAD="0",
                # Only what is published during the bench, not the press's back catalogue.
                TROOPWATCH_MAX_AGE_DAYS="2",
                PYTHONPATH=str(PROJECT_ROOT),
            )
            log_path = work / "daemon.log"
            with log_path.open("wb") as out:
                daemon = subprocess.Popen(
                    [sys.executable, "-m", "troopwatch.cli", "run"],
                    env=env,
                    cwd=work,
                    stdout=out,
                    stderr=subprocess.STDOUT,
                )
            wait_for_text(log_path, "troopwatch daemon running", 120)
            wait_for_text(log_path, "crawl meridian-wire finished", 120 + args.poll_seconds)
            print(
                f"daemon up (poll {args.poll_seconds:.0f} s, sweep {args.sweep_seconds:.0f} s);"
                f" {args.trials} trials",
                flush=True,
            )
            for trial in range(args.trials):
                time.sleep(random.uniform(0, args.poll_seconds))  # a random poll phase
                figure = 20000 + 173 * trial + random.randint(1, 99)
                received = len(smtp.messages)
                press.publish(
                    {
                        "site": "meridian-wire",
                        "title": f"Report {trial + 1}: {figure:,} North Korean troops in Russia",
                        "body": article_body(trial, figure),
                    }
                )
                started = time.monotonic()
                smtp.wait_for_messages(received + 1, timeout=args.timeout)
                latency = time.monotonic() - started
                subject = smtp.messages[-1]["Subject"]
                if f"{figure:,}" not in subject:
                    print(f"  warning: unexpected alert {subject!r}", flush=True)
                latencies.append(latency)
                print(f"  trial {trial + 1}: {latency:6.1f} s  ({figure:,} troops)", flush=True)
    finally:
        if daemon is not None and daemon.poll() is None:
            daemon.send_signal(signal.SIGTERM)
            try:
                daemon.wait(timeout=60)
            except subprocess.TimeoutExpired:
                daemon.kill()
        drop_indices(es, prefix)
        es.close()
    if latencies:
        print(
            f"alert latency over {len(latencies)} trials: mean {statistics.mean(latencies):.1f} s,"
            f" median {statistics.median(latencies):.1f} s, min {min(latencies):.1f} s,"
            f" max {max(latencies):.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
