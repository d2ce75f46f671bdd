"""Nothing is lost when Elasticsearch cannot take writes: spooled now, written later."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import fill, run_troopwatch
from troopwatch.config import EsConfig
from troopwatch.documents import document_problem
from troopwatch.es.client import EsUnavailable, make_client
from troopwatch.es.local import free_port
from troopwatch.es.writer import ArticleWriter
from troopwatch.paths import PROJECT_ROOT
from troopwatch.spool import Spool


def _doc(n: int, claims=()):
    return {
        "article_id": f"a{n}",
        "url": f"https://example.com/{n}",
        "title": f"Article {n}",
        "text": "North Korean troops " * 20,
        "lang": "en",
        "claims": list(claims),
    }


CLAIM = {
    "figure_low": 15000,
    "figure_high": None,
    "qualifier": "approx",
    "category": "deployed",
    "unit": "troops",
    "source": "NIS",
    "location": "Kursk",
    "sentence": "The NIS said about 15,000 North Korean troops are in Kursk.",
    "lang": "en",
}


def test_spool_roundtrip_and_drain_stops_on_failure(tmp_path):
    spool = Spool(tmp_path / "spool")
    spool.put([_doc(1), _doc(2)])
    spool.put([_doc(3)])
    assert spool.pending() == 3

    def failing(docs):
        raise EsUnavailable("down")

    with pytest.raises(EsUnavailable):
        spool.drain(failing)
    assert spool.pending() == 3  # nothing lost
    seen = []
    assert spool.drain(seen.extend) == 3
    assert [d["article_id"] for d in seen] == ["a1", "a2", "a3"]
    assert spool.pending() == 0


def test_writer_raises_when_elasticsearch_is_down(indices):
    dead = make_client(EsConfig(urls=(f"http://127.0.0.1:{free_port()}",)))
    with pytest.raises(EsUnavailable):
        ArticleWriter(dead, indices).write([_doc(1)])


def test_write_block_is_retryable_and_retry_is_idempotent(es, indices):
    writer = ArticleWriter(es, indices)
    es.indices.put_settings(index=indices.articles, settings={"index.blocks.write": True})
    try:
        with pytest.raises(EsUnavailable, match="refused"):
            writer.write([_doc(1, [CLAIM])])
    finally:
        es.indices.put_settings(index=indices.articles, settings={"index.blocks.write": False})
    # The claim key was created by the failed attempt; the retry must still see it as new.
    result = writer.write([_doc(1, [CLAIM])])
    assert result.indexed == 1 and len(result.new_claims) == 1
    again = writer.write([_doc(1, [CLAIM])])
    assert len(again.new_claims) == 1  # the same occurrence stays the first
    es.indices.refresh(index=[indices.articles, indices.claims])
    assert es.count(index=indices.articles)["count"] == 1
    assert es.count(index=indices.claims)["count"] == 1


def test_same_figure_elsewhere_is_not_new(es, indices):
    writer = ArticleWriter(es, indices)
    assert len(writer.write([_doc(1, [CLAIM])]).new_claims) == 1
    other_claimant = {**CLAIM, "source": "GUR", "qualifier": "exact", "sentence": "GUR: 15,000."}
    assert writer.write([_doc(2, [other_claimant])]).new_claims == []
    new_category = {**CLAIM, "category": "killed", "sentence": "15,000 killed"}
    assert len(writer.write([_doc(3, [new_category])]).new_claims) == 1


def test_copies_record_sightings_and_only_their_new_figures(es, indices):
    writer = ArticleWriter(es, indices)
    writer.write([_doc(1, [CLAIM])])
    copy = {**_doc(2, [CLAIM]), "duplicate_of": "a1", "similarity": 0.97, "site": "Other Daily"}
    result = writer.write([copy])
    assert result.sightings == 1 and result.indexed == 0 and result.new_claims == []
    es.indices.refresh(index=[indices.articles, indices.claims])
    original = es.get(index=indices.articles, id="a1")["_source"]
    assert original["also_seen_count"] == 1
    assert original["also_seen"][0]["url"] == "https://example.com/2"
    assert es.count(index=indices.claims)["count"] == 1  # the repeat wrote nothing
    assert es.options(ignore_status=404).get(index=indices.articles, id="a2")["found"] is False

    update = {
        **_doc(3, [CLAIM, {**CLAIM, "figure_low": 18500, "sentence": "now 18,500 troops"}]),
        "duplicate_of": "a1",
        "similarity": 0.8,
    }
    result = writer.write([update])
    assert [c["figure_low"] for c in result.new_claims] == [18500]
    assert result.new_claims[0]["article_id"] == "a1"
    assert result.new_claims[0]["url"] == "https://example.com/3"
    # Re-crawling the original keeps the sightings its copies recorded.
    writer.write([_doc(1, [CLAIM])])
    es.indices.refresh(index=indices.articles)
    assert es.get(index=indices.articles, id="a1")["_source"]["also_seen_count"] == 2


# -- poison isolation (issue 12, finding 1) ------------------------------------------------

POISON = {
    **CLAIM,
    "figure_low": 99999999999999999999,
    "sentence": "99999999999999999999 North Korean troops",
}


def test_out_of_range_figure_goes_to_rejected_and_blocks_nothing(es, indices, tmp_path):
    spool = Spool(tmp_path / "spool")
    writer = ArticleWriter(es, indices, spool)
    result = writer.write([_doc(1, [POISON]), _doc(2, [CLAIM])])
    assert result.indexed == 1 and result.rejected == 1
    rejected = Spool(tmp_path / "spool" / "rejected")
    (entry,) = [json.loads(line) for p in rejected.files() for line in p.read_text().splitlines()]
    assert entry["document"]["article_id"] == "a1" and "out of range" in entry["error"]
    assert spool.files() == []


def test_poison_in_the_spool_does_not_block_later_batches(es, indices, tmp_path):
    spool = Spool(tmp_path / "spool")
    spool.put([_doc(1, [POISON])])
    spool.put([_doc(2, [CLAIM]), {**_doc(3), "published_at": "3024-01-01T00:00:00+00:00"}])
    spool.put([_doc(4)])
    assert spool.drain(ArticleWriter(es, indices, spool).write) == 4
    assert spool.files() == []
    es.indices.refresh(index=indices.articles)
    got = es.mget(index=indices.articles, ids=["a1", "a2", "a3", "a4"])["docs"]
    assert [d["found"] for d in got] == [False, True, False, True]
    assert Spool(tmp_path / "spool" / "rejected").pending() == 2


def test_document_problem_names_the_bad_value():
    assert document_problem(_doc(1, [CLAIM])) is None
    assert "out of range" in document_problem(_doc(1, [POISON]))
    assert "1899" in document_problem({**_doc(1), "published_at": "1899-12-31T00:00:00Z"})
    assert "not a date" in document_problem({**_doc(1), "fetched_at": "yesterday-ish"})
    assert document_problem({"url": "x"}) == "no article_id"


# -- a spool that cannot lose (finding 3) -----------------------------------------------------


def test_corrupt_spool_file_is_quarantined_and_the_rest_written(tmp_path):
    spool = Spool(tmp_path / "spool")
    spool.put([_doc(1)])
    bad = spool.put([_doc(2), _doc(3)])
    spool.put([_doc(4)])
    lines = bad.read_text().splitlines()
    bad.write_text(lines[0][:30] + "\n" + lines[1] + "\n")  # half a line of garbage
    seen = []
    assert spool.drain(seen.extend) == 3
    assert [d["article_id"] for d in seen] == ["a1", "a3", "a4"]
    assert spool.files() == []
    (kept,) = (tmp_path / "spool" / "corrupt").glob("*.jsonl")
    assert kept.read_text().startswith(lines[0][:30])
    assert "line 1" in kept.with_suffix(".reason").read_text()


def test_full_disk_put_raises_and_leaves_no_temporary_file(small_disk):
    spool = Spool(small_disk / "spool")
    spool.put([_doc(1)])
    fill(small_disk)
    with pytest.raises(OSError):
        spool.put([_doc(n) for n in range(2, 40)])
    assert [p.name for p in spool.directory.iterdir() if p.name.endswith(".tmp")] == []
    assert spool.pending() == 1


def test_spool_names_sort_by_a_counter_not_the_clock(tmp_path):
    """A batch spooled after the clock was set back still drains after the older ones."""
    if shutil.which("faketime") is None:
        pytest.skip("faketime (apt install faketime) is needed to set a process's clock back")
    spool = Spool(tmp_path / "spool")
    first = spool.put([_doc(1)])
    code = "import sys; from troopwatch.spool import Spool; Spool(sys.argv[1]).put([{'n': 2}])"
    done = subprocess.run(
        ["faketime", "2020-01-01 00:00:00", sys.executable, "-c", code, str(spool.directory)],
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    third = spool.put([_doc(3)])
    seen = []
    spool.drain(seen.extend)
    assert [d.get("article_id", d.get("n")) for d in seen] == ["a1", 2, "a3"]
    assert first.name < third.name


# -- one drain, always with the spool (finding 4) -------------------------------------------


def _settings(spool_dir):
    from scrapy.settings import Settings

    from crawler import settings as project

    settings = Settings()
    settings.setmodule(project)
    settings.set("TROOPWATCH_SPOOL_DIR", str(spool_dir))
    return settings


@pytest.mark.parametrize("caller", ["daemon", "cli"])
def test_every_drain_keeps_early_copies_and_rejected_documents(
    caller, es, indices, tmp_path, tw_env
):
    from schedules.daemon import Daemon

    spool = Spool(tmp_path / "spool" / indices.prefix)
    early_copy = {**_doc(2), "duplicate_of": "a1", "similarity": 0.9}
    spool.put([early_copy, {**_doc(3), "fetched_at": "0999-01-01T00:00:00Z"}, _doc(4)])
    if caller == "daemon":
        daemon = Daemon(_settings(tmp_path / "spool"))
        daemon.es, daemon.indices = es, indices
        daemon.drain_spool()
    else:
        done = run_troopwatch(["spool", "flush"], tw_env)
        assert done.returncode == 0, done.stderr[-2000:]
    assert spool.pending() == 1  # the copy waits for its original
    (waiting,) = [json.loads(line) for p in spool.files() for line in p.read_text().splitlines()]
    assert waiting["article_id"] == "a2" and waiting["deferrals"] == 1
    (refused,) = [
        json.loads(line)
        for p in Spool(spool.directory / "rejected").files()
        for line in p.read_text().splitlines()
    ]
    assert refused["document"]["article_id"] == "a3" and "1900" in refused["error"]
    es.indices.refresh(index=indices.articles)
    assert es.get(index=indices.articles, id="a4")["found"]


def test_flush_keeps_its_batch_when_it_can_be_neither_written_nor_spooled(small_disk, caplog):
    from scrapy.statscollectors import MemoryStatsCollector
    from scrapy.utils.test import get_crawler

    from pipelines.index import IndexPipeline

    config = EsConfig(urls=(f"http://127.0.0.1:{free_port()}",), prefix="twtest-full")
    stats = MemoryStatsCollector(get_crawler())
    pipeline = IndexPipeline(config, 50, small_disk, stats)
    pipeline._open()
    pipeline.buffer = [_doc(n, [CLAIM]) for n in range(1, 30)]
    fill(small_disk)
    assert pipeline.flush() is False
    assert len(pipeline.buffer) == 29 and "No space left" in pipeline.stalled
    assert "29 articles held in memory" in caplog.text
    assert not [p for p in pipeline.spool.directory.iterdir() if p.name.endswith(".tmp")]
    (small_disk / "filler").unlink()
    assert pipeline.flush() is True
    assert pipeline.buffer == [] and pipeline.spool.pending() == 29


def test_a_refused_run_record_does_not_hold_back_later_ones(es, indices, tmp_path):
    from crawler.extensions import RunStore

    store = RunStore(es, indices, Spool(tmp_path / "runs"))
    store.spool.put([{"run_id": "r1", "started_at": "not a date"}])
    store.spool.put([{"run_id": "r2", "status": "ok"}])
    assert store.drain() == 2
    assert store.spool.files() == []
    assert es.get(index=indices.runs, id="r2")["found"]
    assert Spool(tmp_path / "runs" / "rejected").pending() == 1


def test_batches_spooled_before_the_counter_drain_first(tmp_path):
    spool = Spool(tmp_path / "spool")
    spool.directory.mkdir(parents=True)
    old = spool.directory / "01796619323525048103-9031.jsonl"  # a clock-named file
    old.write_text(json.dumps(_doc(1)) + "\n")
    spool.put([_doc(2)])
    seen = []
    spool.drain(seen.extend)
    assert [d["article_id"] for d in seen] == ["a1", "a2"]


def test_a_sighting_refused_for_its_content_is_rejected_alone(es, indices, tmp_path):
    writer = ArticleWriter(es, indices, Spool(tmp_path / "spool"))
    writer.write([_doc(1)])
    bad = {**_doc(2), "duplicate_of": "a1", "similarity": "very"}
    good = {**_doc(3), "duplicate_of": "a1", "similarity": 0.9}
    result = writer.write([bad, good, _doc(4)])
    assert result.rejected == 1 and result.sightings == 1 and result.indexed == 1
    es.indices.refresh(index=indices.articles)
    seen = es.get(index=indices.articles, id="a1")["_source"]["also_seen"]
    assert [s["url"] for s in seen] == ["https://example.com/3"]


def test_a_copy_flushed_before_its_original_is_recorded_when_the_crawl_closes(
    es, es_url, indices, tmp_path, monkeypatch
):
    """Items overtake each other between stages: a copy can reach the index stage a batch
    ahead of its original. Each flush drains the spool before writing its own batch, so
    after the last batch the copy must be tried once more, not left for the next crawl."""
    import asyncio

    from scrapy.statscollectors import MemoryStatsCollector
    from scrapy.utils.test import get_crawler
    from twisted.internet import defer

    import pipelines.index as index_stage

    monkeypatch.setattr(
        index_stage, "deferToThread", lambda f, *a, **k: defer.maybeDeferred(f, *a, **k)
    )
    config = EsConfig(urls=(es_url,), prefix=indices.prefix)
    pipeline = index_stage.IndexPipeline(
        config, 50, tmp_path / "spool", MemoryStatsCollector(get_crawler())
    )
    pipeline._open()
    pipeline.buffer = [{**_doc(2), "duplicate_of": "a1", "similarity": 0.97}]
    assert pipeline.flush() is True
    assert pipeline.spool.pending() == 1  # its original is not written yet
    pipeline.buffer = [_doc(1)]
    asyncio.run(pipeline.close_spider())
    assert pipeline.spool.pending() == 0
    seen = es.get(index=indices.articles, id="a1")["_source"]["also_seen"]
    assert [s["url"] for s in seen] == ["https://example.com/2"]
