"""`troopwatch report` end to end: claims and articles in the real Elasticsearch, the real
command line, and the HTML opened in headless Chromium (screenshot kept)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from tests.browser import colour_share, dump_dom, screenshot
from tests.conftest import run_troopwatch
from troopwatch.claims import extract_claims
from troopwatch.es.writer import ArticleWriter

ARTICLES = [
    (
        "seed",
        "2024-10-18",
        True,
        "South Korea's National Intelligence Service said North Korea "
        "has sent about 1,500 special forces troops to Russia's Far East.",
    ),
    (
        "a",
        "2024-11-05",
        False,
        "Ukrainian President Volodymyr Zelensky said 11,000 North Korean "
        "troops are now in the Kursk region.",
    ),
    (
        "b",
        "2024-12-20",
        False,
        "The Pentagon said about 12,000 North Korean soldiers have been deployed to Kursk.",
    ),
    (
        "c",
        "2025-01-14",
        False,
        "South Korea's spy agency said some 300 North Korean soldiers "
        "had been killed and 2,700 wounded in the fighting.",
    ),
]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.imgs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self.hrefs.append(a.get("href") or "")
        if tag in ("img", "script", "link", "iframe"):
            src = a.get("src") or a.get("href") or ""
            if tag == "img":
                self.imgs.append(src)
            if src and not src.startswith("data:"):
                self.external.append(src)


def write_articles(es, indices) -> None:
    docs = []
    for slug, day, seed, text in ARTICLES:
        url = f"https://meridian-wire.example/world/{slug}"
        docs.append(
            {
                "article_id": f"art-{slug}",
                "url": url,
                "canonical_url": url,
                "site": "Meridian Wire",
                "title": f"Report {slug}: North Korean troops",
                "text": text,
                "published_at": datetime.fromisoformat(day).replace(tzinfo=UTC).isoformat(),
                "is_seed": seed,
                "lang": "en",
                "claims": [c.to_dict() for c in extract_claims(text)],
            }
        )
    ArticleWriter(es, indices).write(docs)
    es.indices.refresh(index=[indices.articles, indices.claims, indices.claim_keys])


def test_report_is_self_contained_and_readable_in_a_browser(es, indices, tw_env, tmp_path: Path):
    write_articles(es, indices)
    out = tmp_path / "report.html"
    since = (datetime(2024, 10, 1)).strftime("%Y-%m-%d")
    done = run_troopwatch(["report", "--since", since, "--out", str(out)], tw_env)
    assert done.returncode == 0, done.stderr
    assert "claims" in done.stdout and out.exists()

    html = out.read_text(encoding="utf-8")
    parsed = Links()
    parsed.feed(html)
    assert parsed.external == []  # nothing to fetch: it can be mailed as it is
    assert len(parsed.imgs) >= 2 and all(
        s.startswith("data:image/png;base64,") for s in parsed.imgs
    )
    for href in parsed.hrefs:
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc, href

    dom = dump_dom(out)
    text = re.sub(r"<[^>]+>", " ", dom)
    for expected in (
        "11,000",
        "about 12,000",
        "300",
        "2,700",
        "Zelensky",
        "Pentagon",
        "Deployed",
        "Killed",
        "Wounded",
        "Meridian Wire",
        "Sources",
    ):
        assert expected in text, expected
    shot = screenshot(out, "report.png")
    # The pictures are drawn: their series colours and the red ring of a new figure show.
    assert colour_share(shot, (0x00, 0x72, 0xB2)) > 0.00005
    assert colour_share(shot, (0xC0, 0x00, 0x00)) > 0.0002
    assert colour_share(shot, (0xFF, 0xFF, 0xFF), tolerance=10) < 0.97  # not a blank page


def test_report_since_a_bad_date_is_one_line(tw_env, tmp_path: Path):
    done = run_troopwatch(
        ["report", "--since", "not a date", "--out", str(tmp_path / "r.html")], tw_env
    )
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "--since" in done.stderr
