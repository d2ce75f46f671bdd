"""The outlet an article comes from, as a reader names it ("Yonhap News Agency", not
"en.yna.co.kr:443"): the catalogue's name for the source, or, for aggregators (Google
News, GDELT) and pages with no catalogue entry, the site name the page declares, and only
then its host."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from urllib.parse import urlsplit

# Sources that list many outlets: their catalogue name is the search, not the outlet.
AGGREGATOR_KINDS = frozenset({"gnews", "gdelt"})
# "Yonhap News Agency (English) - North Korea": the section after the dash is the feed's.
_SECTION = re.compile(r"\s+[-–—|]\s+[^-–—|]+$")
_HOSTLIKE = re.compile(r"^[\w.-]+\.[a-z]{2,}(:\d+)?$", re.IGNORECASE)


@lru_cache(maxsize=4)
def catalogue_names(path: str | None = None) -> dict[str, tuple[str, str]]:
    """Source id -> (name, kind) from the source catalogue."""
    from crawler.sources import load_sources

    return {s.id: (s.name, s.kind) for s in load_sources(path)}


def _host(url: object) -> str:
    try:
        host = urlsplit(str(url or "")).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def outlet_name(doc: Mapping, catalogue: Mapping[str, tuple[str, str]] | None = None) -> str:
    """A reader's name for the outlet of an article (or claim) document."""
    catalogue = catalogue_names() if catalogue is None else catalogue
    entry = catalogue.get(doc.get("source") or "")
    if entry and entry[1] not in AGGREGATOR_KINDS:
        return _SECTION.sub("", entry[0]).strip() or entry[0]
    site = " ".join(str(doc.get("site") or "").split())
    if site and not _HOSTLIKE.match(site):
        return site
    return _host(doc.get("url")) or site or "unknown outlet"
