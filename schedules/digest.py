"""Alert data model and rendering (pure functions, no I/O).

A :class:`Digest` groups every new troop-figure claim found by one alert sweep, so
that several claims go out as one email / one Slack message. Rendering turns a
digest into an email (subject, text, HTML) or a Slack incoming-webhook payload.

Everything that comes from crawled pages (sentence, title, outlet, claimant, unit,
location, URL) is untrusted: it is normalised (control and bidi characters removed,
whitespace collapsed so it cannot fake extra lines) and then escaped for the target
medium. URLs become links only when they are http(s); they are percent-encoded so
they cannot break out of an ``href="…"`` or a Slack ``<url|label>``.
"""

from __future__ import annotations

import contextlib
import html
import logging
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from troopwatch.dates import parse_datetime
from troopwatch.kibana_links import KibanaLinks
from troopwatch.outlets import outlet_name
from troopwatch.timeline import TimelinePoint, timeline_png

log = logging.getLogger(__name__)

__all__ = [
    "AlertClaim",
    "CATEGORY_LABELS",
    "Digest",
    "SLACK_MAX_BLOCKS",
    "TimelineEntry",
    "by_category",
    "kibana_urls",
    "clean_text",
    "format_date",
    "format_figure",
    "render_problem",
    "render_email",
    "render_slack",
    "render_slack_messages",
    "render_slack_parts",
    "safe_url",
    "sample_digest",
    "slack_escape",
    "slack_link",
    "timeline_pictures",
    "timeline_points",
]

# ---------------------------------------------------------------------------
# Data model
# ---------------------------------------------------------------------------


@dataclass
class AlertClaim:
    """One new troop-figure claim, with the article it was read from."""

    figure_low: int | None
    figure_high: int | None
    qualifier: str
    category: str
    source: str  # the claimant, e.g. "NIS" or "unattributed"
    sentence: str
    unit: str | None = "troops"
    location: str | None = None
    lang: str | None = None
    claim_key: str = ""
    claim_id: str = ""
    title: str = ""
    outlet: str = ""  # site / publication the article came from
    published_at: datetime | None = None
    url: str = ""
    article_id: str = ""
    confidence: float | None = None  # the extractor's 0..1; None for claims indexed before it

    @classmethod
    def from_doc(
        cls,
        claim: Mapping[str, Any],
        article: Mapping[str, Any] | None = None,
        *,
        claim_id: str | None = None,
    ) -> AlertClaim:
        """Build from a claims-index document, completed by its article document.

        Tolerant of missing fields: the article supplies title/outlet/url/date when
        the claim document lacks them.
        """
        art = article or {}

        def pick(*values: Any) -> Any:
            return next((v for v in values if v not in (None, "")), None)

        return cls(
            figure_low=claim.get("figure_low"),
            figure_high=claim.get("figure_high"),
            qualifier=claim.get("qualifier") or "exact",
            category=claim.get("category") or "deployed",
            source=claim.get("source") or "unattributed",
            sentence=claim.get("sentence") or "",
            unit=claim.get("unit") or "troops",
            location=claim.get("location"),
            lang=claim.get("lang"),
            claim_key=claim.get("claim_key") or "",
            claim_id=claim_id or claim.get("claim_id") or claim.get("id") or "",
            title=pick(claim.get("title"), art.get("title")) or "",
            # A reader's name for the outlet (catalogue name, else the site name the page
            # declares, else the host). In a claim document "source" is the claimant, so
            # only the article's "source" (its catalogue id) may name the outlet.
            outlet=pick(claim.get("outlet"))
            or outlet_name(
                art or {"site": claim.get("site"), "url": pick(claim.get("url"), art.get("url"))}
            ),
            published_at=parse_datetime(pick(claim.get("published_at"), art.get("published_at"))),
            url=pick(claim.get("url"), art.get("canonical_url"), art.get("url")) or "",
            article_id=pick(claim.get("article_id"), art.get("article_id")) or "",
            confidence=_confidence(claim.get("confidence")),
        )


