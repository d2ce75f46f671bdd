"""The article and claim documents, field by field: the one table the Scrapy item
(crawler/items.py), the index mappings (troopwatch/es/indices.py), the writer's claim
fields (troopwatch/es/writer.py) and the alert sweep's claim fields are derived from.

`kind` is the field's index type (the mapping each kind stands for is in
troopwatch/es/indices.py, `FIELD_MAPPINGS`); None: the field never reaches the index.
The tables are in mapping order: the mapping is built in this order, so keep it.
Adding a stored field changes the mapping, which needs a new index version (`SPECS`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    kind: str | None  # index type; None: in the pipeline only, never stored
    origin: str  # what sets it (see ARTICLE_ORIGINS / CLAIM_ORIGINS)
    item: bool = False  # a field of the Scrapy item (crawler/items.py)
    note: str = ""


# Who sets an article field: a spider, a pipeline stage (by its name), the document
# builder (troopwatch/documents.py), the writer or a later copy of the article.
ARTICLE_ORIGINS = (
    "spider", "clean", "language", "relevance", "dedupe", "entities", "claims", "seed",
    "document", "writer", "copy",
)  # fmt: skip

ARTICLE: tuple[Field, ...] = (
    Field("article_id", "keyword", "clean", item=True, note="sha1 of the URL identity"),
    Field("url", "keyword", "spider", item=True),
    Field("canonical_url", "keyword", "clean", item=True),
    Field("domain", "keyword", "clean", item=True),
    Field("site", "keyword", "clean", item=True),
    Field("source", "keyword", "spider", item=True, note="catalogue id that led to the page"),
    Field("spider", "keyword", "spider", item=True),
    Field("title", "title", "clean", item=True),
    Field("authors", "keyword", "clean", item=True),
    Field("published_at", "date", "clean", item=True),
    Field("fetched_at", "date", "spider", item=True),
    Field("indexed_at", "date", "writer"),
    Field("lang", "keyword", "language", item=True),
    Field("text", "text", "clean", item=True),
    Field("text_length", "integer", "document"),
    Field("is_seed", "boolean", "seed", item=True),
    Field("relevance", "float", "relevance", item=True),
    Field("relevance_terms", "keyword", "relevance", item=True),
    Field("text_hash", "keyword", "dedupe", item=True),
    Field("minhash_bands", "bands", "dedupe", item=True),
    Field("minhash", "minhash", "dedupe", item=True),
    Field("also_seen", "sightings", "copy", note="url, site, seen_at, similarity per copy"),
    Field("also_seen_count", "integer", "copy"),
    Field("people", "keyword", "entities"),
    Field("organisations", "keyword", "entities"),
    Field("places", "keyword", "entities"),
    Field("units", "keyword", "entities"),
    Field("weapons", "keyword", "entities"),
    Field("entity_ids", "keyword", "entities"),
    Field("claim_count", "integer", "writer"),
    Field("claim_keys", "keyword", "writer"),
    Field("new_claim_count", "integer", "writer"),
    # In the item only: what the stages work from, or what becomes other documents.
    Field("html", None, "spider", item=True, note="decoded page text; dropped before indexing"),
    Field("http_status", None, "spider", item=True),
    Field("feed_title", None, "spider", item=True, note="what the feed / search result said"),
    Field("feed_published", None, "spider", item=True),
    Field("feed_lang", None, "spider", item=True),
    Field("feed_site", None, "spider", item=True, note="outlet named by an aggregator"),
    Field("html_lang", None, "clean", item=True),
    Field("duplicate_of", None, "dedupe", item=True, note="becomes the original's also_seen"),
    Field("similarity", None, "dedupe", item=True),
    Field("entities", None, "entities", item=True, note="facet name -> names; the facets"),
    Field("claims", None, "claims", item=True, note="extractor dicts; the claim documents"),
)

# Who sets a claim field: the extractor (troopwatch/claims), the writer copying it from
# the claim's article, the writer itself, or the novelty decision. "alias": mapped only.
CLAIM_ORIGINS = ("extractor", "article", "writer", "novelty", "alias")

CLAIM: tuple[Field, ...] = (
    Field("claim_id", "keyword", "writer", note="sha1 of article, sentence and key"),
    Field("article_id", "keyword", "writer", note="the stored article (an original for a copy)"),
    Field("url", "keyword", "article"),
    Field("site", "keyword", "article"),
    Field("title", "keyword", "article"),
    Field("published_at", "date", "article"),
    Field("fetched_at", "date", "article"),
    Field("sentence", "text", "extractor"),
    Field("figure_low", "long", "extractor"),
    Field("figure_high", "long", "extractor"),
    Field("qualifier", "keyword", "extractor"),
    Field("category", "keyword", "extractor"),
    Field("unit", "keyword", "extractor"),
    Field("source", "keyword", "extractor", note="the claimant"),
    Field("claimant", "claimant", "alias", note="Kibana's name for `source`"),
    Field("location", "keyword", "extractor"),
    Field("lang", "keyword", "extractor"),
    Field("confidence", "float", "extractor", note="0..1, how clearly the sentence states it"),
    Field("claim_key", "keyword", "writer"),
    Field("is_new", "boolean", "novelty"),
    Field("is_seed", "boolean", "writer"),
    Field("first_seen", "date", "novelty"),
)


def names(fields: tuple[Field, ...], *origins: str) -> tuple[str, ...]:
    """The names of `fields` (of the given origins, when any are named), in table order."""
    return tuple(f.name for f in fields if not origins or f.origin in origins)


ITEM_FIELDS = tuple(f.name for f in ARTICLE if f.item)
ARTICLE_STORED = tuple(f.name for f in ARTICLE if f.kind is not None)
ENTITY_FACETS = tuple(f.name for f in ARTICLE if f.origin == "entities" and f.kind)
# Claim fields in documents (the alias is a mapping entry, never in _source).
CLAIM_STORED = tuple(f.name for f in CLAIM if f.origin != "alias")
CLAIM_FROM_EXTRACTOR = names(CLAIM, "extractor")
CLAIM_FROM_ARTICLE = names(CLAIM, "article")
