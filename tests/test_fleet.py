"""Many daemons on one cluster: crawl slots claimed once, expired leases taken over once,
and alert sweeps run by several sweepers at once delivering each claim once per channel.

Real Elasticsearch (the session's), one client per "node", real threads racing.
"""

from __future__ import annotations

import dataclasses
import re
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from schedules.alerts import AlertSweeper
from schedules.notifiers import notifiers_from_env
from schedules.status import _print_fleet as print_fleet
from tests import receivers
from tests.test_alerts import FAST, alert_docs, claim, email_text, write_article
from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.fleet import DONE, RUNNING, EsClock, TaskBoard, fleet_status, slot_for

# A lease longer than any send on a loaded machine (an email renders its timelines): a
# lease that ran out mid-send would let another sweeper send the same claims again, which
# is the trade-off leases make for a sender that died, not what this test is about.
SWEEP = dataclasses.replace(FAST, lease_s=30.0)

# Several daemons racing for leases on real time: run alone, not beside other test files
# (`make test` runs the `serial` tests after the parallel ones).
pytestmark = [pytest.mark.es, pytest.mark.serial]

smtp_receiver = receivers.smtp_receiver
slack_receiver = receivers.slack_receiver


def test_slots_tile_time_and_differ_per_source():
    start = datetime(2026, 1, 1, tzinfo=UTC)
    slots = [slot_for("a", 60, start + timedelta(seconds=s)) for s in range(0, 600, 7)]
    numbers = sorted({s.number for s in slots})
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # no gap
    for s in slots:
        assert s.end - s.start == timedelta(seconds=60)
        assert s.start <= slot_for("a", 60, s.start).start < s.end
    assert slot_for("a", 60, start).start != slot_for("b", 60, start).start  # spread out
    assert slot_for("a", 60, start).task_id == f"crawl:a:60:{slot_for('a', 60, start).number}"


@pytest.fixture
def clients(es_url):
    made = [make_client(EsConfig(urls=(es_url,))) for _ in range(3)]
    yield made
    for client in made:
        client.close()


