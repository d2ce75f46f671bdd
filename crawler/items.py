"""The item every spider yields and every pipeline stage fills in.

Its fields are the article table of troopwatch/schema.py marked `item` (which stage sets
each, and whether it is stored, is said there).
"""

from __future__ import annotations

import scrapy

from troopwatch.schema import ITEM_FIELDS

# Built by Scrapy's item metaclass like a class statement would be.
ArticleItem = type(scrapy.Item)(
    "ArticleItem",
    (scrapy.Item,),
    {
        "__module__": __name__,
        "__qualname__": "ArticleItem",
        "__doc__": "One fetched page on its way through the pipeline (troopwatch/schema.py).",
        **{name: scrapy.Field() for name in ITEM_FIELDS},
    },
)