def _confidence(value: Any) -> float | None:
    """A claim document's confidence as a float in 0..1, None when absent or not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return min(max(float(value), 0.0), 1.0)


@dataclass
class TimelineEntry:
    """An earlier figure in the same category, for the short timeline."""

    figure_low: int | None
    figure_high: int | None
    qualifier: str
    source: str
    published_at: datetime | None = None
    url: str = ""

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> TimelineEntry:
        return cls(
            figure_low=doc.get("figure_low"),
            figure_high=doc.get("figure_high"),
            qualifier=doc.get("qualifier") or "exact",
            source=doc.get("source") or "unattributed",
            published_at=parse_datetime(doc.get("published_at")),
            url=doc.get("url") or "",
        )


@dataclass
class Digest:
    """All new claims of one sweep (or of one day: ``daily``) plus, per category, the
    earlier figures; ``kibana`` adds links into Kibana (None: no links at all)."""

    claims: list[AlertClaim]
    timelines: dict[str, list[TimelineEntry]] = field(default_factory=dict)
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    daily: str | None = None  # the day ("2024-11-05") of a daily digest; None: instant
    kibana: KibanaLinks | None = None


# ---------------------------------------------------------------------------
# Plain-text helpers shared by both media
# ---------------------------------------------------------------------------

CATEGORY_LABELS: dict[str, str] = {
    "deployed": "deployed",
    "planned": "planned deployment",
    "casualties": "casualties (killed and wounded)",
    "killed": "killed",
    "wounded": "wounded",
    "captured": "captured",
    "force_size": "force size",
}

_QUALIFIER_PREFIX = {
    "exact": "",
    "approx": "about ",
    "at_least": "at least ",
    "up_to": "up to ",
    "nearly": "nearly ",
    "more_than": "more than ",
    "vague": "",
}


def _number(value: Any) -> str:
    """12000 -> "12,000"; anything that is not a number is shown as (cleaned) text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return f"{value:,}"
        except (ValueError, OverflowError):  # nan, inf
            pass
    return clean_text(value)[:40] or "?"


def format_figure(low: Any, high: Any, qualifier: str | None) -> str:
    """Human form of a figure: "about 12,000", "10,000–12,000", "several (vague)".

    Never raises: a figure that is not a number (a hand-edited document) shows as text.
    """
    if low is None and high is None:
        return "several (vague)"
    if low is None:  # only an upper bound was stated
        return f"up to {_number(high)}"
    prefix = _QUALIFIER_PREFIX.get(qualifier if isinstance(qualifier, str) else "exact", "")
    number = _number(low) if high is None or high == low else f"{_number(low)}–{_number(high)}"
    suffix = " (vague)" if qualifier == "vague" else ""
    return f"{prefix}{number}{suffix}"


