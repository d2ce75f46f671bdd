"""Build kibana/troopwatch.ndjson: data views, saved searches, Lens charts and the dashboard.

Run `.venv/bin/python kibana/make_saved_objects.py` after changing this file; a test checks
that the shipped NDJSON is exactly what this script writes.

The saved objects follow the shapes of Kibana 8's own exports (its sample data sets and
test archives): `coreMigrationVersion` 8.8.0 and a `typeMigrationVersion` per type that
no Kibana >= 8.9 finds too new, so import migrates them forward rather than refusing them. Ids are UUIDs derived from fixed names (uuid5), so they never change
between builds and re-importing overwrites instead of duplicating.
"""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from troopwatch.kibana import (  # noqa: E402
    DEFAULT_PREFIX,
    NDJSON_PATH,
    dumps_saved_objects,
    normalise_saved_objects,
)

NAMESPACE = uuid.UUID("6a1c53d2-5d0e-4a57-9c6e-7472706f7761")
CORE_MIGRATION_VERSION = "8.8.0"
# Never below 8.0.0: that is where these types became space-isolated, and importing an
# older document into a non-default space would regenerate its id. Never above what Kibana
# 8.9 knows (lens: 8.9.0 is its last migration; dashboard: as Kibana's sample data).
TYPE_MIGRATION_VERSION = {
    "index-pattern": "8.0.0",
    "search": "8.0.0",
    "visualization": "8.0.0",
    "lens": "8.9.0",
    "dashboard": "8.7.0",
}
PANEL_VERSION = "8.8.0"
RECORDS = "___records___"  # Lens' pseudo-field for "count of documents"


def oid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


def saved_object(type_: str, key: str, attributes: dict, references: list[dict]) -> dict:
    return {
        "id": oid(f"{type_}/{key}"),
        "type": type_,
        "attributes": attributes,
        "references": references,
        "coreMigrationVersion": CORE_MIGRATION_VERSION,
        "typeMigrationVersion": TYPE_MIGRATION_VERSION[type_],
        "managed": False,
    }


