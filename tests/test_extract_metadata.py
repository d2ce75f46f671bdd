"""Article metadata (troopwatch.extract.trafilatura_metadata) is trafilatura's own.

extract_article reads title, authors, site and the fallback date with a trimmed copy of
trafilatura's `extract_metadata` (no categories, tags or licence; htmldate only when the
page's own metadata gave no date). Every field it keeps must equal what `extract_metadata`
finds, on every real page of the extraction benchmark and every page of the fixture press;
a trafilatura upgrade that changes its steps fails here, not silently in the index.
"""

from __future__ import annotations

import pytest
import trafilatura
from trafilatura.metadata import extract_metadata

from tests.press.routes import PressState
from troopwatch.extract import extract_article, html_tree, trafilatura_metadata
from troopwatch.paths import EXTRACTION_CORPUS

FIELDS = ("title", "author", "url", "hostname", "sitename", "date")
URL = "https://www.example-news.com/world/2024/11/article.html"


def pages() -> list[tuple[str, str]]:
    out = [
        (p.name, p.read_text("utf-8", errors="replace"))
        for p in sorted(EXTRACTION_CORPUS.glob("html/*.html"))
    ]
    press = PressState("http://127.0.0.1:8000")
    out += [(a.slug, press.render(a)) for a in press.articles]
    return out


PAGES = pages()


def test_the_pages_are_there() -> None:
    # Both sources must be present, or the comparison below would prove nothing.
    assert len(PAGES) > 200
    assert sum(name.endswith(".html") for name, _ in PAGES) >= 150


@pytest.mark.parametrize("name,page", PAGES, ids=[n[:24] for n, _ in PAGES])
def test_fields_equal_trafilaturas_own(name: str, page: str) -> None:
    tree = html_tree(page)
    want = extract_metadata(html_tree(page), URL, None, True)
    got = trafilatura_metadata(tree, URL, with_date=True)
    assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(want, f) for f in FIELDS}


@pytest.mark.parametrize("name,page", PAGES[::7], ids=[n[:24] for n, _ in PAGES[::7]])
def test_text_equals_trafilaturas_with_its_metadata(name: str, page: str) -> None:
    # The metadata is read before the text; the text must not change for it.
    article = extract_article(page, URL)
    doc = trafilatura.bare_extraction(
        html_tree(page),
        url=URL,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        fast=True,
    )
    if doc is None or not (doc.text or "").strip():
        assert article is None
        return
    assert article is not None
    assert article.text == doc.text.strip()
    assert article.title == ((doc.title or "").strip() or None)
    assert article.site == (doc.sitename or doc.hostname)
