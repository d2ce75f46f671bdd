"""Replay archived pages from local WARC files through the same pipelines; no network at all.

Files come from `-a paths=a.warc.gz,b.warc` or from catalogue entries of kind `warc`
whose urls are `file://` paths (a glob or a directory of `*.warc` / `*.warc.gz` is fine).
Only `response` records of HTML pages answered with 200 become articles. The payload is
de-chunked and gzip/deflate/brotli-decoded within DOWNLOAD_MAXSIZE, then decoded to text as a
live response would be: charset from the HTTP headers, else a BOM or `<meta charset>`, else
detection, so legacy encodings (windows-1251, EUC-KR, Shift_JIS) read correctly.

A damaged record is skipped on its own, counted as `warc/skipped/<reason>` (no_target_uri,
bad_http_headers, too_large, bad_encoding, bad_record; and status / not_html for pages that are no article)
and logged; a file cut short keeps the records before the damage and is reported
(`warc/skipped/truncated`, a warning and a source problem). Other files go on either way.
"""

from __future__ import annotations

import glob
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import scrapy
from scrapy.http import HtmlResponse
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import (
    StatusAndHeaders,
    StatusAndHeadersParser,
    StatusAndHeadersParserException,
)

from crawler.spiders.base import HTML_TYPES, ArticleSpider
from troopwatch.dates import parse_datetime
from troopwatch.sitemaps import (
    DEFAULT_MAX_SIZE,
    GZIP_MAGIC,
    InflateTooLarge,
    SitemapError,
    inflate_bounded,
)

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


@dataclass
class Archived:
    """One response record of an archive, or why it cannot be replayed (``skipped``)."""

    url: str | None
    offset: int  # of the record in the file, for log lines
    status: int = 0
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    captured: datetime | None = None
    # no_target_uri | bad_http_headers | too_large | bad_encoding | truncated
    skipped: str | None = None
    detail: str = ""