def format_date(value: datetime | None, *, with_time: bool = True) -> str:
    """UTC date (and time) of a datetime; naive datetimes are taken as UTC.

    Never raises: a date whose UTC form is out of range (0001-01-01T00:00+14:00 is
    year 0 in UTC) is shown as written, with its offset.
    """
    if not isinstance(value, datetime):
        return "date unknown"
    suffix = " UTC"
    if value.tzinfo is not None:
        try:
            value = value.astimezone(UTC)
        except (OverflowError, ValueError):
            offset = value.utcoffset()
            minutes = int(offset.total_seconds() // 60) if offset is not None else 0
            sign = "+" if minutes >= 0 else "-"
            suffix = f" UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    # By hand, not strftime: strftime("%Y") writes year 1 as "1" on glibc.
    day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if not with_time or (value.hour, value.minute) == (0, 0):
        return day
    return f"{day} {value.hour:02d}:{value.minute:02d}{suffix}"


# C0/C1 controls plus bidi overrides/isolates, which could visually reorder an alert.
_STRIP_CHARS = dict.fromkeys(
    [
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x061C,  # Arabic letter mark
        0x200E,  # left-to-right mark
        0x200F,  # right-to-left mark
        *range(0x202A, 0x202F),  # embeddings and overrides
        *range(0x2066, 0x206A),  # isolates
    ]
)
_WS_RE = re.compile(r"\s+")


def clean_text(value: Any) -> str:
    """Untrusted text as a single line: no controls, bidi tricks or line breaks."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    text = _WS_RE.sub(" ", text)  # before stripping controls so \n becomes a space
    return text.translate(_STRIP_CHARS).strip()


def _truncate(text: str, limit: int) -> str:
    """Cut to at most ``limit`` characters at a word boundary, adding an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def _fit(raw: str, limit: int, escape: Callable[[str], str]) -> str:
    """Escape ``raw`` and shorten it (before escaping) until the result fits ``limit``.

    Truncating before escaping never cuts an entity such as ``&amp;`` in half;
    the binary search copes with escaping that expands text unevenly.
    """
    text = clean_text(raw)
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    lo, hi = 0, len(text)
    best = escape("…")
    while lo <= hi:
        mid = (lo + hi) // 2
        candidate = escape(_truncate(text, mid))
        if len(candidate) <= limit:
            best, lo = candidate, mid + 1
        else:
            hi = mid - 1
    return best


_URL_SAFE = "/:?#[]@!$&'()*+,;=%~-._"  # RFC 3986 reserved + unreserved (minus | < > " etc.)


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), percent-encoded so it is inert in HTML and Slack links.

    Returns None for other schemes (``javascript:``, ``data:``…), missing hosts and
    URLs with control characters. Userinfo is dropped: ``https://bbc.com@evil/``
    is a classic disguise and no news article URL needs credentials.
    """
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    rebuilt = urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))
    return quote(rebuilt, safe=_URL_SAFE)


def _figure_unit(claim: AlertClaim) -> str:
    """Raw figure with its unit and confidence: "about 12,000 troops (confidence 0.85)"."""
    figure = format_figure(claim.figure_low, claim.figure_high, claim.qualifier)
    unit = f"{figure} {clean_text(claim.unit) or 'troops'}"
    if claim.confidence is not None:
        unit += f" (confidence {round(claim.confidence, 2):g})"
    return unit


def _headline(claim: AlertClaim) -> str:
    """Raw (unescaped) one-line summary: "about 12,000 troops — deployed"."""
    return f"{_figure_unit(claim)} — {_category_label(claim.category)}"


def _category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, clean_text(category))


def _sorted_timeline(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    # Oldest first; undated entries go first so the newest known figure ends the list.
    def key(e: TimelineEntry) -> tuple[bool, str]:
        # Compared as naive UTC ISO text: comparing aware datetimes near year 1 or 9999
        # can overflow.
        d = e.published_at
        if not isinstance(d, datetime):
            return (False, "")
        with contextlib.suppress(OverflowError, ValueError):
            d = d.astimezone(UTC) if d.tzinfo else d
        return (True, d.replace(tzinfo=None).isoformat())

    return sorted(entries, key=key)


TIMELINE_MAX_ENTRIES = 10  # "short timeline": the most recent earlier figures


def _claimant(value: str | None) -> str:
    return clean_text(value) or "unattributed"


# ---------------------------------------------------------------------------
# Kibana links and the timeline picture (shared by both media / the email)
# ---------------------------------------------------------------------------


def kibana_urls(digest: Digest, claim: AlertClaim) -> list[tuple[str, str]]:
    """(label, URL) of the Kibana links for a claim; none without a Kibana URL."""
    if digest.kibana is None:
        return []
    links: list[tuple[str, str]] = []
    try:
        if claim.claim_key:
            url = digest.kibana.dashboard_for_claim_key(clean_text(claim.claim_key))
            links.append(("dashboard for this figure", url))
        if claim.article_id:
            url = digest.kibana.discover_article(clean_text(claim.article_id))
            links.append(("article in Discover", url))
    except Exception as exc:  # the saved objects unreadable: an alert without links
        log.warning("alert: no Kibana links (%s: %s)", type(exc).__name__, exc)
        return []
    return [(label, url) for label, url in links if safe_url(url)]


def by_category(claims: Sequence[AlertClaim]) -> list[tuple[str, list[tuple[int, AlertClaim]]]]:
    """Claims grouped by category (in CATEGORY_LABELS order), numbered across groups."""
    order = list(CATEGORY_LABELS)
    groups: dict[str, list[AlertClaim]] = {}
    for claim in claims:
        groups.setdefault(claim.category, []).append(claim)
    cats = sorted(groups, key=lambda k: (order.index(k) if k in order else len(order), str(k)))
    numbered, index = [], 0
    for cat in cats:
        items = []
        for claim in groups[cat]:
            index += 1
            items.append((index, claim))
        numbered.append((cat, items))
    return numbered


def timeline_points(
    claims: Sequence[AlertClaim], earlier: Sequence[TimelineEntry], generated_at: datetime
) -> list[TimelinePoint]:
    """The picture's points: earlier figures, then the new ones (highlighted). Undated
    earlier figures and figures that are not numbers cannot be placed and are left out
    (the text list still shows them)."""

    def number(value: Any) -> bool:
        return value is None or (isinstance(value, int) and not isinstance(value, bool))

    points = []
    rows = [(e.published_at, e.figure_low, e.figure_high, e.source, e.qualifier, False)
            for e in earlier]  # fmt: skip
    rows += [
        (c.published_at or generated_at, c.figure_low, c.figure_high, c.source, c.qualifier, True)
        for c in claims
    ]
    for when, low, high, source, qualifier, new in rows:
        if not isinstance(when, datetime) or not (number(low) and number(high)):
            continue
        points.append(
            TimelinePoint(
                when=parse_datetime(when) or when,
                figure_low=low,
                figure_high=high,
                claimant=_claimant(source),
                qualifier=qualifier if isinstance(qualifier, str) else "exact",
                is_new=new,
            )
        )
    return points


def picture_alt(category: str, points: Sequence[TimelinePoint]) -> str:
    """The picture's alt text: what it shows, and that the text list says the same."""
    label = _category_label(category)
    claimants = sorted({p.claimant for p in points})
    new = [
        format_figure(p.figure_low, p.figure_high, p.qualifier) + f" ({p.claimant})"
        for p in points
        if p.is_new
    ]
    text = (
        f"Chart of {label} figures over time: {len(points)} figure(s) by "
        f"{len(claimants)} claimant(s) ({', '.join(claimants)})"
    )
    if new:
        text += f"; new: {', '.join(new)}"
    return _truncate(clean_text(text + ". The figures are listed in text below."), 600)


