"""`troopwatch report`: one self-contained HTML page for a briefing.

Per claim category a timeline picture (inline PNG) and the figures by claimant; the latest
relevant articles; the health of every source. No external asset (styles inline, pictures
as data: URIs), so the file can be mailed or attached as it is. `collect_report` reads
Elasticsearch; `render_report` is a pure function of what it read.
"""

from __future__ import annotations

import base64
import html
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from elasticsearch import Elasticsearch, helpers

from schedules.digest import CATEGORY_LABELS, clean_text, format_figure, safe_url
from troopwatch.dates import parse_datetime, utcnow
from troopwatch.es.indices import Indices
from troopwatch.outlets import outlet_name
from troopwatch.timeline import TimelinePoint, timeline_png

CATEGORY_ORDER = (
    "deployed",
    "planned",
    "casualties",
    "killed",
    "wounded",
    "captured",
    "force_size",
)
CLAIM_FIELDS = [
    "claim_key",
    "category",
    "figure_low",
    "figure_high",
    "qualifier",
    "source",
    "unit",
    "location",
    "sentence",
    "url",
    "site",
    "published_at",
    "first_seen",
    "is_new",
    "is_seed",
    "article_id",
]
ARTICLE_FIELDS = [
    "title",
    "url",
    "site",
    "source",
    "published_at",
    "fetched_at",
    "lang",
    "claim_count",
    "new_claim_count",
    "also_seen_count",
]


@dataclass
class ReportData:
    generated_at: datetime
    since: datetime | None
    claims: list[dict] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)


def _since_filter(since: datetime | None, fields: Sequence[str]) -> list[dict]:
    if since is None:
        return []
    return [
        {
            "bool": {
                "should": [{"range": {f: {"gte": since.isoformat()}}} for f in fields],
                "minimum_should_match": 1,
            }
        }
    ]


def collect_report(
    es: Elasticsearch,
    indices: Indices,
    since: datetime | None = None,
    catalogue_path: str | None = None,
    article_limit: int = 30,
) -> ReportData:
    """Read what the report shows: claims (seed claims always, as the baseline), the
    latest relevant articles and every catalogue source with its state."""
    from troopwatch.sources_state import source_rows

    claim_query = {
        "bool": {
            "should": [
                {"term": {"is_seed": True}},
                {"bool": {"filter": _since_filter(since, ["published_at", "first_seen"])}},
            ],
            "minimum_should_match": 1,
        }
    }
    claims = [
        h["_source"]
        for h in helpers.scan(
            es, index=indices.claims, query={"query": claim_query, "_source": CLAIM_FIELDS}
        )
    ]
    articles = es.search(
        index=indices.articles,
        query={
            "bool": {
                "filter": _since_filter(since, ["published_at", "fetched_at"]),
                "must_not": [{"term": {"is_seed": True}}],
            }
        },
        sort=[{"published_at": {"order": "desc", "missing": "_last"}}],
        size=article_limit,
        source=ARTICLE_FIELDS,
    )["hits"]["hits"]
    return ReportData(
        generated_at=utcnow(),
        since=since,
        claims=claims,
        articles=[h["_source"] for h in articles],
        sources=source_rows(catalogue_path, (es, indices)),
    )


# -- rendering ------------------------------------------------------------------------------


def _e(value: object) -> str:
    return html.escape(clean_text(value))


def _date(value: object) -> str:
    when = parse_datetime(str(value)) if value else None
    return when.strftime("%Y-%m-%d") if when else "—"


def _link(url: object, label: str) -> str:
    safe = safe_url(url)
    return f'<a href="{html.escape(safe)}">{label}</a>' if safe else label


def _when(claim: Mapping) -> datetime | None:
    for key in ("published_at", "first_seen"):
        if claim.get(key):
            when = parse_datetime(str(claim[key]))
            if when:
                return when
    return None


def timeline_points(claims: Sequence[Mapping]) -> list[TimelinePoint]:
    """One point per (claimant, figure, day): fifty outlets repeating a figure are one."""
    points: dict[tuple, TimelinePoint] = {}
    for c in claims:
        when = _when(c)
        if when is None:
            continue
        key = (c.get("source"), c.get("figure_low"), c.get("figure_high"), when.date())
        new = bool(c.get("is_new")) and not c.get("is_seed")
        if key not in points or new:
            points[key] = TimelinePoint(
                when=when,
                figure_low=c.get("figure_low"),
                figure_high=c.get("figure_high"),
                claimant=c.get("source") or "unattributed",
                qualifier=c.get("qualifier") or "exact",
                is_new=new,
            )
    return sorted(points.values(), key=lambda p: p.when)


