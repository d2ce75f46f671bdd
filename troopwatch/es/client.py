"""The Elasticsearch client, built from EsConfig (a user's cluster or the local one)."""

from __future__ import annotations

from elasticsearch import ApiError, Elasticsearch, TransportError

from troopwatch.config import EsConfig, es_config_from_env


class EsUnavailable(RuntimeError):
    """Elasticsearch did not answer, or answered that it cannot take requests now."""


def make_client(config: EsConfig | None = None, **overrides) -> Elasticsearch:
    config = config or es_config_from_env()
    kwargs: dict = {
        "request_timeout": config.request_timeout,
        "retry_on_timeout": False,
        # With several node URLs (a fleet's cluster), a request a dead node refused goes
        # to the next one; with one URL nothing is retried (callers spool instead).
        "max_retries": max(len(config.hosts) - 1, 0),
    }
    if config.api_key:
        kwargs["api_key"] = config.api_key
    elif config.user:
        kwargs["basic_auth"] = (config.user, config.password or "")
    if config.ca_file:
        kwargs["ca_certs"] = config.ca_file
    kwargs.update(overrides)
    return Elasticsearch(config.hosts, **kwargs)


def check_available(es: Elasticsearch, description: str = "") -> dict:
    """Cluster health, or EsUnavailable with a one-line reason."""
    try:
        return dict(es.cluster.health(timeout="5s"))
    except (TransportError, ApiError) as exc:
        where = description or "Elasticsearch"
        raise EsUnavailable(f"{where} is not reachable: {exc}") from exc
