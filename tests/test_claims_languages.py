"""The per-language data modules: every registered language fills the one structure."""

from __future__ import annotations

import re

import pytest

from troopwatch.claims.languages import OPTIONAL, REGISTRY, LanguageData, part_names

CONTRACT_LANGUAGES = ("en", "ko", "ru", "uk", "de", "fr", "es", "ja", "it", "pt", "zh", "ar")


@pytest.mark.parametrize("code", list(REGISTRY))
def test_every_part_is_filled(code: str) -> None:
    lang = REGISTRY[code]
    assert isinstance(lang, LanguageData)
    assert lang.code == code
    empty = [p for p in part_names() if not getattr(lang, p) and p not in OPTIONAL]
    assert not empty, f"{code} leaves {empty} empty"


@pytest.mark.parametrize("code", list(REGISTRY))
def test_fragments_compile(code: str) -> None:
    lang = REGISTRY[code]
    for p in part_names():
        value = getattr(lang, p)
        frags: list[str] = []
        if isinstance(value, str):
            continue
        if isinstance(value, dict):
            for k, v in value.items():
                strings = isinstance(v, tuple) and all(isinstance(x, str) for x in v)
                frags.extend(v if strings else [re.escape(k)])
        else:
            frags.extend(x[0] if isinstance(x, tuple) else x for x in value)
        for f in frags:
            re.compile(f, re.IGNORECASE)


def test_every_category_has_predicates_in_every_language() -> None:
    for lang in REGISTRY.values():
        for cat in ("deployed", "planned", "casualties", "killed", "wounded", "captured"):
            assert getattr(lang, cat), (lang.code, cat)
        assert set(lang.qualifiers_before) | set(lang.qualifiers_after), lang.code


def test_units_name_people_or_block() -> None:
    for lang in REGISTRY.values():
        for frag, unit, kind in (*lang.units_first, *lang.units, *lang.non_people):
            assert kind in ("mil", "nk", "civ", "weak", "count", "block"), (lang.code, frag)
            assert (kind == "block") == (unit == ""), (lang.code, frag)
