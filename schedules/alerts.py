"""The alert sweep: new troop-figure claims -> one digest -> every configured channel.

Delivery is tracked per claim and channel in the alerts index (doc id
`f"{claim_id}:{channel}"`, so creating it twice is harmless). One sweep:

1. **replay** the local delivery journal (deliveries whose outcome did not reach
   Elasticsearch, see below), and re-queue alerts rejected under a configuration that
   has changed since (once per process);
2. **enqueue**: every `is_new` claim without an alert document gets one per configured
   channel, `status: pending` (create-only, so concurrent sweepers cannot double it), or
   `held` on a channel that sends a daily digest; once the day's digest hour has come,
   the held alerts are released (made `pending`) once per channel and day, see
   `_daily_digests`.
   Only claims past a cursor (the claims index's `_seq_no`, minus an overlap) are
   scanned, so a sweep costs what is new, not everything ever recorded;
3. **select** alerts that are pending, failed, or `sending` with an expired lease and
   whose `next_attempt_at` has come, per channel, judged by Elasticsearch's clock;
4. **check** each claim renders (in both media): one that cannot is `skipped`, with the
   reason in `last_error`, and never blocks the others;
5. **lease** them: `status: sending`, `attempts + 1`, `next_attempt_at = now + lease`,
   with optimistic concurrency (`if_seq_no`), so two sweepers never send the same alert;
6. **deliver** one digest (all those claims, with per-category timelines of the earlier
   figures) through the channel; each accepted message (each Slack part, each email
   with the recipients the server took) is **journalled** to a local file (fsync) and
   then recorded in Elasticsearch (`sent`, or per recipient), and the journal file
   deleted. A failed send marks the alerts `failed` with `last_error` and
   `next_attempt_at` = now + exponential backoff (or the server's Retry-After); a
   permanent failure (a 4xx other than 429, an SMTP 5xx) marks them `rejected`.

Time. Every time written or compared (leases, backoff) is Elasticsearch's: read once
per sweep (an ingest `_simulate` call) and advanced by the local monotonic clock, and
the due query uses Elasticsearch's `now`. Two hosts with skewed clocks, or a host whose
clock steps back, judge a lease the same way. A sender checks its own lease on the
monotonic clock before each message and stops when it is nearly spent.

Crash windows (SIGKILL, power loss), and what the reader may see:

- before step 5 completes: nothing was sent; the next sweep does it all again.
- between 5 and the send: the lease expires (TROOPWATCH_ALERT_SEND_LEASE_SECONDS) and
  the alert is sent then; nothing lost, nothing twice, only late.
- during the send itself (the SMTP server has taken the message or Slack has posted a
  part, but the answer never reached us): the lease expires and that message is sent
  AGAIN. This is the at-least-once window: one message per kill (one Slack part, not the
  parts before it), the width of the final SMTP "." / 250 exchange or of one Slack POST.
- after a message was accepted: covered by the journal file written right after; the
  next sweep records it without sending again.

A journal that cannot be written stops sending (a send that cannot be recorded might be
repeated); nothing is sent until the directory is writable again.

Permanent failures (bad SMTP credentials, a revoked webhook, a payload Slack rejects, a
recipient refused with 5xx) are `rejected`: not retried while the channel's configuration
stays the same, visible in `troopwatch status` with `last_error`; when the daemon starts
with a different configuration for that channel they are queued again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from elasticsearch import (
    ApiError,
    AuthorizationException,
    BadRequestError,
    Elasticsearch,
    TransportError,
    helpers,
)

from schedules.digest import AlertClaim, Digest, TimelineEntry, render_problem, sample_digest
from schedules.notifiers import ConfigError, DeliveryError, Notifier, notifiers_from_env
from troopwatch.config import load_env, number_setting
from troopwatch.dates import iso, utcnow
from troopwatch.es.client import EsUnavailable
from troopwatch.es.clock import read_es_time
from troopwatch.es.indices import Indices
from troopwatch.files import atomic_write_json
from troopwatch.kibana_links import KibanaLinks, kibana_links_from_env
from troopwatch.redact import redact_text
from troopwatch.schema import CLAIM_STORED

log = logging.getLogger(__name__)

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
REJECTED = "rejected"  # permanent failure: waits for a configuration change
SKIPPED = "skipped"  # the claim cannot be rendered: reason in last_error
HELD = "held"  # waits for its channel's daily digest
STATUSES = (HELD, PENDING, SENDING, FAILED, REJECTED, SKIPPED, SENT)
INSTANT, DAILY = "instant", "daily"
DIGEST_HOUR = 7  # UTC
ES_ERRORS = (TransportError, ApiError, EsUnavailable, helpers.BulkIndexError, helpers.ScanError)
CLAIM_SOURCE = list(CLAIM_STORED)  # a claim document's fields (troopwatch/schema.py)
TIMELINE_KEYS_PER_CATEGORY = 50
CURSOR_FILE = "enqueue.cursor"  # not *.json: that is the journal's


@dataclass(frozen=True)
class AlertPolicy:
    retry_base_s: float = 60.0  # first retry after this; doubles each attempt
    retry_max_s: float = 3600.0  # longest wait between attempts
    lease_s: float = 120.0  # how long a `sending` alert is reserved for one sender
    max_claims: int = 50  # claims per channel and sweep; more go in the next sweep
    # Claims-index operations re-scanned behind the cursor: a claim indexed concurrently
    # with a refresh may become visible after a later one was seen.
    enqueue_overlap_ops: int = 1000
    # Claims the extractor is less sure of are indexed but raise no alert (phantom figures:
    # on the dev split of data/eval/claims_real.jsonl no look-alike passage reaches 0.6).
    min_confidence: float = 0.6

    @classmethod
    def from_settings(cls, settings: Any = None) -> AlertPolicy:
        return cls(
            retry_base_s=number_setting(
                settings, "TROOPWATCH_ALERT_RETRY_SECONDS", cls.retry_base_s
            ),
            retry_max_s=number_setting(
                settings, "TROOPWATCH_ALERT_RETRY_MAX_SECONDS", cls.retry_max_s
            ),
            lease_s=number_setting(settings, "TROOPWATCH_ALERT_SEND_LEASE_SECONDS", cls.lease_s),
            max_claims=int(number_setting(settings, "TROOPWATCH_ALERT_MAX_CLAIMS", cls.max_claims)),
            min_confidence=number_setting(
                settings, "TROOPWATCH_ALERT_MIN_CONFIDENCE", cls.min_confidence
            ),
        )

    def backoff(self, attempts: int) -> float:
        """Seconds before attempt `attempts + 1`: base, 2*base, 4*base, ... up to the max."""
        return min(self.retry_base_s * 2 ** max(attempts - 1, 0), self.retry_max_s)

    @property
    def lease_margin_s(self) -> float:
        """A sender stops this long before its lease ends (a message takes time)."""
        return min(self.lease_s * 0.25, 30.0)


@dataclass(frozen=True)
class DigestSchedule:
    """Per channel: an alert per sweep (instant, the default) or one daily digest, sent
    once the day's `hour` (UTC) has come."""

    modes: Mapping[str, str] = field(default_factory=dict)  # channel -> instant | daily
    hour: int = DIGEST_HOUR

    def mode(self, channel: str) -> str:
        return self.modes.get(channel, INSTANT)

    def due_day(self, now: datetime) -> str | None:
        """The day ("2024-11-05") whose digest is due at `now`, or None before the hour."""
        if now.tzinfo is not None:
            now = now.astimezone(UTC)
        return f"{now:%Y-%m-%d}" if now.hour >= self.hour else None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> DigestSchedule:
        """TROOPWATCH_DIGEST (instant|daily), TROOPWATCH_DIGEST_EMAIL / _SLACK overriding
        it per channel, TROOPWATCH_DIGEST_HOUR (0-23, UTC)."""
        env = os.environ if env is None else env

        def mode(name: str, default: str) -> str:
            value = (env.get(name) or "").strip().lower()
            if value and value not in (INSTANT, DAILY):
                raise ConfigError(f"{name} must be instant or daily, not {value!r}")
            return value or default

        default = mode("TROOPWATCH_DIGEST", INSTANT)
        modes = {ch: mode(f"TROOPWATCH_DIGEST_{ch.upper()}", default) for ch in ("email", "slack")}
        raw = (env.get("TROOPWATCH_DIGEST_HOUR") or "").strip()
        try:
            hour = int(raw) if raw else DIGEST_HOUR
        except ValueError:
            raise ConfigError(f"TROOPWATCH_DIGEST_HOUR is not an hour (0-23): {raw!r}") from None
        if not 0 <= hour <= 23:
            raise ConfigError(f"TROOPWATCH_DIGEST_HOUR is not an hour (0-23): {raw!r}")
        return cls(modes, hour)


