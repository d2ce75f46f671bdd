"""Parse RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed into a list of entries.

Also the two search-style formats: GDELT DOC 2.0 `ArtList` JSON, and Google News RSS
search results (RSS with a `<source url=...>` per item and news.google.com links).

Well-formed RSS, RDF and Atom 1.0 are read by a fast strict path (lxml). Anything else
that looks like XML — an undefined entity, a bare `&`, an undeclared prefix, a legacy
encoding nobody declared, Atom 0.3, CDF — is read by feedparser, after picking the
character set (HTTP charset, BOM, XML declaration, UTF-8, else detected): one slip in a
document must not cost the whole feed. In both paths one unreadable item costs only itself.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import io
import json
import re
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from troopwatch.dates import news_date


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


class FeedEntries(list):
    """parse_feed's answer: the entries, and `problem` when the document was damaged (not
    well-formed) and read leniently — worth telling the source's owner, not fatal."""

    problem: str | None = None


RSS_NAMESPACES = frozenset(
    {
        "",
        "http://purl.org/rss/1.0/",
        "http://my.netscape.com/rdf/simple/0.9/",
        "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
    }
)
RSS_ITEM_TAGS = tuple(f"{{{ns}}}item" if ns else "item" for ns in RSS_NAMESPACES)
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
DCTERMS_NS = "http://purl.org/dc/terms/"
RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Date elements in order of preference: publication before modification.
RSS_DATES = (
    ("", "pubDate"),
    (DC_NS, "date"),
    (DCTERMS_NS, "issued"),
    (DCTERMS_NS, "created"),
    (DCTERMS_NS, "modified"),
    (ATOM_NS, "published"),
    (ATOM_NS, "updated"),
)
ATOM_DATES = (
    (ATOM_NS, "published"),
    (DCTERMS_NS, "issued"),
    (DCTERMS_NS, "created"),
    (ATOM_NS, "updated"),
    (DCTERMS_NS, "modified"),
    (DC_NS, "date"),
)
MAX_JSON_DEPTH = 64  # JSON Feed and GDELT answers are shallow; deeper is hostile or broken
_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]\w*);")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']")
# Legacy encodings of the web, for telling apart guesses that read the bytes equally well.
WEB_ENCODINGS = frozenset(
    {
        "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
        "koi8_r", "koi8_u", "euc_kr", "cp949", "shift_jis", "cp932", "euc_jp", "iso2022_jp",
        "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "iso8859_2", "iso8859_5",
        "iso8859_7", "iso8859_9", "tis_620", "utf_16", "latin_1",
    }
)  # fmt: skip
_HIDDEN = ("script", "style", "noscript", "template")


def _qname(tag: object) -> tuple[str, str]:
    """(namespace, local name) of an element tag; ("", "") for comments and PIs."""
    if not isinstance(tag, str):
        return "", ""
    if tag[:1] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _local(tag: object) -> str:
    return _qname(tag)[1]


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def plain_title(value: object) -> str | None:
    """Title text without markup: tags stripped, `<script>`/`<style>` content dropped,
    entities decoded, white space collapsed; None for no text or a non-string."""
    if not isinstance(value, str):
        return None
    if _MARKUP.search(value):
        try:
            fragment = lxml_html.fragment_fromstring(value, create_parent="div")
        except (etree.ParserError, ValueError):
            fragment = None
        if fragment is not None:
            for node in fragment.iter(*_HIDDEN):
                node.drop_tree()
            value = fragment.text_content()
    value = " ".join(value.split())
    return value or None


