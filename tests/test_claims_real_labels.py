"""The real-text claims set (data/eval/claims_real.jsonl): passages quoted from published
news pages (each with its URL), labelled against shared/CLAIMS.md by annotators who never
saw the extractor or its output, split once by page into dev and test.

These tests check the file only (schema, coverage, the split); they never run the
extractor. The scores are printed by `troopwatch claims eval data/eval/claims_real.jsonl
--split test`.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest

from troopwatch.languages import LANGUAGES
from troopwatch.paths import EVAL_DIR

PATH = EVAL_DIR / "claims_real.jsonl"
LANGS = LANGUAGES
QUALIFIERS = {"exact", "approx", "at_least", "up_to", "nearly", "more_than", "vague"}
CATEGORIES = {"deployed", "planned", "casualties", "killed", "wounded", "captured", "force_size"}
ITEM_KEYS = {"id", "lang", "split", "url", "text", "claims", "lookalike", "note"}
CLAIM_KEYS = {
    "figure_low",
    "figure_high",
    "qualifier",
    "category",
    "unit",
    "source",
    "source_text",
    "location",
}
ID_RE = re.compile(r"^r-(?P<lang>[a-z]{2})-\d{3}$")
SCRIPTS = {
    "ko": re.compile(r"[\uac00-\ud7a3]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "uk": re.compile(r"[іїєґІЇЄҐ]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
}

ITEMS = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines()]


def test_size_and_languages():
    per_lang = Counter(it["lang"] for it in ITEMS)
    assert len(ITEMS) >= 600
    assert set(per_lang) == set(LANGS)
    assert min(per_lang.values()) >= 30, per_lang
    share = sum(it["lookalike"] for it in ITEMS) / len(ITEMS)
    assert 0.2 <= share <= 0.35, share


@pytest.mark.parametrize("item", ITEMS, ids=lambda it: it["id"])
def test_item(item):
    assert set(item) == ITEM_KEYS
    m = ID_RE.match(item["id"])
    assert m and m["lang"] == item["lang"]
    assert item["split"] in ("dev", "test")
    assert urlsplit(item["url"]).scheme in ("http", "https") and urlsplit(item["url"]).netloc
    assert item["text"].strip()
    script = SCRIPTS.get(item["lang"])
    assert script is None or script.search(item["text"]), "text is not in its language's script"
    assert item["lookalike"] == (not item["claims"])
    if item["lookalike"]:
        assert item["note"], "a look-alike says why it is not a claim"
    for claim in item["claims"]:
        assert set(claim) == CLAIM_KEYS
        assert claim["qualifier"] in QUALIFIERS and claim["category"] in CATEGORIES
        low, high = claim["figure_low"], claim["figure_high"]
        if low is None:
            assert claim["qualifier"] == "vague" and high is None
        else:
            assert isinstance(low, int) and low > 0
            assert high is None or (isinstance(high, int) and high > low)
        assert claim["source"]
        assert claim["source_text"] in item["text"]


def test_ids_sequential_and_texts_unique():
    by_lang = defaultdict(list)
    for it in ITEMS:
        by_lang[it["lang"]].append(int(it["id"].rsplit("-", 1)[1]))
    for lang, nums in by_lang.items():
        assert nums == list(range(1, len(nums) + 1)), lang
    texts = Counter(it["text"] for it in ITEMS)
    assert texts.most_common(1)[0][1] == 1


def test_split_once_by_page_and_balanced():
    split_of_url = defaultdict(set)
    for it in ITEMS:
        split_of_url[it["url"]].add(it["split"])
    assert all(len(s) == 1 for s in split_of_url.values()), "a page is in both splits"
    for lang in LANGS:
        splits = Counter(it["split"] for it in ITEMS if it["lang"] == lang)
        assert splits["dev"] >= 20 and splits["test"] >= 20, (lang, splits)
