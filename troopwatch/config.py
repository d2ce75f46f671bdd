"""Environment configuration (the contract names in docs/design.md), read in one place.

Everything that is not a secret or a URL lives in Scrapy settings (crawler/settings.py);
those settings read their defaults from here, so the CLI, the daemon and the crawler
all see one configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dotenv import load_dotenv

from troopwatch.paths import PROJECT_ROOT

DEFAULT_PREFIX = "troopwatch"
DEFAULT_LOCAL_ES_PORT = 9200

_loaded = False


def load_env() -> None:
    """Load a `.env` file from the project root once; real environment variables win.
    TROOPWATCH_DOTENV=0 skips it: the daemon's crawl processes get only the variables
    they need (`crawl_environment`), not the alert channels' secrets from `.env`."""
    global _loaded
    if not _loaded and os.environ.get("TROOPWATCH_DOTENV", "1") != "0":
        load_dotenv(PROJECT_ROOT / ".env", override=False)
        _loaded = True


TRUE_WORDS = frozenset({"1", "true", "yes", "on"})


def is_true(value: object) -> bool:
    """A flag read from text (environment, spider argument): 1, true, yes, on are on."""
    return str(value or "").strip().lower() in TRUE_WORDS


def env_flag(name: str, env: Mapping[str, str] | None = None) -> bool:
    return is_true((env if env is not None else os.environ).get(name))


def number_setting(settings: Any, name: str, default: float) -> float:
    """A number from Scrapy settings (None: none), else the environment, else the default.
    A value that is not a number is a ValueError that names the setting."""
    value = settings.get(name) if settings is not None else None
    if value in (None, ""):
        value = os.environ.get(name)
    if value in (None, ""):
        return float(default)
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number, not {value!r}") from None


@dataclass(frozen=True)
class EsConfig:
    """How to reach Elasticsearch: a user's cluster, or the local one the project runs."""

    urls: tuple[str, ...] = ()
    api_key: str | None = None
    user: str | None = None
    password: str | None = None
    ca_file: str | None = None
    prefix: str = DEFAULT_PREFIX
    local_port: int = DEFAULT_LOCAL_ES_PORT
    request_timeout: float = 30.0

    @property
    def is_local(self) -> bool:
        """True when no cluster is configured and the project's own Elasticsearch is used."""
        return not self.urls

    @property
    def hosts(self) -> list[str]:
        return list(self.urls) if self.urls else [f"http://127.0.0.1:{self.local_port}"]

    def describe(self) -> str:
        """The URL(s), never the credentials, for log lines and error messages."""
        from troopwatch.redact import redact_url

        return ", ".join(redact_url(h) for h in self.hosts)


def es_config_from_env(env: Mapping[str, str] | None = None) -> EsConfig:
    if env is None:
        load_env()
        env = os.environ
    urls = tuple(u.strip() for u in env.get("TROOPWATCH_ES_URL", "").split(",") if u.strip())
    return EsConfig(
        urls=urls,
        api_key=env.get("TROOPWATCH_ES_API_KEY") or None,
        user=env.get("TROOPWATCH_ES_USER") or None,
        password=env.get("TROOPWATCH_ES_PASSWORD") or None,
        ca_file=env.get("TROOPWATCH_ES_CA") or None,
        prefix=env.get("TROOPWATCH_INDEX_PREFIX") or DEFAULT_PREFIX,
        local_port=int(env.get("TROOPWATCH_LOCAL_ES_PORT") or DEFAULT_LOCAL_ES_PORT),
    )


# What a crawl process needs from the daemon's environment, and nothing else: no SMTP
# password, Slack webhook or Kibana credentials (a crawl handles hostile input).
CRAWL_VARIABLES = frozenset(
    {
        "PATH", "HOME", "USER", "LANG", "LANGUAGE", "TZ", "TMPDIR", "PYTHONPATH",
        "VIRTUAL_ENV", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE",
        "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "http_proxy", "https_proxy", "no_proxy",
        "SCRAPY_SETTINGS_MODULE", "SCRAPY_PROJECT",
        "TROOPWATCH_ES_URL", "TROOPWATCH_ES_API_KEY", "TROOPWATCH_ES_USER",
        "TROOPWATCH_ES_PASSWORD", "TROOPWATCH_ES_CA", "TROOPWATCH_INDEX_PREFIX",
        "TROOPWATCH_LOCAL_ES_PORT", "TROOPWATCH_SOURCES", "TROOPWATCH_STATE_DIR",
        "TROOPWATCH_SPOOL_DIR", "TROOPWATCH_VAR_DIR", "TROOPWATCH_LOG_LEVEL",
        "TROOPWATCH_CONTACT_URL", "TROOPWATCH_MAX_AGE_DAYS", "TROOPWATCH_REFETCH",
        "TROOPWATCH_RELEVANCE_SCORE_ONLY", "TROOPWATCH_ALLOW_PRIVATE_NETWORKS",
        "TROOPWATCH_DNS_SERVERS", "TROOPWATCH_GDELT_URL",
    }
)  # fmt: skip


def crawl_environment(env: Mapping[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment for a crawl process: the allow-listed variables of `env` (which
    already include what `.env` set), `.env` not read again, plus `extra`."""
    env = os.environ if env is None else env
    out = {k: v for k, v in env.items() if k in CRAWL_VARIABLES or k.startswith("LC_")}
    out["TROOPWATCH_DOTENV"] = "0"
    out.update(extra)
    return out
