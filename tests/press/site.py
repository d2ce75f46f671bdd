"""The sites of the fixture press: their catalogue, URL styles, feeds and sitemaps."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

from .model import Article, Site

# name, outlet, native name, template, lang, country, domain, tz, feeds, amp, gzip
SITE_CATALOGUE: tuple[dict, ...] = (
    dict(
        name="meridian-wire",
        outlet="Meridian Wire",
        native_name="Meridian Wire",
        template="wire",
        lang="en",
        country="United States",
        domain="meridianwire.example",
        tz="UTC",
        feeds=("rss", "atom"),
        amp=True,
        gzip=True,
    ),
    dict(
        name="coastal-herald",
        outlet="The Coastal Herald",
        native_name="The Coastal Herald",
        template="daily",
        lang="en",
        country="Australia",
        domain="coastalherald.example.au",
        tz="Australia/Sydney",
        feeds=("rss",),
    ),
    dict(
        name="frontline-notes",
        outlet="Frontline Notes",
        native_name="Frontline Notes",
        template="blog",
        lang="en",
        country="United Kingdom",
        domain="frontlinenotes.example.uk",
        tz="Europe/London",
        feeds=("rss", "atom", "json"),
    ),
    dict(
        name="hanbit-ilbo",
        outlet="Hanbit Ilbo",
        native_name="한빛일보",
        template="portal",
        lang="ko",
        country="South Korea",
        domain="hanbitilbo.example.kr",
        tz="Asia/Seoul",
        feeds=("rss",),
        amp=True,
    ),
    dict(
        name="vostok-inform",
        outlet="Vostok-Inform",
        native_name="Восток-Информ",
        template="agency",
        lang="ru",
        country="Russia",
        domain="vostok-inform.example.ru",
        tz="Europe/Moscow",
        feeds=("rss",),
    ),
    dict(
        name="kyiv-courier",
        outlet="Kyiv Courier",
        native_name="Київський кур'єр",
        template="kyiv",
        lang="uk",
        country="Ukraine",
        domain="kyivcourier.example.ua",
        tz="Europe/Kyiv",
        feeds=("rss", "atom"),
        gzip=True,
    ),
    dict(
        name="weltblick",
        outlet="Weltblick",
        native_name="Weltblick",
        template="magazine",
        lang="de",
        country="Germany",
        domain="weltblick.example.de",
        tz="Europe/Berlin",
        feeds=("rss", "atom"),
    ),
    dict(
        name="le-veilleur",
        outlet="Le Veilleur",
        native_name="Le Veilleur",
        template="daily",
        lang="fr",
        country="France",
        domain="leveilleur.example.fr",
        tz="Europe/Paris",
        feeds=("rss",),
    ),
    dict(
        name="el-mirador",
        outlet="El Mirador",
        native_name="El Mirador",
        template="daily",
        lang="es",
        country="Spain",
        domain="elmirador.example.es",
        tz="Europe/Madrid",
        feeds=("rss",),
    ),
    dict(
        name="sakura-hoso",
        outlet="Sakura Hoso",
        native_name="さくら放送",
        template="broadcaster",
        lang="ja",
        country="Japan",
        domain="sakurahoso.example.jp",
        tz="Asia/Tokyo",
        feeds=("rss", "rdf"),
    ),
)

LANG_NAMES = {
    "en": "English",
    "ko": "Korean",
    "ru": "Russian",
    "uk": "Ukrainian",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "ja": "Japanese",
}

ARCHIVE_CUTOFF = datetime(2025, 7, 1, tzinfo=UTC)
# sites whose canonical link carries tracking parameters (a real-world CMS bug)
CANONICAL_WITH_TRACKING = {"el-mirador"}
# the site whose RSS feed repeats one item
FEED_WITH_DUPLICATE = "meridian-wire"
UTM = "utm_source=rss&utm_medium=feed&utm_campaign=newsfeed"


def make_sites(base_url: str) -> list[Site]:
    return [Site(base_url=base_url, **cfg) for cfg in SITE_CATALOGUE]


def _section_slug(section: str) -> str:
    out = "".join(ch if ch.isascii() and ch.isalnum() else "-" for ch in section.lower())
    out = "-".join(p for p in out.split("-") if p)
    return out or "news"


def article_path(site: Site, art: Article) -> str:
    """Each template family has its own URL style, as real CMSes do."""
    d = art.published
    n = site.name
    match site.template:
        case "wire":
            return f"/{n}/{_section_slug(art.section)}/{d:%Y/%m/%d}/{art.slug}"
        case "daily":
            return f"/{n}/{_section_slug(art.section)}/{d:%Y/%m/%d}/{art.slug}/"
        case "blog":
            return f"/{n}/{d:%Y/%m}/{art.slug}/"
        case "portal":
            # the query string is part of the identity (common Korean CMS style)
            return f"/{n}/news/articleView.html?idxno={art.number}"
        case "agency":
            return f"/{n}/{d:%Y%m%d}/{art.slug}-{art.number}.html"
        case "kyiv":
            return f"/{n}/news/{art.slug}-{art.number}.html"
        case "magazine":
            h = hashlib.sha1(art.slug.encode()).hexdigest()[:8]
            return f"/{n}/{_section_slug(art.section)}/{art.slug}-a-{h}"
        case "broadcaster":
            return f"/{n}/news/html/{d:%Y%m%d}/k{art.number:010d}.html"
    raise ValueError(site.template)


def rfc822(dt: datetime) -> str:
    return format_datetime(dt)


def http_date(dt: datetime) -> str:
    return format_datetime(dt.astimezone(UTC), usegmt=True)


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def feed_link(site: Site, art: Article, index: int) -> str:
    # every third item of some feeds carries tracking parameters
    if site.name in ("meridian-wire", "el-mirador", "kyiv-courier") and index % 3 == 1:
        sep = "&" if "?" in art.url else "?"
        return f"{art.url}{sep}{UTM}"
    return art.url


def _x(text: str) -> str:
    return escape(text)


def newest_first(arts: list[Article]) -> list[Article]:
    return sorted(arts, key=lambda a: (a.published, a.slug), reverse=True)


def render_rss(site: Site, arts: list[Article], body_html: dict[str, str]) -> bytes:
    """RSS 2.0; kyiv-courier and frontline-notes carry the full text in content:encoded."""
    arts = newest_first(arts)
    items: list[str] = []
    for i, a in enumerate(arts):
        link = feed_link(site, a, i)
        guid = (
            f'<guid isPermaLink="false">{site.domain}:{a.slug}</guid>'
            if site.name != "coastal-herald"
            else f'<guid isPermaLink="true">{_x(a.url)}</guid>'
        )
        extra = ""
        if site.name in ("kyiv-courier", "frontline-notes"):
            extra = f"<content:encoded><![CDATA[{body_html[a.slug]}]]></content:encoded>"
        authors = "".join(f"<dc:creator>{_x(au)}</dc:creator>" for au in a.authors)
        items.append(
            f"<item><title>{_x(a.title)}</title><link>{_x(link)}</link>{guid}"
            f"<pubDate>{rfc822(a.published)}</pubDate>{authors}"
            f"<category>{_x(a.section)}</category>"
            f"<description>{_x(a.summary)}</description>"
            f'<enclosure url="{_x(a.image_url)}" type="image/png" length="70"/>{extra}</item>'
        )
    if site.name == FEED_WITH_DUPLICATE and len(items) > 2:
        items.append(items[1])  # the same story pushed twice by the CMS
    last = max((a.published for a in arts), default=datetime(2024, 10, 1, tzinfo=UTC))
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>'
        f"<title>{_x(site.native_name)}</title><link>{_x(site.home_url)}</link>"
        f'<atom:link href="{_x(site.feed_url)}" rel="self" type="application/rss+xml"/>'
        f"<description>{_x(site.outlet)} — latest news</description>"
        f"<language>{site.lang}</language><lastBuildDate>{rfc822(last)}</lastBuildDate>"
        f"<ttl>15</ttl>\n" + "\n".join(items) + "\n</channel>\n</rss>\n"
    )
    return xml.encode("utf-8")


def render_atom(site: Site, arts: list[Article], body_html: dict[str, str]) -> bytes:
    arts = newest_first(arts)
    entries = []
    for i, a in enumerate(arts):
        authors = "".join(f"<author><name>{_x(au)}</name></author>" for au in a.authors)
        content = ""
        if site.template == "blog":
            content = f'<content type="html">{_x(body_html[a.slug])}</content>'
        entries.append(
            f"<entry><title>{_x(a.title)}</title>"
            f'<link rel="alternate" type="text/html" href={quoteattr(feed_link(site, a, i))}/>'
            f"<id>tag:{site.domain},{a.published:%Y}:{a.slug}</id>"
            f"<published>{iso(a.published)}</published><updated>{iso(a.modified)}</updated>"
            f"{authors}<summary>{_x(a.summary)}</summary>{content}</entry>"
        )
    updated = max((a.modified for a in arts), default=datetime(2024, 10, 1, tzinfo=UTC))
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{site.lang}">'
        f"<title>{_x(site.native_name)}</title>"
        f'<link rel="self" href={quoteattr(site.atom_url or "")}/>'
        f'<link rel="alternate" href={quoteattr(site.home_url)}/>'
        f"<id>tag:{site.domain},2024:feed</id><updated>{iso(updated)}</updated>\n"
        + "\n".join(entries)
        + "\n</feed>\n"
    )
    return xml.encode("utf-8")


def render_json_feed(site: Site, arts: list[Article], body_html: dict[str, str]) -> bytes:
    arts = newest_first(arts)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": site.native_name,
        "home_page_url": site.home_url,
        "feed_url": site.json_feed_url,
        "language": site.lang,
        "items": [
            {
                "id": f"{site.domain}:{a.slug}",
                "url": feed_link(site, a, i),
                "title": a.title,
                "summary": a.summary,
                "content_html": body_html[a.slug],
                "date_published": iso(a.published),
                "date_modified": iso(a.modified),
                "authors": [{"name": au} for au in a.authors],
                "tags": [a.section],
                "language": a.lang,
                "image": a.image_url,
            }
            for i, a in enumerate(arts)
        ],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8")


def render_rdf(site: Site, arts: list[Article]) -> bytes:
    """RSS 1.0 (RDF), still common on Japanese sites."""
    arts = newest_first(arts)
    seq = "".join(f"<rdf:li rdf:resource={quoteattr(a.url)}/>" for a in arts)
    items = "\n".join(
        f"<item rdf:about={quoteattr(a.url)}><title>{_x(a.title)}</title>"
        f"<link>{_x(a.url)}</link><description>{_x(a.summary)}</description>"
        f"<dc:date>{iso(a.published)}</dc:date><dc:subject>{_x(a.section)}</dc:subject></item>"
        for a in arts
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        f'xml:lang="{site.lang}">'
        f"<channel rdf:about={quoteattr(site.rdf_url or '')}><title>{_x(site.native_name)}</title>"
        f"<link>{_x(site.home_url)}</link><description>{_x(site.outlet)}</description>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n{items}\n</rdf:RDF>\n"
    )
    return xml.encode("utf-8")


def render_urlset(arts: list[Article]) -> bytes:
    urls = "\n".join(
        f"<url><loc>{_x(a.url)}</loc><lastmod>{iso(a.modified)}</lastmod>"
        f"<changefreq>monthly</changefreq></url>"
        for a in newest_first(arts)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{urls}\n</urlset>\n"
    ).encode()


def render_news_sitemap(site: Site, arts: list[Article]) -> bytes:
    urls = "\n".join(
        f"<url><loc>{_x(a.url)}</loc><news:news><news:publication>"
        f"<news:name>{_x(site.outlet)}</news:name><news:language>{a.lang}</news:language>"
        f"</news:publication><news:publication_date>{iso(a.published)}</news:publication_date>"
        f"<news:title>{_x(a.title)}</news:title></news:news>"
        f"<image:image><image:loc>{_x(a.image_url)}</image:loc></image:image></url>"
        for a in newest_first(arts)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
        'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">\n'
        f"{urls}\n</urlset>\n"
    ).encode()


def render_sitemap_index(site: Site, arts: list[Article]) -> bytes:
    last = max((a.modified for a in arts), default=datetime(2024, 10, 1, tzinfo=UTC))
    archive = [a for a in arts if a.published < ARCHIVE_CUTOFF]
    arch_last = max((a.modified for a in archive), default=last)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"<sitemap><loc>{_x(site.news_sitemap_url)}</loc><lastmod>{iso(last)}</lastmod></sitemap>\n"
        f"<sitemap><loc>{_x(site.sitemap_gz_url)}</loc><lastmod>{iso(arch_last)}</lastmod>"
        "</sitemap>\n</sitemapindex>\n"
    ).encode()


def render_sitemap_gz(arts: list[Article]) -> bytes:
    archive = [a for a in arts if a.published < ARCHIVE_CUTOFF]
    # mtime=0 keeps the bytes (and so the ETag) deterministic
    return gzip.compress(render_urlset(archive), mtime=0)