def kibana_links_for(indices: Indices, env: Mapping[str, str] | None = None) -> KibanaLinks | None:
    """Links into Kibana for alerts (TROOPWATCH_KIBANA_URL), for these indices' prefix."""
    links = kibana_links_from_env(dict(os.environ if env is None else env))
    return replace(links, prefix=indices.prefix) if links is not None else None


@dataclass
class SweepResult:
    enqueued: int = 0
    scanned: int = 0  # new claims read by the enqueue step
    delivered: dict[str, int] = field(default_factory=dict)  # channel -> claims sent
    failed: dict[str, str] = field(default_factory=dict)  # channel -> error
    skipped: dict[str, str] = field(default_factory=dict)  # claim id -> why it cannot render
    es_error: str | None = None


def _error_text(exc: BaseException) -> str:
    return redact_text(f"{type(exc).__name__}: {exc}")[:2000]


class DeliveryJournal:
    """Local record of delivery outcomes not yet in Elasticsearch (one file each)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def add(self, channel: str, digest_id: str, updates: Mapping[str, dict]) -> Path:
        """Write (and fsync) {alert_id: fields to set}; the path, to delete once recorded."""
        self.directory.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha1("\n".join(sorted(updates)).encode()).hexdigest()[:8]
        path = self.directory / f"{digest_id}-{channel}-{digest}.json"
        entry = {"channel": channel, "digest_id": digest_id, "updates": dict(updates)}
        return atomic_write_json(path, entry, durable=True)

    def check(self) -> None:
        """Raise OSError unless an entry can be written and fsynced here now."""
        self.directory.mkdir(parents=True, exist_ok=True)
        probe = self.directory / f".probe-{os.getpid()}"
        try:
            with probe.open("w", encoding="utf-8") as fh:
                fh.write("probe")
                fh.flush()
                os.fsync(fh.fileno())
        finally:
            probe.unlink(missing_ok=True)

    def entries(self) -> list[tuple[Path, dict]]:
        if not self.directory.exists():
            return []
        found = []
        for path in sorted(self.directory.glob("*.json")):
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                log.error("unreadable alert journal file %s: %s", path, exc)
                continue
            if "updates" not in entry:  # written by an earlier version: all sent
                sent = {
                    "status": SENT,
                    "sent_at": entry.get("sent_at"),
                    "digest_id": entry.get("digest_id"),
                    "next_attempt_at": None,
                }
                entry["updates"] = dict.fromkeys(entry.get("alert_ids") or [], sent)
            found.append((path, entry))
        return found


def _ids(items: Iterable[dict]) -> list[str]:
    return [item["_id"] for item in items]


class _Tracker:
    """Records each accepted message as the notifier reports it (see notifiers)."""

    def __init__(self, sweeper: AlertSweeper, channel: str, hits: list[dict], digest_id: str):
        self.sweeper = sweeper
        self.channel = channel
        self.by_claim = {h["_source"]["claim_id"]: h for h in hits}
        self.digest_id = digest_id
        self.recipients: list[str] = []
        self.done: set[str] = set()  # alert ids whose outcome is recorded
        self.delivered = 0
        self.broken: BaseException | None = None  # recording failed: send nothing more

    def may_send(self) -> bool:
        return self.broken is None and self.sweeper._may_send()

    def sent(self, claim_ids: list[str], refused: dict[str, tuple[int, str]]) -> None:
        hits = [self.by_claim[c] for c in claim_ids if c in self.by_claim]
        updates = self.sweeper._outcomes(hits, self.recipients, refused, self.digest_id)
        self.done |= set(updates)
        self.delivered += sum(1 for u in updates.values() if u["status"] == SENT)
        try:
            self.sweeper._record(self.channel, self.digest_id, updates)
        except BaseException as exc:  # noqa: BLE001 - kept, re-raised by the sweeper
            self.broken = exc


class AlertSweeper:
    """One instance per daemon; `sweep()` is called by the scheduler (never concurrently)."""

    def __init__(
        self,
        es: Elasticsearch,
        indices: Indices,
        notifiers: Mapping[str, Notifier],
        journal_dir: str | Path,
        policy: AlertPolicy | None = None,
        *,
        clock: Callable[[], datetime] = utcnow,
        should_stop: Callable[[], bool] = lambda: False,
        describe: str = "Elasticsearch",
        schedule: DigestSchedule | None = None,
        digest_clock: Callable[[], datetime] | None = None,
        kibana: KibanaLinks | None = None,
    ):
        self.es = es
        self.indices = indices
        self.notifiers = dict(notifiers)
        self.journal = DeliveryJournal(journal_dir)
        self.policy = policy or AlertPolicy()
        self.clock = clock  # only when Elasticsearch will not tell its time
        self.schedule = schedule or DigestSchedule()
        # Which day it is and whether the digest hour has come; default: the sweep's
        # clock (Elasticsearch's). Tests pass their own.
        self.digest_clock = digest_clock
        self.kibana = kibana
        self._digests_released: set[str] = set()  # marker ids handled by this process
        self.should_stop = should_stop
        self.describe = describe
        self.owner = f"{socket.gethostname()}:{os.getpid()}"
        self._can_refresh = True
        self._es_clock = True
        self._time_base: tuple[datetime, float] | None = None
        # One digest id per sweep, whatever the channel and however long the sends take.
        self._sweep_at: datetime | None = None
        self._lease_started = 0.0
        self._journal_error: str | None = None
        # Outcomes neither the journal nor Elasticsearch took: never sent again by this
        # process, recorded as soon as Elasticsearch takes them.
        self._unrecorded: dict[str, dict] = {}
        self._cursor: dict[str, int] | None = None
        self._requeued = False

    # -- time -----------------------------------------------------------------------

    def _sync_clock(self) -> None:
        """Read Elasticsearch's clock (once a sweep); `_now()` advances it monotonically."""
        if not self._es_clock:
            return
        try:
            self._time_base = (read_es_time(self.es), time.monotonic())
        except (AuthorizationException, BadRequestError, KeyError, IndexError, ValueError) as exc:
            # Without the privilege (or on a server that will not say): the local clock.
            self._es_clock = False
            self._time_base = None
            log.warning(
                "alert sweep: cannot read Elasticsearch's clock (%s); using this host's, "
                "so run a single sweeper and keep its clock steady",
                _short(exc),
            )

    def _now(self) -> datetime:
        if self._time_base is None:
            return self.clock()
        base, mono = self._time_base
        return base + timedelta(seconds=time.monotonic() - mono)

    def _digest_now(self) -> datetime:
        return self.digest_clock() if self.digest_clock is not None else self._now()

    def _may_send(self) -> bool:
        """Whether our lease still has room for one more message (monotonic clock)."""
        if self._journal_error is not None or self.should_stop():
            return False
        spent = time.monotonic() - self._lease_started
        return spent < self.policy.lease_s - self.policy.lease_margin_s

    # -- the sweep ----------------------------------------------------------------

    def sweep(self) -> SweepResult:
        result = SweepResult()
        if not self.notifiers:
            return result
        try:
            self._sync_clock()
            self._sweep_at = self._now()
            self._replay_journal()
            self._requeue_once()
            result.enqueued = self._enqueue(result)
            self._daily_digests()
            due = {channel: self._due(channel) for channel in sorted(self.notifiers)}
            if any(due.values()):
                self._deliver_due(due, result)
        except ES_ERRORS as exc:
            result.es_error = str(exc)
            log.warning(
                "alert sweep: %s is unavailable (%s); nothing is lost, the next sweep tries again",
                self.describe,
                _short(exc),
            )
        return result

    def _deliver_due(self, by_channel: dict[str, list[dict]], result: SweepResult) -> None:
        due = [hit for hits in by_channel.values() for hit in hits]
        claim_ids = sorted({h["_source"]["claim_id"] for h in due})
        claims = self._docs(self.indices.claims, claim_ids)
        missing = [h for h in due if h["_source"]["claim_id"] not in claims]
        if missing:
            # The claim was deleted (index rebuilt by hand?): keep the alert, retry later.
            self._mark(missing, FAILED, "claim document not found", self.policy.retry_max_s)
        renderable = self._renderable(claims, result)
        unrenderable = [h for h in due if h["_source"]["claim_id"] in result.skipped]
        for hit in unrenderable:
            self._mark([hit], SKIPPED, result.skipped[hit["_source"]["claim_id"]], None)
        for channel, hits in sorted(by_channel.items()):
            if self.should_stop():
                return
            hits = [h for h in hits if h["_source"]["claim_id"] in renderable]
            if not hits:
                continue
            try:
                self.journal.check()
                self._journal_error = None
            except OSError as exc:
                self._journal_error = str(exc)
                result.failed[channel] = f"alert journal not writable: {exc}"
                log.error(
                    "alert %s: the delivery journal %s cannot be written (%s); sending "
                    "nothing until it can (a send that cannot be recorded may be repeated)",
                    channel,
                    self.journal.directory,
                    exc,
                )
                return
            leased = self._lease(hits)
            for recipients, group in self._groups(channel, leased):
                if not self._may_send():
                    break  # the lease is nearly spent: the rest go in a later sweep
                self._send(channel, group, recipients, renderable, claims, result)

    def _renderable(self, claims: dict[str, dict], result: SweepResult) -> dict[str, AlertClaim]:
        """Claim id -> AlertClaim for the claims both renderers cope with."""
        article_ids = sorted({c["article_id"] for c in claims.values() if c.get("article_id")})
        articles = self._docs(self.indices.articles, article_ids) if article_ids else {}
        ok: dict[str, AlertClaim] = {}
        for claim_id, doc in claims.items():
            try:
                alert_claim = AlertClaim.from_doc(
                    doc, articles.get(doc.get("article_id")), claim_id=claim_id
                )
                problem = render_problem(alert_claim)
            except Exception as exc:  # a document no code path expected
                problem = f"cannot read claim {claim_id}: {_error_text(exc)}"
            if problem is None:
                ok[claim_id] = alert_claim
            else:
                result.skipped[claim_id] = problem
                log.warning("alert: claim %s skipped, not sent: %s", claim_id, problem)
        return ok

    def _groups(self, channel: str, leased: list[dict]) -> list[tuple[list[str], list[dict]]]:
        """Leased alerts grouped by the recipients each still needs (email retries)."""
        configured = list(getattr(self.notifiers[channel], "recipients", None) or [])
        groups: dict[tuple[str, ...], list[dict]] = {}
        for hit in leased:
            src = hit["_source"]
            done = set(src.get("delivered_to") or []) | set(src.get("rejected_to") or {})
            needed = tuple(r for r in configured if r not in done)
            if configured and not needed:  # every recipient has an outcome already
                self._record(channel, src.get("digest_id") or "", self._settle([hit]))
                continue
            groups.setdefault(needed, []).append(hit)
        return [(list(k), v) for k, v in groups.items()]

    def _send(
        self,
        channel: str,
        hits: list[dict],
        recipients: list[str],
        renderable: dict[str, AlertClaim],
        claims: dict[str, dict],
        result: SweepResult,
    ) -> None:
        ids = sorted(h["_source"]["claim_id"] for h in hits)
        digest, digest_id = self._build_digest(
            [renderable[c] for c in ids], [claims[c] for c in ids]
        )
        # Released by a daily digest (also when retried later): it says so, and its day.
        digest.daily = max(str(h["_source"].get("digest_day") or "") for h in hits) or None
        tracker = _Tracker(self, channel, hits, digest_id)
        tracker.recipients = recipients
        error: BaseException | None = None
        try:
            self.notifiers[channel].deliver(digest, tracker, recipients or None)
        except Exception as exc:  # DeliveryError, or a notifier bug: the same for us
            error = exc
        if tracker.delivered:
            result.delivered[channel] = result.delivered.get(channel, 0) + tracker.delivered
            log.info(
                "alert %s: digest %s sent (%d new claim(s))", channel, digest_id, tracker.delivered
            )
        if tracker.broken is not None:
            raise tracker.broken  # Elasticsearch failed while recording: end the sweep
        if error is None:
            return
        rest = [h for h in hits if h["_id"] not in tracker.done]
        if isinstance(error, DeliveryError) and error.claim_ids == [] and not self._may_send():
            return  # stopped by us (lease nearly spent): the lease expires, then a retry
        self._failed(channel, rest, error, result)

    def _failed(
        self, channel: str, hits: list[dict], exc: BaseException, result: SweepResult
    ) -> None:
        """Record a failed send: its alerts failed or rejected, the untried ones released."""
        if not hits:
            return
        delay = self.policy.backoff(max(h["_source"].get("attempts") or 1 for h in hits))
        error = _error_text(exc)
        tried, untried = hits, []
        if isinstance(exc, DeliveryError):
            if exc.retry_after:
                delay = max(delay, exc.retry_after)
            if exc.claim_ids is not None:  # one Slack part failed; later parts not tried
                failed_ids = set(exc.claim_ids)
                tried = [h for h in hits if h["_source"]["claim_id"] in failed_ids]
                untried = [h for h in hits if h["_source"]["claim_id"] not in failed_ids]
        else:
            log.error("%s notifier failed unexpectedly", channel, exc_info=exc)
        if isinstance(exc, DeliveryError) and exc.refused:  # every recipient refused
            self._update(self._outcomes(tried, [], exc.refused, ""))
        elif isinstance(exc, DeliveryError) and not exc.retryable:
            self._mark(tried, REJECTED, error, None, config_id=self.notifiers[channel].config_id)
        else:
            self._mark(tried, FAILED, error, delay)
        if untried:
            # Not attempted: back in the queue, after the same wait when it is the
            # server's (a 429 applies to every part), at once otherwise.
            wait = delay if isinstance(exc, DeliveryError) and exc.retryable else 0
            self._mark(untried, PENDING, None, wait, attempts_back=True)
        result.failed[channel] = redact_text(str(exc))
        retryable = not isinstance(exc, DeliveryError) or exc.retryable or exc.refused
        log.warning(
            "alert %s: %d claim(s) not delivered (%s); %s",
            channel,
            len(tried),
            _short(exc),
            f"retry in {delay:.0f} s"
            if retryable
            else "not retried until the channel's configuration changes (rejected)",
        )

    # -- outcomes -------------------------------------------------------------------

    def _outcomes(
        self,
        hits: list[dict],
        recipients: list[str],
        refused: Mapping[str, tuple[int, str]],
        digest_id: str,
    ) -> dict[str, dict]:
        """{alert_id: fields to set} for a message accepted for all but ``refused``."""
        now = self._now()
        accepted = [r for r in recipients if r not in refused]
        updates: dict[str, dict] = {}
        for hit in hits:
            src = hit["_source"]
            delivered_to = sorted(set(src.get("delivered_to") or []) | set(accepted))
            rejected_to = dict(src.get("rejected_to") or {})
            rejected_to |= {r: f"{c} {m}"[:300] for r, (c, m) in refused.items() if c >= 500}
            later = {r: f"{c} {m}"[:300] for r, (c, m) in refused.items() if c < 500}
            doc: dict[str, Any] = {}
            if recipients or refused:  # email: per-recipient outcomes
                doc |= {"delivered_to": delivered_to, "rejected_to": rejected_to}
            if accepted or not (recipients or refused):
                doc |= {"sent_at": iso(now), "digest_id": digest_id}
            if later:
                detail = "; ".join(f"{r}: {e}" for r, e in later.items())
                delay = self.policy.backoff(src.get("attempts") or 1)
                doc |= {
                    "status": FAILED,
                    "last_error": f"recipient(s) refused for now: {detail}"[:2000],
                    "next_attempt_at": iso(now + timedelta(seconds=delay)),
                }
            elif rejected_to:
                detail = "; ".join(f"{r}: {e}" for r, e in rejected_to.items())
                channel = src.get("channel") or ""
                notifier = self.notifiers.get(channel)
                doc |= {
                    "status": REJECTED,
                    "last_error": f"recipient(s) refused: {detail}"[:2000],
                    "next_attempt_at": None,
                    "config_id": notifier.config_id if notifier else None,
                }
            else:
                doc |= {"status": SENT, "next_attempt_at": None}
            updates[hit["_id"]] = doc
        return updates

    def _settle(self, hits: list[dict]) -> dict[str, dict]:
        """Alerts every recipient of which has an outcome already: sent or rejected."""
        return {
            h["_id"]: {
                "status": REJECTED if h["_source"].get("rejected_to") else SENT,
                "next_attempt_at": None,
            }
            for h in hits
        }

    def _record(self, channel: str, digest_id: str, updates: dict[str, dict]) -> None:
        """Journal, then write to Elasticsearch, the outcome of an accepted message."""
        if not updates:
            return
        path: Path | None = None
        try:
            path = self.journal.add(channel, digest_id, updates)
        except OSError as exc:
            # Recorded in Elasticsearch below all the same; nothing more is sent until
            # the journal can be written again (see _deliver_due).
            self._journal_error = str(exc)
            log.error(
                "alert %s: cannot write the delivery journal in %s (%s); recording in %s "
                "directly and sending nothing more until it can be written",
                channel,
                self.journal.directory,
                exc,
                self.describe,
            )
        try:
            self._update(updates)
        except BaseException:
            if path is None:
                self._unrecorded |= updates
            raise
        if path is not None:
            path.unlink(missing_ok=True)

    # -- steps ----------------------------------------------------------------------

    def _replay_journal(self) -> None:
        for path, entry in self.journal.entries():
            self._update(entry["updates"])
            path.unlink(missing_ok=True)
            log.info(
                "alert %s: digest %s recorded (from the local journal)",
                entry.get("channel"),
                entry.get("digest_id"),
            )
        if self._unrecorded:
            self._update(self._unrecorded)
            log.info("alert sweep: %d delivery outcome(s) recorded late", len(self._unrecorded))
            self._unrecorded = {}

    def _requeue_once(self) -> None:
        """Queue again, once per process, alerts rejected under another configuration of
        their channel (it was fixed) and claims skipped as unrenderable (the code may now
        cope; if not, they are skipped again without sending anything)."""
        if self._requeued:
            return
        query = {"query": {"terms": {"status": [REJECTED, SKIPPED]}}}
        again: list[dict] = []
        for hit in helpers.scan(self.es, index=self.indices.alerts, query=query, size=1000):
            src = hit["_source"]
            notifier = self.notifiers.get(src.get("channel"))
            if notifier is None:
                continue
            if src.get("status") == SKIPPED or src.get("config_id") != notifier.config_id:
                again.append(hit)
        for channel in sorted(self.notifiers):
            if self.schedule.mode(channel) == INSTANT:  # was daily: send what waits now
                self._release(channel, None, None)
        if again:
            now = iso(self._now())
            # null, not {}: a partial update merges objects, it would keep the old keys.
            self._update(
                {
                    h["_id"]: {"status": PENDING, "next_attempt_at": now, "rejected_to": None}
                    for h in again
                }
            )
            log.info("alert sweep: %d rejected or skipped alert(s) queued again", len(again))
        self._requeued = True

    # The daily digest. Once a channel's digest hour has come, a create-only marker
    # document `digest:<channel>:<day>` in the alerts index claims that day's digest:
    # whoever creates it (this daemon, a restarted one, a second one) releases the
    # channel's held alerts created up to the marker's `cutoff`, and the ordinary
    # delivery path (leases, journal, retries) sends them as one digest. A marker that
    # exists already only repeats that release (a no-op unless a crash cut it short), so
    # a restart never sends the day's digest again, and alerts held after the cutoff
    # wait for the next day.

    def _daily_digests(self) -> None:
        daily = [c for c in sorted(self.notifiers) if self.schedule.mode(c) == DAILY]
        if not daily:
            return
        day = self.schedule.due_day(self._digest_now())
        if day is None:
            return
        for channel in daily:
            marker = f"digest:{channel}:{day}"
            if marker in self._digests_released:
                continue
            cutoff = iso(self._now())
            ops = [
                {"create": {"_index": self.indices.alerts, "_id": marker}},
                {
                    "kind": "digest",
                    "channel": channel,
                    "digest_day": day,
                    "created_at": cutoff,
                    "cutoff": cutoff,
                    "leased_by": self.owner,
                },
            ]
            [item] = self._bulk(ops, conflicts_ok=True)
            first = item.get("status") == 201
            if not first:  # made before (by us before a restart, or another daemon)
                found = self.es.get(index=self.indices.alerts, id=marker)["_source"]
                cutoff = found.get("cutoff") or cutoff
            released = self._release(channel, cutoff, day)
            self._digests_released.add(marker)
            if first or released:
                log.info(
                    "alert %s: daily digest %s: %d held claim(s) released", channel, day, released
                )

    def _release(self, channel: str, cutoff: str | None, day: str | None) -> int:
        """Held alerts of a channel (created up to `cutoff`) made due now; only those still
        held (`if_seq_no`), so a concurrent sender's lease is never undone."""
        filters: list[dict] = [{"term": {"status": HELD}}, {"term": {"channel": channel}}]
        if cutoff is not None:
            filters.append({"range": {"created_at": {"lte": cutoff}}})
        query = {"query": {"bool": {"filter": filters}}, "seq_no_primary_term": True}
        hits = list(helpers.scan(self.es, index=self.indices.alerts, query=query, size=1000))
        if not hits:
            return 0
        now = iso(self._now())
        ops: list[dict] = []
        for hit in hits:
            ops.append(self._conditional_update(hit))
            ops.append({"doc": {"status": PENDING, "next_attempt_at": now, "digest_day": day}})
        results = self._bulk(ops, conflicts_ok=True)
        return sum(1 for item in results if item.get("status") == 200)

    def _conditional_update(self, hit: dict) -> dict:
        """A bulk update of an alert that fails if another sweeper changed it since we read
        it (`if_seq_no`): how concurrent sweepers never take the same alert."""
        return {
            "update": {
                "_index": self.indices.alerts,
                "_id": hit["_id"],
                "if_seq_no": hit["_seq_no"],
                "if_primary_term": hit["_primary_term"],
            }
        }

    def _refresh_claims(self) -> None:
        """Make claims written by crawl processes searchable now.

        A shard nobody searched for 30 s is "search idle": Elasticsearch stops its periodic
        refresh, and a search then does not see what was written since. Without this, a
        sweep right after a crawl would miss its claims until a later sweep.
        """
        if not self._can_refresh:
            return
        try:
            self.es.indices.refresh(index=self.indices.claims)
        except AuthorizationException:
            # An API key without the `maintenance` privilege: claims then show up within
            # the index's refresh interval (or one more sweep on idle shards).
            self._can_refresh = False
            log.info(
                "alert sweep: no permission to refresh %s; relying on its refresh interval",
                self.indices.claims,
            )

    # The enqueue cursor: per concrete claims index, the highest `_seq_no` of a new
    # claim seen. Kept in a file next to the journal; lost, it costs one full scan.

    @property
    def _cursor_path(self) -> Path:
        return self.journal.directory / CURSOR_FILE

    def _load_cursor(self) -> dict[str, int]:
        if self._cursor is None:
            try:
                data = json.loads(self._cursor_path.read_text(encoding="utf-8"))
                self._cursor = {str(k): int(v) for k, v in data.items()}
            except (OSError, ValueError, AttributeError):
                self._cursor = {}
        return self._cursor

    def _save_cursor(self, cursor: dict[str, int]) -> None:
        self._cursor = cursor
        try:
            atomic_write_json(self._cursor_path, cursor)
        except OSError as exc:  # kept in memory; only costs a full scan after a restart
            log.debug("alert sweep: cannot save the enqueue cursor: %s", exc)

    def _enqueue(self, result: SweepResult) -> int:
        """Create the missing alert documents for new claims; how many were created."""
        self._refresh_claims()
        cursor = dict(self._load_cursor())
        overlap = max(self.policy.enqueue_overlap_ops, 0)
        filters: list[dict] = [{"term": {"is_new": True}}]
        if cursor:
            behind = [
                {
                    "bool": {
                        "filter": [
                            {"term": {"_index": index}},
                            {"range": {"_seq_no": {"gt": seq_no - overlap}}},
                        ]
                    }
                }
                for index, seq_no in sorted(cursor.items())
            ]
            # An index the cursor does not know (a rebuilt one) is scanned in full.
            unknown = {"bool": {"must_not": [{"terms": {"_index": sorted(cursor)}}]}}
            filters.append({"bool": {"should": [*behind, unknown], "minimum_should_match": 1}})
        query = {
            # A claim without a confidence (indexed before there was one) still alerts.
            "query": {
                "bool": {
                    "filter": filters,
                    "must_not": [
                        {"term": {"is_seed": True}},
                        {"range": {"confidence": {"lt": self.policy.min_confidence}}},
                    ],
                }
            },
            "_source": ["claim_id", "claim_key", "category", "figure_low", "figure_high"]
            + ["source", "url", "first_seen"],
            "seq_no_primary_term": True,
        }
        claims = []
        for hit in helpers.scan(self.es, index=self.indices.claims, query=query, size=1000):
            claims.append(hit["_source"])
            if isinstance(hit.get("_seq_no"), int):
                cursor[hit["_index"]] = max(cursor.get(hit["_index"], -1), hit["_seq_no"])
        result.scanned = len(claims)
        created = self._create_alerts(claims) if claims else 0
        if cursor != self._cursor:
            self._save_cursor(cursor)  # only once their alerts exist
        return created

    def _create_alerts(self, claims: list[dict]) -> int:
        wanted = {
            f"{c['claim_id']}:{channel}": (c, channel) for c in claims for channel in self.notifiers
        }
        existing: set[str] = set()
        ids = sorted(wanted)
        for start in range(0, len(ids), 1000):
            resp = self.es.mget(
                index=self.indices.alerts, ids=ids[start : start + 1000], source=False
            )
            existing |= {d["_id"] for d in resp["docs"] if d.get("found")}
        now = iso(self._now())
        ops: list[dict] = []
        for alert_id in ids:
            if alert_id in existing:
                continue
            claim, channel = wanted[alert_id]
            daily = self.schedule.mode(channel) == DAILY
            ops.append({"create": {"_index": self.indices.alerts, "_id": alert_id}})
            ops.append(
                {
                    "alert_id": alert_id,
                    "claim_id": claim["claim_id"],
                    "claim_key": claim.get("claim_key"),
                    "category": claim.get("category"),
                    "figure_low": claim.get("figure_low"),
                    "figure_high": claim.get("figure_high"),
                    "source": claim.get("source"),
                    "url": claim.get("url"),
                    "channel": channel,
                    "status": HELD if daily else PENDING,
                    "attempts": 0,
                    "created_at": now,
                    "next_attempt_at": None if daily else now,
                }
            )
        if not ops:
            return 0
        created = 0
        for item in self._bulk(ops, conflicts_ok=True):
            created += item.get("status") == 201
        return created

    def _due(self, channel: str) -> list[dict]:
        """Alerts of one channel whose (next) attempt has come, oldest first.

        "Has come" is judged by Elasticsearch's clock (`now` in the query), like the
        times written by `_now()`: no host's clock decides a lease alone.
        """
        query: dict[str, Any] = {
            "bool": {
                "filter": [
                    {"terms": {"status": [PENDING, FAILED, SENDING]}},
                    {"term": {"channel": channel}},
                    {"range": {"next_attempt_at": {"lte": "now"}}},
                ]
            }
        }
        if self._unrecorded:
            query["bool"]["must_not"] = [{"ids": {"values": sorted(self._unrecorded)}}]
        resp = self.es.search(
            index=self.indices.alerts,
            query=query,
            sort=[{"created_at": "asc"}, {"alert_id": "asc"}],
            size=self.policy.max_claims,
            seq_no_primary_term=True,
        )
        return resp["hits"]["hits"]

    def _lease(self, hits: list[dict]) -> list[dict]:
        """Mark alerts `sending` unless another sweeper changed them since we read them."""
        if not hits:
            return []
        self._lease_started = time.monotonic()
        until = iso(self._now() + timedelta(seconds=self.policy.lease_s))
        ops: list[dict] = []
        for hit in hits:
            ops.append(self._conditional_update(hit))
            attempts = (hit["_source"].get("attempts") or 0) + 1
            ops.append(
                {
                    "doc": {
                        "status": SENDING,
                        "attempts": attempts,
                        "next_attempt_at": until,
                        "leased_by": self.owner,
                    }
                }
            )
            hit["_source"]["attempts"] = attempts
        results = self._bulk(ops, conflicts_ok=True)
        return [hit for hit, item in zip(hits, results, strict=True) if item.get("status") == 200]

    def _mark(
        self,
        hits: list[dict],
        status: str,
        error: str | None,
        delay: float | None,
        *,
        attempts_back: bool = False,
        config_id: str | None = None,
    ) -> None:
        now = self._now()
        updates = {}
        for hit in hits:
            doc: dict[str, Any] = {
                "status": status,
                "next_attempt_at": iso(now + timedelta(seconds=delay))
                if delay is not None
                else None,
            }
            if error is not None:
                doc["last_error"] = redact_text(error)[:2000]
            if config_id is not None:
                doc["config_id"] = config_id
            if attempts_back:
                doc["attempts"] = max((hit["_source"].get("attempts") or 1) - 1, 0)
            updates[hit["_id"]] = doc
        self._update(updates)

    def _update(self, updates: Mapping[str, dict]) -> None:
        ops: list[dict] = []
        for alert_id, doc in sorted(updates.items()):
            ops.append({"update": {"_index": self.indices.alerts, "_id": alert_id}})
            ops.append({"doc": doc})
        if ops:
            self._bulk(ops)

    # -- digest -------------------------------------------------------------------

    def _build_digest(self, alert_claims: list[AlertClaim], docs: list[dict]) -> tuple[Digest, str]:
        order = sorted(
            zip(alert_claims, docs, strict=True),
            key=lambda p: (str(p[1].get("first_seen") or ""), p[0].claim_id),
        )
        now = self._now()
        digest = Digest(
            claims=[a for a, _ in order],
            timelines=self._timelines(
                sorted({str(c["category"]) for c in docs if c.get("category")}),
                sorted({str(c["claim_key"]) for c in docs if c.get("claim_key")}),
            ),
            generated_at=now,
            kibana=self.kibana,
        )
        ids = "\n".join(sorted(a.claim_id for a in alert_claims))
        stamp = self._sweep_at or now
        digest_id = f"{stamp:%Y%m%dT%H%M%SZ}-{hashlib.sha1(ids.encode()).hexdigest()[:10]}"
        return digest, digest_id

    def _timelines(self, categories: list[str], new_keys: list[str]) -> dict:
        """Per category, the earliest occurrence of every other known figure (seeds too)."""
        if not categories:
            return {}
        resp = self.es.search(
            index=self.indices.claims,
            size=0,
            query={
                "bool": {
                    "filter": [{"terms": {"category": categories}}],
                    "must_not": [{"terms": {"claim_key": new_keys}}],
                }
            },
            aggs={
                "category": {
                    "terms": {"field": "category", "size": len(categories)},
                    "aggs": {
                        "figures": {
                            "terms": {
                                "field": "claim_key",
                                "size": TIMELINE_KEYS_PER_CATEGORY,
                                "order": {"first_seen": "asc"},
                            },
                            "aggs": {
                                "first_seen": {"min": {"field": "first_seen"}},
                                "earliest": {
                                    "top_hits": {
                                        "size": 1,
                                        "sort": [
                                            {"published_at": {"order": "asc", "missing": "_last"}},
                                            {"first_seen": {"order": "asc"}},
                                        ],
                                        "_source": [
                                            "figure_low",
                                            "figure_high",
                                            "qualifier",
                                            "source",
                                            "published_at",
                                            "url",
                                        ],
                                    }
                                },
                            },
                        }
                    },
                }
            },
        )
        timelines: dict[str, list[TimelineEntry]] = {}
        for cat in resp["aggregations"]["category"]["buckets"]:
            entries = []
            for bucket in cat["figures"]["buckets"]:
                hit = bucket["earliest"]["hits"]["hits"][0]["_source"]
                entries.append(TimelineEntry.from_doc(hit))
            timelines[cat["key"]] = entries
        return timelines

    # -- plumbing -----------------------------------------------------------------

    def _docs(self, index: str, ids: list[str]) -> dict[str, dict]:
        found: dict[str, dict] = {}
        for start in range(0, len(ids), 1000):
            resp = self.es.mget(index=index, ids=ids[start : start + 1000])
            found |= {d["_id"]: d["_source"] for d in resp["docs"] if d.get("found")}
        return found

    def _bulk(self, ops: list[dict], conflicts_ok: bool = False) -> list[dict]:
        resp = self.es.bulk(operations=ops, refresh=True, require_alias=True)
        items = [next(iter(item.values())) for item in resp["items"]]
        for item in items:
            if item.get("error") and not (conflicts_ok and item.get("status") == 409):
                raise EsUnavailable(f"alerts index refused an update: {item['error']}")
        return items


