"""Index templates, versioned indices and aliases.

Every index is reached through an alias (`<prefix>-articles`, ...) that points at a
versioned index (`<prefix>-articles-v1`). A mapping change bumps the version: setup
creates the new index from its template, blocks writes to the old one, copies the
documents over (client-side, since not every cluster has the reindex module) and swaps
the alias in one atomic call; writes refused meanwhile are spooled and retried.

Mappings are `dynamic: false`: a field we did not plan is kept in _source but never
mapped by accident with a type Kibana would then be stuck with.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from elasticsearch import Elasticsearch, NotFoundError, helpers

from troopwatch import schema
from troopwatch.schema import Field

log = logging.getLogger(__name__)

KEYWORD = {"type": "keyword", "ignore_above": 1024}
DATE = {"type": "date"}
BOOL = {"type": "boolean"}
INT = {"type": "integer"}
LONG = {"type": "long"}
FLOAT = {"type": "float"}

# Built-in analysers per language, and the module or plugin that provides them. The
# minimal integ-test distribution has none of these, a full cluster has most.
LANGUAGE_ANALYZERS = {
    "en": ("english", "analysis-common"),
    "ru": ("russian", "analysis-common"),
    "de": ("german", "analysis-common"),
    "fr": ("french", "analysis-common"),
    "es": ("spanish", "analysis-common"),
    "uk": ("ukrainian", "analysis-ukrainian"),
    "ko": ("nori", "analysis-nori"),
    "ja": ("kuromoji", "analysis-kuromoji"),
}


def text_field(languages: dict[str, str], raw: bool = False) -> dict:
    """Analysed text with one sub-field per language analyser the cluster has.

    `raw` adds a keyword sub-field for sorting and terms aggregations (titles).
    """
    fields: dict = {
        lang: {"type": "text", "analyzer": analyzer} for lang, analyzer in languages.items()
    }
    if raw:
        fields["raw"] = KEYWORD
    return {"type": "text", "fields": fields} if fields else {"type": "text"}


# What each schema kind (troopwatch/schema.py) is in the index.
FIELD_MAPPINGS: dict[str, dict] = {
    "keyword": KEYWORD,
    "date": DATE,
    "boolean": BOOL,
    "integer": INT,
    "long": LONG,
    "float": FLOAT,
    # Searched by term, never aggregated: no doc values (a quarter of its size).
    "bands": {"type": "keyword", "doc_values": False},
    # Kept for verifying candidates, never searched.
    "minhash": {"type": "long", "index": False, "doc_values": False},
    "sightings": {
        "properties": {"url": KEYWORD, "site": KEYWORD, "seen_at": DATE, "similarity": FLOAT}
    },
    # In claims `source` is the claimant; the alias says so in Kibana.
    "claimant": {"type": "alias", "path": "source"},
}


def field_mapping(kind: str, languages: dict[str, str]) -> dict:
    """The mapping of one schema kind; text kinds get the cluster's language analysers."""
    if kind == "text":
        return text_field(languages)
    if kind == "title":
        return text_field(languages, raw=True)
    return FIELD_MAPPINGS[kind]


def _document_mapping(fields: tuple[Field, ...], languages: dict[str, str]) -> dict:
    return {
        "dynamic": False,
        "properties": {f.name: field_mapping(f.kind, languages) for f in fields if f.kind},
    }


def articles_mapping(languages: dict[str, str]) -> dict:
    return _document_mapping(schema.ARTICLE, languages)


def claims_mapping(languages: dict[str, str]) -> dict:
    return _document_mapping(schema.CLAIM, languages)


def claim_keys_mapping(_languages: dict[str, str]) -> dict:
    """One create-only document per claim key: the atomic record of novelty."""
    return {
        "dynamic": False,
        "properties": {
            "claim_key": KEYWORD,
            "category": KEYWORD,
            "figure_low": LONG,
            "figure_high": LONG,
            "first_seen": DATE,
            "first_claim_id": KEYWORD,
            "first_url": KEYWORD,
            "first_source": KEYWORD,
            "is_seed": BOOL,
        },
    }


