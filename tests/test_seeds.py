"""The seed baseline: five documents, loaded idempotently, their claims never new."""

from __future__ import annotations

from tests.conftest import run_troopwatch


def test_seeds_load_twice_leaves_exactly_five(es, indices, tw_env):
    for _ in range(2):
        done = run_troopwatch(["seeds", "load"], tw_env)
        assert done.returncode == 0, done.stderr
        assert "5 seed articles indexed" in done.stdout
    es.indices.refresh(index=indices.articles)
    hits = es.search(index=indices.articles, query={"term": {"is_seed": True}}, size=10)
    ids = sorted(h["_id"] for h in hits["hits"]["hits"])
    assert ids == [
        "000_d24374498cd6ec6d",
        "001_6923c429693b6bd8",
        "002_abcbcc820f14bc20",
        "003_4b13a2e1a72695bf",
        "004_671eefb8401c46ca",
    ]
    assert es.count(index=indices.articles)["count"] == 5
    first = hits["hits"]["hits"][0]["_source"]
    assert first["lang"] == "en" and first["text_length"] > 1000


def test_seed_claims_are_baseline_not_new(es, indices, tw_env):
    assert run_troopwatch(["seeds", "load"], tw_env).returncode == 0
    es.indices.refresh(index=[indices.claims, indices.claim_keys])
    claims = es.search(index=indices.claims, size=100)["hits"]["hits"]
    assert claims, "the seeds state troop figures (NIS ~12,000; Pentagon ~10,000)"
    assert all(c["_source"]["is_seed"] and not c["_source"]["is_new"] for c in claims)
    figures = {c["_source"]["figure_low"] for c in claims}
    assert {12000, 10000} <= figures
    keys = es.search(index=indices.claim_keys, size=100)["hits"]["hits"]
    assert all(k["_source"]["is_seed"] for k in keys)
