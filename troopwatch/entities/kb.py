"""Entity knowledge base: people, organisations, places, units and weapons of the story.

The KB is plain YAML under ``data/entities/`` (one file per type). Each entry has a stable
slug id, a canonical English name, an optional Wikidata id, and aliases per language
(en, ko, ru, uk, de, fr, es, ja). Besides ordinary aliases an entry may carry:

- ``metonyms``: phrases that stand for the entity only when a claimant is meant
  ("Seoul" for the South Korean government, bare "정부"). They are used by
  :meth:`KnowledgeBase.resolve`, never by the tagger.
- ``short``: short forms ("Austin", "Cha", "Kim") that are only safe once the full
  name has been seen in the same text; the tagger uses them for in-document
  coreference, ``resolve`` only when they are unambiguous across the KB.

Normalisation (:func:`normalize`) and the generated Russian/Ukrainian/German inflected
variants (:func:`alias_variants`) live here so that the tagger and ``resolve`` agree.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import os
import pickle
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path

import yaml

from troopwatch.languages import KB_LANGUAGES
from troopwatch.paths import ENTITIES_DIR

log = logging.getLogger(__name__)
LANGS = KB_LANGUAGES
TYPES = ("person", "organisation", "place", "unit", "weapon")
DEFAULT_DIR = ENTITIES_DIR


@dataclass
class Entity:
    id: str
    name: str
    type: str
    wikidata: str | None = None
    aliases: dict[str, list[str]] = field(default_factory=dict)
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    metonyms: dict[str, list[str]] = field(default_factory=dict)
    short: dict[str, list[str]] = field(default_factory=dict)
    description: str | None = None
    # Ids of entities whose mention also licenses the short forms ("Kim" once North Korea
    # is named); the full name always does.
    context: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Identifier for facets: the Wikidata id when known, else the slug."""
        return self.wikidata or self.id

    @property
    def is_claimant(self) -> bool:
        return "claimant" in self.roles

    def all_aliases(self) -> Iterable[tuple[str, str]]:
        """(lang, alias) pairs including the canonical name."""
        yield "en", self.name
        for lang, names in self.aliases.items():
            for a in names:
                yield lang, a


# --------------------------------------------------------------------------- normalisation

# One-to-one character mapping so offsets in the normalised text equal offsets in the
# original (the tagger relies on that): apostrophes, dashes, odd spaces, ё, full-width ASCII.
_CHARMAP: dict[int, str] = {
    ord("ё"): "е",
    ord("Ё"): "е",
    ord("ʼ"): "'",
    ord("’"): "'",
    ord("‘"): "'",
    ord("`"): "'",
    ord("´"): "'",
    ord("ʹ"): "'",
    ord("′"): "'",
    ord("‐"): "-",
    ord("‑"): "-",
    ord("‒"): "-",
    ord("–"): "-",
    ord("—"): "-",
    ord("―"): "-",
    ord("−"): "-",
    ord("・"): " ",  # Japanese name separator: キム・ジョンウン == キム ジョンウン
    ord("･"): " ",
    ord("="): " ",
    ord("＝"): " ",
    ord("\u00a0"): " ",
    ord("\u2009"): " ",
    ord("\u202f"): " ",
    ord("\u3000"): " ",
    ord("\t"): " ",
    ord("\n"): " ",
    ord("\r"): " ",
    ord("\u200b"): " ",
    ord("\ufeff"): " ",
    # Arabic spelling variants news copy mixes: alif with or without hamza (الأوكرانية,
    # الاوكرانية), taa marbuta and haa at a word's end, alif maqsura and yaa.
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ة"): "ه",
    ord("ى"): "ي",
}
for _c in range(0xFF01, 0xFF5F):  # full-width ASCII forms
    _CHARMAP[_c] = chr(_c - 0xFEE0).lower()

