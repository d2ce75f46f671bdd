"""Kibana saved objects: the shipped NDJSON (kibana/troopwatch.ndjson) and its import.

`import_saved_objects` posts the file to Kibana's saved objects import API
(`POST /api/saved_objects/_import?overwrite=true`, multipart with one `file` part) with
the `kbn-xsrf` header Kibana demands. The objects have fixed ids, so importing again
overwrites them in place.

The data views' titles are the alias names for the default prefix (`troopwatch-articles`,
...). For another TROOPWATCH_INDEX_PREFIX, `with_prefix` points them at that prefix's
aliases and derives distinct ids, so several prefixes can live in one Kibana space.
"""

from __future__ import annotations

import base64
import json
import os
import re
import ssl
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from troopwatch.config import DEFAULT_PREFIX, load_env
from troopwatch.paths import PROJECT_ROOT

NDJSON_PATH = PROJECT_ROOT / "kibana" / "troopwatch.ndjson"
DASHBOARD_TYPE = "dashboard"

# Export metadata Kibana adds and import ignores; dropped so the file diffs cleanly.
VOLATILE_KEYS = ("updated_at", "created_at", "updated_by", "created_by", "version", "namespaces")
# Attributes that hold JSON as a string; re-serialised canonically.
JSON_STRING_ATTRIBUTES = (
    "panelsJSON",
    "optionsJSON",
    "visState",
    "uiStateJSON",
    "fields",
    "fieldAttrs",
    "fieldFormatMap",
    "runtimeFieldMap",
    "sourceFilters",
    "typeMeta",
)
TYPE_ORDER = {"index-pattern": 0, "search": 1, "visualization": 2, "lens": 3, "dashboard": 4}
PREFIX_NAMESPACE = uuid.UUID("0b6f6c55-1d6e-4c47-8f0e-7472706f7078")
SPACE_ID = re.compile(r"^[a-z0-9_\-]+$")


class KibanaError(Exception):
    """Kibana could not be reached or refused the import; the message is one line."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))


# -- the NDJSON ---------------------------------------------------------------------------


def _canonical_json(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def loads_saved_objects(text: str) -> list[dict]:
    """Parse NDJSON; blank lines and an export's trailing summary line are skipped."""
    objects = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise ValueError(f"line {number}: not a JSON object")
        if "exportedCount" in obj and "id" not in obj:
            continue
        objects.append(obj)
    return objects


def load_saved_objects(path: Path | str = NDJSON_PATH) -> list[dict]:
    return loads_saved_objects(Path(path).read_text(encoding="utf-8"))


def normalise_saved_objects(objects: list[dict]) -> list[dict]:
    """A canonical form of exported objects: no export metadata, embedded JSON strings
    re-serialised with sorted keys, references sorted, objects in dependency order.

    Applying it to its own output changes nothing, so an export that went through it
    diffs only where something really changed.
    """
    out = []
    for obj in objects:
        obj = json.loads(json.dumps(obj))  # deep copy
        for key in VOLATILE_KEYS:
            obj.pop(key, None)
        attrs = obj.get("attributes") or {}
        for key in JSON_STRING_ATTRIBUTES:
            if isinstance(attrs.get(key), str) and attrs[key]:
                attrs[key] = _canonical_json(attrs[key])
        meta = attrs.get("kibanaSavedObjectMeta") or {}
        if isinstance(meta.get("searchSourceJSON"), str):
            meta["searchSourceJSON"] = _canonical_json(meta["searchSourceJSON"])
        obj["references"] = sorted(
            obj.get("references") or [], key=lambda r: (r["name"], r["type"], r["id"])
        )
        out.append(obj)
    return sorted(out, key=lambda o: (TYPE_ORDER.get(o["type"], 9), o["type"], o["id"]))


def dumps_saved_objects(objects: list[dict]) -> str:
    """One compact JSON object per line, keys sorted, ending with a newline."""
    lines = [
        json.dumps(o, ensure_ascii=False, separators=(",", ":"), sort_keys=True) for o in objects
    ]
    return "\n".join(lines) + "\n"


