"""Fault injection on the article write path: nothing lost, nothing doubled.

Each scenario crawls the fixture press (tests/press/) as a user would (`troopwatch crawl
feeds`), breaks something for real partway — Elasticsearch SIGKILLed, the crawl process
SIGKILLed, the spool's disk full, spool and state files corrupted, poison documents
spooled — recovers as an operator would (restart, rerun, `troopwatch spool flush`), then
counts the expected on-topic articles missing from Elasticsearch (`lost`) and the
articles stored more than once (`dup`), asserts both are 0 and prints
`faults: <scenario>: lost=0 dup=0`.

Elasticsearch is killed on an instance of this module's own (port 9261, requests capped
at 64 KiB so ordinary bulk batches get HTTP 413 and must be split); the other scenarios
use the session's shared Elasticsearch.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import TROOPWATCH, fill, run_troopwatch
from tests.press import Press
from tests.test_ingest import SITES, plain_articles, stored, write_catalogue
from tests.test_spool_writer import CLAIM
from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.es.indices import Indices, drop_indices
from troopwatch.es.local import LocalElasticsearch, LocalEsError
from troopwatch.paths import var_dir
from troopwatch.spool import Spool

pytestmark = pytest.mark.es

OWN_ES_PORT = 9261
# Slow enough that a fault lands mid-crawl, small batches so several are in flight.
SLOW = ["-s", "TROOPWATCH_BULK_SIZE=3", "-s", "DOWNLOAD_DELAY=0.15"]


class SmallRequestsElasticsearch(LocalElasticsearch):
    """A local Elasticsearch refusing requests over 64 KiB (HTTP 413), as a proxy or a
    cluster with a low http.max_content_length would."""

    def install(self) -> None:
        super().install()
        with (self.home / "config" / "elasticsearch.yml").open("a") as fh:
            fh.write('http.max_content_length: "64kb"\n')


@pytest.fixture(scope="module")
def press():
    with Press.start(hang_seconds=5) as press:
        yield press


@pytest.fixture(scope="module")
def own_es():
    local = SmallRequestsElasticsearch(home=var_dir() / "es-faults-articles", http_port=OWN_ES_PORT)
    try:
        local.start()
    except LocalEsError as exc:
        pytest.skip(f"cannot start an Elasticsearch of our own on {OWN_ES_PORT}: {exc}")
    yield local
    local.stop()


@pytest.fixture
def figure(capsys):
    def report(scenario: str, lost: list, dup: int) -> None:
        with capsys.disabled():
            print(f"\nfaults: {scenario}: lost={len(lost)} dup={dup}")
        assert lost == [] and dup == 0, f"{scenario}: lost {lost[:5]}, {dup} duplicates"

    return report


def catalogue_env(env: dict, press: Press, tmp_path: Path) -> dict:
    feeds = {s: press.feed_url(s) for s in SITES}
    return {**env, "TROOPWATCH_SOURCES": str(write_catalogue(tmp_path / "sources.yaml", feeds))}


def count(es, indices: Indices, press: Press) -> tuple[list[str], int]:
    """(expected articles not stored, articles stored more than once)."""
    es.indices.refresh(index=indices.articles)
    lost = [a.url for a in plain_articles(press) if stored(es, indices, a) is None]
    aggs = es.search(
        index=indices.articles,
        size=0,
        aggs={"urls": {"terms": {"field": "url", "size": 10000, "min_doc_count": 2}}},
    )["aggregations"]["urls"]["buckets"]
    return lost, sum(b["doc_count"] - 1 for b in aggs)


def start_crawl(env: dict, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*TROOPWATCH, "crawl", "feeds", *extra],
        env=env,
        cwd=Path(env["TROOPWATCH_VAR_DIR"]).parent,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"never happened: {what}"
        time.sleep(0.1)


def spooled(env: dict, prefix: str) -> Spool:
    return Spool(Path(env["TROOPWATCH_SPOOL_DIR"]) / prefix)


def flush(env: dict, attempts: int = 3) -> None:
    """`spool flush` until nothing waits: on a loaded machine Elasticsearch may time out
    part-way, and the rest then waits for the next flush, as in production."""
    for _ in range(attempts):
        done = run_troopwatch(["spool", "flush"], env, timeout=120)
        assert done.returncode == 0, done.stderr[-3000:]
        if "still waiting" not in done.stdout:
            return
    raise AssertionError(f"the spool did not empty in {attempts} flushes: {done.stdout}")


# -- on our own Elasticsearch ----------------------------------------------------------------


def test_poison_documents_and_oversized_batches(own_es, press, tw_env, tmp_path, figure):
    """A figure beyond `long`, an impossible date and a page too big for one request wait
    in the spool; the crawl's ordinary batches exceed the 64 KiB request cap. Each bad
    document goes to rejected/ with its reason, every other article is indexed."""
    prefix = f"twfault-{uuid.uuid4().hex[:8]}"
    env = {**catalogue_env(tw_env, press, tmp_path), "TROOPWATCH_ES_URL": own_es.url}
    env["TROOPWATCH_INDEX_PREFIX"] = prefix
    base = {"url": "https://poison.example/", "title": "x", "lang": "en", "claims": []}
    poison = [
        {
            **base,
            "article_id": "p1",
            "text": "troops " * 30,
            "claims": [
                {**CLAIM, "figure_low": 99999999999999999999, "sentence": "99999999999999999999"}
            ],
        },
        {**base, "article_id": "p2", "text": "troops " * 30, "published_at": "2999-01-01"},
        {**base, "article_id": "p3", "text": "North Korean troops " * 5000},
    ]
    spooled(env, prefix).put(poison)
    es = make_client(EsConfig(urls=(own_es.url,)))
    try:
        done = run_troopwatch(["crawl", "feeds"], env)
        assert done.returncode == 0, done.stderr[-3000:]
        assert spooled(env, prefix).files() == []
        rejected = [
            json.loads(line)
            for path in Spool(spooled(env, prefix).directory / "rejected").files()
            for line in path.read_text().splitlines()
        ]
        assert sorted(r["document"]["article_id"] for r in rejected) == ["p1", "p2", "p3"]
        assert "413" in next(r["error"] for r in rejected if r["document"]["article_id"] == "p3")
        figure("poison", *count(es, Indices(prefix), press))
    finally:
        drop_indices(es, prefix)
        es.close()


def test_elasticsearch_killed_mid_crawl(own_es, press, tw_env, tmp_path, figure):
    prefix = f"twfault-{uuid.uuid4().hex[:8]}"
    env = {**catalogue_env(tw_env, press, tmp_path), "TROOPWATCH_ES_URL": own_es.url}
    env["TROOPWATCH_INDEX_PREFIX"] = prefix
    es = make_client(EsConfig(urls=(own_es.url,)))
    try:
        press.clear_requests()
        crawl = start_crawl(env, *SLOW)
        wait_for(lambda: len(press.requests) >= len(SITES) + 8, "a few articles fetched")
        os.kill(own_es.pid(), signal.SIGKILL)
        _, stderr = crawl.communicate(timeout=240)
        assert crawl.returncode == 0, stderr[-3000:]
        assert "cannot take writes" in stderr
        assert spooled(env, prefix).pending() > 0
        own_es.start()
        flush(env)
        assert spooled(env, prefix).files() == []
        figure("es_killed", *count(es, Indices(prefix), press))
    finally:
        if own_es.health() is None:
            own_es.start()
        drop_indices(es, prefix)
        es.close()


# -- on the shared Elasticsearch -------------------------------------------------------------


def test_crawl_killed_then_rerun(press, es, indices, tw_env, tmp_path, figure):
    env = catalogue_env(tw_env, press, tmp_path)
    press.clear_requests()
    crawl = start_crawl(env, *SLOW)
    wait_for(lambda: len(press.requests) >= len(SITES) + 8, "a few articles fetched")
    crawl.send_signal(signal.SIGKILL)
    crawl.communicate(timeout=60)
    done = run_troopwatch(["crawl", "feeds"], env)
    assert done.returncode == 0, done.stderr[-3000:]
    figure("crawl_killed", *count(es, indices, press))


def test_disk_full_with_elasticsearch_refusing(
    press, es, indices, tw_env, tmp_path, small_disk, figure
):
    """Writes refused and the spool's disk full: the batch stays in memory and the crawl
    pauses until there is room; then everything arrives."""
    env = {
        **catalogue_env(tw_env, press, tmp_path),
        "TROOPWATCH_SPOOL_DIR": str(small_disk),
        "TROOPWATCH_SPOOL_RETRY_SECONDS": "0.5",
    }
    blocked = [indices.articles, indices.claims, indices.claim_keys]
    es.indices.put_settings(index=blocked, settings={"index.blocks.write": True})
    try:
        fill(small_disk)
        crawl = start_crawl(env, *SLOW)
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.extend(crawl.stderr), daemon=True)
        reader.start()
        wait_for(lambda: any("crawl paused" in ln for ln in lines), "the crawl pausing")
        paused_at = len(press.requests)
        (small_disk / "filler").unlink()
        wait_for(lambda: any("crawl resumed" in ln for ln in lines), "the crawl resuming")
        assert paused_at > 0
    finally:
        es.indices.put_settings(index=blocked, settings={"index.blocks.write": False})
    crawl.wait(timeout=240)
    reader.join(timeout=10)
    assert crawl.returncode == 0, "".join(lines)[-3000:]
    flush(env)
    figure("disk_full", *count(es, indices, press))


def test_corrupt_spool_and_state_files(press, es, indices, tw_env, tmp_path, figure):
    from troopwatch.es.local import free_port

    env = catalogue_env(tw_env, press, tmp_path)
    down = {**env, "TROOPWATCH_ES_URL": f"http://127.0.0.1:{free_port()}"}
    done = run_troopwatch(["crawl", "feeds", "-s", "TROOPWATCH_BULK_SIZE=5"], down)
    assert done.returncode == 0, done.stderr[-3000:]
    spool = spooled(env, indices.prefix)
    files = spool.files()
    assert len(files) >= 3
    # Damage: a stray binary line in one batch, a half-written line at the end of another.
    first = files[0].read_bytes().split(b"\n")
    files[0].write_bytes(b"\n".join([first[0], b"\x00\xff garbage \x80", *first[1:]]))
    with files[-1].open("ab") as fh:
        fh.write(b'{"article_id": "half')
    flush(env)
    assert spool.files() == []
    assert len(list((spool.directory / "corrupt").glob("*.jsonl"))) == 2
    lost, dup = count(es, indices, press)
    # The state of pages read: garbage. The next crawl reads them again, stores no copy.
    states = list((Path(env["TROOPWATCH_VAR_DIR"]) / "state").glob("seen-*.json"))
    assert states
    for state in states:
        state.write_text("{not json")
    again = run_troopwatch(["crawl", "feeds"], env)
    assert again.returncode == 0, again.stderr[-3000:]
    lost_after, dup_after = count(es, indices, press)
    figure("corrupt_files", lost + lost_after, dup + dup_after)