class _Skip(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason


def _payload(stream, http: StatusAndHeaders, max_size: int) -> bytes:
    """The HTTP payload, de-chunked and decoded, never more than ``max_size`` bytes in
    memory (warcio's own decoding has no bound: 1 MiB of gzip can inflate to 1 GiB)."""
    if (http.get_header("transfer-encoding") or "").strip().lower() == "chunked":
        stream = ChunkedDataReader(stream)  # de-chunk only; decoding below is bounded
    raw = _read(stream, max_size + 1)
    if len(raw) > max_size:
        raise _Skip("too_large", f"payload larger than {max_size} bytes")
    encoding = (http.get_header("content-encoding") or "").strip().lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            return inflate_bounded(raw, max_size, "deflate" if encoding == "deflate" else "gzip")
        except InflateTooLarge as exc:
            raise _Skip("too_large", str(exc)) from exc
        except SitemapError as exc:
            raise _Skip("bad_encoding", str(exc)) from exc
    if encoding == "br":
        # Decoded block by block by warcio; reading one byte past the bound stops it.
        body = _read(BufferedReader(io.BytesIO(raw), decomp_type="br"), max_size + 1)
        if len(body) > max_size:
            raise _Skip("too_large", f"br data inflates to more than {max_size} bytes")
        return body
    return raw  # identity, or an encoding we cannot undo (kept as it is, like warcio)


def _read(stream, limit: int) -> bytes:
    """Up to ``limit`` bytes (warcio's readers return one buffer per read call)."""
    parts, n = [], 0
    while n < limit and (part := stream.read(min(1 << 16, limit - n))):
        parts.append(part)
        n += len(part)
    return b"".join(parts)


def _drain(stream) -> None:
    while stream.read(1 << 16):
        pass


def archived_pages(path: Path, max_size: int = DEFAULT_MAX_SIZE) -> Iterator[Archived]:
    """Each response record of an archive, in order; a damaged one comes with the reason it
    is skipped, and damage that ends the file (a truncated record or archive) ends the
    iteration with a ``truncated`` entry, after every record read before it."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        # HTTP headers are parsed below, record by record: warcio's own parsing stops the
        # whole file at a response record without WARC-Target-URI.
        records = ArchiveIterator(fh, no_record_parse=True)
        offset, started = 0, False
        try:
            for record in records:
                started = True
                offset = records.offset  # where this record starts (get_record_offset reads it)
                if record.rec_type is None or (record.format == "warc" and record.length is None):
                    # A header cut off before its WARC-Type or Content-Length (both required).
                    yield Archived(None, offset, skipped="truncated", detail="record header cut")
                    return
                page = None
                if record.rec_type == "response" and record.length != 0:
                    page = _archived(record, offset, max_size)
                _drain(record.raw_stream)
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # Fewer bytes than the record's Content-Length: the file was cut here.
                    yield Archived(None, offset, skipped="truncated", detail="record cut short")
                    return
                if page is not None:
                    yield page
        except (ArchiveLoadFailed, EOFError, zlib.error, ValueError, AttributeError) as exc:
            if not started and isinstance(exc, ArchiveLoadFailed):
                raise  # not an archive at all: the caller reports the file as unreadable
            # warcio meets a cut-off record header in several ways, AttributeError included.
            yield Archived(None, offset, skipped="truncated", detail=f"unreadable: {exc!r}")
            return
        if records.offset < size:  # bytes left that hold no whole record
            yield Archived(
                None, records.offset, skipped="truncated", detail="ends inside a record header"
            )
        elif not _gzip_complete(path):
            # warcio ends quietly when a gzip member stops before its record's header.
            yield Archived(None, offset, skipped="truncated", detail="gzip stream cut short")


def _gzip_complete(path: Path) -> bool:
    """False for a gzip file whose last member is cut short (True for other files); one
    streaming pass, the inflated data is thrown away."""
    with path.open("rb") as fh:
        if fh.read(2) != GZIP_MAGIC:
            return True
        fh.seek(0)
        inflater, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
        try:
            while chunk := fh.read(1 << 16):
                while chunk:
                    fed = True
                    inflater.decompress(chunk, 1 << 20)
                    if inflater.eof:
                        chunk = inflater.unused_data
                        inflater, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
                    else:
                        chunk = inflater.unconsumed_tail
        except zlib.error:
            return False
        return inflater.eof or not fed


_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


def _archived(record, offset: int, max_size: int) -> Archived | None:
    """The page of a response record, a skipped entry saying why not, or None for a
    record that holds no HTTP response (dns:, whois: …)."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if record.format == "arc":
        url = url or record.rec_headers.get_header("uri")
    if not url:
        return Archived(None, offset, skipped="no_target_uri", detail="no WARC-Target-URI")
    if not url.lower().startswith(("http:", "https:")):
        return None
    captured = parse_datetime(record.rec_headers.get_header("WARC-Date") or "")
    try:
        http = _HTTP.parse(record.raw_stream)
    except (StatusAndHeadersParserException, EOFError, ValueError) as exc:
        return Archived(url, offset, skipped="bad_http_headers", detail=f"HTTP headers: {exc}")
    try:
        status = int(http.get_statuscode() or 0)
    except ValueError:
        status = 0
    try:
        body = _payload(record.raw_stream, http, max_size)
    except _Skip as skip:
        return Archived(url, offset, status, skipped=skip.reason, detail=str(skip))
    # The body is decoded now: its transfer and content encodings no longer apply.
    headers = [
        (k, v)
        for k, v in http.headers
        if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")
    ]
    return Archived(url, offset, status, headers, body, captured)


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
                self._fail_named(f"no WARC files match {spec}")
            for path in files:
                try:
                    for item in self.replay(path, source_id):
                        yield item
                except (OSError, ArchiveLoadFailed) as exc:
                    self.logger.warning("cannot read WARC file %s: %s", path, exc)
                    stats.inc_value("troopwatch/bad_warcs")
                    self.report_problem(source_id, str(path), f"unreadable WARC: {exc}")
                    self._fail_named(f"unreadable WARC {path}: {exc}")

    def _fail_named(self, reason: str) -> None:
        """Files named on the command line (a backfill task) that cannot be read fail the
        crawl, so the task is retried and then shown failed rather than done. A truncated
        file is not a failure: what it holds was read, and reading it again gives no more."""
        if self.paths:
            self.fail_task(reason)

    def replay(self, path: Path, source_id: str):
        stats = self.crawler.stats
        max_size = self.settings.getint("DOWNLOAD_MAXSIZE") or DEFAULT_MAX_SIZE
        for rec in archived_pages(path, max_size):
            if rec.skipped == "truncated":
                # Everything before the damage was replayed; the rest of the file is lost.
                stats.inc_value("warc/skipped/truncated")
                stats.inc_value("troopwatch/bad_warcs")
                self.logger.warning(
                    "WARC file %s is truncated at offset %d (%s); the records before it were read",
                    path,
                    rec.offset,
                    rec.detail,
                )
                self.report_problem(source_id, str(path), f"truncated WARC: {rec.detail}")
                return
            stats.inc_value("troopwatch/warc_responses")
            if rec.skipped:
                stats.inc_value(f"warc/skipped/{rec.skipped}")
                self.logger.warning(
                    "WARC file %s: record at offset %d (%s) skipped: %s",
                    path,
                    rec.offset,
                    rec.url or "no URL",
                    rec.detail,
                )
                continue
            headers = rec.headers
            content_type = next((v for k, v in headers if k.lower() == "content-type"), "")
            if rec.status != 200 or not any(t.decode() in content_type.lower() for t in HTML_TYPES):
                reason = "status" if rec.status != 200 else "not_html"
                stats.inc_value("troopwatch/warc_skipped")
                stats.inc_value(f"warc/skipped/{reason}")
                self.logger.debug("skipped archived %s (%s, %s)", rec.url, rec.status, content_type)
                continue
            try:
                request = scrapy.Request(rec.url, meta={"source": source_id, "feed": {}})
                response = HtmlResponse(
                    url=rec.url, status=rec.status, headers=headers, body=rec.body, request=request
                )
            except (TypeError, ValueError) as exc:  # an unusable URL or header
                stats.inc_value("warc/skipped/bad_record")
                self.logger.warning(
                    "WARC file %s: record at offset %d (%s) skipped: %s",
                    path,
                    rec.offset,
                    rec.url,
                    exc,
                )
                continue
            for item in self.parse_article(response):
                item["fetched_at"] = rec.captured or item["fetched_at"]  # when it was archived
                yield item
