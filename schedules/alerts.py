"""The alert sweep: new troop-figure claims -> one digest -> every configured channel.

Delivery is tracked per claim and channel in the alerts index (doc id
`f"{claim_id}:{channel}"`, so creating it twice is harmless). One sweep:

1. **replay** the local delivery journal (deliveries whose "sent" mark did not reach
   Elasticsearch, see below);
2. **enqueue**: every `is_new` claim without an alert document gets one per configured
   channel, `status: pending` (create-only, so concurrent sweepers cannot double it);
3. **select** alerts that are pending, failed or `sending` with an expired lease and whose
   `next_attempt_at` has come, per channel;
4. **lease** them: `status: sending`, `attempts + 1`, `next_attempt_at = now + lease`,
   with optimistic concurrency (`if_seq_no`), so two sweepers never send the same alert;
5. **deliver** one digest (all those claims, with per-category timelines of the earlier
   figures) through the channel;
6. on success, **journal** the delivery to a local file (fsync), mark the alerts
   `sent`, then delete the journal file; on failure mark them `failed` with the error
   and `next_attempt_at` = now + exponential backoff (or the server's Retry-After).

Crash windows (SIGKILL, power loss), and what the reader may see:

- before step 4 completes: nothing was sent; the next sweep does it all again.
- between 4 and the send: the lease expires (TROOPWATCH_ALERT_SEND_LEASE_SECONDS) and
  the alert is sent then; nothing lost, nothing twice, only late.
- during the send itself (the SMTP server has taken the message or Slack has posted it,
  but the answer never reached us): the lease expires and the digest is sent AGAIN.
  This is the at-least-once window: its width is the round trip of the final SMTP
  "." / 250 exchange or of the Slack POST. A Slack digest too big for one message goes
  out in parts; a crash between parts resends the parts already posted.
- between a successful send and the "sent" mark in Elasticsearch (crash, or
  Elasticsearch failing at that moment): covered by the journal file written right after
  the send; the next sweep marks them sent without sending again. Only losing the
  var/ directory (or a crash inside those few microseconds before the fsync) falls back
  to at-least-once.

Nothing is ever dropped: a failure that retrying cannot fix (bad SMTP credentials, a
revoked webhook) stays `failed` and is retried at the longest backoff, so fixing the
configuration delivers it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, AuthorizationException, Elasticsearch, TransportError, helpers

from schedules.digest import AlertClaim, Digest, TimelineEntry, sample_digest
from schedules.notifiers import ConfigError, DeliveryError, Notifier, notifiers_from_env
from troopwatch.config import load_env
from troopwatch.dates import iso, utcnow
from troopwatch.es.client import EsUnavailable
from troopwatch.es.indices import Indices
from troopwatch.redact import redact_text

log = logging.getLogger(__name__)

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
ES_ERRORS = (TransportError, ApiError, EsUnavailable, helpers.BulkIndexError, helpers.ScanError)
CLAIM_SOURCE = [
    "claim_id",
    "claim_key",
    "category",
    "figure_low",
    "figure_high",
    "qualifier",
    "source",
    "unit",
    "location",
    "sentence",
    "lang",
    "article_id",
    "url",
    "site",
    "title",
    "published_at",
    "first_seen",
    "is_seed",
]
TIMELINE_KEYS_PER_CATEGORY = 50


def number_setting(settings: Any, name: str, default: float) -> float:
    """A number from Scrapy settings, else the environment, else the default."""
    value = settings.get(name) if settings is not None else None
    if value in (None, ""):
        value = os.environ.get(name)
    return float(value) if value not in (None, "") else float(default)


@dataclass(frozen=True)
class AlertPolicy:
    retry_base_s: float = 60.0  # first retry after this; doubles each attempt
    retry_max_s: float = 3600.0  # longest wait between attempts
    lease_s: float = 120.0  # how long a `sending` alert is reserved for one sender
    max_claims: int = 50  # claims per channel and sweep; more go in the next sweep

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
        )

    def backoff(self, attempts: int) -> float:
        """Seconds before attempt `attempts + 1`: base, 2*base, 4*base, ... up to the max."""
        return min(self.retry_base_s * 2 ** max(attempts - 1, 0), self.retry_max_s)


@dataclass
class SweepResult:
    enqueued: int = 0
    delivered: dict[str, int] = field(default_factory=dict)  # channel -> claims sent
    failed: dict[str, str] = field(default_factory=dict)  # channel -> error
    es_error: str | None = None


class DeliveryJournal:
    """Local record of deliveries not yet marked `sent` in Elasticsearch (one file each)."""

    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def add(self, channel: str, alert_ids: list[str], digest_id: str, sent_at: str) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{digest_id}-{channel}.json"
        tmp = path.with_name(f".{path.name}.tmp")
        entry = {"channel": channel, "alert_ids": alert_ids, "digest_id": digest_id}
        with tmp.open("w", encoding="utf-8") as fh:
            json.dump({**entry, "sent_at": sent_at}, fh)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.rename(path)
        return path

    def entries(self) -> list[tuple[Path, dict]]:
        if not self.directory.exists():
            return []
        found = []
        for path in sorted(self.directory.glob("*.json")):
            try:
                found.append((path, json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError) as exc:
                log.error("unreadable alert journal file %s: %s", path, exc)
        return found


def _ids(items: Iterable[dict]) -> list[str]:
    return [item["_id"] for item in items]


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
    ):
        self.es = es
        self.indices = indices
        self.notifiers = dict(notifiers)
        self.journal = DeliveryJournal(journal_dir)
        self.policy = policy or AlertPolicy()
        self.clock = clock
        self.should_stop = should_stop
        self.describe = describe
        self._can_refresh = True

    # -- the sweep ----------------------------------------------------------------

    def sweep(self) -> SweepResult:
        result = SweepResult()
        if not self.notifiers:
            return result
        try:
            self._replay_journal()
            result.enqueued = self._enqueue()
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
            self._mark_failed(missing, "claim document not found", self.policy.retry_max_s)
        digests: dict[frozenset, tuple[Digest, str]] = {}
        for channel, hits in sorted(by_channel.items()):
            if self.should_stop():
                return
            hits = [h for h in hits if h["_source"]["claim_id"] in claims]
            leased = self._lease(hits)
            if not leased:
                continue
            key = frozenset(h["_source"]["claim_id"] for h in leased)
            if key not in digests:
                digests[key] = self._build_digest([claims[cid] for cid in sorted(key)])
            digest, digest_id = digests[key]
            try:
                self.notifiers[channel].deliver(digest)
            except Exception as exc:  # DeliveryError, or a notifier bug: the same for us
                delay = self.policy.backoff(max(h["_source"]["attempts"] for h in leased))
                if isinstance(exc, DeliveryError):
                    if exc.retry_after:
                        delay = max(delay, exc.retry_after)
                    if not exc.retryable:
                        delay = self.policy.retry_max_s
                else:
                    log.exception("%s notifier failed unexpectedly", channel)
                self._mark_failed(leased, redact_text(f"{type(exc).__name__}: {exc}"), delay)
                result.failed[channel] = redact_text(str(exc))
                log.warning(
                    "alert %s: %d claim(s) not delivered (%s); retry in %.0f s",
                    channel,
                    len(leased),
                    _short(exc),
                    delay,
                )
                continue
            sent_at = iso(self.clock())
            path = self.journal.add(channel, _ids(leased), digest_id, sent_at)
            self._mark_sent(_ids(leased), digest_id, sent_at)
            path.unlink(missing_ok=True)
            result.delivered[channel] = len(leased)
            log.info("alert %s: digest %s sent (%d new claim(s))", channel, digest_id, len(leased))

    # -- steps ----------------------------------------------------------------------

    def _replay_journal(self) -> None:
        for path, entry in self.journal.entries():
            self._mark_sent(entry["alert_ids"], entry["digest_id"], entry["sent_at"])
            path.unlink(missing_ok=True)
            log.info(
                "alert %s: digest %s recorded as sent (from the local journal)",
                entry["channel"],
                entry["digest_id"],
            )

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

    def _enqueue(self) -> int:
        """Create the missing alert documents for every new claim; how many were created."""
        self._refresh_claims()
        query = {
            "query": {
                "bool": {
                    "filter": [{"term": {"is_new": True}}],
                    "must_not": [{"term": {"is_seed": True}}],
                }
            },
            "_source": ["claim_id", "claim_key", "category", "figure_low", "figure_high"]
            + ["source", "url", "first_seen"],
        }
        claims = [
            hit["_source"]
            for hit in helpers.scan(self.es, index=self.indices.claims, query=query, size=1000)
        ]
        if not claims:
            return 0
        wanted = {
            f"{c['claim_id']}:{channel}": (c, channel) for c in claims for channel in self.notifiers
        }
        existing: set[str] = set()
        ids = sorted(wanted)
        for start in range(0, len(ids), 1000):
            resp = self.es.mget(index=self.indices.alerts, ids=ids[start : start + 1000])
            existing |= {d["_id"] for d in resp["docs"] if d.get("found")}
        now = iso(self.clock())
        ops: list[dict] = []
        for alert_id in ids:
            if alert_id in existing:
                continue
            claim, channel = wanted[alert_id]
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
                    "status": PENDING,
                    "attempts": 0,
                    "created_at": now,
                    "next_attempt_at": now,
                }
            )
        if not ops:
            return 0
        created = 0
        for item in self._bulk(ops, conflicts_ok=True):
            created += item.get("status") == 201
        return created

    def _due(self, channel: str) -> list[dict]:
        """Alerts of one channel whose (next) attempt has come, oldest first."""
        now = iso(self.clock())
        resp = self.es.search(
            index=self.indices.alerts,
            query={
                "bool": {
                    "filter": [
                        {"terms": {"status": [PENDING, FAILED, SENDING]}},
                        {"term": {"channel": channel}},
                        {"range": {"next_attempt_at": {"lte": now}}},
                    ]
                }
            },
            sort=[{"created_at": "asc"}, {"alert_id": "asc"}],
            size=self.policy.max_claims,
            seq_no_primary_term=True,
        )
        return resp["hits"]["hits"]

    def _lease(self, hits: list[dict]) -> list[dict]:
        """Mark alerts `sending` unless another sweeper changed them since we read them."""
        if not hits:
            return []
        until = iso(self.clock() + timedelta(seconds=self.policy.lease_s))
        ops: list[dict] = []
        for hit in hits:
            ops.append(
                {
                    "update": {
                        "_index": self.indices.alerts,
                        "_id": hit["_id"],
                        "if_seq_no": hit["_seq_no"],
                        "if_primary_term": hit["_primary_term"],
                    }
                }
            )
            attempts = (hit["_source"].get("attempts") or 0) + 1
            ops.append({"doc": {"status": SENDING, "attempts": attempts, "next_attempt_at": until}})
            hit["_source"]["attempts"] = attempts
        results = self._bulk(ops, conflicts_ok=True)
        return [hit for hit, item in zip(hits, results, strict=True) if item.get("status") == 200]

    def _mark_sent(self, alert_ids: list[str], digest_id: str, sent_at: str) -> None:
        ops: list[dict] = []
        for alert_id in alert_ids:
            ops.append({"update": {"_index": self.indices.alerts, "_id": alert_id}})
            ops.append(
                {
                    "doc": {
                        "status": SENT,
                        "sent_at": sent_at,
                        "digest_id": digest_id,
                        "next_attempt_at": None,
                    }
                }
            )
        self._bulk(ops)

    def _mark_failed(self, hits: list[dict], error: str, delay: float) -> None:
        next_at = iso(self.clock() + timedelta(seconds=delay))
        ops: list[dict] = []
        for hit in hits:
            ops.append({"update": {"_index": self.indices.alerts, "_id": hit["_id"]}})
            ops.append(
                {"doc": {"status": FAILED, "last_error": error[:2000], "next_attempt_at": next_at}}
            )
        self._bulk(ops)

    # -- digest -------------------------------------------------------------------

    def _build_digest(self, claims: list[dict]) -> tuple[Digest, str]:
        article_ids = sorted({c["article_id"] for c in claims if c.get("article_id")})
        articles = self._docs(self.indices.articles, article_ids) if article_ids else {}
        claims = sorted(claims, key=lambda c: (c.get("first_seen") or "", c.get("claim_id")))
        alert_claims = [
            AlertClaim.from_doc(c, articles.get(c.get("article_id")), claim_id=c.get("claim_id"))
            for c in claims
        ]
        now = self.clock()
        digest = Digest(
            claims=alert_claims,
            timelines=self._timelines(
                sorted({c["category"] for c in claims if c.get("category")}),
                sorted({c["claim_key"] for c in claims if c.get("claim_key")}),
            ),
            generated_at=now,
        )
        ids = "\n".join(sorted(c["claim_id"] for c in claims))
        digest_id = f"{now:%Y%m%dT%H%M%SZ}-{hashlib.sha1(ids.encode()).hexdigest()[:10]}"
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
