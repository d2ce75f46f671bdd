"""Elasticsearch's clock: the one time every daemon of a fleet agrees on.

Leases (alert deliveries, crawl tasks) are written and compared in this time, so two
hosts with skewed clocks, or a host whose clock steps back, judge a lease the same way.
"""

from __future__ import annotations

import re
from datetime import datetime

from elasticsearch import Elasticsearch


def read_es_time(es: Elasticsearch) -> datetime:
    """The cluster's current time (an ingest `_simulate` call: no index, no privilege on
    data). Raises AuthorizationException / BadRequestError (no privilege, or a server that
    will not say), KeyError, IndexError or ValueError (an answer without a timestamp)."""
    resp = es.ingest.simulate(pipeline={"processors": []}, docs=[{"_source": {}}])
    stamp = resp["docs"][0]["doc"]["_ingest"]["timestamp"]
    # Nanoseconds in the text; Python's fromisoformat takes microseconds.
    stamp = re.sub(r"(\.\d{6})\d+", r"\1", stamp).replace("Z", "+00:00")
    return datetime.fromisoformat(stamp)
