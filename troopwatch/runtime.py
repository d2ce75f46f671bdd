"""Wiring for commands and the daemon: settings, Elasticsearch config, a ready client."""

from __future__ import annotations

import dataclasses
import logging
import os

from elasticsearch import Elasticsearch
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from troopwatch.config import EsConfig, es_config_from_env
from troopwatch.es.client import check_available, make_client
from troopwatch.es.local import LocalCluster, LocalElasticsearch

log = logging.getLogger(__name__)


def project_settings() -> Settings:
    # Commands run from any folder; the settings module is part of the package.
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    return get_project_settings()


def es_config(settings: Settings | None = None) -> EsConfig:
    settings = settings or project_settings()
    return dataclasses.replace(es_config_from_env(), prefix=settings.get("TROOPWATCH_INDEX_PREFIX"))


def local_es(config: EsConfig) -> LocalElasticsearch:
    return LocalElasticsearch.default(port=config.local_port)


def local_cluster(config: EsConfig, nodes: int) -> LocalCluster:
    """The local cluster of `nodes` nodes (`es start --nodes N`); node 1 is `local_es`."""
    single = local_es(config)
    return LocalCluster(
        home=single.home,
        nodes=nodes,
        http_port=config.local_port,
        transport_port=config.local_port + 100,
    )


def connect(config: EsConfig, start_local: bool = False) -> Elasticsearch:
    """A client that answered; starts the project's own Elasticsearch when asked and none
    is configured. Raises EsUnavailable (or LocalEsError) with a one-line reason."""
    if config.is_local and start_local:
        local_es(config).start()
    es = make_client(config)
    check_available(es, f"Elasticsearch at {config.describe()}")
    return es
