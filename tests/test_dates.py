"""The one date reader: always aware, never invented; sitemaps and pages use it too."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from troopwatch.dates import KST, parse_datetime
from troopwatch.extract import _page_metadata
from troopwatch.sitemaps import parse_sitemap


@pytest.mark.parametrize(
    "zone,hours",
    [
        ("KST", 9), ("JST", 9), ("MSK", 3), ("CET", 1), ("CEST", 2), ("EET", 2), ("EEST", 3),
        ("BST", 1), ("MET", 1), ("MEST", 2), ("EST", -5), ("EDT", -4), ("CST", -6),
        ("CDT", -5), ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7), ("GMT", 0),
        ("UTC", 0), ("-0000", 0), ("+0000", 0), ("Etc/GMT", 0), ("Europe/Moscow", 3),
    ],
)  # fmt: skip
def test_zone_abbreviations_are_resolved(zone, hours):
    parsed = parse_datetime(f"Tue, 05 Nov 2024 10:00:00 {zone}")
    assert parsed is not None and parsed.utcoffset().total_seconds() == hours * 3600
    assert (parsed.day, parsed.hour) == (5, 10)


def test_an_unknown_zone_is_not_guessed():
    assert parse_datetime("Tue, 05 Nov 2024 10:00:00 XYZ") is None


# A sample of feedparser's date vectors (tests/test_date_parsers.py), as UTC.
@pytest.mark.parametrize(
    "text,utc",
    [
        ("Thu, 30 Apr 2015 08:57:00 MET", (2015, 4, 30, 7, 57, 0)),
        ("Thu, 30 Apr 2015 08:57:00 MEST", (2015, 4, 30, 6, 57, 0)),
        ("Thu, 01 Jan 04 19:48:21 GMT", (2004, 1, 1, 19, 48, 21)),
        ("Wed, 19 Aug 2009 18:28:00 Etc/GMT", (2009, 8, 19, 18, 28, 0)),
        ("Wed, 19 Feb 2012 22:40:00 GMT-01:01", (2012, 2, 19, 23, 41, 0)),
        ("Mon, 13 Feb, 2012 06:28:00 UTC", (2012, 2, 13, 6, 28, 0)),
        ("Mon, 26 January 2004 16:31:00 PT", (2004, 1, 27, 0, 31, 0)),
        ("Thu Aug 30 2012 17:26:16 +0200", (2012, 8, 30, 15, 26, 16)),
        ("Fri,24 Nov 2023 18:28:36 -0000", (2023, 11, 24, 18, 28, 36)),
        ("Sun Jan  4 16:29:06 2004", (2004, 1, 4, 16, 29, 6)),
        ("Sun Jul 15 01:16:00 +0000 2012", (2012, 7, 15, 1, 16, 0)),
        ("Fri, 2006/09/15 08:19:53 EDT", (2006, 9, 15, 12, 19, 53)),
        ("2003-12-31T10:14:55-08:00", (2003, 12, 31, 18, 14, 55)),
        ("2007-04-23T23:25:47.538+10:00", (2007, 4, 23, 13, 25, 47)),
    ],
)
def test_feedparser_date_vectors(text, utc):
    parsed = parse_datetime(text)
    assert parsed.astimezone(UTC).timetuple()[:6] == utc


@pytest.mark.parametrize(
    "text",
    [
        "Sun, 16 Dec 2012 1:2:3:4 GMT",
        "Sun, 16 zzz 2012 11:47:32 GMT",
        "Sun, 99 Jun 2009 12:00:00 GMT",
        "Sun, 16 Dec 2012 11:47:32 +zz:00",
        "yesterday",
        "",
        None,
    ],
)
def test_unreadable_dates_are_none(text):
    assert parse_datetime(text) is None


@pytest.mark.parametrize("text", ["2003-12", "2003", "December 2003", "noviembre de 2024"])
def test_partial_dates_are_never_completed_from_today(text):
    assert parse_datetime(text) is None


def test_a_day_without_time_is_that_day():
    assert parse_datetime("2003-12-31") == datetime(2003, 12, 31, tzinfo=UTC)
    assert parse_datetime("Thu, 01 Jan 2004") == datetime(2004, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("5 ноября 2024", "ru"),
        ("5 листопада 2024", "uk"),
        ("2024년 11월 5일", "ko"),
        ("2024年11月5日", "ja"),
        ("2024年11月5日", "zh"),
        ("5. November 2024", "de"),
        ("5 novembre 2024", "fr"),
        ("5 de noviembre de 2024", "es"),
        ("5 novembre 2024", "it"),
        ("5 de novembro de 2024", "pt"),
        ("5 نوفمبر 2024", "ar"),
        ("November 5, 2024", "en"),
    ],
)
def test_page_dates_in_words(text, lang):
    # Korean sites write KST without saying so; elsewhere a day without a zone is UTC
    zone = KST if lang == "ko" else UTC
    for languages in (None, (lang, "en")):
        assert parse_datetime(text, languages) == datetime(2024, 11, 5, tzinfo=zone)


@pytest.mark.parametrize(
    "text,utc",
    [
        ("2004-05-25 오후 11:23:17", (2004, 5, 25, 14, 23, 17)),  # feedparser's Nate vector
        ("2004년 05월 28일  01:31:15", (2004, 5, 27, 16, 31, 15)),  # and its OnBlog one
        ("2003-012-31T10:14:55+00:00", (2003, 12, 31, 10, 14, 55)),  # Google's extra zero
    ],
)
def test_korean_feed_dates_and_google_months(text, utc):
    assert parse_datetime(text).astimezone(UTC).timetuple()[:6] == utc


@pytest.mark.parametrize("text", ["03-12-31", "031231"])
def test_two_digit_years_are_not_guessed(text):
    assert parse_datetime(text) is None


def test_zone_less_text_and_values_are_utc():
    assert parse_datetime("2024-11-05 10:00").tzinfo is UTC
    assert parse_datetime(datetime(2024, 11, 5)).tzinfo is UTC
    assert parse_datetime(1730800800000) == datetime(2024, 11, 5, 10, tzinfo=UTC)


def test_sitemaps_read_zones_and_refuse_partial_dates():
    body = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>https://e.com/a</loc><lastmod>Tue, 05 Nov 2024 10:00:00 KST</lastmod></url>
    <url><loc>https://e.com/b</loc><lastmod>2003-12</lastmod></url></urlset>"""
    doc = parse_sitemap(body)
    assert doc.entries[0].lastmod.utcoffset().total_seconds() == 9 * 3600
    assert doc.entries[1].lastmod is None and doc.bad_dates == [("https://e.com/b", "2003-12")]


