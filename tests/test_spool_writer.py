"""Nothing is lost when Elasticsearch cannot take writes: spooled now, written later."""

from __future__ import annotations

import json

import pytest

from troopwatch.config import EsConfig
from troopwatch.documents import document_problem
from troopwatch.es.client import EsUnavailable, make_client
from troopwatch.es.local import free_port
from troopwatch.es.writer import ArticleWriter
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
