from __future__ import annotations

import json

import pytest

from troopwatch.feeds import FeedError, parse_feed, parse_gdelt_artlist

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://example.com/a?utm_source=rss</link>
<pubDate>Wed, 23 Oct 2024 10:00:00 +0900</pubDate></item>
<item><title>Two</title><guid>https://example.com/b</guid></item>
<item><title>Dup</title><link>https://example.com/a?utm_source=rss</link></item>
<item><title>No link</title></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"
xml:lang="de"><title>T</title>
<entry><title>Eins</title><link rel="alternate" href="/artikel/1"/>
<published>2024-10-23T08:00:00Z</published></entry></feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://example.jp/"><title>T</title></channel>
<item rdf:about="https://example.jp/n/1"><title>Ichi</title><link>https://example.jp/n/1</link>
<dc:date>2024-10-24T09:00:00+09:00</dc:date></item></rdf:RDF>"""

JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "fr",
"items": [{"id": "1", "url": "https://example.fr/1", "title": "Un",
"date_published": "2024-10-25T07:00:00+02:00"}]}"""


def test_rss_entries_links_dates_and_duplicates():
    entries = parse_feed(RSS, "https://example.com/feed")
    assert [e.url for e in entries] == [
        "https://example.com/a?utm_source=rss",
        "https://example.com/b",
    ]
    assert entries[0].published.isoformat() == "2024-10-23T10:00:00+09:00"


def test_atom_relative_links_and_language():
    (entry,) = parse_feed(ATOM, "https://example.de/feed.atom")
    assert entry.url == "https://example.de/artikel/1"
    assert entry.lang == "de" and entry.published.year == 2024


def test_rdf_and_json_feed():
    assert parse_feed(RDF, "https://example.jp/rdf")[0].url == "https://example.jp/n/1"
    (entry,) = parse_feed(JSON_FEED, "https://example.fr/feed.json")
    assert entry.url == "https://example.fr/1" and entry.lang == "fr"


@pytest.mark.parametrize(
    "body,reason",
    [
        (b"<html><body>Server error</body></html>", "not RSS"),
        (b"<<<< this is not XML at all >>>>", "not well-formed"),
        (b'{"items": "nope"}', "JSON Feed"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not well-formed"),
    ],
)
def test_broken_feeds_raise_a_clear_error(body, reason):
    with pytest.raises(FeedError, match=reason):
        parse_feed(body, "https://example.com/feed")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    body = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<rss><channel><item><title>&x;</title><link>https://e.com/1</link></item></channel></rss>"
    ).encode()
    entries = parse_feed(body, "https://e.com/")
    assert all("TOPSECRET" not in (e.title or "") for e in entries)


# -- the open web: documents strict XML refuses -------------------------------------------


def rss(items: str, head: str = '<?xml version="1.0"?>', attrs: str = "") -> bytes:
    return (
        f'{head}<rss version="2.0"{attrs}><channel><title>T</title>{items}</channel></rss>'.encode()
    )


def test_truncated_feed_keeps_its_complete_items():
    body = b"<rss><channel><item><title>One</title><link>https://e.com/1</link></item><item><ti"
    assert [e.url for e in parse_feed(body, "https://e.com/")] == ["https://e.com/1"]


@pytest.mark.parametrize(
    "items,url,title",
    [
        (  # HTML entities XML does not define
            "<item><title>Caf&eacute;&nbsp;news &aacute;</title><link>https://e.com/1</link></item>",
            "https://e.com/1",
            "Café news á",
        ),
        (  # a bare & in a link
            "<item><title>A & B</title><link>https://e.com/get?a=1&b=2</link></item>",
            "https://e.com/get?a=1&b=2",
            "A & B",
        ),
        (  # a namespace prefix nobody declared
            "<item><title>Undeclared</title><link>https://e.com/u</link>"
            "<foo:bar>x</foo:bar></item>",
            "https://e.com/u",
            "Undeclared",
        ),
    ],
)
def test_one_slip_does_not_cost_the_feed(items, url, title):
    good = "<item><title>Good</title><link>https://e.com/good</link></item>"
    entries = parse_feed(rss(good + items), "https://e.com/feed")
    assert [e.url for e in entries] == ["https://e.com/good", url]
    assert entries[1].title == title


