"""The daemon starts from damaged state with a clear message, keeps the damaged files
aside and rebuilds its schedule from the catalogue; a saved next run time is resumed only
by a job defined the same way."""

from __future__ import annotations

import json
import signal
from datetime import datetime
from pathlib import Path

import pytest

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


def var_dir(env: dict) -> Path:
    var = Path(env["TROOPWATCH_VAR_DIR"])
    var.mkdir(parents=True, exist_ok=True)
    return var


def saved_jobs(var: Path) -> dict[str, dict]:
    data = json.loads((var / "schedule.json").read_text(encoding="utf-8"))
    return {job["id"]: job for job in data["jobs"]}


# What a crash, a full disk or a hand edit can leave: cut short, garbage, another shape,
# a time that is not one.
DAMAGED_SCHEDULES = {
    "cut short": b'{"jobs": [{"id": "crawl:quiet-feed", "next_run_ti',
    "garbage": b"\xa5" * 4096,
    "a list": b'["crawl:quiet-feed"]',
    "a bad time": b'{"jobs": [{"id": "alerts:sweep", "next_run_time": "soon"}]}',
}


@pytest.mark.parametrize("content", DAMAGED_SCHEDULES.values(), ids=DAMAGED_SCHEDULES.keys())
def test_a_damaged_schedule_is_moved_aside_and_the_schedule_rebuilt(
    tw_env, tmp_path, daemons, content
):
    env = daemon_env(tw_env, tmp_path)
    var = var_dir(env)
    (var / "schedule.json").write_bytes(content)

    daemon = daemons(env, tmp_path / "daemon.log").start()
    assert "Traceback" not in daemon.log
    assert "schedule" in daemon.log and "is damaged" in daemon.log
    aside = list(var.glob("schedule.json.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == content  # kept as it was
    assert "schedule: alerts:sweep every" in daemon.log  # started afresh
    assert daemon.stop(signal.SIGTERM) == 0
    assert {"crawl:quiet-feed", "alerts:sweep", "spool:drain"} <= set(saved_jobs(var))


def test_a_restart_resumes_the_jobs_defined_the_same_way_only(tw_env, tmp_path, daemons):
    env = daemon_env(tw_env, tmp_path)
    var = var_dir(env)
    log_path = tmp_path / "daemon.log"
    daemon = daemons(env, log_path).start()
    assert daemon.stop(signal.SIGTERM) == 0
    before = saved_jobs(var)
    assert before["crawl:quiet-feed"]["next_run_time"] and before["spool:drain"]["next_run_time"]

    # The crawl interval changes (the spool drain's does not) while the daemon is down.
    daemon = daemons({**env, "TROOPWATCH_CRAWL_INTERVAL_SECONDS": "7200"}, log_path).start()
    drain = before["spool:drain"]["next_run_time"]
    assert f"schedule: spool:drain resumes, next run {drain}" in daemon.log
    assert "crawl:quiet-feed resumes" not in daemon.log
    assert "schedule: crawl:quiet-feed every 7200 s" in daemon.log
    assert daemon.stop(signal.SIGTERM) == 0
    after = saved_jobs(var)
    # Its own time, or (had it fallen due meanwhile) a whole number of intervals later.
    shift = datetime.fromisoformat(after["spool:drain"]["next_run_time"]) - datetime.fromisoformat(
        drain
    )
    assert shift.total_seconds() % 300 == 0
    # The job polls four times per interval; the interval (its slot) is its last argument.
    assert after["crawl:quiet-feed"]["key"][1][2] == 7200.0
    assert after["crawl:quiet-feed"]["key"][2] == 7200.0 / 4


@pytest.mark.parametrize(
    "content",
    ['["crawl-1", "crawl-2"]', '{"run-1": "pid 12345"}', '{"run-1": {"pid": "x"}}', "null"],
)
def test_a_running_crawls_file_of_another_shape_does_not_stop_the_start(
    tw_env, tmp_path, daemons, content
):
    env = daemon_env(tw_env, tmp_path)
    running = var_dir(env) / "crawls-running.json"
    running.write_text(content, encoding="utf-8")
    daemon = daemons(env, tmp_path / "daemon.log").start()
    assert "Traceback" not in daemon.log
    assert "crawls-running.json" in daemon.log  # said what it ignored, in one line
    state = json.loads(running.read_text(encoding="utf-8"))  # the daemon's own, now
    assert isinstance(state, dict) and "run-1" not in state
    assert all(isinstance(info["pid"], int) for info in state.values())
    assert daemon.stop(signal.SIGTERM) == 0
