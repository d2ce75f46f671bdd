"""Data model of the fixture press: sites, articles and the loader of the article files.

Articles live in ``articles/<lang>.yaml`` (one list per language). Two of them are copies of
seed articles: their body is read from ``data/seeds/`` at load time so they stay identical.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from troopwatch.languages import KB_LANGUAGES
from troopwatch.paths import SEEDS_DIR

HERE = Path(__file__).resolve().parent
ARTICLES_DIR = HERE / "articles"

# Canonical claimant names used in ``expected_claims[*].source``.
CLAIM_SOURCES = frozenset(
    {
        "NIS",  # South Korea's National Intelligence Service
        "South Korean military",  # Joint Chiefs of Staff in Seoul
        "Pentagon",
        "US State Department",
        "HUR",  # Ukraine's defence intelligence (GUR)
        "Zelensky",
        "Ukraine",  # Ukrainian government, army, SBU
        "UK Ministry of Defence",
        "Russia",  # Kremlin, Russian officials
        "Western officials",
        "Kyiv Post",
        "Miles Yu",
        "US Defense Department",
        "unattributed",
    }
)
QUALIFIERS = frozenset({"exact", "approx", "at_least", "up_to", "nearly", "more_than", "vague"})
CATEGORIES = frozenset(
    {"deployed", "planned", "casualties", "killed", "wounded", "captured", "force_size"}
)
LANGS = KB_LANGUAGES


@dataclass
class Site:
    """One fictional outlet, served under ``/<name>/`` on the press server."""

    name: str
    outlet: str
    native_name: str
    template: str
    lang: str
    country: str
    domain: str
    tz: str
    feeds: tuple[str, ...] = ("rss",)
    amp: bool = False
    gzip: bool = False  # answers Accept-Encoding: gzip with a compressed body
    base_url: str = ""
    articles: list[Article] = field(default_factory=list, repr=False)

    def _u(self, rel: str) -> str:
        return f"{self.base_url}/{self.name}/{rel}"

    @property
    def prefix(self) -> str:
        return f"/{self.name}/"

    @property
    def home_url(self) -> str:
        return self._u("")

    @property
    def feed_url(self) -> str:
        return self._u("rss.xml")

    @property
    def rss_url(self) -> str:
        return self.feed_url

    @property
    def atom_url(self) -> str | None:
        return self._u("atom.xml") if "atom" in self.feeds else None

    @property
    def json_feed_url(self) -> str | None:
        return self._u("feed.json") if "json" in self.feeds else None

    @property
    def rdf_url(self) -> str | None:
        return self._u("index.rdf") if "rdf" in self.feeds else None

    @property
    def sitemap_url(self) -> str:
        """Plain ``<urlset>`` with every article."""
        return self._u("sitemap.xml")

    @property
    def news_sitemap_url(self) -> str:
        return self._u("news-sitemap.xml")

    @property
    def sitemap_index_url(self) -> str:
        return self._u("sitemap_index.xml")

    @property
    def sitemap_gz_url(self) -> str:
        """Gzipped ``<urlset>`` of the archive (articles published before 2025-07-01)."""
        return self._u("sitemap-archive.xml.gz")

    @property
    def feed_urls(self) -> dict[str, str]:
        out = {"rss": self.feed_url}
        for kind, url in (("atom", self.atom_url), ("json", self.json_feed_url)):
            if url:
                out[kind] = url
        if self.rdf_url:
            out["rdf"] = self.rdf_url
        return out


@dataclass
class Article:
    """One article as served by the press (``body`` is the ground truth for extraction)."""

    slug: str
    site: Site
    lang: str
    title: str
    authors: list[str]
    published: datetime
    section: str
    body: list[str]
    on_topic: bool
    expected_claims: list[dict[str, Any]]
    updated: datetime | None = None
    syndication_of: str | None = None  # slug of the original wire story
    truncated: bool = False  # "Read more" teaser of another article
    seed_copy_of: str | None = None  # seed id (file stem) this article copies
    encoding: str | None = None  # legacy encoding the page is served in
    charset_in: str | None = None  # "header" or "meta": where that encoding is declared
    canonical_to: str | None = None  # slug whose URL this page declares canonical
    path: str = ""
    url: str = ""
    number: int = 0  # numeric id used by some URL styles
    published_at_runtime: bool = False

    @property
    def outlet(self) -> str:
        return self.site.outlet

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.body)

    @property
    def modified(self) -> datetime:
        return self.updated or self.published

    @property
    def summary(self) -> str:
        first = self.body[0]
        if len(first) <= 220:
            return first
        cut = first[:220]
        return cut[: cut.rfind(" ")] + " …" if " " in cut else cut + "…"

    @property
    def amp_url(self) -> str | None:
        if not self.site.amp:
            return None
        return f"{self.site.base_url}/{self.site.name}/amp/{self.slug}"

    @property
    def image_url(self) -> str:
        return f"{self.site.base_url}/{self.site.name}/img/{self.slug}.png"

    @property
    def is_copy(self) -> bool:
        return bool(self.syndication_of or self.seed_copy_of)

    def __repr__(self) -> str:
        return f"Article({self.site.name}/{self.slug}, {self.lang}, on_topic={self.on_topic})"


def _normalise_claim(raw: dict[str, Any]) -> dict[str, Any]:
    claim = {
        "figure_low": raw.get("figure_low"),
        "figure_high": raw.get("figure_high"),
        "qualifier": raw["qualifier"],
        "category": raw["category"],
        "unit": raw.get("unit", "troops"),
        "source": raw.get("source", "unattributed"),
        "location": raw.get("location"),
    }
    return claim


def seed_paragraphs(seed_id: str) -> tuple[str, list[str]]:
    """Title (first line) and paragraphs of a seed file; wrapped lines are re-joined."""
    matches = sorted(SEEDS_DIR.glob(f"{seed_id}*.txt"))
    if not matches:
        raise FileNotFoundError(f"seed {seed_id} not found in {SEEDS_DIR}")
    lines = [ln.strip() for ln in matches[0].read_text(encoding="utf-8").splitlines()]
    paras: list[str] = []
    for line in lines:
        if not line:
            continue
        # a line starting in lower case continues a hard-wrapped paragraph
        if paras and line[0].islower():
            paras[-1] = f"{paras[-1]} {line}"
        else:
            paras.append(line)
    return paras[0], paras


def seed_stem(seed_id: str) -> str:
    return sorted(SEEDS_DIR.glob(f"{seed_id}*.txt"))[0].stem


@cache
def load_raw_articles() -> tuple[dict[str, Any], ...]:
    """Every article record from the YAML files, in a stable order (read once per process)."""
    records: list[dict[str, Any]] = []
    for lang in LANGS:
        path = ARTICLES_DIR / f"{lang}.yaml"
        if not path.exists():
            continue
        for rec in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            rec.setdefault("lang", lang)
            records.append(rec)
    return tuple(records)


def _as_datetime(value: Any) -> datetime:
    dt = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if dt.tzinfo is None:
        raise ValueError(f"published datetime without timezone: {value!r}")
    return dt


def _paragraphs(body: Any) -> list[str]:
    parts = re.split(r"\n\s*\n", body) if isinstance(body, str) else list(body)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p and p.strip()]


def build_article(rec: dict[str, Any], site: Site, number: int) -> Article:
    """Make an Article from one YAML record (or a ``publish`` dict)."""
    body = rec.get("body")
    title = rec.get("title")
    seed = rec.get("seed_copy_of")
    if seed:
        seed_title, paras = seed_paragraphs(str(seed))
        if rec.get("seed_title_is_first_line", True):
            paras = paras[1:]
            title = title or seed_title
        body = paras
        seed = seed_stem(str(seed))
    if not title or not body:
        raise ValueError(f"article {rec.get('slug')!r} needs a title and a body")
    paras = _paragraphs(body)
    slug = rec.get("slug") or slugify(title)
    authors = rec.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    return Article(
        slug=slug,
        site=site,
        lang=rec.get("lang") or site.lang,
        title=title.strip(),
        authors=list(authors),
        published=_as_datetime(rec["published"]),
        updated=_as_datetime(rec["updated"]) if rec.get("updated") else None,
        section=rec.get("section") or "News",
        body=paras,
        on_topic=bool(rec.get("on_topic", False)),
        expected_claims=[_normalise_claim(c) for c in rec.get("expected_claims") or []],
        syndication_of=rec.get("syndication_of"),
        truncated=bool(rec.get("truncated", False)),
        seed_copy_of=seed,
        encoding=rec.get("encoding"),
        charset_in=rec.get("charset_in"),
        canonical_to=rec.get("canonical_to"),
        number=number,
    )


def slugify(text: str) -> str:
    ascii_part = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    if len(ascii_part) >= 8:
        return ascii_part[:80].rstrip("-")
    # non-Latin titles: a stable hash keeps slugs ASCII
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
