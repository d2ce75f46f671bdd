"""The item every spider yields and every pipeline stage fills in."""

from __future__ import annotations

import scrapy


class ArticleItem(scrapy.Item):
    # Set by spiders: what was fetched, from where.
    url = scrapy.Field()
    source = scrapy.Field()  # catalogue id of the source that led to this page
    spider = scrapy.Field()
    html = scrapy.Field()  # decoded page text; dropped before indexing
    http_status = scrapy.Field()
    fetched_at = scrapy.Field()
    feed_title = scrapy.Field()  # what the feed / sitemap / search result said
    feed_published = scrapy.Field()
    feed_lang = scrapy.Field()
    feed_site = scrapy.Field()  # outlet named by an aggregator (Google News <source>)
    # clean
    canonical_url = scrapy.Field()
    article_id = scrapy.Field()
    title = scrapy.Field()
    authors = scrapy.Field()
    published_at = scrapy.Field()
    site = scrapy.Field()
    domain = scrapy.Field()
    text = scrapy.Field()
    html_lang = scrapy.Field()
    # language
    lang = scrapy.Field()
    # relevance
    relevance = scrapy.Field()
    relevance_terms = scrapy.Field()
    # dedupe
    text_hash = scrapy.Field()
    minhash = scrapy.Field()
    minhash_bands = scrapy.Field()
    duplicate_of = scrapy.Field()
    similarity = scrapy.Field()
    # entities
    entities = scrapy.Field()  # dict of facet name -> list of names
    # claims
    claims = scrapy.Field()  # list of claim dicts (docs/design.md fields)
    is_seed = scrapy.Field()
