"""`troopwatch es stop` signals only this instance's Elasticsearch, never whatever process
a stale pid file names by now."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from tests.conftest import TROOPWATCH
from troopwatch.es.local import LocalElasticsearch

ES_MAIN = "org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch"


@pytest.fixture
def processes():
    started: list[subprocess.Popen] = []

    def start(*args: str) -> subprocess.Popen:
        # A real process whose command line is `args` (the sleep is the only thing it does).
        proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)", *args])
        started.append(proc)
        # Until exec is done, /proc/PID/cmdline is still pytest's own.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with open(f"/proc/{proc.pid}/cmdline", "rb") as fh:
                if b"time.sleep(120)" in fh.read():
                    break
            time.sleep(0.02)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=10)


@pytest.fixture
def local(tmp_path):
    instance = LocalElasticsearch(home=tmp_path / "es", http_port=9289)
    instance.pid_file.parent.mkdir(parents=True, exist_ok=True)
    yield instance
    shutil.rmtree(instance.home, ignore_errors=True)  # outside tmp_path when run as root


def test_a_stale_pid_file_naming_another_process_is_not_signalled(tmp_path, processes, local):
    bystander = processes()  # e.g. the pid was reused by a user's editor
    local.pid_file.write_text(str(bystander.pid))
    assert local.pid() is None and local.status()["pid"] is None
    assert local.stop(timeout=2) is False
    time.sleep(0.5)
    assert bystander.poll() is None  # still running: nothing was sent to it

    # Another instance's Elasticsearch (another home) is not ours either.
    other = processes(f"-Des.path.home={tmp_path / 'other' / local.install_dir.name}", ES_MAIN)
    local.pid_file.write_text(str(other.pid))
    assert local.stop(timeout=2) is False
    time.sleep(0.5)
    assert other.poll() is None


def test_our_elasticsearch_is_stopped(processes, local):
    ours = processes("-Xms512m", f"-Des.path.home={local.install_dir}", ES_MAIN)
    local.pid_file.write_text(f"{ours.pid}\n")
    assert local.pid() == ours.pid
    assert local.stop(timeout=10) is True
    assert ours.wait(timeout=10) is not None


@pytest.mark.es
def test_sigterm_during_start_up_leaves_no_elasticsearch_running(tmp_path):
    """A real `troopwatch es start` on a spare port, stopped by SIGTERM while Elasticsearch
    is coming up: nothing of it may stay running."""
    var = tmp_path / "var"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TROOPWATCH_", "SCRAPY_"))}
    env.update(TROOPWATCH_VAR_DIR=str(var), TROOPWATCH_LOCAL_ES_PORT="9281")
    local = LocalElasticsearch(home=var / "elasticsearch", http_port=9281)  # as `es start`
    assert local.health() is None, "port 9281 is taken"
    proc = subprocess.Popen([*TROOPWATCH, "es", "start"], env=env, cwd=tmp_path)
    try:
        deadline = time.monotonic() + 240
        while not local.processes() and time.monotonic() < deadline:
            assert proc.poll() is None, "es start ended before Elasticsearch was launched"
            time.sleep(0.2)
        assert local.processes(), "Elasticsearch never started"
        assert local.health() is None  # still starting: the moment that matters
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=90)
        time.sleep(5)  # a left-over server would still be running (and soon answering)
        assert local.processes() == []
        assert local.health() is None
    finally:
        if proc.poll() is None:
            proc.kill()
        for pid in local.processes():
            os.kill(pid, signal.SIGKILL)
        shutil.rmtree(local.home, ignore_errors=True)  # may live outside tmp_path (root)
