"""Parse RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed into a list of entries.

Also the two search-style formats: GDELT DOC 2.0 `ArtList` JSON, and Google News RSS
search results (RSS with a `<source url=...>` per item and news.google.com links).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

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
    site: str | None = None  # the outlet, when an aggregator names it (<source>, GDELT domain)
    site_url: str | None = None


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
        lang = _channel_language(root)
        entries = [
            _rss_item(item, base_url, lang) for item in root.iter() if _local(item.tag) == "item"
        ]
    elif kind == "rdf":
        lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
        entries = [_rss_item(item, base_url, lang) for item in root if _local(item.tag) == "item"]
    elif kind == "feed":
        lang = root.get("{http://www.w3.org/XML/1998/namespace}lang")
        entries = [_atom_entry(e, base_url, lang) for e in root if _local(e.tag) == "entry"]
    else:
        raise FeedError(f"XML root <{kind}> is not RSS, RDF or Atom")
    return _dedupe([e for e in entries if e is not None])


def _channel_language(root: etree._Element) -> str | None:
    for channel in root:
        if _local(channel.tag) == "channel":
            for child in channel:
                if _local(child.tag) == "language":
                    return _text(child)
    return None


def _rss_item(item: etree._Element, base_url: str, lang: str | None = None) -> FeedEntry | None:
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
    source = fields.get("source")  # Google News: the outlet that published the story
    site = _text(source) if source is not None else None
    site_url = source.get("url") if source is not None else None
    return FeedEntry(
        urljoin(base_url, link), _text(fields.get("title")), published, lang, site, site_url
    )


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


# -- GDELT DOC 2.0 API -----------------------------------------------------------------

# GDELT names languages in English; the ones it monitors that we may see most.
GDELT_LANGUAGES = {
    "english": "en",
    "korean": "ko",
    "russian": "ru",
    "ukrainian": "uk",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "japanese": "ja",
    "chinese": "zh",
    "arabic": "ar",
    "portuguese": "pt",
    "italian": "it",
    "polish": "pl",
    "turkish": "tr",
    "dutch": "nl",
    "hebrew": "he",
    "persian": "fa",
    "hindi": "hi",
    "indonesian": "id",
    "vietnamese": "vi",
    "thai": "th",
    "czech": "cs",
    "slovak": "sk",
    "romanian": "ro",
    "hungarian": "hu",
    "greek": "el",
    "bulgarian": "bg",
    "serbian": "sr",
    "croatian": "hr",
    "swedish": "sv",
    "norwegian": "no",
    "danish": "da",
    "finnish": "fi",
    "estonian": "et",
    "latvian": "lv",
    "lithuanian": "lt",
    "belarusian": "be",
    "georgian": "ka",
    "kazakh": "kk",
    "azerbaijani": "az",
    "armenian": "hy",
    "mongolian": "mn",
    "malay": "ms",
    "urdu": "ur",
    "bengali": "bn",
    "tamil": "ta",
    "slovenian": "sl",
    "albanian": "sq",
    "macedonian": "mk",
}


def gdelt_language(name: str | None) -> str | None:
    """ISO 639-1 code of a GDELT language name ("Korean" -> "ko"), None when unknown."""
    return GDELT_LANGUAGES.get((name or "").strip().lower())


def _gdelt_date(value: str | None) -> datetime | None:
    try:
        return datetime.strptime(value or "", "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return parse_datetime(value or "")


def parse_gdelt_artlist(body: bytes) -> list[FeedEntry]:
    """Articles of a DOC 2.0 `mode=ArtList&format=json` answer.

    GDELT answers `{}` when nothing matched and a plain-text sentence (with status 200)
    when it refuses a query; the latter raises FeedError with that sentence.
    """
    text = body.decode("utf-8", errors="replace").strip()
    if not text.startswith("{"):
        first = text.splitlines()[0][:200] if text else "an empty answer"
        raise FeedError(f"GDELT answered: {first}")
    try:
        doc = json.loads(text, strict=False)  # titles sometimes carry raw control characters
    except ValueError as exc:
        raise FeedError(f"not valid JSON: {exc}") from exc
    articles = doc.get("articles") if isinstance(doc, dict) else None
    if articles is None:
        return []
    if not isinstance(articles, list):
        raise FeedError("GDELT answer has an 'articles' field that is not a list")
    entries = []
    for art in articles:
        url = art.get("url") if isinstance(art, dict) else None
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            continue
        entries.append(
            FeedEntry(
                url,
                (art.get("title") or "").strip() or None,
                _gdelt_date(art.get("seendate")),
                gdelt_language(art.get("language")),
                art.get("domain") or None,
            )
        )
    return _dedupe(entries)


# -- Google News RSS -----------------------------------------------------------------

GOOGLE_NEWS_HOSTS = ("news.google.com",)
_EMBEDDED_URL = re.compile(rb"https?://[\x21-\x7e]+")


def decode_google_news_url(url: str) -> str | None:
    """The article URL inside a news.google.com/rss/articles/<id> link, when the id
    carries it (the older base64 protobuf form); None for other links and for the newer
    opaque ids, which only Google's redirect resolves."""
    parts = urlsplit(url)
    if parts.hostname not in GOOGLE_NEWS_HOSTS or "/articles/" not in parts.path:
        return None
    token = parts.path.rsplit("/", 1)[-1]
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError):
        return None
    match = _EMBEDDED_URL.search(raw)
    return match.group(0).decode("ascii") if match else None


def strip_outlet_suffix(title: str | None, outlet: str | None) -> str | None:
    """Google News titles end in " - Outlet"; the article's own title does not."""
    if title and outlet and title.endswith(f" - {outlet}"):
        return title[: -len(outlet) - 3].rstrip() or title
    return title
