"""Parse sitemaps: Google News sitemaps, plain `<urlset>` sitemaps and sitemap indexes.

Pure functions, bytes in and data out. Gzip bodies (`.xml.gz` files served as
`application/x-gzip`) are recognised by their magic bytes and inflated with a size bound,
so a small hostile file cannot expand into gigabytes. XML is parsed with entity
resolution and network access off; `recover` keeps what is readable in a truncated file.
Unreadable dates are kept as `None` and reported, never fatal: one CMS's "yesterday" must
not cost the other URLs of the sitemap.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urljoin, urlsplit

from lxml import etree

from troopwatch.dates import news_date

GZIP_MAGIC = b"\x1f\x8b"
DEFAULT_MAX_SIZE = 50 * 1024 * 1024  # the sitemaps.org limit for one uncompressed file


class SitemapError(ValueError):
    """The document is not a sitemap we can read; the message says why in one line."""


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: datetime | None = None
    published: datetime | None = None  # news:publication_date
    title: str | None = None  # news:title
    lang: str | None = None  # news:language

    @property
    def date(self) -> datetime | None:
        """The best date for a horizon check: publication, else last modification."""
        return self.published or self.lastmod


@dataclass
class SitemapDocument:
    kind: str  # "urlset" or "sitemapindex"
    entries: list[SitemapEntry] = field(default_factory=list)
    bad_dates: list[tuple[str, str]] = field(default_factory=list)  # (url, unreadable text)

    @property
    def is_index(self) -> bool:
        return self.kind == "sitemapindex"


class InflateTooLarge(SitemapError):
    """Compressed data that would inflate past the size bound (a decompression bomb)."""


def gunzip_bounded(data: bytes, max_size: int = DEFAULT_MAX_SIZE) -> bytes:
    """Inflate gzip data, refusing output larger than `max_size` bytes."""
    return inflate_bounded(data, max_size, "gzip")


def inflate_bounded(data: bytes, max_size: int = DEFAULT_MAX_SIZE, encoding: str = "gzip") -> bytes:
    """Inflate `gzip` or `deflate` (zlib-wrapped or raw, as servers send both) data, never
    holding more than `max_size` + 1 bytes of output: InflateTooLarge past the bound,
    SitemapError for broken data."""
    if encoding == "deflate":
        wbits = zlib.MAX_WBITS if data[:1] == b"\x78" else -zlib.MAX_WBITS
    else:
        wbits = 16 + zlib.MAX_WBITS
    inflater = zlib.decompressobj(wbits)
    try:
        out = inflater.decompress(data, max_size + 1)
    except zlib.error as exc:
        raise SitemapError(f"broken {encoding} data: {exc}") from exc
    if len(out) > max_size:
        raise InflateTooLarge(f"{encoding} data inflates to more than {max_size} bytes")
    return out


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _text(el: etree._Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def parse_sitemap(
    body: bytes, base_url: str = "", max_size: int = DEFAULT_MAX_SIZE
) -> SitemapDocument:
    """Entries of a sitemap or sitemap index, in document order, duplicates removed."""
    if body[:2] == GZIP_MAGIC:
        body = gunzip_bounded(body, max_size)
    body = body.lstrip()
    if not body:
        raise SitemapError("empty document")
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise SitemapError(f"not well-formed XML: {exc}") from exc
    if root is None:
        raise SitemapError("not XML")
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise SitemapError(f"XML root <{kind or '?'}> is not <urlset> or <sitemapindex>")
    child_tag = "url" if kind == "urlset" else "sitemap"
    doc = SitemapDocument(kind)
    seen: set[str] = set()
    for node in root:
        if _local(node.tag) != child_tag:
            continue
        entry = _entry(node, base_url, doc.bad_dates)
        if entry and entry.url not in seen:
            seen.add(entry.url)
            doc.entries.append(entry)
    return doc


def _date(raw: str, url: str, bad: list[tuple[str, str]]) -> datetime | None:
    if not raw:
        return None
    parsed = news_date(raw)
    if parsed is None:
        bad.append((url, raw))
    return parsed


def _entry(node: etree._Element, base_url: str, bad: list) -> SitemapEntry | None:
    fields: dict[str, str] = {}
    news: etree._Element | None = None
    for child in node:
        name = _local(child.tag)
        if name == "news":
            news = child
        elif name in ("loc", "lastmod") and name not in fields:
            fields[name] = _text(child)
    loc = fields.get("loc")
    if not loc:
        return None
    url = urljoin(base_url, loc)
    if urlsplit(url).scheme not in ("http", "https"):
        return None
    lastmod = _date(fields.get("lastmod", ""), url, bad)
    published = title = lang = None
    if news is not None:
        for el in news.iter():
            name = _local(el.tag)
            if name == "publication_date":
                published = _date(_text(el), url, bad)
            elif name == "title":
                title = _text(el) or None
            elif name == "language":
                lang = _text(el).lower() or None
    return SitemapEntry(url, lastmod, published, title, lang)