def _race(functions):
    """Run the functions at the same moment in threads; their results."""
    barrier = threading.Barrier(len(functions))
    results: list = [None] * len(functions)

    def run(i, fn):
        barrier.wait()
        results[i] = fn()

    threads = [threading.Thread(target=run, args=(i, fn)) for i, fn in enumerate(functions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_a_slot_is_claimed_by_one_node_however_many_race(clients, indices):
    boards = [TaskBoard(c, indices, f"node-{i}", lease_s=30) for i, c in enumerate(clients)]
    now = boards[0].clock.now()
    slots = [slot_for(f"src-{k}", 60, now) for k in range(5)]
    for slot in slots:
        leases = _race([lambda b=b, s=slot: b.claim(s) for b in boards])
        winners = [i for i, lease in enumerate(leases) if lease is not None]
        assert len(winners) == 1, leases
        doc = clients[0].get(index=indices.tasks, id=slot.task_id)["_source"]
        assert doc["node"] == f"node-{winners[0]}" and doc["status"] == RUNNING
        assert doc["attempts"] == 1


def test_an_expired_lease_is_taken_over_by_exactly_one_node(clients, indices, capsys):
    a, b, c = (
        TaskBoard(cl, indices, f"node-{n}", lease_s=1.5)
        for cl, n in zip(clients, "abc", strict=True)
    )
    slot = slot_for("slow-source", 3600, a.clock.now())
    lease = a.claim(slot)
    assert lease is not None
    assert b.claim(slot) is None  # held, lease live: not b's
    assert b.take_over(slot.task_id) is None
    assert a.renew(lease)  # a is alive: its lease goes on
    # a dies (no more renewals); once the cluster's clock passes its lease, b or c takes it.
    until = datetime.fromisoformat(lease.doc["lease_until"])
    while EsClock(clients[0], resync_s=0).now() <= until:
        time.sleep(0.2)
    taken = _race([lambda: b.take_over(slot.task_id), lambda: c.take_over(slot.task_id)])
    assert sum(t is not None for t in taken) == 1, taken
    winner = next(t for t in taken if t is not None)
    doc = clients[0].get(index=indices.tasks, id=slot.task_id)["_source"]
    assert doc["taken_over_from"] == "node-a" and doc["attempts"] == 2
    assert doc["node"] in ("node-b", "node-c")
    # a comes back: its renewal fails (the task is no longer its) and it must stop.
    assert not a.renew(lease)
    assert not a.finish(lease, DONE)
    # The winner settles it; a finished task is never taken over again.
    holder = b if doc["node"] == "node-b" else c
    assert holder.finish(winner, DONE)
    time.sleep(1.6)
    assert a.take_over(slot.task_id) is None
    clients[0].indices.refresh(index=indices.tasks)
    assert a.expired(["slow-source"]) == []

    # `status` material: node-b/c hold nothing now, the takeover is listed.
    clients[0].index(
        index=indices.nodes,
        id="node-b",
        # A beat stamped a little ahead of the clock that reads it (each node estimates
        # Elasticsearch's clock on its own) is "0 s ago", not "-0 s" or "-2 s".
        document={
            "node": "node-b",
            "status": "running",
            "heartbeat_at": (a.clock.now() + timedelta(seconds=2)).isoformat(),
        },
        refresh=True,
    )
    status = fleet_status(clients[0], indices)
    assert [n["node"] for n in status["nodes"]] == ["node-b"]
    assert status["nodes"][0]["heartbeat_age_s"] == 0
    print_fleet(status)
    assert re.search(r"node-b\s+running\s+heartbeat 0 s ago", capsys.readouterr().out)
    assert status["nodes"][0]["leases"] == []
    assert [p["taken_over_from"] for p in status["recent_problems"]] == ["node-a"]


# -- alert sweeps run by three sweepers at once ------------------------------------------


def test_three_sweepers_at_once_deliver_each_claim_once_per_channel(
    es_url, es, indices, smtp_receiver, slack_receiver, tmp_path
):
    notifiers_env = {**smtp_receiver.env(), **slack_receiver.env()}
    write_article(
        es,
        indices,
        "seed",
        [claim(12000, source="NIS")],
        is_seed=True,
        url="seed:x",
        published_at="2024-10-18T00:00:00+00:00",
    )
    stop = threading.Event()
    errors: list[BaseException] = []
    sweeps = [0, 0, 0]

    def sweeper_loop(i: int) -> None:
        client = make_client(EsConfig(urls=(es_url,)))
        sweeper = AlertSweeper(
            client, indices, notifiers_from_env(notifiers_env), tmp_path / f"journal-{i}", SWEEP
        )
        try:
            while not stop.is_set():
                sweeper.sweep()
                sweeps[i] += 1
        except BaseException as exc:  # shown below: a sweeper must not die
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=sweeper_loop, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    figures = []
    try:
        # New claims keep arriving while the three sweep: 5 articles, 2 new figures each.
        for n in range(5):
            batch = [31000 + 4000 * n, 33000 + 4000 * n]
            figures += batch
            write_article(es, indices, f"wave-{n}", [claim(f, source=f"HUR{n}") for f in batch])
            time.sleep(0.4)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            docs = alert_docs(es, indices)
            if len(docs) == 2 * len(figures) and {d["status"] for d in docs.values()} == {"sent"}:
                break
            time.sleep(0.3)
        time.sleep(2)  # more concurrent sweeps: nothing else may go out
    finally:
        stop.set()
        for t in threads:
            t.join(60)
    assert not errors, errors
    assert min(sweeps) > 3  # all three really swept
    docs = alert_docs(es, indices)
    assert len(docs) == 2 * len(figures)
    assert {d["status"] for d in docs.values()} == {"sent"}

    # Slack: each message's fallback text names its new claims only.
    texts = [p.get("text") or "" for p in slack_receiver.payloads]
    assert {f: sum(f"{f:,}" in t for t in texts) for f in figures} == {f: 1 for f in figures}
    # Email: each digest says how many new claims it carries (its timelines repeat older
    # figures); they add up to one per claim, and each figure is in some digest.
    bodies = [email_text(m) for m in smtp_receiver.messages]
    counts = [int(re.search(r"(\d+) new troop-figure claims?", b).group(1)) for b in bodies]
    assert sum(counts) == len(figures)
    assert all(any(f"{f:,}" in b for b in bodies) for f in figures)


# -- backfill as tasks -------------------------------------------------------------------


def test_backfill_warc_files_are_tasks_any_daemon_takes(es, indices, tw_env, tmp_path):
    from tests.conftest import run_troopwatch
    from tests.press import write_warc
    from tests.test_daemon import DaemonProcess, catalogue, wait_for

    big, small = tmp_path / "press.warc.gz", tmp_path / "feed.warc"
    urls = write_warc(big)  # rendered offline: no press server runs
    write_warc(small, ["/meridian-wire/rss.xml"])
    env = {
        **tw_env,
        "TROOPWATCH_SOURCES": catalogue(tmp_path / "sources.yaml", []),
        "TROOPWATCH_HEARTBEAT_SECONDS": "0.5",
        "TROOPWATCH_ALLOW_PRIVATE_NETWORKS": "0",
    }
    proc = run_troopwatch(["backfill", "warc", str(big), str(small)], env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("2 WARC file(s) queued, 0 queued before")
    again = run_troopwatch(["backfill", "warc", str(big)], env, timeout=120)
    assert again.stdout.startswith("0 WARC file(s) queued, 1 queued before")
    (tmp_path / "notes.txt").write_text("hello")
    bad = run_troopwatch(["backfill", "warc", str(tmp_path / "notes.txt")], env, timeout=60)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "not a WARC file" in bad.stderr

    daemon = DaemonProcess(env, tmp_path / "daemon.log").start()
    try:

        def backfill_tasks():
            es.indices.refresh(index=indices.tasks)
            hits = es.search(index=indices.tasks, query={"term": {"kind": "backfill"}})
            return {h["_source"]["path"]: h["_source"] for h in hits["hits"]["hits"]}

        wait_for(
            lambda: {t["status"] for t in backfill_tasks().values()} == {"done"}, 120, "backfill"
        )
        tasks = backfill_tasks()
        assert set(tasks) == {str(big), str(small)}
        assert {t["node"] for t in tasks.values()} == {
            re.search(r"node (\S+)\)", daemon.log).group(1)
        }
        es.indices.refresh(index=indices.articles)
        indexed = es.count(index=indices.articles, query={"term": {"is_seed": False}})["count"]
        assert 0 < indexed <= len(urls)
        status = run_troopwatch(["status"], env, timeout=60)
        assert "backfill (WARC files): 2 done" in status.stdout, status.stdout
        assert daemon.stop() == 0
    finally:
        daemon.kill()


# -- the local cluster -------------------------------------------------------------------


def test_a_local_cluster_gives_each_node_its_ports_and_directory(tmp_path):
    from troopwatch.es.local import LocalCluster

    cluster = LocalCluster(tmp_path / "es", nodes=3, http_port=9290, transport_port=9296)
    members = cluster.members()
    assert [m.http_port for m in members] == [9290, 9291, 9292]
    assert [m.transport_port for m in members] == [9296, 9297, 9298]
    assert len({m.home for m in members}) == 3
    assert {m.seed_hosts for m in members} == {
        ("127.0.0.1:9296", "127.0.0.1:9297", "127.0.0.1:9298")
    }
    assert members[0].initial_masters == tuple(m.node_name for m in members)
    assert cluster.urls == [
        "http://127.0.0.1:9290",
        "http://127.0.0.1:9291",
        "http://127.0.0.1:9292",
    ]


def test_es_start_refuses_a_cluster_of_no_nodes(tmp_path):
    import os

    from tests.conftest import run_troopwatch

    env = {k: v for k, v in os.environ.items() if not k.startswith("TROOPWATCH_")}
    env["TROOPWATCH_VAR_DIR"] = str(tmp_path / "var")
    proc = run_troopwatch(["es", "start", "--nodes", "0"], env, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[-1] == "troopwatch: --nodes must be 1 or more, not 0"
