"""Scrapy settings: the one home of troopwatch's configuration.

Secrets and URLs come from the environment (docs/design.md's variable names, `.env` allowed);
everything else has a default here and can be overridden with `-s NAME=value`.
"""

from __future__ import annotations

import os

from troopwatch.config import DEFAULT_PREFIX, env_flag, load_env, number_setting
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

# Only http/https are fetched (file:// only for a source's own catalogue URL); loopback,
# private and link-local targets are refused, at the check and again at connect time
# (crawler/resolver.py), except networks a source lists in its `allowed_networks`.
# TROOPWATCH_ALLOW_PRIVATE_NETWORKS=1 turns the address check off: tests only.
TROOPWATCH_ALLOW_PRIVATE_NETWORKS = env_flag("TROOPWATCH_ALLOW_PRIVATE_NETWORKS")
TWISTED_DNS_RESOLVER = "crawler.resolver.GuardedResolver"
# DNS servers to ask instead of the system resolver ("host:port,..."; empty: the system's).
TROOPWATCH_DNS_SERVERS = os.environ.get("TROOPWATCH_DNS_SERVERS", "")
# No download handlers for schemes the crawler never fetches.
DOWNLOAD_HANDLERS = {"ftp": None, "s3": None, "data": None}
# Retries (RETRY_TIMES, RETRY_HTTP_CODES) wait Retry-After seconds, at most this long, or
# else TROOPWATCH_RETRY_BACKOFF * 2^attempt seconds, at most TROOPWATCH_RETRY_BACKOFF_MAX.
TROOPWATCH_RETRY_AFTER_MAX = 60.0
TROOPWATCH_RETRY_BACKOFF = 1.0
TROOPWATCH_RETRY_BACKOFF_MAX = 30.0
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.PrivateNetworkMiddleware": 50,  # before robots.txt is fetched
    "crawler.middlewares.ConditionalGetMiddleware": 70,
    "crawler.middlewares.SourceStateMiddleware": 80,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.middlewares.BackoffRetryMiddleware": 550,
}
SPIDER_MIDDLEWARES = {
    "crawler.middlewares.AlreadyIndexedMiddleware": 950,
}

# -- sources -------------------------------------------------------------------
TROOPWATCH_SOURCES = os.environ.get("TROOPWATCH_SOURCES") or None  # None: crawler/sources.yaml
# Articles published before this many days ago are skipped (0 = no horizon).
TROOPWATCH_MAX_AGE_DAYS = int(number_setting(None, "TROOPWATCH_MAX_AGE_DAYS", 0))
# Article URLs taken from one sitemap, newest first (plain sitemaps list years of them).
TROOPWATCH_SITEMAP_MAX_URLS = 1000
# Article URLs taken from one feed, Google News or GDELT answer, in document order.
TROOPWATCH_FEED_MAX_URLS = 1000
# The GDELT DOC 2.0 API that `troopwatch backfill gdelt` windows are asked of.
TROOPWATCH_GDELT_URL = (
    os.environ.get("TROOPWATCH_GDELT_URL") or "https://api.gdeltproject.org/api/v2/doc/doc"
)
# Levels of sitemap indexes followed below a catalogue URL, and children taken per index.
TROOPWATCH_SITEMAP_MAX_DEPTH = 3
TROOPWATCH_SITEMAP_MAX_CHILDREN = 1000
# Incremental crawling: HTTP validators and pages already read, kept per spider here.
TROOPWATCH_STATE_DIR = os.environ.get("TROOPWATCH_STATE_DIR") or str(var_dir() / "state")
TROOPWATCH_SEEN_DAYS = 30
TROOPWATCH_SEEN_MAX = 100_000
# Fetch again what is indexed or unchanged (also `-a refetch=1`).
TROOPWATCH_REFETCH = env_flag("TROOPWATCH_REFETCH")

