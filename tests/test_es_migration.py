"""An index migration (setup with a bumped mapping version) loses no write made during it."""

from __future__ import annotations

import threading

from elasticsearch import ApiError, ConflictError, helpers

from troopwatch.es import indices as idx
from troopwatch.es.indices import SPECS, setup_indices


def test_writes_during_a_migration_are_refused_retryably_or_kept(es, indices, monkeypatch):
    alias = indices.claim_keys
    helpers.bulk(
        es,
        ({"_index": alias, "_id": f"old:{n}", "claim_key": f"old:{n}"} for n in range(4000)),
        chunk_size=1000,
    )
    monkeypatch.setitem(SPECS, "claim-keys", idx.IndexSpec("claim-keys", 2, idx.claim_keys_mapping))
    done = threading.Event()
    errors: list[BaseException] = []

    def migrate():
        try:
            setup_indices(es, indices.prefix)
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            done.set()

    acknowledged, refused = [], []
    thread = threading.Thread(target=migrate)
    thread.start()
    n = 0
    while not done.is_set():
        n += 1
        key = f"new:{n}"
        try:
            es.create(index=alias, id=key, document={"claim_key": key})
            acknowledged.append(key)
        except ApiError as exc:
            # The writer treats this as "cannot take writes now" and spools the claim.
            assert "cluster_block_exception" in str(exc), exc
            refused.append(key)
    thread.join()
    assert not errors, errors
    assert list(es.indices.get_alias(name=alias)) == [f"{indices.prefix}-claim-keys-v2"]
    assert n > 1, "no write happened during the migration"
    es.indices.refresh(index=alias)
    found = es.mget(index=alias, ids=acknowledged)["docs"] if acknowledged else []
    lost = [d["_id"] for d in found if not d["found"]]
    assert lost == [], f"{len(lost)} of {len(acknowledged)} acknowledged writes lost"
    assert es.count(index=alias)["count"] == 4000 + len(acknowledged)
    # A key stored before or during the migration is not new again (no second alert).
    for key in ["old:1", *acknowledged[-1:]]:
        try:
            es.create(index=alias, id=key, document={"claim_key": key})
            raise AssertionError(f"{key} could be created twice")
        except ConflictError:
            pass
    es.indices.delete(index=f"{indices.prefix}-claim-keys-v2")