def _short(exc: BaseException) -> str:
    text = redact_text(str(exc)).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:300]


def alert_counts(es: Elasticsearch, indices: Indices) -> dict[str, dict[str, int]]:
    """{status: {channel: count}} over the alerts index."""
    resp = es.search(
        index=indices.alerts,
        size=0,
        aggs={
            "status": {
                "terms": {"field": "status", "size": 10},
                "aggs": {"channel": {"terms": {"field": "channel", "size": 10}}},
            }
        },
    )
    return {
        b["key"]: {c["key"]: c["doc_count"] for c in b["channel"]["buckets"]}
        for b in resp["aggregations"]["status"]["buckets"]
    }


def alert_problems(es: Elasticsearch, indices: Indices, size: int = 5) -> list[dict]:
    """The latest alerts that failed, were rejected or skipped, with their last error."""
    resp = es.search(
        index=indices.alerts,
        size=size,
        query={"terms": {"status": [FAILED, REJECTED, SKIPPED]}},
        sort=[{"created_at": "desc"}],
        source=["claim_id", "channel", "status", "attempts", "last_error", "next_attempt_at"],
    )
    return [hit["_source"] for hit in resp["hits"]["hits"]]


def send_test_alert() -> int:
    """`troopwatch alerts test`: a sample digest to every configured channel."""
    load_env()
    try:
        notifiers = notifiers_from_env()
    except ConfigError as exc:
        print(f"troopwatch: alert configuration: {exc}", file=sys.stderr)
        return 2
    if not notifiers:
        print(
            "troopwatch: no alert channel configured; set TROOPWATCH_SMTP_HOST and "
            "TROOPWATCH_SMTP_TO for email, TROOPWATCH_SLACK_WEBHOOK_URL for Slack",
            file=sys.stderr,
        )
        return 2
    digest = sample_digest()
    digest.kibana = kibana_links_from_env()
    failures = 0
    for channel, notifier in notifiers.items():
        try:
            notifier.deliver(digest)
        except DeliveryError as exc:
            failures += 1
            print(f"{channel}: error: {exc}")
        else:
            print(f"{channel}: ok")
    return 1 if failures else 0
