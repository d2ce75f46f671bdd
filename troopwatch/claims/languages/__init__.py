"""Registry of the languages the claim extractor reads, one module per language.

``REGISTRY`` maps a language code to its ``LanguageData``, in a fixed order (the order
decides which of two equally good readings wins where tables are merged). To add a
language, write ``<code>.py`` filling ``LanguageData`` and list it in ``_MODULES``
(README: "Adding a language").
"""

from __future__ import annotations

from importlib import import_module

from troopwatch.claims.languages.base import AP, OPTIONAL, LanguageData, part_names

# Order matters: space-separated languages first (English first), then CJK.
_MODULES = ("en", "ru", "uk", "de", "fr", "es", "it", "pt", "ar", "ko", "ja", "zh")

REGISTRY: dict[str, LanguageData] = {
    code: import_module(f"troopwatch.claims.languages.{code}").LANGUAGE for code in _MODULES
}
SPACED_SCRIPTS = ("latin", "cyrillic", "arabic")


def languages() -> list[LanguageData]:
    """Every registered language, in registry order."""
    return list(REGISTRY.values())


def spaced() -> list[LanguageData]:
    """Languages whose words are separated by spaces (fragments get letter boundaries)."""
    return [lang for lang in REGISTRY.values() if lang.script in SPACED_SCRIPTS]


def unspaced() -> list[LanguageData]:
    """Korean, Japanese, Chinese: fragments are matched inside running text."""
    return [lang for lang in REGISTRY.values() if lang.script not in SPACED_SCRIPTS]


__all__ = [
    "AP",
    "OPTIONAL",
    "REGISTRY",
    "LanguageData",
    "languages",
    "part_names",
    "spaced",
    "unspaced",
]