def alerts_mapping(_languages: dict[str, str]) -> dict:
    return {
        "dynamic": False,
        "properties": {
            "alert_id": KEYWORD,
            "claim_id": KEYWORD,
            "claim_key": KEYWORD,
            "category": KEYWORD,
            "figure_low": LONG,
            "figure_high": LONG,
            "source": KEYWORD,
            "url": KEYWORD,
            "channel": KEYWORD,
            "status": KEYWORD,
            "attempts": INT,
            "last_error": {"type": "text"},
            "created_at": DATE,
            "sent_at": DATE,
            "next_attempt_at": DATE,
            "digest_id": KEYWORD,
            # Email: per-recipient outcomes ({address: "550 …"}: keys have dots).
            "delivered_to": KEYWORD,
            "rejected_to": {"type": "flattened"},
            "config_id": KEYWORD,  # the channel configuration that rejected it
            "leased_by": KEYWORD,  # host:pid of the sender holding the lease
            "digest_day": KEYWORD,  # released by that day's daily digest
            # Daily-digest markers (`digest:<channel>:<day>`, create-only).
            "kind": KEYWORD,
            "cutoff": DATE,
        },
    }


def runs_mapping(_languages: dict[str, str]) -> dict:
    return {
        "dynamic": False,
        "properties": {
            "run_id": KEYWORD,
            "source": KEYWORD,
            "spider": KEYWORD,
            "status": KEYWORD,
            "started_at": DATE,
            "finished_at": DATE,
            "duration_s": FLOAT,
            "pages": INT,
            "items": INT,
            "indexed": INT,
            "duplicates": INT,
            "off_topic": INT,
            "dropped": INT,
            "errors": INT,
            "spooled": INT,
            "new_claims": INT,
            "error_messages": {"type": "text"},
        },
    }


def sources_mapping(_languages: dict[str, str]) -> dict:
    return {
        "dynamic": False,
        "properties": {
            "source": KEYWORD,
            "kind": KEYWORD,
            "lang": KEYWORD,
            "url": KEYWORD,
            "last_fetched": DATE,
            "last_status": INT,
            "last_error": {"type": "text"},
            "last_error_at": DATE,
            "articles_found": INT,
            "etag": {"type": "keyword", "index": False, "doc_values": False},
            "last_modified": {"type": "keyword", "index": False, "doc_values": False},
        },
    }


def tasks_mapping(_languages: dict[str, str]) -> dict:
    """One document per crawl slot (`crawl:<source>:<interval>:<slot>`, create-only) or
    backfill file: who holds it (`node`), until when (`lease_until`, Elasticsearch's
    clock), and how it ended."""
    return {
        "dynamic": False,
        "properties": {
            "task": KEYWORD,  # crawl:<source>
            "kind": KEYWORD,  # crawl
            "source": KEYWORD,
            "slot": LONG,
            "interval_s": FLOAT,
            "slot_start": DATE,
            "slot_end": DATE,
            "status": KEYWORD,  # running, done, failed, interrupted, abandoned
            "node": KEYWORD,
            "lease_until": DATE,
            "claimed_at": DATE,
            "finished_at": DATE,
            "attempts": INT,
            "run_id": KEYWORD,
            "taken_over_from": KEYWORD,
            "path": KEYWORD,  # backfill: the WARC file
            "error": {"type": "text"},
        },
    }


def nodes_mapping(_languages: dict[str, str]) -> dict:
    """One document per daemon (`TROOPWATCH_NODE_ID`), its heartbeat."""
    return {
        "dynamic": False,
        "properties": {
            "node": KEYWORD,
            "host": KEYWORD,
            "pid": INT,
            "status": KEYWORD,  # running, stopped
            "started_at": DATE,
            "heartbeat_at": DATE,
            "stopped_at": DATE,
            "sources": INT,
            "max_parallel_crawls": INT,
            "lease_s": FLOAT,  # its task lease: no heartbeat for longer, it is gone
            "running": KEYWORD,  # task ids held
        },
    }


@dataclass(frozen=True)
class IndexSpec:
    name: str
    version: int
    mapping: object  # callable(languages) -> mapping

    def alias(self, prefix: str) -> str:
        return f"{prefix}-{self.name}"

    def index(self, prefix: str) -> str:
        return f"{prefix}-{self.name}-v{self.version}"


SPECS: dict[str, IndexSpec] = {
    spec.name: spec
    for spec in (
        IndexSpec("articles", 1, articles_mapping),
        IndexSpec("claims", 2, claims_mapping),
        IndexSpec("claim-keys", 1, claim_keys_mapping),
        IndexSpec("alerts", 2, alerts_mapping),
        IndexSpec("runs", 1, runs_mapping),
        IndexSpec("sources", 1, sources_mapping),
        IndexSpec("tasks", 1, tasks_mapping),
        IndexSpec("nodes", 1, nodes_mapping),
    )
}


