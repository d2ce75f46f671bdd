from __future__ import annotations

import pytest

from troopwatch.urls import article_id, canonicalize_url


@pytest.mark.parametrize(
    "url,expected",
    [
        ("HTTPS://Example.COM:443/a/b?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://m.example.co.uk/news/1", "https://www.example.co.uk/news/1"),
        ("https://www.example.com/news/1/amp", "https://www.example.com/news/1"),
        ("https://www.example.com/amp/news/1", "https://www.example.com/news/1"),
        ("https://www.example.com/news/1.amp.html", "https://www.example.com/news/1.html"),
        ("https://e.com/a?b=2&a=1&fbclid=zz&gclid=1", "https://e.com/a?a=1&b=2"),
    ],
)
def test_canonicalize(url, expected):
    assert canonicalize_url(url) == expected


def test_article_id_is_stable_per_canonical_url():
    a = article_id(canonicalize_url("https://e.com/x?utm_medium=rss"))
    assert a == article_id(canonicalize_url("https://E.com/x#top"))
    assert a != article_id(canonicalize_url("https://e.com/y"))


@pytest.mark.parametrize(
    "spellings",
    [
        # percent-encoding case and raw UTF-8 in the path
        ("https://e.com/caf%c3%a9/1", "https://e.com/caf%C3%A9/1", "https://e.com/café/1"),
        # an IDN host in Unicode and in punycode
        ("https://bücher.de/a", "https://xn--bcher-kva.de/a", "https://BÜCHER.de/a"),
        # dot segments
        ("https://e.com/a/./b/../c", "https://e.com/a/c", "https://e.com/a/x/../c"),
        # query order, encoding and tracking parameters
        (
            "https://e.com/s?q=%e2%82%ac&p=2",
            "https://e.com/s?p=2&q=€&utm_source=x",
            "https://e.com/s?p=2&q=%E2%82%AC",
        ),
    ],
)
def test_spellings_of_one_url_have_one_id(spellings):
    assert len({article_id(canonicalize_url(u)) for u in spellings}) == 1


def test_ipv6_literal_keeps_its_brackets():
    assert canonicalize_url("http://[::1]:8080/x") == "http://[::1]:8080/x"
    assert canonicalize_url("http://[::1]:80/x") == "http://[::1]/x"