def timeline_pictures(digest: Digest) -> dict[str, bytes]:
    """Category -> timeline PNG for the email. A picture that cannot be drawn is left
    out (logged): the email still goes, with its text list."""
    pictures: dict[str, bytes] = {}
    for category, items in by_category(digest.claims):
        points = timeline_points(
            [c for _i, c in items], digest.timelines.get(category, []), digest.generated_at
        )
        title = f"North Korean troops: {_category_label(category)}"
        try:
            pictures[category] = timeline_png(points, clean_text(title)[:120])
        except Exception as exc:  # matplotlib on a date it cannot place, say
            reason = (str(exc).splitlines() or [""])[0][:200]
            log.warning(
                "alert: no timeline picture for %s (%s: %s)", category, type(exc).__name__, reason
            )
    return pictures


# ---------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------

SUBJECT_MAX = 150
EMAIL_SENTENCE_MAX = 2000
PICTURE_WIDTH = 880  # px: timeline_png's default 8 in at 110 dpi


def _email_subject(digest: Digest) -> str:
    claims = digest.claims
    daily = f"Daily digest {clean_text(digest.daily)}: " if digest.daily else ""
    if not claims:
        return f"[troopwatch] {daily}No new troop-figure claims"
    if len(claims) == 1 and not daily:
        c = claims[0]
        subject = f"[troopwatch] New troop figure: {_headline(c)} ({_claimant(c.source)})"
    else:
        parts = "; ".join(
            f"{format_figure(c.figure_low, c.figure_high, c.qualifier)} "
            f"{_category_label(c.category)}"
            for c in claims
        )
        noun = "claim" if len(claims) == 1 else "claims"
        subject = f"[troopwatch] {daily}{len(claims)} new troop-figure {noun}: {parts}"
    # clean_text keeps CR/LF out of the header; the length keeps it readable.
    return _truncate(clean_text(subject), SUBJECT_MAX)


def _text_claim(index: int, claim: AlertClaim, links: Sequence[tuple[str, str]]) -> list[str]:
    lines = [f"{index}. {_headline(claim)}"]
    lines.append(f"   Claimant:  {_claimant(claim.source)}")
    lines.append(f"   Qualifier: {clean_text(claim.qualifier)}")
    if claim.location:
        lines.append(f"   Location:  {clean_text(claim.location)}")
    lines.append(f"   “{_truncate(clean_text(claim.sentence), EMAIL_SENTENCE_MAX)}”")
    title = clean_text(claim.title) or "(untitled)"
    outlet = clean_text(claim.outlet) or "unknown outlet"
    lines.append(f"   Article:   {title} — {outlet}, {format_date(claim.published_at)}")
    url = safe_url(claim.url)
    if url is None:
        url = f"{clean_text(claim.url)} (not an http(s) link)" if claim.url else "(none)"
    lines.append(f"   Link:      {url}")
    for label, link in links:
        lines.append(f"   Kibana:    {label}: {safe_url(link)}")
    return lines