def test_charset_from_the_http_header_wins():
    title = "Войска КНДР в Курской области"
    body = rss(f"<item><title>{title}</title><link>https://e.ru/1</link></item>")
    body_1251 = body.decode().encode("windows-1251")
    headers = {"content-type": "application/rss+xml; charset=windows-1251"}
    (entry,) = parse_feed(body_1251, "https://e.ru/feed", headers)
    assert entry.title == title
    # the header also overrides a wrong declaration in the document
    declared = rss(
        f"<item><title>{title}</title><link>https://e.ru/1</link></item>",
        head='<?xml version="1.0" encoding="utf-8"?>',
    )
    (entry,) = parse_feed(declared.decode().encode("windows-1251"), "https://e.ru/", headers)
    assert entry.title == title


@pytest.mark.parametrize(
    "encoding,title",
    [
        ("euc-kr", "북한군 러시아 파병 규모가 1만 명을 넘었다고 국가정보원이 밝혔다"),
        ("windows-1251", "Северокорейские военные прибыли в Курскую область, сообщает разведка"),
        ("shift_jis", "北朝鮮兵がロシアに派遣されたと韓国の情報機関が発表した。ウクライナ"),
    ],
)
def test_undeclared_legacy_encodings_are_detected(encoding, title):
    body = rss(
        f"<item><title>{title}</title><link>https://e.example/1</link>"
        f"<description>{title} {title}</description></item>",
        head="",
    ).decode()
    (entry,) = parse_feed(body.encode(encoding), "https://e.example/feed")
    assert entry.title == title


def test_a_bad_url_costs_only_its_item():
    body = rss(
        "<item><guid>http://[bad-ipv6/</guid></item><item><link>https://e.com/ok</link></item>",
        attrs=' xml:base="http://example.test/"',
    )
    assert [e.url for e in parse_feed(body, "https://e.com/")] == ["https://e.com/ok"]


def test_xml_base_resolves_relative_links():
    body = rss(
        '<item xml:base="/news/"><link>a.html</link></item><item><link>b.html</link></item>',
        attrs=' xml:base="https://base.example/root/"',
    )
    assert [e.url for e in parse_feed(body, "https://e.com/feed")] == [
        "https://base.example/news/a.html",
        "https://base.example/root/b.html",
    ]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://a.example/blog/">
    <entry><link href="post/1"/></entry></feed>"""
    assert parse_feed(atom, "https://e.com/")[0].url == "https://a.example/blog/post/1"


def test_rss_takes_title_and_link_from_its_own_namespace():
    body = rss(
        "<item><atom:link href='https://e.com/feed' rel='self'/><media:title>Media</media:title>"
        "<title>Own title</title><link>https://e.com/story</link></item>"
        "<item><atom:link href='https://e.com/alt'/><title>Only atom</title></item>",
        attrs=' xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:media="http://search.yahoo.com/mrss/"',
    )
    entries = parse_feed(body, "https://e.com/")
    assert [(e.url, e.title) for e in entries] == [
        ("https://e.com/story", "Own title"),
        ("https://e.com/alt", "Only atom"),
    ]


def test_titles_lose_markup_and_scripts():
    body = rss(
        "<item><title>&lt;b&gt;Troops&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt; arrive"
        "</title><link>https://e.com/1</link></item>"
    )
    assert parse_feed(body, "https://e.com/")[0].title == "Troops arrive"
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom">
    <entry><title type="html">&lt;script&gt;x()&lt;/script&gt;Html &amp;amp; more</title>
      <link href="https://e.com/h"/></entry>
    <entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Xhtml
      <script>y()</script><b>bold</b></div></title><link href="https://e.com/x"/></entry>
    <entry><title>a &lt; b</title><link href="https://e.com/t"/></entry></feed>"""
    assert [e.title for e in parse_feed(atom, "https://e.com/")] == [
        "Html & more",
        "Xhtml bold",
        "a < b",
    ]


