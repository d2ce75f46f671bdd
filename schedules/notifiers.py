"""Alert delivery channels: email (SMTP) and Slack (incoming webhook).

Each notifier has a ``channel`` name and ``deliver(digest, tracker, recipients)``,
which renders the digest for its medium (see :mod:`schedules.digest`) and sends it.
Any failure is raised as :class:`DeliveryError` so the alert sweep can keep the claims
pending and retry later; ``retryable`` and ``retry_after`` say whether and when that
makes sense.

Delivery is reported as it happens, through the optional :class:`DeliveryTracker`:
``sent(claim_ids, refused)`` right after a server accepted something (each Slack part;
an email, with the recipients the server refused), and ``may_send()`` before each send,
so the sweep can stop when its lease runs out. What happens after acceptance (an SMTP
421 to QUIT, a dropped connection) never turns a delivered message into a failure.

Configuration comes from the environment (names are a contract, see docs/design.md);
:func:`notifiers_from_env` returns only the configured channels.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import logging
import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any, Literal, Protocol, runtime_checkable

from slack_sdk.errors import SlackRequestError
from slack_sdk.webhook import WebhookClient

from schedules.digest import Digest, render_email, render_slack_parts, timeline_pictures
from troopwatch.http import header_value, retry_after_seconds
from troopwatch.redact import redact_text, redact_url

__all__ = [
    "ConfigError",
    "DeliveryError",
    "DeliveryTracker",
    "EmailNotifier",
    "Notifier",
    "SlackNotifier",
    "notifiers_from_env",
]

log = logging.getLogger(__name__)

Security = Literal["starttls", "ssl", "none"]
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "ssl": 465, "none": 25}


class DeliveryError(Exception):
    """An alert could not be delivered.

    ``retryable`` is False when repeating the same request cannot help (bad
    credentials, a payload Slack rejects, a wrong webhook); ``retry_after`` is the
    delay in seconds a rate-limited service asked for.
    """

    def __init__(
        self,
        message: str,
        *,
        channel: str,
        retryable: bool = True,
        retry_after: float | None = None,
        status: int | None = None,
        body: str | None = None,
        refused: Mapping[str, tuple[int, str]] | None = None,
        claim_ids: Sequence[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.channel = channel
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status
        self.body = body
        # Email: every recipient the server refused, with its code (4xx: try again).
        self.refused = dict(refused or {})
        # The claims whose message failed (a Slack part); None: the whole digest.
        self.claim_ids = list(claim_ids) if claim_ids is not None else None


class ConfigError(ValueError):
    """Alert settings in the environment are present but unusable."""


class DeliveryTracker(Protocol):
    """What the alert sweep learns during one delivery (see the module docstring)."""

    def may_send(self) -> bool: ...

    def sent(self, claim_ids: list[str], refused: dict[str, tuple[int, str]]) -> None: ...


@runtime_checkable
class Notifier(Protocol):
    channel: str

    @property
    def config_id(self) -> str: ...

    def deliver(
        self,
        digest: Digest,
        tracker: DeliveryTracker | None = None,
        recipients: Sequence[str] | None = None,
    ) -> None: ...


def _config_id(*parts: object) -> str:
    """A short digest of a channel's settings: a permanent failure is retried when it
    changes (the configuration was fixed). One-way, so secrets in it stay secret."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:16]


def _env(env: Mapping[str, str], name: str) -> str | None:
    # A `.env` line like "TROOPWATCH_SMTP_HOST=" means unset, not an empty host.
    value = env.get(name)
    return value.strip() if value and value.strip() else None


# ---------------------------------------------------------------------------
# Email
# ---------------------------------------------------------------------------


