"""Shared fixtures: a real Elasticsearch for the whole session, one index prefix per test.

The test session starts the project's own Elasticsearch (var/es-test, port 9250 unless
TROOPWATCH_TEST_ES_PORT says otherwise) exactly as `troopwatch es start` does, or uses
TROOPWATCH_TEST_ES_URL. It stops it at the end unless it was already running or
TROOPWATCH_TEST_KEEP_ES=1. Under pytest-xdist (`make test` runs two workers) the workers
share that one server: the first to need it starts it under a file lock, and the run's
controller stops it once every worker is done.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.es.indices import Indices, drop_indices, setup_indices
from troopwatch.es.local import LocalElasticsearch
from troopwatch.paths import PROJECT_ROOT, var_dir

TROOPWATCH = [sys.executable, "-m", "troopwatch.cli"]


def pytest_collection_modifyitems(config, items) -> None:
    """Every test that needs the session's Elasticsearch (through `es_url`, directly or via
    `es`, `index_prefix`, `indices`, `tw_env` or a fixture built on them) is marked `es`,
    so `pytest -m "not es"` runs the rest with no server."""
    for item in items:
        if "es_url" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.es)


def pytest_configure(config) -> None:
    # One id per run, set before xdist starts its workers (they inherit the environment):
    # it marks the test server as started by this run, whoever of its workers started it.
    if not hasattr(config, "workerinput"):
        os.environ["TROOPWATCH_TEST_RUN"] = uuid.uuid4().hex


def _test_es() -> LocalElasticsearch:
    port = int(os.environ.get("TROOPWATCH_TEST_ES_PORT", "9250"))
    return LocalElasticsearch(home=var_dir() / "es-test", http_port=port)


def _started_mark(local: LocalElasticsearch) -> Path:
    return local.home.parent / f"{local.home.name}.started-by"


@pytest.fixture(scope="session")
def es_url():
    url = os.environ.get("TROOPWATCH_TEST_ES_URL")
    if url:
        yield url
        return
    local = _test_es()
    local.home.parent.mkdir(parents=True, exist_ok=True)
    with open(local.home.parent / f"{local.home.name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # xdist workers: one starts it, the others wait
        if local.health() is None:
            local.start()
            _started_mark(local).write_text(os.environ["TROOPWATCH_TEST_RUN"])
    yield local.url


def pytest_sessionfinish(session) -> None:
    """Stop the test server this run started, in the process that outlives every worker."""
    if hasattr(session.config, "workerinput") or os.environ.get("TROOPWATCH_TEST_ES_URL"):
        return
    local = _test_es()
    mark = _started_mark(local)
    with contextlib.suppress(OSError):
        if mark.read_text() != os.environ.get("TROOPWATCH_TEST_RUN"):
            return  # running before this run, or started by another one
        if not os.environ.get("TROOPWATCH_TEST_KEEP_ES"):
            local.stop()
        mark.unlink()


@pytest.fixture
def es(es_url):
    client = make_client(EsConfig(urls=(es_url,)))
    yield client
    client.close()


@pytest.fixture
def index_prefix(es):
    prefix = f"twtest-{uuid.uuid4().hex[:10]}"
    setup_indices(es, prefix)
    yield prefix
    drop_indices(es, prefix)


@pytest.fixture
def indices(index_prefix) -> Indices:
    return Indices(index_prefix)


@pytest.fixture
def tw_env(es_url, index_prefix, tmp_path) -> dict:
    """Environment for running `troopwatch` commands against the test index prefix."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TROOPWATCH_", "SCRAPY_"))}
    env.update(
        TROOPWATCH_ES_URL=es_url,
        TROOPWATCH_INDEX_PREFIX=index_prefix,
        TROOPWATCH_ALLOW_PRIVATE_NETWORKS="1",
        TROOPWATCH_SPOOL_DIR=str(tmp_path / "spool"),
        TROOPWATCH_VAR_DIR=str(tmp_path / "var"),
        # One CPU worker: crawls go through the pool, each loading its models once.
        TROOPWATCH_CPU_WORKERS="1",
        PYTHONPATH=str(PROJECT_ROOT),
    )
    return env


def run_troopwatch(
    args: list[str], env: dict, timeout: float = 240, input: str | None = None
) -> subprocess.CompletedProcess:
    """Run the real command line, as a user would, and capture what it says."""
    return subprocess.run(
        [*TROOPWATCH, *args],
        env=env,
        cwd=Path(env.get("TROOPWATCH_VAR_DIR", PROJECT_ROOT)).parent,
        capture_output=True,
        text=True,
        timeout=timeout,
        input=input,
    )


@pytest.fixture
def small_disk(tmp_path):
    """A real 64 KiB file system (tmpfs), to fill up for real."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root): {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(directory) -> None:
    with contextlib.suppress(OSError), open(directory / "filler", "wb") as fh:
        while True:
            fh.write(b"x" * 4096)
            fh.flush()
