"""URL canonicalisation and article ids: one article, one id, however it was linked."""

from __future__ import annotations

import contextlib
import hashlib
import re
from urllib.parse import unquote, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize_url

# Query parameters that only track the reader or the campaign, never select content.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl"
    r"|ocid|cmpid|cmp|icid|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|smid|smtyp"
    r"|sr_share|ref|ref_src|referrer|at_medium|at_campaign|rss"
    r"|outputtype|amp|taid|guccounter|guce_referrer|guce_referrer_sig|__twitter_impression)$",
    re.IGNORECASE,
)
DEFAULT_PORTS = {"http": 80, "https": 443}
MOBILE_HOST_PREFIXES = ("m.", "mobile.", "amp.")
AMP_PATH = re.compile(r"(/amp/?$|/amp(?=/)|\.amp(?=\.html?$|$)|/amp\.html$)", re.IGNORECASE)


# Bumped whenever canonicalize_url changes the form of URLs already indexed: setup then
# moves existing articles to their new ids (troopwatch.es.rekey).
URL_IDENTITY_VERSION = 2


def _query_without_tracking(query: str) -> str:
    # w3lib has already percent-encoded and sorted the query; filter it without decoding,
    # so the encoding it chose is kept.
    kept = [
        p for p in query.split("&") if p and not TRACKING_PARAMS.match(unquote(p.split("=")[0]))
    ]
    return "&".join(kept)


def canonicalize_url(url: str) -> str:
    """A stable form of an article URL, so one article has one id however it was linked.

    w3lib's canonical form first (percent-encoding normalised, so `%c3%a9`, `%C3%A9` and `é`
    agree; IDN hosts in punycode; dot segments resolved; query sorted; fragment dropped),
    then troopwatch's rules: scheme and host lowercased, default ports, tracking
    parameters, AMP paths and mobile hosts removed, repeated slashes folded.
    """
    url = url.strip()
    # A host idna refuses: keep the URL as given, our rules still apply.
    with contextlib.suppress(ValueError):
        url = w3lib_canonicalize_url(url, keep_fragments=False)
    parts = urlsplit(url)
    scheme = parts.scheme.lower() or "http"
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in MOBILE_HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = "www." + host[len(prefix) :]
            break
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        port = None
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = AMP_PATH.sub("", parts.path) or "/"
    path = re.sub(r"/{2,}", "/", path)
    return urlunsplit((scheme, netloc, path, _query_without_tracking(parts.query), ""))


def article_id(canonical_url: str) -> str:
    """Elasticsearch _id of an article: a hash of its canonical URL."""
    return hashlib.sha1(canonical_url.encode("utf-8")).hexdigest()