def with_prefix(objects: list[dict], prefix: str) -> list[dict]:
    """The objects for another index prefix: data view titles become that prefix's aliases;
    ids are derived from (prefix, id) and other titles say the prefix, so importing for a
    second prefix never overwrites the first one's objects.
    """
    if prefix == DEFAULT_PREFIX:
        return [json.loads(json.dumps(o)) for o in objects]

    def new_id(old: str) -> str:
        return str(uuid.uuid5(PREFIX_NAMESPACE, f"{prefix}/{old}"))

    out = []
    for obj in objects:
        obj = json.loads(json.dumps(obj))
        obj["id"] = new_id(obj["id"])
        for ref in obj.get("references") or []:
            ref["id"] = new_id(ref["id"])
        attrs = obj.get("attributes") or {}
        if obj["type"] == "index-pattern":
            old = f"{DEFAULT_PREFIX}-"
            if attrs.get("title", "").startswith(old):
                attrs["title"] = f"{prefix}-{attrs['title'][len(old) :]}"
            if attrs.get("name", "").startswith(f"{DEFAULT_PREFIX} "):
                attrs["name"] = f"{prefix} {attrs['name'][len(DEFAULT_PREFIX) + 1 :]}"
        elif attrs.get("title"):
            attrs["title"] = f"{attrs['title']} [{prefix}]"
        out.append(obj)
    return out


# -- the import ---------------------------------------------------------------------------


def _display_url(url: str) -> str:
    """The URL without any user:password@ part, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


class _CredentialSafeRedirects(urllib.request.HTTPRedirectHandler):
    """urllib's redirects, minus the credentials when the redirect leaves the origin:
    urllib would send our Authorization header to whatever host Kibana (or something
    posing as it) redirects to."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and _origin(new.full_url) != _origin(req.full_url):
            for name in ("Authorization", "Cookie"):
                new.headers.pop(name, None)
                new.unredirected_hdrs.pop(name, None)
        return new


def _authorization(
    url: str, api_key: str | None, user: str | None, password: str | None
) -> str | None:
    if api_key:
        # Kibana wants the base64 "encoded" key; accept the raw "id:key" form too.
        if ":" in api_key:
            api_key = base64.b64encode(api_key.encode()).decode()
        return f"ApiKey {api_key}"
    parts = urlsplit(url)
    if not user and parts.username:
        user, password = unquote(parts.username), unquote(parts.password or "")
    if user:
        if password is None:
            raise KibanaError(f"Kibana user {user!r} given without a password")
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    return None


def _multipart(content: bytes, filename: str) -> tuple[bytes, str]:
    boundary = f"troopwatch-{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/ndjson\r\n\r\n"
    ).encode()
    return head + content + f"\r\n--{boundary}--\r\n".encode(), boundary


def _object_error(err: dict) -> str:
    what = f"{err.get('type', '?')} {err.get('id', '?')}"
    title = err.get("title") or (err.get("meta") or {}).get("title")
    if title:
        what += f" ({title})"
    detail = err.get("error") or {}
    reason = detail.get("type", "error")
    if detail.get("references"):
        refs = ", ".join(f"{r.get('type')}/{r.get('id')}" for r in detail["references"])
        reason += f" {refs}"
    if detail.get("message"):
        reason += f": {detail['message']}"
    return f"{what}: {reason}"


def _refusal(status: int, body: bytes, where: str) -> KibanaError:
    try:
        payload = json.loads(body)
    except ValueError:
        payload = None
    if isinstance(payload, dict) and (payload.get("message") or payload.get("error")):
        reason = f"{status} {payload.get('error') or ''}".strip()
        message = f"Kibana at {where} refused the import ({reason}): {payload.get('message', '')}"
    else:
        snippet = body[:200].decode("utf-8", errors="replace")
        message = f"Kibana at {where} answered HTTP {status}: {snippet}"
    if status in (401, 403):
        message += " (check TROOPWATCH_KIBANA_API_KEY or TROOPWATCH_KIBANA_USER/_PASSWORD)"
    return KibanaError(message)


