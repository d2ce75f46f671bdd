"""Kibana saved objects (kibana/troopwatch.ndjson), their fields against the real mapping,
and their import through a local stand-in for Kibana's saved objects import API."""

from __future__ import annotations

import base64
import importlib.util
import json
import os
import re
import socket
import ssl
import threading
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from elasticsearch import Elasticsearch

from tests.conftest import run_troopwatch
from tests.receivers import self_signed_cert
from troopwatch import kibana
from troopwatch.config import EsConfig
from troopwatch.es.client import make_client
from troopwatch.es.indices import Indices, drop_indices, setup_indices
from troopwatch.es.local import ES_VERSION
from troopwatch.es.writer import ArticleWriter
from troopwatch.kibana import (
    NDJSON_PATH,
    KibanaError,
    dumps_saved_objects,
    import_saved_objects,
    load_saved_objects,
    loads_saved_objects,
    normalise_saved_objects,
    with_prefix,
)
from troopwatch.paths import PROJECT_ROOT

OBJECTS = load_saved_objects()
GRID_COLUMNS = 48
RECORDS = "___records___"
NUMERIC = {"long", "integer", "short", "byte", "double", "float", "half_float", "scaled_float"}
VIEW_NAMES = ("articles", "claims", "alerts", "runs")


def by_type(objects: list[dict], type_: str) -> list[dict]:
    return [o for o in objects if o["type"] == type_]


def lens_layers(obj: dict) -> dict[str, dict]:
    return obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]