def compact(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# -- data views ------------------------------------------------------------------------

DATA_VIEWS = {
    # key: (alias suffix, time field, display name, fields hidden from Discover's documents)
    "articles": ("articles", "published_at", "articles", ["minhash", "minhash_bands"]),
    "claims": ("claims", "published_at", "troop-figure claims", []),
    "alerts": ("alerts", "created_at", "alerts", []),
    "runs": ("runs", "started_at", "crawl runs", []),
}


def data_view(key: str) -> dict:
    suffix, time_field, name, hidden = DATA_VIEWS[key]
    field_formats = {}
    if key == "claims":
        # Troop figures read better with thousands separators and no decimals.
        field_formats = {
            f: {"id": "number", "params": {"pattern": "0,0"}} for f in ("figure_low", "figure_high")
        }
    return saved_object(
        "index-pattern",
        key,
        {
            "title": f"{DEFAULT_PREFIX}-{suffix}",
            "name": f"{DEFAULT_PREFIX} {name}",
            "timeFieldName": time_field,
            "fields": "[]",
            "fieldAttrs": "{}",
            "fieldFormatMap": compact(field_formats),
            "runtimeFieldMap": "{}",
            "sourceFilters": compact([{"value": f} for f in hidden]),
            "typeMeta": "{}",
            "allowNoIndex": True,  # the alias may not exist yet when the views are imported
        },
        [],
    )


def dv_id(key: str) -> str:
    return oid(f"index-pattern/{key}")


# -- saved searches --------------------------------------------------------------------

INDEX_REF = "kibanaSavedObjectMeta.searchSourceJSON.index"


def saved_search(
    key: str, view: str, title: str, description: str, query: str, columns, sort
) -> dict:
    source = {
        "highlightAll": True,
        "version": True,
        "query": {"query": query, "language": "kuery"},
        "filter": [],
        "indexRefName": INDEX_REF,
    }
    return saved_object(
        "search",
        key,
        {
            "title": title,
            "description": description,
            "columns": columns,
            "sort": sort,
            "hits": 0,
            "version": 1,
            "kibanaSavedObjectMeta": {"searchSourceJSON": compact(source)},
        },
        [{"id": dv_id(view), "name": INDEX_REF, "type": "index-pattern"}],
    )


# -- Lens --------------------------------------------------------------------------------


class Layer:
    """One Lens form-based layer: its columns in order, with deterministic column ids."""

    def __init__(self, chart: str, view: str, name: str = "main"):
        self.chart, self.view = chart, view
        self.id = oid(f"lens/{chart}/layer/{name}")
        self.columns: dict[str, dict] = {}
        self.order: list[str] = []

    def _add(self, name: str, column: dict) -> str:
        col_id = oid(f"lens/{self.chart}/{self.id}/{name}")
        self.columns[col_id] = column
        self.order.append(col_id)
        return col_id

    def count(self, label: str) -> str:
        return self._add(
            f"count/{label}",
            {
                "label": label,
                "customLabel": True,
                "dataType": "number",
                "operationType": "count",
                "isBucketed": False,
                "scale": "ratio",
                "sourceField": RECORDS,
                "params": {"emptyAsNull": True},
            },
        )

    def metric(self, op: str, field: str, label: str, fmt: dict | None = None) -> str:
        params: dict = {"emptyAsNull": True}
        if fmt:
            params["format"] = fmt
        return self._add(
            f"{op}/{field}",
            {
                "label": label,
                "customLabel": True,
                "dataType": "number",
                "operationType": op,
                "isBucketed": False,
                "scale": "ratio",
                "sourceField": field,
                "params": params,
            },
        )

    def last_value(self, field: str, sort_field: str, label: str) -> str:
        return self._add(
            f"last_value/{field}",
            {
                "label": label,
                "customLabel": True,
                "dataType": "string",
                "operationType": "last_value",
                "isBucketed": False,
                "scale": "ordinal",
                "sourceField": field,
                "params": {"sortField": sort_field, "showArrayValues": False},
            },
        )

    def date_histogram(self, field: str, interval: str, empty_rows: bool = True) -> str:
        return self._add(
            f"date_histogram/{field}",
            {
                "label": field,
                "dataType": "date",
                "operationType": "date_histogram",
                "isBucketed": True,
                "scale": "interval",
                "sourceField": field,
                "params": {
                    "interval": interval,
                    "includeEmptyRows": empty_rows,
                    "dropPartials": False,
                },
            },
        )

    def terms(
        self,
        field: str,
        label: str,
        size: int,
        order_by: str,
        secondary: list[str] | None = None,
        other: bool = True,
    ) -> str:
        params: dict = {
            "size": size,
            "orderBy": {"type": "column", "columnId": order_by},
            "orderDirection": "desc",
            "otherBucket": other,
            "missingBucket": False,
            "parentFormat": {"id": "multi_terms" if secondary else "terms"},
        }
        if secondary:
            params["secondaryFields"] = secondary
        return self._add(
            f"terms/{field}",
            {
                "label": label,
                "customLabel": True,
                "dataType": "string",
                "operationType": "terms",
                "isBucketed": True,
                "scale": "ordinal",
                "sourceField": field,
                "params": params,
            },
        )

    def ratio_formula(self, numerator: str, denominator: str, label: str) -> str:
        """`sum(numerator) / sum(denominator)` as Lens stores a formula: the formula column
        plus its hidden parts (two sums and the math node), exactly as the editor writes them.
        """
        text = f"sum({numerator}) / sum({denominator})"
        base = oid(f"lens/{self.chart}/{self.id}/formula/{numerator}/{denominator}")
        part = {
            "label": f"Part of {label}",
            "customLabel": True,
            "dataType": "number",
            "isBucketed": False,
            "scale": "ratio",
        }
        self.columns[base] = {
            "label": label,
            "customLabel": True,
            "dataType": "number",
            "operationType": "formula",
            "isBucketed": False,
            "scale": "ratio",
            "params": {
                "formula": text,
                "isFormulaBroken": False,
                "format": {"id": "percent", "params": {"decimals": 1}},
            },
            "references": [f"{base}X2"],
        }
        self.columns[f"{base}X0"] = {
            **part,
            "operationType": "sum",
            "sourceField": numerator,
            "params": {"emptyAsNull": False},
        }
        self.columns[f"{base}X1"] = {
            **part,
            "operationType": "sum",
            "sourceField": denominator,
            "params": {"emptyAsNull": False},
        }
        self.columns[f"{base}X2"] = {
            **part,
            "operationType": "math",
            "params": {
                "tinymathAst": {
                    "type": "function",
                    "name": "divide",
                    "args": [f"{base}X0", f"{base}X1"],
                    "location": {"min": 0, "max": len(text)},
                    "text": text,
                }
            },
            "references": [f"{base}X0", f"{base}X1"],
        }
        self.order += [base, f"{base}X0", f"{base}X1", f"{base}X2"]
        return base

    def state(self) -> dict:
        return {"columns": self.columns, "columnOrder": self.order, "incompleteColumns": {}}


def lens(
    key: str, title: str, description: str, vis_type: str, layer: Layer, vis: dict, query=""
) -> dict:
    return saved_object(
        "lens",
        key,
        {
            "title": title,
            "description": description,
            "visualizationType": vis_type,
            "state": {
                "datasourceStates": {"formBased": {"layers": {layer.id: layer.state()}}},
                "visualization": vis,
                "query": {"query": query, "language": "kuery"},
                "filters": [],
                "internalReferences": [],
                "adHocDataViews": {},
            },
        },
        [
            {
                "id": dv_id(layer.view),
                "name": f"indexpattern-datasource-layer-{layer.id}",
                "type": "index-pattern",
            }
        ],
    )


def xy(layer: Layer, series: str, x: str, accessors: list[str], split: str | None = None):
    layer_state = {
        "layerId": layer.id,
        "layerType": "data",
        "seriesType": series,
        "xAccessor": x,
        "accessors": accessors,
        "position": "top",
        "showGridlines": False,
    }
    if split:
        layer_state["splitAccessor"] = split
    return {
        "layers": [layer_state],
        "preferredSeriesType": series,
        "legend": {"isVisible": True, "position": "right", "legendSize": "auto"},
        "valueLabels": "hide",
        "fittingFunction": "None",
        "axisTitlesVisibilitySettings": {"x": False, "yLeft": True, "yRight": True},
        "tickLabelsVisibilitySettings": {"x": True, "yLeft": True, "yRight": True},
        "labelsOrientation": {"x": 0, "yLeft": 0, "yRight": 0},
        "gridlinesVisibilitySettings": {"x": True, "yLeft": True, "yRight": True},
        "yLeftExtent": {"mode": "full"},
        "yRightExtent": {"mode": "full"},
    }


def table(layer: Layer, columns: list[str], sort_by: str | None = None) -> dict:
    vis: dict = {
        "layerId": layer.id,
        "layerType": "data",
        "columns": [{"columnId": c, "isTransposed": False} for c in columns],
        "rowHeight": "single",
        "rowHeightLines": 1,
    }
    if sort_by:
        vis["sorting"] = {"columnId": sort_by, "direction": "desc"}
    return vis


def metric_chart(key: str, title: str, description: str, view: str, label: str, query="", op=None):
    layer = Layer(key, view)
    accessor = layer.count(label) if op is None else layer.metric(op[0], op[1], label)
    vis = {"layerId": layer.id, "layerType": "data", "metricAccessor": accessor}
    return lens(key, title, description, "lnsMetric", layer, vis, query)


def top_values_chart(key: str, title: str, description: str, field: str, size: int = 15):
    layer = Layer(key, "articles")
    count = layer.count("Articles")
    terms = layer.terms(field, title, size, count, other=False)
    # Layer columns are evaluated in columnOrder: bucket first, then the metric.
    layer.order = [terms, count]
    return lens(
        key, title, description, "lnsXY", layer, xy(layer, "bar_horizontal", terms, [count])
    )


def charts() -> list[dict]:
    out = []

    out.append(
        metric_chart(
            "metric-articles",
            "Articles",
            "Articles on the story in the time range (one per canonical URL; copies are "
            "folded into the original).",
            "articles",
            "Articles",
        )
    )
    out.append(
        metric_chart(
            "metric-outlets",
            "Outlets",
            "Distinct sites that published an article on the story in the time range.",
            "articles",
            "Outlets",
            op=("unique_count", "site"),
        )
    )
    out.append(
        metric_chart(
            "metric-claims",
            "Troop-figure claims",
            "Every claim occurrence (one per sentence) in the time range.",
            "claims",
            "Claims",
        )
    )
    out.append(
        metric_chart(
            "metric-new-claims",
            "New claims",
            "Claims whose category and figure nobody had reported before (the ones that "
            "raise alerts).",
            "claims",
            "New claims",
            query="is_new:true",
        )
    )

    # Figures over time, one line per category and claimant.
    layer = Layer("figures-over-time", "claims")
    date = layer.date_histogram("published_at", "auto", empty_rows=False)
    figure = layer.metric(
        "max", "figure_low", "Highest figure", {"id": "number", "params": {"decimals": 0}}
    )
    split = layer.terms("category", "Category › claimant", 12, figure, secondary=["source"])
    layer.order = [split, date, figure]
    out.append(
        lens(
            "figures-over-time",
            "Troop figures over time by category and claimant",
            "Highest North Korean troop figure claimed per time bucket, one line per "
            "category (deployed, killed, wounded, ...) and claimant. Ranges count by their "
            "low end.",
            "lnsXY",
            layer,
            xy(layer, "line", date, [figure], split),
        )
    )

    # Figures by claimant, as a table.
    layer = Layer("figures-by-claimant", "claims")
    claims = layer.count("Claims")
    claimant = layer.terms("source", "Claimant", 50, claims, other=False)
    category = layer.terms("category", "Category", 10, claims, other=False)
    low = layer.metric(
        "max", "figure_low", "Highest figure", {"id": "number", "params": {"decimals": 0}}
    )
    high = layer.metric(
        "max", "figure_high", "Highest upper bound", {"id": "number", "params": {"decimals": 0}}
    )
    outlets = layer.metric("unique_count", "site", "Outlets repeating it")
    layer.order = [claimant, category, low, high, claims, outlets]
    out.append(
        lens(
            "figures-by-claimant",
            "Troop figures by claimant",
            "For each claimant and category: the highest figure claimed, the highest upper "
            "bound of a range, how many sentences carry it and how many outlets repeated it.",
            "lnsDatatable",
            layer,
            table(layer, layer.order, sort_by=claims),
        )
    )

    # Articles per day by language and by outlet.
    for key, field, title, what in (
        ("articles-per-day-language", "lang", "Articles per day by language", "language"),
        ("articles-per-day-outlet", "site", "Articles per day by outlet", "outlet (site)"),
    ):
        layer = Layer(key, "articles")
        date = layer.date_histogram("published_at", "1d")
        count = layer.count("Articles")
        split = layer.terms(field, what.capitalize(), 10, count)
        layer.order = [split, date, count]
        out.append(
            lens(
                key,
                title,
                f"New articles on the story per publication day, stacked by {what}.",
                "lnsXY",
                layer,
                xy(layer, "bar_stacked", date, [count], split),
            )
        )

    out.append(
        top_values_chart(
            "top-people", "Top people", "People named most often in articles.", "people"
        )
    )
    out.append(
        top_values_chart(
            "top-organisations",
            "Top organisations",
            "Organisations named most often in articles.",
            "organisations",
        )
    )
    out.append(
        top_values_chart(
            "top-places", "Top places", "Places named most often in articles.", "places"
        )
    )

    # Syndication spread: which stories were copied most, and who carries the copies.
    layer = Layer("syndication-stories", "articles")
    copies = layer.metric("max", "also_seen_count", "Copies seen")
    story = layer.terms("title.raw", "Story", 15, copies, other=False)
    layer.order = [story, copies]
    out.append(
        lens(
            "syndication-stories",
            "Most syndicated stories",
            "Articles whose text reappeared elsewhere (wire copies, syndication), by the "
            "number of copies seen. Copies are not indexed as articles of their own.",
            "lnsXY",
            layer,
            xy(layer, "bar_horizontal", story, [copies]),
            query="also_seen_count > 0",
        )
    )
    layer = Layer("syndication-outlets", "articles")
    originals = layer.count("Stories copied")
    outlet = layer.terms("also_seen.site", "Outlet carrying copies", 15, originals, other=False)
    layer.order = [outlet, originals]
    out.append(
        lens(
            "syndication-outlets",
            "Outlets republishing copies",
            "Sites where copies of an article already indexed were found, by the number of "
            "original articles they copied.",
            "lnsXY",
            layer,
            xy(layer, "bar_horizontal", outlet, [originals]),
            query="also_seen_count > 0",
        )
    )

    # Crawl health from the runs index.
    layer = Layer("crawl-activity", "runs")
    date = layer.date_histogram("started_at", "1d")
    sums = [
        layer.metric("sum", field, label)
        for field, label in (
            ("pages", "Pages fetched"),
            ("items", "Articles extracted"),
            ("indexed", "Indexed"),
            ("duplicates", "Duplicates"),
            ("off_topic", "Off topic"),
            ("errors", "Errors"),
        )
    ]
    out.append(
        lens(
            "crawl-activity",
            "Crawl activity per day",
            "What the crawls fetched and what became of it: pages fetched, articles "
            "extracted, indexed, folded into duplicates, dropped as off topic, and errors.",
            "lnsXY",
            layer,
            xy(layer, "line", date, sums),
        )
    )
    layer = Layer("crawl-runs-status", "runs")
    date = layer.date_histogram("started_at", "1d")
    runs = layer.count("Runs")
    status = layer.terms("status", "Status", 5, runs)
    layer.order = [status, date, runs]
    out.append(
        lens(
            "crawl-runs-status",
            "Crawl runs by status",
            "Crawl runs per day by their final status.",
            "lnsXY",
            layer,
            xy(layer, "bar_stacked", date, [runs], status),
        )
    )
    layer = Layer("crawl-health-sources", "runs")
    runs = layer.count("Runs")
    source = layer.terms("source", "Source", 100, runs, other=False)
    cols = [source, runs]
    cols += [
        layer.metric("sum", field, label)
        for field, label in (
            ("pages", "Pages"),
            ("items", "Articles"),
            ("indexed", "Indexed"),
            ("duplicates", "Duplicates"),
            ("off_topic", "Off topic"),
        )
    ]
    cols.append(layer.ratio_formula("off_topic", "items", "Off-topic rate"))
    cols.append(layer.metric("sum", "errors", "Errors"))
    cols.append(layer.last_value("status", "started_at", "Last status"))
    layer.order = cols + [c for c in layer.order if c not in cols]
    out.append(
        lens(
            "crawl-health-sources",
            "Crawl health by source",
            "Per source in the time range: runs, pages, articles, indexed, duplicates, "
            "off-topic articles and rate (off topic / articles), errors and the last "
            "run's status.",
            "lnsDatatable",
            layer,
            table(layer, cols, sort_by=runs),
        )
    )
    layer = Layer("alert-delivery", "alerts")
    alerts = layer.count("Alerts")
    channel = layer.terms("channel", "Channel", 10, alerts, other=False)
    status = layer.terms("status", "Status", 10, alerts, other=False)
    layer.order = [channel, status, alerts]
    out.append(
        lens(
            "alert-delivery",
            "Alert delivery",
            "New-claim alerts by channel and delivery status.",
            "lnsDatatable",
            layer,
            table(layer, layer.order, sort_by=alerts),
        )
    )
    return out


# -- the markdown header and the dashboard ----------------------------------------------

INTRO = """### North Korean troops in Russia — world press monitor

**New claims** are troop figures (category + number) nobody had reported before: they \
raise the alerts. The five October 2024 seed articles are the baseline.

Figures count North Korean personnel only; a range counts by its low end. Copies of an \
article (wire stories, syndication) are folded into the first one seen.

Data views: `troopwatch-articles`, `-claims`, `-alerts`, `-runs`."""


def intro() -> dict:
    title = "About this dashboard"
    vis_state = {
        "title": title,
        "type": "markdown",
        "aggs": [],
        "params": {"fontSize": 12, "openLinksInNewTab": False, "markdown": INTRO},
    }
    return saved_object(
        "visualization",
        "intro",
        {
            "title": title,
            "description": "",
            "version": 1,
            "uiStateJSON": "{}",
            "visState": compact(vis_state),
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": compact(
                    {"query": {"query": "", "language": "kuery"}, "filter": []}
                )
            },
        },
        [],
    )


