"""The seed articles: the baseline of what analysts already know."""

from __future__ import annotations

from pathlib import Path

from elasticsearch import Elasticsearch

from troopwatch.analysis import analyse_text
from troopwatch.es.indices import Indices
from troopwatch.es.writer import ArticleWriter, WriteResult
from troopwatch.paths import SEEDS_DIR

# The seeds are from late October 2024 (they report the G7 meeting of 18-20 October and
# the Duma vote of 24 October); the files carry no dates, so Kibana's time filter gets this.
SEEDS_PUBLISHED = "2024-10-25T00:00:00+00:00"


def seed_texts(directory: Path = SEEDS_DIR) -> dict[str, str]:
    """Seed id (the file's stem) -> text."""
    return {p.stem: p.read_text(encoding="utf-8").strip() for p in sorted(directory.glob("*.txt"))}


def seed_documents(directory: Path = SEEDS_DIR) -> list[dict]:
    """One article document per seed file; the id is the file's stem."""
    docs = []
    for seed_id, text in seed_texts(directory).items():
        title = text.splitlines()[0].strip() if text else seed_id
        doc = {
            "article_id": seed_id,
            "url": f"seed:{seed_id}",
            "canonical_url": f"seed:{seed_id}",
            "site": "seed",
            "source": "seeds",
            "title": title,
            "published_at": SEEDS_PUBLISHED,
            "text": text,
            "text_length": len(text),
            "is_seed": True,
        }
        doc.update(analyse_text(text, title=title))
        docs.append(doc)
    return docs


def load_seeds(es: Elasticsearch, indices: Indices, directory: Path = SEEDS_DIR) -> WriteResult:
    """Index the seeds (idempotent: same ids, claims never new)."""
    result = ArticleWriter(es, indices).write(seed_documents(directory))
    es.indices.refresh(index=[indices.articles, indices.claims, indices.claim_keys])
    return result
