"""Validate the held-out evaluation set for the claim extractor.

data/eval/claims_heldout.jsonl is hand-labelled with the conventions of
data/eval/README.md, written independently of the development set
(claims.jsonl) and of the extractor, to measure how the extractor generalises.
These tests check only the file itself (schema, vocabularies, coverage); they
never run the extractor and need neither Elasticsearch nor the network.
The checks themselves live in tests/label_checks.py, shared with
tests/test_claims_labels.py.
"""

from __future__ import annotations

import copy
import re

import pytest

from tests import label_checks as checks
from troopwatch.paths import EVAL_DIR

HELDOUT_FILE = EVAL_DIR / "claims_heldout.jsonl"
DEV_FILE = EVAL_DIR / "claims.jsonl"

MIN_TOTAL = 200
MIN_PER_LANG = 20
MIN_EN = 40
MIN_NEGATIVE_SHARE = 0.40

ID_RE = re.compile(r"^h-(?P<lang>[a-z]{2})-(?P<num>\d{3})$")

ITEMS = checks.load_items(HELDOUT_FILE)
ALL_CLAIMS = checks.all_claims(ITEMS)


def test_file_is_utf8_jsonl_with_objects():
    checks.check_items_are_objects(ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=checks.item_test_id)
def test_item_schema(item):
    checks.check_item_schema(item, ID_RE)


@pytest.mark.parametrize("item", ITEMS, ids=checks.item_test_id)
def test_text_script_matches_language(item):
    checks.check_script_matches_language(item)


@pytest.mark.parametrize("item_id,claim", ALL_CLAIMS, ids=checks.claim_test_ids(ALL_CLAIMS))
def test_claim_schema(item_id, claim):
    checks.check_claim_schema(item_id, claim)


def test_ids_unique_and_sequential_per_language():
    checks.check_ids_unique_and_sequential(ITEMS, ID_RE)


def test_texts_unique():
    checks.check_texts_unique(ITEMS)


def test_independent_of_development_set():
    # The held-out set must not reuse any sentence of the development set.
    if not DEV_FILE.exists():
        pytest.skip("no development set")
    dev_texts = {item["text"] for item in checks.load_items(DEV_FILE)}
    shared = [item["id"] for item in ITEMS if item["text"] in dev_texts]
    assert not shared, f"sentences copied from claims.jsonl: {shared}"


def test_counts_per_language():
    checks.check_counts_per_language(
        ITEMS, min_total=MIN_TOTAL, min_per_lang=MIN_PER_LANG, min_en=MIN_EN
    )


def test_negative_share():
    checks.check_negative_share(ITEMS, min_share=MIN_NEGATIVE_SHARE)


def test_negatives_explained():
    checks.check_negatives_explained(ITEMS)


def test_vocabulary_coverage():
    checks.check_vocabulary_coverage(ITEMS)


def test_item_check_rejects_development_style_id():
    # The held-out id pattern is wired in: a dev-style id (no "h-") must fail.
    bad = copy.deepcopy(ITEMS[0])
    bad["id"] = bad["id"].removeprefix("h-")
    with pytest.raises(AssertionError, match="bad id"):
        checks.check_item_schema(bad, ID_RE)