# (object key, x, y, w, h) on Kibana's 48-column grid, top to bottom.
LAYOUT = [
    ("visualization/intro", 0, 0, 16, 9),
    ("lens/metric-articles", 16, 0, 8, 9),
    ("lens/metric-outlets", 24, 0, 8, 9),
    ("lens/metric-claims", 32, 0, 8, 9),
    ("lens/metric-new-claims", 40, 0, 8, 9),
    ("lens/figures-over-time", 0, 9, 48, 16),
    ("search/new-claims", 0, 25, 48, 15),
    ("lens/figures-by-claimant", 0, 40, 24, 16),
    ("search/claims-by-claimant", 24, 40, 24, 16),
    ("lens/articles-per-day-language", 0, 56, 24, 13),
    ("lens/articles-per-day-outlet", 24, 56, 24, 13),
    ("lens/top-people", 0, 69, 16, 15),
    ("lens/top-organisations", 16, 69, 16, 15),
    ("lens/top-places", 32, 69, 16, 15),
    ("lens/syndication-stories", 0, 84, 24, 15),
    ("lens/syndication-outlets", 24, 84, 24, 15),
    ("search/seed-duplicates", 0, 99, 48, 12),
    ("lens/crawl-activity", 0, 111, 24, 14),
    ("lens/crawl-runs-status", 24, 111, 24, 14),
    ("lens/crawl-health-sources", 0, 125, 32, 14),
    ("lens/alert-delivery", 32, 125, 16, 14),
]


