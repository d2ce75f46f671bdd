"""Scrapy settings: the one home of troopwatch's configuration.

Secrets and URLs come from the environment (DESIGN.md's variable names, `.env` allowed);
everything else has a default here and can be overridden with `-s NAME=value`.
"""

from __future__ import annotations

import os

from troopwatch.config import DEFAULT_PREFIX, env_flag, load_env
from troopwatch.paths import var_dir

load_env()

BOT_NAME = "troopwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# -- identity and politeness ---------------------------------------------------
TROOPWATCH_CONTACT_URL = os.environ.get(
    "TROOPWATCH_CONTACT_URL", "https://github.com/troopwatch/troopwatch"
)
USER_AGENT = f"troopwatch/0.1 (+{TROOPWATCH_CONTACT_URL})"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = os.environ.get("TROOPWATCH_LOG_LEVEL", "INFO")

# Loopback, private and link-local targets are refused unless explicitly allowed.
TROOPWATCH_ALLOW_PRIVATE_NETWORKS = env_flag("TROOPWATCH_ALLOW_PRIVATE_NETWORKS")

# -- sources -------------------------------------------------------------------
TROOPWATCH_SOURCES = os.environ.get("TROOPWATCH_SOURCES") or None  # None: crawler/sources.yaml
# Articles published before this many days ago are skipped (0 = no horizon).
TROOPWATCH_MAX_AGE_DAYS = int(os.environ.get("TROOPWATCH_MAX_AGE_DAYS", "0"))

# -- pipelines -----------------------------------------------------------------
ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.language.LanguagePipeline": 200,
    "pipelines.dedupe.DedupePipeline": 400,
    "pipelines.entities.EntitiesPipeline": 500,
    "pipelines.claims.ClaimsPipeline": 600,
    "pipelines.index.IndexPipeline": 900,
}
TROOPWATCH_MIN_TEXT_CHARS = 200

# -- Elasticsearch ---------------------------------------------------------------
TROOPWATCH_INDEX_PREFIX = os.environ.get("TROOPWATCH_INDEX_PREFIX") or DEFAULT_PREFIX
TROOPWATCH_BULK_SIZE = 50
# Where items go when Elasticsearch cannot take them; written later, never dropped.
TROOPWATCH_SPOOL_DIR = os.environ.get("TROOPWATCH_SPOOL_DIR") or str(var_dir() / "spool")
