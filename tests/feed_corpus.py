"""Differential reading of feedparser's test corpus: troopwatch's parse_feed next to
feedparser on the same bytes and HTTP headers (used by tests/test_feed_corpus.py and
bench/bench_feed_corpus.py).

A file's HTTP headers are the `Header: Name: value` lines of its leading comment. Both
readers get the same base URL: the file's Content-Location header, else a fixed one.
"""

from __future__ import annotations

import inspect
import re
import signal
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
from feedparser.datetimes import _parse_date as feedparser_date

from troopwatch import feeds
from troopwatch.dates import parse_datetime
from troopwatch.feeds import FeedError, parse_feed
from troopwatch.paths import shared_corpus_dir

CORPUS = Path(
    __import__("os").environ.get("TROOPWATCH_FEED_CORPUS")
    or shared_corpus_dir() / "feedparser-tests"
)
_TAKES_HEADERS = "headers" in inspect.signature(parse_feed).parameters
DEFAULT_BASE = "http://corpus.example/feed"
PER_FILE_SECONDS = 10  # one file must never hang the run
# Date elements of RSS, RDF and Atom; their text is what a feed reader parses.
_DATE_ELEMENT = re.compile(
    rb"<((?:\w+:)?(?:pubDate|date|issued|modified|created|published|updated|lastBuildDate))"
    rb"(?:\s[^>]*)?>([^<]{1,100})</\1>"
)
# How the code reads a feed date (the code before the one date function had its own).
read_feed_date = getattr(feeds, "_date", None) or parse_datetime
_HEADER = re.compile(r"^\s*Header:\s*([\w-]+)\s*:\s*(.*?)\s*$", re.MULTILINE)


@dataclass
class FileResult:
    path: str
    ours: list | None = None  # FeedEntry list, None when refused or crashed
    refused: str | None = None  # FeedError message
    crashed: str | None = None  # any other exception
    theirs: list[str] = field(default_factory=list)  # feedparser's entry links (http)
    their_format: str = ""

    @property
    def ours_links(self) -> list[str]:
        return [e.url for e in self.ours or []]

    @property
    def zoneless(self) -> int:
        return sum(
            1
            for e in self.ours or []
            if e.published is not None and e.published.utcoffset() is None
        )


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS.rglob("*") if p.suffix in (".xml", ".json"))


def headers_of(body: bytes) -> dict[str, str]:
    head = body[:2000].decode("latin-1")
    end = head.find("-->")
    comment = head[: end if end >= 0 else len(head)]
    return {name.lower(): value for name, value in _HEADER.findall(comment)}


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def _bounded(fn, *args, **kwargs):
    """fn(*args, **kwargs), interrupted after PER_FILE_SECONDS; an alarm already set (the
    pytest-timeout one) is put back afterwards."""
    if threading.current_thread() is not threading.main_thread():
        return fn(*args, **kwargs)
    old = signal.signal(signal.SIGALRM, _alarm)
    pending = signal.alarm(PER_FILE_SECONDS)
    started = time.monotonic()
    try:
        return fn(*args, **kwargs)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        if pending:
            signal.alarm(max(1, pending - int(time.monotonic() - started)))


def _http(link: str) -> bool:
    return urlsplit(link).scheme in ("http", "https")


def feedparser_links(body: bytes, headers: dict[str, str], base: str) -> tuple[list[str], str]:
    """feedparser's entry links (absolute http(s), first occurrence kept) and its format."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parsed = feedparser.parse(body, response_headers={"content-location": base, **headers})
    links: list[str] = []
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str) and link:
            link = urljoin(base, link.strip())
            if _http(link) and link not in links:
                links.append(link)
    return links, parsed.get("version", "")


def compare(path: Path) -> FileResult:
    body = path.read_bytes()
    headers = headers_of(body)
    base = headers.get("content-location") or DEFAULT_BASE
    result = FileResult(str(path.relative_to(CORPUS)))
    try:
        if _TAKES_HEADERS:
            result.ours = _bounded(parse_feed, body, base, headers)
        else:  # the code before headers were passed (for before/after figures)
            result.ours = _bounded(parse_feed, body, base)
    except FeedError as exc:
        result.refused = str(exc)
    except Exception as exc:  # noqa: BLE001 - what the test counts
        result.crashed = f"{type(exc).__name__}: {exc}"
    try:
        result.theirs, result.their_format = _bounded(feedparser_links, body, headers, base)
    except _Timeout:
        result.their_format = "timeout"
    return result


def run_corpus() -> Iterator[FileResult]:
    for path in corpus_files():
        yield compare(path)


def lost(result: FileResult) -> bool:
    """feedparser reads linked entries here and we read none (CDF, which we do not
    read, aside)."""
    return bool(result.theirs) and not result.ours_links and result.their_format != "cdf"


def links_agree(result: FileResult) -> bool:
    """Where both read entries: our links are feedparser's http(s) links."""
    ours = [u for u in result.ours_links if _http(u)]
    return ours == result.theirs


@dataclass
class DateResult:
    text: str
    ours: object  # datetime or None
    theirs: tuple | None  # feedparser's UTC struct_time fields, or None

    @property
    def zoneless(self) -> bool:
        return self.ours is not None and self.ours.utcoffset() is None

    @property
    def agree(self) -> bool:
        """Both read it and name the same instant."""
        if self.ours is None or self.theirs is None or self.zoneless:
            return False
        utc = self.ours.astimezone(UTC) if self.ours.year > 1 else self.ours
        return tuple(utc.timetuple())[:6] == tuple(self.theirs)[:6]


def corpus_dates() -> Iterator[DateResult]:
    """Every distinct date text of the corpus, read by both (each file's own encoding
    aside: dates are ASCII in all but a few)."""
    seen: set[str] = set()
    for path in corpus_files():
        for _, raw in _DATE_ELEMENT.findall(path.read_bytes()):
            text = raw.decode("utf-8", errors="replace").strip()
            if not text or text in seen:
                continue
            seen.add(text)
            try:
                ours = read_feed_date(text)
            except Exception:  # noqa: BLE001 - counted as unreadable
                ours = None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                theirs = feedparser_date(text)
            yield DateResult(text, ours, tuple(theirs) if theirs else None)
