"""Every text analysis of an article in one call, for code outside the Scrapy pipeline
(seeds, the CLI, benchmarks). The pipeline runs the same functions stage by stage."""

from __future__ import annotations

from troopwatch.claims import extract_claims
from troopwatch.langid import detect_language


def analyse_text(text: str, title: str | None = None, lang: str | None = None) -> dict:
    """Language, claims (and, where available, fingerprints and entities) of a text."""
    lang = lang or detect_language(f"{title or ''}\n{text}")
    return {
        "lang": lang,
        "claims": [c.to_dict() for c in extract_claims(text, lang=None)],
    }
