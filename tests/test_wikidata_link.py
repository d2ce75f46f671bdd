"""`troopwatch entities link` against a local server that answers as Wikidata's API does.

The item ids here are made up (Q9000xx): the test is about the linker's decisions, not
about Wikidata's contents.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from troopwatch import cli
from troopwatch.entities import wikidata as wd
from troopwatch.entities.kb import load_kb


def _item(qid: str, labels: dict[str, str], aliases: dict[str, list[str]], p31: str) -> dict:
    return {
        "type": "item",
        "id": qid,
        "labels": {k: {"language": k, "value": v} for k, v in labels.items()},
        "aliases": {k: [{"language": k, "value": a} for a in v] for k, v in aliases.items()},
        "claims": {
            "P31": [
                {
                    "mainsnak": {
                        "snaktype": "value",
                        "property": "P31",
                        "datavalue": {"value": {"entity-type": "item", "id": p31}},
                    },
                    "type": "statement",
                    "rank": "normal",
                }
            ]
        },
    }


ITEMS = {
    "Q900001": _item(
        "Q900001", {"en": "Kim Jong Un", "ko": "김정은"}, {"en": ["Kim Jong-un"]}, "Q5"
    ),
    "Q900002": _item("Q900002", {"en": "Emily Brontë"}, {}, "Q5"),
    "Q900003": _item("Q900003", {"en": "Sergey Lavrov", "ru": "Сергей Лавров"}, {}, "Q5"),
    "Q900011": _item("Q900011", {"en": "Kursk Oblast", "ru": "Курская область"}, {}, "Q835714"),
    "Q900020": _item("Q900020", {"en": "Robert Wood"}, {}, "Q5"),
    "Q900021": _item("Q900021", {"en": "Robert Wood"}, {"en": ["Robert A. Wood"]}, "Q5"),
    # Same name, wrong kind: a ship is no person.
    "Q900030": _item("Q900030", {"en": "Kim Song"}, {}, "Q11446"),
    "Q900031": _item("Q900031", {"en": "Kim Song", "ko": "김성"}, {}, "Q5"),
}
REDIRECTS = {"Q900010": "Q900011"}  # merged into the oblast


class FakeWikidata(BaseHTTPRequestHandler):
    requests: list[dict] = []
    fail_first: list[int] = []  # status codes (or 0 for a maxlag error) to answer first

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        type(self).requests.append({"path": url.path, "ua": self.headers.get("User-Agent"), **q})
        if url.path != "/w/api.php" or q.get("format") != "json":
            return self._send(400, {"error": {"code": "badrequest", "info": "format=json"}})
        if self.fail_first:
            code = self.fail_first.pop(0)
            if code:
                return self._send(code, {}, {"Retry-After": "0"})
            return self._send(
                200, {"error": {"code": "maxlag", "info": "lagged"}}, {"Retry-After": "0"}
            )
        if q.get("action") == "wbgetentities":
            ids = q["ids"].split("|")
            if len(ids) > 50:
                return self._send(200, {"error": {"code": "toomanyvalues", "info": "50"}})
            out = {}
            for i in ids:
                target = REDIRECTS.get(i, i)
                if target in ITEMS:
                    ent = dict(ITEMS[target])
                    if target != i:
                        ent["redirects"] = {"from": i, "to": target}
                    out[i] = ent
                else:
                    out[i] = {"id": i, "missing": ""}
            return self._send(200, {"entities": out, "success": 1})
        if q.get("action") == "wbsearchentities":
            term, lang = q["search"].lower(), q["language"]
            hits = []
            for qid, ent in ITEMS.items():
                names = [ent["labels"].get(lang, {}).get("value", "")]
                names += [a["value"] for a in ent["aliases"].get(lang, [])]
                if any(n.lower().startswith(term) for n in names if n):
                    hits.append({"id": qid, "label": names[0], "match": {"language": lang}})
            return self._send(200, {"searchinfo": {"search": q["search"]}, "search": hits})
        return self._send(200, {"error": {"code": "unknown_action", "info": q.get("action")}})

    def _send(self, status: int, body: dict, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def api_url(monkeypatch):
    FakeWikidata.requests = []
    FakeWikidata.fail_first = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeWikidata)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/w/api.php"
    monkeypatch.setenv("TROOPWATCH_WIKIDATA_URL", url)
    yield url
    server.shutdown()
    server.server_close()


KB_YAML = """\
# People of the test KB. This comment must survive the edit.
- id: kim-jong-un
  name: Kim Jong Un
  wikidata: Q900001
  aliases:
    ko: [김정은]

- id: sergei-lavrov
  name: Sergei Lavrov
  wikidata: Q900002  # wrong: someone else
  aliases:
    en: [Sergey Lavrov]
    ru: [Сергей Лавров]

- id: robert-wood
  name: Robert Wood
  aliases:
    en: [Robert Wood]

- id: kim-song
  name: Kim Song
  aliases:
    ko: [김성]

- id: nobody
  name: Zzyzx Qwerty
  wikidata: Q900099
"""

PLACES_YAML = """\
- id: kursk
  name: Kursk region
  wikidata: Q900010
  aliases:
    ru: [Курская область]