# Hyphens become spaces so "Kim Jong-un" == "Kim Jong Un" and "Северо-Корейский" splits.
_CHARMAP = {k: (" " if v == "-" else v) for k, v in _CHARMAP.items()}
_CHARMAP[ord("-")] = " "
_CHARMAP_STR = {chr(k): v for k, v in _CHARMAP.items()}
# str.translate with a dict walks every character in Python-level lookups; a regex over the
# few characters that change is several times faster on mostly-ASCII news text.
_CHARMAP_RE = re.compile("[" + re.escape("".join(_CHARMAP_STR)) + "]")


def _charmap_sub(m: re.Match[str]) -> str:
    return _CHARMAP_STR[m.group()]


def normalize(text: str) -> str:
    """Lower-case and fold punctuation variants; output has the same length as the input."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ" lowercases to two code points; keep offsets aligned
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _CHARMAP_RE.sub(_charmap_sub, low)


_WORD_EDGES = ',;:!?"()[]{}«»„“”‚<>/\\|*#·、。，「」『』（）【】'
_PUNCT_EDGES = " .,;:!?\"'()[]{}«»„“”‚<>/\\|*#·、。，「」『』（）【】"
_MULTISPACE = re.compile(r"\s+")


def normalize_phrase(text: str) -> str:
    """Normalise a stand-alone phrase (alias or resolve() input): also collapse spaces, NFKC."""
    t = unicodedata.normalize("NFKC", text)
    t = normalize(t)
    t = _MULTISPACE.sub(" ", t).strip(_PUNCT_EDGES)
    return t


# --------------------------------------------------------------------------- scripts


def is_hangul(ch: str) -> bool:
    o = ord(ch)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def is_cjk(ch: str) -> bool:
    """Kana or Han characters (Japanese/Chinese: no word boundaries in running text)."""
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xF900 <= o <= 0xFAFF
        or 0x31F0 <= o <= 0x31FF
        or o == 0x30FC
    )


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def is_cyrillic(ch: str) -> bool:
    return 0x0400 <= ord(ch) <= 0x04FF


def has_cyrillic(text: str) -> bool:
    """Any Cyrillic letter in ``text`` (one regex scan, no Python loop)."""
    return _CYRILLIC.search(text) is not None


# --------------------------------------------------------------------------- inflection

# Russian + Ukrainian declension, merged and grouped by case (genitive, dative, accusative,
# instrumental, locative) so that a phrase is inflected with its words agreeing
# ("Курской области", not every mix of endings). Over-generation within a case is harmless
# (a variant only ever matches real text); under-generation loses recall.
# Paradigm: case -> endings replacing the stripped suffix.
_Paradigm = tuple[tuple[str, ...], ...]
_P_CONSONANT: _Paradigm = (  # Путин, Курск, Сеул; strip nothing
    ("а",),
    ("у", "ові", "еві"),
    ("а", "у"),
    ("ом", "ем", "ым", "им", "ою"),
    ("е", "і", "у"),
)
_P_A: _Paradigm = (  # Москва, Украина, Курщина, Сибіга; strip -а
    ("ы", "и", "і"),
    ("е", "і"),
    ("у",),
    ("ой", "ою", "ей", "ею"),
    ("е", "і"),
)
_P_A_ADJ: _Paradigm = (  # Ukrainian feminine adjectives in -а: Курська, Північна
    ("ої", "ьої"),
    ("ій",),
    ("у",),
    ("ою",),
    ("ій",),
)
_P_YA: _Paradigm = (  # Корея, Россия, Росія; strip -я
    ("и", "і", "ї"),
    ("е", "и", "і", "ї"),
    ("ю",),
    ("ей", "ею", "єю"),
    ("е", "и", "і", "ї"),
)
_P_SOFT: _Paradigm = (  # Кремль (m), область (f); strip -ь
    ("я", "и", "і"),
    ("ю", "и", "і"),
    ("ь", "я"),
    ("ем", "ём", "ью", "ям"),
    ("е", "и", "і"),
)
_P_J: _Paradigm = (  # край, Андрей, Андрій; strip -й
    ("я",),
    ("ю", "єві", "еві"),
    ("я", "й"),
    ("ем", "єм"),
    ("е", "ї", "і", "ю"),
)
_P_O: _Paradigm = (  # правительство, Міністерство, Дмитро; strip -о
    ("а",),
    ("у", "ові"),
    ("о", "а"),
    ("ом",),
    ("е", "і", "у"),
)
_P_YE: _Paradigm = (  # Приморье; strip -е
    ("я",),
    ("ю",),
    ("е",),
    ("ем",),
    ("е", "і"),
)
_P_ADJ: _Paradigm = (  # -ый/-ий/-ой/-ое/-ее; strip two letters
    ("ого", "его"),
    ("ому", "ему"),
    ("ого", "его", "ый", "ий", "ой", "ое", "ее"),
    ("ым", "им"),
    ("ом", "ем", "ім", "ому", "ему"),
)
_P_ADJ_FEM: _Paradigm = (  # -ая/-яя; strip two letters
    ("ой", "ей", "ої"),
    ("ой", "ей", "ій"),
    ("ую", "юю", "у"),
    ("ой", "ей", "ою"),
    ("ой", "ей", "ій"),
)
_P_ADJ_PL: _Paradigm = (  # -ые/-ие (ru), strip two letters; -і (uk), strip one
    ("ых", "их"),
    ("ым", "им"),
    ("ых", "их", "ые", "ие", "і"),
    ("ыми", "ими"),
    ("ых", "их"),
)
_P_PL_NOUN: _Paradigm = (  # силы, військові? no: lowercase plural nouns in -ы/-и; strip one
    ("", "ов", "ев", "ів"),
    ("ам", "ям"),
    ("ы", "и", "ов", "ев"),
    ("ами", "ями"),
    ("ах", "ях"),
)
_CYR_VOWELS = set("аеёиоуыэюяіїєь")
# Ukrainian dative/locative consonant alternation: Америка -> Америці, Сибіга -> Сибізі.
_UK_ALTERNATION = {"к": "ці", "г": "зі", "х": "сі"}
_N_CASES = 5
_MAX_COMBOS = 300


def _cyr_word_forms(word: str) -> list[list[str]]:
    """Forms of one lower-cased Cyrillic word per case (gen, dat, acc, ins, loc).

    Every list includes the word itself, so indeclinable parts (foreign first names,
    "Ким Чен Ына") combine with inflected ones.
    """
    same = [[word] for _ in range(_N_CASES)]
    if len(word) < 3 or not is_cyrillic(word[-1]):
        return same
    last = word[-1]
    stem1, stem2 = word[:-1], word[:-2]
    long_ = len(word) > 4

    def apply(stem: str, paradigm: _Paradigm) -> list[list[str]]:
        return [[word] + [stem + e for e in endings] for endings in paradigm]

    # Verbal nouns ("управление", "управління": Главного управления разведки) and
    # Ukrainian neuter adjectives ("Головне", "Українське") before the adjective rules.
    if word.endswith(("ение", "ание")) and long_:
        return apply(stem1, (("я",), ("ю",), ("е",), ("ем",), ("и",)))
    if word.endswith(("ння", "ття")) and long_:
        return apply(stem1, (("я",), ("ю",), ("я",), ("ям",), ("і",)))
    if word.endswith(("не", "ське", "цьке", "зьке")) and long_:
        return apply(stem1, (("ого",), ("ому",), ("е",), ("им",), ("ому", "ім")))
    if word.endswith(("ый", "ий", "ой", "ое", "ее")) and long_:
        return apply(stem2, _P_ADJ)
    if word.endswith(("ая", "яя")) and long_:
        return apply(stem2, _P_ADJ_FEM)
    if word.endswith(("ые", "ие")) and long_:
        return apply(stem2, _P_ADJ_PL)
    if last == "і" and long_:  # Ukrainian plural adjectives: північнокорейські
        return apply(stem1, _P_ADJ_PL)
    if word.endswith(("ье", "'я")) or (last == "е" and word[-2:-1] == "ь"):
        return apply(stem1, _P_YE)
    if last == "а":
        forms = apply(stem1, _P_A)
        if word.endswith(("ська", "цька", "зька", "на", "ня")):  # Курська, Північна
            for case, endings in zip(forms, _P_A_ADJ, strict=True):
                case += [stem1 + e for e in endings]
        if stem1 and stem1[-1] in _UK_ALTERNATION:
            alt = stem1[:-1] + _UK_ALTERNATION[stem1[-1]]
            forms[1].append(alt)
            forms[4].append(alt)
        return forms
    if last == "я":
        return apply(stem1, _P_YA)
    if last == "ь":
        return apply(stem1, _P_SOFT)
    if last == "й":
        return apply(stem1, _P_J)
    if last == "о" and len(word) > 3 and word[-2] not in _CYR_VOWELS:
        return apply(stem1, _P_O)
    if last in "ыи":
        return apply(stem1, _P_PL_NOUN)
    if last not in _CYR_VOWELS:
        return apply(word, _P_CONSONANT)
    return same


def _tokens(alias: str) -> list[tuple[str, str]]:
    """(normalised word, word as written) pairs of an alias."""
    t = unicodedata.normalize("NFKC", alias)
    n = normalize(t)
    out = []
    for m in re.finditer(r"[^ ]+", n):
        w = m.group().strip(_WORD_EDGES)
        if w:
            orig = t[m.start() : m.end()]
            if n[m.end() : m.end() + 1] == " " and t[m.end() : m.end() + 1] != " ":
                orig += "-"  # first part of a hyphenated compound (Народно-): never declines
            out.append((w, orig))
    return out


_CYR_ADJ_ENDINGS = (
    "ый", "ий", "ой", "ій", "ая", "яя", "ое", "ее", "ые", "ие",
    "ська", "цька", "зька", "ська", "на", "ня", "ське", "цьке", "не", "ні", "ські", "цькі",
)  # fmt: skip


def _cyrillic_variants(tokens: list[tuple[str, str]]) -> list[str]:
    # In a common-noun phrase only the leading adjectives and the head noun decline; what
    # follows is a genitive complement ("служба | разведки", "правительство | Южной Кореи").
    # A sequence of capitalised words (names: Ким Чен Ын, Владимир Путин) declines throughout.
    fixed_from = len(tokens)
    if not all(orig[:1].isupper() for _, orig in tokens):
        for i, (w, _orig) in enumerate(tokens):
            if len(w) > 2 and not w.endswith(_CYR_ADJ_ENDINGS):
                fixed_from = i + 1
                break
    per_word: list[list[list[str]]] = []
    for i, (w, orig) in enumerate(tokens):
        if (
            i >= fixed_from
            or len(w) <= 2
            or not all(is_cyrillic(c) or c == "'" for c in w)
            or is_acronym(orig)
            # Foreign names in -и/-ы (Кирби); a capitalised plural noun opening a common-
            # noun phrase declines ("Силах специальных операций").
            or (w[-1] in "ыи" and orig[:1].isupper() and fixed_from == len(tokens))
            or orig.endswith("-")
        ):
            # Short function words, complements and non-Cyrillic parts stay fixed.
            per_word.append([[w] for _ in range(_N_CASES)])
        else:
            per_word.append(_cyr_word_forms(w))
    out = {" ".join(w for w, _ in tokens)}
    for case in range(_N_CASES):
        options = [forms[case] for forms in per_word]
        total = 1
        for o in options:
            total *= len(o)
        if total > _MAX_COMBOS:
            # Very long names: one ending per word, all endings only on the last word.
            options = [o[:2] for o in options[:-1]] + [options[-1]]
        out.update(" ".join(p) for p in product(*options))
    return sorted(out)


_DE_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


_DE_POST = {"für", "der", "des", "von", "vom", "zur", "zum", "in", "im", "am", "auf"}
# Feminine heads take no genitive -s ("der ukrainischen Armee").
_DE_FEMININE = ("e", "ung", "heit", "keit", "schaft", "ion", "tät", "ei", "ik", "ur")


def _german_variants(tokens: list[tuple[str, str]]) -> list[str]:
    """Adjective endings (südkoreanische/-en/-er Geheimdienst) and the head noun's genitive
    -s/-es, the head being the noun before a post-modifier ("des Instituts für
    Kriegsstudien") or else the last word."""
    head = next((i - 1 for i, (w, _) in enumerate(tokens) if i and w in _DE_POST), None)
    if head is None or tokens[head][1][:1].islower():
        head = len(tokens) - 1
    per_word = []
    for i, (w, orig) in enumerate(tokens):
        forms = [w]
        if i < head and orig[:1].islower() and w.endswith(_DE_ADJ_ENDINGS):
            stem = w[:-1] if w.endswith("e") else w[:-2]
            forms += [stem + e for e in _DE_ADJ_ENDINGS]
        elif (
            i == head
            and not is_acronym(orig)
            and w[-1:].isalpha()
            and w[-1] not in "sxzß"
            and not w.endswith(_DE_FEMININE)
        ):
            forms.append(w + "s")
            if w.endswith(("dienst", "stab", "amt", "rat", "heer", "korps", "institut")):
                forms.append(w + "es")
        per_word.append(list(dict.fromkeys(forms)))
    return [" ".join(p) for p in product(*per_word)]


def alias_variants(alias: str, lang: str) -> list[str]:
    """Normalised forms under which ``alias`` should match (inflections included).

    Acronyms written in capitals (НАТО, КНДР, NIS) are not inflected.
    """
    base = normalize_phrase(alias)
    if not base:
        return []
    variants = [base]
    if is_acronym(alias):
        return variants
    if has_cyrillic(base):
        variants += _cyrillic_variants(_tokens(alias))
    elif lang == "de":
        variants += _german_variants(_tokens(alias))
    return list(dict.fromkeys(variants))


def is_acronym(alias: str) -> bool:
    """All-caps token like NIS, US, НАТО, KN-23 (letters upper, at least two of them)."""
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in alias.strip()


# Korean particles and bound suffixes that may follow a name (김정은은, 국정원이, 쿠르스크에서,
# 북한군, 국정원장). The tagger accepts a Hangul continuation only if it starts with one.
KO_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        set(
            [
                "은",
                "는",
                "이",
                "가",
                "을",
                "를",
                "의",
                "에",
                "에서",
                "에게",
                "에게서",
                "께",
                "께서",
                "와",
                "과",
                "로",
                "으로",
                "도",
                "만",
                "까지",
                "부터",
                "보다",
                "처럼",
                "만큼",
                "하고",
                "이나",
                "나",
                "이며",
                "며",
                "이고",
                "고",
                "이다",
                "다",
                "였다",
                "이었다",
                "라고",
                "이라고",
                "라는",
                "이라는",
                "랑",
                "이랑",
                "에선",
                "에서는",
                "에서의",
                "에는",
                "에도",
                "으로는",
                "로는",
                "로부터",
                "으로부터",
                "엔",
                "인",
                "이란",
                "란",
                "야",
                "군",
                "측",
                "장",
                "주",
                "산",
                "제",
                "내",
                "판",
                "발",
                "등",
                "들",
                "님",
                "행",
                "간",
                "쪽",
                "대통령",
                "위원장",
                "총비서",
                "국무위원장",
                "장관",
                "총리",
                "대변인",
                "당국",
                "정부",
                "국방부",
                "외무성",
                "외무부",
                "총장",
                "국장",
                "사령관",
                "대사",
                "대사관",
                "국민",
                "전선",
                "지역",
                "일대",
                "방면",
                "지도부",
                "정권",
                "병력",
                "병사",
                "군인",
                "관계",
                "회담",
                "정상회담",
                "동맹",
                "협력",
                "군사협력",
                "연합훈련",
                "공조",
                "밀착",
                "조약",
                "양국",
                "사이",
            ]
        ),
        key=len,
        reverse=True,
    )
)


