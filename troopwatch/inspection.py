"""`troopwatch inspect URL|FILE`: what the pipeline does with one page or feed, stage by
stage, without indexing anything — the first thing to run when an article was missed.

A feed (RSS, Atom, RDF, JSON Feed) shows the entries found; a page goes through the same
plain functions as the item pipelines: extraction (text, title, date, site), language,
relevance, duplicate check (against Elasticsearch when it answers, else the seed
articles), entities and claims. Each stage says what it found and whether the pipeline
would go on.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MAX_BYTES = 10 * 1024 * 1024
USER_AGENT = "troopwatch-inspect (+https://github.com/troopwatch)"


class InspectError(Exception):
    """The input could not be read; the message is one line."""


@dataclass
class Stage:
    name: str
    ok: bool  # would the pipeline go on after this stage
    summary: str
    details: dict[str, Any] = field(default_factory=dict)


def fetch(url: str, timeout: float = 20.0) -> tuple[bytes, dict[str, str], str]:
    """(body, lower-case headers, final URL) of one http(s) URL, at most MAX_BYTES."""
    if not url.lower().startswith(("http://", "https://")):
        raise InspectError(f"not an http(s) URL: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:  # noqa: S310 - http(s) only
            body = resp.read(MAX_BYTES + 1)
            headers = {k.lower(): v for k, v in resp.headers.items()}
            final = resp.geturl()
    except urllib.error.HTTPError as exc:
        raise InspectError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InspectError(f"{url}: cannot fetch ({reason})") from exc
    if len(body) > MAX_BYTES:
        raise InspectError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MB")
    return body, headers, final


def read_input(target: str) -> tuple[bytes, dict[str, str], str]:
    """(body, headers, URL) of a URL or a local file (whose URL is file://…)."""
    if target.lower().startswith(("http://", "https://")):
        return fetch(target)
    path = Path(target)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise InspectError(f"cannot read {target}: {exc.strerror}") from exc
    return body, {}, path.resolve().as_uri()


def looks_like_feed(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    if head[:1] in (b"{", b"["):
        return b"jsonfeed" in body[:4096].lower() or b'"items"' in body[:65536]
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


def decode_html(body: bytes, headers: dict[str, str]) -> str:
    from w3lib.encoding import html_to_unicode

    _encoding, text = html_to_unicode(headers.get("content-type"), body)
    return text


def inspect_feed(body: bytes, url: str, headers: dict[str, str] | None = None) -> list[Stage]:
    from troopwatch.feeds import FeedError, parse_feed

    try:
        entries = parse_feed(body, url, headers)
    except FeedError as exc:
        return [Stage("feed", False, f"unreadable feed: {exc}")]
    rows = [
        {
            "url": e.url,
            "title": e.title,
            "published": e.published.isoformat() if e.published else None,
            "site": e.site,
        }
        for e in entries
    ]
    problem = getattr(entries, "problem", None)
    summary = f"{len(entries)} entries" + (
        f" (damaged feed, recovered: {problem})" if problem else ""
    )
    return [Stage("feed", bool(entries), summary, {"entries": rows})]


def inspect_page(
    html: str, url: str, duplicate_check: Callable[[str], tuple[str | None, float, str]]
) -> list[Stage]:
    """Every pipeline stage on one page; stops where the pipeline would drop it."""
    from troopwatch.claims import extract_claims
    from troopwatch.entities.tagger import entity_fields, tag_entities
    from troopwatch.extract import extract_article
    from troopwatch.langid import detect_language
    from troopwatch.relevance import score_relevance
    from troopwatch.urls import article_id, canonicalize_url

    stages: list[Stage] = []
    extracted = extract_article(html, url)
    if extracted is None or not extracted.text.strip():
        return [Stage("clean", False, "no article text found: the pipeline drops the page")]
    canonical = canonicalize_url(url)
    stages.append(
        Stage(
            "clean",
            True,
            f"{len(extracted.text)} characters of text",
            {
                "canonical_url": canonical,
                "article_id": article_id(canonical),
                "title": extracted.title,
                "published_at": extracted.published_at.isoformat()
                if extracted.published_at
                else None,
                "site": extracted.site,
                "text": extracted.text,
            },
        )
    )
    text = f"{extracted.title or ''}\n{extracted.text}"
    lang = detect_language(text, hint=extracted.html_lang)
    stages.append(Stage("language", lang is not None, lang or "unknown", {"lang": lang}))
    relevance = score_relevance(extracted.title, extracted.text, lang)
    stages.append(
        Stage(
            "relevance",
            relevance.is_relevant,
            f"score {relevance.score:.2f}: "
            + ("on topic" if relevance.is_relevant else "off topic, not indexed"),
            {"score": relevance.score, "terms": list(relevance.terms)},
        )
    )
    original, similarity, against = duplicate_check(extracted.text)
    stages.append(
        Stage(
            "dedupe",
            True,
            (f"copy of {original}" if original else "not a duplicate")
            + f" (best similarity {similarity:.3f}, checked against {against})",
            {"duplicate_of": original, "similarity": similarity},
        )
    )
    entities = entity_fields(tag_entities(text, lang))
    named = sum(len(v) for k, v in entities.items() if k != "entity_ids")
    stages.append(Stage("entities", True, f"{named} entities", entities))
    claims = [c.to_dict() for c in extract_claims(extracted.text)]
    stages.append(Stage("claims", True, f"{len(claims)} claims", {"claims": claims}))
    return stages


def inspect(
    target: str, duplicate_check: Callable[[str], tuple[str | None, float, str]]
) -> tuple[str, list[Stage]]:
    """('feed' or 'page', stages) for a URL or file."""
    body, headers, url = read_input(target)
    if looks_like_feed(body):
        return "feed", inspect_feed(body, url, headers)
    return "page", inspect_page(decode_html(body, headers), url, duplicate_check)


def as_json(kind: str, stages: list[Stage]) -> dict:
    return {"kind": kind, "stages": [asdict(s) for s in stages]}


def format_stages(kind: str, stages: list[Stage], full_text: bool = False) -> str:
    """Human-readable report, one block per stage."""
    lines = [f"{kind}:"]
    for s in stages:
        lines.append(f"  [{'ok' if s.ok else '--'}] {s.name}: {s.summary}")
        for key, value in s.details.items():
            if key == "text" and not full_text:
                value = (value[:300] + "…") if len(value) > 300 else value
                value = " ".join(value.split())
            if key in ("entries", "claims"):
                for row in value:
                    lines.append(f"        - {row}")
                continue
            if value in (None, [], {}):
                continue
            lines.append(f"        {key}: {value}")
    return "\n".join(lines)