def test_dcterms_dates_and_atom_ids():
    body = rss(
        "<item><link>https://e.com/1</link><dcterms:modified>2024-11-05T10:00:00+09:00"
        "</dcterms:modified></item>"
        "<item><link>https://e.com/2</link><dcterms:issued>2024-11-04T10:00:00Z</dcterms:issued>"
        "<dcterms:modified>2024-11-06T10:00:00Z</dcterms:modified></item>",
        attrs=' xmlns:dcterms="http://purl.org/dc/terms/"',
    )
    first, second = parse_feed(body, "https://e.com/")
    assert first.published.isoformat() == "2024-11-05T10:00:00+09:00"
    assert second.published.isoformat() == "2024-11-04T10:00:00+00:00"
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom" xmlns:dcterms="http://purl.org/dc/terms/">
    <entry><id>https://e.com/by-id</id><dcterms:issued>2024-11-05</dcterms:issued></entry>
    <entry><id>tag:e.com,2024:1</id></entry></feed>"""
    (entry,) = parse_feed(atom, "https://e.com/")
    assert entry.url == "https://e.com/by-id" and entry.published.isoformat().startswith(
        "2024-11-05T00:00:00+00:00"
    )


def test_atom_03_is_read():
    body = b"""<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>T</title>
    <entry><title>Old atom</title><link rel="alternate" type="text/html" href="/e/1"/>
    <issued>2004-01-01T10:00:00+01:00</issued></entry></feed>"""
    (entry,) = parse_feed(body, "https://e.com/feed")
    assert (entry.url, entry.title) == ("https://e.com/e/1", "Old atom")
    assert entry.published.isoformat() == "2004-01-01T10:00:00+01:00"


@pytest.mark.parametrize("zone,offset", [("KST", 9), ("JST", 9), ("MSK", 3), ("CEST", 2)])
def test_feed_dates_carry_their_zone(zone, offset):
    body = rss(
        f"<item><link>https://e.com/1</link><pubDate>Tue, 05 Nov 2024 10:00:00 {zone}"
        "</pubDate></item>"
    )
    (entry,) = parse_feed(body, "https://e.com/")
    assert entry.published.utcoffset().total_seconds() == offset * 3600


# -- JSON shapes ------------------------------------------------------------------------------


def test_deeply_nested_json_is_a_feed_error():
    deep = b'{"items": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}"
    with pytest.raises(FeedError, match="nested"):
        parse_feed(deep, "https://e.com/feed.json")
    with pytest.raises(FeedError, match="nested"):
        parse_gdelt_artlist(b'{"articles": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")


def test_json_feed_items_of_the_wrong_shape_are_skipped_or_cleaned():
    body = json.dumps(
        {
            "language": ["fr"],
            "items": [
                "not an item",
                {"url": 42, "title": "no url"},
                {"url": "https://e.fr/1", "title": {"fr": "objet"}, "date_published": 5},
                {"url": "https://e.fr/2", "title": "Deux", "date_published": "2024-11-05"},
            ],
        }
    ).encode()
    first, second = parse_feed(body, "https://e.fr/feed.json")
    assert (first.url, first.title, first.published, first.lang) == (
        "https://e.fr/1",
        None,
        None,
        None,
    )
    assert second.title == "Deux" and second.published.year == 2024


def test_gdelt_articles_with_wrong_types_are_cleaned():
    body = json.dumps(
        {
            "articles": [
                {"url": "https://a.example/1", "title": 7, "seendate": 20241105, "language": []},
                {"url": "https://a.example/2", "title": "ok", "domain": {"x": 1}},
                {"url": ["https://a.example/3"]},
                None,
            ]
        }
    ).encode()
    first, second = parse_gdelt_artlist(body)
    assert (first.title, first.published, first.lang) == (None, None, None)
    assert (second.title, second.site) == ("ok", None)


def test_damaged_feeds_say_so_and_sound_ones_do_not():
    damaged = parse_feed(rss("<item><title>A & B</title><link>https://e.com/1</link></item>"), "")
    assert [e.url for e in damaged] == ["https://e.com/1"]
    assert damaged.problem.startswith("not well-formed XML, read leniently")
    assert parse_feed(RSS, "https://example.com/feed").problem is None
