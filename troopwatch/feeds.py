"""Parse RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed into a list of entries."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin

from lxml import etree

from troopwatch.dates import parse_datetime


class FeedError(ValueError):
    """The document is not a feed we can read; the message says why in one line."""


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: datetime | None = None
    lang: str | None = None


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        return parse_datetime(value)


def parse_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    """Entries of a feed in document order, duplicates (same link) removed."""
    stripped = body.lstrip()
    if stripped[:1] in (b"{", b"["):
        return _dedupe(_parse_json_feed(stripped, base_url))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(stripped, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not well-formed XML: {exc}") from exc
    kind = _local(root.tag).lower()
    if kind == "rss":
        entries = [_rss_item(item, base_url) for item in root.iter() if _local(item.tag) == "item"]
    elif kind == "rdf":
        entries = [_rss_item(item, base_url) for item in root if _local(item.tag) == "item"]
    elif kind == "feed":
        lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
        entries = [_atom_entry(e, base_url, lang) for e in root if _local(e.tag) == "entry"]
    else:
        raise FeedError(f"XML root <{kind}> is not RSS, RDF or Atom")
    return _dedupe([e for e in entries if e is not None])


def _rss_item(item: etree._Element, base_url: str) -> FeedEntry | None:
    fields: dict[str, etree._Element] = {}
    for child in item:
        fields.setdefault(_local(child.tag), child)
    link = _text(fields.get("link"))
    guid = fields.get("guid")
    if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
        link = _text(guid)
    if not link:
        link = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    if not link:
        return None
    published = _date(_text(fields.get("pubDate")) or _text(fields.get("date")))
    return FeedEntry(urljoin(base_url, link), _text(fields.get("title")), published)


def _atom_entry(entry: etree._Element, base_url: str, lang: str | None) -> FeedEntry | None:
    href = None
    for child in entry:
        if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
            href = child.get("href")
            break
    if not href:
        return None
    title = published = None
    for child in entry:
        name = _local(child.tag)
        if name == "title":
            title = _text(child)
        elif name in ("published", "updated") and published is None:
            published = parse_datetime(_text(child) or "")
    return FeedEntry(urljoin(base_url, href), title, published, lang)


def _parse_json_feed(body: bytes, base_url: str) -> list[FeedEntry]:
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise FeedError(f"not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FeedError("JSON document has no 'items' list (not a JSON Feed)")
    entries = []
    for item in doc["items"]:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        if isinstance(link, str) and link:
            published = parse_datetime(str(item.get("date_published") or ""))
            entries.append(
                FeedEntry(
                    urljoin(base_url, link), item.get("title"), published, doc.get("language")
                )
            )
    return entries


def _dedupe(entries: list[FeedEntry]) -> list[FeedEntry]:
    seen: set[str] = set()
    out = []
    for entry in entries:
        if entry.url not in seen:
            seen.add(entry.url)
            out.append(entry)
    return out
