"""Every field the pipeline stores is mapped, with the type the schema intends.

The documents are the real ones: an item filled by the real stage functions (extractor,
dedupe sketch, entity tagger, relevance), turned into its document and written by the
writer, with a copy that records a sighting; then read back from Elasticsearch and
checked against the index's live mapping. A field a document gains without a line in
troopwatch/schema.py is unmapped (`dynamic: false` keeps it unsearchable): this fails.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from crawler.items import ArticleItem
from troopwatch import schema
from troopwatch.claims import extract_claims
from troopwatch.claims.extract import Claim
from troopwatch.dates import parse_datetime
from troopwatch.dedupe.minhash import sketch
from troopwatch.documents import article_document
from troopwatch.entities.tagger import entity_fields, tag_entities
from troopwatch.es.indices import FIELD_MAPPINGS, available_languages, field_mapping
from troopwatch.es.writer import ArticleWriter
from troopwatch.relevance import score_relevance

TEXT = (
    "South Korea's National Intelligence Service said on Friday that about 12,000 North "
    "Korean troops have been sent to Russia's Kursk region. Ukrainian officials said "
    "3,000 of them had been killed or wounded near Sudzha."
)


def full_item(url: str, **extra) -> ArticleItem:
    """An item with every field a spider and the stages set, from the real stages."""
    sk = sketch(TEXT)
    relevance = score_relevance("North Korean troops in Kursk", TEXT, "en")
    item = ArticleItem(
        url=url,
        source="meridian-wire",
        spider="feeds",
        html=f"<html><body><p>{TEXT}</p></body></html>",
        http_status=200,
        fetched_at=datetime.now(UTC),
        feed_title="North Korean troops in Kursk",
        feed_published="2026-11-20T08:00:00+00:00",
        feed_lang="en",
        feed_site="Meridian Wire",
        canonical_url=url,
        article_id=url.rsplit("/", 1)[-1],
        title="North Korean troops in Kursk",
        authors=["A. Reporter"],
        published_at="2026-11-20T08:00:00+00:00",
        site="meridian-wire",
        domain="meridian-wire.example",
        text=TEXT,
        html_lang="en",
        lang="en",
        relevance=relevance.score,
        relevance_terms=list(relevance.terms),
        text_hash=sk.text_hash,
        minhash=sk.signature,
        minhash_bands=sk.bands,
        duplicate_of=None,
        similarity=None,
        entities=entity_fields(tag_entities(TEXT, "en")),
        claims=[c.to_dict() for c in extract_claims(TEXT, lang="en")],
        is_seed=False,
    )
    item.update(extra)
    assert set(item) == set(ArticleItem.fields)  # every item field is exercised
    return item


def fits(kind: str, value) -> bool:
    """Whether a stored value is one the field's intended type takes."""
    values = value if isinstance(value, list) else [value]
    if kind in ("keyword", "text", "title", "bands"):
        return all(isinstance(v, str) for v in values)
    if kind == "date":
        return all(isinstance(v, str) and parse_datetime(v) is not None for v in values)
    if kind == "boolean":
        return all(isinstance(v, bool) for v in values)
    if kind in ("integer", "long", "minhash"):
        return all(isinstance(v, int) and not isinstance(v, bool) for v in values)
    if kind == "float":
        return all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    if kind == "sightings":
        props = FIELD_MAPPINGS["sightings"]["properties"]
        return all(isinstance(v, dict) and set(v) <= set(props) for v in values)
    return False


def check_against_mapping(docs: list[dict], fields: tuple[schema.Field, ...], live: dict, langs):
    """Problems: fields not mapped, mapped with another type, or holding other values;
    and schema fields no document ever held (a stale line)."""
    kinds = {f.name: f.kind for f in fields}
    problems, seen = [], set()
    for doc in docs:
        for name, value in doc.items():
            seen.add(name)
            if name not in live:
                problems.append(f"{name}: in the document, not in the mapping")
                continue
            kind = kinds.get(name)
            if kind is None:
                problems.append(f"{name}: mapped, but not a stored field of the schema")
                continue
            want = field_mapping(kind, langs)
            if live[name].get("type", "object") != want.get("type", "object"):
                problems.append(f"{name}: mapped as {live[name].get('type')}, meant {kind}")
            if value is not None and not fits(kind, value):
                problems.append(f"{name}: {value!r} does not fit {kind}")
    unused = {f.name for f in fields if f.kind and f.origin != "alias"} - seen
    problems += [f"{name}: in the schema, in no document" for name in sorted(unused)]
    return problems


def test_every_stored_field_is_mapped_with_its_intended_type(es, indices):
    original = full_item("https://meridian-wire.example/world/kursk-12000")
    copy = full_item(
        "https://echo-daily.example/kursk-copy",
        site="echo-daily",
        duplicate_of=original["article_id"],
        similarity=0.97,
    )
    docs = [article_document(original), article_document(copy)]
    result = ArticleWriter(es, indices).write(docs)
    assert result.indexed == 1 and result.sightings == 1 and result.new_claims
    es.indices.refresh(index=[indices.articles, indices.claims])

    langs = available_languages(es)
    article = es.get(index=indices.articles, id=original["article_id"])["_source"]
    claims = [h["_source"] for h in es.search(index=indices.claims, size=100)["hits"]["hits"]]
    assert article["also_seen_count"] == 1 and claims

    def live(alias: str) -> dict:
        (mapping,) = es.indices.get_mapping(index=alias).values()
        return mapping["mappings"]["properties"]

    problems = check_against_mapping([article], schema.ARTICLE, live(indices.articles), langs)
    problems += check_against_mapping(claims, schema.CLAIM, live(indices.claims), langs)
    assert problems == []


def test_an_unmapped_field_is_reported():
    """The check itself: a document field missing from the mapping is named."""
    live = {"url": {"type": "keyword", "ignore_above": 1024}}
    fields = (schema.Field("url", "keyword", "spider"),)
    problems = check_against_mapping([{"url": "u", "word_count": 3}], fields, live, {})
    assert problems == ["word_count: in the document, not in the mapping"]


def test_claim_fields_from_the_extractor_are_the_extractors():
    assert set(schema.CLAIM_FROM_EXTRACTOR) == {f.name for f in dataclasses.fields(Claim)}


def test_the_article_document_holds_stored_fields_and_the_claims_only():
    document = article_document(full_item("https://meridian-wire.example/world/a"))
    # The writer turns `claims` into claim documents; the rest is stored as it is.
    assert set(document) - set(schema.ARTICLE_STORED) == {"claims"}
