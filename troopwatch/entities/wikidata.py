"""Link knowledge-base entities to Wikidata items, and check the links they have.

An id is accepted only when the item itself agrees: one of its labels or aliases (any
language) equals one of the entity's names, and its kind fits (a person is an instance of
human, Q5; nothing else is). Candidates come from ``wbsearchentities`` in each language the
entity has names in; more than one fitting item is reported as ambiguous, never chosen.

The logic (:func:`item_fits`, :func:`review`) takes parsed API answers; :class:`WikidataApi`
is the only part that talks to the network, and :func:`write_ids` the only one that writes
the YAML files, line by line so their comments stay.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from troopwatch.entities.kb import Entity, normalize_phrase
from troopwatch.http import retry_after_seconds
from troopwatch.languages import LANGUAGES
from troopwatch.redact import redact_url

DEFAULT_API = "https://www.wikidata.org/w/api.php"
HUMAN = "Q5"
_QID = re.compile(r"^Q[1-9]\d*$")
# Languages searched per entity, in order; a few names each keep the request count low.
_SEARCH_LANGS = LANGUAGES  # Wikidata has labels in every language we read
_NAMES_PER_LANG = 2


class WikidataError(RuntimeError):
    """The API could not be reached or answered with an error."""


@dataclass(frozen=True)
class Item:
    """What the linker needs of a Wikidata item."""

    id: str
    names: frozenset[str]  # normalised labels and aliases, every language
    instance_of: frozenset[str]
    label: str = ""
    redirected_from: str | None = None
    missing: bool = False


@dataclass(frozen=True)
class Link:
    entity_id: str
    current: str | None
    proposed: str | None
    status: str  # confirmed | redirected | wrong | proposed | ambiguous | not_found
    detail: str = ""

    @property
    def changes(self) -> bool:
        return self.status in ("redirected", "proposed") and self.proposed != self.current


def parse_items(answer: dict) -> dict[str, Item]:
    """``wbgetentities`` answer -> items, under the id asked for and the id they have (an
    id that was merged into another answers with the other item)."""
    out: dict[str, Item] = {}
    for key, ent in (answer.get("entities") or {}).items():
        if "missing" in ent:
            out[key] = Item(key, frozenset(), frozenset(), missing=True)
            continue
        names = {normalize_phrase(v["value"]) for v in (ent.get("labels") or {}).values()}
        for vals in (ent.get("aliases") or {}).values():
            names.update(normalize_phrase(v["value"]) for v in vals)
        p31 = set()
        for claim in (ent.get("claims") or {}).get("P31", []):
            value = ((claim.get("mainsnak") or {}).get("datavalue") or {}).get("value") or {}
            if isinstance(value, dict) and value.get("id"):
                p31.add(value["id"])
        labels = ent.get("labels") or {}
        label = (labels.get("en") or next(iter(labels.values()), {})).get("value", "")
        item_id = ent.get("id", key)
        origin = (ent.get("redirects") or {}).get("from") or (key if key != item_id else None)
        item = Item(item_id, frozenset(names - {""}), frozenset(p31), label, origin)
        out[key] = out[item_id] = item
        if origin:
            out[origin] = item
    return out


def entity_names(entity: Entity) -> set[str]:
    return {normalize_phrase(a) for _, a in entity.all_aliases()} - {""}


def item_fits(entity: Entity, item: Item) -> bool:
    """Does the item carry one of the entity's names, and is it the right kind of thing?"""
    if item.missing or not (entity_names(entity) & item.names):
        return False
    is_human = HUMAN in item.instance_of
    return is_human if entity.type == "person" else not is_human


def search_terms(entity: Entity) -> Iterator[tuple[str, str]]:
    """(language, text) to search: the canonical name, then a few names per language."""
    seen = {("en", entity.name)}
    yield "en", entity.name
    for lang in _SEARCH_LANGS:
        for name in (entity.aliases.get(lang) or [])[:_NAMES_PER_LANG]:
            if (lang, name) not in seen:
                seen.add((lang, name))
                yield lang, name


def review(entity: Entity, current: Item | None, candidates: Iterable[Item]) -> Link:
    """Judge an entity's current id and, when it has none that fits, the candidates."""
    cur = entity.wikidata
    if current is not None and item_fits(entity, current):
        if current.redirected_from:
            return Link(entity.id, cur, current.id, "redirected", f"{cur} -> {current.id}")
        return Link(entity.id, cur, cur, "confirmed", current.label)
    fitting = sorted({c.id: c for c in candidates if item_fits(entity, c)}.values(), key=_qnum)
    if cur and current is not None:
        why = "no such item" if current.missing else f"{cur} is {current.label or '?'}"
        if len(fitting) == 1:
            return Link(entity.id, cur, fitting[0].id, "proposed", f"{why}; {fitting[0].label}")
        return Link(entity.id, cur, None, "wrong", why)
    if len(fitting) == 1:
        return Link(entity.id, cur, fitting[0].id, "proposed", fitting[0].label)
    if fitting:
        ids = ", ".join(f"{c.id} ({c.label})" for c in fitting[:5])
        return Link(entity.id, cur, None, "ambiguous", ids)
    return Link(entity.id, cur, None, "not_found", "")


def _retry_after(value: str | None) -> float:
    """The server's Retry-After, at most 30 s; 5 s when it sends none we can read."""
    seconds = retry_after_seconds(value)
    return 5.0 if seconds is None else min(seconds, 30.0)


