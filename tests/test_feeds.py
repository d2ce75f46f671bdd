from __future__ import annotations

import pytest

from troopwatch.feeds import FeedError, parse_feed

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
        (b"<?xml version='1.0'?><rss><channel><item><title>cut", "not well-formed"),
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
