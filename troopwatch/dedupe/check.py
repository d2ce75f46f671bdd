"""`troopwatch dedupe check`: is each text a copy of something indexed, or of a seed?

With Elasticsearch the verdict is the pipeline's own (``store.find_duplicate``); when that
finds nothing, a second look at the same candidates gives the best similarity seen, so a
non-duplicate still reports how close it came. The seeds always count ("the seeds at
least"): seed files that are not indexed with fingerprints — Elasticsearch unreachable,
``seeds load`` never run, or seeds indexed before they carried dedupe fields — are compared
with ``compare`` here. Seed ids are the seed files' stems in both paths.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from troopwatch.dedupe.minhash import (
    DUPLICATE_THRESHOLD,
    compare,
    normalize_text,
    shingles,
    similarity_details,
    sketch,
)
from troopwatch.dedupe.store import MAX_CANDIDATES, candidate_query, find_duplicate
from troopwatch.langid import detect_language
from troopwatch.paths import SEEDS_DIR
from troopwatch.seeds import seed_texts

if TYPE_CHECKING:
    from elasticsearch import Elasticsearch

    from troopwatch.es.indices import Indices

log = logging.getLogger(__name__)

# Shown for a non-duplicate whose similarity would round up to the threshold.
_BELOW_THRESHOLD = round(DUPLICATE_THRESHOLD - 0.001, 3)


@dataclass(frozen=True)
class Verdict:
    duplicate_of: str | None
    similarity: float


def compare_with_texts(text: str, originals: dict[str, str]) -> Verdict:
    """Best of ``compare`` against each original: the closest duplicate, else the top score."""
    best = Verdict(None, 0.0)
    best_dup = None
    for original_id, original in originals.items():
        verdict = compare(text, original)
        if verdict.duplicate and (best_dup is None or verdict.similarity > best_dup.similarity):
            best_dup = Verdict(original_id, verdict.similarity)
        if verdict.similarity > best.similarity:
            best = Verdict(None, verdict.similarity)
    return best_dup or best


def best_candidate(es: Elasticsearch, articles_alias: str, text: str) -> Verdict:
    """Like ``find_duplicate`` but keeps the best candidate below the threshold too.

    Every candidate is verified exactly (no estimate shortcut): this runs only when
    ``find_duplicate`` found nothing, and only for the command line. A candidate that the
    shortcut skipped but that verifies at or above the threshold is reported as a duplicate.
    """
    if not normalize_text(text):
        return Verdict(None, 0.0)
    sk = sketch(text)
    resp = es.search(
        index=articles_alias,
        query=candidate_query(sk.keys, sk.text_hash),
        size=MAX_CANDIDATES,
        source=["article_id", "text", "text_hash", "duplicate_of"],
        track_total_hits=False,
    )
    own = shingles(text)
    best = Verdict(None, 0.0)
    for hit in resp["hits"]["hits"]:
        src = hit.get("_source") or {}
        if src.get("text_hash") == sk.text_hash:
            score = 1.0
        else:
            score = similarity_details(own, shingles(src.get("text") or ""))[0]
        if score > best.similarity:
            original = src.get("duplicate_of") or src.get("article_id") or hit["_id"]
            best = Verdict(original if score >= DUPLICATE_THRESHOLD else None, score)
    return best


def fingerprinted_ids(es: Elasticsearch, articles_alias: str, ids: list[str]) -> set[str]:
    """Which of these ids are indexed with dedupe fields (so the lookup can find them)."""
    if not ids:
        return set()
    resp = es.search(
        index=articles_alias,
        query={
            "bool": {"filter": [{"ids": {"values": ids}}, {"exists": {"field": "minhash_bands"}}]}
        },
        size=len(ids),
        source=False,
    )
    return {hit["_id"] for hit in resp["hits"]["hits"]}


def _better(a: Verdict, b: Verdict) -> Verdict:
    """A duplicate beats a non-duplicate; otherwise the higher similarity wins."""
    return max(a, b, key=lambda v: (v.duplicate_of is not None, v.similarity))


def _row(file: str | None, verdict: Verdict) -> dict:
    sim = round(min(max(verdict.similarity, 0.0), 1.0), 3)
    if verdict.duplicate_of is None:
        sim = min(sim, _BELOW_THRESHOLD)  # never print a non-duplicate at the threshold
    return {"file": file, "duplicate_of": verdict.duplicate_of, "similarity": sim}


def check_texts(
    inputs: Iterable[tuple[str | None, str]],
    target: tuple[Elasticsearch, Indices] | None,
    seeds_dir: Path = SEEDS_DIR,
) -> Iterator[dict]:
    """One ``{"file", "duplicate_of", "similarity"}`` row per (file name, text).

    ``target`` is (client, indices), or None when Elasticsearch is unreachable: then only
    the seed files are compared. Elasticsearch errors other than a missing articles index
    propagate.
    """
    from elasticsearch import NotFoundError

    seeds = seed_texts(seeds_dir)
    es, alias = (target[0], target[1].articles) if target else (None, None)
    local = seeds
    if es is not None:
        try:
            indexed = fingerprinted_ids(es, alias, list(seeds))
        except NotFoundError:
            log.warning("%s does not exist; comparing with the seed files only", alias)
            es, indexed = None, set()
        local = {k: v for k, v in seeds.items() if k not in indexed}
    for file, text in inputs:
        verdict = Verdict(None, 0.0)
        if es is not None:
            match = find_duplicate(es, alias, text, detect_language(text))
            if match is not None:
                verdict = Verdict(match.article_id, match.similarity)
            else:
                verdict = best_candidate(es, alias, text)
        if local and verdict.duplicate_of is None:
            verdict = _better(verdict, compare_with_texts(text, local))
        yield _row(file, verdict)