def _http_url(value: object, base: str) -> str | None:
    """`value` resolved against `base`, when that gives a valid http(s) URL."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)  # raises ValueError on "http://[bad"
        if parts.scheme not in ("http", "https") or not parts.netloc:
            parts = urlsplit(urljoin(base, value))
    except ValueError:
        return None
    return parts.geturl() if parts.scheme in ("http", "https") and parts.netloc else None


def _is_json(body: bytes) -> bool:
    return body.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def parse_feed(body: bytes, base_url: str, headers: dict | None = None) -> FeedEntries:
    """Entries of a feed in document order, duplicates (same link) removed (a list; its
    `problem` says when the document was damaged and read leniently).

    `headers` are the response's (lower-case names): the charset of Content-Type wins over
    the document's own declaration, Content-Location is the base for relative links.
    """
    headers = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    if headers.get("content-location"):
        base_url = _http_url(headers["content-location"], base_url) or base_url
    if _is_json(body):
        charset = _http_charset(headers) or "utf-8-sig"
        return _dedupe(_parse_json_feed(body.lstrip(b" \t\r\n"), base_url, charset))
    charset = _http_charset(headers)
    try:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            huge_tree=False,
            encoding=charset,
        )
        root = etree.fromstring(body.lstrip(), parser=parser, base_url=base_url)
    except (etree.XMLSyntaxError, LookupError, ValueError) as exc:
        entries = _parse_lenient(body, base_url, headers, f"not well-formed XML: {exc}")
        entries.problem = f"not well-formed XML, read leniently: {exc}"
        return entries
    ns, kind = _qname(root.tag)
    kind = kind.lower()
    if kind == "rss":
        lang = _channel_language(root)
        items = root.iter(*RSS_ITEM_TAGS)
        convert = _rss_item
    elif kind == "rdf":
        lang = root.get(XML_LANG)
        items = (item for item in root if _local(item.tag) == "item")
        convert = _rss_item
    elif kind == "feed" and ns == ATOM_NS:
        lang = root.get(XML_LANG)
        items = (e for e in root if _qname(e.tag) == (ATOM_NS, "entry"))
        convert = _atom_entry
    else:  # Atom 0.3, CDF, RSS 0.9x oddities: feedparser knows them
        return _parse_lenient(body, base_url, headers, f"XML root <{kind}> is not RSS, RDF or Atom")
    entries = []
    for item in items:
        try:
            entry = convert(item, base_url, lang)
        except (ValueError, TypeError):  # e.g. urljoin on "http://[bad" — skip the item only
            continue
        if entry is not None:
            entries.append(entry)
    return _dedupe(entries)


def _http_charset(headers: dict[str, str]) -> str | None:
    """The Content-Type charset, when it names an encoding Python knows."""
    match = _CHARSET.search(headers.get("content-type", ""))
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def _channel_language(root: etree._Element) -> str | None:
    for channel in root:
        if _local(channel.tag) == "channel":
            for child in channel:
                if _local(child.tag) == "language":
                    return _text(child)
    return None


def _children(node: etree._Element) -> dict[tuple[str, str], etree._Element]:
    """First child per (namespace, local name); RSS's own elements under namespace ""."""
    fields: dict[tuple[str, str], etree._Element] = {}
    for child in node:
        ns, name = _qname(child.tag)
        if ns in RSS_NAMESPACES:
            ns = ""
        fields.setdefault((ns, name), child)
    return fields


def _base(el: etree._Element, base_url: str) -> str:
    """The base URL in force at `el` (xml:base of it and its ancestors, over base_url)."""
    try:
        return el.base or base_url
    except (ValueError, UnicodeDecodeError):
        return base_url


def _first_date(fields: dict, order: tuple[tuple[str, str], ...]) -> datetime | None:
    for key in order:
        published = news_date(_text(fields.get(key)))
        if published is not None:
            return published
    return None


def _atom_alternate(node: etree._Element, base_url: str) -> str | None:
    for child in node:
        if _qname(child.tag) == (ATOM_NS, "link") and child.get("rel", "alternate") == "alternate":
            # sloppy feeds put the URL in the element's text instead of href
            url = _http_url(child.get("href") or _text(child), _base(child, base_url))
            if url:
                return url
    return None


