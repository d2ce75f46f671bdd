"""The source catalogue: what to crawl, how, and how often."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

CATALOGUE = Path(__file__).resolve().parent / "sources.yaml"
KINDS = ("feed", "news_sitemap", "sitemap", "gdelt", "gnews", "warc")


class CatalogueError(ValueError):
    pass


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    kind: str
    urls: tuple[str, ...]
    lang: str
    country: str | None = None
    interval_minutes: int = 60
    enabled: bool = True
    query: str | None = None
    # Non-public networks this source's requests (its feed and the links in it) may
    # reach, e.g. an intranet feed: (ip_network, ...). Other sources stay refused.
    allowed_networks: tuple = ()
    extra: dict = field(default_factory=dict)


def _networks(path: Path, sid: str, value) -> tuple:
    items = [value] if isinstance(value, str) else list(value or [])
    try:
        return tuple(ipaddress.ip_network(str(n).strip(), strict=False) for n in items)
    except ValueError as exc:
        raise CatalogueError(f"{path}: source {sid}: allowed_networks: {exc}") from exc


def load_sources(path: str | Path | None = None) -> list[Source]:
    path = Path(path) if path else CATALOGUE
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogueError(f"cannot read source catalogue {path}: {exc}") from exc
    sources = []
    seen: set[str] = set()
    for raw in (doc or {}).get("sources", []):
        raw = dict(raw)
        sid = raw.pop("id", None)
        if not sid or sid in seen:
            raise CatalogueError(f"{path}: source without id or duplicate id {sid!r}")
        seen.add(sid)
        kind = raw.pop("kind", None)
        if kind not in KINDS:
            raise CatalogueError(f"{path}: source {sid}: kind {kind!r} not one of {KINDS}")
        urls = raw.pop("urls", None) or [raw.pop("url", None)]
        urls = tuple(u.strip() for u in ([urls] if isinstance(urls, str) else urls) if u)
        if not urls:
            raise CatalogueError(f"{path}: source {sid} has no url")
        # file:// feeds are for local use: the crawler reads a source's own file:// URL,
        # never a file:// link found in a document.
        schemes = ("file",) if kind == "warc" else ("http", "https", "file")
        bad = [u for u in urls if urlsplit(u).scheme not in schemes]
        if bad:
            raise CatalogueError(
                f"{path}: source {sid}: {bad[0]!r} is not a {'/'.join(schemes)} URL"
            )
        try:
            interval = int(raw.pop("interval_minutes", 60))
        except (TypeError, ValueError):
            interval = 0
        if interval <= 0:
            raise CatalogueError(
                f"{path}: source {sid}: interval_minutes must be a positive number"
            )
        sources.append(
            Source(
                id=sid,
                name=raw.pop("name", sid),
                kind=kind,
                urls=urls,
                lang=raw.pop("lang", "en"),
                country=raw.pop("country", None),
                interval_minutes=interval,
                enabled=bool(raw.pop("enabled", True)),
                query=raw.pop("query", None),
                allowed_networks=_networks(path, sid, raw.pop("allowed_networks", None)),
                extra=raw,
            )
        )
    return sources


def sources_for(settings_value: str | None, kinds: tuple[str, ...], only: list[str] | None = None):
    """Enabled sources of the given kinds, optionally limited to some ids."""
    return [
        s
        for s in load_sources(settings_value)
        if s.kind in kinds and s.enabled and (not only or s.id in only)
    ]