def dashboard(objects: list[dict]) -> dict:
    by_key = {(o["type"], o["id"]): o for o in objects}
    panels, references = [], []
    for key, x, y, w, h in LAYOUT:
        type_ = key.split("/", 1)[0]
        target = by_key[(type_, oid(key))]
        index = oid(f"dashboard/troopwatch/panel/{key}")
        panels.append(
            {
                "version": PANEL_VERSION,
                "type": type_,
                "gridData": {"x": x, "y": y, "w": w, "h": h, "i": index},
                "panelIndex": index,
                "embeddableConfig": {"enhancements": {}},
                "panelRefName": f"panel_{index}",
            }
        )
        # Kibana 8 names a panel's reference "<panelIndex>:panel_<panelIndex>".
        references.append({"id": target["id"], "name": f"{index}:panel_{index}", "type": type_})
    return saved_object(
        "dashboard",
        "troopwatch",
        {
            "title": "North Korean troops in Russia — press monitor",
            "description": "New troop-figure claims, who makes them, press coverage, "
            "syndication and crawl health.",
            "panelsJSON": compact(panels),
            "optionsJSON": compact(
                {
                    "useMargins": True,
                    "syncColors": False,
                    "syncCursor": True,
                    "syncTooltips": False,
                    "hidePanelTitles": False,
                }
            ),
            "version": 1,
            # The story starts with the October 2024 seeds; show all of it by default.
            "timeRestore": True,
            "timeFrom": "2024-10-01T00:00:00.000Z",
            "timeTo": "now",
            "refreshInterval": {"pause": False, "value": 300000},
            "kibanaSavedObjectMeta": {
                "searchSourceJSON": compact(
                    {"query": {"query": "", "language": "kuery"}, "filter": []}
                )
            },
        },
        references,
    )


