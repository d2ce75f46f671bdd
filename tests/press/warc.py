"""Write a WARC file of press pages, rendered offline through the same routing as the server."""

from __future__ import annotations

import io
from datetime import UTC, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .routes import PressState

DEFAULT_BASE = "http://127.0.0.1:8765"
WARC_SITES = ("meridian-wire", "kyiv-courier", "vostok-inform", "le-veilleur")
REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found"}


def default_urls(state: PressState) -> list[str]:
    """Every article of four sites (gzip-encoded ones from meridian-wire and kyiv-courier,
    windows-1251 ones from vostok-inform), an RSS feed and one 404."""
    urls = [a.url for a in state.articles if a.site.name in WARC_SITES]
    urls.append(state.site_by_name["meridian-wire"].feed_url)
    urls.append(state.base_url + "/bad/no-such-article")
    return urls


def write_warc(
    path: str | Path,
    urls: list[str] | None = None,
    *,
    state: PressState | None = None,
    base_url: str = DEFAULT_BASE,
) -> list[str]:
    """Write ``warcinfo``, then a ``request`` and a ``response`` record per URL.

    ``urls`` may hold full URLs, paths or article slugs; without it, ``default_urls``.
    Responses of gzip-capable sites are stored gzip-encoded (``Content-Encoding: gzip``), as a
    browser asking with ``Accept-Encoding: gzip`` gets them. A ``.gz`` suffix compresses each
    record. Returns the URLs written.
    """
    state = state or PressState(base_url)
    targets = default_urls(state) if urls is None else [_resolve(state, u) for u in urls]
    path = Path(path)
    written: list[str] = []
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        info = writer.create_warcinfo_record(
            path.name,
            {"software": "troopwatch fixture press", "format": "WARC File Format 1.1"},
        )
        writer.write_record(info)
        for url in targets:
            rel = url[len(state.base_url) :] or "/"
            art = state.by_path.get(rel)
            req_headers = {
                "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) FixtureCrawler/1.0",
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Encoding": "gzip, deflate",
            }
            resp = state.handle("GET", rel, req_headers)
            date = (art.published + timedelta(hours=1)) if art else None
            warc_date = (date or state.site_modified(state.sites[0])).astimezone(UTC)
            warc_headers = {"WARC-Date": warc_date.strftime("%Y-%m-%dT%H:%M:%SZ")}

            host = state.base_url.split("//", 1)[1]
            req_http = StatusAndHeaders(
                f"GET {rel} HTTP/1.1", [("Host", host), *req_headers.items()], is_http_request=True
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "request",
                    payload=io.BytesIO(b""),
                    length=0,  # a known length keeps warcio from spooling to a temp file
                    http_headers=req_http,
                    warc_headers_dict=warc_headers,
                )
            )
            headers = []
            if resp.content_type:
                headers.append(("Content-Type", resp.content_type))
            headers += list(resp.headers)
            headers.append(("Content-Length", str(len(resp.body))))
            status = f"{resp.status} {REASONS.get(resp.status, 'Unknown')}"
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(resp.body),
                    length=len(resp.body),
                    http_headers=http,
                    warc_headers_dict=warc_headers,
                )
            )
            written.append(url)
    return written


def _resolve(state: PressState, u: str) -> str:
    if u.startswith("http://") or u.startswith("https://"):
        return u
    if u.startswith("/"):
        return state.base_url + u
    if u in state.by_slug:
        return state.by_slug[u].url
    raise KeyError(f"not a URL, path or article slug: {u!r}")