@pytest.mark.parametrize(
    "html",
    [
        '<html lang="ru"><body><article><time>5 ноября 2024</time></article></body></html>',
        '<html lang="ko"><head><meta name="date" content="2024년 11월 5일 00:00 UTC"></head></html>',
        '<html><body><time datetime="2024-11-05T00:00:00Z">вчера</time></body></html>',
    ],
)
def test_page_dates(html):
    from lxml import html as lxml_html

    published, _ = _page_metadata(lxml_html.fromstring(html))
    assert published == datetime(2024, 11, 5, tzinfo=UTC)


PLACEHOLDER_LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"datePublished": "0001-01-01T00:00:00Z"}</script>'
)


def test_placeholder_dates_are_no_dates_and_the_page_is_still_indexed() -> None:
    """A CMS placeholder ("0001-01-01", seen on real pages of the benchmark corpus) used to
    become published_at, and the indices refuse such a date: the article was rejected."""
    from troopwatch.documents import article_document, document_problem
    from troopwatch.extract import extract_article
    from troopwatch.feeds import parse_feed

    body = "<article><p>" + "North Korean troops were seen near Kursk. " * 8 + "</p></article>"
    later = '<time datetime="2024-11-05T08:00:00Z">5 November</time>'
    page = f"<html><head>{PLACEHOLDER_LD}</head><body>{later}{body}</body></html>"
    assert extract_article(page, "http://example.com/a").published_at == datetime(
        2024, 11, 5, 8, tzinfo=UTC
    )
    alone = f"<html><head>{PLACEHOLDER_LD}</head><body>{body}</body></html>"
    article = extract_article(alone, "http://example.com/b")
    assert article.published_at is None  # the pipeline falls back to the feed or fetch time
    fetched = datetime(2024, 11, 6, tzinfo=UTC)
    doc = article_document(
        {
            "url": "http://example.com/b",
            "article_id": "b",
            "text": article.text,
            "published_at": article.published_at or fetched,
            "fetched_at": fetched,
        }
    )
    assert document_problem(doc) is None
    feed = (
        '<rss version="2.0"><channel><item><title>t</title><link>http://example.com/c</link>'
        "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate></item></channel></rss>"
    )
    (entry,) = parse_feed(feed.encode(), "http://example.com/feed")
    assert entry.published is None
