"""The fixture press: a deterministic fake world press served on 127.0.0.1 for crawler tests.

    from tests.press import Press

    with Press.start() as press:
        press.base_url, press.sites, press.articles, press.article(slug)
        press.feed_url("meridian-wire", kind="atom"), press.gdelt_url("north korea troops")
        press.bad_routes["hang"], press.publish({...}), press.requests, press.clear_requests()

See ``server.Press`` for the whole API and ``articles/*.yaml`` for the content.
"""

from .model import CATEGORIES, CLAIM_SOURCES, QUALIFIERS, Article, Site
from .server import Press, RequestLog, RequestRecord, strip_tracking
from .templates import BOILERPLATE_MARKERS, MARKER_PREFIX, TEMPLATES
from .warc import write_warc

__all__ = [
    "BOILERPLATE_MARKERS",
    "CATEGORIES",
    "CLAIM_SOURCES",
    "MARKER_PREFIX",
    "QUALIFIERS",
    "TEMPLATES",
    "Article",
    "Press",
    "RequestLog",
    "RequestRecord",
    "Site",
    "strip_tracking",
    "write_warc",
]