@dataclass(frozen=True)
class Indices:
    """Alias names for one prefix; the only place index names are built."""

    prefix: str

    def alias(self, name: str) -> str:
        return SPECS[name].alias(self.prefix)

    @property
    def articles(self) -> str:
        return self.alias("articles")

    @property
    def claims(self) -> str:
        return self.alias("claims")

    @property
    def claim_keys(self) -> str:
        return self.alias("claim-keys")

    @property
    def alerts(self) -> str:
        return self.alias("alerts")

    @property
    def runs(self) -> str:
        return self.alias("runs")

    @property
    def sources(self) -> str:
        return self.alias("sources")

    @property
    def tasks(self) -> str:
        return self.alias("tasks")

    @property
    def nodes(self) -> str:
        return self.alias("nodes")


def available_languages(es: Elasticsearch) -> dict[str, str]:
    """Language -> analyser, for the analysers every node of this cluster provides."""
    info = es.nodes.info(metric="plugins")
    per_node = []
    for node in info["nodes"].values():
        names = {m["name"] for m in node.get("modules", [])}
        names |= {p["name"] for p in node.get("plugins", [])}
        per_node.append(names)
    common = set.intersection(*per_node) if per_node else set()
    return {
        lang: analyzer
        for lang, (analyzer, provider) in LANGUAGE_ANALYZERS.items()
        if provider in common
    }


def template_body(spec: IndexSpec, prefix: str, languages: dict[str, str], replicas: int) -> dict:
    return {
        "index_patterns": [f"{prefix}-{spec.name}-v*"],
        "priority": 200,
        "template": {
            "settings": {"number_of_shards": 1, "number_of_replicas": replicas},
            "mappings": {
                **spec.mapping(languages),
                "_meta": {"troopwatch_index": spec.name, "version": spec.version},
            },
        },
        "_meta": {"managed_by": "troopwatch", "version": spec.version},
    }


def setup_indices(es: Elasticsearch, prefix: str, replicas: int | None = None) -> list[str]:
    """Idempotently install templates and make each alias point at the current version.

    Returns a list of human-readable actions taken (empty when everything was in place).
    """
    if replicas is None:
        nodes = es.cluster.health()["number_of_data_nodes"]
        replicas = 0 if nodes < 2 else 1
    languages = available_languages(es)
    actions: list[str] = []
    for spec in SPECS.values():
        es.indices.put_index_template(
            name=f"{prefix}-{spec.name}", **template_body(spec, prefix, languages, replicas)
        )
        alias, index = spec.alias(prefix), spec.index(prefix)
        if not es.indices.exists(index=index):
            es.indices.create(index=index)
            actions.append(f"created {index}")
        try:
            current = sorted(es.indices.get_alias(name=alias).keys())
        except NotFoundError:
            current = []
        if current == [index]:
            continue
        for old in (name for name in current if name != index):
            # Writes must stop before the copy: one made during it would be left behind
            # at the swap (a lost claim key alerts twice). The block waits for writes in
            # flight; later ones fail as retryable (cluster_block_exception), so writers
            # spool them and write them through the alias once it has moved. The old
            # index stays read-only, as a crash here must leave nothing writable there.
            es.indices.add_block(index=old, block="write")
            es.indices.refresh(index=old)  # the copy (a search) sees only refreshed writes
            copied = _copy_documents(es, old, index)
            actions.append(f"copied {copied} documents {old} -> {index}")
        swap = [{"remove": {"index": old, "alias": alias}} for old in current]
        swap.append({"add": {"index": index, "alias": alias, "is_write_index": True}})
        es.indices.update_aliases(actions=swap)
        actions.append(f"alias {alias} -> {index}")
    from troopwatch.es.rekey import rekey_articles  # rekey builds on the writer, which needs us

    actions += rekey_articles(es, Indices(prefix))
    return actions


def _copy_documents(es: Elasticsearch, source: str, target: str) -> int:
    # helpers.reindex probes the data-stream API, which minimal distributions lack.
    actions = (
        {"_index": target, "_id": hit["_id"], "_source": hit["_source"]}
        for hit in helpers.scan(es, index=source, query={"query": {"match_all": {}}})
    )
    success, _errors = helpers.bulk(es, actions, chunk_size=500)
    es.indices.refresh(index=target)
    return success


def drop_indices(es: Elasticsearch, prefix: str) -> None:
    """Delete the versioned indices (`<prefix>-<name>-v*`, their aliases with them) and the
    index templates of a prefix; for tests, which each use their own prefix."""
    for spec in SPECS.values():
        es.indices.delete(index=f"{prefix}-{spec.name}-v*", ignore_unavailable=True)
        es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-{spec.name}")