def build() -> list[dict]:
    objects = [data_view(key) for key in DATA_VIEWS]
    objects += [
        saved_search(
            "new-claims",
            "claims",
            "Latest new troop-figure claims",
            "Claims that were new when first seen (category + figure never reported before), "
            "newest first.",
            "is_new:true",
            [
                "source",
                "category",
                "figure_low",
                "figure_high",
                "qualifier",
                "unit",
                "location",
                "site",
                "sentence",
            ],
            [["published_at", "desc"]],
        ),
        saved_search(
            "claims-by-claimant",
            "claims",
            "Claims by claimant",
            "Every claim sorted by claimant, newest first within a claimant.",
            "",
            ["source", "category", "figure_low", "figure_high", "qualifier", "is_new", "site"],
            [["source", "asc"], ["published_at", "desc"]],
        ),
        saved_search(
            "seed-duplicates",
            "articles",
            "Copies of the seed articles",
            "Seed articles whose text reappeared elsewhere, with where the copies were seen.",
            "is_seed:true and also_seen_count > 0",
            ["title", "also_seen_count", "also_seen.site", "also_seen.url"],
            [["also_seen_count", "desc"]],
        ),
    ]
    objects.append(intro())
    objects += charts()
    objects.append(dashboard(objects))
    return normalise_saved_objects(objects)


def main() -> None:
    NDJSON_PATH.write_text(dumps_saved_objects(build()), encoding="utf-8")
    print(f"wrote {NDJSON_PATH}")


if __name__ == "__main__":
    main()
