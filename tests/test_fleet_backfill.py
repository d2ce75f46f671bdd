"""Backfills run by a fleet: WARC files spread over daemons and survive one being killed,
GDELT time windows asked of a local GDELT-like server, failed tasks retried, and the
progress bar `troopwatch backfill` draws in a terminal.

Real Elasticsearch (the session's), real `troopwatch run` daemons, real WARC files
(warcio, fixture press pages), a real local HTTP server answering like the GDELT DOC 2.0
API; short leases through the environment.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import pty
import re
import select
import signal
import subprocess
import threading
import time
from collections import Counter
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import TROOPWATCH, run_troopwatch
from tests.press.warc import write_warc
from tests.test_daemon import DaemonProcess, catalogue, wait_for
from tests.test_fleet_cluster import _kill_like_a_machine
from troopwatch.backfill import follow_tasks, parse_bound, progress_line, task_counts
from troopwatch.fleet import (
    DONE,
    FAILED,
    QUEUED,
    RUNNING,
    EsClock,
    TaskBoard,
    backfill_task_id,
    enqueue_backfill,
    gdelt_window_args,
    gdelt_windows,
)

# Several daemons racing for leases on real time: run alone, not beside other test files
# (`make test` runs the `serial` tests after the parallel ones).
pytestmark = [pytest.mark.es, pytest.mark.serial]

LEASE = 4  # seconds: a killed daemon's backfill task is taken over soon after


def _fleet_env(tw_env: dict, tmp_path: Path, name: str, **more: str) -> dict:
    var = tmp_path / name / "var"
    var.mkdir(parents=True)
    return {
        **tw_env,
        "TROOPWATCH_NODE_ID": name,
        "TROOPWATCH_VAR_DIR": str(var),
        "TROOPWATCH_SPOOL_DIR": str(tmp_path / name / "spool"),
        "TROOPWATCH_SOURCES": catalogue(tmp_path / "sources.yaml", []),
        "TROOPWATCH_TASK_LEASE_SECONDS": str(LEASE),
        "TROOPWATCH_HEARTBEAT_SECONDS": "0.5",
        "TROOPWATCH_SWEEP_SECONDS": "30",
        # Every page of the archives is an article (none dropped as off-topic).
        "TROOPWATCH_RELEVANCE_SCORE_ONLY": "1",
        **more,
    }


def _tasks(es, indices, kind: str) -> dict[str, dict]:
    es.indices.refresh(index=indices.tasks)
    hits = es.search(index=indices.tasks, size=500, query={"term": {"task": kind}})
    return {h["_id"]: h["_source"] for h in hits["hits"]["hits"]}


def _articles(es, indices) -> list[dict]:
    es.indices.refresh(index=indices.articles)
    hits = es.search(
        index=indices.articles,
        size=1000,
        query={"term": {"is_seed": False}},
        source_includes=["url", "source"],
    )
    return [h["_source"] for h in hits["hits"]["hits"]]


# -- WARC files over two daemons, one killed ------------------------------------------


WORDS = (
    "analysts army artillery battalion border bridge brigade captain checkpoint column "
    "commander convoy corridor defence deployment depot drone engineers evening field "
    "footage fortification frontline garrison general headquarters highway infantry "
    "intelligence interpreter journalist lieutenant logistics mechanised ministry morning "
    "officers outpost patrol platoon railway reconnaissance regiment reinforcement report "
    "reservists river rotation satellite sector shelling soldiers spokesman supply tanks "
    "territory trench troops uniform units village volunteers warehouse winter wounded"
)
VOCABULARY = WORDS.split()


def _archive_pages(n_files: int, per_file: int) -> tuple[object, list[list[str]]]:
    """Press pages for the archives: distinct on-topic reports (each its own figure and
    its own words, so that none is a near-duplicate of another): every record is its own
    article."""
    import random

    from tests.press.routes import PressState
    from tests.press.warc import DEFAULT_BASE

    state = PressState(DEFAULT_BASE)
    sites = ("meridian-wire", "coastal-herald", "frontline-notes", "kyiv-courier")
    files = []
    for f in range(n_files):
        urls = []
        for k in range(per_file):
            n = f * per_file + k
            figure = 40_000 + 1_000 * n
            rng = random.Random(n)
            prose = [" ".join(rng.choice(VOCABULARY) for _ in range(40)) + "." for _ in range(4)]
            article = state.publish(
                {
                    "site": sites[n % len(sites)],
                    "slug": f"archive-{f}-{k}-north-korean-troops-{figure}",
                    "title": f"Report {n}: {figure:,} North Korean troops in Kursk",
                    "published": datetime(2025, 2, 1 + f, 8 + k, tzinfo=UTC),
                    "body": [
                        f"Officials said that {figure:,} North Korean troops have been "
                        "deployed to Russia's Kursk region.",
                        *(p.capitalize() for p in prose),
                    ],
                }
            )
            urls.append(article.url)
        files.append(urls)
    return state, files


def test_a_warc_backfill_spreads_over_two_daemons_and_completes_once_when_one_is_killed(
    es, indices, tw_env, tmp_path
):
    state, pages = _archive_pages(n_files=5, per_file=4)
    paths = []
    for n, urls in enumerate(pages):
        path = tmp_path / f"archive-{n}.warc.gz"
        assert write_warc(path, urls, state=state) == urls
        paths.append(str(path))
    envs = {
        name: _fleet_env(tw_env, tmp_path, name, TROOPWATCH_MAX_PARALLEL_CRAWLS="1")
        for name in ("node-a", "node-b")
    }
    daemons = {name: DaemonProcess(env, tmp_path / f"{name}.log") for name, env in envs.items()}
    try:
        for daemon in daemons.values():
            daemon.start()
        proc = run_troopwatch(["backfill", "warc", *paths], envs["node-a"], timeout=120)
        assert proc.returncode == 0, proc.stderr
        ids = [backfill_task_id(p) for p in paths]
        assert proc.stdout.splitlines()[1:] == ids  # not a terminal: the task ids

        # node-a dies like a machine while it holds a file, after finishing another one.
        def a_busy_after_some_work():
            tasks = _tasks(es, indices, "backfill:warc")
            mine = [t for t in tasks.values() if t.get("node") == "node-a"]
            done = [t for t in mine if t["status"] == DONE]
            running = [t for t in mine if t["status"] == RUNNING]
            return done and running and running[0]

        victim = wait_for(a_busy_after_some_work, 120, "node-a busy after finishing a file")
        _kill_like_a_machine(daemons["node-a"], Path(envs["node-a"]["TROOPWATCH_VAR_DIR"]))
        wait_for(
            lambda: {t["status"] for t in _tasks(es, indices, "backfill:warc").values()} == {DONE},
            120,
            "every file done",
        )
        tasks = _tasks(es, indices, "backfill:warc")
        status = run_troopwatch(["status"], envs["node-b"], timeout=60)
        assert daemons["node-b"].stop() == 0
    finally:
        for daemon in daemons.values():
            daemon.kill()
        for name, daemon in daemons.items():
            print(f"--- {name} ---\n{daemon.log_path.read_text(errors='replace')[-3000:]}")

    # The killed node's file was taken over by the other and finished there.
    [taken] = [t for t in tasks.values() if t["path"] == victim["path"]]
    assert taken["taken_over_from"] == "node-a" and taken["node"] == "node-b"
    assert taken["attempts"] == 2
    # Both did some of the work; every task ended done, none is still held.
    assert {t["node"] for t in tasks.values()} == {"node-a", "node-b"}
    assert set(tasks) == set(ids)
    # Every record of every file indexed exactly once: none lost, no duplicate.
    articles = _articles(es, indices)
    every = [url for urls in pages for url in urls]
    assert Counter(a["url"] for a in articles) == Counter(every)
    # One successful run per task (the killed one never finished).
    es.indices.refresh(index=indices.runs)
    runs = es.search(index=indices.runs, size=100, query={"term": {"status": "ok"}})
    per_task = Counter(h["_source"].get("task") for h in runs["hits"]["hits"])
    assert per_task == Counter(ids), per_task
    assert "backfill (WARC files): 5 done" in status.stdout, status.stdout
    victim_id = ids[paths.index(victim["path"])]
    line = f"task {victim_id} {victim['path']} done taken over from node-a by node-b"
    assert line in status.stdout, status.stdout


# -- GDELT windows -------------------------------------------------------------------------

RATE_LIMITED = b"Please limit requests to one every 5 seconds or contact us for larger queries."


class GdeltLike:
    """A local HTTP server that answers like the GDELT DOC 2.0 API (the fixture press's
    search over its articles), records each request's window and refuses bad ones; it
    answers GDELT's rate-limit sentence to the windows in `refuse` (as many times as
    their count), and always to the query "refused"."""

    def __init__(self, press):
        self.press = press
        self.requests: list[dict] = []
        self.refuse: Counter = Counter()
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                outer.answer(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v2/doc/doc"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(handler.path)
        if parts.path != "/api/v2/doc/doc":  # robots.txt
            handler.send_error(404)
            return
        qs = parse_qs(parts.query)
        p = {k: v[0] for k, v in qs.items()}
        window = (p.get("startdatetime"), p.get("enddatetime"))
        try:
            start, end = (datetime.strptime(w or "", "%Y%m%d%H%M%S") for w in window)
            good = start <= end and p.get("mode") == "ArtList" and p.get("format") == "json"
        except ValueError:
            good = False
        with self.lock:
            refused = p.get("query") == "refused" or self.refuse[window] > 0
            if self.refuse[window] > 0:
                self.refuse[window] -= 1
            self.requests.append({**p, "good": good, "refused": refused})
        if not good:
            status, body, kind = 400, b"bad startdatetime / enddatetime", "text/plain"
        elif refused:
            status, body, kind = 200, RATE_LIMITED, "text/plain"
        else:
            resp = self.press.state.gdelt(qs)
            status, body, kind = resp.status, resp.body, resp.content_type
        handler.send_response(status)
        handler.send_header("Content-Type", kind)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_gdelt_windows_cut_the_range_and_name_gdelts_bounds():
    start, end = parse_bound("2025-01-13"), parse_bound("2025-01-15", end=True)
    windows = gdelt_windows(start, end, 24)
    assert [(a.day, b.day) for a, b in windows] == [(13, 14), (14, 15), (15, 16)]
    assert gdelt_window_args(*windows[0]) == ("20250113000000", "20250113235959")
    assert len(gdelt_windows(start, end, 7)) == 11  # 72 h: the last window is shorter
    assert gdelt_windows(start, end, 7)[-1][1] == end
    assert parse_bound("2025-01-13T06:30") == datetime(2025, 1, 13, 6, 30, tzinfo=UTC)
    assert parse_bound("2025-01-13T06:30+02:00") == datetime(2025, 1, 13, 4, 30, tzinfo=UTC)
    with pytest.raises(ValueError, match="cannot read 'yesterday' as a date"):
        parse_bound("yesterday")
    with pytest.raises(ValueError, match="before it starts"):
        gdelt_windows(end, start, 24)
    with pytest.raises(ValueError, match="more than 0 hours"):
        gdelt_windows(start, end, 0)


def test_a_gdelt_window_asks_gdelt_for_that_window_only():
    from crawler.spiders.gdelt import DEFAULT_QUERY, GdeltSpider, gdelt_window_url

    url = gdelt_window_url("http://gdelt.test/api/v2/doc/doc", "kursk (a OR b)", "1", "2")
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("gdelt.test", "/api/v2/doc/doc")
    assert {k: v[0] for k, v in parse_qs(parts.query).items()} == {
        "query": "kursk (a OR b)",
        "mode": "ArtList",
        "format": "json",
        "maxrecords": "250",
        "startdatetime": "1",
        "enddatetime": "2",
        "sort": "DateAsc",
    }
    spider = GdeltSpider(startdatetime="20250101000000", enddatetime="20250101235959")
    assert spider.window == (DEFAULT_QUERY, "20250101000000", "20250101235959")
    assert GdeltSpider().window is None  # the catalogue's searches, as before
    with pytest.raises(ValueError, match="startdatetime must be YYYYMMDDHHMMSS"):
        GdeltSpider(query="kursk", startdatetime="2025-01-01", enddatetime="20250101235959")
    with pytest.raises(ValueError):
        GdeltSpider(startdatetime="20251301000000", enddatetime="20251301235959")


def test_a_gdelt_backfill_runs_each_window_once_and_retries_a_refused_one(
    es, indices, tw_env, tmp_path
):
    from tests.press import Press

    with Press.start() as press:
        gdelt = GdeltLike(press)
        env = _fleet_env(
            tw_env,
            tmp_path,
            "node-g",
            TROOPWATCH_GDELT_URL=gdelt.url,
            TROOPWATCH_BACKFILL_RETRIES="1",
            TROOPWATCH_BACKFILL_RETRY_SECONDS="1",
        )
        bad = run_troopwatch(
            ["backfill", "gdelt", "--from", "2025-01-15", "--to", "2025-01-13"], env, timeout=60
        )
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1, bad.stderr
        assert "before it starts" in bad.stderr
        # The middle window is refused once (GDELT's rate limit): retried, then answered.
        gdelt.refuse[("20250429000000", "20250429235959")] = 1
        args = ["backfill", "gdelt", "--from", "2025-04-28", "--to", "2025-04-30"]
        proc = run_troopwatch([*args, "--query", "kursk"], env, timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.startswith("3 GDELT window(s) of 24 h queued, 0 queued before")
        ids = proc.stdout.splitlines()[1:]
        assert len(ids) == 3 and all(i.startswith("backfill:gdelt:") for i in ids)
        # A window GDELT always refuses: tried 1 + TROOPWATCH_BACKFILL_RETRIES times.
        refused = run_troopwatch(
            [*args[:3], "2025-01-20", "--to", "2025-01-20", "--query", "refused"], env
        )
        assert refused.returncode == 0 and refused.stdout.startswith("1 GDELT window(s)")
        [refused_id] = refused.stdout.splitlines()[1:]

        daemon = DaemonProcess(env, tmp_path / "daemon.log").start()
        try:
            wait_for(
                lambda: (
                    {t["status"] for t in _tasks(es, indices, "backfill:gdelt").values()}
                    <= {DONE, FAILED}
                    and len(_tasks(es, indices, "backfill:gdelt")) == 4
                ),
                150,
                "the GDELT windows settled",
            )
            tasks = _tasks(es, indices, "backfill:gdelt")
            status = run_troopwatch(["status"], env, timeout=60)
            assert daemon.stop() == 0
        finally:
            daemon.kill()
            gdelt.close()
            print(daemon.log[-4000:])
        answers = {
            (r["startdatetime"], r["enddatetime"]): r for r in gdelt.requests if not r["refused"]
        }
        expected = {}
        for window in answers:
            qs = {"query": ["kursk"], "mode": ["ArtList"], "format": ["json"]}
            qs.update(startdatetime=[window[0]], enddatetime=[window[1]], maxrecords=["250"])
            body = press.state.gdelt(qs).body
            expected[window] = {a["url"] for a in json.loads(body).get("articles", [])}

    assert all(r["good"] for r in gdelt.requests), gdelt.requests
    # Each window asked with its own bounds and answered once; the refused one twice.
    windows = [("20250428000000", "20250428235959"), ("20250429000000", "20250429235959")]
    windows.append(("20250430000000", "20250430235959"))
    asked = Counter((r["startdatetime"], r["enddatetime"]) for r in gdelt.requests)
    assert {w: asked[w] for w in windows} == {windows[0]: 1, windows[1]: 2, windows[2]: 1}
    assert set(answers) == set(windows)
    assert all(r["query"] == "kursk" and r["maxrecords"] == "250" for r in answers.values())
    assert asked[("20250120000000", "20250120235959")] == 2  # 1 + 1 retry

    # The answered windows' articles are indexed, each once, as the backfill's.
    articles = _articles(es, indices)
    assert all(expected.values())  # every window held articles
    want = set().union(*expected.values())
    urls = Counter(a["url"] for a in articles if a["source"] == "gdelt-backfill")
    assert set(urls) == want and set(urls.values()) == {1}, (urls, want)

    retried = tasks[ids[1]]
    assert retried["status"] == DONE and retried["attempts"] == 2
    assert [f["error"] for f in retried["failures"]] == [retried["error"]]
    assert "Please limit requests" in retried["error"]
    assert {tasks[i]["status"] for i in ids} == {DONE}
    lost = tasks[refused_id]
    assert lost["status"] == FAILED and len(lost["failures"]) == 2
    assert "exited with status 1" in lost["error"] and "Please limit requests" in lost["error"]

    assert "backfill (GDELT windows): 3 done, 1 failed" in status.stdout, status.stdout
    assert re.search(
        rf"! task {refused_id} 2025-01-20 00:00:00 UTC \.\. 2025-01-21 00:00:00 UTC failed after "
        r"2 attempts on node-g: exited with status 1: .*Please limit requests",
        status.stdout,
    ), status.stdout


# -- retries ------------------------------------------------------------------------------


def test_a_failed_backfill_task_is_retried_then_failed_with_its_reasons(es, indices):
    board = TaskBoard(es, indices, "node-r", lease_s=30, clock=EsClock(es, resync_s=0))
    other = TaskBoard(es, indices, "node-s", lease_s=30, clock=EsClock(es, resync_s=0))
    enqueue_backfill(es, indices, ["/archives/a.warc.gz"])
    es.indices.refresh(index=indices.tasks)
    task_id = backfill_task_id("/archives/a.warc.gz")
    reasons = []
    for attempt in (1, 2, 3):
        lease = wait_for(
            lambda b=(board if attempt % 2 else other): b.claim_backfill(exists=lambda p: True),
            30,
            f"attempt {attempt} claimed",
        )
        assert lease.task_id == task_id and lease.doc["attempts"] == attempt
        reasons.append(f"exited with status 1: failure number {attempt}")
        holder = board if attempt % 2 else other
        settled = holder.fail(lease, reasons[-1], retries=2, retry_delay_s=1.5)
        doc = es.get(index=indices.tasks, id=task_id)["_source"]
        if attempt < 3:
            assert settled == QUEUED and doc["status"] == QUEUED and doc["node"] is None
            assert doc["error"] == reasons[-1]
            es.indices.refresh(index=indices.tasks)
            # Not before its retry delay, by anyone.
            assert board.claim_backfill(exists=lambda p: True) is None
            assert other.claim_backfill(exists=lambda p: True) is None
    assert settled == FAILED and doc["status"] == FAILED
    assert doc["error"] == reasons[-1]
    assert [f["error"] for f in doc["failures"]] == reasons
    assert [f["node"] for f in doc["failures"]] == ["node-r", "node-s", "node-r"]
    es.indices.refresh(index=indices.tasks)
    assert board.claim_backfill(exists=lambda p: True) is None  # failed stays failed
    # A crawl task that fails is not queued again (its next slot is the retry).
    from troopwatch.fleet import slot_for

    crawl = board.claim(slot_for("src", 600, board.clock.now()))
    assert board.fail(crawl, "exited with status 1", retries=2, retry_delay_s=1) == FAILED


# -- the progress bar ---------------------------------------------------------------------


def test_progress_line_draws_done_failed_and_the_rest():
    counts = {DONE: 5, FAILED: 1, RUNNING: 2, QUEUED: 4, "retrying": 1}
    assert progress_line(counts, 12, width=12) == (
        "[#####x------] 5/12 done, 2 running, 1 failed, 4 queued (1 retrying)"
    )
    assert progress_line({DONE: 3}, 3, width=6) == "[######] 3/3 done, 0 running, 0 failed"
    assert progress_line({}, 4, width=4) == "[----] 0/4 done, 0 running, 0 failed"
    # One failure among many still shows; the bar never grows past its width.
    line = progress_line({DONE: 99, FAILED: 1}, 100, width=10)
    assert line.startswith("[#########x] 99/100 done")
    assert progress_line({DONE: 0, QUEUED: 2}, 2, width=2) == (
        "[--] 0/2 done, 0 running, 0 failed, 2 queued"
    )


def _work_through(es, indices, paths: list[str], fail: str | None = None, hold: float = 0.4):
    """A worker node (a thread here): takes each task, holds it a moment, settles it."""
    board = TaskBoard(es, indices, "node-w", lease_s=30)

    def run():
        settled = 0
        deadline = time.monotonic() + 60
        while settled < len(paths) and time.monotonic() < deadline:
            es.indices.refresh(index=indices.tasks)
            lease = board.claim_backfill(exists=lambda p: True)
            if lease is None:
                time.sleep(0.2)
                continue
            time.sleep(hold)  # running: the bar shows it
            if lease.doc["path"] == fail:
                board.fail(lease, "exited with status 1: unreadable", retries=0, retry_delay_s=0)
            else:
                board.finish(lease, DONE)
            settled += 1

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_follow_tasks_redraws_until_every_task_is_settled(es, indices):
    paths = [f"/archives/{n}.warc" for n in range(4)]
    enqueue_backfill(es, indices, paths)
    ids = [backfill_task_id(p) for p in paths]
    assert task_counts(es, indices, ids)[QUEUED] == 4
    worker = _work_through(es, indices, paths, fail=paths[2])
    out = io.StringIO()
    counts = follow_tasks(es, indices, ids, out, every_s=0.1)
    worker.join(10)
    assert counts[DONE] == 3 and counts[FAILED] == 1
    frames = out.getvalue().split("\r")[1:]
    assert frames[-1].rstrip() == "[" + "#" * 18 + "x" * 6 + "] 3/4 done, 0 running, 1 failed"
    assert frames[-1].endswith("\n") and "\n" not in "".join(frames[:-1])
    assert frames[0].startswith("[------------------------] 0/4 done")
    assert any(", 1 running," in f for f in frames)  # it followed the work as it went
    done_seen = [int(re.search(r"(\d)/4 done", f).group(1)) for f in frames]
    assert done_seen == sorted(done_seen)


def _in_a_terminal(args: list[str], env: dict) -> tuple[subprocess.Popen, int]:
    """`troopwatch ARGS` with its output on a pseudo-terminal; (process, the reading end).

    Ctrl-C reaches it as it reaches a command a user runs in a terminal: a test run started
    in the background by a non-interactive shell (`… &`, as CI jobs may be) ignores SIGINT,
    and Python keeps ignoring a signal ignored when it starts."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [*TROOPWATCH, *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    os.close(follower)
    return proc, leader