def strip_ko_suffix(word: str) -> list[str]:
    """Candidate stems of a Korean word with a trailing particle removed."""
    out = []
    for s in KO_SUFFIXES:
        if word.endswith(s) and len(word) > len(s) + 1:
            out.append(word[: -len(s)])
    return out


# --------------------------------------------------------------------------- knowledge base


@dataclass(frozen=True)
class _Entry:
    entity_id: str
    lang: str
    kind: str  # "alias" | "metonym" | "short"
    case_sensitive: bool  # acronym: the text must be in capitals too (US vs us)
    upper_first: bool  # proper name: the text must start with a capital (Rubio vs rubio)
    surface: str  # alias as written in the KB
    caps_words: tuple[int, ...] = ()  # words written in capitals in the alias ("US officials")


_LEADING_WORDS = re.compile(
    r"^(?:the|according to|per|says?|said|le|la|les|l'|el|los|las|der|die|das|des)\s+"
)


class KnowledgeBase:
    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities: list[Entity] = list(entities)
        self._by_id: dict[str, Entity] = {}
        for e in self.entities:
            if e.id in self._by_id:
                raise ValueError(f"duplicate entity id: {e.id}")
            if e.type not in TYPES:
                raise ValueError(f"{e.id}: unknown type {e.type!r}")
            self._by_id[e.id] = e
        # normalised form -> entries; several entities may share a form (metonyms, shorts).
        self.index: dict[str, list[_Entry]] = {}
        for e in self.entities:
            for lang, a in e.all_aliases():
                self._add(a, lang, e.id, "alias")
            for lang, names in e.metonyms.items():
                for a in names:
                    self._add(a, lang, e.id, "metonym")
            for lang, names in e.short.items():
                for a in names:
                    self._add(a, lang, e.id, "short")
        self._add_possessives()
        self._tagger = None

    def _add_possessives(self) -> None:
        """ "UK Defence Intelligence" also matches "the UK's Defence Intelligence".

        For English aliases that start with a place name, add the possessive form.
        """
        places = {
            normalize_phrase(a)
            for e in self.entities
            if e.type == "place"
            for lang, a in e.all_aliases()
            if lang == "en"
        }
        for e in self.entities:
            if e.type == "place":
                continue
            for a in [*e.aliases.get("en", []), e.name]:
                words = normalize_phrase(a).split(" ")
                for n in (1, 2, 3):
                    head = " ".join(words[:n])
                    if len(words) > n and head in places and not words[n].startswith("'"):
                        variant = head + "'s " + " ".join(words[n:])
                        entry = _Entry(e.id, "en", "alias", is_acronym(a), True, a)
                        entries = self.index.setdefault(variant, [])
                        if entry not in entries:
                            entries.append(entry)

    def _add(self, alias: str, lang: str, eid: str, kind: str) -> None:
        cs = is_acronym(alias)
        first = alias.strip(_PUNCT_EDGES)[:1]
        upper = first.isupper() and not cs
        caps = () if cs else tuple(i for i, (_, o) in enumerate(_tokens(alias)) if is_acronym(o))
        entry = _Entry(eid, lang, kind, cs, upper, alias, caps)
        for v in alias_variants(alias, lang):
            entries = self.index.setdefault(v, [])
            if entry not in entries:
                entries.append(entry)

    def get(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def __len__(self) -> int:
        return len(self.entities)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._by_id

    def by_name(self, name: str) -> Entity | None:
        """Entity whose canonical name is exactly ``name``."""
        for e in self.entities:
            if e.name == name:
                return e
        return None

    def _pick(
        self, entries: list[_Entry], type: str | None, role: str | None, original: str
    ) -> Entity | None:
        cands = []
        for x in entries:
            e = self._by_id[x.entity_id]
            if type and e.type != type:
                continue
            if role and role not in e.roles:
                continue
            cands.append((x, e))
        if not cands:
            return None
        # An alias beats a metonym beats a short form; with a role asked for, metonyms
        # of entities with that role are as good as aliases ("Seoul" -> government).
        rank = {"alias": 0, "metonym": 1, "short": 2}
        if role:
            rank = {"alias": 0, "metonym": 0, "short": 2}
        cands.sort(key=lambda xe: rank[xe[0].kind])
        best = rank[cands[0][0].kind]
        top = [xe for xe in cands if rank[xe[0].kind] == best]
        ids = {e.id for _, e in top}
        if len(ids) > 1 and top[0][0].kind == "short":
            return None  # "Kim" alone: ambiguous
        return top[0][1]

    def resolve(
        self,
        text: str,
        lang: str | None = None,
        type: str | None = None,
        role: str | None = None,
    ) -> Entity | None:
        """Map a name phrase in any language to its entity, or None.

        Case/punctuation-insensitive; handles Russian/Ukrainian inflection, Korean particles,
        German genitive -s and a leading article. ``type`` ("person", "organisation", …)
        and ``role`` ("claimant") restrict the answer; with ``role="claimant"`` metonyms
        count ("Seoul" -> South Korean government, "Kyiv" -> Ukrainian government).
        If the phrase is longer than an alias, the best entity mentioned in it is returned
        (claimants first, then people, then the longest mention).
        """
        if not text or not text.strip():
            return None
        n = normalize_phrase(text)
        tries = [n]
        stripped = _LEADING_WORDS.sub("", n)
        if stripped != n:
            tries.append(stripped)
        for t in list(tries):
            if t.endswith("'s"):
                tries.append(t[:-2])
            elif t.endswith("s'"):
                tries.append(t[:-1])
        for t in list(tries):
            if t and is_hangul(t[-1]):
                tries += strip_ko_suffix(t)
        # Exact forms first (aliases over metonyms over short forms, across all tries).
        entries = [x for t in dict.fromkeys(tries) for x in self.index.get(t, [])]
        if entries:
            e = self._pick(entries, type, role, text)
            if e is not None:
                return e
        # Longer phrase: tag it and choose among the mentions.
        from troopwatch.entities.tagger import tag_entities

        mentions = tag_entities(text, lang=lang, kb=self)
        best = None
        best_key = None
        for m in mentions:
            e = self._by_id.get(m.entity_id)
            if e is None:
                continue
            if type and e.type != type:
                continue
            if role and role not in e.roles:
                continue
            # Claimants first, then people (the head of "GUR chief Kyrylo Budanov"),
            # then the longest mention.
            key = (e.is_claimant, e.type == "person", m.end - m.start, -m.start)
            if best_key is None or key > best_key:
                best, best_key = e, key
        if best is None and role:
            # "Kyiv estimates": the metonym for a claimant may be embedded in a phrase.
            for m in mentions:
                for x in self.index.get(normalize_phrase(m.surface), []):
                    e = self._by_id[x.entity_id]
                    if role in e.roles and (not type or e.type == type):
                        return e
        return best


# --------------------------------------------------------------------------- loading


def _as_list(v: object) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]  # type: ignore[union-attr]