def import_saved_objects(
    url: str | None = None,
    api_key: str | None = None,
    user: str | None = None,
    password: str | None = None,
    ca_file: str | None = None,
    space: str | None = None,
    path: Path | str | None = None,
    prefix: str | None = None,
    timeout: float = 60.0,
) -> str:
    """Import the shipped saved objects into Kibana; a one-line summary.

    Unset arguments come from TROOPWATCH_KIBANA_URL, _API_KEY, _USER, _PASSWORD, _CA and
    TROOPWATCH_INDEX_PREFIX. Raises KibanaError when Kibana is unreachable or refuses
    anything.
    """
    load_env()
    env = os.environ
    url = url or env.get("TROOPWATCH_KIBANA_URL")
    if not url:
        raise KibanaError("no Kibana URL: set TROOPWATCH_KIBANA_URL or --url")
    if not re.match(r"^https?://", url):
        raise KibanaError(f"Kibana URL must start with http:// or https://: {_display_url(url)}")
    api_key = api_key or env.get("TROOPWATCH_KIBANA_API_KEY") or None
    user = user or env.get("TROOPWATCH_KIBANA_USER") or None
    if password is None:
        password = env.get("TROOPWATCH_KIBANA_PASSWORD")
    ca_file = ca_file or env.get("TROOPWATCH_KIBANA_CA") or None
    prefix = prefix or env.get("TROOPWATCH_INDEX_PREFIX") or DEFAULT_PREFIX
    if space and not SPACE_ID.match(space):
        raise KibanaError(f"not a Kibana space id: {space!r} (lowercase letters, digits, _ and -)")

    source = Path(path) if path else NDJSON_PATH
    try:
        objects = with_prefix(load_saved_objects(source), prefix)
    except (OSError, ValueError) as exc:
        raise KibanaError(f"cannot read saved objects from {source}: {exc}") from exc
    body, boundary = _multipart(dumps_saved_objects(objects).encode("utf-8"), "troopwatch.ndjson")

    base = _display_url(url)
    space_path = f"/s/{quote(space)}" if space and space != "default" else ""
    endpoint = f"{base}{space_path}/api/saved_objects/_import?overwrite=true"
    headers = {
        "kbn-xsrf": "true",  # Kibana refuses state-changing API calls without it
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Accept": "application/json",
        "User-Agent": "troopwatch",
    }
    auth = _authorization(url, api_key, user, password)
    if auth:
        headers["Authorization"] = auth
    context = None
    if endpoint.startswith("https://"):
        try:
            context = ssl.create_default_context(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise KibanaError(f"cannot use CA file {ca_file}: {exc}") from exc

    request = urllib.request.Request(endpoint, data=body, headers=headers, method="POST")
    opener = urllib.request.build_opener(
        urllib.request.HTTPSHandler(context=context), _CredentialSafeRedirects()
    )
    try:
        with opener.open(request, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        raise _refusal(exc.code, exc.read(), base) from exc
    except urllib.error.URLError as exc:
        raise KibanaError(f"cannot reach Kibana at {base}: {exc.reason}") from exc
    except TimeoutError as exc:
        raise KibanaError(f"Kibana at {base} did not answer within {timeout:g}s") from exc
    except (ConnectionError, OSError) as exc:
        raise KibanaError(f"cannot reach Kibana at {base}: {exc}") from exc

    try:
        result = json.loads(raw)
    except ValueError as exc:
        snippet = raw[:200].decode("utf-8", errors="replace")
        raise KibanaError(
            f"Kibana at {base} answered HTTP {status} with non-JSON: {snippet}"
        ) from exc
    if not isinstance(result, dict) or "success" not in result:
        raise KibanaError(f"Kibana at {base} answered HTTP {status} without an import result")

    count = result.get("successCount", 0)
    if not result["success"]:
        errors = result.get("errors") or []
        shown = "; ".join(_object_error(e) for e in errors[:3])
        more = f"; and {len(errors) - 3} more" if len(errors) > 3 else ""
        raise KibanaError(
            f"Kibana at {base} imported {count} of {len(objects)} saved objects; "
            f"{len(errors)} failed: {shown}{more}"
        )

    where = f"{base} (space {space})" if space_path else base
    summary = f"imported {count} saved objects into Kibana at {where}"
    dashboard = next((o for o in objects if o["type"] == DASHBOARD_TYPE), None)
    if dashboard:
        summary += f"; dashboard: {base}{space_path}/app/dashboards#/view/{dashboard['id']}"
    warnings = result.get("warnings") or []
    if warnings:
        messages = "; ".join(str(w.get("message", w)) for w in warnings[:3])
        summary += f"; {len(warnings)} warning(s): {messages}"
    return " ".join(summary.split())
