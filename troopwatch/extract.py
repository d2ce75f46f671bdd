"""Article extraction from HTML: text, title, authors, date, site (trafilatura + metadata)."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import trafilatura
from lxml import html as lxml_html
from trafilatura import metadata as tm
from trafilatura.settings import Document
from trafilatura.xpaths import AUTHOR_XPATHS

from troopwatch.dates import DATE_LANGUAGES, news_date

# Metadata that carries a full timestamp; trafilatura's own date is day-precision only.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
)


@dataclass
class ExtractedArticle:
    text: str
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    site: str | None = None
    html_lang: str | None = None


def date_languages(html_lang: str | None) -> tuple[str, ...] | None:
    """The languages to read a page's dates in: its own (when supported) and English;
    None (all supported) when the page does not say."""
    code = (html_lang or "").split("-")[0].split("_")[0].strip().lower()
    return (code, "en") if code in DATE_LANGUAGES else None


def _page_metadata(tree) -> tuple[datetime | None, str | None]:
    """Published timestamp and <html lang> straight from the page."""
    published = None
    # XHTML may give the language as xml:lang only.
    lang = (
        tree.xpath("string(/html/@lang)") or tree.xpath("string(/html/@*[name()='xml:lang'])") or ""
    ).strip() or None
    languages = date_languages(lang)
    for node in tree.xpath("//meta[@property or @name or @itemprop]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        if key in {k.lower() for k in DATE_META}:
            published = news_date(node.get("content") or "", languages)
            if published:
                break
    if published is None:
        for script in tree.xpath("//script[@type='application/ld+json']/text()"):
            published = _jsonld_date(script)
            if published:
                break
    if published is None:
        # <time datetime=...>, else the words a reader sees ("5 ноября 2024")
        for node in tree.xpath("//article//time | //time[@itemprop] | //time[@datetime]")[:3]:
            published = news_date(node.get("datetime"), languages) or news_date(
                node.text_content(), languages
            )
            if published:
                break
    return published, lang


def _jsonld_date(script: str) -> datetime | None:
    try:
        doc = json.loads(script)
    except ValueError:
        return None
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, dict):
            # A placeholder ("0001-01-01") is no date: look on.
            if node.get("datePublished") and (found := news_date(str(node["datePublished"]))):
                return found
            stack.extend(v for v in node.values() if isinstance(v, dict | list))
    return None


def trafilatura_metadata(tree, url: str | None, with_date: bool = True) -> Document:
    """Title, author, URL, host and site name (and date when asked) as trafilatura's
    `extract_metadata` finds them, without what it also computes and we never use:
    categories, tags, licence, and the date when the page's own metadata gave one
    (htmldate's search is the costliest part). Half of extraction's CPU went there.
    tests/test_extract_metadata.py checks these fields against `extract_metadata` itself."""
    meta = tm.examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # as trafilatura: a one-word "author" is rarely a name
    # trafilatura guards its JSON-LD reader the same way (it has bugs on odd JSON).
    with contextlib.suppress(Exception):
        meta = tm.extract_meta_json(tree, meta)
    if not meta.title:
        meta.title = tm.extract_title(tree)
    # trafilatura looks for a byline in a pruned deep copy of the page; a page with no
    # byline-like element at all needs no copy (pruning only ever removes elements).
    if not meta.author and any(xpath(tree) for xpath in AUTHOR_XPATHS):
        meta.author = tm.extract_author(tree)
    if not meta.url:
        meta.url = tm.extract_url(tree, url)
    if meta.url:
        meta.hostname = tm.extract_domain(meta.url, fast=True)
    if with_date:
        meta.date = tm.find_date(tree, **{**tm.set_date_params(True), "url": meta.url})
    if not meta.sitename:
        meta.sitename = tm.extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (match := tm.META_URL.match(meta.url)):
        meta.sitename = match[1]
    meta.clean_and_trim()
    return meta


# An XHTML page opens with `<?xml version="1.0" encoding="…"?>`; lxml refuses a str that
# declares an encoding (the text is decoded already), so the declaration is dropped.
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml\b[^>]*\?>")


def html_tree(html: str):
    """The page's parsed tree (lxml), or None when there is nothing to parse."""
    if not html or not html.strip():
        return None
    try:
        return lxml_html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, lxml_html.etree.ParserError):
        return None


def extract_article(html: str, url: str) -> ExtractedArticle | None:
    """The article in a page, or None when the page has no article text."""
    tree = html_tree(html)
    if tree is None:
        return None
    # Our metadata first, from the page as served (trafilatura prunes a copy of it).
    published, html_lang = _page_metadata(tree)
    meta = trafilatura_metadata(tree, url, with_date=published is None)
    # fast: no fallback extractors — quicker, and as accurate on the benchmark corpus
    # (../shared/corpus/BASELINE.md: F1 0.955 against 0.953 with fallbacks).
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        include_tables=False,
        fast=True,
    )
    if doc is None or not (doc.text or "").strip():
        return None
    if published is None and meta.date:
        published = news_date(meta.date)
    authors = [a.strip() for a in re.split(r";|\s+and\s+", meta.author or "") if a.strip()]
    return ExtractedArticle(
        text=doc.text.strip(),
        title=(meta.title or "").strip() or None,
        authors=authors,
        published_at=published,
        site=meta.sitename or meta.hostname,
        html_lang=html_lang,
    )
