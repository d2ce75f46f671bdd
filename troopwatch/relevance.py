"""Is an article about North Korean troops in Russia's war against Ukraine?

Three concepts must meet: North Korea (NK), military personnel (MIL) and Russia / Ukraine /
Kursk (WAR). An article is relevant when all three occur together in one sentence or two
adjacent ones (the title counts as a sentence), so that "North Korea fires missiles" (no
war) and "Russia recruits 30,000 soldiers a month" (no North Korea) stay out, while a
passing but explicit "Pyongyang has sent 11,000 troops to Kursk" in a longer story counts:
that sentence is exactly what the claim extractor is after.

Patterns are per language, with stems for inflected languages (Russian, Ukrainian, German,
French, Spanish) and plain substrings for Korean and Japanese, which have no word breaks.
English patterns always apply (names like Kursk and DPRK appear in every language);
bare words for "war" are left out on purpose: "the Korean War" is not this war.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from troopwatch.claims.sentences import split_sentences

NK, MIL, WAR = "nk", "mil", "war"
CONCEPTS = (NK, MIL, WAR)
MAX_TERMS = 25

# Concept -> alternatives; Latin and Cyrillic alternatives are anchored at a word start.
PATTERNS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        NK: (
            r"north[\s-]+korea\w*",
            r"n\.\s?korea\w*",
            r"dprk",
            r"pyongyang\w*",
            r"kim\s+jong[\s-]?un\w*",
        ),
        MIL: (
            r"troops?\b",
            r"soldiers?\b",
            r"servicem[ae]n\b",
            r"service\s?members\b",
            r"(?:military\s+)?personnel\b",
            r"deploy(?:ed|ing|ment|ments|s)?\b",
            r"forces\b",
            r"fighters\b",
            r"mercenar(?:y|ies)\b",
            r"infantry\b",
            r"battalions?\b",
            r"brigades?\b",
            r"contingents?\b",
            r"pows?\b",
            r"prisoners?\s+of\s+war\b",
            r"conscripts?\b",
            r"sappers?\b",
            r"deminers?\b",
        ),
        WAR: (
            r"russia\w*",
            r"ukrain\w*",
            r"kursk\w*",
            r"kremlin\b",
            r"moscow\b",
            r"putin\w*",
            r"kyiv\b",
            r"kiev\b",
            r"zelensk\w*",
        ),
    },
    "ru": {
        NK: (
            r"кндр",
            r"северн\w*\s+коре\w*",
            r"северокорейск\w*",
            r"пхеньян\w*",
            r"ким\s+чен\s+ын",
        ),
        MIL: (
            r"войск\w*",
            r"военн(?:ые|ых|ым|ыми|ослужащ\w*)\b",
            r"солдат\w*",
            r"бойц\w*",
            r"боец\b",
            r"контингент\w*",
            r"на[её]мник\w*",
            r"пехот\w*",
            r"подразделени\w*",
            r"переброс\w*",
            r"разв[её]ртыван\w*",
            r"пленн\w*",
            r"личн\w*\s+состав\w*",
            r"батальон\w*",
            r"бригад\w*",
            r"сап[её]р\w*",
            r"военн\w*\s+строител\w*",
        ),
        WAR: (
            r"росси\w*",
            r"рф\b",
            r"украин\w*",
            r"курск\w*",
            r"кремл\w*",
            r"москв\w*",
            r"путин\w*",
            r"киев\w*",
            r"зеленск\w*",
            r"сво\b",
            r"спецоперац\w*",
        ),
    },
    "uk": {
        NK: (
            r"кндр",
            r"північн\w*\s+коре\w*",
            r"північнокорейськ\w*",
            r"північнокорейц\w*",
            r"пхеньян\w*",
            r"кім\s+чен\s+ин",
        ),
        MIL: (
            r"військ\w*",
            r"солдат\w*",
            r"вояк\w*",
            r"бійц\w*",
            r"боєць\b",
            r"контингент\w*",
            r"найман\w*",
            r"піхот\w*",
            r"підрозділ\w*",
            r"полон\w*",
            r"бригад\w*",
            r"батальйон\w*",
            r"особов\w*\s+склад\w*",
            r"сапер\w*",
        ),
        WAR: (
            r"росі\w*",
            r"російськ\w*",
            r"рф\b",
            r"україн\w*",
            r"курськ\w*",
            r"курщин\w*",
            r"кремл\w*",
            r"москв\w*",
            r"путін\w*",
            r"київ\w*",
            r"зеленськ\w*",
        ),
    },
    "de": {
        NK: (r"nordkorea\w*", r"pj[öo]ngjang\w*", r"dvrk", r"kim\s+jong[\s-]?un\w*"),
        MIL: (
            r"\w*soldat\w*",
            r"\w*truppe\w*",
            r"streitkr[äa]fte\w*",
            r"militärangeh[öo]rige\w*",
            r"kämpfer\w*",
            r"söldner\w*",
            r"entsend\w*",
            r"entsandt\w*",
            r"stationier\w*",
            r"kriegsgefangen\w*",
            r"gefangen\w*",
            r"infanterie\w*",
            r"bataillon\w*",
            r"brigade\w*",
            r"pionier\w*",
        ),
        WAR: (
            r"russland\w*",
            r"russisch\w*",
            r"ukrain\w*",
            r"kursk\w*",
            r"kreml\w*",
            r"moskau\w*",
            r"putin\w*",
            r"kiew\w*",
            r"selenskyj\w*",
        ),
    },
    "fr": {
        NK: (
            r"cor[ée]e\s+du\s+nord",
            r"nord[\s-]cor[ée]en\w*",
            r"pyongyang",
            r"rpdc",
            r"kim\s+jong[\s-]?un",
        ),
        MIL: (
            r"soldats?\b",
            r"troupes?\b",
            r"militaires\b",
            r"combattants?\b",
            r"mercenaires?\b",
            r"d[ée]ploi\w*",
            r"d[ée]ploy\w*",
            r"forces\b",
            r"prisonniers?\b",
            r"bataillons?\b",
            r"brigades?\b",
            r"effectifs\b",
            r"contingents?\b",
            r"d[ée]mineurs?\b",
        ),
        WAR: (
            r"russie\w*",
            r"russes?\b",
            r"ukrain\w*",
            r"koursk\w*",
            r"kremlin\b",
            r"moscou\b",
            r"poutine\b",
            r"kiev\b",
            r"kyiv\b",
            r"zelensky\w*",
        ),
    },
    "es": {
        NK: (r"corea\s+del\s+norte", r"norcorean\w*", r"pyongyang", r"rpdc", r"kim\s+jong[\s-]?un"),
        MIL: (
            r"soldados?\b",
            r"tropas?\b",
            r"militares\b",
            r"combatientes?\b",
            r"mercenarios?\b",
            r"despleg\w*",
            r"desplieg\w*",
            r"fuerzas\b",
            r"prisioneros?\b",
            r"efectivos\b",
            r"batallon\w*",
            r"brigadas?\b",
            r"contingentes?\b",
        ),
        WAR: (
            r"rusia\b",
            r"rus(?:o|a|os|as)\b",
            r"ucrania\w*",
            r"ucranian\w*",
            r"kursk\w*",
            r"kremlin\b",
            r"mosc[úu]\b",
            r"putin\b",
            r"kiev\b",
            r"zelenski\w*",
        ),
    },
    # No word breaks in Korean and Japanese: plain substrings.
    "ko": {
        NK: ("북한", "북측", "조선민주주의인민공화국", "평양", "김정은", "北", "북러"),
        MIL: (
            "북한군",
            "군인",
            "병력",
            "병사",
            "장병",
            "파병",
            "부대",
            "폭풍군단",
            "전투병",
            "포로",
            "용병",
            "군대",
            "공병",
            "파견",
        ),
        WAR: (
            "러시아",
            "우크라이나",
            "우크라",
            "쿠르스크",
            "크렘린",
            "푸틴",
            "모스크바",
            "키이우",
            "북러",
            "러우",
        ),
    },
    "ja": {
        NK: ("北朝鮮", "朝鮮民主主義人民共和国", "平壌", "金正恩", "朝鮮人民軍"),
        MIL: (
            r"兵(?!器)",
            "部隊",
            "軍人",
            "北朝鮮軍",
            "朝鮮人民軍",
            "捕虜",
            "派遣",
            "要員",
            "戦闘員",
            "傭兵",
        ),
        WAR: (
            "ロシア",
            "ウクライナ",
            "クルスク",
            "露朝",
            "朝露",
            "露軍",
            "ロ朝",
            "プーチン",
            "モスクワ",
            "クレムリン",
            "キーウ",
            "ゼレンスキー",
        ),
    },
}
NO_WORD_BREAKS = {"ko", "ja"}


@dataclass(frozen=True)
class Relevance:
    score: float  # 0..1, a ranking aid; `is_relevant` is the decision
    is_relevant: bool
    terms: tuple[str, ...]  # matched words, for analysts and Kibana facets


@cache
def _regexes(lang: str | None) -> dict[str, re.Pattern]:
    """Concept -> one compiled alternation for this language (English always included)."""
    langs = ["en"]
    if lang in PATTERNS and lang != "en":
        langs.append(lang)
    elif lang not in PATTERNS:
        langs = list(PATTERNS)
    out = {}
    for concept in CONCEPTS:
        parts = []
        for code in langs:
            for alt in PATTERNS[code][concept]:
                parts.append(alt if code in NO_WORD_BREAKS else rf"\b{alt}")
        out[concept] = re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)
    return out


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return text.replace("\u2019", "'").replace("\u00ad", "")


def _lang_code(lang: str | None) -> str | None:
    if not lang:
        return None
    return lang.strip().lower().replace("_", "-").split("-")[0] or None


def score_relevance(title: str | None, text: str | None, lang: str | None) -> Relevance:
    """Relevance of an article to the story; pure and deterministic."""
    title = _normalise(title or "").strip()
    body = _normalise(text or "")
    # The title is a sentence of its own; the body is split as the claim extractor splits it.
    sentences = ([title] if title else []) + split_sentences(body)

    per_sentence: dict[int, set[str]] = {}
    found: dict[str, set[str]] = {c: set() for c in CONCEPTS}
    in_title: set[str] = set()
    for concept, regex in _regexes(_lang_code(lang)).items():
        for index, sentence in enumerate(sentences):
            for match in regex.finditer(sentence):
                found[concept].add(match.group(0).lower())
                per_sentence.setdefault(index, set()).add(concept)
                if title and index == 0:
                    in_title.add(concept)

    # A window is a sentence and the next one: "... said on Monday. The 11,000 troops ..."
    windows = 0
    for index, concepts in per_sentence.items():
        if len(concepts | per_sentence.get(index + 1, set())) == len(CONCEPTS):
            windows += 1
    present = sum(1 for c in CONCEPTS if found[c])
    score = (
        0.4 * present / len(CONCEPTS)
        + 0.3 * bool(windows)
        + 0.1 * min(windows, 3) / 3
        + 0.2 * len(in_title) / len(CONCEPTS)
    )
    terms = sorted(set().union(*found.values()))[:MAX_TERMS]
    return Relevance(round(min(score, 1.0), 3), windows > 0, tuple(terms))
