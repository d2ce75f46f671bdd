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
