"""Replay archived pages from local WARC files through the same pipelines; no network at all.

Files come from `-a paths=a.warc.gz,b.warc` or from catalogue entries of kind `warc`
whose urls are `file://` paths (a glob or a directory of `*.warc` / `*.warc.gz` is fine).
Only `response` records of HTML pages answered with 200 become articles. The payload is
de-chunked and gzip/deflate/brotli-decoded by warcio, then decoded to text as a live
response would be: charset from the HTTP headers, else a BOM or `<meta charset>`, else
detection, so legacy encodings (windows-1251, EUC-KR, Shift_JIS) read correctly.
"""

from __future__ import annotations

import glob
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.http import HtmlResponse
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.spiders.base import HTML_TYPES, ArticleSpider
from troopwatch.dates import parse_datetime

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def warc_files(spec: str) -> list[Path]:
    """Files named by a path, `file://` URL, glob pattern or directory."""
    if spec.startswith("file://"):
        spec = unquote(urlsplit(spec).path)
    path = Path(spec).expanduser()
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.name.endswith(WARC_SUFFIXES))
    if any(ch in spec for ch in "*?["):
        return sorted(Path(p) for p in glob.glob(str(path)))
    return [path]


def archived_pages(
    path: Path,
) -> Iterator[tuple[str, int, list[tuple[str, str]], bytes, datetime | None]]:
    """(url, status, HTTP headers, decoded body, capture time) of each response record."""
    with path.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                status = int(record.http_headers.get_statuscode() or 0)
            except ValueError:
                status = 0
            headers = list(record.http_headers.headers)
            # content_stream() undoes chunking and Content-Encoding, which we then drop.
            body = record.content_stream().read()
            headers = [
                (k, v)
                for k, v in headers
                if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")
            ]
            captured = parse_datetime(record.rec_headers.get_header("WARC-Date") or "")
            yield url, status, headers, body, captured


class WarcSpider(ArticleSpider):
    name = "warc"
    source_kinds = ("warc",)

    def __init__(self, paths: str | None = None, **kwargs):
        super().__init__(**kwargs)
        self.paths = [p for p in (paths or "").split(",") if p]

    def inputs(self) -> list[tuple[str, str]]:
        """(source id, file spec) pairs to replay."""
        if self.paths:
            return [("warc", p) for p in self.paths]
        return [(s.id, url) for s in self.catalogue() for url in s.urls]

    async def start(self):
        stats = self.crawler.stats
        for source_id, spec in self.inputs():
            files = warc_files(spec)
            if not files:
                self.logger.warning("no WARC files match %s (source %s)", spec, source_id)
            for path in files:
                try:
                    for item in self.replay(path, source_id):
                        yield item
                except (OSError, ArchiveLoadFailed) as exc:
                    self.logger.warning("cannot read WARC file %s: %s", path, exc)
                    stats.inc_value("troopwatch/bad_warcs")
                    self.report_problem(source_id, str(path), f"unreadable WARC: {exc}")

    def replay(self, path: Path, source_id: str):
        stats = self.crawler.stats
        for url, status, headers, body, captured in archived_pages(path):
            stats.inc_value("troopwatch/warc_responses")
            content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
            if status != 200 or not any(t.decode() in content_type.lower() for t in HTML_TYPES):
                stats.inc_value("troopwatch/warc_skipped")
                self.logger.debug("skipped archived %s (%s, %s)", url, status, content_type)
                continue
            request = scrapy.Request(url, meta={"source": source_id, "feed": {}})
            response = HtmlResponse(
                url=url, status=status, headers=headers, body=body, request=request
            )
            for item in self.parse_article(response):
                item["fetched_at"] = captured or item["fetched_at"]  # when it was archived
                yield item