def _qnum(item: Item) -> int:
    return int(item.id[1:]) if _QID.match(item.id) else 0


class WikidataApi:
    """The MediaWiki action API of Wikidata (or a mirror), read-only."""

    def __init__(self, url: str = DEFAULT_API, *, timeout: float = 20.0, contact: str = "") -> None:
        self.url = url
        self.timeout = timeout
        # Wikimedia asks API clients for a descriptive user agent with a contact.
        self.user_agent = f"troopwatch-entity-linker/1.0 ({contact or 'no contact given'})"

    def _get(self, params: dict[str, str]) -> dict:
        query = urllib.parse.urlencode({**params, "format": "json", "maxlag": "5"})
        req = urllib.request.Request(f"{self.url}?{query}", headers={"User-Agent": self.user_agent})
        for attempt in range(3):
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310
                    answer = json.loads(resp.read().decode("utf-8"))
                    pause = _retry_after(resp.headers.get("Retry-After"))
            except urllib.error.HTTPError as exc:
                if exc.code in (429, 503) and attempt < 2:
                    time.sleep(_retry_after(exc.headers.get("Retry-After")))
                    continue
                raise WikidataError(f"{self.url}: HTTP {exc.code}") from None
            except (urllib.error.URLError, OSError, ValueError) as exc:
                reason = getattr(exc, "reason", exc)
                raise WikidataError(f"{self.url}: {reason}") from None
            err = answer.get("error") if isinstance(answer, dict) else None
            if err and err.get("code") == "maxlag" and attempt < 2:
                time.sleep(pause)  # the servers are lagging and ask clients to back off
                continue
            if err:
                raise WikidataError(f"{self.url}: {err.get('code')}: {err.get('info', '')}")
            return answer
        raise WikidataError(f"{self.url}: still busy after 3 attempts")

    def items(self, ids: Iterable[str]) -> dict[str, Item]:
        wanted = sorted({i for i in ids if _QID.match(i)}, key=lambda q: int(q[1:]))
        out: dict[str, Item] = {}
        for start in range(0, len(wanted), 50):  # the API's limit per request
            chunk = wanted[start : start + 50]
            answer = self._get(
                {
                    "action": "wbgetentities",
                    "ids": "|".join(chunk),
                    "props": "labels|aliases|claims",
                }
            )
            out.update(parse_items(answer))
        return out

    def search(self, text: str, lang: str, limit: int = 7) -> list[str]:
        answer = self._get(
            {
                "action": "wbsearchentities",
                "search": text,
                "language": lang,
                "uselang": lang,
                "type": "item",
                "limit": str(limit),
            }
        )
        return [hit["id"] for hit in answer.get("search", []) if _QID.match(hit.get("id", ""))]


def link_entities(entities: list[Entity], api: WikidataApi) -> list[Link]:
    """Check every current id; search for the entities without one that fits."""
    current = api.items(e.wikidata for e in entities if e.wikidata)
    links: list[Link] = []
    for e in entities:
        cur = current.get(e.wikidata) if e.wikidata else None
        if cur is not None and item_fits(e, cur):
            links.append(review(e, cur, []))
            continue
        found: list[str] = []
        for lang, text in search_terms(e):
            found += [q for q in api.search(text, lang) if q not in found]
        cands = api.items(found)
        links.append(review(e, cur, [cands[q] for q in found if q in cands]))
    return links


_BLOCK_START = re.compile(r"^- id:\s*(\S+)\s*$")
_FIELD = re.compile(r"^  (\w+):")


def check_write_source(url: str, trust_insecure: bool = False) -> None:
    """Ids written into the knowledge base must come from an API reached over https (or
    from a mirror the user vouches for): over plain http anyone on the path picks them."""
    if urllib.parse.urlsplit(url).scheme == "https" or trust_insecure:
        return
    raise WikidataError(
        f"{redact_url(url)} is not https: ids read from it could have been chosen by anyone "
        "on the way; use an https URL, or --trust-insecure-source if this mirror is yours"
    )


def write_ids(directory: Path, ids: dict[str, str | None], source: str = DEFAULT_API) -> int:
    """Set (or, for None, remove) ``wikidata:`` on the given entities in the YAML files
    of ``directory``, editing lines so comments and layout stay. Returns lines changed.
    Ids from anywhere but Wikidata itself say where they came from (a `# via` comment)."""
    via = "" if source == DEFAULT_API else f"  # via {redact_url(source)}"
    changed = 0
    for path in sorted(directory.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        out: list[str] = []
        i = 0
        while i < len(lines):
            m = _BLOCK_START.match(lines[i])
            if not m or m.group(1) not in ids:
                out.append(lines[i])
                i += 1
                continue
            j = i + 1
            while j < len(lines) and not lines[j].startswith("- "):
                j += 1
            block, qid = lines[i:j], ids[m.group(1)]
            new = [ln for ln in block if not ln.startswith("  wikidata:")]
            if qid:
                at = next((k + 1 for k, ln in enumerate(new) if ln.startswith("  name:")), 1)
                new.insert(at, f"  wikidata: {qid}{via}\n")
            changed += int(new != block)
            out.extend(new)
            i = j
        if out != lines:
            path.write_text("".join(out), encoding="utf-8")
    return changed
