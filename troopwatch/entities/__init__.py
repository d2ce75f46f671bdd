"""Entity knowledge base and multilingual tagger (people, organisations, places, units, weapons).

from troopwatch.entities import default_kb, tag_entities, entity_fields
kb = default_kb()
kb.resolve("국정원").name                       # "NIS"
kb.resolve("Seoul", role="claimant").name     # "South Korean government"
entity_fields(tag_entities(text, lang="ru"))  # ES keyword facets
"""

from troopwatch.entities.kb import Entity, KnowledgeBase, default_kb, load_kb, normalize
from troopwatch.entities.tagger import Mention, entity_fields, tag_entities, tag_fields

__all__ = [
    "Entity",
    "KnowledgeBase",
    "Mention",
    "default_kb",
    "entity_fields",
    "load_kb",
    "normalize",
    "tag_entities",
    "tag_fields",
]