def search_source(obj: dict) -> dict:
    return json.loads(obj["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])


# -- the file itself --------------------------------------------------------------------


def test_every_line_is_a_kibana_8_saved_object():
    lines = NDJSON_PATH.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(OBJECTS) > 0
    for line in lines:
        obj = json.loads(line)
        assert {"id", "type", "attributes", "references"} <= obj.keys(), line[:80]
        assert obj["managed"] is False
        assert obj["coreMigrationVersion"] == "8.8.0"
        assert re.fullmatch(r"\d+\.\d+\.\d+", obj["typeMigrationVersion"])
        assert str(uuid.UUID(obj["id"])) == obj["id"]
        assert obj["attributes"]["title"]
    ids = [o["id"] for o in OBJECTS]
    assert len(ids) == len(set(ids)), "duplicate ids"


def version(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split("."))


def test_migration_versions_are_ones_kibana_8_9_and_later_accept():
    # Kibana refuses a document newer than the last migration it knows for its type, and
    # re-ids documents older than 8.0.0 (when the types became space-isolated) imported
    # into a non-default space.
    newest = {
        "index-pattern": "8.0.0",
        "search": "8.0.0",
        "visualization": "8.0.0",
        "lens": "8.9.0",
        "dashboard": "8.7.0",
    }
    for obj in OBJECTS:
        assert version("8.0.0") <= version(obj["typeMigrationVersion"])
        assert version(obj["typeMigrationVersion"]) <= version(newest[obj["type"]])


def test_the_shipped_set_is_complete():
    views = {o["attributes"]["title"]: o["attributes"] for o in by_type(OBJECTS, "index-pattern")}
    assert {t: v["timeFieldName"] for t, v in views.items()} == {
        "troopwatch-articles": "published_at",
        "troopwatch-claims": "published_at",
        "troopwatch-alerts": "created_at",
        "troopwatch-runs": "started_at",
    }
    searches = {o["attributes"]["title"]: o for o in by_type(OBJECTS, "search")}
    assert search_source(searches["Latest new troop-figure claims"])["query"]["query"] == (
        "is_new:true"
    )
    by_claimant = searches["Claims by claimant"]["attributes"]
    assert by_claimant["sort"][0] == ["source", "asc"]
    assert by_claimant["columns"][:3] == ["source", "category", "figure_low"]
    seeds = search_source(searches["Copies of the seed articles"])["query"]["query"]
    assert seeds == "is_seed:true and also_seen_count > 0"
    assert len(by_type(OBJECTS, "dashboard")) == 1
    # Every chart and search is a panel of the dashboard.
    dashboard = by_type(OBJECTS, "dashboard")[0]
    on_dashboard = {r["id"] for r in dashboard["references"]}
    panels = [o for o in OBJECTS if o["type"] in ("search", "lens", "visualization")]
    assert {o["id"] for o in panels} == on_dashboard


def test_every_reference_resolves():
    known = {(o["type"], o["id"]) for o in OBJECTS}
    for obj in OBJECTS:
        refs = {r["name"]: r for r in obj["references"]}
        assert len(refs) == len(obj["references"]), f"{obj['id']}: duplicate reference names"
        for ref in obj["references"]:
            assert (ref["type"], ref["id"]) in known, f"{obj['id']} -> {ref}"
        attrs = obj["attributes"]
        if "kibanaSavedObjectMeta" in attrs:
            source = search_source(obj)
            if "indexRefName" in source:
                assert refs[source["indexRefName"]]["type"] == "index-pattern"
        if obj["type"] == "lens":
            check_lens_structure(obj, refs)
        if obj["type"] == "dashboard":
            check_dashboard_structure(obj, refs)


def check_lens_structure(obj: dict, refs: dict[str, dict]) -> None:
    layers = lens_layers(obj)
    for layer_id, layer in layers.items():
        ref = refs[f"indexpattern-datasource-layer-{layer_id}"]
        assert ref["type"] == "index-pattern"
        columns = layer["columns"]
        assert sorted(layer["columnOrder"]) == sorted(columns)
        for col in columns.values():
            for inner in col.get("references", []):
                assert inner in columns
            order_by = col.get("params", {}).get("orderBy", {})
            if order_by.get("type") == "column":
                assert order_by["columnId"] in columns
            if col["operationType"] == "math":
                ast = col["params"]["tinymathAst"]
                assert ast["location"] == {"min": 0, "max": len(ast["text"])}
    vis = obj["attributes"]["state"]["visualization"]
    kind = obj["attributes"]["visualizationType"]
    if kind == "lnsXY":
        for vis_layer in vis["layers"]:
            columns = layers[vis_layer["layerId"]]["columns"]
            used = [vis_layer["xAccessor"], *vis_layer["accessors"]]
            used += [vis_layer["splitAccessor"]] if "splitAccessor" in vis_layer else []
            assert all(c in columns for c in used), obj["attributes"]["title"]
            assert columns[vis_layer["xAccessor"]]["isBucketed"]
    elif kind == "lnsDatatable":
        columns = layers[vis["layerId"]]["columns"]
        assert all(c["columnId"] in columns for c in vis["columns"])
    elif kind == "lnsMetric":
        assert vis["metricAccessor"] in layers[vis["layerId"]]["columns"]
    else:
        raise AssertionError(f"unexpected visualization type {kind}")


def check_dashboard_structure(obj: dict, refs: dict[str, dict]) -> None:
    panels = json.loads(obj["attributes"]["panelsJSON"])
    cells: set[tuple[int, int]] = set()
    for panel in panels:
        # Kibana 8 looks a panel's saved object up as "<panelIndex>:<panelRefName>".
        ref = refs[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref["type"] == panel["type"]
        grid = panel["gridData"]
        assert grid["i"] == panel["panelIndex"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= GRID_COLUMNS
        area = {
            (x, y)
            for x in range(grid["x"], grid["x"] + grid["w"])
            for y in range(grid["y"], grid["y"] + grid["h"])
        }
        assert not area & cells, f"panel {panel['panelIndex']} overlaps another"
        cells |= area
    assert len(panels) == len(obj["references"])


def test_export_is_stable_and_canonical():
    text = NDJSON_PATH.read_text(encoding="utf-8")
    once = dumps_saved_objects(normalise_saved_objects(loads_saved_objects(text)))
    twice = dumps_saved_objects(normalise_saved_objects(loads_saved_objects(once)))
    assert once == twice == text
    ids = [o["id"] for o in loads_saved_objects(twice)]
    assert ids == [o["id"] for o in OBJECTS]


def test_normaliser_drops_what_an_export_adds():
    exported = json.loads(json.dumps(OBJECTS))
    for obj in exported:
        obj.update(updated_at="2025-01-01T00:00:00.000Z", version="WzEsMV0=", namespaces=["x"])
        obj["references"].reverse()
    details = {"exportedCount": len(exported), "missingRefCount": 0, "missingReferences": []}
    text = dumps_saved_objects(list(reversed(exported))) + json.dumps(details) + "\n"
    assert dumps_saved_objects(normalise_saved_objects(loads_saved_objects(text))) == (
        NDJSON_PATH.read_text(encoding="utf-8")
    )


def test_ndjson_is_what_the_generator_writes():
    spec = importlib.util.spec_from_file_location(
        "make_saved_objects", PROJECT_ROOT / "kibana" / "make_saved_objects.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert dumps_saved_objects(module.build()) == NDJSON_PATH.read_text(encoding="utf-8"), (
        "run .venv/bin/python kibana/make_saved_objects.py"
    )


def test_prefix_rewrites_titles_and_derives_stable_ids():
    assert with_prefix(OBJECTS, "troopwatch") == OBJECTS
    other = with_prefix(OBJECTS, "newsdesk")
    assert other == with_prefix(OBJECTS, "newsdesk")
    titles = sorted(o["attributes"]["title"] for o in by_type(other, "index-pattern"))
    assert titles == [f"newsdesk-{n}" for n in sorted(VIEW_NAMES)]
    assert not {o["id"] for o in other} & {o["id"] for o in OBJECTS}
    known = {(o["type"], o["id"]) for o in other}
    assert all((r["type"], r["id"]) in known for o in other for r in o["references"])
    assert by_type(other, "dashboard")[0]["attributes"]["title"].endswith("[newsdesk]")


# -- fields against the real mapping -------------------------------------------------------

KQL_CLAUSE = re.compile(r"^([\w.]+)\s*(:|>=|<=|>|<)\s*(\S+)$")


def kql_clauses(query: str) -> list[tuple[str, str, str]]:
    """The KQL the shipped objects use: `field:value` and comparisons joined by `and`."""
    if not query.strip():
        return []
    clauses = []
    for part in re.split(r"\s+and\s+", query.strip()):
        match = KQL_CLAUSE.match(part)
        assert match, f"KQL this test cannot check: {part!r}"
        clauses.append(match.groups())
    return clauses


def kql_to_dsl(query: str) -> dict:
    ranges = {">": "gt", ">=": "gte", "<": "lt", "<=": "lte"}
    must: list[dict] = []
    for field, op, value in kql_clauses(query):
        if op == ":":
            term = {"true": True, "false": False}.get(value, value)
            must.append({"term": {field: term}})
        else:
            must.append({"range": {field: {ranges[op]: float(value)}}})
    return {"bool": {"filter": must}} if must else {"match_all": {}}


def field_uses(obj: dict, views: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(alias, field, what the use needs, where) for every field a saved object refers to."""
    uses = []
    attrs, title = obj["attributes"], obj["attributes"]["title"]
    refs = {r["name"]: r["id"] for r in obj["references"]}

    def kql(alias: str, query: str) -> None:
        for field, op, value in kql_clauses(query):
            need = "boolean" if value in ("true", "false") else "searchable"
            uses.append((alias, field, need if op == ":" else "numeric", f"{title}: query"))

    if obj["type"] == "index-pattern":
        uses.append((attrs["title"], attrs["timeFieldName"], "date", f"{title}: time field"))
    elif obj["type"] == "search":
        alias = views[refs[search_source(obj)["indexRefName"]]]
        uses += [(alias, c, "exists", f"{title}: column") for c in attrs["columns"]]
        uses += [(alias, f, "aggregatable", f"{title}: sort") for f, _ in attrs["sort"]]
        kql(alias, search_source(obj)["query"]["query"])
    elif obj["type"] == "lens":
        for layer_id, layer in lens_layers(obj).items():
            alias = views[refs[f"indexpattern-datasource-layer-{layer_id}"]]
            for col in layer["columns"].values():
                op, field = col["operationType"], col.get("sourceField")
                where = f"{title}: {col['label']}"
                if op in ("count", "formula", "math"):
                    assert field in (None, RECORDS), where
                elif op == "date_histogram":
                    uses.append((alias, field, "date", where))
                elif op in ("terms", "unique_count"):
                    for f in [field, *col["params"].get("secondaryFields", [])]:
                        uses.append((alias, f, "aggregatable", where))
                elif op in ("sum", "average", "max", "min", "median"):
                    uses.append((alias, field, "numeric", where))
                elif op == "last_value":
                    uses.append((alias, field, "aggregatable", where))
                    uses.append((alias, col["params"]["sortField"], "date", where))
                else:
                    raise AssertionError(f"{where}: unchecked operation {op}")
            kql(alias, attrs["state"]["query"]["query"])
    return uses


def satisfies(caps: dict, need: str) -> bool:
    if need == "exists":
        return True
    if need in ("searchable", "aggregatable"):
        return caps[need]
    if need == "date":
        return caps["type"] == "date" and caps["aggregatable"]
    if need == "numeric":
        return caps["type"] in NUMERIC and caps["aggregatable"]
    if need == "boolean":
        return caps["type"] == "boolean"
    raise AssertionError(need)


def claim(category, low, source, sentence, high=None, **extra) -> dict:
    return {
        "figure_low": low,
        "figure_high": high,
        "qualifier": extra.get("qualifier", "exact"),
        "category": category,
        "unit": extra.get("unit", "troops"),
        "source": source,
        "location": extra.get("location"),
        "sentence": sentence,
        "lang": extra.get("lang", "en"),
    }


def article(article_id: str, site: str, published: str, lang: str, **fields) -> dict:
    text = fields.pop("text", "North Korean troops were sent to Russia. " * 5)
    doc = {
        "article_id": article_id,
        "url": f"https://{site}/news/{article_id}",
        "canonical_url": f"https://{site}/news/{article_id}",
        "domain": site,
        "site": site,
        "source": site.split(".")[0],
        "spider": "feeds",
        "title": fields.pop("title"),
        "authors": ["Staff"],
        "published_at": published,
        "fetched_at": published,
        "lang": lang,
        "text": text,
        "text_length": len(text),
        "is_seed": False,
        "relevance": 0.9,
        "relevance_terms": ["north korean troops"],
        "text_hash": uuid.uuid5(uuid.NAMESPACE_URL, article_id).hex,
        "minhash_bands": ["b0:1", "b1:2"],
        "minhash": [1, 2, 3],
        "people": [],
        "organisations": [],
        "places": [],
        "units": [],
        "weapons": [],
        "entity_ids": [],
        "claims": [],
    }
    doc.update(fields)
    return doc


def copy_of(original: str, site: str, published: str) -> dict:
    """A near-duplicate as the dedupe stage hands it on: the writer records it in the
    original's `also_seen` instead of indexing it."""
    doc = article(f"{site}-copy-of-{original}", site, published, "en", title="Copy")
    return doc | {"duplicate_of": original, "similarity": 0.94}


SAMPLE_ARTICLES = [
    article(
        "seed-000",
        "seed",
        "2024-10-18T09:00:00+00:00",
        "en",
        source="seeds",
        is_seed=True,
        title="North Korea sends special forces to Russia, Seoul says",
        people=["Kim Jong Un"],
        organisations=["National Intelligence Service"],
        places=["Vladivostok", "Russia"],
        claims=[
            claim(
                "deployed",
                1500,
                "National Intelligence Service",
                "About 1,500 special forces were sent to Vladivostok.",
                location="Vladivostok",
            )
        ],
    ),
    article(
        "yna-001",
        "yna.co.kr",
        "2024-11-05T08:00:00+00:00",
        "ko",
        title="국정원 북한군 1만1천명 파병",
        people=["Kim Jong Un", "Cho Tae-yong"],
        organisations=["National Intelligence Service"],
        places=["Kursk"],
        claims=[
            claim("deployed", 11000, "National Intelligence Service", "1만1천명 파병", lang="ko"),
            claim("killed", 100, "National Intelligence Service", "100명 사망", lang="ko"),
        ],
    ),
    article(
        "reuters-002",
        "reuters.com",
        "2024-12-23T12:00:00+00:00",
        "en",
        title="Zelenskiy says 3,000 North Korean soldiers killed or wounded",
        people=["Volodymyr Zelenskiy"],
        organisations=["Ukrainian armed forces"],
        places=["Kursk", "Ukraine"],
        claims=[
            claim(
                "casualties",
                3000,
                "Volodymyr Zelenskiy",
                "More than 3,000 were killed or wounded.",
                qualifier="more_than",
            ),
            claim("deployed", 11000, "Pentagon", "Some 11,000 are in Kursk.", qualifier="approx"),
        ],
    ),
    article(
        "spiegel-003",
        "spiegel.de",
        "2025-01-12T07:00:00+00:00",
        "de",
        title="Ukraine nimmt nordkoreanische Soldaten gefangen",
        people=["Volodymyr Zelenskiy"],
        places=["Kursk"],
        claims=[
            claim("captured", 2, "Volodymyr Zelenskiy", "Zwei Soldaten gefangen.", lang="de"),
            claim(
                "deployed",
                10000,
                "unattributed",
                "10.000 bis 12.000 Soldaten.",
                high=12000,
                lang="de",
            ),
        ],
    ),
]

SAMPLE_COPIES = [
    copy_of("seed-000", "wire.example.com", "2024-10-19T06:00:00+00:00"),
    copy_of("seed-000", "daily.example.org", "2024-10-19T08:00:00+00:00"),
    copy_of("yna-001", "news.example.kr", "2024-11-05T11:00:00+00:00"),
]

SAMPLE_RUNS = [
    {
        "run_id": "run-1",
        "source": "yonhap-en",
        "spider": "feeds",
        "status": "ok",
        "started_at": "2024-11-05T08:00:00+00:00",
        "finished_at": "2024-11-05T08:02:00+00:00",
        "duration_s": 120.0,
        "pages": 40,
        "items": 12,
        "indexed": 5,
        "duplicates": 3,
        "off_topic": 4,
        "dropped": 0,
        "errors": 0,
        "spooled": 0,
        "new_claims": 2,
    },
    {
        "run_id": "run-2",
        "source": "reuters",
        "spider": "sitemaps",
        "status": "failed",
        "started_at": "2024-11-06T08:00:00+00:00",
        "finished_at": "2024-11-06T08:00:30+00:00",
        "duration_s": 30.0,
        "pages": 3,
        "items": 0,
        "indexed": 0,
        "duplicates": 0,
        "off_topic": 0,
        "dropped": 0,
        "errors": 3,
        "spooled": 0,
        "new_claims": 0,
        "error_messages": "HTTP 503 from https://www.reuters.com/sitemap.xml",
    },
]

SAMPLE_ALERTS = [
    {
        "alert_id": "alert-1",
        "claim_id": "c1",
        "claim_key": "killed:100:",
        "category": "killed",
        "figure_low": 100,
        "source": "National Intelligence Service",
        "url": "https://yna.co.kr/news/yna-001",
        "channel": "email",
        "status": "sent",
        "attempts": 1,
        "created_at": "2024-11-05T08:03:00+00:00",
        "sent_at": "2024-11-05T08:03:05+00:00",
    },
    {
        "alert_id": "alert-2",
        "claim_id": "c2",
        "claim_key": "casualties:3000:",
        "category": "casualties",
        "figure_low": 3000,
        "source": "Volodymyr Zelenskiy",
        "url": "https://reuters.com/news/reuters-002",
        "channel": "slack",
        "status": "pending",
        "attempts": 2,
        "last_error": "HTTP 429",
        "created_at": "2024-12-23T12:05:00+00:00",
        "next_attempt_at": "2024-12-23T12:10:00+00:00",
    },
]


@dataclass
class Sample:
    es: Elasticsearch
    indices: Indices

    @property
    def prefix(self) -> str:
        return self.indices.prefix


@pytest.fixture(scope="module")
def sample(es_url):
    """Indices of their own (set up once for this module's Elasticsearch tests) holding a
    few articles with claims, entities and copies of two of them, written by the real
    writer, plus crawl runs and alerts."""
    es = make_client(EsConfig(urls=(es_url,)))
    indices = Indices(f"twtest-{uuid.uuid4().hex[:10]}")
    setup_indices(es, indices.prefix)
    try:
        docs = json.loads(json.dumps(SAMPLE_ARTICLES + SAMPLE_COPIES))
        result = ArticleWriter(es, indices).write(docs)
        assert (result.indexed, result.sightings) == (len(SAMPLE_ARTICLES), len(SAMPLE_COPIES))
        assert not result.rejected
        for alias, rows, key in (
            (indices.runs, SAMPLE_RUNS, "run_id"),
            (indices.alerts, SAMPLE_ALERTS, "alert_id"),
        ):
            for row in rows:
                es.index(index=alias, id=row[key], document=row)
        es.indices.refresh(index=[indices.alias(n) for n in VIEW_NAMES])
        yield Sample(es, indices)
    finally:
        drop_indices(es, indices.prefix)
        es.close()


def lens_agg(col: dict) -> dict:
    """An Elasticsearch aggregation equivalent to a Lens column, close enough to prove the
    field holds data of the right kind. The test node is the minimal distribution, without
    x-pack analytics: Lens' multi_terms and top_metrics become nested terms and top_hits."""
    op, field, params = col["operationType"], col.get("sourceField"), col.get("params", {})
    if op == "terms":
        agg: dict = {"terms": {"field": field}}
        inner = agg
        for secondary in params.get("secondaryFields", []):
            inner["aggs"] = {"secondary": {"terms": {"field": secondary}}}
            inner = inner["aggs"]["secondary"]
        return agg
    if op == "date_histogram":
        return {"date_histogram": {"field": field, "calendar_interval": "1d"}}
    if op == "unique_count":
        return {"cardinality": {"field": field}}
    if op == "median":
        return {"percentiles": {"field": field, "percents": [50]}}
    if op == "last_value":
        sort = [{params["sortField"]: "desc"}]
        return {"top_hits": {"size": 1, "sort": sort, "docvalue_fields": [field], "_source": False}}
    return {{"average": "avg"}.get(op, op): {"field": field}}


def agg_has_data(result: dict) -> bool:
    if "buckets" in result:
        buckets = [b for b in result["buckets"] if b["doc_count"]]
        if buckets and "secondary" in buckets[0]:
            return any(agg_has_data(b["secondary"]) for b in buckets)
        return bool(buckets)
    if "hits" in result:
        return any(h.get("fields") for h in result["hits"]["hits"])
    if "values" in result:
        return any(v is not None for v in result["values"].values())
    return bool(result.get("value"))


@pytest.mark.es
def test_every_field_exists_in_the_real_mapping_with_the_type_its_use_needs(sample):
    es, objects = sample.es, with_prefix(OBJECTS, sample.prefix)
    views = {o["id"]: o["attributes"]["title"] for o in by_type(objects, "index-pattern")}
    assert sorted(views.values()) == sorted(sample.indices.alias(n) for n in VIEW_NAMES)
    caps = {
        alias: {
            name: next(iter(types_.values())) | {"types": list(types_)}
            for name, types_ in es.field_caps(index=alias, fields="*")["fields"].items()
        }
        for alias in views.values()
    }
    problems, checked = [], 0
    for obj in objects:
        for alias, field, need, where in field_uses(obj, views):
            checked += 1
            found = caps[alias].get(field)
            if found is None:
                problems.append(f"{where}: {field} is not mapped in {alias}")
            elif len(found["types"]) > 1 or not satisfies(found, need):
                problems.append(f"{where}: {field} is {found['types']}, needs {need}")
    assert not problems, "\n".join(problems)
    assert checked > 60


@pytest.mark.es
def test_every_chart_and_search_finds_the_sample_data(sample):
    """Run what each saved object asks of Elasticsearch against documents the real writer
    stored: every search has hits, every chart column has data."""
    es, objects = sample.es, with_prefix(OBJECTS, sample.prefix)
    views = {o["id"]: o["attributes"]["title"] for o in by_type(objects, "index-pattern")}
    empty = []
    for obj in by_type(objects, "search"):
        attrs = obj["attributes"]
        alias = views[obj["references"][0]["id"]]
        resp = es.search(
            index=alias,
            query=kql_to_dsl(search_source(obj)["query"]["query"]),
            sort=[{f: d} for f, d in attrs["sort"]],
        )
        if not resp["hits"]["hits"]:
            empty.append(attrs["title"])
        for hit in resp["hits"]["hits"]:
            assert hit["_source"], attrs["title"]
    for obj in by_type(objects, "lens"):
        refs = {r["name"]: r["id"] for r in obj["references"]}
        query = kql_to_dsl(obj["attributes"]["state"]["query"]["query"])
        for layer_id, layer in lens_layers(obj).items():
            alias = views[refs[f"indexpattern-datasource-layer-{layer_id}"]]
            aggs = {
                col_id: lens_agg(col)
                for col_id, col in layer["columns"].items()
                if col.get("sourceField") not in (None, RECORDS)
            }
            resp = es.search(index=alias, query=query, size=0, aggs=aggs or None)
            if not resp["hits"]["total"]["value"]:
                empty.append(f"{obj['attributes']['title']}: no documents")
            for col_id, result in (resp.get("aggregations") or {}).items():
                if not agg_has_data(result):
                    label = layer["columns"][col_id]["label"]
                    empty.append(f"{obj['attributes']['title']}: {label}")
    assert not empty, "\n".join(empty)


@pytest.mark.es
def test_new_claims_search_shows_new_claims_only(sample):
    objects = with_prefix(OBJECTS, sample.prefix)
    search = next(o for o in objects if o["attributes"]["title"].startswith("Latest new"))
    query = kql_to_dsl(search_source(search)["query"]["query"])
    hits = sample.es.search(index=sample.indices.claims, query=query, size=50)["hits"]["hits"]
    keys = sorted((h["_source"]["category"], h["_source"]["figure_low"]) for h in hits)
    # The seed's claim is the baseline; the Pentagon's 11,000 repeats the NIS figure.
    expected = [("captured", 2), ("casualties", 3000), ("deployed", 10000), ("deployed", 11000)]
    assert keys == [*expected, ("killed", 100)]


# -- the import --------------------------------------------------------------------------

IMPORT_PATH = re.compile(r"^(?:/s/([a-z0-9_\-]+))?/api/saved_objects/_import$")


class KibanaReceiver:
    """A local stand-in for `POST /api/saved_objects/_import` that checks requests the way
    Kibana documents them and answers with Kibana's bodies and status codes."""

    def __init__(self, tls: bool = False, auth: str | None = None):
        self.tls, self.auth = tls, auth
        self.requests: list[dict[str, Any]] = []
        self.reply: tuple[int, str, str] | None = None  # (status, content type, body)
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        scheme = "https" if self.tls else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_address[1]}"

    def answer(self, method: str, path: str, headers, body: bytes) -> tuple[int, str, str]:
        def error(status: int, name: str, message: str) -> tuple[int, str, str]:
            payload = {"statusCode": status, "error": name, "message": message}
            return status, "application/json", json.dumps(payload)

        parts = urlsplit(path)
        if method != "POST" or not IMPORT_PATH.match(parts.path):
            return error(404, "Not Found", "Not Found")
        if "kbn-xsrf" not in headers:
            return error(400, "Bad Request", "Request must contain a kbn-xsrf header.")
        if self.auth and headers.get("Authorization") != self.auth:
            return error(401, "Unauthorized", "[security_exception]: unable to authenticate")
        content_type = headers.get("Content-Type", "")
        if not re.match(r"multipart/form-data;\s*boundary=\S+", content_type):
            return error(415, "Unsupported Media Type", "Unsupported Media Type")
        message = BytesParser(policy=policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + body
        )
        files = [
            p for p in message.iter_parts() if p.get_param("name", header="content-disposition")
        ]
        record = {
            "path": parts.path,
            "space": IMPORT_PATH.match(parts.path).group(1),
            "query": parse_qs(parts.query),
            "headers": {k.lower(): v for k, v in headers.items()},
            "parts": [
                {
                    "name": p.get_param("name", header="content-disposition"),
                    "filename": p.get_filename(),
                    "content_type": p.get_content_type(),
                    "content": p.get_payload(decode=True),
                }
                for p in files
            ],
        }
        self.requests.append(record)
        if [p["name"] for p in record["parts"]] != ["file"]:
            return error(400, "Bad Request", "[request body.file]: expected value of type [Stream]")
        if not (record["parts"][0]["filename"] or "").endswith(".ndjson"):
            return error(400, "Bad Request", "Invalid file extension .txt")
        try:
            objects = loads_saved_objects(record["parts"][0]["content"].decode("utf-8"))
        except ValueError as exc:
            return error(400, "Bad Request", f"Unexpected token in JSON: {exc}")
        if self.reply:
            return self.reply
        overwrite = record["query"].get("overwrite") == ["true"]
        results = [
            {
                "type": o["type"],
                "id": o["id"],
                "meta": {"title": o["attributes"].get("title")},
                **({"overwrite": True} if overwrite else {}),
            }
            for o in objects
        ]
        payload = {
            "success": True,
            "successCount": len(objects),
            "successResults": results,
            "warnings": [],
        }
        return 200, "application/json", json.dumps(payload)

    def start(self) -> KibanaReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                status, ctype, text = receiver.answer(self.command, self.path, self.headers, body)
                data = text.encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if self.tls:
            cert, key = self_signed_cert()
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> KibanaReceiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture
def receiver():
    with KibanaReceiver() as r:
        yield r


@pytest.fixture(autouse=True)
def no_kibana_env(monkeypatch):
    """Only what a test sets: no TROOPWATCH_KIBANA_* or prefix from the environment/.env."""
    for name in [n for n in os.environ if n.startswith(("TROOPWATCH_KIBANA_", "TROOPWATCH_INDEX"))]:
        monkeypatch.delenv(name)
    monkeypatch.setattr(kibana, "load_env", lambda: None)


def test_import_posts_the_ndjson_the_way_kibana_documents(receiver):
    summary = import_saved_objects(receiver.url, api_key="c2VjcmV0LWtleQ==")
    assert summary.startswith(f"imported {len(OBJECTS)} saved objects into Kibana at ")
    dashboard_id = by_type(OBJECTS, "dashboard")[0]["id"]
    assert summary.endswith(f"{receiver.url}/app/dashboards#/view/{dashboard_id}")
    assert "\n" not in summary
    [request] = receiver.requests
    assert request["path"] == "/api/saved_objects/_import"
    assert request["query"] == {"overwrite": ["true"]}
    assert request["headers"]["kbn-xsrf"] == "true"
    assert request["headers"]["authorization"] == "ApiKey c2VjcmV0LWtleQ=="
    [part] = request["parts"]
    assert part["name"] == "file" and part["filename"] == "troopwatch.ndjson"
    assert part["content_type"] == "application/ndjson"
    assert part["content"].decode("utf-8") == NDJSON_PATH.read_text(encoding="utf-8")


def test_import_into_a_space_with_basic_auth(receiver):
    summary = import_saved_objects(receiver.url + "/", user="elastic", password="pw", space="osint")
    [request] = receiver.requests
    assert request["path"] == "/s/osint/api/saved_objects/_import"
    expected = "Basic " + base64.b64encode(b"elastic:pw").decode()
    assert request["headers"]["authorization"] == expected
    assert f"{receiver.url}/s/osint/app/dashboards#/view/" in summary
    assert "(space osint)" in summary
    # Credentials in the URL work too, and never show in what is printed.
    summary = import_saved_objects(receiver.url.replace("//", "//elastic:p%40ss@"))
    expected = "Basic " + base64.b64encode(b"elastic:p@ss").decode()
    assert receiver.requests[-1]["headers"]["authorization"] == expected
    assert "p%40ss" not in summary and "p@ss" not in summary


def test_import_reads_its_defaults_from_the_environment(receiver, monkeypatch):
    monkeypatch.setenv("TROOPWATCH_KIBANA_URL", receiver.url)
    monkeypatch.setenv("TROOPWATCH_KIBANA_API_KEY", "id1:key1")
    monkeypatch.setenv("TROOPWATCH_INDEX_PREFIX", "newsdesk")
    import_saved_objects()
    [request] = receiver.requests
    # A raw "id:key" API key is sent base64-encoded, as Kibana expects.
    assert request["headers"]["authorization"] == "ApiKey " + base64.b64encode(b"id1:key1").decode()
    sent = loads_saved_objects(request["parts"][0]["content"].decode("utf-8"))
    titles = {o["attributes"]["title"] for o in by_type(sent, "index-pattern")}
    assert titles == {f"newsdesk-{n}" for n in VIEW_NAMES}


def test_import_without_a_url_says_how_to_set_one():
    with pytest.raises(KibanaError) as info:
        import_saved_objects()
    assert str(info.value) == "no Kibana URL: set TROOPWATCH_KIBANA_URL or --url"


def test_the_receiver_refuses_what_kibana_refuses(receiver):
    """The stand-in is strict the way Kibana is, so the importer's passing means something."""
    body = b"--b\r\nContent-Disposition: form-data; name=file; filename=x.ndjson\r\n\r\n{}\r\n--b--\r\n"
    headers = {"Content-Type": "multipart/form-data; boundary=b"}
    request = urllib.request.Request(
        receiver.url + "/api/saved_objects/_import?overwrite=true", body, headers, method="POST"
    )
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=5)
    assert info.value.code == 400
    assert json.loads(info.value.read())["message"] == "Request must contain a kbn-xsrf header."


def test_wrong_credentials_are_one_line_with_kibanas_message():
    with KibanaReceiver(auth="ApiKey right") as receiver, pytest.raises(KibanaError) as info:
        import_saved_objects(receiver.url, api_key="wrong-but-secret")
    message = str(info.value)
    assert "401 Unauthorized" in message and "unable to authenticate" in message
    assert "TROOPWATCH_KIBANA_API_KEY" in message
    assert "wrong-but-secret" not in message and "\n" not in message


def test_per_object_errors_fail_the_import(receiver):
    lens_obj = by_type(OBJECTS, "lens")[0]
    errors = [
        {
            "id": lens_obj["id"],
            "type": "lens",
            "title": lens_obj["attributes"]["title"],
            "meta": {"title": lens_obj["attributes"]["title"], "icon": "lensApp"},
            "error": {
                "type": "missing_references",
                "references": [{"type": "index-pattern", "id": "gone"}],
            },
        }
    ]
    body = {"success": False, "successCount": len(OBJECTS) - 1, "errors": errors, "warnings": []}
    receiver.reply = (200, "application/json", json.dumps(body))
    with pytest.raises(KibanaError) as info:
        import_saved_objects(receiver.url)
    message = str(info.value)
    assert f"imported {len(OBJECTS) - 1} of {len(OBJECTS)}" in message
    assert (
        f"lens {lens_obj['id']}" in message and "missing_references index-pattern/gone" in message
    )


def test_a_proxy_error_page_or_non_json_is_reported(receiver):
    receiver.reply = (502, "text/html", "<html><body>502 Bad Gateway</body></html>")
    with pytest.raises(KibanaError, match=r"answered HTTP 502: <html>"):
        import_saved_objects(receiver.url)
    receiver.reply = (200, "text/html", "<html>login</html>")
    with pytest.raises(KibanaError, match=r"answered HTTP 200 with non-JSON"):
        import_saved_objects(receiver.url)


def test_connection_refused_is_one_line():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(KibanaError) as info:
        import_saved_objects(f"http://user:hunter2@127.0.0.1:{port}")
    message = str(info.value)
    assert message.startswith(f"cannot reach Kibana at http://127.0.0.1:{port}: ")
    assert "hunter2" not in message and "\n" not in message


def test_https_with_a_ca_file():
    cert, _key = self_signed_cert()
    with KibanaReceiver(tls=True) as receiver:
        assert import_saved_objects(receiver.url, ca_file=str(cert)).startswith("imported ")
        with pytest.raises(KibanaError, match="CERTIFICATE_VERIFY_FAILED|certificate verify"):
            import_saved_objects(receiver.url)


def test_cli_prints_the_summary(receiver, tmp_path):
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT)}
    env["TROOPWATCH_VAR_DIR"] = str(tmp_path / "var")
    result = run_troopwatch(["kibana", "import", "--url", receiver.url], env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"imported {len(OBJECTS)} saved objects")


def _cli_maps_kibana_errors() -> bool:
    return "KibanaError" in (PROJECT_ROOT / "troopwatch" / "cli.py").read_text(encoding="utf-8")


@pytest.mark.xfail(
    not _cli_maps_kibana_errors(), reason="troopwatch/cli.py does not handle KibanaError yet"
)
def test_cli_reports_a_refusal_in_one_line(tmp_path):
    with KibanaReceiver(auth="ApiKey right") as receiver:
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT)}
        env["TROOPWATCH_VAR_DIR"] = str(tmp_path / "var")
        args = ["kibana", "import", "--url", receiver.url, "--api-key", "wrong"]
        result = run_troopwatch(args, env, timeout=60)
    assert result.returncode != 0
    assert result.stderr.startswith("troopwatch: Kibana at ")
    assert result.stderr.count("\n") == 1


