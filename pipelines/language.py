"""Stage 2: the article's language (langdetect, seeded; the page's own lang as a hint)."""

from __future__ import annotations

from troopwatch.langid import detect_language


class LanguagePipeline:
    def process_item(self, item):
        hint = item.get("html_lang") or item.get("feed_lang")
        item["lang"] = detect_language(f"{item.get('title') or ''}\n{item['text']}", hint=hint)
        return item
