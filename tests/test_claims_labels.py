"""Validate the labelled evaluation set for the claim extractor.

data/eval/claims.jsonl is hand-labelled (see data/eval/README.md for the
conventions). These tests check only the file itself (schema, vocabularies,
coverage); they do not need the extractor, Elasticsearch or the network.
The checks themselves live in tests/label_checks.py, shared with
tests/test_claims_heldout.py.
"""

from __future__ import annotations

import copy
import re

import pytest

from tests import label_checks as checks
from troopwatch.paths import EVAL_DIR

EVAL_FILE = EVAL_DIR / "claims.jsonl"

MIN_TOTAL = 260
MIN_PER_LANG = 25
MIN_EN = 60
MIN_NEGATIVE_SHARE = 0.35
MIN_NEGATIVE_SHARE_PER_LANG = 0.30

ID_RE = re.compile(r"^(?P<lang>[a-z]{2})-(?P<num>\d{3})$")

ITEMS = checks.load_items(EVAL_FILE)
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


def test_counts_per_language():
    checks.check_counts_per_language(
        ITEMS, min_total=MIN_TOTAL, min_per_lang=MIN_PER_LANG, min_en=MIN_EN
    )


def test_negative_share():
    checks.check_negative_share(
        ITEMS, min_share=MIN_NEGATIVE_SHARE, min_share_per_lang=MIN_NEGATIVE_SHARE_PER_LANG
    )


def test_negatives_explained():
    checks.check_negatives_explained(ITEMS)


def test_vocabulary_coverage():
    checks.check_vocabulary_coverage(ITEMS)


def test_claim_check_rejects_unknown_qualifier():
    # The shared claim check must still fail: corrupt a copy of a real claim.
    item_id, claim = ALL_CLAIMS[0]
    bad = copy.deepcopy(claim)
    bad["qualifier"] = "roughly"
    with pytest.raises(AssertionError, match="qualifier 'roughly'"):
        checks.check_claim_schema(item_id, bad)