def _category_section(category: str, claims: list[dict]) -> str:
    label = CATEGORY_LABELS.get(category, category)
    points = timeline_points(claims)
    png = base64.b64encode(timeline_png(points, f"North Korean troops: {label}")).decode()
    by_claimant: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_claimant[c.get("source") or "unattributed"].append(c)
    rows = []
    for claimant in sorted(by_claimant, key=lambda k: (-len(by_claimant[k]), k)):
        figures: dict[tuple, dict] = {}
        for c in sorted(by_claimant[claimant], key=lambda c: _when(c) or utcnow()):
            key = (c.get("figure_low"), c.get("figure_high"))
            figures.setdefault(key, {"claim": c, "count": 0})["count"] += 1
        cells = []
        for entry in figures.values():
            c = entry["claim"]
            text = _e(format_figure(c.get("figure_low"), c.get("figure_high"), c.get("qualifier")))
            badge = (
                ' <span class="new">new</span>' if c.get("is_new") and not c.get("is_seed") else ""
            )
            more = f" ×{entry['count']}" if entry["count"] > 1 else ""
            cells.append(
                f"<li>{_link(c.get('url'), text)}{badge} <small>{_date(_when(c))} · "
                f"{_e(outlet_name(c))}{more}</small></li>"
            )
        rows.append(f"<tr><th>{_e(claimant)}</th><td><ul>{''.join(cells)}</ul></td></tr>")
    alt = (
        f"Timeline of {len(points)} {label} figures by "
        f"{len({p.claimant for p in points})} claimants"
    )
    return (
        f"<section><h2>{_e(label.capitalize())}</h2>"
        f'<img class="timeline" src="data:image/png;base64,{png}" alt="{_e(alt)}">'
        f'<table class="figures"><thead><tr><th>claimant</th><th>figures</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _source_state(row: Mapping) -> tuple[str, str]:
    if not row.get("enabled"):
        return "off", "disabled"
    error, fetched = row.get("last_error"), row.get("last_fetched")
    if error and (not fetched or str(row.get("last_error_at") or "") >= str(fetched)):
        return "error", str(error)
    return ("ok", "ok") if fetched else ("never", "never fetched")


STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1b1f24;
margin:0 auto;max-width:1000px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd}
.meta{color:#57606a}img.timeline{max-width:100%;height:auto;border:1px solid #eee}
table{border-collapse:collapse;width:100%;margin:8px 0}th,td{text-align:left;vertical-align:top;
padding:4px 8px;border-bottom:1px solid #eee}thead th{background:#f6f8fa}
ul{margin:0;padding-left:18px}small{color:#57606a}
.new{background:#c00000;color:#fff;border-radius:3px;padding:0 4px;font-size:12px}
.ok{color:#1a7f37}.error{color:#c00000;font-weight:600}.never,.off{color:#57606a}
"""


def render_report(data: ReportData) -> str:
    """The report as one self-contained HTML document."""
    by_category: dict[str, list[dict]] = defaultdict(list)
    for c in data.claims:
        by_category[c.get("category") or "deployed"].append(c)
    sections = [
        _category_section(cat, by_category[cat])
        for cat in sorted(
            by_category, key=lambda k: CATEGORY_ORDER.index(k) if k in CATEGORY_ORDER else 99
        )
    ]
    if not sections:
        sections = ["<section><h2>Figures</h2><p>No troop-figure claims yet.</p></section>"]
    articles = "".join(
        f"<tr><td>{_date(a.get('published_at') or a.get('fetched_at'))}</td>"
        f"<td>{_link(a.get('url'), _e(a.get('title') or a.get('url')))}</td>"
        f"<td>{_e(outlet_name(a))}</td><td>{_e(a.get('lang') or '')}</td>"
        f"<td>{int(a.get('claim_count') or 0)}</td><td>{int(a.get('also_seen_count') or 0)}</td></tr>"
        for a in data.articles
    )
    health = []
    for row in data.sources:
        state, text = _source_state(row)
        health.append(
            f"<tr><td>{_e(row.get('name'))}</td><td>{_e(row.get('kind'))}</td>"
            f"<td>{_e(row.get('lang'))}</td><td>{_date(row.get('last_fetched'))}</td>"
            f"<td>{int(row.get('articles_found') or 0)}</td>"
            f'<td class="{state}">{_e(text)[:300]}</td></tr>'
        )
    states = [_source_state(r)[0] for r in data.sources]
    since = f"since {data.since:%Y-%m-%d}" if data.since else ""
    new = sum(1 for c in data.claims if c.get("is_new") and not c.get("is_seed"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>troopwatch report {_e(since)}</title><style>{STYLE}</style></head>
<body><h1>North Korean troops in Russia's war: troopwatch report</h1>
<p class="meta">Generated {data.generated_at:%Y-%m-%d %H:%M UTC} {_e(since)} ·
{len(data.claims)} claims ({new} new figures) · {len(data.articles)} latest articles ·
{states.count("ok")} of {len(states)} sources healthy, {states.count("error")} failing</p>
{"".join(sections)}
<section><h2>Latest relevant articles</h2><table class="articles"><thead><tr><th>date</th>
<th>title</th><th>outlet</th><th>lang</th><th>claims</th><th>copies</th></tr></thead>
<tbody>{articles or '<tr><td colspan="6">No articles yet.</td></tr>'}</tbody></table></section>
<section><h2>Sources</h2><table class="sources"><thead><tr><th>source</th><th>kind</th>
<th>lang</th><th>last fetched</th><th>articles</th><th>state</th></tr></thead>
<tbody>{"".join(health)}</tbody></table></section>
</body></html>
"""