def _text_timeline(category: str, timeline: Sequence[TimelineEntry]) -> list[str]:
    lines = [f"   Earlier figures ({_category_label(category)}):"]
    entries = _sorted_timeline(timeline)
    if not entries:
        lines.append("     none recorded — this is the first figure in this category")
    hidden = len(entries) - TIMELINE_MAX_ENTRIES
    if hidden > 0:
        lines.append(f"     … {hidden} earlier figure(s) not shown")
        entries = entries[hidden:]
    for e in entries:
        figure = format_figure(e.figure_low, e.figure_high, e.qualifier)
        date = format_date(e.published_at, with_time=False)
        lines.append(f"     - {date}  {figure}  ({_claimant(e.source)})")
    return lines


def _html_link(url: str, label_html: str) -> str:
    safe = safe_url(url)
    if safe is None:
        return label_html
    href = html.escape(safe, quote=True)
    return f'<a href="{href}" rel="noopener noreferrer">{label_html}</a>'


def _html_claim(index: int, claim: AlertClaim, links: Sequence[tuple[str, str]]) -> str:
    e = html.escape
    rows = [
        ("Category", e(_category_label(claim.category))),
        ("Qualifier", e(clean_text(claim.qualifier))),
        ("Claimant", e(_claimant(claim.source))),
    ]
    if claim.location:
        rows.append(("Location", e(clean_text(claim.location))))
    title = e(clean_text(claim.title) or "(untitled)")
    outlet = e(clean_text(claim.outlet) or "unknown outlet")
    link = _html_link(claim.url, title)
    if safe_url(claim.url) is None and claim.url:
        link += f" <small>(not an http(s) link: {e(clean_text(claim.url))})</small>"
    rows.append(("Article", f"{link} — {outlet}, {e(format_date(claim.published_at))}"))
    if links:
        rows.append(("Kibana", " · ".join(_html_link(url, e(label)) for label, url in links)))
    table = "".join(
        f'<tr><th align="left" style="padding:2px 12px 2px 0">{k}</th><td>{v}</td></tr>'
        for k, v in rows
    )
    sentence = e(_truncate(clean_text(claim.sentence), EMAIL_SENTENCE_MAX))
    return (
        f'<div class="claim" style="margin:0 0 16px 0">'
        f'<h3 style="font-size:16px;margin:0 0 6px 0">{index}. {e(_headline(claim))}</h3>'
        f"<table>{table}</table>"
        f'<blockquote style="margin:8px 0;padding-left:10px;border-left:3px solid #999">'
        f"“{sentence}”</blockquote></div>"
    )


def _html_timeline(category: str, timeline: Sequence[TimelineEntry]) -> str:
    e = html.escape
    entries = _sorted_timeline(timeline)
    hidden = len(entries) - TIMELINE_MAX_ENTRIES
    items = []
    if hidden > 0:
        items.append(f"<li>… {hidden} earlier figure(s) not shown</li>")
        entries = entries[hidden:]
    for t in entries:
        date = _html_link(t.url, e(format_date(t.published_at, with_time=False)))
        figure = e(format_figure(t.figure_low, t.figure_high, t.qualifier))
        items.append(f"<li>{date} — <b>{figure}</b> ({e(_claimant(t.source))})</li>")
    if not items:
        items.append("<li>none recorded — this is the first figure in this category</li>")
    return (
        f'<p style="margin:4px 0">Earlier figures ({e(_category_label(category))}):</p>'
        f"<ul>{''.join(items)}</ul>"
    )