class EmailNotifier:
    """Sends digests by SMTP as one multipart/alternative message: text, and HTML with
    the timeline pictures inline (multipart/related, referenced by Content-ID)."""

    channel = "email"

    def __init__(
        self,
        host: str,
        port: int | None = None,
        user: str | None = None,
        password: str | None = None,
        sender: str = "troopwatch@localhost",
        recipients: list[str] | None = None,
        security: Security = "starttls",
        timeout: float = 30.0,
        *,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        if security not in DEFAULT_PORTS:
            raise ConfigError(f"SMTP security must be starttls, ssl or none, not {security!r}")
        if not recipients:
            raise ConfigError("email alerts need at least one recipient")
        self.host = host
        self.port = port or DEFAULT_PORTS[security]
        self.user = user
        self.password = password
        self.sender = sender
        self.recipients = list(recipients)
        self.security = security
        self.timeout = timeout
        # Verified TLS by default; tests pass a context trusting their own cert.
        self.ssl_context = ssl_context or ssl.create_default_context()

    def __repr__(self) -> str:  # never show the password
        return (
            f"EmailNotifier(host={self.host!r}, port={self.port}, security={self.security!r}, "
            f"user={self.user!r}, sender={self.sender!r}, recipients={self.recipients!r})"
        )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> EmailNotifier | None:
        """From TROOPWATCH_SMTP_*; None when no host is set (email alerts off)."""
        env = os.environ if env is None else env
        host = _env(env, "TROOPWATCH_SMTP_HOST")
        if host is None:
            return None
        raw_security = (_env(env, "TROOPWATCH_SMTP_SECURITY") or "").lower()
        raw_port = _env(env, "TROOPWATCH_SMTP_PORT")
        port: int | None = None
        if raw_port is not None:
            try:
                port = int(raw_port)
            except ValueError:
                raise ConfigError(f"TROOPWATCH_SMTP_PORT is not a number: {raw_port!r}") from None
            if not 0 < port < 65536:
                raise ConfigError(f"TROOPWATCH_SMTP_PORT out of range: {port}")
        if not raw_security:
            # Port 465 is implicit TLS by convention; otherwise prefer STARTTLS.
            raw_security = "ssl" if port == 465 else "starttls"
        if raw_security not in DEFAULT_PORTS:
            raise ConfigError(
                f"TROOPWATCH_SMTP_SECURITY must be starttls, ssl or none, not {raw_security!r}"
            )
        recipients = [
            r.strip() for r in (_env(env, "TROOPWATCH_SMTP_TO") or "").split(",") if r.strip()
        ]
        if not recipients:
            raise ConfigError("TROOPWATCH_SMTP_HOST is set but TROOPWATCH_SMTP_TO is empty")
        user = _env(env, "TROOPWATCH_SMTP_USER")
        sender = _env(env, "TROOPWATCH_SMTP_FROM") or (
            user if user and "@" in user else "troopwatch@localhost"
        )
        return cls(
            host=host,
            port=port,
            user=user,
            password=env.get("TROOPWATCH_SMTP_PASSWORD") or "",  # spaces may be meaningful
            sender=sender,
            recipients=recipients,
            security=raw_security,  # type: ignore[arg-type]
        )

    @property
    def config_id(self) -> str:
        return _config_id(
            self.channel,
            self.host,
            self.port,
            self.user,
            self.password,
            self.sender,
            tuple(self.recipients),
            self.security,
        )

    def build_message(
        self, subject: str, text: str, html: str, images: Mapping[str, bytes] | None = None
    ) -> EmailMessage:
        """multipart/alternative (text, HTML); with ``images`` ({Content-ID: PNG}) the
        HTML part becomes multipart/related with the pictures inline."""
        msg = EmailMessage()
        msg["Subject"] = subject
        msg["From"] = self.sender
        msg["To"] = ", ".join(self.recipients)
        msg["Date"] = email.utils.format_datetime(datetime.now(UTC))
        domain = email.utils.parseaddr(self.sender)[1].rpartition("@")[2] or "localhost"
        msg["Message-ID"] = email.utils.make_msgid(idstring="troopwatch", domain=domain)
        msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to alerts
        # Quoted-printable keeps lines short and 7-bit whatever the server supports.
        msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
        msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
        if images:
            html_part = msg.get_payload()[1]
            for number, (cid, png) in enumerate(images.items(), 1):
                html_part.add_related(
                    png,
                    "image",
                    "png",
                    cid=f"<{cid}>",
                    disposition="inline",
                    filename=f"timeline-{number}.png",
                )
        return msg

    def send(
        self,
        subject: str,
        text: str,
        html: str,
        recipients: Sequence[str] | None = None,
        images: Mapping[str, bytes] | None = None,
    ) -> dict[str, tuple[int, str]]:
        """Send one message to ``recipients`` (default: all configured).

        Returns the recipients the server refused while accepting the message for the
        others, as {address: (code, text)}; raises DeliveryError when nobody got it.
        """
        msg = self.build_message(subject, text, html, images)
        to_addrs = list(recipients) if recipients else self.recipients
        where = f"{self.host}:{self.port}"
        smtp: smtplib.SMTP | None = None
        try:
            if self.security == "ssl":
                smtp = smtplib.SMTP_SSL(
                    self.host, self.port, timeout=self.timeout, context=self.ssl_context
                )
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            smtp.ehlo()
            if self.security == "starttls":
                # No silent fallback to plain text when the server lacks STARTTLS.
                smtp.starttls(context=self.ssl_context)
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password or "")
            refused = smtp.send_message(msg, from_addr=self.sender, to_addrs=to_addrs)
        except BaseException as exc:
            if smtp is not None:
                smtp.close()
            error = self._error(exc, where)
            if error is exc:
                raise
            raise error from exc
        # Accepted ("250" to the final "."): whatever QUIT gets (a 421, a dropped
        # connection) cannot undo that, and retrying would send it twice.
        try:
            code, reply = smtp.quit()
            if code != 221:
                log.info("SMTP server %s answered QUIT with %s %s", where, code, _decode(reply))
        except (smtplib.SMTPException, OSError) as exc:
            log.info("SMTP server %s: QUIT after the message was accepted: %s", where, exc)
        finally:
            smtp.close()
        return {r: (code, _decode(m)) for r, (code, m) in (refused or {}).items()}

    def _error(self, exc: BaseException, where: str) -> BaseException:
        """The DeliveryError for a failure before the message was accepted."""
        if isinstance(exc, smtplib.SMTPAuthenticationError):
            return DeliveryError(
                f"SMTP login to {where} as {self.user!r} failed: {exc.smtp_code} {_smtp_text(exc)}",
                channel=self.channel,
                retryable=False,
                status=exc.smtp_code,
            )
        if isinstance(exc, smtplib.SMTPRecipientsRefused):
            refused = {r: (c, _decode(m)) for r, (c, m) in exc.recipients.items()}
            detail = "; ".join(f"{r}: {c} {m}" for r, (c, m) in refused.items())
            return DeliveryError(
                f"SMTP server {where} refused all recipients: {detail}",
                channel=self.channel,
                retryable=any(c < 500 for c, _ in refused.values()),
                refused=refused,
            )
        if isinstance(exc, smtplib.SMTPResponseException):
            return DeliveryError(
                f"SMTP server {where} answered {exc.smtp_code} {_smtp_text(exc)}",
                channel=self.channel,
                retryable=exc.smtp_code < 500,
                status=exc.smtp_code,
            )
        if isinstance(exc, smtplib.SMTPNotSupportedError):
            return DeliveryError(
                f"SMTP server {where} does not support what {self.security!r} needs: {exc}",
                channel=self.channel,
                retryable=False,
            )
        if isinstance(exc, smtplib.SMTPException | OSError):  # OSError: ssl, timeouts
            return DeliveryError(
                f"cannot send email via {where}: {type(exc).__name__}: {exc}",
                channel=self.channel,
            )
        return exc  # not an SMTP failure (KeyboardInterrupt, a bug): as it is

    def deliver(
        self,
        digest: Digest,
        tracker: DeliveryTracker | None = None,
        recipients: Sequence[str] | None = None,
    ) -> None:
        """One message with every claim; ``recipients`` limits it (a retry for some)."""
        if not digest.claims:
            return
        if tracker is not None and not tracker.may_send():
            raise DeliveryError("stopped before sending", channel=self.channel)
        # The timeline pictures, inline (multipart/related), referenced as cid: from the
        # HTML; the text part keeps the figures as a list.
        pictures = timeline_pictures(digest)
        domain = email.utils.parseaddr(self.sender)[1].rpartition("@")[2] or "localhost"
        cids = {
            cat: email.utils.make_msgid(idstring="timeline", domain=domain)[1:-1]
            for cat in pictures
        }
        refused = self.send(
            *render_email(digest, cids),
            recipients=recipients,
            images={cids[cat]: png for cat, png in pictures.items()},
        )
        if tracker is not None:
            tracker.sent([c.claim_id for c in digest.claims], refused)
        elif refused:
            # Others got it: raising would make a retry re-send to them as well.
            log.warning("SMTP server %s refused some recipients: %s", self.host, refused)


