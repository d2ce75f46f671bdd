"""Links into Kibana: Kibana 8's URL format, the shipped saved-object ids, fields that
exist in the real mapping, and no credentials in a link."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from troopwatch.config import DEFAULT_PREFIX
from troopwatch.kibana import NDJSON_PATH, with_prefix
from troopwatch.kibana_links import KibanaLinks, kibana_links_from_env, rison


def parse_rison(text: str):
    """A small independent Rison reader (objects, arrays, strings, ids, !t/!f/!n)."""
    pos = 0

    def value():
        nonlocal pos
        c = text[pos]
        if c == "(":
            pos += 1
            out = {}
            while text[pos] != ")":
                key = value()
                assert text[pos] == ":", text[pos:]
                pos += 1
                out[key] = value()
                if text[pos] == ",":
                    pos += 1
            pos += 1
            return out
        if text.startswith("!(", pos):
            pos += 2
            out = []
            while text[pos] != ")":
                out.append(value())
                if text[pos] == ",":
                    pos += 1
            pos += 1
            return out
        if c == "!":
            pos += 2
            return {"t": True, "f": False, "n": None}[text[pos - 1]]
        if c == "'":
            pos += 1
            buf = []
            while text[pos] != "'":
                if text[pos] == "!":
                    pos += 1
                buf.append(text[pos])
                pos += 1
            pos += 1
            return "".join(buf)
        m = re.compile(r"[^,:()!']+").match(text, pos)
        pos = m.end()
        return m.group()

    result = value()
    assert pos == len(text), text[pos:]
    return result


def shipped(prefix: str) -> list[dict]:
    objects = [json.loads(line) for line in NDJSON_PATH.read_text().splitlines() if line.strip()]
    return with_prefix(objects, prefix)


def fragment_state(url: str) -> tuple[str, dict, dict]:
    route, _, query = urlsplit(url).fragment.partition("?")
    params = parse_qs(query, keep_blank_values=True)
    return route, parse_rison(unquote(params["_g"][0])), parse_rison(unquote(params["_a"][0]))


def test_rison_round_trip():
    value = {"a": "x y", "b": ["it's", "!"], "c": True, "d": None, "e": "id-1", "f": 3}
    assert parse_rison(rison(value)) == {**value, "f": "3"}


@pytest.mark.parametrize("prefix", [DEFAULT_PREFIX, "tw-other"])
def test_dashboard_link_opens_the_shipped_dashboard_filtered_to_the_claim_key(prefix):
    links = KibanaLinks("https://user:secret@kibana.example:5601/base/", prefix, space="ops")
    url = links.dashboard_for_claim_key('deployed:11000:"x')
    parts = urlsplit(url)
    assert "secret" not in url and parts.netloc == "kibana.example:5601"
    assert parts.path == "/base/s/ops/app/dashboards"
    route, g, a = fragment_state(url)
    dashboards = [o["id"] for o in shipped(prefix) if o["type"] == "dashboard"]
    assert route == f"/view/{dashboards[0]}"
    assert g == {"time": {"from": "now-2y", "to": "now"}}
    assert a["query"]["language"] == "kuery"
    assert 'claim_key : "deployed:11000:\\"x"' in a["query"]["query"]


def test_discover_link_names_the_articles_data_view_and_the_article():
    url = KibanaLinks("http://127.0.0.1:5601", DEFAULT_PREFIX).discover_article("abc")
    parts = urlsplit(url)
    assert parts.path == "/app/discover"
    route, _g, a = fragment_state(url)
    assert route == "/"
    views = {
        o["attributes"]["title"]: o["id"]
        for o in shipped(DEFAULT_PREFIX)
        if o["type"] == "index-pattern"
    }
    assert a["index"] == views[f"{DEFAULT_PREFIX}-articles"]
    assert a["query"]["query"] == 'article_id : "abc"'


def test_no_kibana_url_no_links():
    assert kibana_links_from_env({}) is None
    assert kibana_links_from_env({"TROOPWATCH_KIBANA_URL": "javascript:alert(1)"}) is None
    links = kibana_links_from_env({"TROOPWATCH_KIBANA_URL": "http://k:5601"})
    assert links is not None and links.prefix == DEFAULT_PREFIX


def test_link_fields_exist_in_the_real_mapping(es, indices):
    mappings = {
        name: next(iter(es.indices.get_mapping(index=alias).values()))["mappings"]["properties"]
        for name, alias in (("articles", indices.articles), ("claims", indices.claims))
    }
    assert mappings["claims"]["claim_key"]["type"] == "keyword"
    assert mappings["articles"]["claim_keys"]["type"] == "keyword"
    assert mappings["articles"]["article_id"]["type"] == "keyword"
