"""Near-duplicate lookup in Elasticsearch: one query for candidates, exact verification here.

Article fields (see ``troopwatch.es.indices.articles_mapping``), filled by ``dedupe_fields``:

- ``text_hash``: sha1 of the normalised text (keyword) — exact copies;
- ``minhash_bands``: keyword array, the 32 LSH band keys (``b03:…``) followed by the anchor
  keys (``a:…``), see ``troopwatch.dedupe.minhash``;
- ``minhash``: the 128-value signature, stored but not indexed.

``find_duplicate`` sends one search: a ``bool`` of ``term`` clauses on ``minhash_bands``
(one per key, so hits are ranked by how many — and how rare — keys they share, instead of
the constant score of a ``terms`` query) plus ``text_hash``. The best ``MAX_CANDIDATES``
hits come back with their text, signature and keys; cheap estimates (MinHash Jaccard, anchor
containment) drop the clearly different ones, and ``similarity`` on the texts decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from troopwatch.dedupe.minhash import (
    DUPLICATE_THRESHOLD,
    Sketch,
    estimate_containment,
    estimate_similarity,
    shingles,
    similarity_details,
    sketch,
)

if TYPE_CHECKING:  # the pure helpers here must not need the client installed
    from elasticsearch import Elasticsearch

MAX_CANDIDATES = 25
MAX_QUERY_KEYS = 1000  # stays under Elasticsearch's smallest bool clause limit (1024)
# Below this on both estimates a candidate is not worth an exact comparison. Duplicates in
# the labelled set estimate >= 0.7 (anchor containment); different articles <= 0.4.
ESTIMATE_FLOOR = 0.25
# Texts with fewer anchors than this give noisy containment estimates: always verify.
FEW_ANCHORS = 4
_SOURCE = ["article_id", "text", "text_hash", "minhash", "minhash_bands", "lang", "duplicate_of"]


@dataclass(frozen=True)
class Match:
    """The indexed article a text duplicates, and how similar they are (0..1).

    ``article_id`` is the original: when the matched document is itself recorded as a
    duplicate (``duplicate_of``), that original's id is given and ``matched_id`` keeps the
    document that matched.
    """

    article_id: str
    similarity: float
    matched_id: str | None = None


def dedupe_fields(text: str, sk: Sketch | None = None) -> dict[str, Any]:
    """The article document's dedupe fields for a text: text_hash, minhash, minhash_bands."""
    sk = sk or sketch(text)
    return {"text_hash": sk.text_hash, "minhash": sk.signature, "minhash_bands": sk.keys}


def candidate_query(keys: list[str], text_hash: str, exclude_id: str | None = None) -> dict:
    """The search query: documents sharing the exact text hash or any band/anchor key."""
    bands = [k for k in keys if k.startswith("b")]
    anchors = [k for k in keys if not k.startswith("b")]
    picked = bands + anchors[: MAX_QUERY_KEYS - len(bands) - 1]
    should: list[dict] = [{"term": {"text_hash": {"value": text_hash, "boost": 100.0}}}]
    should += [{"term": {"minhash_bands": key}} for key in picked]
    query: dict = {"bool": {"should": should, "minimum_should_match": 1}}
    if exclude_id:
        query["bool"]["must_not"] = [{"ids": {"values": [exclude_id]}}]
    return query


def find_duplicate(
    es: Elasticsearch,
    articles_alias: str,
    text: str,
    lang: str | None,
    exclude_id: str | None = None,
    sk: Sketch | None = None,
) -> Match | None:
    """The indexed article this text duplicates best, or None.

    ``lang`` is not a filter (a copy whose language was misdetected — a short teaser in a
    foreign template — must still match; translations never share shingles anyway); it only
    breaks ties in favour of the same language. ``exclude_id`` is the text's own article id,
    so a re-crawled page does not match itself. ``sk`` is the text's sketch when the caller
    already has it. Elasticsearch errors propagate.
    """
    sk = sk or sketch(text)
    if not sk.num_shingles:  # nothing left once normalised (an empty text)
        return None
    resp = es.search(
        index=articles_alias,
        query=candidate_query(sk.keys, sk.text_hash, exclude_id),
        size=MAX_CANDIDATES,
        source=_SOURCE,
        track_total_hits=False,
    )
    own_shingles: set | None = None  # computed only if some candidate needs verifying
    few_anchors = len(sk.anchors) < FEW_ANCHORS
    best: tuple[float, bool, Match] | None = None
    for hit in resp["hits"]["hits"]:
        src = hit.get("_source") or {}
        if src.get("text_hash") == sk.text_hash:
            score = 1.0
        else:
            hit_anchors = [k for k in src.get("minhash_bands") or [] if k.startswith("a:")]
            estimate = max(
                estimate_similarity(sk.signature, src.get("minhash") or []),
                estimate_containment(sk.anchors, hit_anchors),
            )
            hit_text = src.get("text")
            if not hit_text:  # nothing to verify against: trust the estimate
                score = estimate
            elif estimate < ESTIMATE_FLOOR and not few_anchors and len(hit_anchors) >= FEW_ANCHORS:
                continue
            else:
                if own_shingles is None:
                    own_shingles = shingles(text)
                score = similarity_details(own_shingles, shingles(hit_text))[0]
        if score < DUPLICATE_THRESHOLD:
            continue
        matched = src.get("article_id") or hit["_id"]
        match = Match(src.get("duplicate_of") or matched, round(score, 4), matched)
        rank = (score, bool(lang) and src.get("lang") == lang)
        if best is None or rank > best[:2]:
            best = (*rank, match)
    return best[2] if best else None
