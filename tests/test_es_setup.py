"""The real Elasticsearch, the index templates, versioned indices and aliases."""

from __future__ import annotations

import urllib.request

from troopwatch.es import indices as idx
from troopwatch.es.indices import SPECS, Indices, setup_indices


def test_server_is_a_real_elasticsearch(es_url):
    with urllib.request.urlopen(f"{es_url}/_cluster/health") as resp:
        assert resp.headers["X-Elastic-Product"] == "Elasticsearch"


def test_setup_is_idempotent_and_aliases_point_at_versions(es, index_prefix):
    # The fixture ran setup once; a second run changes nothing.
    assert setup_indices(es, index_prefix) == []
    for spec in SPECS.values():
        aliases = es.indices.get_alias(name=spec.alias(index_prefix))
        assert list(aliases) == [spec.index(index_prefix)]


def test_mappings_are_made_for_kibana(es, indices: Indices):
    props = es.indices.get_mapping(index=indices.articles)
    mapping = next(iter(props.values()))["mappings"]
    assert mapping["dynamic"] == "false"
    fields = mapping["properties"]
    assert fields["published_at"]["type"] == "date"
    assert fields["lang"]["type"] == "keyword"
    assert fields["people"]["type"] == "keyword"
    assert fields["text"]["type"] == "text"
    assert fields["title"]["fields"]["raw"]["type"] == "keyword"
    # An unplanned field is kept in _source but never mapped.
    es.index(
        index=indices.articles, id="x", document={"surprise": "value", "lang": "en"}, refresh=True
    )
    after = next(iter(es.indices.get_mapping(index=indices.articles).values()))["mappings"]
    assert "surprise" not in after["properties"]
    assert es.get(index=indices.articles, id="x")["_source"]["surprise"] == "value"


def test_mapping_version_bump_moves_documents_to_new_index(es, index_prefix, monkeypatch):
    es.index(index=f"{index_prefix}-runs", id="r1", document={"run_id": "r1"}, refresh=True)
    bumped = idx.IndexSpec("runs", 2, idx.runs_mapping)
    monkeypatch.setitem(SPECS, "runs", bumped)
    actions = setup_indices(es, index_prefix)
    assert f"created {index_prefix}-runs-v2" in actions
    assert list(es.indices.get_alias(name=f"{index_prefix}-runs")) == [f"{index_prefix}-runs-v2"]
    assert es.get(index=f"{index_prefix}-runs", id="r1")["_source"]["run_id"] == "r1"
    es.indices.delete(index=f"{index_prefix}-runs-v2")


def test_language_subfields_follow_the_cluster(es):
    languages = idx.available_languages(es)
    text = idx.text_field(languages)
    # The integ-test distribution has no language analysers; a full cluster has them.
    assert set(text.get("fields", {})) == set(languages)
    full = idx.text_field({"en": "english", "ko": "nori"}, raw=True)
    assert full["fields"]["en"]["analyzer"] == "english"
    assert full["fields"]["raw"]["type"] == "keyword"