def _lang_map(raw: object) -> dict[str, list[str]]:
    if not raw:
        return {}
    if not isinstance(raw, dict):
        raise ValueError(f"expected a mapping of language -> aliases, got {raw!r}")
    return {str(k): _as_list(v) for k, v in raw.items()}


def entity_from_dict(d: dict, default_type: str | None = None) -> Entity:
    etype = d.get("type", default_type)
    if not d.get("id") or not d.get("name") or not etype:
        raise ValueError(f"entity needs id, name and type: {d!r}")
    wd = d.get("wikidata")
    return Entity(
        id=str(d["id"]),
        name=str(d["name"]),
        type=str(etype),
        wikidata=str(wd) if wd else None,
        aliases=_lang_map(d.get("aliases")),
        roles=_as_list(d.get("roles")),
        country=d.get("country"),
        metonyms=_lang_map(d.get("metonyms")),
        short=_lang_map(d.get("short")),
        description=d.get("description"),
        context=_as_list(d.get("context")),
    )


_FILE_TYPES = {
    "people": "person",
    "persons": "person",
    "organisations": "organisation",
    "organizations": "organisation",
    "places": "place",
    "units": "unit",
    "weapons": "weapon",
}


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_kb(path: Path | str | None = None) -> KnowledgeBase:
    """Load every ``*.yaml`` file of a directory (or one file) into a KnowledgeBase.

    A file is a YAML list of entities (or ``{entities: [...]}``); the type defaults
    from the file name (people.yaml -> person).
    """
    p = Path(path) if path is not None else DEFAULT_DIR
    files = sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
    entities: list[Entity] = []
    for f in files:
        # The C loader (libyaml, in PyYAML's wheels) reads the KB five times faster; every
        # crawl worker loads it at start.
        raw = yaml.load(f.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or []
        if isinstance(raw, dict):
            raw = raw.get("entities", [])
        default_type = _FILE_TYPES.get(f.stem)
        for d in raw:
            entities.append(entity_from_dict(d, default_type))
    return KnowledgeBase(entities)


COMPILED_KB_COPIES = 3  # compiled KBs kept in the cache (~13 MB each)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0


def _compiled_key(directory: Path) -> str:
    """What a compiled KB depends on: the KB files, the code that builds it, the versions."""
    import ahocorasick

    from troopwatch import languages
    from troopwatch.entities import tagger

    digest = hashlib.sha256(f"{sys.version}|{ahocorasick.__file__}".encode())
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):  # a source build
        digest.update(importlib.metadata.version("pyahocorasick").encode())
    for source in (__file__, tagger.__file__, languages.__file__):
        digest.update(Path(source).read_bytes())
    for f in sorted(directory.glob("*.yaml")) + sorted(directory.glob("*.yml")):
        digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def load_compiled_kb(directory: Path | None = None, cache: Path | None = None) -> KnowledgeBase:
    """The KB of `directory` with its tagger automata built, from a compiled copy in
    `cache` (troopwatch.paths.cache_dir()) when one matches the KB files and the code.

    Building takes ~0.6 s of CPU at every crawl start; the compiled copy loads in ~0.1 s.
    It is rebuilt (and rewritten in one rename) whenever a KB file, kb.py, tagger.py,
    Python or pyahocorasick changes; an unreadable or unwritable cache only costs the build.
    """
    from troopwatch.entities.tagger import _automata
    from troopwatch.files import atomic_write_bytes
    from troopwatch.paths import cache_dir

    directory = Path(directory) if directory is not None else DEFAULT_DIR
    cache = Path(cache) if cache is not None else cache_dir()
    path = cache / f"kb-{_compiled_key(directory)}.pickle"
    try:
        kb = pickle.loads(path.read_bytes())
        if isinstance(kb, KnowledgeBase) and kb._tagger is not None:
            with contextlib.suppress(OSError):
                os.utime(path)  # used: the newest, last to be evicted
            return kb
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or foreign file: rebuilt below
        log.debug("compiled KB %s unusable (%s); rebuilding", path, exc)
    kb = load_kb(directory)
    _automata(kb)
    try:
        atomic_write_bytes(path, pickle.dumps(kb, protocol=pickle.HIGHEST_PROTOCOL))
        # Earlier KB files or code go, but not the last few used: checkouts of two versions
        # on one machine (a branch beside main) must not rebuild each other's copy away.
        copies = sorted(cache.glob("kb-*.pickle"), key=_mtime, reverse=True)
        for old in copies[COMPILED_KB_COPIES:]:
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot keep the compiled KB in %s: %s", cache, exc)
    return kb


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The shipped KB with its tagger automata, loaded once per process (compiled copy:
    load_compiled_kb)."""
    return load_compiled_kb()