def _decode(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _smtp_text(exc: smtplib.SMTPResponseException) -> str:
    return _decode(exc.smtp_error)


# ---------------------------------------------------------------------------
# Slack
# ---------------------------------------------------------------------------


class SlackNotifier:
    """Posts digests to a Slack incoming webhook."""

    channel = "slack"

    def __init__(self, webhook_url: str, timeout: float = 15.0) -> None:
        if not webhook_url.lower().startswith(("https://", "http://")):
            raise ConfigError("Slack webhook URL must start with https://")
        self.webhook_url = webhook_url
        self.timeout = timeout
        # No built-in retries: the sweep decides when to try again.
        self._client = WebhookClient(
            webhook_url,
            timeout=timeout,  # type: ignore[arg-type]  # urllib takes float seconds
            retry_handlers=[],
        )

    def __repr__(self) -> str:  # the webhook URL is a secret
        return f"SlackNotifier(webhook_url={redact_url(self.webhook_url)!r})"

    @property
    def config_id(self) -> str:
        return _config_id(self.channel, self.webhook_url)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SlackNotifier | None:
        """From TROOPWATCH_SLACK_WEBHOOK_URL; None when unset (Slack alerts off)."""
        env = os.environ if env is None else env
        url = _env(env, "TROOPWATCH_SLACK_WEBHOOK_URL")
        if url is None:
            return None
        if not url.lower().startswith(("https://", "http://")):
            raise ConfigError("TROOPWATCH_SLACK_WEBHOOK_URL must be an https:// URL")
        return cls(url)

    def send(self, payload: dict[str, Any]) -> None:
        """Post one payload; raise DeliveryError unless Slack answers 200."""
        try:
            resp = self._client.send_dict(payload)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            # Never include the URL: it carries the webhook's secret token.
            reason = getattr(exc, "reason", exc)
            raise DeliveryError(
                f"cannot reach the Slack webhook: {type(exc).__name__}: {redact_text(str(reason))}",
                channel=self.channel,
            ) from exc
        except SlackRequestError as exc:
            raise DeliveryError(
                f"Slack webhook request failed: {type(exc).__name__}: {redact_text(str(exc))}",
                channel=self.channel,
            ) from exc
        if resp.status_code == 200:
            return
        body = (resp.body or "").strip()[:500]
        if resp.status_code == 429:
            retry_after = retry_after_seconds(header_value(resp.headers, "Retry-After"))
            raise DeliveryError(
                f"Slack webhook rate-limited (429), retry after {retry_after} s: {body}",
                channel=self.channel,
                retry_after=retry_after,
                status=429,
                body=body,
            )
        raise DeliveryError(
            f"Slack webhook answered {resp.status_code}: {body or '(no body)'}",
            channel=self.channel,
            # 4xx (invalid_blocks, no_service, invalid_token…) will not fix themselves.
            retryable=resp.status_code >= 500,
            status=resp.status_code,
            body=body,
        )

    def deliver(
        self,
        digest: Digest,
        tracker: DeliveryTracker | None = None,
        recipients: Sequence[str] | None = None,
    ) -> None:
        """Post the digest; a big one goes in parts (50-block limit), in order.

        Each part is reported to the tracker as soon as Slack took it, so a failure
        of part 2 never makes a retry post part 1 again.
        """
        if not digest.claims:
            return
        parts = render_slack_parts(digest)
        for number, (claim_ids, payload) in enumerate(parts, 1):
            if tracker is not None and not tracker.may_send():
                raise DeliveryError(
                    f"stopped before part {number}/{len(parts)}",
                    channel=self.channel,
                    claim_ids=[],
                )
            try:
                self.send(payload)
            except DeliveryError as exc:
                exc.claim_ids = claim_ids
                if len(parts) > 1:
                    exc.args = (f"part {number}/{len(parts)}: {exc}",)
                raise
            if tracker is not None:
                tracker.sent(claim_ids, {})


# ---------------------------------------------------------------------------


def notifiers_from_env(env: Mapping[str, str] | None = None) -> dict[str, Notifier]:
    """The configured channels, e.g. ``{"email": …, "slack": …}``; empty when none."""
    env = os.environ if env is None else env
    found: dict[str, Notifier] = {}
    email_notifier = EmailNotifier.from_env(env)
    if email_notifier is not None:
        found["email"] = email_notifier
    slack_notifier = SlackNotifier.from_env(env)
    if slack_notifier is not None:
        found["slack"] = slack_notifier
    return found
