"""An index written under the old URL identity moves to the new ids without losing an
article, a sighting, a claim or a delivery record (and so without alerting twice)."""

from __future__ import annotations

import hashlib

from troopwatch.es.indices import setup_indices
from troopwatch.es.rekey import META_KEY, url_identity
from troopwatch.es.writer import claim_id
from troopwatch.urls import URL_IDENTITY_VERSION, article_id, canonicalize_url


def old_id(canonical_under_v1: str) -> str:
    return hashlib.sha1(canonical_under_v1.encode("utf-8")).hexdigest()


def test_setup_moves_articles_claims_and_alerts_to_the_new_ids(es, indices):
    # Two spellings of one page, indexed under v1 as two articles (v1 kept the path as given).
    a_url, b_url = "https://news.example/caf%c3%a9/1", "https://news.example/café/1"
    a_id, b_id = old_id(a_url), old_id(b_url)
    new_id = article_id(canonicalize_url(b_url))
    assert new_id not in (a_id, b_id) and new_id == article_id(canonicalize_url(a_url))
    seen_x = {"url": "https://wire.example/x", "site": "wire", "seen_at": "2024-11-01T00:00:00Z"}
    seen_y = {"url": "https://wire.example/y", "site": "wire", "seen_at": "2024-11-02T00:00:00Z"}
    for aid, url, seen in ((a_id, a_url, seen_x), (b_id, b_url, seen_y)):
        es.index(
            index=indices.articles,
            id=aid,
            document={
                "article_id": aid,
                "url": url,
                "canonical_url": url,
                "title": "T",
                "text": "North Korea sent 11,000 troops.",
                "is_seed": False,
                "also_seen": [seen],
                "also_seen_count": 1,
            },
        )
    current = "https://news.example/ok/2"
    es.index(
        index=indices.articles,
        id=article_id(canonicalize_url(current)),
        document={"url": current, "title": "unchanged", "is_seed": False},
    )
    es.index(index=indices.articles, id="seed-nis", document={"title": "seed", "is_seed": True})
    claim = {
        "sentence": "North Korea sent 11,000 troops.",
        "claim_key": "deployed:11000:",
        "category": "deployed",
        "figure_low": 11000,
        "is_new": True,
        "url": a_url,
    }
    old_cid = claim_id(a_id, claim)
    es.index(
        index=indices.claims,
        id=old_cid,
        document={**claim, "claim_id": old_cid, "article_id": a_id},
    )
    es.index(
        index=indices.claim_keys,
        id="deployed:11000:",
        document={"claim_key": "deployed:11000:", "first_claim_id": old_cid},
    )
    for channel in ("email", "slack"):
        es.index(
            index=indices.alerts,
            id=f"{old_cid}:{channel}",
            document={
                "alert_id": f"{old_cid}:{channel}",
                "claim_id": old_cid,
                "channel": channel,
                "status": "sent",
                "attempts": 1,
            },
        )
    # An index from before the change: no URL identity recorded.
    es.indices.put_mapping(index=indices.articles, meta={})
    es.indices.refresh(index="*")
    assert url_identity(es, indices) == 1

    actions = setup_indices(es, indices.prefix)

    assert any("moved 2 articles" in a for a in actions)
    assert url_identity(es, indices) == URL_IDENTITY_VERSION
    es.indices.refresh(index="*")
    ids = {h["_id"] for h in es.search(index=indices.articles, size=50)["hits"]["hits"]}
    assert ids == {new_id, article_id(canonicalize_url(current)), "seed-nis"}
    moved = es.get(index=indices.articles, id=new_id)["_source"]
    assert {s["url"] for s in moved["also_seen"]} == {seen_x["url"], seen_y["url"]}
    assert moved["also_seen_count"] == 2
    new_cid = claim_id(new_id, claim)  # what a re-crawl of the page computes now
    claims = es.search(index=indices.claims, size=50)["hits"]["hits"]
    assert [(h["_id"], h["_source"]["article_id"]) for h in claims] == [(new_cid, new_id)]
    alerts = es.search(index=indices.alerts, size=50)["hits"]["hits"]
    assert sorted(h["_id"] for h in alerts) == [f"{new_cid}:email", f"{new_cid}:slack"]
    assert all(h["_source"]["status"] == "sent" for h in alerts)
    key = es.get(index=indices.claim_keys, id="deployed:11000:")["_source"]
    assert key["first_claim_id"] == new_cid
    # Done once: a second setup moves nothing.
    assert not any("moved" in a for a in setup_indices(es, indices.prefix))
    meta = es.indices.get_mapping(index=indices.articles)
    assert all(m["mappings"]["_meta"][META_KEY] == URL_IDENTITY_VERSION for m in meta.values())