def render_email(digest: Digest, pictures: Mapping[str, str] | None = None) -> tuple[str, str, str]:
    """Subject, plain-text body and HTML body for a digest (one message for all claims).

    Claims are grouped by category; ``pictures`` maps a category to the Content-ID of
    its timeline picture (see :func:`timeline_pictures`), shown as ``<img src="cid:…">``
    with an alt text; the text list of earlier figures is always there.
    """
    pictures = pictures or {}
    subject = _email_subject(digest)
    n = len(digest.claims)
    kind = f"daily digest for {clean_text(digest.daily)}: " if digest.daily else ""
    intro = (
        f"{kind}{n} new troop-figure claim{'s' if n != 1 else ''} "
        f"(generated {format_date(digest.generated_at)})"
    )
    text_lines = [f"troopwatch — {intro}", ""]
    html_parts = []
    e = html.escape
    for category, items in by_category(digest.claims):
        timeline = digest.timelines.get(category, [])
        label = _category_label(category)
        text_lines += [f"== {label.capitalize()} ==", ""]
        section = [f'<h2 style="font-size:19px;margin:20px 0 8px 0">{e(label.capitalize())}</h2>']
        cid = pictures.get(category)
        if cid:
            points = timeline_points([c for _i, c in items], timeline, digest.generated_at)
            section.append(
                f'<img src="cid:{e(cid, quote=True)}" alt="{e(picture_alt(category, points))}" '
                f'width="{PICTURE_WIDTH}" style="max-width:100%;height:auto;border:0">'
            )
        for index, claim in items:
            links = kibana_urls(digest, claim)
            text_lines += _text_claim(index, claim, links)
            text_lines.append("")
            section.append(_html_claim(index, claim, links))
        text_lines += _text_timeline(category, timeline)
        text_lines.append("")
        section.append(_html_timeline(category, timeline))
        html_parts.append(f'<div class="category">{"".join(section)}</div>')
    text_lines.append("— troopwatch alert; figures are claims as reported, not verified facts.")
    text_body = "\n".join(text_lines) + "\n"
    html_body = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{e(subject)}</title></head>"
        '<body style="font-family:sans-serif">'
        f"<p>troopwatch — {e(intro)}</p>"
        f"{''.join(html_parts)}"
        "<p><small>troopwatch alert; figures are claims as reported, not verified facts."
        "</small></p></body></html>"
    )
    return subject, text_body, html_body


# ---------------------------------------------------------------------------
# Slack
# ---------------------------------------------------------------------------

SLACK_MAX_BLOCKS = 50
SLACK_SECTION_TEXT_MAX = 3000
SLACK_FIELD_MAX = 2000
SLACK_HEADER_MAX = 150
SLACK_FALLBACK_MAX = 3000
_BLOCKS_PER_CLAIM = 4  # section, context, timeline section, divider
_BLOCKS_OVERHEAD = 2  # header + context intro
CLAIMS_PER_SLACK_MESSAGE = (SLACK_MAX_BLOCKS - _BLOCKS_OVERHEAD) // _BLOCKS_PER_CLAIM
_SLACK_URL_MAX = 1000  # longer article URLs are shown without a link
_SLACK_TIMELINE_URL_MAX = 200

# Slack mrkdwn has no backslash escapes; lookalike characters render the same text
# without ever forming *bold*, _italic_, ~strike~ or `code`.
_SLACK_LOOKALIKES = str.maketrans({"*": "\u2217", "_": "\u02cd", "~": "\u223c", "`": "\u02cb"})
# Text broadcasts (with link_names) and @-mentions: a zero-width joiner breaks them.
_SLACK_MENTION_RE = re.compile(r"@(?=(?:channel|here|everyone|group)\b)", re.IGNORECASE)
# Slack auto-links bare "http://…" in text; a word joiner before ':' stops that.
_SLACK_SCHEME_RE = re.compile(r"\b(https?|ftp|mailto|slack|tel)(?=:)", re.IGNORECASE)


