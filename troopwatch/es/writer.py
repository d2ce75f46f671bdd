"""Writing articles and their claims to Elasticsearch, with novelty decided atomically.

A document handed to `ArticleWriter.write` is JSON-ready (see troopwatch.documents): the
article fields plus a `claims` list. Writing is idempotent — ids derive from content —
so a batch that is retried after a failure (from the spool) never duplicates anything.

Novelty: each claim key (category + figure) has one create-only document in the
claim-keys index. The claim whose create succeeds is the first; a retried claim whose
create now answers 409 recognises itself by `first_claim_id`, so a crash between the
two bulk calls cannot lose a new claim.

Poison isolation: a document refused for its content (checked first by
`document_problem`, or refused by Elasticsearch: mapping, range, size) goes to
`rejected/` with the reason and never fails its batch; a whole request refused for its
size (413) is halved until the culprit stands alone. Only transport-level trouble
(connection, 408/429/5xx, cluster blocks, missing indices) raises EsUnavailable, so
only that is spooled and retried.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from elasticsearch import ApiError, ConflictError, Elasticsearch, NotFoundError, TransportError

from troopwatch.claims import claim_key
from troopwatch.claims.evidence import best_evidence
from troopwatch.dates import iso, utcnow
from troopwatch.documents import document_problem
from troopwatch.es.client import EsUnavailable
from troopwatch.es.indices import Indices
from troopwatch.schema import CLAIM_FROM_ARTICLE, CLAIM_FROM_EXTRACTOR
from troopwatch.spool import Spool

log = logging.getLogger(__name__)

CLAIM_FIELDS = CLAIM_FROM_EXTRACTOR  # what a claim document takes from the extractor
# Fields of the pipeline's document that are not stored on the article itself.
NOT_ARTICLE_FIELDS = {"claims", "duplicate_of", "similarity", "deferrals"}
# A sighting waits (spooled) this many writes for its original to be indexed.
MAX_DEFERRALS = 20


def _retryable(status: int, error: dict | str | None) -> bool:
    """Worth keeping and retrying: overload, outage, write blocks, and indices that are
    missing (not set up yet, or being migrated) — everything but a bad document."""
    kind = error.get("type", "") if isinstance(error, dict) else str(error or "")
    return (
        status in (408, 429)
        or status >= 500
        or "cluster_block_exception" in kind
        or "index_not_found_exception" in kind
    )


class RequestRefused(Exception):
    """Elasticsearch refused a whole bulk request for what it holds (413, 400): retrying
    it as it is can never succeed, smaller parts can."""


def _status(exc: Exception) -> int | None:
    meta = getattr(exc, "meta", None)
    return getattr(meta, "status", None)


def claim_id(article_id: str, claim: dict) -> str:
    """Stable id of one claim occurrence: the same article and sentence give the same id."""
    raw = f"{article_id}\x1f{claim.get('sentence', '')}\x1f{claim['claim_key']}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


@dataclass
class WriteResult:
    indexed: int = 0
    sightings: int = 0
    new_claims: list[dict] = field(default_factory=list)
    rejected: int = 0
    deferred: int = 0


class ArticleWriter:
    """Writes article documents; `spool` (optional) keeps sightings whose original is not
    indexed yet, and (in `rejected/`) documents Elasticsearch refused outright."""

    def __init__(self, es: Elasticsearch, indices: Indices, spool: Spool | None = None):
        self.es = es
        self.indices = indices
        self.spool = spool
        self.rejected = Spool(spool.directory / "rejected") if spool else None

    # -- bulk plumbing -------------------------------------------------------

    def _bulk(self, operations: list[dict]) -> list[dict]:
        """Run one bulk call; per-item results. Raises EsUnavailable on retryable failure."""
        if not operations:
            return []
        try:
            # require_alias: a write must never auto-create a bare index where an alias belongs.
            resp = self.es.bulk(operations=operations, refresh=False, require_alias=True)
        except ApiError as exc:
            if _status(exc) in (400, 413):
                raise RequestRefused(f"bulk request refused ({_status(exc)}): {exc}") from exc
            raise EsUnavailable(f"bulk write failed: {exc}") from exc
        except TransportError as exc:
            raise EsUnavailable(f"bulk write failed: {exc}") from exc
        results = [next(iter(item.values())) for item in resp["items"]]
        for result in results:
            if result.get("error") and _retryable(result["status"], result["error"]):
                reason = result["error"]
                reason = reason.get("reason", reason) if isinstance(reason, dict) else reason
                raise EsUnavailable(f"Elasticsearch refused a write ({result['status']}): {reason}")
        return results

    # -- novelty ---------------------------------------------------------------

    def _decide_novelty(self, claims: list[dict]) -> None:
        """Set `is_new` and `first_seen` on each claim by create-only claim-key documents."""
        ops: list[dict] = []
        now = iso(utcnow())
        for claim in claims:
            ops.append({"create": {"_index": self.indices.claim_keys, "_id": claim["claim_key"]}})
            ops.append(
                {
                    "claim_key": claim["claim_key"],
                    "category": claim["category"],
                    "figure_low": claim.get("figure_low"),
                    "figure_high": claim.get("figure_high"),
                    "first_seen": now,
                    "first_claim_id": claim["claim_id"],
                    "first_url": claim.get("url"),
                    "first_source": claim.get("source"),
                    "is_seed": bool(claim.get("is_seed")),
                }
            )
        results = self._bulk(ops)
        conflicts = []
        for claim, result in zip(claims, results, strict=True):
            if result["status"] == 201:
                claim["is_new"], claim["first_seen"] = True, now
            elif result["status"] == 409:
                conflicts.append(claim)
            else:
                # Refused for its content (retryable refusals raised in _bulk): this
                # claim is kept in rejected/, its article and the other claims go on.
                claim["rejected"] = result.get("error") or f"status {result['status']}"
        if conflicts:
            keys = sorted({c["claim_key"] for c in conflicts})
            try:
                found = self.es.mget(index=self.indices.claim_keys, ids=keys)["docs"]
            except (TransportError, ApiError) as exc:
                raise EsUnavailable(f"claim key lookup failed: {exc}") from exc
            first = {d["_id"]: d["_source"] for d in found if d.get("found")}
            for claim in conflicts:
                record = first.get(claim["claim_key"], {})
                claim["is_new"] = record.get("first_claim_id") == claim["claim_id"]
                claim["first_seen"] = record.get("first_seen")
        for claim in claims:
            # The seeds are the baseline: what analysts already know never alerts.
            if claim.get("is_seed") or claim.get("rejected"):
                claim["is_new"] = False

    # -- sightings ---------------------------------------------------------------

    def _record_sighting(self, doc: dict) -> bool:
        """Add a duplicate's URL and date to its original's `also_seen`; False when the
        original is not indexed (yet). Read-modify-write with optimistic concurrency, as
        minimal clusters have no scripting."""
        entry = {
            "url": doc.get("url"),
            "site": doc.get("site"),
            "seen_at": doc.get("published_at") or doc.get("fetched_at"),
            "similarity": doc.get("similarity"),
        }
        for _attempt in range(10):
            try:
                got = self.es.get(
                    index=self.indices.articles,
                    id=doc["duplicate_of"],
                    source_includes=["also_seen"],
                )
            except NotFoundError:
                return False
            except (TransportError, ApiError) as exc:
                raise EsUnavailable(f"reading {doc['duplicate_of']} failed: {exc}") from exc
            seen = list(got["_source"].get("also_seen") or [])
            if any(s.get("url") == entry["url"] for s in seen):
                return True
            seen.append(entry)
            try:
                self.es.update(
                    index=got["_index"],
                    id=got["_id"],
                    doc={"also_seen": seen, "also_seen_count": len(seen)},
                    if_seq_no=got["_seq_no"],
                    if_primary_term=got["_primary_term"],
                )
                return True
            except ConflictError:
                continue  # another writer added a sighting meanwhile; read again
            except ApiError as exc:
                if _status(exc) in (400, 413):  # this sighting's content: split it out
                    raise RequestRefused(f"sighting refused ({_status(exc)}): {exc}") from exc
                raise EsUnavailable(f"recording a sighting failed: {exc}") from exc
            except TransportError as exc:
                raise EsUnavailable(f"recording a sighting failed: {exc}") from exc
        raise EsUnavailable(f"too many concurrent updates of {doc['duplicate_of']}")

    def _record_sightings(self, sightings: list[dict], result: WriteResult) -> None:
        for doc in sightings:
            if self._record_sighting(doc):
                result.sightings += 1
                continue
            doc["deferrals"] = doc.get("deferrals", 0) + 1
            if self.spool is None or doc["deferrals"] > MAX_DEFERRALS:
                self._reject(doc, "original never indexed", result)
            else:
                result.deferred += 1
                self.spool.put([doc])

    def _claim_docs(self, doc: dict, stored_id: str) -> list[dict]:
        """Claim documents of one page; `stored_id` is the article they belong to in the
        index (the page itself, or the original it copies)."""
        out = []
        for raw in doc.get("claims") or []:
            claim = {k: raw.get(k) for k in CLAIM_FIELDS}
            claim["claim_key"] = claim_key(
                claim["category"], claim["figure_low"], claim["figure_high"]
            )
            claim["claim_id"] = claim_id(doc["article_id"], claim)
            for k in CLAIM_FROM_ARTICLE:
                claim[k] = doc.get(k)
            claim["article_id"] = stored_id
            claim["is_seed"] = bool(doc.get("is_seed"))
            out.append(claim)
        return out

    def _copies_new_figures(self, sightings: list[dict], known: dict[str, set]) -> list[dict]:
        """Claims of copies whose figure their original does not state.

        A copy repeating its original raises nothing; an updated wire story that adds a
        figure ("UPDATE 1: toll rises to 4,700") must not lose it for being similar.
        """
        extra = []
        for doc in sightings:
            claims = self._claim_docs(doc, doc["duplicate_of"])
            if not claims:
                continue
            keys = known.get(doc["duplicate_of"])
            if keys is None:
                # A realtime GET: a search might not see an original indexed a moment ago.
                try:
                    got = self.es.options(ignore_status=404).get(
                        index=self.indices.articles,
                        id=doc["duplicate_of"],
                        source_includes=["claim_keys"],
                    )
                except (TransportError, ApiError) as exc:
                    raise EsUnavailable(f"reading an original failed: {exc}") from exc
                keys = set((got.get("_source") or {}).get("claim_keys") or [])
            extra += [c for c in claims if c["claim_key"] not in keys]
        return extra

    def _reject(self, owner: dict, error, result: WriteResult) -> None:
        """Keep a document Elasticsearch cannot take in `rejected/`, with the reason."""
        result.rejected += 1
        log.error("rejected %s: %s", owner.get("url") or owner.get("article_id"), error)
        if self.rejected is not None:
            self.rejected.put([{"document": owner, "error": error}])

    def write(self, docs: list[dict]) -> WriteResult:
        """Store a batch of article documents; EsUnavailable when it must be retried.

        Documents refused for their content go to `rejected/` (counted in `rejected`),
        never failing the batch; a request refused whole is split until it passes.
        """
        result = WriteResult()
        good = []
        for doc in docs:
            problem = document_problem(doc)
            if problem:
                self._reject(doc, problem, result)
            else:
                good.append(doc)
        self._write_split(good, result)
        return result

    def _write_split(self, docs: list[dict], result: WriteResult) -> None:
        if not docs:
            return
        try:
            part = self._write_batch(docs)
        except RequestRefused as exc:
            if len(docs) == 1:
                self._reject(docs[0], str(exc).splitlines()[0][:1000], result)
                return
            # Writes are idempotent: parts already written by the refused attempt are
            # written again unchanged, and claims recognise their own first claim key.
            half = len(docs) // 2
            self._write_split(docs[:half], result)
            self._write_split(docs[half:], result)
            return
        result.indexed += part.indexed
        result.sightings += part.sightings
        result.new_claims += part.new_claims
        result.rejected += part.rejected
        result.deferred += part.deferred

    def _write_batch(self, docs: list[dict]) -> WriteResult:
        result = WriteResult()
        claims: list[dict] = []
        articles: list[tuple[dict, list[dict]]] = []
        known: dict[str, set] = {}
        sightings = [d for d in docs if d.get("duplicate_of")]
        for doc in docs:
            if doc.get("duplicate_of"):
                continue
            article = {k: v for k, v in doc.items() if k not in NOT_ARTICLE_FIELDS}
            article["indexed_at"] = iso(utcnow())
            doc_claims = self._claim_docs(doc, doc["article_id"])
            article["claim_count"] = len(doc_claims)
            article["claim_keys"] = sorted({c["claim_key"] for c in doc_claims})
            known[doc["article_id"]] = set(article["claim_keys"])
            claims.extend(doc_claims)
            articles.append((article, doc_claims))
        copy_claims = self._copies_new_figures(sightings, known)
        claims.extend(copy_claims)
        if claims:
            # The first claim of a key creates its claim-key document and is the new one:
            # of a figure stated twice, the best evidence goes first (docs/claims.md §8).
            claims = best_evidence(claims)
            self._decide_novelty(claims)
            kept = []
            for claim in claims:
                if claim.get("rejected"):
                    self._reject(claim, claim.pop("rejected"), result)
                else:
                    kept.append(claim)
            claims = kept
        ops: list[dict] = []
        owners: list[dict] = []
        for article, doc_claims in articles:
            article["new_claim_count"] = sum(1 for c in doc_claims if c["is_new"])
            # A partial update, not a replace: a re-crawl must keep the sightings
            # (`also_seen`) that copies recorded on this article.
            ops += [
                {"update": {"_index": self.indices.articles, "_id": article["article_id"]}},
                {"doc": article, "doc_as_upsert": True},
            ]
            owners.append(article)
        for claim in claims:
            ops += [{"index": {"_index": self.indices.claims, "_id": claim["claim_id"]}}, claim]
            owners.append(claim)
        for owner, item in zip(owners, self._bulk(ops), strict=True):
            if item.get("error"):
                self._reject(owner, item["error"], result)
            elif "claim_id" not in owner:
                result.indexed += 1
        # After the articles, so a copy arriving in the same batch finds its original.
        self._record_sightings(sightings, result)
        result.new_claims = [c for c in claims if c["is_new"]]
        return result


def drain_articles(writer: ArticleWriter) -> int:
    """Write the articles waiting in `writer.spool`, oldest first; the one drain every
    caller uses (crawl pipeline, daemon, `troopwatch spool flush`).

    Always with the spool: documents Elasticsearch refuses go to `rejected/` and copies
    whose original is not indexed yet wait again, instead of being dropped. Raises
    EsUnavailable (the rest stays spooled) when Elasticsearch cannot take writes.
    """
    if writer.spool is None:
        raise ValueError("draining the spool needs a writer that has the spool")
    if not writer.spool.files():
        return 0
    return writer.spool.drain(writer.write)