def _rss_item(item: etree._Element, base_url: str, lang: str | None = None) -> FeedEntry | None:
    fields = _children(item)
    link_el = fields.get(("", "link"))
    url = None
    if link_el is not None:  # some RSS feeds borrow Atom's href attribute
        url = _http_url(_text(link_el) or link_el.get("href"), _base(link_el, base_url))
    if not url:
        url = _atom_alternate(item, base_url)
    guid = fields.get(("", "guid"))
    if not url and guid is not None and guid.get("isPermaLink", "true") != "false":
        url = _http_url(_text(guid), _base(guid, base_url))
    if not url:
        url = _http_url(item.get(RDF_ABOUT), _base(item, base_url))
    if not url:
        return None
    title = fields.get(("", "title"))
    if title is None:
        title = fields.get((DC_NS, "title"))
    source = fields.get(("", "source"))  # Google News: the outlet that published the story
    site = _text(source) if source is not None else None
    site_url = source.get("url") if source is not None else None
    return FeedEntry(
        url,
        plain_title(_text(title)),
        _first_date(fields, RSS_DATES),
        lang,
        site,
        site_url,
    )


def _atom_title(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    kind = (el.get("type") or "text").lower()
    if kind in ("xhtml", "application/xhtml+xml"):
        # text of the markup, without what hidden elements hold
        parts = [
            t
            for t in el.xpath(".//text()")
            if _local(t.getparent().tag) not in _HIDDEN or t.is_tail
        ]
        return plain_title("".join(parts))
    text = _text(el)
    return plain_title(text) if kind in ("html", "text/html") else _collapse(text)


def _collapse(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _atom_entry(entry: etree._Element, base_url: str, lang: str | None) -> FeedEntry | None:
    fields: dict[tuple[str, str], etree._Element] = {}
    for child in entry:
        fields.setdefault(_qname(child.tag), child)
    url = _atom_alternate(entry, base_url)
    if not url:  # an entry without a link is often identified by its permalink
        entry_id = _text(fields.get((ATOM_NS, "id")))
        if entry_id and urlsplit(entry_id).scheme in ("http", "https"):
            url = _http_url(entry_id, entry_id)  # scheme and host in lower case
    if not url:
        return None
    return FeedEntry(
        url,
        _atom_title(fields.get((ATOM_NS, "title"))),
        _first_date(fields, ATOM_DATES),
        entry.get(XML_LANG) or lang,
    )


# -- the lenient path ------------------------------------------------------------------


def _pick_charset(body: bytes, headers: dict[str, str]) -> str | None:
    """The encoding to read a document in when nothing trustworthy says so: None when the
    HTTP charset, a BOM, the XML declaration or UTF-8 already read it; else a guess."""
    if (
        _http_charset(headers)
        or body[:3] == codecs.BOM_UTF8
        or body[:2]
        in (
            codecs.BOM_UTF16_LE,
            codecs.BOM_UTF16_BE,
        )
    ):
        return None
    declared = _XML_ENCODING.match(body.lstrip())
    candidates = [declared.group(1).decode("ascii")] if declared else []
    for encoding in [*candidates, "utf-8"]:
        try:
            body.decode(encoding)
            return None if encoding in candidates else "utf-8"
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes  # only for undeclared legacy encodings

    # Guesses come best first; between near-equals (mac_cyrillic and cp1251 read the same
    # bytes) the encodings web servers actually send win.
    guesses = [match.encoding for match in from_bytes(body)]
    for encoding in guesses:
        if encoding in WEB_ENCODINGS:
            return encoding
    return guesses[0] if guesses else "windows-1252"


def _parse_lenient(body: bytes, base_url: str, headers: dict[str, str], reason: str):
    import feedparser  # the fallback only: most feeds never need it

    response_headers = {**headers, "content-location": base_url}
    charset = _pick_charset(body, headers)
    if charset:
        media_type = headers.get("content-type", "").split(";")[0].strip() or "application/xml"
        response_headers["content-type"] = f"{media_type}; charset={charset}"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            parsed = feedparser.parse(io.BytesIO(body), response_headers=response_headers)
        except RecursionError as exc:
            raise FeedError(f"{reason}; nested too deeply to recover") from exc
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(reason)
    feed_lang = parsed.feed.get("language") if isinstance(parsed.feed, dict) else None
    entries = []
    for item in parsed.entries:
        try:
            entry = _feedparser_entry(item, base_url, feed_lang)
        except (ValueError, TypeError, AttributeError):
            continue
        if entry is not None:
            entries.append(entry)
    return _dedupe(entries)


def _feedparser_entry(item: dict, base_url: str, lang: object) -> FeedEntry | None:
    url = _http_url(item.get("link"), base_url)
    if not url:
        entry_id = item.get("id")
        if isinstance(entry_id, str) and urlsplit(entry_id).scheme in ("http", "https"):
            url = _http_url(entry_id, entry_id)
    if not url:
        return None
    published = None
    for key in ("published", "created", "updated"):
        published = news_date(item.get(key))
        if published is not None:
            break
    source = item.get("source") if isinstance(item.get("source"), dict) else {}
    return FeedEntry(
        url,
        plain_title(item.get("title")),
        published,
        lang if isinstance(lang, str) else None,
        plain_title(source.get("title")),
        _http_url(source.get("href"), base_url),
    )


# -- JSON ------------------------------------------------------------------------------


def _json_depth_ok(text: str) -> bool:
    """Whether brackets nest no deeper than MAX_JSON_DEPTH (strings aside), checked
    before json.loads so a hostile document cannot exhaust the stack later."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return False
        elif char in "]}":
            depth -= 1
    return True


def _load_json(text: str) -> object:
    if not _json_depth_ok(text):
        raise FeedError(f"JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(text, strict=False)  # titles sometimes carry raw control characters
    except (ValueError, RecursionError) as exc:
        raise FeedError(f"not valid JSON: {exc}") from exc


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _parse_json_feed(body: bytes, base_url: str, charset: str = "utf-8-sig") -> list[FeedEntry]:
    doc = _load_json(body.decode(charset, errors="replace"))
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise FeedError("JSON document has no 'items' list (not a JSON Feed)")
    lang = _str(doc.get("language"))
    entries = []
    for item in doc["items"]:
        if not isinstance(item, dict):
            continue
        try:
            url = _http_url(item.get("url"), base_url) or _http_url(
                item.get("external_url"), base_url
            )
        except ValueError:
            continue
        if url:
            published = news_date(_str(item.get("date_published"))) or news_date(
                _str(item.get("date_modified"))
            )
            entries.append(
                FeedEntry(
                    url,
                    plain_title(item.get("title")),
                    published,
                    _str(item.get("language")) or lang,
                )
            )
    return entries


def _dedupe(entries: list[FeedEntry]) -> FeedEntries:
    seen: set[str] = set()
    out = FeedEntries()
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


def _gdelt_date(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return news_date(value)


def parse_gdelt_artlist(body: bytes) -> list[FeedEntry]:
    """Articles of a DOC 2.0 `mode=ArtList&format=json` answer.

    GDELT answers `{}` when nothing matched and a plain-text sentence (with status 200)
    when it refuses a query; the latter raises FeedError with that sentence. Articles of
    the wrong shape are skipped; fields of the wrong type are left out.
    """
    text = body.decode("utf-8", errors="replace").strip()
    if not text.startswith("{"):
        first = text.splitlines()[0][:200] if text else "an empty answer"
        raise FeedError(f"GDELT answered: {first}")
    doc = _load_json(text)
    articles = doc.get("articles") if isinstance(doc, dict) else None
    if articles is None:
        return []
    if not isinstance(articles, list):
        raise FeedError("GDELT answer has an 'articles' field that is not a list")
    entries = []
    for art in articles:
        url = art.get("url") if isinstance(art, dict) else None
        if not isinstance(url, str) or urlsplit(url.strip()).scheme not in ("http", "https"):
            continue
        language = art.get("language")
        entries.append(
            FeedEntry(
                url.strip(),
                plain_title(art.get("title")),
                _gdelt_date(art.get("seendate")),
                gdelt_language(language if isinstance(language, str) else None),
                _str(art.get("domain")),
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
