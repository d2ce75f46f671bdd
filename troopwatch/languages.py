"""The languages troopwatch reads: the one list every component takes its languages from."""

from __future__ import annotations

# What the pipeline reads, the claim extractor covers and page dates are read in.
LANGUAGES: tuple[str, ...] = (
    "en",
    "ko",
    "ru",
    "uk",
    "de",
    "fr",
    "es",
    "ja",
    "it",
    "pt",
    "zh",
    "ar",
)
# The first eight: the languages the entity knowledge base names every entity in, and that
# the source catalogue, the fixture press and the written evaluation sets cover.
KB_LANGUAGES: tuple[str, ...] = LANGUAGES[:8]