def slack_escape(value: Any) -> str:
    """Untrusted text made inert for Slack mrkdwn.

    &, <, > become entities as Slack documents, which disarms ``<!channel>``,
    ``<@U123>`` and ``<http://evil|click>``; formatting characters are replaced by
    lookalikes, ``@channel``-style words get a zero-width joiner and URL schemes a
    word joiner (no auto-links from page text).
    """
    text = clean_text(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.translate(_SLACK_LOOKALIKES)
    text = _SLACK_SCHEME_RE.sub("\\1\u2060", text)
    return _SLACK_MENTION_RE.sub("@\u200d", text)


def slack_link(url: Any, label: str, *, max_url: int = _SLACK_URL_MAX) -> str:
    """``<url|label>`` for an http(s) URL (label already escaped); else just the label."""
    safe = safe_url(url)
    if safe is None:
        return label
    # safe_url already percent-encoded | < >; & is escaped as Slack requires everywhere.
    encoded = safe.replace("&", "&amp;")
    return label if len(encoded) > max_url else f"<{encoded}|{label}>"


def _mrkdwn(text: str) -> dict[str, str]:
    return {"type": "mrkdwn", "text": text}


def _slack_timeline(category: str, timeline: Sequence[TimelineEntry]) -> str:
    title = f"*Earlier figures — {_fit(_category_label(category), 200, slack_escape)}:*"
    entries = _sorted_timeline(timeline)
    if not entries:
        return f"{title}\nnone recorded — first figure in this category"
    # Newest entries matter most: add from the end while they fit the budget.
    budget = SLACK_SECTION_TEXT_MAX - len(title) - 80
    lines: list[str] = []
    for t in reversed(entries[-TIMELINE_MAX_ENTRIES:]):
        date = format_date(t.published_at, with_time=False)
        figure = slack_escape(format_figure(t.figure_low, t.figure_high, t.qualifier))
        claimant = _fit(_claimant(t.source), 120, slack_escape)
        line = (
            f"• {slack_link(t.url, date, max_url=_SLACK_TIMELINE_URL_MAX)} — "
            f"*{figure}* — {claimant}"
        )
        if len(line) + 1 > budget:
            break
        budget -= len(line) + 1
        lines.append(line)
    hidden = len(entries) - len(lines)
    lines.reverse()
    if hidden:
        lines.insert(0, f"… {hidden} earlier figure(s) not shown")
    return "\n".join([title, *lines])


def _slack_claim_blocks(
    claim: AlertClaim,
    timeline: Sequence[TimelineEntry],
    links: Sequence[tuple[str, str]] = (),
) -> list[dict]:
    headline = _fit(_headline(claim), 300, slack_escape)
    title = _fit(clean_text(claim.title) or "(untitled)", 300, slack_escape)
    sentence = _fit(claim.sentence, 1200, slack_escape)
    # Budgets (headline 300, title 300, URL 1000, sentence 1200) keep this < 3000.
    text = f"*New figure: {headline}*\n*{slack_link(claim.url, title)}*\n>“{sentence}”"
    fields = [
        _mrkdwn(f"*Figure*\n{_fit(_figure_unit(claim), 500, slack_escape)}"),
        _mrkdwn(f"*Category*\n{_fit(_category_label(claim.category), 200, slack_escape)}"),
        _mrkdwn(f"*Qualifier*\n{_fit(claim.qualifier, 100, slack_escape)}"),
        _mrkdwn(f"*Claimant*\n{_fit(_claimant(claim.source), 500, slack_escape)}"),
    ]
    if claim.location:
        fields.append(_mrkdwn(f"*Location*\n{_fit(claim.location, 500, slack_escape)}"))
    outlet = _fit(clean_text(claim.outlet) or "unknown outlet", 300, slack_escape)
    context = f"{outlet} · {format_date(claim.published_at)}"
    if safe_url(claim.url) is None and claim.url:
        context += f" · link withheld (not http/https): {_fit(claim.url, 300, slack_escape)}"
    for label, url in links:  # our own URLs (Kibana), not page text
        context += f" · {slack_link(url, slack_escape(label))}"
    return [
        {"type": "section", "text": _mrkdwn(text), "fields": fields},
        {"type": "context", "elements": [_mrkdwn(context)]},
        {"type": "section", "text": _mrkdwn(_slack_timeline(claim.category, timeline))},
        {"type": "divider"},
    ]


def _slack_fallback(claims: Sequence[AlertClaim], total: int) -> str:
    head = f"troopwatch: {total} new troop-figure claim{'s' if total != 1 else ''}"
    parts = [
        f"{_fit(_headline(c), 300, slack_escape)} ({_fit(_claimant(c.source), 120, slack_escape)})"
        for c in claims
    ]
    text = head + (": " + "; ".join(parts) if parts else "")
    if len(text) > SLACK_FALLBACK_MAX:  # built from escaped pieces: cut at a safe point
        cut = text.rfind("; ", 0, SLACK_FALLBACK_MAX - 1)
        text = text[: cut if cut > 0 else len(head)] + "…"
    return text


def _slack_payload(
    digest: Digest, claims: Sequence[AlertClaim], part: int, parts: int
) -> dict[str, Any]:
    total = len(digest.claims)
    header = f"{total} new troop-figure claim{'s' if total != 1 else ''}"
    if total == 1:
        header = "New troop-figure claim"
    if digest.daily:
        header = f"Daily digest {clean_text(digest.daily)}: {header[0].lower()}{header[1:]}"
    if parts > 1:
        header += f" ({part}/{parts})"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": header[:SLACK_HEADER_MAX]}},
        {
            "type": "context",
            "elements": [
                _mrkdwn(
                    f"troopwatch · generated {format_date(digest.generated_at)} · "
                    "figures are claims as reported, not verified"
                )
            ],
        },
    ]
    if not claims:
        blocks.append({"type": "section", "text": _mrkdwn("No new troop-figure claims.")})
    for claim in claims:
        blocks += _slack_claim_blocks(
            claim, digest.timelines.get(claim.category, []), kibana_urls(digest, claim)
        )
    return {"text": _slack_fallback(claims, total), "blocks": blocks}