# -- docker compose --------------------------------------------------------------------


def test_compose_file_runs_our_elasticsearch_and_kibana_version():
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    es_service, kibana_service = compose["services"]["elasticsearch"], compose["services"]["kibana"]
    assert es_service["image"].endswith(f"/elasticsearch:{ES_VERSION}")
    assert kibana_service["image"].endswith(f"/kibana:{ES_VERSION}")
    es_env = dict(item.split("=", 1) for item in es_service["environment"])
    assert es_env["discovery.type"] == "single-node"
    assert es_env["xpack.security.enabled"] == "false"
    assert es_env["ES_JAVA_OPTS"] == "-Xms1g -Xmx1g"
    kibana_env = dict(item.split("=", 1) for item in kibana_service["environment"])
    assert kibana_env["ELASTICSEARCH_HOSTS"] == "http://elasticsearch:9200"
    assert "127.0.0.1:5601:5601" in kibana_service["ports"]
    assert kibana_service["depends_on"]["elasticsearch"]["condition"] == "service_healthy"


def test_readme_describes_every_panel():
    readme = (PROJECT_ROOT / "kibana" / "README.md").read_text(encoding="utf-8")
    for obj in OBJECTS:
        if obj["type"] in ("lens", "search"):
            assert obj["attributes"]["title"] in readme, obj["attributes"]["title"]