# -- pipelines -----------------------------------------------------------------
ITEM_PIPELINES = {
    "pipelines.clean.CleanPipeline": 100,
    "pipelines.language.LanguagePipeline": 200,
    "pipelines.relevance.RelevancePipeline": 300,
    "pipelines.dedupe.DedupePipeline": 400,
    "pipelines.entities.EntitiesPipeline": 500,
    "pipelines.claims.ClaimsPipeline": 600,
    "pipelines.index.IndexPipeline": 900,
}
TROOPWATCH_MIN_TEXT_CHARS = 200
# Off-topic articles are dropped; False only scores them (benchmarks set it).
TROOPWATCH_RELEVANCE_ENFORCE = not env_flag("TROOPWATCH_RELEVANCE_SCORE_ONLY")
# Worker processes for the CPU stages (extraction, language, dedupe sketches, entities,
# claims); -1: one per core (os.cpu_count()); 0: run them in the crawl process.
TROOPWATCH_CPU_WORKERS = int(os.environ.get("TROOPWATCH_CPU_WORKERS") or -1)

# -- Elasticsearch ---------------------------------------------------------------
TROOPWATCH_INDEX_PREFIX = os.environ.get("TROOPWATCH_INDEX_PREFIX") or DEFAULT_PREFIX
TROOPWATCH_BULK_SIZE = 50
# Where items go when Elasticsearch cannot take them; written later, never dropped.
TROOPWATCH_SPOOL_DIR = os.environ.get("TROOPWATCH_SPOOL_DIR") or str(var_dir() / "spool")
# When Elasticsearch is down and the spool's disk is full, the crawl pauses, keeps its
# batch in memory and tries again this often; at the end it waits at most this long.
TROOPWATCH_SPOOL_RETRY_SECONDS = number_setting(None, "TROOPWATCH_SPOOL_RETRY_SECONDS", 10)
TROOPWATCH_SPOOL_CLOSE_WAIT_SECONDS = 300.0

# -- crawl runs: one document per crawl in the runs index (crawler/extensions.py) -----
EXTENSIONS = {
    "troopwatch.redact.LogRedaction": 0,
    "crawler.extensions.RunRecorder": 500,
}
TROOPWATCH_RUNS_ENABLED = True
# Set by the daemon for each crawl process, so it can complete that run's record.
TROOPWATCH_RUN_ID = os.environ.get("TROOPWATCH_RUN_ID") or None
# Unattended crawl processes need no control port.
REMOTE_CONTROL_ENABLED = False


# -- the daemon (schedules/daemon.py); seconds; the environment overrides each --------
TROOPWATCH_SWEEP_SECONDS = number_setting(None, "TROOPWATCH_SWEEP_SECONDS", 60)
TROOPWATCH_SPOOL_DRAIN_SECONDS = number_setting(None, "TROOPWATCH_SPOOL_DRAIN_SECONDS", 300)
TROOPWATCH_CRAWL_TIMEOUT = number_setting(None, "TROOPWATCH_CRAWL_TIMEOUT", 1200)
TROOPWATCH_CRAWL_KILL_GRACE = number_setting(None, "TROOPWATCH_CRAWL_KILL_GRACE", 15)
# 0: each source's interval_minutes; > 0: this interval for every source.
TROOPWATCH_CRAWL_INTERVAL_SECONDS = number_setting(None, "TROOPWATCH_CRAWL_INTERVAL_SECONDS", 0)
# Random delay added to each crawl; < 0: 10 % of the interval, at most 5 minutes.
TROOPWATCH_CRAWL_JITTER_SECONDS = number_setting(None, "TROOPWATCH_CRAWL_JITTER_SECONDS", -1)
TROOPWATCH_MAX_PARALLEL_CRAWLS = int(number_setting(None, "TROOPWATCH_MAX_PARALLEL_CRAWLS", 2))
# A new crawl job first runs within this many seconds of the start (spreads the load).
TROOPWATCH_FIRST_CRAWL_SPREAD = number_setting(None, "TROOPWATCH_FIRST_CRAWL_SPREAD", 30)

# -- alert delivery (schedules/alerts.py) ---------------------------------------------
TROOPWATCH_ALERT_RETRY_SECONDS = number_setting(None, "TROOPWATCH_ALERT_RETRY_SECONDS", 60)
TROOPWATCH_ALERT_RETRY_MAX_SECONDS = number_setting(
    None, "TROOPWATCH_ALERT_RETRY_MAX_SECONDS", 3600
)
TROOPWATCH_ALERT_SEND_LEASE_SECONDS = number_setting(
    None, "TROOPWATCH_ALERT_SEND_LEASE_SECONDS", 120
)
TROOPWATCH_ALERT_MAX_CLAIMS = int(number_setting(None, "TROOPWATCH_ALERT_MAX_CLAIMS", 50))
