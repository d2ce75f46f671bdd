"""Validate the held-out evaluation set for the claim extractor.

data/eval/claims_heldout.jsonl is hand-labelled with the conventions of
data/eval/README.md, written independently of the development set
(claims.jsonl) and of the extractor, to measure how the extractor generalises.
These tests check only the file itself (schema, vocabularies, coverage); they
never run the extractor and need neither Elasticsearch nor the network.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

EVAL_DIR = Path(__file__).resolve().parents[1] / "data" / "eval"
HELDOUT_FILE = EVAL_DIR / "claims_heldout.jsonl"
DEV_FILE = EVAL_DIR / "claims.jsonl"

LANGS = ("en", "ko", "ru", "uk", "de", "fr", "es", "ja")
MIN_TOTAL = 200
MIN_PER_LANG = 20
MIN_EN = 40
MIN_NEGATIVE_SHARE = 0.40

QUALIFIERS = {"exact", "approx", "at_least", "up_to", "nearly", "more_than", "vague"}
CATEGORIES = {"deployed", "planned", "casualties", "killed", "wounded", "captured", "force_size"}
ITEM_KEYS = {"id", "lang", "text", "claims", "note"}
CLAIM_KEYS = {"figure_low", "figure_high", "qualifier", "category", "unit", "source", "location"}

# Canonical claimant names (data/eval/README.md, "Source (claimant)").
CANONICAL_SOURCES = {
    "NIS",
    "JCS",
    "South Korean government",
    "Pentagon",
    "White House",
    "US State Department",
    "US government",
    "NATO",
    "GUR",
    "SBU",
    "Ukrainian General Staff",
    "Ukrainian Ministry of Defence",
    "Ukrainian government",
    "UK Ministry of Defence",
    "ISW",
    "KCNA",
    "Kremlin",
    "Russian Ministry of Defence",
    "Volodymyr Zelensky",
    "Kim Jong Un",
    "Kyrylo Budanov",
    "Lloyd Austin",
    "Mark Rutte",
    "Yoon Suk Yeol",
    "Vladimir Putin",
    "Dmitry Peskov",
    "Antony Blinken",
    "John Kirby",
    "Sabrina Singh",
    "Rustem Umerov",
    "Andrii Sybiha",
    "Lee Seong-kweun",
    "Park Sun-won",
    "Oleksandr Syrskyi",
    "Pete Hegseth",
    "Marco Rubio",
    "Donald Trump",
    "Joe Biden",
    "unattributed",
}
# Claimants outside the canonical list that the README names explicitly.
EXTRA_SOURCES = {"Sergei Shoigu", "German government", "Ukrainian Special Operations Forces"}
LOCATIONS = {"Kursk", "Russia", "Vladivostok", "eastern Russia", "Ukraine", "Donbas", "Donetsk"}
UNITS = {
    "troops",
    "soldiers",
    "special forces",
    "engineers",
    "builders",
    "deminers",
    "officers",
    "personnel",
    "workers",
}

ID_RE = re.compile(r"^h-(?P<lang>[a-z]{2})-(?P<num>\d{3})$")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
KANA = re.compile(r"[\u3040-\u30ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_ONLY = re.compile(r"[ыэъЫЭЪ]")


def _load(path: Path) -> list[dict]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            assert line.strip(), f"{path.name} line {lineno}: blank line"
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - message only
                pytest.fail(f"{path.name} line {lineno}: invalid JSON: {exc}")
    return items


ITEMS = _load(HELDOUT_FILE)
ALL_CLAIMS = [(item["id"], claim) for item in ITEMS for claim in item.get("claims", [])]


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def test_file_is_utf8_jsonl_with_objects():
    assert ITEMS, "no items"
    assert all(isinstance(item, dict) for item in ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda it: str(it.get("id")))
def test_item_schema(item):
    assert set(item) == ITEM_KEYS, f"keys {sorted(item)}"
    match = ID_RE.match(item["id"])
    assert match, f"bad id {item['id']!r} (expected h-<lang>-NNN)"
    assert match["lang"] == item["lang"], "id must carry the item's language"
    assert item["lang"] in LANGS
    text = item["text"]
    assert isinstance(text, str) and text and text.strip() == text, "text empty or padded"
    assert "\n" not in text
    assert isinstance(item["note"], str)
    assert isinstance(item["claims"], list)


@pytest.mark.parametrize("item", ITEMS, ids=lambda it: str(it.get("id")))
def test_text_script_matches_language(item):
    text, lang = item["text"], item["lang"]
    if lang == "ko":
        assert HANGUL.search(text)
    elif lang == "ja":
        assert KANA.search(text)
        assert not HANGUL.search(text)
    elif lang in ("ru", "uk"):
        assert CYRILLIC.search(text)
        if lang == "ru":
            assert not UKRAINIAN_ONLY.search(text), "Ukrainian letters in a Russian item"
        else:
            assert not RUSSIAN_ONLY.search(text), "Russian-only letters in a Ukrainian item"
    else:
        assert not CYRILLIC.search(text) and not HANGUL.search(text) and not KANA.search(text)


@pytest.mark.parametrize(
    "item_id,claim", ALL_CLAIMS, ids=[f"{i}:{n}" for n, (i, _) in enumerate(ALL_CLAIMS)]
)
def test_claim_schema(item_id, claim):
    assert set(claim) == CLAIM_KEYS, f"{item_id}: keys {sorted(claim)}"
    low, high, qualifier = claim["figure_low"], claim["figure_high"], claim["qualifier"]
    assert qualifier in QUALIFIERS, f"{item_id}: qualifier {qualifier!r}"
    assert claim["category"] in CATEGORIES, f"{item_id}: category {claim['category']!r}"
    if qualifier == "vague":
        assert low is None and high is None, f"{item_id}: vague claim with a figure"
    else:
        assert _is_int(low), f"{item_id}: figure_low must be an int, got {low!r}"
        assert low > 0
        if high is not None:
            assert _is_int(high), f"{item_id}: figure_high must be an int or null"
            assert low < high, f"{item_id}: low {low} must be below high {high}"
    assert claim["unit"] in UNITS, f"{item_id}: unit {claim['unit']!r}"
    source = claim["source"]
    assert source in CANONICAL_SOURCES | EXTRA_SOURCES, f"{item_id}: source {source!r}"
    location = claim["location"]
    assert location is None or location in LOCATIONS, f"{item_id}: location {location!r}"


def test_ids_unique_and_sequential_per_language():
    ids = [item["id"] for item in ITEMS]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    for lang in LANGS:
        nums = sorted(int(i.rsplit("-", 1)[1]) for i in ids if i.startswith(f"h-{lang}-"))
        assert nums == list(range(1, len(nums) + 1)), f"{lang}: ids not 001..N"


def test_texts_unique():
    texts = Counter(item["text"] for item in ITEMS)
    assert not [t for t, n in texts.items() if n > 1]


def test_independent_of_development_set():
    # The held-out set must not reuse any sentence of the development set.
    if not DEV_FILE.exists():
        pytest.skip("no development set")
    dev_texts = {item["text"] for item in _load(DEV_FILE)}
    shared = [item["id"] for item in ITEMS if item["text"] in dev_texts]
    assert not shared, f"sentences copied from claims.jsonl: {shared}"


def test_counts_per_language():
    counts = Counter(item["lang"] for item in ITEMS)
    assert len(ITEMS) >= MIN_TOTAL, len(ITEMS)
    for lang in LANGS:
        assert counts[lang] >= MIN_PER_LANG, f"{lang}: {counts[lang]} items"
    assert counts["en"] >= MIN_EN
    assert set(counts) == set(LANGS)


def test_negative_share():
    negatives = [item for item in ITEMS if not item["claims"]]
    assert len(negatives) / len(ITEMS) >= MIN_NEGATIVE_SHARE, f"{len(negatives)}/{len(ITEMS)}"


def test_negatives_explained():
    missing = [item["id"] for item in ITEMS if not item["claims"] and not item["note"]]
    assert not missing, missing


def test_vocabulary_coverage():
    categories = Counter(claim["category"] for _, claim in ALL_CLAIMS)
    qualifiers = Counter(claim["qualifier"] for _, claim in ALL_CLAIMS)
    assert set(categories) == CATEGORIES, categories
    assert set(qualifiers) == QUALIFIERS, qualifiers
    assert sum(1 for _, c in ALL_CLAIMS if c["figure_high"] is not None) >= 5, "too few ranges"
    assert sum(1 for item in ITEMS if len(item["claims"]) >= 2) >= 10, "too few multi-claim items"
    for lang in LANGS:
        lang_items = [item for item in ITEMS if item["lang"] == lang]
        assert any(len(item["claims"]) >= 2 for item in lang_items), f"{lang}: no multi-claim item"
        assert any(c["qualifier"] == "vague" for item in lang_items for c in item["claims"]), (
            f"{lang}: no vague claim"
        )
