"""Multilingual dictionary tagger over the entity knowledge base.

One pass of two Aho-Corasick automata built once per KB:

- *word* patterns (Latin, Cyrillic, Hangul, digits) run over a copy of the normalised text
  in which every other character is a space ("sentinel"), and each pattern starts with a
  sentinel, so a hit can only begin at a word start ("NIS" never matches inside "genius").
  The right edge is checked in Python: a non-word character, Japanese/Chinese script, or —
  after Hangul, Latin or digits — a Korean particle/suffix (김정은은, 국정원이, KN-23을).
- *CJK* patterns (Japanese/Chinese script at either end) run over the normalised text
  without boundaries (北朝鮮軍 -> 北朝鮮).

Normalisation keeps offsets (see :func:`troopwatch.entities.kb.normalize`), so spans point
into the caller's text. Inflected Russian/Ukrainian/German forms are patterns of their own
(generated in the KB). Overlaps: the longest span wins, then the earliest. Short forms
("Austin", "Kim") are kept only when the full name of the same entity occurs in the text
and no other entity present shares the short form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import lru_cache

import ahocorasick

from troopwatch.entities.kb import (
    KO_SUFFIXES,
    Entity,
    KnowledgeBase,
    _Entry,
    default_kb,
    has_cyrillic,
    is_cjk,
    is_cyrillic,
    is_hangul,
    normalize,
)

_CJK_CLASS = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Everything that is not a letter/digit of a spaced script becomes a sentinel space.
_NON_WORD = re.compile(rf"[\W_{_CJK_CLASS}]")
_SPACE_RUN = re.compile(r"  +")
_WORD_SPLIT = re.compile(r"[\s\-\u2010-\u2015]+")
_HAS_CJK = re.compile(rf"[{_CJK_CLASS}]")
_WORD_AT = re.compile(r"[^\W\d_]+")
_KO_SUFFIX_SET = frozenset(KO_SUFFIXES)
# German compounds whose first part is a name: Kremlsprecher, Putinregime, Natostaaten.
# Only these heads are accepted so that "Russlands" stays a variant and "Kimchi" no match.
DE_COMPOUND_HEADS = frozenset(
    [
        "sprecher",
        "sprecherin",
        "chef",
        "chefin",
        "führung",
        "kritiker",
        "kritikerin",
        "truppen",
        "soldaten",
        "armee",
        "regierung",
        "regime",
        "propaganda",
        "partei",
        "politik",
        "besuch",
        "gegner",
        "gipfel",
        "machthaber",
        "diktator",
        "herrscher",
        "vertreter",
        "botschafter",
        "botschaft",
        "krieg",
        "kriegs",
        "staaten",
        "staat",
        "partner",
        "partnerschaft",
        "mitglied",
        "mitglieder",
        "mitgliedschaft",
        "verbündete",
        "verbündeten",
        "nahe",
        "treue",
        "treuen",
        "kurs",
        "beitritt",
        "einsatz",
        "einsätze",
        "offensive",
        "front",
        "grenze",
        "kontakte",
        "berater",
        "beraterin",
        "sprecherinnen",
    ]
)
_KO_SUFFIX_MAX = max(len(s) for s in KO_SUFFIXES)


# Korean and Japanese write pairs of countries as one-syllable abbreviations: 북러 (North
# Korea-Russia), 한미일, 露朝, 米韓. Each character is tagged as its country.
PAIR_ABBREVIATIONS: dict[str, dict[str, str]] = {
    "ko": {"북": "north-korea", "러": "russia", "한": "south-korea", "미": "united-states",
           "일": "japan", "중": "china", "남": "south-korea"},
    "ja": {"朝": "north-korea", "露": "russia", "韓": "south-korea", "米": "united-states",
           "日": "japan", "中": "china", "ウ": "ukraine"},
}  # fmt: skip
# "북미" is left out: it also means North America.
PAIR_WORDS: dict[str, tuple[str, ...]] = {
    "ko": ("북러", "러북", "북중", "중북", "북일", "한미", "미한", "한미일", "한일", "한중", "한러",
           "미중", "중러", "미러", "남북", "북러중"),
    "ja": ("露朝", "朝露", "米韓", "韓米", "日米", "米日", "日韓", "韓日", "日米韓", "米朝", "日朝",
           "中朝", "朝中", "米中", "米露", "日露", "中露", "露中", "露ウ"),
}  # fmt: skip


@dataclass(frozen=True)
class Mention:
    entity_id: str
    name: str
    type: str
    start: int
    end: int
    surface: str
    wikidata: str | None = None

    @property
    def key(self) -> str:
        """Facet id: Wikidata id when known, else the entity slug (or "spacy:<text>")."""
        return self.wikidata or self.entity_id

    def to_dict(self) -> dict:
        return asdict(self)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and not is_cjk(ch)


@dataclass
class _Pattern:
    key: str  # normalised alias form (a key of KnowledgeBase.index)
    length: int  # length of the match in the separator-folded text (no leading sentinel)
    entries: tuple[_Entry, ...]
    korean_tail: bool  # right edge may be followed by a Korean particle
    check_right: bool  # right edge must be a boundary
    de_compound: bool = False  # German noun that may start a compound (Kremlsprecher)
    pair: tuple[str, ...] = ()  # country-pair abbreviation: one entity per character
    by_entity: tuple[tuple[str, tuple[_Entry, ...]], ...] = ()
    has_cyrillic: bool = False

    def __post_init__(self) -> None:
        # Built for each of ~50,000 patterns when a crawl starts: the common case (one
        # entry) and the script test take no Python loop.
        if len(self.entries) == 1:
            self.by_entity = ((self.entries[0].entity_id, self.entries),)
        else:
            groups: dict[str, list[_Entry]] = {}
            for e in self.entries:
                groups.setdefault(e.entity_id, []).append(e)
            self.by_entity = tuple((k, tuple(v)) for k, v in groups.items())
        self.has_cyrillic = has_cyrillic(self.key)


class _Automata:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.order = {ent.id: i for i, ent in enumerate(kb.entities)}
        self.context = {ent.id: frozenset(ent.context) for ent in kb.entities if ent.context}
        # Several normalised keys can fold to one automaton string ("u.s." and "u s"):
        # patterns are collected first and their entries merged.
        word_pats: dict[str, _Pattern] = {}
        cjk_pats: dict[str, _Pattern] = {}

        def put(table: dict[str, _Pattern], string: str, pat: _Pattern) -> None:
            old = table.get(string)
            if old is not None and not pat.pair:
                merged = old.entries + tuple(e for e in pat.entries if e not in old.entries)
                pat = _Pattern(
                    old.key,
                    old.length,
                    merged,
                    old.korean_tail or pat.korean_tail,
                    old.check_right and pat.check_right,
                    old.de_compound or pat.de_compound,
                )
            table[string] = pat

        for key, entries in kb.index.items():
            usable = tuple(e for e in entries if e.kind in ("alias", "short"))
            if not usable or not key:
                continue
            first, last = key[0], key[-1]
            if is_cjk(first) or is_cjk(last):
                put(cjk_pats, key, _Pattern(key, len(key), usable, False, False))
                continue
            # Separators fold to single sentinels, as in the text (see tag_entities).
            wkey = _SPACE_RUN.sub(" ", _NON_WORD.sub(" ", key))
            ends_word = _is_word_char(last)
            tail = ends_word and (is_hangul(last) or not is_cyrillic(last))
            de_compound = key.isalpha() and any(
                e.lang == "de" and e.surface[:1].isupper() for e in usable
            )
            pat = _Pattern(key, len(wkey), usable, tail, ends_word, de_compound)
            # Leading sentinel anchors the hit at a word start.
            put(word_pats, " " + wkey if _is_word_char(first) else wkey, pat)
        for lang, words in PAIR_WORDS.items():
            table = PAIR_ABBREVIATIONS[lang]
            for w in words:
                if not all(table.get(c) in kb for c in w):
                    continue
                pair = tuple(table[c] for c in w)
                pat = _Pattern(w, len(w), (), lang == "ko", lang == "ko", pair=pair)
                if lang == "ko":
                    put(word_pats, " " + w, pat)
                else:
                    put(cjk_pats, w, pat)
        # The automata hold pattern numbers (plain data: a compiled KB loads them fast,
        # see kb.default_kb); the patterns themselves are built again only once hit.
        self.word = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.cjk = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.word_patterns: list[_Pattern | tuple] = list(word_pats.values())
        self.cjk_patterns: list[_Pattern | tuple] = list(cjk_pats.values())
        for i, string in enumerate(word_pats):
            self.word.add_word(string, i)
        for i, string in enumerate(cjk_pats):
            self.cjk.add_word(string, i)
        n_word, n_cjk = len(word_pats), len(cjk_pats)
        if n_word:
            self.word.make_automaton()
        if n_cjk:
            self.cjk.make_automaton()
        self.has_word = n_word > 0
        self.has_cjk = n_cjk > 0

    @staticmethod
    def pattern(patterns: list[_Pattern | tuple], i: int) -> _Pattern:
        pat = patterns[i]
        if type(pat) is tuple:  # as unpickled: built on its first hit
            pat = patterns[i] = _Pattern(*pat)
        return pat

    def __getstate__(self) -> dict:
        # Patterns as plain tuples of their fields: 50,000 objects unpickle in a fraction
        # of the time dataclasses take.
        def fields(pat: _Pattern | tuple) -> tuple:
            if type(pat) is tuple:
                return pat
            return (pat.key, pat.length, pat.entries, pat.korean_tail, pat.check_right,
                    pat.de_compound, pat.pair)  # fmt: skip

        state = dict(self.__dict__)
        state["word_patterns"] = [fields(p) for p in self.word_patterns]
        state["cjk_patterns"] = [fields(p) for p in self.cjk_patterns]
        return state


def _automata(kb: KnowledgeBase) -> _Automata:
    a = kb._tagger
    if a is None:
        a = _Automata(kb)
        kb._tagger = a
    return a


def _right_ok(norm: str, end: int, pat: _Pattern, lang: str | None) -> bool:
    """Is the character after norm[:end] an acceptable right edge for this pattern?"""
    if not pat.check_right or end >= len(norm):
        return True
    ch = norm[end]
    if not _is_word_char(ch):
        return True
    if pat.de_compound and lang in ("de", None) and ch.isalpha():
        m = _WORD_AT.match(norm, end)
        if m and m.group() in DE_COMPOUND_HEADS:
            return True
    if pat.korean_tail and is_hangul(ch):
        # Only a particle or bound suffix may follow directly (김정은은, 북한군, KN-23을).
        run_end = end
        limit = min(len(norm), end + _KO_SUFFIX_MAX)
        while run_end < limit and is_hangul(norm[run_end]):
            run_end += 1
        run = norm[end:run_end]
        return any(run[:i] in _KO_SUFFIX_SET for i in range(len(run), 0, -1))
    return False


def _short_standalone(text: str, end: int) -> bool:
    """A short form must not be the first part of a longer capitalised name."""
    i = end
    n = len(text)
    while i < n and text[i] in " \u00a0-":
        i += 1
    return not (i > end and i < n and text[i].isupper())


def _case_ok(entry: _Entry, surface: str) -> bool:
    if entry.case_sensitive:
        # Acronyms: every cased letter in the text must be a capital (US, not "us").
        return not any(c.islower() for c in surface)
    if entry.upper_first and surface[:1].islower():
        return False
    if entry.caps_words:
        # Acronym words inside a phrase keep their capitals too ("US officials", not "us").
        words = _WORD_SPLIT.split(surface)
        return all(
            i < len(words) and not any(c.islower() for c in words[i]) for i in entry.caps_words
        )
    return True


def _lang_ok(entry_langs: list[str], lang: str | None) -> bool:
    # Russian and Ukrainian share the script; a Cyrillic alias listed only for the other
    # language (e.g. uk "Генштаб" in Russian text) is skipped when the language is known.
    if lang in entry_langs:
        return True
    other = "uk" if lang == "ru" else "ru"
    return not all(x == other for x in entry_langs)


def tag_entities(
    text: str, lang: str | None = None, kb: KnowledgeBase | None = None
) -> list[Mention]:
    """Entity mentions in ``text`` (any of en, ko, ru, uk, de, fr, es, ja), in text order.

    ``lang`` is optional: it only sharpens Russian vs Ukrainian aliases and enables the
    optional spaCy pass for English.
    """
    if not text:
        return []
    kb = kb or default_kb()
    auto = _automata(kb)
    norm = normalize(text)
    check_lang = lang in ("ru", "uk")
    # (start, end, entity_id, is_short)
    cands: list[tuple[int, int, str, bool]] = []
    pairs: list[tuple[int, int, tuple[str, ...]]] = []

    def consider(start: int, end: int, pat: _Pattern) -> None:
        if pat.pair:
            pairs.append((start, end, pat.pair))
            return
        surface = text[start:end]
        for eid, entries in pat.by_entity:
            ok = [e for e in entries if _case_ok(e, surface)]
            if not ok:
                continue
            if check_lang and pat.has_cyrillic and not _lang_ok([e.lang for e in ok], lang):
                continue
            is_short = all(e.kind == "short" for e in ok)
            cands.append((start, end, eid, is_short))

    if auto.has_word:
        wtext = " " + _NON_WORD.sub(" ", norm)
        # Runs of separators ("Kim  Jong Un", "U.S.\r\nofficials") collapse to one so that
        # multi-word aliases still match; `marks` maps collapsed offsets back.
        marks: list[int] = []  # collapsed index where each removed stretch begins
        shifts: list[int] = []  # characters removed up to and including that stretch
        if "  " in wtext:
            removed = 0
            for m in _SPACE_RUN.finditer(wtext):
                removed += m.end() - m.start() - 1
                marks.append(m.start() + 1 - (removed - (m.end() - m.start() - 1)))
                shifts.append(removed)
            wtext = _SPACE_RUN.sub(" ", wtext)

        def orig(i: int) -> int:
            # Map a collapsed wtext index to a norm index (wtext has a leading sentinel).
            k = bisect_right(marks, i)
            return i - 1 + (shifts[k - 1] if k else 0)

        word_patterns = auto.word_patterns
        for end_idx, i in auto.word.iter(wtext):
            pat = _Automata.pattern(word_patterns, i)
            if marks:
                start = orig(end_idx - pat.length + 1)
                end = orig(end_idx) + 1
            else:  # end_idx indexes wtext (shifted by the leading sentinel)
                end = end_idx
                start = end - pat.length
            if start < 0 or not _right_ok(norm, end, pat, lang):
                continue
            consider(start, end, pat)
    if auto.has_cjk and _HAS_CJK.search(norm):  # skip the pass for texts without kana/kanji
        for end_idx, i in auto.cjk.iter(norm):
            pat = _Automata.pattern(auto.cjk_patterns, i)
            end = end_idx + 1
            consider(end - pat.length, end, pat)

    if not cands and not pairs:
        return _maybe_spacy(text, lang, kb, [])

    # Short forms need the full name of the same entity elsewhere in the text (or one of
    # its context entities), must not run into a further capitalised name ("Kim Dong-yub"),
    # and are dropped when two licensed entities share them.
    full_ids = {eid for _, _, eid, short in cands if not short}
    full_ids.update(eid for _, _, ids in pairs for eid in ids)
    short_owner: dict[tuple[int, int], list[str]] = {}
    kept: list[tuple[int, int, tuple[str, ...]]] = [(s, e, ids) for s, e, ids in pairs]
    for s, e, eid, short in cands:
        if not short:
            kept.append((s, e, (eid,)))
        elif _short_standalone(text, e):
            short_owner.setdefault((s, e), []).append(eid)
    for (s, e), owners in short_owner.items():
        named = {o for o in owners if o in full_ids}
        if not named:
            named = {o for o in owners if auto.context.get(o, frozenset()) & full_ids}
        if len(named) == 1:
            kept.append((s, e, (named.pop(),)))

    # Longest span wins; among equal spans prefer the earlier start, then KB order.
    order = auto.order
    kept.sort(key=lambda c: (-(c[1] - c[0]), c[0], order.get(c[2][0], 0)))
    taken = bytearray(len(text) + 1)
    chosen: list[tuple[int, int, str]] = []
    for s, e, ids in kept:
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        if len(ids) == 1:
            chosen.append((s, e, ids[0]))
        else:  # pair abbreviation: one character per country
            chosen.extend((s + i, s + i + 1, eid) for i, eid in enumerate(ids))
    chosen.sort()
    mentions = []
    for s, e, eid in chosen:
        ent = kb.get(eid)
        assert ent is not None
        mentions.append(Mention(ent.id, ent.name, ent.type, s, e, text[s:e], ent.wikidata))
    return _maybe_spacy(text, lang, kb, mentions)


# --------------------------------------------------------------------------- spaCy (optional)

_SPACY_TYPES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place"}


@lru_cache(maxsize=1)
def _spacy_nlp():  # type: ignore[no-untyped-def]
    """The English spaCy pipeline if spaCy and en_core_web_sm are installed, else None."""
    try:
        import spacy  # type: ignore[import-not-found]

        return spacy.load("en_core_web_sm", disable=["lemmatizer", "textcat"])
    except Exception:  # ImportError, OSError (model missing) …: KB-only tagging
        return None


def spacy_available() -> bool:
    return _spacy_nlp() is not None


def _maybe_spacy(
    text: str, lang: str | None, kb: KnowledgeBase, mentions: list[Mention]
) -> list[Mention]:
    if lang != "en":
        return mentions
    nlp = _spacy_nlp()
    if nlp is None:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start : m.end] = b"\x01" * (m.end - m.start)
    extra = []
    for ent in nlp(text).ents:
        etype = _SPACY_TYPES.get(ent.label_)
        if etype is None or any(taken[ent.start_char : ent.end_char]):
            continue
        surface = ent.text.strip()
        if len(surface) < 2 or kb.resolve(surface, lang="en") is not None:
            continue  # the KB already knows it (e.g. a short form it chose not to tag)
        extra.append(
            Mention(f"spacy:{surface}", surface, etype, ent.start_char, ent.end_char, ent.text)
        )
    if not extra:
        return mentions
    return sorted(mentions + extra, key=lambda m: (m.start, m.end))


# --------------------------------------------------------------------------- facets

_FACET_BY_TYPE = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "unit": "units",
    "weapon": "weapons",
}


def entity_fields(mentions: Iterable[Mention]) -> dict[str, list[str]]:
    """Elasticsearch keyword facets: names per type plus ``entity_ids``.

    Deduplicated, in order of first mention. ``entity_ids`` holds Wikidata ids where known,
    else KB slugs (spaCy-only entities: "spacy:<text>").
    """
    out: dict[str, list[str]] = {f: [] for f in _FACET_BY_TYPE.values()}
    out["entity_ids"] = []
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        facet = _FACET_BY_TYPE.get(m.type)
        if facet and (facet, m.name) not in seen:
            seen.add((facet, m.name))
            out[facet].append(m.name)
        if ("id", m.key) not in seen:
            seen.add(("id", m.key))
            out["entity_ids"].append(m.key)
    return out


def tag_fields(text: str, lang: str | None = None, kb: KnowledgeBase | None = None) -> dict:
    """Convenience for pipelines: ``entity_fields(tag_entities(text, lang))``."""
    return entity_fields(tag_entities(text, lang=lang, kb=kb))


__all__ = ["Mention", "tag_entities", "entity_fields", "tag_fields", "spacy_available", "Entity"]
