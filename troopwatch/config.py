"""Environment configuration (DESIGN.md's contract names), read in one place.

Everything that is not a secret or a URL lives in Scrapy settings (crawler/settings.py);
those settings read their defaults from here, so the CLI, the daemon and the crawler
all see one configuration.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from dotenv import load_dotenv

from troopwatch.paths import PROJECT_ROOT

DEFAULT_PREFIX = "troopwatch"
DEFAULT_LOCAL_ES_PORT = 9200

_loaded = False


def load_env() -> None:
    """Load a `.env` file from the project root once; real environment variables win."""
    global _loaded
    if not _loaded:
        load_dotenv(PROJECT_ROOT / ".env", override=False)
        _loaded = True


def env_flag(name: str, env: Mapping[str, str] | None = None) -> bool:
    value = (env if env is not None else os.environ).get(name, "")
    return value.strip().lower() in {"1", "true", "yes", "on"}


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
        return ", ".join(self.hosts)


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
