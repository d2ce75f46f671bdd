"""Links into Kibana 8 for alerts and reports: the shipped dashboard filtered to one claim
key, and Discover on one article.

Kibana keeps an app's state in the URL fragment as Rison (`_g` global: time range; `_a`
app: query, data view). The ids are those of the shipped saved objects
(kibana/troopwatch.ndjson) for the configured index prefix, exactly as `troopwatch kibana
import` writes them, so a link opens what was imported. With no TROOPWATCH_KIBANA_URL there
are no links (never a dead one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

from troopwatch.kibana import load_saved_objects, with_prefix

# Rison's unquoted identifiers: anything else is a '…' string with ' and ! escaped by !.
_RISON_ID = re.compile(r"^[A-Za-z_./~-][A-Za-z0-9_./~-]*$")


def rison(value: object) -> str:
    """Encode a value as Rison (the compact JSON-like notation in Kibana URLs)."""
    if value is None:
        return "!n"
    if value is True:
        return "!t"
    if value is False:
        return "!f"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        if _RISON_ID.match(value):
            return value
        return "'" + value.replace("!", "!!").replace("'", "!'") + "'"
    if isinstance(value, dict):
        return "(" + ",".join(f"{rison(str(k))}:{rison(v)}" for k, v in value.items()) + ")"
    if isinstance(value, list | tuple):
        return "!(" + ",".join(rison(v) for v in value) + ")"
    raise TypeError(f"cannot encode {type(value).__name__} as Rison")


def _kql_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class SavedObjectIds:
    dashboard: str
    articles_view: str
    claims_view: str


@lru_cache(maxsize=8)
def saved_object_ids(prefix: str) -> SavedObjectIds:
    """The shipped dashboard and data view ids for an index prefix."""
    objects = with_prefix(load_saved_objects(), prefix)
    views = {o["attributes"]["title"]: o["id"] for o in objects if o["type"] == "index-pattern"}
    dashboard = next(o["id"] for o in objects if o["type"] == "dashboard")
    return SavedObjectIds(dashboard, views[f"{prefix}-articles"], views[f"{prefix}-claims"])


@dataclass(frozen=True)
class KibanaLinks:
    """Builds links for one Kibana (base URL, optional space) and index prefix."""

    base_url: str
    prefix: str
    space: str | None = None
    time_from: str = "now-2y"

    def _app(self, app: str) -> str:
        parts = urlsplit(self.base_url)
        host = parts.hostname or ""
        host = f"[{host}]" if ":" in host else host
        port = f":{parts.port}" if parts.port else ""
        # Never user:password@ in a link that goes out by email or Slack.
        base = f"{parts.scheme}://{host}{port}{parts.path.rstrip('/')}"
        space = f"/s/{quote(self.space, safe='')}" if self.space else ""
        return f"{base}{space}/app/{app}"

    def _g(self) -> str:
        return rison({"time": {"from": self.time_from, "to": "now"}})

    def dashboard_for_claim_key(self, claim_key: str) -> str:
        """The shipped dashboard filtered to one claim key (claims and the articles that
        state it)."""
        ids = saved_object_ids(self.prefix)
        kql = f"claim_key : {_kql_string(claim_key)} or claim_keys : {_kql_string(claim_key)}"
        a = rison({"query": {"language": "kuery", "query": kql}})
        return (
            f"{self._app('dashboards')}#/view/{ids.dashboard}"
            f"?_g={quote(self._g(), safe=_SAFE)}&_a={quote(a, safe=_SAFE)}"
        )

    def discover_article(self, article_id: str) -> str:
        """Discover on the articles data view, showing one article."""
        ids = saved_object_ids(self.prefix)
        a = rison(
            {
                "index": ids.articles_view,
                "query": {"language": "kuery", "query": f"article_id : {_kql_string(article_id)}"},
            }
        )
        return (
            f"{self._app('discover')}#/?_g={quote(self._g(), safe=_SAFE)}&_a={quote(a, safe=_SAFE)}"
        )


# Characters Rison uses that are safe to leave unescaped in a URL fragment's query.
_SAFE = "()!:,'~-_.*/"


def kibana_links_from_env(env: dict[str, str] | None = None) -> KibanaLinks | None:
    """Links for TROOPWATCH_KIBANA_URL (and TROOPWATCH_KIBANA_SPACE), or None when unset."""
    import os

    from troopwatch.config import DEFAULT_PREFIX

    env = os.environ if env is None else env
    base = (env.get("TROOPWATCH_KIBANA_URL") or "").strip()
    if not base or urlsplit(base).scheme not in ("http", "https"):
        return None
    prefix = env.get("TROOPWATCH_INDEX_PREFIX") or DEFAULT_PREFIX
    return KibanaLinks(base, prefix, (env.get("TROOPWATCH_KIBANA_SPACE") or "").strip() or None)
