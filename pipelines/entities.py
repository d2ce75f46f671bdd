"""Stage 5: tag people, organisations, places, units and weapons (knowledge base)."""

from __future__ import annotations

from troopwatch.entities.tagger import entity_fields, tag_entities


class EntitiesPipeline:
    def process_item(self, item):
        if item.get("duplicate_of"):
            return item  # a duplicate is recorded as a sighting of its original only
        text = f"{item.get('title') or ''}\n{item['text']}"
        item["entities"] = entity_fields(tag_entities(text, item.get("lang")))
        return item
