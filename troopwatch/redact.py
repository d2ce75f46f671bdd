"""Secrets out of everything troopwatch prints, logs or indexes: the one place that knows
what a secret looks like in a URL or an error message.

- `redact_url`: a URL for display: userinfo (`user:pass@`), secret-looking query
  parameters (api_key, token, password, ...) and the secret path of a Slack webhook
  (`/services/...`) or Workflow trigger (`/triggers/...`, `/workflows/...`) masked.
- `redact_text`: the same inside free text (error messages, log lines), plus every
  configured secret value (passwords, API keys, the webhook URL: see `SECRET_VARIABLES`)
  wherever it appears, whole or split by a stray space.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit, urlunsplit

MASK = "***"

# Environment variables whose values are secrets (read when redacting free text).
SECRET_VARIABLES = (
    "TROOPWATCH_ES_PASSWORD",
    "TROOPWATCH_ES_API_KEY",
    "TROOPWATCH_SMTP_PASSWORD",
    "TROOPWATCH_SLACK_WEBHOOK_URL",
    "TROOPWATCH_KIBANA_PASSWORD",
    "TROOPWATCH_KIBANA_API_KEY",
)
# URL variables that may carry `user:pass@`.
URL_VARIABLES = ("TROOPWATCH_ES_URL", "TROOPWATCH_KIBANA_URL")

_SECRET_PARAMS = (
    "api_key|apikey|api-key|key|token|access_token|auth|password|passwd|pwd|secret|"
    "signature|sig|client_secret"
)
# scheme://userinfo@ (userinfo without '/', whitespace or quotes)
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@'\"<>]+@")
# ?token=... / &api_key=...
_PARAM = re.compile(rf"(?i)([?&;](?:{_SECRET_PARAMS})=)[^&#\s'\"<>]+")
# Slack webhook / Workflow secret paths (on hooks.slack.com, or anywhere when the next
# segment is a Slack id like T0123ABCD): masked up to a quote, bracket or line end, so a
# secret split by a stray space is masked whole. A news site's /services/news/ is left.
_SLACK_PATH = re.compile(
    r"((?i:hooks\.slack\.com)/(?:services|triggers|workflows)/|"
    r"/(?:services|triggers|workflows)/(?=[A-Z0-9]{6,}/))[^'\"<>\n)\]]+"
)
# "Authorization: Basic xxx", "ApiKey xxx", "Bearer xxx"
_AUTH_HEADER = re.compile(r"(?i)\b(basic|bearer|apikey)\s+[A-Za-z0-9+/=._~-]{8,}")


def redact_url(url: str) -> str:
    """`url` with its credentials and secret parts masked (for display, never for use)."""
    if not url:
        return url
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return redact_text(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{MASK}@{netloc.rsplit('@', 1)[1]}"
    redacted = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return _patterns(redacted)


def _patterns(text: str) -> str:
    text = _USERINFO.sub(rf"\1{MASK}@", text)
    text = _PARAM.sub(rf"\1{MASK}", text)
    text = _SLACK_PATH.sub(rf"\1{MASK}", text)
    return _AUTH_HEADER.sub(rf"\1 {MASK}", text)


def configured_secrets(env: Mapping[str, str] | None = None) -> list[str]:
    """The secret values configured in the environment: passwords, keys, the webhook's
    secret path, the userinfo of configured URLs; longest first."""
    env = os.environ if env is None else env
    found: set[str] = set()
    for name in SECRET_VARIABLES:
        value = (env.get(name) or "").strip()
        if not value:
            continue
        found.add(value)
        if "://" in value:  # a webhook: its path is the secret, pieces of it too
            path = urlsplit(value).path
            found.update(p for p in re.split(r"[/\s]+", path) if len(p) >= 8)
        found.update(p for p in value.split() if len(p) >= 8)  # split by a stray space
    for name in URL_VARIABLES:
        for url in (env.get(name) or "").split(","):
            userinfo = urlsplit(url.strip()).netloc.rpartition("@")[0]
            if userinfo:
                found.add(userinfo)
                found.update(p for p in userinfo.split(":") if len(p) >= 4)
    return sorted((s for s in found if len(s) >= 4), key=len, reverse=True)


def redact_text(text: str, secrets: Iterable[str] | None = None) -> str:
    """`text` with URL credentials, secret paths and parameters, auth headers and the
    configured secret values (`secrets`, default: from the environment) masked."""
    if not text:
        return text
    text = str(text)
    for secret in configured_secrets() if secrets is None else secrets:
        if secret:
            text = text.replace(secret, MASK)
    return _patterns(text)


class RedactingFilter(logging.Filter):
    """Masks secrets in every record a handler emits (`install_log_redaction`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string: leave it to the handler's own error path
            return True
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install_log_redaction(logger: logging.Logger | None = None, **_signal_kwargs) -> None:
    """Put a RedactingFilter on every handler of `logger` (default: the root logger)."""
    target = logger if isinstance(logger, logging.Logger) else logging.getLogger()
    for handler in target.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())


class LogRedaction:
    """Scrapy extension: the crawl's log handler (installed by Scrapy when the crawl
    starts, after any filter put on an earlier one) masks secrets too."""

    @classmethod
    def from_crawler(cls, crawler) -> LogRedaction:
        from scrapy import signals

        # Scrapy replaces its root handler after building extensions: filter it once the
        # spider opens (each crawler of a process does, so the last handler has it too).
        crawler.signals.connect(install_log_redaction, signal=signals.spider_opened)
        return cls()
