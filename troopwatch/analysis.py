"""Every text analysis of an article in one call, for code outside the Scrapy pipeline
(seeds, the CLI, benchmarks). The pipeline runs the same functions stage by stage."""

from __future__ import annotations

from troopwatch.claims import extract_claims
from troopwatch.dedupe.store import dedupe_fields
from troopwatch.entities.tagger import entity_fields, tag_entities
from troopwatch.langid import detect_language


def analyse_text(text: str, title: str | None = None, lang: str | None = None) -> dict:
    """Language, dedupe fingerprints, entity facets and claims of an article's text."""
    lang = lang or detect_language(f"{title or ''}\n{text}")
    return {
        "lang": lang,
        **dedupe_fields(text),
        **entity_fields(tag_entities(f"{title or ''}\n{text}", lang)),
        "claims": [c.to_dict() for c in extract_claims(text)],
    }
