"""Move indexed articles to the ids of the current URL identity (troopwatch.urls).

An article's id is the SHA-1 of its canonical URL, so a change to canonicalisation
(`URL_IDENTITY_VERSION`) leaves existing articles under ids that a re-crawl no longer
computes: the page would be indexed twice and its claims counted twice. `rekey_articles`
moves each such article to its new id, and with it everything that names the old one:

- two spellings that are now one URL become one article (sightings merged);
- its claims get the ids the writer now computes (`claim_id(new article id, claim)`);
- the delivery records of those claims (alerts index, `<claim_id>:<channel>`) are copied
  to the new claim ids BEFORE the new claim exists, so an alert sweep running meanwhile
  never sees a new claim without its delivery record and never alerts twice;
- a claim key whose `first_claim_id` was an old claim points at the new one, so novelty
  is decided as before.

Each step writes the new documents before deleting the old ones, so an interrupted run
loses nothing and the next setup finishes it. Seeds keep their ids (their file stems).
The URL identity the articles index is at is kept in its mapping's `_meta`.
"""

from __future__ import annotations

import contextlib
import logging

from elasticsearch import ConflictError, Elasticsearch, NotFoundError, helpers

from troopwatch.es.indices import Indices
from troopwatch.es.writer import claim_id
from troopwatch.urls import URL_IDENTITY_VERSION, article_id, canonicalize_url

log = logging.getLogger(__name__)
META_KEY = "url_identity"


def url_identity(es: Elasticsearch, indices: Indices) -> int:
    """The URL identity version the articles index is at (1: before it was recorded)."""
    mappings = es.indices.get_mapping(index=indices.articles)
    metas = [m["mappings"].get("_meta", {}) for m in mappings.values()]
    return min((int(meta.get(META_KEY, 1)) for meta in metas), default=1)


def _mark(es: Elasticsearch, indices: Indices) -> None:
    for index, m in es.indices.get_mapping(index=indices.articles).items():
        meta = dict(m["mappings"].get("_meta", {}))
        meta[META_KEY] = URL_IDENTITY_VERSION
        es.indices.put_mapping(index=index, meta=meta)


def rekey_articles(es: Elasticsearch, indices: Indices, force: bool = False) -> list[str]:
    """Move every article whose id is not the current identity of its URL; the actions
    taken, as human-readable lines (empty when nothing had to move)."""
    if not force and url_identity(es, indices) >= URL_IDENTITY_VERSION:
        return []
    es.indices.refresh(index=[indices.articles, indices.claims, indices.alerts])
    query = {"query": {"bool": {"must_not": [{"term": {"is_seed": True}}]}}}
    moves = []
    for hit in helpers.scan(es, index=indices.articles, query=query, size=500):
        src = hit["_source"]
        url = src.get("url") or src.get("canonical_url")
        if not url:
            continue
        canonical = canonicalize_url(url)
        new_id = article_id(canonical)
        if new_id != hit["_id"]:
            moves.append((hit["_id"], new_id, src, canonical))
    for old_id, new_id, src, canonical in moves:
        _move_article(es, indices, old_id, new_id, src, canonical)
    if moves:
        es.indices.refresh(index=[indices.articles, indices.claims, indices.alerts])
    _mark(es, indices)
    if not moves:
        return []
    log.info("moved %d articles to the URL identity v%d", len(moves), URL_IDENTITY_VERSION)
    return [f"moved {len(moves)} articles to their v{URL_IDENTITY_VERSION} URL ids"]


def _merged_sightings(*docs: dict) -> list[dict]:
    seen: dict[str, dict] = {}
    for doc in docs:
        for s in doc.get("also_seen") or []:
            seen.setdefault(s.get("url"), s)
    return list(seen.values())


def _move_article(
    es: Elasticsearch, indices: Indices, old_id: str, new_id: str, src: dict, canonical: str
) -> None:
    claims = [
        hit
        for hit in helpers.scan(
            es, index=indices.claims, query={"query": {"term": {"article_id": old_id}}}
        )
    ]
    old_claim_ids = []
    for hit in claims:
        claim = hit["_source"]
        old_cid = claim.get("claim_id") or hit["_id"]
        new_cid = claim_id(new_id, claim)
        old_claim_ids.append((hit["_id"], old_cid))
        _copy_alerts(es, indices, old_cid, new_cid)
        _repoint_claim_key(es, indices, claim.get("claim_key"), old_cid, new_cid)
        es.index(
            index=indices.claims,
            id=new_cid,
            document={**claim, "claim_id": new_cid, "article_id": new_id},
        )
    try:
        target = es.get(index=indices.articles, id=new_id)["_source"]
    except NotFoundError:
        target = None
    if target is None:
        doc = {**src, "article_id": new_id, "canonical_url": canonical}
    else:  # another spelling of the same page was indexed too: one article, all sightings
        seen = _merged_sightings(target, src)
        doc = {**target, "also_seen": seen, "also_seen_count": len(seen)}
        keys = sorted(set(target.get("claim_keys") or []) | set(src.get("claim_keys") or []))
        if keys:
            doc["claim_keys"] = keys
    es.index(index=indices.articles, id=new_id, document=doc)
    for doc_id, old_cid in old_claim_ids:
        _delete_alerts(es, indices, old_cid)
        es.options(ignore_status=404).delete(index=indices.claims, id=doc_id)
    es.options(ignore_status=404).delete(index=indices.articles, id=old_id)


def _alert_hits(es: Elasticsearch, indices: Indices, cid: str) -> list[dict]:
    query = {"query": {"term": {"claim_id": cid}}}
    return list(helpers.scan(es, index=indices.alerts, query=query))


def _copy_alerts(es: Elasticsearch, indices: Indices, old_cid: str, new_cid: str) -> None:
    for hit in _alert_hits(es, indices, old_cid):
        new_alert_id = new_cid + hit["_id"][len(old_cid) :]  # "<claim_id>:<channel>"
        body = {**hit["_source"], "claim_id": new_cid, "alert_id": new_alert_id}
        with contextlib.suppress(ConflictError):  # copied by an earlier, interrupted run
            es.create(index=indices.alerts, id=new_alert_id, document=body)
    es.indices.refresh(index=indices.alerts)


def _delete_alerts(es: Elasticsearch, indices: Indices, cid: str) -> None:
    for hit in _alert_hits(es, indices, cid):
        es.options(ignore_status=404).delete(index=indices.alerts, id=hit["_id"])


def _repoint_claim_key(
    es: Elasticsearch, indices: Indices, key: str | None, old_cid: str, new_cid: str
) -> None:
    if not key:
        return
    try:
        got = es.get(index=indices.claim_keys, id=key)
    except NotFoundError:
        return
    if got["_source"].get("first_claim_id") == old_cid:
        es.update(
            index=indices.claim_keys,
            id=key,
            doc={"first_claim_id": new_cid},
            if_seq_no=got["_seq_no"],
            if_primary_term=got["_primary_term"],
        )