def render_slack_parts(digest: Digest) -> list[tuple[list[str], dict[str, Any]]]:
    """(claim ids, payload) per incoming-webhook message, each with ≤ 50 blocks.

    A claim is in exactly one part, so delivery can be tracked (and resumed) per part.
    """
    claims = digest.claims
    size = CLAIMS_PER_SLACK_MESSAGE
    chunks = [claims[i : i + size] for i in range(0, len(claims), size)] or [[]]
    return [
        ([c.claim_id for c in chunk], _slack_payload(digest, chunk, i, len(chunks)))
        for i, chunk in enumerate(chunks, 1)
    ]


def render_slack_messages(digest: Digest) -> list[dict[str, Any]]:
    """Incoming-webhook payloads for a digest, split so each has ≤ 50 blocks."""
    return [payload for _ids, payload in render_slack_parts(digest)]


def render_slack(digest: Digest) -> dict[str, Any]:
    """One incoming-webhook payload (``text`` fallback + Block Kit ``blocks``).

    A digest too big for one message (more than CLAIMS_PER_SLACK_MESSAGE claims)
    gets only its first part here; use :func:`render_slack_messages` to send all.
    """
    return render_slack_messages(digest)[0]


def render_problem(claim: AlertClaim, timeline: Sequence[TimelineEntry] = ()) -> str | None:
    """Why this claim cannot be rendered (in either medium), or None when it can.

    The alert sweep checks each claim alone before building a digest, so one claim no
    renderer copes with is set aside with this reason instead of failing the digest.
    """
    digest = Digest(claims=[claim], timelines={claim.category: list(timeline)})
    try:
        render_email(digest)
        render_slack_messages(digest)
    except Exception as exc:  # any renderer bug counts: the claim is what we set aside
        return f"cannot render claim {claim.claim_id or '?'}: {type(exc).__name__}: {exc}"[:500]
    return None


# ---------------------------------------------------------------------------
# Sample (for `troopwatch alerts test` and tests)
# ---------------------------------------------------------------------------


def sample_digest(now: datetime | None = None) -> Digest:
    """A harmless example digest, marked as a test, to check the alert channels."""
    now = now or datetime.now(UTC)
    claim = AlertClaim(
        figure_low=12000,
        figure_high=None,
        qualifier="approx",
        category="deployed",
        source="troopwatch test",
        sentence="[TEST] This is a troopwatch test alert: about 12,000 troops deployed.",
        unit="troops",
        location=None,
        lang="en",
        claim_key="test:deployed:12000",
        claim_id="test",
        title="troopwatch test alert",
        outlet="troopwatch",
        published_at=now,
        url="https://example.org/troopwatch-test",
    )
    earlier = [
        TimelineEntry(10000, None, "approx", "example claimant", datetime(2024, 10, 18, tzinfo=UTC))
    ]
    return Digest(claims=[claim], timelines={"deployed": earlier}, generated_at=now)
