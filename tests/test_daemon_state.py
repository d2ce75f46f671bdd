"""The daemon starts from damaged state with a clear message, keeps the damaged files
aside, rebuilds its schedule from the catalogue; a locked job store is not mistaken for a
damaged one."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.conftest import TROOPWATCH
from tests.test_daemon import FAST_ENV, catalogue
from tests.test_daemon import daemons as daemons  # noqa: F401  (a fixture)

pytestmark = pytest.mark.es


def daemon_env(tw_env: dict, tmp_path: Path) -> dict:
    return {
        **tw_env,
        **FAST_ENV,
        "TROOPWATCH_CRAWL_INTERVAL_SECONDS": "3600",
        "TROOPWATCH_SOURCES": catalogue(
            tmp_path / "sources.yaml",
            [{"id": "quiet-feed", "kind": "feed", "url": "http://127.0.0.1:9/feed.xml"}],
        ),
    }


def job_store(env: dict) -> Path:
    var = Path(env["TROOPWATCH_VAR_DIR"])
    var.mkdir(parents=True, exist_ok=True)
    return var / "scheduler.sqlite"


def write_job_store(path: Path, rows: int = 300) -> None:
    """A job store in the daemon's schema, big enough that the jobs table spans pages."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA page_size=4096")
        conn.execute(
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, next_run_time REAL, "
            "job_state BLOB NOT NULL, name TEXT, trigger TEXT)"
        )
        conn.executemany(
            "INSERT INTO jobs VALUES (?, ?, ?, ?, ?)",
            [(f"old:{i}", 1.0e9 + i, b"x" * 200, f"job {i}", "interval") for i in range(rows)],
        )
    conn.close()


def test_a_corrupt_jobs_page_is_moved_aside_and_the_schedule_rebuilt(tw_env, tmp_path, daemons):
    env = daemon_env(tw_env, tmp_path)
    path = job_store(env)
    write_job_store(path)
    data = bytearray(path.read_bytes())
    assert len(data) > 8 * 4096
    data[5 * 4096 : 6 * 4096] = b"\xa5" * 4096  # one page of the jobs table
    path.write_bytes(bytes(data))

    daemon = daemons(env, tmp_path / "daemon.log").start()
    assert "Traceback" not in daemon.log
    assert "job store" in daemon.log and "is damaged" in daemon.log
    aside = list(path.parent.glob("scheduler.sqlite.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes()[5 * 4096 : 5 * 4096 + 8] == b"\xa5" * 8
    rows = sqlite3.connect(path).execute("SELECT id FROM jobs").fetchall()
    assert {r[0] for r in rows} >= {"crawl:quiet-feed", "alerts:sweep"}
    assert daemon.stop(signal.SIGTERM) == 0


@pytest.mark.parametrize(
    "content",
    ['["crawl-1", "crawl-2"]', '{"run-1": "pid 12345"}', '{"run-1": {"pid": "x"}}', "null"],
)
def test_a_running_crawls_file_of_another_shape_does_not_stop_the_start(
    tw_env, tmp_path, daemons, content
):
    env = daemon_env(tw_env, tmp_path)
    running = job_store(env).parent / "crawls-running.json"
    running.write_text(content, encoding="utf-8")
    daemon = daemons(env, tmp_path / "daemon.log").start()
    assert "Traceback" not in daemon.log
    assert "crawls-running.json" in daemon.log  # said what it ignored, in one line
    state = json.loads(running.read_text(encoding="utf-8"))  # the daemon's own, now
    assert isinstance(state, dict) and "run-1" not in state
    assert all(isinstance(info["pid"], int) for info in state.values())
    assert daemon.stop(signal.SIGTERM) == 0


def test_a_locked_job_store_is_waited_for_not_thrown_away(tw_env, tmp_path):
    env = {**daemon_env(tw_env, tmp_path), "TROOPWATCH_JOBSTORE_WAIT_SECONDS": "2"}
    path = job_store(env)
    write_job_store(path, rows=3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the store
    try:
        done = subprocess.run(
            [*TROOPWATCH, "run"],
            env=env,
            cwd=Path(env["TROOPWATCH_VAR_DIR"]).parent,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == 1, done.stderr[-3000:]
    assert "stayed locked" in done.stderr and "another process holds it" in done.stderr
    assert "Traceback" not in done.stderr
    assert not list(path.parent.glob("scheduler.sqlite.*"))  # nothing moved aside
    rows = sqlite3.connect(path).execute("SELECT count(*) FROM jobs").fetchone()
    assert rows == (3,)
