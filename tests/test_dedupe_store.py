"""Near-duplicate lookup against a real Elasticsearch (the session's test node)."""

from __future__ import annotations

from pathlib import Path

import pytest

from troopwatch.dedupe.minhash import sketch
from troopwatch.dedupe.store import (
    MAX_QUERY_KEYS,
    Match,
    candidate_query,
    dedupe_fields,
    find_duplicate,
)

pytestmark = pytest.mark.es

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
EVAL = ROOT / "data" / "eval" / "dedupe"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def own(prefix: str) -> str:
    return read(next((EVAL / "own").glob(prefix + "*.txt")))


@pytest.fixture
def indexed(es, indices):
    """The seeds plus a few same-story articles, indexed with their dedupe fields."""
    docs = {p.stem: (read(p), "en") for p in SEEDS}
    docs.update({"own-en-01": (own("en_01"), "en"), "own-ja-01": (own("ja_01"), "ja")})
    docs["own-ko-01"] = (own("ko_01"), "ko")
    docs["copy-of-002"] = (read(EVAL / "hand" / "edited_seed002.txt"), "en")
    for article_id, (text, lang) in docs.items():
        body = {"article_id": article_id, "text": text, "lang": lang, **dedupe_fields(text)}
        if article_id == "copy-of-002":
            body["duplicate_of"] = SEEDS[2].stem
        es.index(index=indices.articles, id=article_id, document=body)
    es.indices.refresh(index=indices.articles)
    return indices.articles


@pytest.mark.parametrize(
    "variant,expected",
    [
        ("template_seed001", SEEDS[1].stem),
        ("trunc_seed000", SEEDS[0].stem),
        ("rewrap_seed004", SEEDS[4].stem),
        ("reorder_seed002", SEEDS[2].stem),
        ("template_en01", "own-en-01"),
        ("template_ja01", "own-ja-01"),
        ("trunc_ko01", "own-ko-01"),
    ],
)
def test_variants_find_their_original(es, indexed, variant, expected):
    match = find_duplicate(es, indexed, read(EVAL / "hand" / f"{variant}.txt"), "en")
    assert match is not None and match.article_id == expected, match
    assert 0.6 <= match.similarity <= 1.0


def test_exact_copy_and_recorded_duplicates_point_at_the_original(es, indexed):
    text = read(SEEDS[3])
    match = find_duplicate(es, indexed, "  " + text.replace("\n", "\n\n"), None)
    assert match == Match(SEEDS[3].stem, 1.0, SEEDS[3].stem)
    # The copy of seed 002 is indexed as its duplicate: matches report seed 002 itself.
    match = find_duplicate(es, indexed, read(EVAL / "hand" / "edited_seed002.txt"), "en")
    assert match is not None and match.article_id == SEEDS[2].stem


def test_exclude_id_skips_the_article_itself(es, indexed):
    text = own("en_01")
    assert find_duplicate(es, indexed, text, "en").article_id == "own-en-01"
    assert find_duplicate(es, indexed, text, "en", exclude_id="own-en-01") is None


@pytest.mark.parametrize("prefix", ["en_02", "en_04", "en_06", "en_07", "ja_02", "ko_02", "en_08"])
def test_same_story_articles_are_not_duplicates(es, indexed, prefix):
    assert find_duplicate(es, indexed, own(prefix), None) is None


def test_empty_and_unrelated_texts(es, indices, indexed):
    assert find_duplicate(es, indexed, "", "en") is None
    assert find_duplicate(es, indexed, " ... ", "en") is None
    assert (
        find_duplicate(es, indices.articles, "A short unrelated text about the weather.", None)
        is None
    )


def test_query_shape_stays_under_clause_limit():
    long_text = " ".join(f"w{i}" for i in range(60000))
    sk = sketch(long_text)
    query = candidate_query(sk.keys, sk.text_hash, "x")
    assert len(query["bool"]["should"]) <= MAX_QUERY_KEYS
    assert query["bool"]["must_not"] == [{"ids": {"values": ["x"]}}]
    fields = dedupe_fields(long_text)
    assert set(fields) == {"text_hash", "minhash", "minhash_bands"}
    assert len(fields["minhash"]) == 128
