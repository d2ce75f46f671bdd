"""Shared checks for the hand-labelled claim evaluation sets in data/eval/.

tests/test_claims_labels.py (development set, claims.jsonl) and
tests/test_claims_heldout.py (held-out set, claims_heldout.jsonl) validate files
that follow the same conventions (data/eval/README.md). This module holds what
they share: the vocabularies, the script regexes, the loader and the checks.
Each check is a plain function that asserts; each test file keeps its own path,
id pattern and thresholds and passes them in.

The asserts here carry explicit messages because pytest rewrites asserts only
in test modules, not in helper modules like this one.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import pytest

from troopwatch.languages import KB_LANGUAGES

LANGS = KB_LANGUAGES

QUALIFIERS = {"exact", "approx", "at_least", "up_to", "nearly", "more_than", "vague"}
CATEGORIES = {"deployed", "planned", "casualties", "killed", "wounded", "captured", "force_size"}
ITEM_KEYS = {"id", "lang", "text", "claims", "note"}
CLAIM_KEYS = {"figure_low", "figure_high", "qualifier", "category", "unit", "source", "location"}

# Canonical claimant names (data/eval/README.md, "Source (claimant)"). Claimants
# outside this list are allowed only when listed in EXTRA_SOURCES, so that a
# misspelt canonical name ("Zelenskyy", "NIS South Korea") fails here instead of
# silently lowering the extractor's score.
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

HANGUL = re.compile(r"[\uac00-\ud7a3]")
KANA = re.compile(r"[\u3040-\u30ff]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
UKRAINIAN_ONLY = re.compile(r"[іїєґІЇЄҐ]")
RUSSIAN_ONLY = re.compile(r"[ыэъЫЭЪ]")

Claim = tuple[str, dict]


# --- loading and parametrisation helpers ------------------------------------


def load_items(path: Path) -> list[dict]:
    """Parse a JSONL file, failing on blank lines and invalid JSON."""
    items = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            assert line.strip(), f"{path.name} line {lineno}: blank line"
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:  # pragma: no cover - message only
                pytest.fail(f"{path.name} line {lineno}: invalid JSON: {exc}")
    return items


def all_claims(items: Iterable[dict]) -> list[Claim]:
    """Every claim of every item, as (item id, claim) pairs."""
    return [(item["id"], claim) for item in items for claim in item.get("claims", [])]


def item_test_id(item: dict) -> str:
    """pytest id for a parametrised item: the item's id."""
    return str(item.get("id"))


def claim_test_ids(claims: list[Claim]) -> list[str]:
    """pytest ids for parametrised claims: "<item id>:<position in the file>"."""
    return [f"{item_id}:{n}" for n, (item_id, _) in enumerate(claims)]


def is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# --- per-item and per-claim checks ------------------------------------------


def check_items_are_objects(items: list) -> None:
    assert items, "no items"
    not_objects = [n for n, item in enumerate(items, 1) if not isinstance(item, dict)]
    assert not not_objects, f"lines that are not JSON objects: {not_objects}"


def check_item_schema(item: dict, id_re: re.Pattern[str]) -> None:
    assert set(item) == ITEM_KEYS, f"keys {sorted(item)}"
    match = id_re.match(item["id"])
    assert match, f"bad id {item['id']!r} (expected {id_re.pattern})"
    assert match["lang"] == item["lang"], "id must carry the item's language"
    assert item["lang"] in LANGS, f"unknown language {item['lang']!r}"
    text = item["text"]
    assert isinstance(text, str) and text and text.strip() == text, "text empty or padded"
    assert "\n" not in text, "text spans several lines"
    assert isinstance(item["note"], str), f"note must be a string, got {item['note']!r}"
    assert isinstance(item["claims"], list), f"claims must be a list, got {item['claims']!r}"


def check_script_matches_language(item: dict) -> None:
    text, lang = item["text"], item["lang"]
    if lang == "ko":
        assert HANGUL.search(text), "no Hangul in a Korean item"
    elif lang == "ja":
        assert KANA.search(text), "no kana in a Japanese item"
        assert not HANGUL.search(text), "Hangul in a Japanese item"
    elif lang in ("ru", "uk"):
        assert CYRILLIC.search(text), f"no Cyrillic in a {lang} item"
        if lang == "ru":
            assert not UKRAINIAN_ONLY.search(text), "Ukrainian letters in a Russian item"
        else:
            assert not RUSSIAN_ONLY.search(text), "Russian-only letters in a Ukrainian item"
    else:
        assert not CYRILLIC.search(text) and not HANGUL.search(text) and not KANA.search(text), (
            f"Cyrillic, Hangul or kana in a {lang} item"
        )


