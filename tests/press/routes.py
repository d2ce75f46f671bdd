"""Request routing of the fixture press, as a pure function of (method, path, headers).

``PressState.handle`` never touches a socket, so the HTTP server and the WARC writer share it.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import struct
import threading
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any
from urllib.parse import parse_qs, quote, urlencode, urlsplit
from xml.sax.saxutils import escape, quoteattr

from . import site as S
from .model import Article, Site, build_article, load_raw_articles
from .templates import (
    PageContext,
    render_amp,
    render_article,
    render_body_html,
    render_home,
)

HTML = "text/html; charset=utf-8"
XML_RSS = "application/rss+xml; charset=utf-8"
XML = "application/xml; charset=utf-8"
EPOCH = datetime(2024, 10, 1, tzinfo=UTC)
HUGE_SIZE = 12 * 1024 * 1024

# numeric ids differ per site so that ids never look alike across sites
SITE_NUMBER_BASE = {
    "hanbit-ilbo": 1158200,
    "vostok-inform": 2024101800,
    "kyiv-courier": 830400,
    "sakura-hoso": 10014600,
}


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str | None = HTML
    headers: list[tuple[str, str]] = field(default_factory=list)
    last_modified: datetime | None = None
    conditional: bool = True  # ETag / Last-Modified / 304 handling applies
    compressible: bool = False  # may be gzip-encoded on request (site.gzip)
    hang: bool = False  # the server holds the connection instead of answering


def _png_1x1() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        c = kind + data
        return struct.pack(">I", len(data)) + c + struct.pack(">I", zlib.crc32(c) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00\x90\x90\x90")
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


PNG = _png_1x1()
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n0\n%%EOF\n"
)


@cache
def huge_page() -> bytes:
    """About 12 MB of valid HTML, built once per process."""
    para = (
        b"<p>This archive page repeats the same paragraph many times to test download size "
        b"limits. It contains no news at all and should never be stored by the crawler.</p>\n"
    )
    head = b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Archive</title>'
    head += b"</head><body><h1>Complete archive</h1>\n"
    n = (HUGE_SIZE - len(head)) // len(para) + 1
    return head + para * n + b"</body></html>\n"


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def _http_date(dt: datetime) -> str:
    return S.http_date(dt)


# --- query matching shared by the GDELT and Google News endpoints -----------------------------

TOKEN_RE = re.compile(r'-?"[^"]*"|\(|\)|[^\s()]+')
TOPIC_KEYWORDS = (
    "north korea north korean troops soldiers dprk pyongyang kim jong un russia russian "
    "ukraine ukrainian kursk war deployment"
)


def _parse_query(q: str) -> tuple[list[Any], dict[str, str]]:
    """Top-level AND of items; an item is a term or an OR-group in parentheses."""
    filters: dict[str, str] = {}
    items: list[Any] = []
    group: list[str] | None = None
    top_or = False
    for tok in TOKEN_RE.findall(q):
        if tok == "(":
            group = []
            continue
        if tok == ")":
            if group is not None:
                items.append([t for t in group if t != "OR"])
            group = None
            continue
        m = re.match(r"^(sourcelang|sourcecountry|domain|domainis|lang):(.+)$", tok, re.I)
        if m and group is None:
            filters[m.group(1).lower()] = m.group(2).strip('"').lower()
            continue
        if group is not None:
            group.append(tok)
        elif tok == "OR":
            top_or = True
        else:
            items.append(tok)
    if top_or:
        items = [[t for t in items if isinstance(t, str)]] + [
            i for i in items if isinstance(i, list)
        ]
    return items, filters


def _term_matches(term: str, text: str) -> bool:
    neg = term.startswith("-")
    t = term[1:] if neg else term
    t = t.strip('"').lower()
    hit = bool(t) and t in text
    return not hit if neg else hit


def query_matches(q: str, art: Article) -> bool:
    items, filters = _parse_query(q)
    if "sourcelang" in filters or "lang" in filters:
        want = filters.get("sourcelang") or filters.get("lang") or ""
        if want not in (
            art.lang,
            S.LANG_NAMES[art.lang].lower(),
            S.LANG_NAMES[art.lang][:3].lower(),
        ):
            return False
    if "sourcecountry" in filters and filters["sourcecountry"] not in art.site.country.lower():
        return False
    for key in ("domain", "domainis"):
        if key in filters and filters[key] not in art.site.domain:
            return False
    if not items:
        return True
    # on-topic articles carry English topic keywords, like GDELT's machine translation
    text = f"{art.title}\n{art.body_text}".lower()
    if art.on_topic:
        text += "\n" + TOPIC_KEYWORDS
    for item in items:
        if isinstance(item, list):
            if item and not any(_term_matches(t, text) for t in item):
                return False
        elif not _term_matches(item, text):
            return False
    return True


# --- state ------------------------------------------------------------------------------------


class PressState:
    """All sites and articles of one press instance, and the routing over them."""

    def __init__(self, base_url: str, *, rate_limit_count: int = 3) -> None:
        self.base_url = base_url.rstrip("/")
        self.lock = threading.RLock()
        self.sites: list[Site] = S.make_sites(self.base_url)
        self.site_by_name = {s.name: s for s in self.sites}
        self.articles: list[Article] = []
        self.by_slug: dict[str, Article] = {}
        self.by_path: dict[str, Article] = {}
        self.touched: dict[str, datetime] = {}
        self._numbers: dict[str, int] = {}
        self.rate_limit_count = rate_limit_count
        self.rate_hits: dict[str, int] = {}
        for rec in load_raw_articles():
            self._add(dict(rec))
        self.draft = self._make_draft()

    # -- articles --

    def _next_number(self, site: Site) -> int:
        n = self._numbers.get(site.name, SITE_NUMBER_BASE.get(site.name, 1000)) + 7
        self._numbers[site.name] = n
        return n

    def _add(self, rec: dict[str, Any]) -> Article:
        site = self.site_by_name.get(rec.get("site", ""))
        if site is None:
            raise ValueError(f"unknown site {rec.get('site')!r}; sites: {list(self.site_by_name)}")
        art = build_article(rec, site, self._next_number(site))
        if art.encoding:
            # a legacy page must carry its text in that encoding, not as character references
            (art.title + "".join(art.body)).encode(art.encoding)
        if art.slug in self.by_slug:
            raise ValueError(f"duplicate slug {art.slug!r}")
        art.path = S.article_path(site, art)
        art.url = self.base_url + art.path
        self.articles.append(art)
        site.articles.append(art)
        self.by_slug[art.slug] = art
        self.by_path[art.path] = art
        return art

    def publish(self, rec: dict[str, Any]) -> Article:
        rec = dict(rec)
        if isinstance(rec.get("published"), datetime):
            pass
        elif not rec.get("published"):
            rec["published"] = datetime.now(UTC).replace(microsecond=0)
        with self.lock:
            art = self._add(rec)
            art.published_at_runtime = True
            now = datetime.now(UTC).replace(microsecond=0)
            prev = self.touched.get(art.site.name)
            if prev and now <= prev:
                now = prev + timedelta(seconds=1)  # Last-Modified must move on every publish
            self.touched[art.site.name] = now
        return art

    def _make_draft(self) -> Article:
        site = self.site_by_name["frontline-notes"]
        art = build_article(
            {
                "slug": "unpublished-casualty-tally",
                "title": "DRAFT: casualty tally (do not publish)",
                "published": "2026-11-01T09:00:00+00:00",
                "authors": ["Editor"],
                "body": [
                    "Draft notes that robots.txt keeps out of reach of crawlers. If this text "
                    "ever shows up in the index, the crawler ignored robots.txt.",
                    "Unverified tally: 9,999 North Korean soldiers wounded according to nobody.",
                ],
            },
            site,
            0,
        )
        art.path = "/frontline-notes/drafts/unpublished-casualty-tally/"
        art.url = self.base_url + art.path
        return art

    def site_articles(self, site: Site) -> list[Article]:
        with self.lock:
            return list(site.articles)

    def site_modified(self, site: Site) -> datetime:
        arts = self.site_articles(site)
        last = max((a.modified for a in arts), default=EPOCH)
        touched = self.touched.get(site.name)
        return max(last, touched) if touched else last

    def related(self, art: Article, n: int = 4) -> list[Article]:
        others = [a for a in self.site_articles(art.site) if a is not art]
        others.sort(key=lambda a: (abs((a.published - art.published).total_seconds()), a.slug))
        return others[:n]

    def canonical_url(self, art: Article) -> str:
        if art.canonical_to and art.canonical_to in self.by_slug:
            return self.by_slug[art.canonical_to].url
        if art.site.name in S.CANONICAL_WITH_TRACKING:
            return f"{art.url}?utm_source=web&utm_medium=canonical&utm_campaign=share"
        return art.url

    def page_context(self, art: Article, *, amp: bool = False) -> PageContext:
        meta = "utf-8"
        if art.encoding:
            meta = art.encoding if art.charset_in == "meta" else None
        return PageContext(
            base_url=self.base_url,
            canonical_url=art.url if amp else self.canonical_url(art),
            related=self.related(art),
            amp=amp,
            meta_charset=meta,
            original=self.by_slug.get(art.syndication_of or ""),
        )

    def render(self, art: Article) -> str:
        return render_article(art, self.page_context(art))

    def article_response(self, art: Article) -> Response:
        html = self.render(art)
        if art.encoding:
            # the text itself encodes strictly (checked at load); chrome such as © may not
            body = html.encode(art.encoding, errors="xmlcharrefreplace")
            ctype = (
                f"text/html; charset={art.encoding}" if art.charset_in == "header" else "text/html"
            )
            return Response(200, body, ctype, last_modified=art.modified, compressible=False)
        return Response(200, html.encode("utf-8"), HTML, last_modified=art.modified)

    # -- routing --

    def handle(self, method: str, target: str, headers: dict[str, str]) -> Response:
        """Answer one request; ``headers`` keys are case-insensitive (lower-cased here)."""
        h = {k.lower(): v for k, v in headers.items()}
        parts = urlsplit(target)
        path, query = parts.path or "/", parts.query
        resp = self._route(path, query)
        site = self._site_of(path)
        if resp.status == 200 and resp.conditional:
            resp = self._conditional(resp, h, site)
        if method == "HEAD":
            resp.headers.append(("Content-Length", str(len(resp.body))))
            resp.body = b""
        return resp

    def _site_of(self, path: str) -> Site | None:
        first = path.strip("/").split("/", 1)[0]
        return self.site_by_name.get(first)

    def _conditional(self, resp: Response, h: dict[str, str], site: Site | None) -> Response:
        body = resp.body
        encoded = False
        if (
            resp.compressible
            and site is not None
            and site.gzip
            and "gzip" in h.get("accept-encoding", "").lower()
        ):
            body = gzip.compress(body, mtime=0)
            encoded = True
        etag = _etag(body)
        lm = resp.last_modified or EPOCH
        lm = lm.astimezone(UTC).replace(microsecond=0)
        extra = [("ETag", etag), ("Last-Modified", _http_date(lm))]
        if site is not None and site.gzip:
            extra.append(("Vary", "Accept-Encoding"))
        if encoded:
            extra.append(("Content-Encoding", "gzip"))
        not_modified = False
        inm = h.get("if-none-match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            tags = [t[2:] if t.startswith("W/") else t for t in tags]
            not_modified = "*" in tags or etag in tags
        elif h.get("if-modified-since"):
            try:
                ims = parsedate_to_datetime(h["if-modified-since"])
                if ims.tzinfo is None:
                    ims = ims.replace(tzinfo=UTC)
                not_modified = lm <= ims
            except (TypeError, ValueError, IndexError):
                not_modified = False
        if not_modified:
            # a 304 repeats the validators but carries no body and no Content-Type
            return Response(304, b"", None, headers=resp.headers + extra, conditional=False)
        resp.body = body
        resp.headers = resp.headers + extra
        return resp

    def _route(self, path: str, query: str) -> Response:
        if path == "/":
            return self._index()
        if path == "/robots.txt":
            return Response(
                200, self.robots_txt().encode(), "text/plain; charset=utf-8", last_modified=EPOCH
            )
        if path == "/gdelt/api/v2/doc/doc":
            return self.gdelt(parse_qs(query))
        if path == "/gnews/rss/search":
            return self.gnews(parse_qs(query))
        if path.startswith("/bad/"):
            return self.bad(path)
        site = self._site_of(path)
        if site is None:
            return self.not_found()
        return self._site_route(site, path, query)

    def _site_route(self, site: Site, path: str, query: str) -> Response:
        rest = path[len(site.prefix) :] if path.startswith(site.prefix) else ""
        arts = self.site_articles(site)
        modified = self.site_modified(site)
        feeds = {
            "rss.xml": ("rss", XML_RSS),
            "atom.xml": ("atom", "application/atom+xml; charset=utf-8"),
            "feed.json": ("json", "application/feed+json; charset=utf-8"),
            "index.rdf": ("rdf", "application/rdf+xml; charset=utf-8"),
        }
        if rest in feeds:
            kind, ctype = feeds[rest]
            if kind not in site.feeds:
                return self.not_found()
            bodies = {a.slug: render_body_html(a) for a in arts}
            if kind == "rss":
                body = S.render_rss(site, arts, bodies)
            elif kind == "atom":
                body = S.render_atom(site, arts, bodies)
            elif kind == "json":
                body = S.render_json_feed(site, arts, bodies)
            else:
                body = S.render_rdf(site, arts)
            return Response(200, body, ctype, last_modified=modified, compressible=True)
        if rest == "sitemap.xml":
            return Response(
                200, S.render_urlset(arts), XML, last_modified=modified, compressible=True
            )
        if rest == "news-sitemap.xml":
            return Response(
                200,
                S.render_news_sitemap(site, arts),
                XML,
                last_modified=modified,
                compressible=True,
            )
        if rest == "sitemap_index.xml":
            return Response(
                200,
                S.render_sitemap_index(site, arts),
                XML,
                last_modified=modified,
                compressible=True,
            )
        if rest == "sitemap-archive.xml.gz":
            return Response(
                200, S.render_sitemap_gz(arts), "application/x-gzip", last_modified=modified
            )
        if rest == "" and path.endswith("/"):
            extra = []
            if site.name == "frontline-notes":
                extra.append((self.draft.url, self.draft.title))
            page = render_home(site, S.newest_first(arts), extra)
            return Response(200, page.encode(), HTML, last_modified=modified, compressible=True)
        if rest.startswith("img/"):
            return Response(200, PNG, "image/png", last_modified=EPOCH)
        if rest.startswith("amp/"):
            art = self.by_slug.get(rest[4:])
            if art is None or art.site is not site or not art.amp_url:
                return self.not_found()
            html = render_amp(art, self.page_context(art, amp=True))
            return Response(200, html.encode(), HTML, last_modified=art.modified, compressible=True)
        if path == self.draft.path:
            html = render_article(self.draft, self.page_context(self.draft))
            return Response(200, html.encode(), HTML, last_modified=self.draft.published)
        if rest.startswith("files/"):
            return Response(
                200,
                PDF + b"\x00\x01\x02" * 64,
                "application/octet-stream",
                headers=[("Content-Disposition", 'attachment; filename="data.bin"')],
                last_modified=EPOCH,
            )
        key = path
        if site.template == "portal":
            idx = parse_qs(query).get("idxno")
            key = f"{path}?idxno={idx[0]}" if idx else path
        with self.lock:
            art = self.by_path.get(key)
            slash = self.by_path.get(key + "/") if art is None else None
        if art is not None:
            resp = self.article_response(art)
            resp.compressible = not art.encoding
            return resp
        if slash is not None:
            return self.redirect(slash.url, 301)
        return self.not_found()

    # -- simple pages --

    def _index(self) -> Response:
        items = "".join(
            f'<li><a href="{s.home_url}">{s.native_name}</a> (<a href="{s.feed_url}">rss</a>)</li>'
            for s in self.sites
        )
        html = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Fixture press'
            f"</title></head><body><h1>Fixture press</h1><ul>{items}</ul></body></html>"
        )
        return Response(200, html.encode(), HTML, last_modified=EPOCH)

    def robots_txt(self) -> str:
        lines = [
            "# fixture press robots.txt",
            "User-agent: *",
            "Disallow: /frontline-notes/drafts/",
            "Disallow: /meridian-wire/internal/",
            "Disallow: /bad/private/",
            "",
            "User-agent: GPTBot",
            "Disallow: /",
            "",
        ]
        lines += [f"Sitemap: {s.sitemap_index_url}" for s in self.sites]
        return "\n".join(lines) + "\n"

    def not_found(self) -> Response:
        html = b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>"
        html += (
            b"<h1>Page not found</h1><p>The page you requested does not exist.</p></body></html>"
        )
        return Response(404, html, HTML, conditional=False)

    def redirect(self, location: str, status: int = 302) -> Response:
        body = f'<html><body>Moved to <a href="{location}">{location}</a></body></html>'
        return Response(
            status, body.encode(), HTML, headers=[("Location", location)], conditional=False
        )

    # -- aggregator endpoints --

    def search(self, q: str, lang: str | None = None) -> list[Article]:
        with self.lock:
            arts = list(self.articles)
        hits = [a for a in arts if (lang is None or a.lang == lang) and query_matches(q, a)]
        return S.newest_first(hits)

    def gdelt(self, qs: dict[str, list[str]]) -> Response:
        """GDELT DOC 2.0 API, mode=ArtList&format=json (other modes answer an error text)."""
        p = {k.lower(): v[0] for k, v in qs.items()}
        q = p.get("query", "").strip()
        if not q:
            return Response(
                200, b"The query was too short or too long.", "text/plain", conditional=False
            )
        if p.get("mode", "artlist").lower() != "artlist":
            return Response(200, b"Invalid mode.", "text/plain", conditional=False)
        hits = self.search(q)
        fmt = "%Y%m%d%H%M%S"
        start, end = p.get("startdatetime"), p.get("enddatetime")
        if start:
            t0 = datetime.strptime(start, fmt).replace(tzinfo=UTC)
            hits = [a for a in hits if a.published >= t0]
        if end:
            t1 = datetime.strptime(end, fmt).replace(tzinfo=UTC)
            hits = [a for a in hits if a.published <= t1]
        if p.get("sort", "").lower() == "dateasc":
            hits.reverse()
        try:
            maxrec = max(1, min(250, int(p.get("maxrecords", "75"))))
        except ValueError:
            maxrec = 75
        hits = hits[:maxrec]
        last = max((a.published for a in hits), default=EPOCH)
        if not hits:
            payload: dict[str, Any] = {}  # GDELT answers an empty object when nothing matched
        else:
            payload = {
                "articles": [
                    {
                        "url": a.url,
                        "url_mobile": a.amp_url or "",
                        "title": a.title,
                        "seendate": a.published.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"),
                        "socialimage": a.image_url,
                        "domain": a.site.domain,
                        "language": S.LANG_NAMES[a.lang],
                        "sourcecountry": a.site.country,
                    }
                    for a in hits
                ]
            }
        if p.get("format", "html").lower() not in ("json", "jsonfeed"):
            rows = "".join(f'<li><a href="{a.url}">{a.title}</a></li>' for a in hits)
            return Response(
                200, f"<html><body><ul>{rows}</ul></body></html>".encode(), HTML, last_modified=last
            )
        body = json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")
        return Response(200, body, "application/json; charset=utf-8", last_modified=last)

    def gnews(self, qs: dict[str, list[str]]) -> Response:
        """Google News RSS search: items link straight to the local articles."""
        p = {k.lower(): v[0] for k, v in qs.items()}
        q = p.get("q", "")
        hl = p.get("hl", "")
        lang = hl.split("-")[0].lower() if hl else None
        if lang not in S.LANG_NAMES:
            lang = None
        hits = self.search(q, lang)[:100]
        items = []
        for a in hits:
            gid = "CBMi" + base64.urlsafe_b64encode(a.url.encode()).decode().rstrip("=")
            desc = (
                f'<a href="{a.url}" target="_blank">{a.title}</a>&nbsp;&nbsp;'
                f'<font color="#6f6f6f">{a.site.outlet}</font>'
            )
            items.append(
                f"<item><title>{escape(a.title)} - {escape(a.site.outlet)}</title>"
                f'<link>{escape(a.url)}</link><guid isPermaLink="false">{gid}</guid>'
                f"<pubDate>{S.http_date(a.published)}</pubDate>"
                f"<description>{escape(desc)}</description>"
                f"<source url={quoteattr(a.site.home_url)}>{escape(a.site.outlet)}</source></item>"
            )
        link = f"{self.base_url}/gnews/rss/search?{urlencode({'q': q, 'hl': hl or 'en-US'})}"
        xml = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>'
            "<generator>NFE/5.0</generator>"
            f"<title>{escape(chr(34) + q + chr(34))} - Google News</title>"
            f"<link>{escape(link)}</link><language>{escape(hl or 'en-US')}</language>"
            "<webMaster>news-webmaster@google.com</webMaster>"
            "<copyright>Copyright Google</copyright>"
            f"<description>Google News</description>{''.join(items)}</channel></rss>"
        )
        last = max((a.published for a in hits), default=EPOCH)
        return Response(200, xml.encode(), "application/xml; charset=utf-8", last_modified=last)

    # -- deliberately bad routes --

    def bad(self, path: str) -> Response:
        name = path[len("/bad/") :]
        wire = self.site_by_name["meridian-wire"]
        if name == "feed-error.xml":
            html = (
                '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Service temporarily '
                "unavailable</title></head><body><h1>We'll be right back</h1><p>Our feeds are "
                "being upgraded.&nbsp;Please try again later.<br></p></body></html>"
            )
            return Response(200, html.encode(), HTML)
        if name == "feed-truncated.xml":
            full = S.render_rss(wire, self.site_articles(wire), {})
            cut = full[: len(full) // 3]
            return Response(200, cut, XML_RSS, last_modified=EPOCH)
        if name == "sitemap-bad-dates.xml":
            arts = self.site_articles(wire)[:5]
            bad = ["32/13/2025", "yesterday", "2025-02-30T25:61:00Z", "", "0000-00-00"]
            urls = "".join(
                f"<url><loc>{escape(a.url)}</loc><lastmod>{d}</lastmod><news:news>"
                f"<news:publication><news:name>{escape(wire.outlet)}</news:name>"
                f"<news:language>en</news:language></news:publication>"
                f"<news:publication_date>{d}</news:publication_date>"
                f"<news:title>{escape(a.title)}</news:title></news:news></url>"
                for a, d in zip(arts, bad, strict=False)
            )
            xml = (
                '<?xml version="1.0" encoding="UTF-8"?>\n<urlset '
                'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>\n'
            )
            return Response(200, xml.encode(), XML, last_modified=EPOCH)
        if name == "feed-private.xml":
            return Response(200, self._private_feed(), XML_RSS, last_modified=EPOCH)
        if name == "report.pdf":
            return Response(200, PDF, "application/pdf", last_modified=EPOCH)
        if name == "loop-a":
            return self.redirect(self.base_url + "/bad/loop-b")
        if name == "loop-b":
            return self.redirect(self.base_url + "/bad/loop-a")
        if name == "moved":
            return self.redirect(self.articles[0].url, 301)
        if name == "gone":
            return Response(410, b"<html><body>Gone</body></html>", HTML, conditional=False)
        if name == "error-500":
            return Response(
                500,
                b"<html><body><h1>Internal Server Error</h1></body></html>",
                HTML,
                conditional=False,
            )
        if name == "unavailable":
            return Response(
                503,
                b"<html><body>Service Unavailable</body></html>",
                HTML,
                headers=[("Retry-After", "2")],
                conditional=False,
            )
        if name in ("rate-limited", "rate-limited-feed.xml"):
            with self.lock:
                n = self.rate_hits.get(name, 0) + 1
                self.rate_hits[name] = n
            if n <= self.rate_limit_count:
                return Response(
                    429,
                    b"Too Many Requests",
                    "text/plain",
                    headers=[("Retry-After", "1")],
                    conditional=False,
                )
            if name == "rate-limited":
                resp = self.article_response(self.articles[0])
                resp.conditional = False
                return resp
            return Response(
                200, S.render_rss(wire, self.site_articles(wire), {}), XML_RSS, conditional=False
            )
        if name == "huge-page.html":
            return Response(200, huge_page(), HTML, conditional=False)
        if name == "hang":
            return Response(
                200, b"<html><body>Finally.</body></html>", HTML, hang=True, conditional=False
            )
        if name == "empty":
            return Response(200, b"", HTML, conditional=False)
        return self.not_found()

    def _private_feed(self) -> bytes:
        legit = self.articles[0]
        links = [
            ("Internal newsroom story", "http://10.0.0.1/internal/news/1"),
            ("Cloud metadata", "http://169.254.169.254/latest/meta-data/"),
            ("Router admin", "http://192.168.1.1/admin/"),
            ("Staging copy", "http://172.16.5.4/world/north-korea-troops"),
            (legit.title, legit.url),
        ]
        items = "".join(
            f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
            f"<guid>{escape(u)}</guid><pubDate>{S.rfc822(legit.published)}</pubDate></item>"
            for t, u in links
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Suspicious feed</title><link>{self.base_url}/</link>"
            f"<description>Items pointing at private addresses</description>{items}"
            "</channel></rss>"
        ).encode()

    def bad_routes(self) -> dict[str, str]:
        b = self.base_url
        routes = {
            "feed_not_xml": f"{b}/bad/feed-error.xml",
            "feed_truncated": f"{b}/bad/feed-truncated.xml",
            "sitemap_bad_dates": f"{b}/bad/sitemap-bad-dates.xml",
            "feed_private_links": f"{b}/bad/feed-private.xml",
            "pdf": f"{b}/bad/report.pdf",
            "binary": f"{b}/meridian-wire/files/casualty-data",
            "redirect_loop": f"{b}/bad/loop-a",
            "redirect_ok": f"{b}/bad/moved",
            "not_found": f"{b}/bad/no-such-article",
            "gone": f"{b}/bad/gone",
            "server_error": f"{b}/bad/error-500",
            "unavailable": f"{b}/bad/unavailable",
            "rate_limited": f"{b}/bad/rate-limited",
            "rate_limited_feed": f"{b}/bad/rate-limited-feed.xml",
            "huge": f"{b}/bad/huge-page.html",
            "hang": f"{b}/bad/hang",
            "empty": f"{b}/bad/empty",
            "robots_disallowed": self.draft.url,
        }
        for a in self.articles:
            if a.encoding and a.charset_in:
                key = {"windows-1251": "cp1251", "euc-kr": "euckr", "shift_jis": "sjis"}.get(
                    a.encoding.lower(), a.encoding
                )
                routes.setdefault(f"{key}_{a.charset_in}", a.url)
        return routes

    def private_links(self) -> list[str]:
        return [
            "http://10.0.0.1/internal/news/1",
            "http://169.254.169.254/latest/meta-data/",
            "http://192.168.1.1/admin/",
            "http://172.16.5.4/world/north-korea-troops",
        ]


def gdelt_url(base: str, query: str, **params: Any) -> str:
    qs = {"query": query, "mode": "ArtList", "format": "json", "maxrecords": 75}
    qs.update(params)
    return f"{base}/gdelt/api/v2/doc/doc?{urlencode(qs, quote_via=quote)}"


def gnews_url(base: str, query: str, hl: str = "en-US", gl: str = "US", ceid: str = "US:en") -> str:
    qs = {"q": query, "hl": hl, "gl": gl, "ceid": ceid}
    return f"{base}/gnews/rss/search?{urlencode(qs, quote_via=quote)}"