def test_backfill_in_a_terminal_shows_the_bar_until_done(es, indices, tw_env, tmp_path):
    paths = [str(tmp_path / f"feed-{n}.warc") for n in range(2)]
    for path in paths:
        write_warc(path, ["/meridian-wire/rss.xml"])
    worker = _work_through(es, indices, paths, hold=1.5)
    proc, leader = _in_a_terminal(["backfill", "warc", *paths], tw_env)
    output = b""
    with contextlib.suppress(OSError):  # EIO once the command has exited
        while chunk := os.read(leader, 4096):
            output += chunk
    os.close(leader)
    assert proc.wait(60) == 0, proc.stderr.read()
    worker.join(10)
    text = output.decode()
    assert text.startswith("2 WARC file(s) queued")
    assert "\r[------------------------] 0/2 done" in text
    assert text.rstrip().endswith("[########################] 2/2 done, 0 running, 0 failed")
    assert "backfill:warc:" not in text  # a terminal gets the bar, not the ids


def test_ctrl_c_stops_following_and_leaves_the_tasks_queued(es, indices, tw_env, tmp_path):
    path = str(tmp_path / "feed.warc")
    write_warc(path, ["/meridian-wire/rss.xml"])
    proc, leader = _in_a_terminal(["backfill", "warc", path], tw_env)
    output = b""
    while b"0/1 done" not in output:  # following: no daemon takes the task
        output += os.read(leader, 4096)
    proc.send_signal(signal.SIGINT)
    # Read until the terminal closes, or (a process it started still holding it) until the
    # command has exited and said nothing more for a second: never block on the terminal.
    deadline = time.monotonic() + 60
    with contextlib.suppress(OSError):
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 1.0)
            if ready:
                chunk = os.read(leader, 4096)
                if not chunk:
                    break
                output += chunk
            elif proc.poll() is not None:
                break
    os.close(leader)
    assert proc.wait(30) == 130, (output.decode(errors="replace"), proc.stderr.read())
    assert (
        output.decode().rstrip().endswith("stopped following; the tasks go on (troopwatch status)")
    )
    assert task_counts(es, indices, [backfill_task_id(path)])[QUEUED] == 1