"""


@pytest.fixture
def kb_dir(tmp_path: Path) -> Path:
    (tmp_path / "people.yaml").write_text(KB_YAML, encoding="utf-8")
    (tmp_path / "places.yaml").write_text(PLACES_YAML, encoding="utf-8")
    return tmp_path


def test_link_decisions(api_url: str, kb_dir: Path) -> None:
    api = wd.WikidataApi(api_url, contact="https://example.org/contact")
    links = {x.entity_id: x for x in wd.link_entities(load_kb(kb_dir).entities, api)}
    assert links["kim-jong-un"].status == "confirmed"
    # A wrong id is replaced by the one item whose names and kind fit.
    assert (links["sergei-lavrov"].status, links["sergei-lavrov"].proposed) == (
        "proposed",
        "Q900003",
    )
    assert "Emily Brontë" in links["sergei-lavrov"].detail
    # Two people of that name: reported, never chosen.
    assert links["robert-wood"].status == "ambiguous"
    assert links["robert-wood"].proposed is None
    # The ship called Kim Song is not the person.
    assert (links["kim-song"].status, links["kim-song"].proposed) == ("proposed", "Q900031")
    # A deleted item with nothing to replace it.
    assert (links["nobody"].status, links["nobody"].proposed) == ("wrong", None)
    # A merged item: its new id.
    assert (links["kursk"].status, links["kursk"].proposed) == ("redirected", "Q900011")
    # The API etiquette: a contact in the user agent, maxlag, at most 50 ids per request.
    assert all(
        "example.org/contact" in r["ua"] and r["maxlag"] == "5" for r in FakeWikidata.requests
    )


WRITE = ["entities", "link", "--write", "--trust-insecure-source"]  # the fake is http


def test_write_keeps_comments_and_layout(api_url: str, kb_dir: Path, capsys) -> None:
    assert cli.main([*WRITE, "--dir", str(kb_dir)]) == 0
    text = (kb_dir / "people.yaml").read_text(encoding="utf-8")
    via = f"  # via {api_url}"  # where the ids came from (not Wikidata itself)
    assert text.startswith("# People of the test KB. This comment must survive the edit.\n")
    assert f"  name: Sergei Lavrov\n  wikidata: Q900003{via}\n  aliases:" in text
    assert "Q900002" not in text
    assert f"  name: Kim Song\n  wikidata: Q900031{via}\n" in text
    assert "- id: robert-wood\n  name: Robert Wood\n  aliases:" in text  # untouched
    assert "- id: nobody\n  name: Zzyzx Qwerty\n" in text and "Q900099" not in text
    assert "wikidata: Q900011" in (kb_dir / "places.yaml").read_text(encoding="utf-8")
    by_id = {e.id: e.wikidata for e in load_kb(kb_dir).entities}
    assert by_id == {
        "kim-jong-un": "Q900001",
        "sergei-lavrov": "Q900003",
        "robert-wood": None,
        "kim-song": "Q900031",
        "nobody": None,
        "kursk": "Q900011",
    }
    err = capsys.readouterr().err
    assert "6 entities:" in err and "ambiguous 1" in err
    # A second run finds nothing more to change.
    assert cli.main([*WRITE, "--dir", str(kb_dir)]) == 0
    assert "wrote 0 change(s)" in capsys.readouterr().err


def test_write_refuses_ids_from_a_plain_http_mirror(api_url: str, kb_dir: Path, capsys) -> None:
    before = {p.name: p.read_text(encoding="utf-8") for p in kb_dir.glob("*.yaml")}
    assert cli.main(["entities", "link", "--dir", str(kb_dir), "--write"]) == 2
    err = capsys.readouterr().err
    assert "is not https" in err and "--trust-insecure-source" in err
    assert "Traceback" not in err
    assert {p.name: p.read_text(encoding="utf-8") for p in kb_dir.glob("*.yaml")} == before
    assert FakeWikidata.requests == []  # refused before asking it anything
    # Reading (no --write) from it is fine: nothing is trusted.
    assert cli.main(["entities", "link", "--dir", str(kb_dir)]) == 0


def test_backs_off_when_asked(api_url: str, kb_dir: Path) -> None:
    FakeWikidata.fail_first = [429, 0]  # too many requests, then a maxlag error
    api = wd.WikidataApi(api_url)
    links = wd.link_entities(load_kb(kb_dir).entities[:1], api)
    assert links[0].status == "confirmed"
    assert len(FakeWikidata.requests) >= 3


def test_unreachable_is_one_line(monkeypatch, kb_dir: Path, capsys) -> None:
    monkeypatch.setenv("TROOPWATCH_WIKIDATA_URL", "http://127.0.0.1:9/w/api.php")
    assert cli.main(["entities", "link", "--dir", str(kb_dir)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("troopwatch: Wikidata unreachable:") and "\n" not in err
    assert "Q900002" in (kb_dir / "people.yaml").read_text(encoding="utf-8")  # nothing written


def test_shipped_ids_are_well_formed_and_unique() -> None:
    seen: dict[str, str] = {}
    for e in load_kb().entities:
        if e.wikidata is None:
            continue
        assert wd._QID.match(e.wikidata), (e.id, e.wikidata)
        assert e.wikidata not in seen, f"{e.id} and {seen.get(e.wikidata)} share {e.wikidata}"
        seen[e.wikidata] = e.id