def check_claim_schema(item_id: str, claim: dict) -> None:
    assert set(claim) == CLAIM_KEYS, f"{item_id}: keys {sorted(claim)}"
    low, high, qualifier = claim["figure_low"], claim["figure_high"], claim["qualifier"]
    assert qualifier in QUALIFIERS, f"{item_id}: qualifier {qualifier!r}"
    assert claim["category"] in CATEGORIES, f"{item_id}: category {claim['category']!r}"
    if qualifier == "vague":
        assert low is None and high is None, f"{item_id}: vague claim with a figure"
    else:
        assert is_int(low), f"{item_id}: figure_low must be an int, got {low!r}"
        assert low > 0, f"{item_id}: figure_low must be positive, got {low}"
        if high is not None:
            assert is_int(high), f"{item_id}: figure_high must be an int or null"
            assert low < high, f"{item_id}: low {low} must be below high {high}"
    assert claim["unit"] in UNITS, f"{item_id}: unit {claim['unit']!r}"
    source = claim["source"]
    assert source in CANONICAL_SOURCES | EXTRA_SOURCES, f"{item_id}: source {source!r}"
    location = claim["location"]
    assert location is None or location in LOCATIONS, f"{item_id}: location {location!r}"


# --- whole-file checks ------------------------------------------------------


def check_ids_unique_and_sequential(items: list[dict], id_re: re.Pattern[str]) -> None:
    """Ids are unique and, per language, numbered 001..N without gaps."""
    ids = [item["id"] for item in items]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    nums_by_lang: dict[str, list[int]] = defaultdict(list)
    for item_id in ids:
        match = id_re.match(item_id)
        assert match, f"bad id {item_id!r} (expected {id_re.pattern})"
        nums_by_lang[match["lang"]].append(int(match["num"]))
    for lang in LANGS:
        nums = sorted(nums_by_lang[lang])
        assert nums == list(range(1, len(nums) + 1)), f"{lang}: ids not 001..N"


def check_texts_unique(items: list[dict]) -> None:
    texts = Counter(item["text"] for item in items)
    duplicates = [t for t, n in texts.items() if n > 1]
    assert not duplicates, f"duplicate texts: {duplicates}"


def check_counts_per_language(
    items: list[dict], *, min_total: int, min_per_lang: int, min_en: int
) -> None:
    counts = Counter(item["lang"] for item in items)
    assert len(items) >= min_total, len(items)
    for lang in LANGS:
        assert counts[lang] >= min_per_lang, f"{lang}: {counts[lang]} items"
    assert counts["en"] >= min_en, f"en: {counts['en']} items, need {min_en}"
    assert set(counts) == set(LANGS), f"languages {sorted(counts)}"


def check_negative_share(
    items: list[dict], *, min_share: float, min_share_per_lang: float | None = None
) -> None:
    """At least min_share of the items have no claim (and, if given, per language)."""
    negatives = [item for item in items if not item["claims"]]
    assert len(negatives) / len(items) >= min_share, f"{len(negatives)}/{len(items)}"
    if min_share_per_lang is None:
        return
    for lang in LANGS:
        lang_items = [item for item in items if item["lang"] == lang]
        share = sum(1 for item in lang_items if not item["claims"]) / len(lang_items)
        assert share >= min_share_per_lang, f"{lang}: {share:.0%} negatives"


def check_negatives_explained(items: list[dict]) -> None:
    # Every item with no claim says why (which kind of distractor it is).
    missing = [item["id"] for item in items if not item["claims"] and not item["note"]]
    assert not missing, missing


def check_vocabulary_coverage(items: list[dict]) -> None:
    claims = all_claims(items)
    categories = Counter(claim["category"] for _, claim in claims)
    qualifiers = Counter(claim["qualifier"] for _, claim in claims)
    assert set(categories) == CATEGORIES, categories
    assert set(qualifiers) == QUALIFIERS, qualifiers
    assert sum(1 for _, c in claims if c["figure_high"] is not None) >= 5, "too few ranges"
    assert sum(1 for item in items if len(item["claims"]) >= 2) >= 10, "too few multi-claim items"
    for lang in LANGS:
        lang_items = [item for item in items if item["lang"] == lang]
        assert any(len(item["claims"]) >= 2 for item in lang_items), f"{lang}: no multi-claim item"
        assert any(c["qualifier"] == "vague" for item in lang_items for c in item["claims"]), (
            f"{lang}: no vague claim"
        )
