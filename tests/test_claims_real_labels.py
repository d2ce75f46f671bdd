"""The real-text claims sets: passages quoted from published news pages (each with its URL),
labelled against shared/CLAIMS.md by annotators who never saw the extractor or its output.
data/eval/claims_real.jsonl is split once by page into dev and test; claims_real2.jsonl,
labelled later by other annotators, is dev only and shares no page or passage with the
first set's test split; claims_real3.jsonl, a third dev-only set from stored copies of
news pages, shares no page or passage with either.

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
PATH2 = EVAL_DIR / "claims_real2.jsonl"
PATH3 = EVAL_DIR / "claims_real3.jsonl"
PATH4 = EVAL_DIR / "claims_real4.jsonl"
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
ID_RE = re.compile(r"^r[234]?-(?P<lang>[a-z]{2})-\d{3}$")
SCRIPTS = {
    "ko": re.compile(r"[\uac00-\ud7a3]"),
    "ja": re.compile(r"[\u3040-\u30ff]"),
    "ru": re.compile(r"[\u0400-\u04ff]"),
    "uk": re.compile(r"[іїєґІЇЄҐ]"),
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ar": re.compile(r"[\u0600-\u06ff]"),
}

ITEMS = [json.loads(line) for line in PATH.read_text(encoding="utf-8").splitlines()]
ITEMS2 = [json.loads(line) for line in PATH2.read_text(encoding="utf-8").splitlines()]
ITEMS3 = [json.loads(line) for line in PATH3.read_text(encoding="utf-8").splitlines()]
ITEMS4 = [json.loads(line) for line in PATH4.read_text(encoding="utf-8").splitlines()]


def test_size_and_languages():
    per_lang = Counter(it["lang"] for it in ITEMS)
    assert len(ITEMS) >= 600
    assert set(per_lang) == set(LANGS)
    assert min(per_lang.values()) >= 30, per_lang
    share = sum(it["lookalike"] for it in ITEMS) / len(ITEMS)
    assert 0.2 <= share <= 0.35, share


@pytest.mark.parametrize("item", ITEMS + ITEMS2 + ITEMS3 + ITEMS4, ids=lambda it: it["id"])
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


@pytest.mark.parametrize(
    "items",
    [ITEMS, ITEMS2, ITEMS3, ITEMS4],
    ids=["claims_real", "claims_real2", "claims_real3", "claims_real4"],
)
def test_ids_sequential_and_texts_unique(items):
    by_lang = defaultdict(list)
    for it in items:
        by_lang[it["lang"]].append(int(it["id"].rsplit("-", 1)[1]))
    for lang, nums in by_lang.items():
        assert nums == list(range(1, len(nums) + 1)), lang
    texts = Counter(it["text"] for it in items)
    assert texts.most_common(1)[0][1] == 1


def _words(text: str) -> set[str]:
    """Word 5-grams, or character 8-grams for scripts without spaces."""
    text = re.sub(r"\W+", " ", text.lower()).strip()
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]", text):
        text = text.replace(" ", "")
        return {text[i : i + 8] for i in range(max(1, len(text) - 7))}
    words = text.split()
    return {" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))}


def test_second_set_is_dev_only_and_apart_from_the_test_split():
    """Tuning on the second set must not tune on the first set's test pages."""
    assert len(ITEMS2) >= 300 and {it["split"] for it in ITEMS2} == {"dev"}
    assert {it["lang"] for it in ITEMS2} == set(LANGS)
    host_path = lambda u: re.sub(r"^https?://(www\.)?", "", u.lower()).rstrip("/")  # noqa: E731
    test_urls = {host_path(it["url"]) for it in ITEMS if it["split"] == "test"}
    assert not [it["id"] for it in ITEMS2 if host_path(it["url"]) in test_urls]
    first = [_words(it["text"]) for it in ITEMS]
    for it in ITEMS2:
        mine = _words(it["text"])
        for other in first:
            shared = len(mine & other) / max(1, min(len(mine), len(other)))
            assert shared < 0.5, it["id"]


def test_split_once_by_page_and_balanced():
    split_of_url = defaultdict(set)
    for it in ITEMS:
        split_of_url[it["url"]].add(it["split"])
    assert all(len(s) == 1 for s in split_of_url.values()), "a page is in both splits"
    for lang in LANGS:
        splits = Counter(it["split"] for it in ITEMS if it["lang"] == lang)
        assert splits["dev"] >= 20 and splits["test"] >= 20, (lang, splits)


def test_third_set_is_dev_only_and_apart_from_both_earlier_sets():
    """A page or passage of an earlier set would make its first score no unseen text."""
    assert len(ITEMS3) >= 400 and {it["split"] for it in ITEMS3} == {"dev"}
    per_lang = Counter(it["lang"] for it in ITEMS3)
    assert set(per_lang) == set(LANGS) and min(per_lang.values()) >= 30, per_lang
    host_path = lambda u: re.sub(r"^https?://(www\.)?", "", u.lower()).rstrip("/")  # noqa: E731
    earlier = ITEMS + ITEMS2
    pages = {host_path(it["url"]) for it in earlier}
    assert not [it["id"] for it in ITEMS3 if host_path(it["url"]) in pages]
    grams = [(it["lang"], _words(it["text"])) for it in earlier]
    for it in ITEMS3:
        mine = _words(it["text"])
        for lang, other in grams:
            if lang == it["lang"]:
                shared = len(mine & other) / max(1, min(len(mine), len(other)))
                assert shared < 0.5, it["id"]


def test_fourth_set_is_dev_only_and_apart_from_all_earlier_sets():
    """Scored once before any rule was tuned on it: no page or passage of an earlier set."""
    assert len(ITEMS4) >= 350 and {it["split"] for it in ITEMS4} == {"dev"}
    per_lang = Counter(it["lang"] for it in ITEMS4)
    assert set(per_lang) == set(LANGS) and min(per_lang.values()) >= 28, per_lang
    host_path = lambda u: re.sub(r"^https?://(www\.)?", "", u.lower()).rstrip("/")  # noqa: E731
    earlier = ITEMS + ITEMS2 + ITEMS3
    pages = {host_path(it["url"]) for it in earlier}
    assert not [it["id"] for it in ITEMS4 if host_path(it["url"]) in pages]
    grams = [(it["lang"], _words(it["text"])) for it in earlier]
    for it in ITEMS4:
        mine = _words(it["text"])
        for lang, other in grams:
            if lang == it["lang"]:
                shared = len(mine & other) / max(1, min(len(mine), len(other)))
                assert shared < 0.5, it["id"]
