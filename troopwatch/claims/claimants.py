"""Who makes a claim (source) and where the personnel are (location).

Names are found with the entity KB (``troopwatch.entities.kb``) when it is importable:
its people and organisations, with their inflected alias variants and, for claimants,
their metonyms ("Seoul", "Kyiv"). A minimal table of the contract's canonical claimant
names backs it up. Attribution is read from "according to X", "X said", "said X",
"X에 따르면", "Xによると", "по данным X" and the like; an anaphoric attribution ("the
agency said", "それによりますと", "he said") or none at all falls back to the claimant of
the previous sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from troopwatch.claims import lexicon as lx
from troopwatch.claims.languages import languages
from troopwatch.regexes import compile_re

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    claimant: bool
    metonym: bool
    person: bool


_SIMPLE_MAP = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "-": " ", "‐": " ", "–": " ", "\u00a0": " ", "ё": "е", "Ё": "е"}
)
_NOT_PERSON = {
    "South Korean government",
    "US State Department",
    "US government",
    "Ukrainian General Staff",
    "Ukrainian Ministry of Defence",
    "Ukrainian government",
    "UK Ministry of Defence",
    "Russian Ministry of Defence",
    "White House",
}


def _simple_normalize(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_SIMPLE_MAP)


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3040 <= o <= 0x30FF or 0x4E00 <= o <= 0x9FFF


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and alias.isupper() and " " not in alias.strip()


_PROCLITICS = frozenset("وفبلك")


def _arabic_proclitic(norm: str, s: int) -> bool:
    """Arabic writes "and", "to", "by", "as" onto the next word ("لوكالة", "وبحسب"): one
    or two such letters alone before an Arabic name are no part of a longer word."""
    if not ("\u0600" <= norm[s] <= "\u06ff"):
        return False
    k = s
    while k > 0 and s - k < 2 and norm[k - 1] in _PROCLITICS:
        k -= 1
    return k < s and (k == 0 or not norm[k - 1].isalpha())


def _boundary_ok(norm: str, s: int, e: int) -> bool:
    first, last = norm[s], norm[e - 1]
    before = norm[s - 1] if s > 0 else " "
    after = norm[e] if e < len(norm) else " "
    if _is_cjk(first) or _is_cjk(last):
        return True
    if _is_hangul(last):
        # Korean: a particle may follow; the name must start a word.
        return not _is_hangul(before)
    # A Latin name flush against Japanese/Chinese/Korean text ("アメリカCNNテレビ",
    # "美国CNN") is still a word of its own; a Han character right after it may be a
    # possessive ("JCS的估計"), which keeps its old reading.
    if before.isalpha() and first.isalpha() and not _is_cjk(before) and not _is_hangul(before):
        return _arabic_proclitic(norm, s)
    kana_after = "\u3040" <= after <= "\u30ff" or _is_hangul(after)
    return not (after.isalpha() and last.isalpha() and not kana_after)


class ClaimantIndex:
    """Person and organisation names found in a sentence."""

    def __init__(self) -> None:
        self._resolved: dict[tuple[str, str], str | None] = {}
        self.kb = None
        self.normalize = _simple_normalize
        variants: dict[str, tuple[str, bool, bool, bool]] = {}
        # Acronyms (UN, NIS, НАТО) match only when written in capitals: "un millier".
        self.acronyms: set[str] = set()
        try:
            from troopwatch.entities import kb as kbmod

            kb = kbmod.default_kb()
            normalize = kbmod.normalize
            for e in kb.entities:
                if e.type not in ("person", "organisation") and "claimant" not in getattr(
                    e, "roles", []
                ):
                    continue  # units only when the KB marks them as claimants (SSO)
                claimant = "claimant" in getattr(e, "roles", [])
                person = e.type == "person"
                for lang, alias in e.all_aliases():
                    if _is_acronym(alias):
                        self.acronyms.add(_simple_normalize(alias).strip())
                    for v in kbmod.alias_variants(alias, lang):
                        if len(v) >= 2:
                            variants.setdefault(v, (e.name, claimant, False, person))
                if claimant:
                    for lang, names in getattr(e, "metonyms", {}).items():
                        for alias in names:
                            for v in kbmod.alias_variants(alias, lang):
                                if len(v) >= 2:
                                    variants.setdefault(v, (e.name, True, True, False))
            self.kb = kb
            self.normalize = normalize
        except Exception:  # noqa: BLE001 - the KB is optional; fall back to the table
            self.kb = None
        for name, aliases in lx.FALLBACK_CLAIMANTS.items():
            person = name not in _NOT_PERSON and name.upper() != name and " " in name
            for alias in [name, *aliases]:
                # Normalised as the text is in find() (the KB's folding: Arabic hamzas …).
                v = self.normalize(_simple_normalize(alias)).strip()
                if _is_acronym(alias):
                    self.acronyms.add(v)
                if len(v) >= 2:
                    variants.setdefault(v, (name, True, False, person))
        for name, aliases in lx.METONYM_CLAIMANTS.items():
            for alias in aliases:
                v = self.normalize(_simple_normalize(alias)).strip()
                if len(v) >= 2:
                    variants.setdefault(v, (name, True, True, False))
        for v, info in list(variants.items()):
            # Arabic "li-" before the article drops its alif: ل + البنتاغون = للبنتاغون.
            if v.startswith("ال") and len(v) > 3:
                variants.setdefault("ل" + v[1:], info)
        self.variants = variants
        import ahocorasick  # a project dependency

        auto = ahocorasick.Automaton()
        for v, info in variants.items():
            auto.add_word(v, (v, info))
        auto.make_automaton()
        self._auto = auto

    def find(self, text: str) -> list[Mention]:
        norm = self.normalize(text)
        if len(norm) != len(text):
            norm = _simple_normalize(text)
        hits: list[Mention] = []
        for end, (v, (name, claimant, metonym, person)) in self._auto.iter(norm):
            s, e = end - len(v) + 1, end + 1
            surface = text[s:e]
            if v in self.acronyms and not (
                surface.isupper() or (len(surface) > 2 and surface[:1].isupper())
            ):
                continue  # "un millier" is not the UN; "Otan" still is NATO
            if _boundary_ok(norm, s, e):
                hits.append(Mention(s, e, name, claimant, metonym, person))
        # Keep the longest of overlapping mentions.
        hits.sort(key=lambda m: (m.start, -(m.end - m.start)))
        out: list[Mention] = []
        for m in hits:
            if out and m.start < out[-1].end:
                if m.end - m.start > out[-1].end - out[-1].start:
                    out[-1] = m
                continue
            out.append(m)
        return out

    def resolve(self, phrase: str, lang: str) -> str | None:
        """Canonical name for a claimant phrase; a metonym ("Kyiv") only when it is the
        whole phrase, so "Kyiv Post" stays a newspaper. Memoised: the same attributions
        ("according to the NIS") recur in sentence after sentence."""
        key = (phrase, lang)
        if key not in self._resolved:
            if len(self._resolved) >= 4096:
                self._resolved.clear()
            self._resolved[key] = self._resolve(phrase, lang)
        return self._resolved[key]

    def _resolve(self, phrase: str, lang: str) -> str | None:
        if self.kb is not None:
            try:
                e = self.kb.resolve(phrase, lang=lang)
            except Exception:  # noqa: BLE001 - a KB bug (or missing tagger) must not break us
                e = None
            if e is not None and e.type in ("person", "organisation"):
                return e.name
        whole = len(phrase.strip())
        ms = [m for m in self.find(phrase) if not m.metonym or m.end - m.start >= whole - 4]
        if ms:
            return max(ms, key=lambda m: (m.claimant, m.end - m.start)).name
        return None


@lru_cache(maxsize=1)
def claimant_index() -> ClaimantIndex:
    return ClaimantIndex()


_ATTRIB_BEFORE = compile_re(
    lx.words(lx.ATTRIB_BEFORE_SPACED) + "|" + lx.running(lx.ATTRIB_CJK["after_marker"]),
    _I,
)
SAY = compile_re(lx.words(lx.SAY_SPACED) + "|" + lx.running(lx.ATTRIB_CJK["say"]), _I)
# A verb of saying right before a name (German verb-second: "veröffentlichte Nordkorea").
_SAY_BEFORE = compile_re(r"(?:" + lx.words(lx.SAY_SPACED) + r")\s+$", _I)
_CJK_MARKER = compile_re(lx.running(lx.ATTRIB_CJK["before_marker"]), _I)
# Short attribution words collide across languages (English "per" is Italian "for"): one
# that is a common word of the sentence's own language, and not an attribution of that
# language there, is no attribution.
_FUNCTION_WORDS = {lang.code: frozenset(lang.stop_words) for lang in languages()}
_OWN_ATTRIB = {
    lang.code: compile_re(lx.words(lang.attribution), _I)
    for lang in languages()
    if lang.attribution and lang.stop_words
}


def attributions(sent: str, lang: str) -> list[re.Match[str]]:
    """Attribution phrases in ``sent``, less other languages' phrases that are common
    words of ``lang`` (English "per" in an Italian sentence)."""
    found = list(_ATTRIB_BEFORE.finditer(sent))
    stop = _FUNCTION_WORDS.get(lang)
    if not stop or not any(a.group().lower() in stop for a in found):
        return found
    own = _OWN_ATTRIB.get(lang)
    mine = {m.start() for m in own.finditer(sent)} if own else set()
    return [a for a in found if a.group().lower() not in stop or a.start() in mine]


_WORD = compile_re(r"[^\W_]+")
# Languages whose speaker is marked by a topic/subject particle (은/는, は/が).
_PARTICLE_LANGS = frozenset(lang.code for lang in languages() if lang.attribution_after_claimant)
# Languages that put the verb of saying first (Arabic "قال المسؤول").
_VERB_FIRST = frozenset({"ar"})
_DE_AUX = compile_re(r"(?i)\s*(?:hat|hatte|haben|hatten)\s")
# Nothing but an article before a name at the start of a sentence.
_ARTICLE_ONLY = compile_re(r"(?i)\W{0,3}(?:(?:the|die|der|das|la|le|l['’]|el|il|a|o)\s*)?")
# After a clause or a colon, an object pronoun standing for what was said, then the verb.
_SAID_IT = compile_re(r"(?i)[,:]\s*(?:lo|l['’]|le|la|lo\s+ha|lo\s+han|lo\s+hanno|o)\s*$")
# Free word order: a fronted topic puts the verb of saying before its subject.
_TOPIC_FIRST = frozenset({"ru", "uk"})
# Korean/Japanese subject: the name, an optional title (대통령, 報道官, 補佐官), then the
# topic particle.
_KO_TOPIC = compile_re(
    r"^[^\s,、。「」\"“”]{0,10}?(?:\s[^\s,、。「」\"“”]{1,8}){0,3}?"
    # "X 대변인 역시 …라고 밝혔다" (X too): an adverb of addition in place of the particle.
    r"(?:은|는|도|は|も|\s(?:역시|또한))(?:[\s,、]|$)"
)
# A subject particle, after up to two title words ("젤렌스키 우크라이나 대통령이").
_KO_SUBJ = compile_re(
    r"^(?:\([^()]{1,12}\))?(?:\s[^\s,、。「」\"“”]{1,8}?){0,3}\s*(?:이|가|が)(?=\s|$)|"
    r"^(?:\([^()]{1,12}\))?\s*(?:이|가|が)"
)
# Japanese writes no spaces: the topic particle after the name and a short title or
# parenthesis ("ゼレンスキー大統領は11日", "国家情報院(国情院)は19日") runs on.
# A verb ending a clause that describes the noun right after it ("越境攻撃したクルスク州").
_JA_ADNOMINAL = compile_re(
    r"[^、。「」と]{0,12}?(?:した|された|する|される|している|していた)(?=[\u4e00-\u9fff\u30a0-\u30ff])"
)
# A name in corner brackets ("シンクタンク「戦争研究所」は") closes them before the particle.
_JA_TOPIC = compile_re(r"^[」』]?[^\s,、。「」\"“”]{0,12}?(?:は|が)(?!ず|じめ)")
# The speaker relays a report: "국정원 보고를 인용해", "briefing by the NIS".
_KO_RELAY = compile_re(
    r"^\s*(?:의\s*)?(?:보고|브리핑|발표|자료|분석)(?:를|을|\s|의)\s*(?:인용|내용|토대|바탕|근거)"
)
# The speaker is cited or the assessment came from it: "CNN은 X를 인용해", "…는 분석이
# X로부터 나왔다", "Xの話として".
_CJK_CITED = compile_re(
    r"\s*(?:을|를)\s?인용(?:해|하여|한|했)|\s*(?:으로|로)부터\s?(?:나왔|나온|전해졌|입수)|"
    r"を引用し|の話として|の情報として"
)
# A Korean verb of saying made passive ("추정되는", "보고된", "공개됐다").
_KO_PASSIVE = compile_re(r"(?:되|된|돼|됐|됩)")
_DECLINE = compile_re(
    r"^\W*(?:\w+\W+){0,3}?(?:declined|refused|would\s+not|did\s+not|denied|отказал\w*|"
    r"відмовив\w*|lehnte|a\s+refusé|refuse|se\s+negó|rechazó)",
    _I,
)
# Headline attribution: "Pentagon: …", 국정원 "북한군 1만1000명 …".
_HEADLINE = compile_re(r"^\s*(?::|[\"“「『«](?=\S))|^\s+['‘](?=\S)")
# Passive "is estimated": the subject is what is counted, not who counts.
_PASSIVE = compile_re(r"(?i)\w*(?:ся|сь)$|(?:is|are|was|were)\s+estimated$")
# "North Korea is expected to send": the subject of a passive is not its speaker.
_PASSIVE_BEFORE = compile_re(r"(?i)(?<![^\W\d_])(?:is|are|was|were|be|been|being)\s+$")
_POSTPOSED_WORDS = "|".join(w for lang in languages() for w in lang.attribution_postposed)
_POSTPOSED = compile_re(f"(?i)(?:{_POSTPOSED_WORDS})$")
# "Berichten zufolge": the word before a postposed attribution is its noun, not a verb.
_BEFORE_POSTPOSED = compile_re(rf"(?i)\s+(?:{_POSTPOSED_WORDS})(?![^\W\d_])")
# Attributions that point back to a claimant named before.
_ANAPHOR = compile_re(
    "(?i)^(?:" + "|".join(w for lang in languages() for w in lang.anaphors) + ")$"
)
_ANAPHOR_MARKER = compile_re(
    "(?i)(?:" + lx.ordered([w for lang in languages() for w in lang.anaphor_markers]) + ")"
)
_PHRASE_ACCORDING = compile_re(
    r"(?:according\s+to|citing|per|selon|d['’]après|según|laut|nach\s+angaben|"
    r"по\s+данным|по\s+словам|за\s+даними|за\s+словами)\s+(?P<x>[^,.;:()]{2,80})",
    _I,
)
_PHRASE_SUBJECT = compile_re(
    r"(?P<x>(?:[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.\-]*\s+){0,5}[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’.\-]*)"
    # An appositive relative clause between the name and its verb: "Park, who sits on
    # the intelligence committee, told reporters".
    r"(?:,\s+(?:who|qui|que|quien|der|die|который|которая|який|яка)\s[^,.;\"“”«»]{1,80},)?"
    r"\s+(?:has\s+|have\s+|had\s+)?(?:said|says|estimated|estimates|believes|reported|claimed|"
    r"told|stated|declared|assessed|wrote|added|noted|warned|expects|sagte|erklärte|a\s+déclaré|"
    r"a\s+affirmé|dijo|afirmó|заявил\w*|сообщил\w*|заяви\w*|повідоми\w*)"
)
# '…", explicó Singh.': the words after a verb of saying, up to the sentence's end.
_PHRASE_INVERTED = compile_re(r"(?:" + lx.words(lx.SAY_SPACED) + r")\s+(?P<x>[^,.;:]{2,60})", _I)
# Lazy words: the first topic particle ends the phrase ("이 의원은 “… 규모는": "이 의원").
_PHRASE_KO = compile_re(r"^(?P<x>[^\s,.]+?(?:\s[^\s,.]+?){0,4}?)(?:은|는)\s")
# A surname and a title, the person named in full before: "이 의원", "박 대변인",
# "김 장관".
_TITLED_SURNAME = {
    "ko": compile_re(
        r"^(?P<s>[가-힣])\s?(?P<t>의원|대변인|장관|차관|대통령|원장|국장|총장|사령관|위원장|"
        r"실장|대사|총리|본부장)$"
    ),
}


# A lawmaker, named next to these words, who relays the spy agency's briefing.
_LAWMAKER = compile_re(
    "|".join(w for lang in languages() for w in lang.lawmaker_words), re.IGNORECASE
)
_AGENCIES = frozenset({"NIS"})


@lru_cache(maxsize=8)
def names_with_role(role: str) -> frozenset[str]:
    """Canonical names of the entities the KB gives `role` (``lawmaker``, ``wire``…)."""
    try:
        from troopwatch.entities.kb import default_kb

        return frozenset(e.name for e in default_kb().entities if role in e.roles)
    except Exception:  # noqa: BLE001 - the KB is optional, as for the claimant index
        return frozenset()


def lawmaker_names() -> frozenset[str]:
    """The people the entity KB knows as lawmakers."""
    return names_with_role("lawmaker")


def wire_names() -> frozenset[str]:
    """The news agencies the entity KB knows (they relay; they are no source)."""
    return names_with_role("wire")


@lru_cache(maxsize=1)
def media_countries() -> dict[str, str]:
    """Canonical name -> country of the papers and broadcasters the entity KB marks (role
    ``media``), besides the names ``_OUTLET`` recognises."""
    try:
        from troopwatch.entities.kb import default_kb

        return {e.name: e.country or "" for e in default_kb().entities if "media" in e.roles}
    except Exception:  # noqa: BLE001 - the KB is optional, as for the claimant index
        return {}


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    return frozenset(media_countries())


# Where a language's own press is published: an outlet of that country named as the source
# may be the article's own publisher ("…とNHKが報じた" in NHK's own story), and a claim is
# never guessed from the outlet (CLAIMS.md §5).
_HOME = {
    "ja": {"JP"},
    "ko": {"KR"},
    "de": {"DE", "AT", "CH"},
    "fr": {"FR"},
    "es": {"ES"},
    "it": {"IT"},
    "pt": {"PT", "BR"},
    "ru": {"RU"},
    "uk": {"UA"},
    "zh": {"CN", "TW", "HK"},
    "en": {"US", "GB"},
}


def is_outlet(name: str | None) -> bool:
    """Is ``name`` a news agency, paper or broadcaster the KB knows (one that may only
    relay a source)?"""
    return name in media_names() or name in wire_names()


def _foreign_outlet(name: str, lang: str) -> bool:
    country = media_countries().get(name)
    return country is not None and country not in _HOME.get(lang, ())


@lru_cache(maxsize=16)
def _intelligence_words(lang: str) -> re.Pattern[str] | None:
    """The language's generic words for an intelligence service ("the spy agency", "les
    services de renseignement", "정보당국"): the joint-claimant heads for intelligence."""
    data = next((x for x in languages() if x.code == lang), None)
    frags = data.claimant_heads.get("intelligence", ()) if data else ()
    if not frags:
        return None
    if data.script in ("latin", "cyrillic", "arabic"):
        return compile_re(rf"(?<![^\W\d_])(?:{'|'.join(frags)})(?![^\W\d_])", _I)
    return compile_re("|".join(frags), _I)


_ASIDE_LANGS = frozenset(x.code for x in languages() if x.asides)


@lru_cache(maxsize=16)
def _asides(lang: str) -> re.Pattern[str]:
    """The language's asides that name nobody ("dal canto suo", "for its part")."""
    frags = next(x.asides for x in languages() if x.code == lang)
    return compile_re(rf"(?<![^\W\d_])(?:{'|'.join(frags)})(?![^\W\d_])", _I)


def _relayed_agency(
    sent: str, best: Mention, mentions: list[Mention], lang: str = "en", text: str = ""
) -> str | None:
    """CLAIMS.md §5: a lawmaker relaying the NIS gives the NIS when the NIS is named: in
    the sentence or earlier in the passage ("According to the spy agency's reports, … The
    lawmaker said"). A lawmaker of the intelligence committee (KB role ``lawmaker``)
    briefed by "the intelligence services" relays the NIS too: it is their briefer."""
    if not best.person:
        return None
    near = sent[max(0, best.start - 40) : best.end + 40]
    known = best.name in lawmaker_names()
    if not known and not _LAWMAKER.search(near):
        return None
    agency = next((m.name for m in mentions if m.name in _AGENCIES), None)
    if agency is not None:
        return agency
    at = text.find(sent[:40]) if text else -1
    before = text[:at] if at > 0 else ""
    if before:
        agency = next((m.name for m in claimant_index().find(before) if m.name in _AGENCIES), None)
        if agency is not None:
            return agency
    intel = _intelligence_words(lang) if known else None
    if intel is not None and any(
        not _committee_of(part, m.start(), m.end())
        for part in (sent, before)
        for m in intel.finditer(part)
    ):
        return next(iter(_AGENCIES))
    return None


def _briefed_by_intelligence(sent: str, lang: str, text: str) -> bool:
    """An unnamed lawmaker ("un diputado surcoreano … tras una sesión informativa de los
    servicios de inteligencia") relays the NIS when the sentence names the intelligence
    services (not the lawmaker's committee) or the passage before names the NIS."""
    if any(m.name in _AGENCIES for m in claimant_index().find(sent)):
        return True  # "… после брифинга национальной разведывательной службы"
    intel = _intelligence_words(lang)
    if intel is not None and any(
        not _committee_of(sent, m.start(), m.end()) for m in intel.finditer(sent)
    ):
        return True
    at = text.find(sent[:40]) if text else -1
    before = text[:at] if at > 0 else ""
    return any(m.name in _AGENCIES for m in claimant_index().find(before)) if before else False


def _lawmaker_relays(sent: str, lang: str, text: str, verbs: list[re.Match[str]]) -> bool:
    """'وقال النائب … إن جهاز الاستخبارات …', 'ونقل مشرع كوري جنوبي عن معلومات من وكالة
    التجسس': a lawmaker, no name given, who speaks or relays in the sentence (the subject
    or the word after the verb), relays the NIS when briefed by the intelligence services
    (CLAIMS.md §5); not another country's lawmaker."""
    for lm in _LAWMAKER.finditer(sent):
        if not any(
            v.start() <= lm.start() <= v.end() + 30 or 0 <= v.start() - lm.end() <= 40
            for v in verbs
        ):
            continue
        own = joint_claimant(sent[lm.start() : lm.end() + 30], lang)
        if own is not None and not own[2].startswith("South Korean"):
            continue
        return _briefed_by_intelligence(sent, lang, text)
    return False


# "the intelligence committee" is the lawmaker's own, not a briefer.
_COMMITTEE = compile_re(
    r"(?i)committee|comit[ée]|comisi[óo]n|commission|commissione|комитет\w*|комітет\w*|"
    r"ausschuss\w*|위원회|委員会|委员会|委員會|لجنة"
)


def _committee_of(part: str, start: int, end: int) -> bool:
    """Are the intelligence words at start:end the name of a committee ("لجنة الاستخبارات",
    "the intelligence committee")? Where words are spaced, the word before or after them
    must be the committee; "جهاز الاستخبارات أبلغ اللجنة" is the service that briefed it."""
    if " " not in part[max(0, start - 25) : end + 25].strip():
        return bool(_COMMITTEE.search(part[max(0, start - 25) : end + 25]))
    near = part[:start].split()[-2:] + part[end:].split()[:1]
    return bool(_COMMITTEE.search(" ".join(near) + " " + part[start:end]))


_QUOTE_PAIRS = (("«", "»"), ("「", "」"), ("『", "』"))


def _in_quote(sent: str, pos: int, end: int) -> bool:
    """Is ``pos`` inside a quotation that closes before ``end`` (the verb of saying)?"""
    before, between = sent[:pos], sent[pos:end]
    for o, c in _QUOTE_PAIRS:
        if before.count(o) > before.count(c) and c in between:
            return True
    if "„" not in sent and before.count("“") > before.count("”") and "”" in between:
        return True  # (German „…“ closes with “)
    straight = sum(before.count(q) for q in ('"', "″"))
    return straight % 2 == 1 and any(q in between for q in ('"', "″"))


def _quote_close(sent: str, pos: int) -> int | None:
    """Where the quotation that ``pos`` stands in closes, or None outside one."""
    before = sent[:pos]
    for o, c in (*_QUOTE_PAIRS, ("“", "”")):
        if before.count(o) > before.count(c):
            end = sent.find(c, pos)
            return end if end >= 0 else None
    if before.count('"') % 2 == 1:
        end = sent.find('"', pos)
        return end if end >= 0 else None
    return None


def _words_between(text: str) -> int:
    return len(_WORD.findall(text))


def _prefer_person(m: Mention, mentions: list[Mention], sent: str) -> Mention:
    """'Pentagon spokesperson Sabrina Singh', 'John Kirby, the White House spokesman':
    the named person is the claimant, not the institution."""
    if m.person:
        return m
    for p in mentions:
        if not (p.person and p.claimant):
            continue
        if 0 <= p.start - m.end <= 40:
            gap = sent[m.end : p.start]
            if _words_between(gap) <= 4 and not re.search(r"[,.;]", gap):
                return p
            # Apposition: "the head of Ukraine's military intelligence, Kyrylo Budanov, said".
            if re.match(r"^\s*,\s*(?:[^\W\d_]+\s+){0,1}$", gap) and re.match(
                r"\s*,", sent[p.end :]
            ):
                return p
        if 0 <= m.start - p.end <= 3 and not sent[p.end : m.start].strip():
            return p  # "부다노프 우크라이나 국방정보총국장은", "Budanov GUR chief"
        if 0 <= m.start - p.end <= 50:
            gap = sent[p.end : m.start]
            if re.match(r"^\s*,\s*(?:[^\W\d_]+\s+){0,5}$", gap) and not (
                _ATTRIB_BEFORE.search(gap) or SAY.search(gap)
            ):
                return p
    return m


_SPEAKERS_IN = compile_re(
    r"(?i)(?:officials?|sources?|authorities|diplomats?|analysts?|officers?|"
    r"responsables|sources|funcionarios|fuentes|beamte|quellen|чиновник\w*|источник\w*|"
    r"посадовц\w*|джерел\w*)\s+(?:\w+\s+)?$"
)
_PLACE_WORD = compile_re(
    lx.table({"x": [f for f, _ in lx.PLACES_SPACED]}, {"x": [f for f, _ in lx.PLACES_CJK]})
    + r"|(?<![^\W\d_])(?:seoul|kyiv|kiev|kiew|washington|сеул\w*|киев\w*|"
    r"київ\w*|séoul|seúl|서울|ソウル)(?![^\W\d_])",
    _I,
)


def _located(sent: str, m: Mention, mentions: list[Mention] | None = None) -> bool:
    """'to Russia', 'до Сеула', 'на востоке России', 'ロシアに': a place, not a speaker.
    'officials in Seoul' and 'в Сеуле считают' still speak for the government."""
    if not _PLACE_WORD.fullmatch(sent[m.start : m.end]):
        return False  # "ukrainischen Angaben", "우크라이나 측": no place at all
    before = sent[max(0, m.start - 40) : m.start]
    prep = lx.LOC_PREP_BEFORE.search(before)
    if prep:
        if _SPEAKERS_IN.search(before[: prep.start()]):
            return False
        if any(o.end <= m.start and not o.metonym for o in mentions or []):
            return True  # "the JCS in Seoul said", "Umerov, on a visit to Seoul, said"
        return not (SAY.match(sent[m.end :].lstrip(" ,")) or SAY.search(before[-25:]))
    return bool(re.match(r"(?:에|로|으로|에서|に|へ|で|の)", sent[m.end : m.end + 2]))


_OUTLET = compile_re(
    r"\b(?:news|yonhap|kyodo|tass|ria|interfax|reuters|associated\s+press|afp|cnn|bbc|nhk|"
    r"ukrinform|unian|spiegel|monde|país|pravda|times|post|journal|agency|agence|agencia|"
    r"nachrichtenagentur|newspaper|gazette|broadcast\w*|tv|radio)\b",
    re.IGNORECASE,
)


# ----------------------------------------------------------------- joint claimants

# What may stand between the parts of one claimant phrase: spaces, commas, "and", "of",
# articles, the genitive particles (의, の, 的), Arabic "من" ("مصادر … من كوريا
# الجنوبية والغرب"), "في" ("الخدمات السرية في كوريا الجنوبية") and "national" ("المخابرات
# الوطنية الكورية الجنوبية").
_JOINER = compile_re(
    r"(?i)^(?:[\s,、，]|\b(?:its|their|seus|suas|sus|ses|leurs|ihren?|suoi|свои\w*|свої\w*|"
    r"and|und|et|y|e|и|і|та|of|de|du|des|der|la|le|les|los|las|del|"
    r"da|do|das|dos|di|della|dei|degli|von|the|d['’]|l['’]|senior|high-ranking|alt[oa]|haut|"
    r"militar\w*|militär\w*|military|militare|security|sécurité|seguridad|sicurezza|"
    r"segurança)\b|및|과|와|의|들|および|及び|及|和|"
    r"与|與|的|の|من|في|(?:ال)?وطنية?|-)*$"
)


@lru_cache(maxsize=16)
def _joint_tables(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]] | None:
    """One regex over the sides and heads of ``lang`` (group name -> (kind, canonical))."""
    data = next((x for x in languages() if x.code == lang), None)
    if data is None or not data.claimant_heads:
        return None
    groups: dict[str, tuple[str, str]] = {}
    alts: list[tuple[int, str]] = []
    for kind, table in (("side", data.claimant_sides), ("head", data.claimant_heads)):
        for canon, frags in table.items():
            for frag in frags:
                g = f"g{len(groups)}"
                groups[g] = (kind, canon)
                alts.append((len(frag), f"(?P<{g}>{frag})"))
    # Longest fragment first: "South Korea's" before "South Korea".
    body = "|".join(a for _, a in sorted(alts, key=lambda x: -x[0]))
    if data.script in ("latin", "cyrillic", "arabic"):
        body = rf"(?<![^\W\d_])(?:{body})(?![^\W\d_])"
    return compile_re(body, _I), groups


def joint_claimant(
    sent: str, lang: str, bare_ok: bool = False
) -> tuple[int, int, str, int, bool] | None:
    """(start, end, canonical name, number of sides, a source noun named) of the first
    claimant named by its sides rather than as one entity: "South Korean and Western
    intelligence", "fuentes ucranianas y occidentales", "南韩及西方情报机构", "der USA und
    Südkoreas" (countries alone: their governments, only when ``bare_ok`` — right after
    "according to")."""
    return next(joint_claimants(sent, lang, bare_ok), None)


def joint_claimants(
    sent: str, lang: str, bare_ok: bool = False
) -> Iterator[tuple[int, int, str, int, bool]]:
    """Every claimant of the sentence named by its sides (see ``joint_claimant``), in order."""
    tables = _joint_tables(lang)
    if tables is None:
        return
    rx, groups = tables
    items = [(m.start(), m.end(), *groups[m.lastgroup]) for m in rx.finditer(sent)]
    if not items:
        return
    clusters: list[list[tuple[int, int, str, str]]] = [[items[0]]]
    first = next((x.adjective_first for x in languages() if x.code == lang), True)
    for it in items[1:]:
        gap = sent[clusters[-1][-1][1] : it[0]]
        # One phrase has one source noun: its sides stand before it ("Ukrainian
        # intelligence officials | and Western security sources") or, where adjectives
        # follow, after it ("fontes sul-coreanas | e ucranianas").
        heads_before = any(k == "head" for _, _, k, _ in clusters[-1])
        # A country in the genitive after its noun ("разведок Южной Кореи и Запада",
        # "розвідслужб Південної Кореї") belongs to it, even where adjectives come first.
        genitive = it[2] == "side" and lang in ("ru", "uk") and sent[it[0]].isupper()
        split = heads_before and (first or it[2] == "head") and not genitive
        if len(gap) <= 14 and _JOINER.match(gap) and not split:
            clusters[-1].append(it)
        else:
            clusters.append([it])
    for cl in clusters:
        sides: list[str] = []
        for _, _, kind, canon in cl:
            if kind == "side" and canon not in sides:
                sides.append(canon)
        heads = [canon for _, _, kind, canon in cl if kind == "head"]
        if not sides or (not heads and not (bare_ok and len(sides) >= 2)):
            continue
        head = heads[0] if heads else "governments"
        countries = [x for x in sides if x not in ("allied", "Western")]
        if "allied" in sides and countries:
            # "Ukraine and its allies", "كييف وحلفائها الغربيين": a country and its allies.
            allies = "Western allies" if "Western" in sides else "allies"
            name = ", ".join(_COUNTRY_NOUN.get(x, x) for x in countries) + f" and {allies}"
            yield cl[0][0], cl[-1][1], name, len(sides), bool(heads)
            continue
        if len(sides) == 1:
            # One country's government ("US government"); the West's are many.
            one = head == "governments" and sides[0] not in ("Western", "allied")
            name = f"{sides[0]} {head.rstrip('s') if one else head}"
        else:
            name = ", ".join(sides[:-1]) + f" and {sides[-1]} {head}"
        yield cl[0][0], cl[-1][1], name, len(sides), bool(heads)


_COUNTRY_NOUN = {"Ukrainian": "Ukraine", "South Korean": "South Korea", "US": "US"}


def _canonical(name: str) -> str:
    """The KB's name for a composed claimant ("US intelligence" -> the US government)."""
    resolved = claimant_index().resolve(name, "en")
    return resolved or name


# A country's press citing someone ("韩国媒体引用", "وسائل الإعلام … نقلا عن").
_MEDIA_CITES = compile_re(
    r"\s*(?:\S{1,4}\s*)?(?:引用|引述|援引|을\s?인용|를\s?인용|を引用|の取材|نقلا\s+عن|نقلت?\s+عن|cit)"
)


def _joint_source(
    sent: str,
    lang: str,
    best: Mention | None,
    attribs: list[re.Match[str]],
    says: list[re.Match[str]],
) -> str | None:
    """A claimant named by its sides ("according to South Korean and Western intelligence")
    when it, not one entity, is the source: it stands right after the attribution (or
    right before a Korean/Japanese one), covers the entity found ("韓国" inside "韓国および
    欧米諸国の情報機関"), or no claimant entity was found at all."""
    cjk_marks = list(_CJK_MARKER.finditer(sent))
    if not (attribs or says or cjk_marks):
        return None
    for j in joint_claimants(sent, lang, bare_ok=bool(attribs)):
        name = _joint_source_at(sent, lang, best, attribs, says, cjk_marks, j)
        if name is not None:
            return name
        # A side phrase that is not the source ("o Exército russo") does not hide a later
        # one that is (", segundo fontes ocidentais").
    return None


def _joint_source_at(
    sent: str,
    lang: str,
    best: Mention | None,
    attribs: list[re.Match[str]],
    says: list[re.Match[str]],
    cjk_marks: list[re.Match[str]],
    j: tuple[int, int, str, int, bool],
) -> str | None:
    js, je, name, nsides, has_head = j
    if name.endswith(" media") and _MEDIA_CITES.match(sent, je, je + 12):
        return None  # "韩国媒体引用…官员的话报导": the press relays whom it cites
    if lang in _PARTICLE_LANGS and any(
        _CJK_CITED.match(sent, k, k + 12) for k in range(je, min(je + 3, len(sent)))
    ):
        # "뉴욕타임스는 미국 정보당국자들을 인용해": the phrase cited (its head may run on:
        # "당국+자들") is the source.
        return name if nsides > 1 else _canonical(name)
    adjacent = any(
        0 <= js - a.end() <= 25
        and not re.search(r"[,.;:]", sent[a.end() : js])
        and _words_between(sent[a.end() : js]) <= 3
        for a in attribs
    ) or any(0 <= mk.start() - je <= 3 for mk in cjk_marks)
    if not has_head and not adjacent:
        return None  # "the USA and South Korea" named, but not as the source
    covers = best is not None and best.start < je and best.end > js
    if nsides == 1:
        # One side ("fontes ocidentais", "the Ukrainian military said"): only when no entity
        # is named and the phrase is the attribution's or the verb of saying's own.
        subject = (
            any(
                0 <= sv.start() - je <= 40
                and _words_between(sent[je : sv.start()]) <= 7
                and not re.search(r"[,.;:、，。]", sent[je : sv.start()])
                for sv in says
            )
            or any(  # inverted: "…, schrieb der südkoreanische Geheimdienst"
                0 <= js - sv.end() <= 25
                and _words_between(sent[sv.end() : js]) <= 2
                and not re.search(r"[,.;:]", sent[sv.end() : js])
                for sv in says
            )
        )
        # "한국의 정보 기관은 … 주장했다", "韓国の情報当局は…": a source noun with the topic
        # particle is the subject of the sentence's verb of saying, however far it stands.
        subject = subject or (
            lang in _PARTICLE_LANGS
            and has_head
            and _TOPIC_AFTER.match(sent, je) is not None
            and any(sv.start() >= je for sv in says)
        )
        # A place standing for its government ("l'Ucraina") yields to the phrase that is
        # the verb's own subject; a named agency or person does not.
        named = best is not None and (best.claimant or not adjacent) and not best.metonym
        if named or not (adjacent or subject):
            return None  # ("Coreia do Sul" inside "forças militares da Coreia do Sul" is not)
    elif best is not None and best.claimant and not covers and not adjacent:
        return None
    if nsides > 1:
        return name  # a joint name is no one entity: the KB would resolve it to one part
    if name.endswith(" estimates"):
        # "U.S. estimates", "оценки Украины": a country's estimates are its government's.
        gov = claimant_index().resolve(name.replace(" estimates", " government"), "en")
        if gov:
            return gov
    return _canonical(name)


_TOPIC_AFTER = compile_re(r"\s?(?:은|는|は)")


# Arabic vowel marks, shadda and tatweel: optional in writing, absent from the word lists.
_AR_DIACRITICS = compile_re(r"[\u0640\u064b-\u065f\u0670]")


# "its/their own": the possessive before a relayed source ("en citant ses services de
# renseignement", "citing its spy agency", "со ссылкой на свою разведку").
_POSSESSIVE = compile_re(
    r"(?i)\s*(?:its|their|ses|leurs?|sus|seus|suas|i\s+suoi|le\s+sue|seine[nmrs]?|ihre[nmrs]?|"
    r"сво\w*|її|їхні\w*)\s+"
)
_RELAY = compile_re(r"(?i)cit|qui cite|со ссыл|з посил|ссыла|посила|unter ber|و?نقل")


def _own_intelligence(
    sent: str, lang: str, country: Mention, attribs: list[re.Match[str]]
) -> str | None:
    """'la Corée du Sud a affirmé …, en citant ses services de renseignement': a country's
    government relaying its own intelligence service gives that service."""
    intel = _intelligence_words(lang)
    if intel is None or not country.name.endswith(" government"):
        return None
    for a in attribs:
        if not _RELAY.match(a.group()):
            continue
        pos = _POSSESSIVE.match(sent, a.end())
        if pos and intel.match(sent, pos.end()):
            own = claimant_index().resolve(
                country.name.replace(" government", " intelligence"), "en"
            )
            if own and own != country.name:
                return own
    return None


# Between a country and the outlet or agency it owns, written as one phrase in Japanese
# or Chinese: a few Han/kana descriptive characters ("商業雜誌", "の軍事専門メディア・"),
# no particle of a subject or topic and no punctuation but a title mark.
_OWNER_CJK = compile_re(
    r"(?:(?!は|が|も|称|說|说|表示)[\u3040-\u30ff\u4e00-\u9fff・]){0,10}[《「]?"
)


# A foreign surname in katakana with an honorific or title before "によると" ("ライダー氏に
# よると"): the one person of the KB whose Japanese name ends with that surname.
_JA_HONORIFIC = compile_re(r"(?P<s>[ァ-ヴー]{2,10})(?:氏|報道官|長官|国務長官|大統領|司令官)$")


_JA_HONORIFIC_TOPIC = compile_re(
    r"(?<![ァ-ヴー])(?P<t>(?P<s>[ァ-ヴー]{2,10})(?:氏|報道官|長官|大統領|司令官))(?=は|が)"
)


@lru_cache(maxsize=1)
def _ja_surnames() -> dict[str, str | None]:
    """Katakana surname -> the claimant person so named in Japanese (None when shared)."""
    out: dict[str, str | None] = {}
    kb = claimant_index().kb
    for e in kb.entities if kb is not None else ():
        if e.type != "person" or "claimant" not in e.roles:
            continue
        for alias in e.aliases.get("ja", ()):
            m = re.search(r"([ァ-ヴー]{2,10})(?:氏|報道官|長官|大統領|司令官|総書記|書記)?$", alias)
            if m:
                s = m.group(1)
                out[s] = e.name if out.get(s, e.name) == e.name else None
    return out


def _ja_surname_person(surname: str) -> str | None:
    return _ja_surnames().get(surname)


def source_of(sent: str, lang: str, text: str = "") -> tuple[str | None, bool]:
    """(claimant, explicit). The claimant is None when the sentence names nobody; explicit
    is False for anaphoric attributions ("the agency said") that need the context."""
    idx = claimant_index()
    if lang == "ar" and _AR_DIACRITICS.search(sent):
        sent = _AR_DIACRITICS.sub("", sent)  # "صرّح" is "صرح": the words carry no vowels
    mentions = []
    found = idx.find(sent)
    for m in found:
        # A metonym inside a longer name ("Kyiv Post") or used as a place is no claimant.
        if m.metonym and (
            _located(sent, m, found)
            or (
                re.match(r"\s+[A-ZА-ЯІЇЄҐ]", sent[m.end : m.end + 3])
                and not SAY.match(sent, m.end + 1)
                # German capitalises every noun: "veröffentlichte Nordkorea Namen" is the
                # inverted subject of the verb before it, not a longer name.
                and not (lang == "de" and _SAY_BEFORE.search(sent, max(0, m.start - 30), m.start))
            )
        ):
            continue
        if m.metonym and m.start >= 2 and sent[m.start - 1] in "-‐" and sent[m.start - 2].isalpha():
            continue  # the second half of a hyphenated name: "Интерфакс-Украина", "RBC-Ukraine"
        if _DECLINE.match(sent[m.end : m.end + 60]):
            continue  # "Peskov declined to comment on reports that …"
        if m.metonym and any(
            not o.metonym
            and not o.person
            and o.claimant
            and 0 <= m.start - o.end <= 40
            and not re.search(r"[.;:\"“”«»]", sent[o.end : m.start])
            and not SAY.search(sent, o.end, m.start)
            for o in found
        ):
            # The country of an agency just named: "the NIS (…) of South Korea", "il
            # National Intelligence Service, il servizio segreto della Corea del Sud".
            continue
        if m.metonym and any(
            not o.metonym
            and (
                (o.claimant and re.fullmatch(r"['’]s\s+(?:\w+\s+){0,2}|\s+", sent[m.end : o.start]))
                # "アメリカCNNテレビ", "美國商業雜誌《富比士》": the country of an outlet or
                # agency written with it as one phrase.
                or _OWNER_CJK.fullmatch(sent, m.end, o.start)
            )
            for o in found
            if o.start >= m.end
        ):
            continue  # the owner of an agency named next: "South Korea's NIS", "Ukraine's GUR"
        mentions.append(m)
    if lang == "ja":
        # "ライダー氏は…と述べた": a katakana surname with an honorific as the topic names
        # the one claimant so called, as before "によると".
        for h in _JA_HONORIFIC_TOPIC.finditer(sent):
            person = _ja_surname_person(h.group("s"))
            if person is not None and not any(
                m.start < h.end("s") and h.start() < m.end for m in mentions
            ):
                mentions.append(Mention(h.start(), h.end("t"), person, True, False, True))
        mentions.sort(key=lambda m: m.start)
    best: tuple[float, Mention] | None = None
    claimant_named = any(m.claimant and not m.metonym for m in mentions)
    speakers: set[str] = set()  # claimants read as a speaker of the sentence

    def consider(score: float, m: Mention) -> None:
        nonlocal best
        m = _prefer_person(m, mentions, sent)
        if m.claimant and not m.metonym:
            speakers.add(m.name)
        if not m.claimant and (claimant_named or not _foreign_outlet(m.name, lang)):
            # Media and others only when no claimant is named; a foreign paper or
            # broadcaster the KB knows, with no claimant beside it, is as good a subject as
            # any ("アメリカCNNテレビは…と報じています").
            score -= 2
        if best is None or score > best[0]:
            best = (score, m)

    if mentions and mentions[0].start <= 2 and _HEADLINE.match(sent[mentions[0].end :]):
        consider(5, mentions[0])  # "Белый дом: …", "Pentagon: …"
    if (
        mentions
        and re.match(r"\s[-–—]\s*$", sent[max(0, mentions[-1].start - 3) : mentions[-1].start])
        and not sent[mentions[-1].end :].strip(" .\"”»'")
    ):
        consider(5, mentions[-1])  # a credit at the end: "… - südkoreanischer Geheimdienst"
    for m in mentions:
        # Fronted attribution whose alias carries its own marker: "За даними розвідки, …",
        # "Nach südkoreanischen Schätzungen …".
        if (
            m.claimant
            and re.match(r"^(?:за\s+даними\s+|nach\s+|according\s+to\s+)?$", sent[: m.start], _I)
            and re.match(
                r"(?i)(?:за\s+даними|\w+\s+(?:schätzungen|schätzung|angaben))", sent[m.start :]
            )
        ):
            consider(5, m)
    attribs = attributions(sent, lang)
    for a in attribs:
        after = [
            m
            for m in mentions
            if a.end() <= m.start <= a.end() + 60
            and (
                not re.search(r"[.;]\s|[,(]", sent[a.end() : m.start])
                # A title then the person: "Secondo il segretario della Difesa, Lloyd Austin,"
                or (m.person and re.fullmatch(r"[^.;,()]{0,60},\s*", sent[a.end() : m.start]))
            )
        ]
        if after:
            # "citing the NIS", "a briefing by the spy agency": the source relayed wins.
            relay = re.match(
                r"(?:cit|qui cite|brief|со ссыл|з посил|ссыла|посила|unter ber|after|و?نقل)",
                a.group(),
                _I,
            )
            # A place named as the source ("selon les agences de Kiev") yields to a
            # speaker who is the subject of a verb of saying in the same sentence.
            consider(3.9 if after[0].metonym and not relay else 6 if relay else 5, after[0])
    for mk in _CJK_MARKER.finditer(sent):
        before = [m for m in mentions if m.end <= mk.start() and mk.start() - m.end <= 12]
        if before:
            consider(5, before[-1])
        elif lang == "ja":
            honorific = _JA_HONORIFIC.search(sent, max(0, mk.start() - 16), mk.start())
            person = _ja_surname_person(honorific.group("s")) if honorific else None
            if person is not None:
                consider(5, Mention(honorific.start(), honorific.end(), person, True, False, True))
    says = [sv for sv in SAY.finditer(sent) if not _BEFORE_POSTPOSED.match(sent, sv.end())]
    # A Korean passive estimate ("추정되는") names no speaker: its topic is what is counted;
    # the estimate is still that of the source before.
    passive = [sv for sv in says if lang == "ko" and _KO_PASSIVE.match(sent, sv.end())]
    says = [sv for sv in says if sv not in passive]
    cjk = lang in _PARTICLE_LANGS
    # Chinese: no particles; the speaker stands right before the verb ("国情院表示").
    han = lang in lx.UNSPACED and not cjk
    if cjk:
        for m in mentions:
            if _KO_RELAY.match(sent[m.end : m.end + 16]) or _CJK_CITED.match(
                sent, m.end, m.end + 12
            ):
                consider(6, m)
    for sv in says:
        for m in mentions:
            if (
                m.end <= sv.start()
                and _in_quote(sent, m.start, sv.start())
                # A name in brackets of its own ("シンクタンク「戦争研究所」は", "«Коммерсант»")
                # is no quotation.
                and (sent[m.start - 1 : m.start], sent[m.end : m.end + 1]) not in _QUOTE_PAIRS
            ):
                continue  # a name inside the quoted words does not say them
            qc = _quote_close(sent, m.start) if m.end <= sv.start() else None
            if qc is not None and sv.start() < qc and any(0 < o.start() - qc <= 12 for o in says):
                # '« Le NIS, grâce à … l'agence (SBU), a confirmé … », indique le NIS': the
                # quotation's speaker, named after it, states the figure.
                continue
            if m.end <= sv.start():
                gap = sent[m.end : sv.start()]
                if han:
                    if len(gap) <= 12 and not re.search(r"[，,。；;：:「」“”\"]", gap):
                        consider(4 - 0.01 * len(gap), m)
                    continue
                if cjk:
                    ja = _JA_TOPIC.match(gap) if lang == "ja" else None
                    wa = ja is not None and ja.group().endswith("は")
                    if ja and not wa and _JA_ADNOMINAL.match(gap, ja.end()):
                        # "ウクライナ軍が越境攻撃したクルスク州": the subject of a clause
                        # describing a noun, not the speaker.
                        continue
                    if _KO_TOPIC.match(gap) and not (
                        # "정부 측은", "우크라이나 측은": a country's "side" speaks for it.
                        m.metonym and not re.match(r"\s*(?:측\s?)?(?:은|는|도|は|も)", gap)
                    ):
                        consider(4 - 0.01 * m.start, m)
                    elif ja and (
                        not m.metonym
                        # "ウクライナは11日、…と明らかにした": a country as the topic
                        # speaks for its government, unless a source was named before
                        # it ("…によると、北朝鮮は…").
                        or (
                            gap.startswith("は")
                            and not any(k.end() <= m.start for k in _CJK_MARKER.finditer(sent))
                        )
                    ):
                        # "Xは19日、…と明らかにした": a topic running on into the clause;
                        # the nearest one before the verb speaks, a は-topic before a が-
                        # subject, which may stand inside what is said ("…軍が…と").
                        # A country as topic yields to any named speaker.
                        top = 3.3 if m.metonym else 3.95 if wa else 3.9
                        consider(top - 0.0001 * len(gap), m)
                    elif _KO_SUBJ.match(gap) and (
                        # "러시아 측이 밝혔다": a country's "side" speaks for it.
                        not m.metonym
                        or re.match(r"\s*측\s?(?:이|가)(?=\s|$)", gap)
                        or (sent[m.end - 1] == "측" and re.match(r"(?:이|가)(?=\s|$)", gap))
                    ):
                        # "우크라이나군이 … 생포했다고 젤렌스키 대통령이 밝혔다": the subject
                        # nearest the verb of saying speaks.
                        consider(3.1 - 0.0001 * len(gap), m)
                    continue
                if _PASSIVE.match(sv.group()) or _PASSIVE_BEFORE.search(gap):
                    continue  # "численность армии … оценивается": no speaker
                if re.match(r"^\s*,[^,.;\"“”«»]{1,80},\s*$", gap) or (
                    gap.strip() == "," and sent[: m.start].rstrip().endswith(",")
                ):
                    # Appositive: "John Kirby, the White House spokesman, said";
                    # "El secretario de Estado, Antony Blinken, dijo".
                    consider(4, m)
                    continue
                if re.search(r"[.;]\s|[\"“”«»]|,\s*$", gap):
                    continue
                n = _words_between(_asides(lang).sub(" ", gap) if lang in _ASIDE_LANGS else gap)
                if n <= (1 if m.metonym else 4):
                    consider(4 - 0.01 * n, m)
                elif not m.metonym and m.start <= 2 and n <= 10 and "," not in gap:
                    consider(3.5, m)  # sentence-initial subject: "Umerov during a visit … said"
                elif (
                    m.metonym
                    and _ARTICLE_ONLY.fullmatch(sent, 0, m.start)
                    # (German perfect: the participle ends the clause, however long; else
                    # only an auxiliary or an adverb between: "North Korea had sent an
                    # estimated 11,000" has no speaker.)
                    and (n <= 2 or (lang == "de" and (n <= 6 or _DE_AUX.match(gap))))
                    and not re.search(r"[,;:]", gap)
                ):
                    # A country opening the sentence as its subject speaks for its
                    # government: "Russland hat im Juni angekündigt", "Die Ukraine hatte am
                    # Samstag … bekanntgegeben".
                    consider(3.3, m)
                elif (
                    not m.metonym
                    and n <= 12
                    and not re.search(r"\b(?:that|que|dass|что|що|which|who)\b", gap, _I)
                ):
                    consider(2, m)
            elif (
                not (cjk or han)
                and m.start >= sv.end()
                and m.start - sv.end() <= (90 if m.person else 60)
                and not _POSTPOSED.match(sv.group())
            ):
                # Inverted: '…," said Pentagon spokesperson Sabrina Singh.'
                gap = sent[sv.end() : m.start]
                if not m.person and any(
                    o.person and not o.metonym and sv.end() <= o.start and o.end <= m.start
                    for o in mentions
                ):
                    # The person named first after the verb is its subject ('…", afirmó
                    # Zelenski ante la Organización del Tratado … (OTAN)').
                    continue
                # A name in quotation marks ('وكشف النائب "باك سون وان"') is still the subject.
                if lang in _VERB_FIRST and not re.search(r"[.;:,،\"“”]", gap.rstrip(' "“”«')):
                    # Verb-first order: "قالت وكالة المخابرات … إن"
                    if _words_between(gap) <= 4:
                        consider(3.5 - 0.01 * _words_between(gap), m)
                    continue
                lead = sent[max(0, sv.start() - 6) : sv.start()]
                n = _words_between(gap)
                # A lead-in ending in a colon ("Besonders bemerkenswert: …") opens a clause.
                pre = sent[: sv.start()].rsplit(": ", 1)[-1]
                if (
                    lang == "de"
                    and _words_between(pre) <= 3
                    and n <= 3
                    and not re.search(r"[.;:,\"“”«»„]", pre + gap)
                ):
                    # Verb second: "Am Montag erklärte der ukrainische Militärgeheimdienst".
                    consider(3.5 - 0.01 * n, m)
                    continue
                if (
                    lang == "de"
                    and m.person
                    and n == 0
                    and not re.search(r"[;:\"“”«»„]", pre + gap)
                ):
                    # A person right after the verb is its subject, however long the
                    # fronted phrase: "Nach seinem Besuch am 17. Juni gab Schoigu … bekannt".
                    consider(3.4, m)
                    continue
                if (
                    lang in _TOPIC_FIRST
                    and not m.metonym
                    and n <= (6 if m.person else 2)
                    and not re.search(r"[.;:,\"“”«»„]", pre + gap)
                ):
                    # A fronted topic, then verb and subject: "О планах … сообщал ранее
                    # заместитель начальника ГУР Вадим Скибицкий", "Про це … заявив …".
                    consider(3.4 - 0.01 * n, m)
                    continue
                if (
                    m.person
                    and re.search(r"[\"”»]\s*,?\s*[-–—]?\s*$", lead)
                    and not re.search(r"[.;:\"“”«»]", gap)
                    and not any(o.person and sv.end() <= o.start < m.start for o in mentions)
                ):
                    # The quote's speaker, named after a title: '…", sagte der Sprecher des
                    # Sicherheitsrates, John Kirby'.
                    consider(3 - 0.001 * n, m)
                    continue
                if (
                    m.person
                    and re.search(r",\s*$", lead)
                    and re.fullmatch(r"[^.;:,\"“”«»„]{1,90},\s*", gap)
                    and not any(o.person and sv.end() <= o.start < m.start for o in mentions)
                ):
                    # A clause's speaker named after a title and a comma: '…, erklärte am
                    # Dienstag der Sprecher des Pentagons, Pat Ryder'. The person, not the
                    # office inside the title, speaks.
                    consider(3.3 - 0.001 * n, m)
                    continue
                # The name may carry its acronym: "informó el Instituto … (ISW)."
                end_ok = re.match(
                    r"^\s*(?:\([^()]{1,30}\)\s*)?(?:[^\W\d_][\w-]*\s+){0,4}?(?:[^\W\d_][\w-]*)?\s*(?:[,.;:\"”»)]|$)",
                    sent[m.end :],
                )
                if (
                    (
                        re.search(r"[,\"”»]\s*(?:[-–—]\s*)?$", lead)
                        # An object pronoun for what was said: "…: lo rivela il Servizio",
                        # "…, l'a déclaré le ministre", "…, это сообщил".
                        or _SAID_IT.search(sent, max(0, sv.start() - 12), sv.start())
                    )
                    and not re.search(r"[.;:,]", gap)
                    and (n <= (1 if m.metonym else 6))
                    # A person right after the verb speaks whatever follows ("…, afirmó
                    # Budanov durante una entrevista con …").
                    and (end_ok or (n == 0 and m.person))
                ):
                    consider(3.2 - 0.01 * n, m)
    if best is not None and best[0] >= 3 and best[1].metonym:
        own = _own_intelligence(sent, lang, best[1], attribs)
        if own is not None:
            return own, True
    joint = _joint_source(sent, lang, best[1] if best and best[0] >= 3 else None, attribs, says)
    if joint is not None:
        if joint.endswith(" lawmaker") and _briefed_by_intelligence(sent, lang, text):
            return next(iter(_AGENCIES)), True  # "a South Korean lawmaker, after a briefing"
        return joint, True
    if (best is None or best[0] < 3 or best[1].metonym) and _lawmaker_relays(
        sent, lang, text, [*says, *attribs]
    ):
        return next(iter(_AGENCIES)), True
    if best is not None and best[0] >= 3:
        relayed = _relayed_agency(sent, best[1], mentions, lang, text)
        if relayed is not None:
            return relayed, True
        if (
            not best[1].claimant
            and (_OUTLET.search(best[1].name) or best[1].name in media_names())
            and (
                # A claimant the sentence names as a speaker, not one it only mentions
                # ("《富比士》的說法 … 金正恩引以為傲的").
                best[1].name in wire_names() or bool(speakers)
            )
        ):
            # A news agency ("according to Yonhap", "共同通信によると") or an outlet relaying
            # someone the sentence names ("…, said Umerov, Interfax reports") is no claimant;
            # a broadcaster or paper that is the only source named ("CNN reported",
            # "according to a BBC report") states a figure of its own.
            return None, True
        return best[1].name, True
    if _ANAPHOR_MARKER.search(sent):
        return None, False
    if says or attribs:
        phrase = _claimant_phrase(sent, lang)
        if phrase:
            if _ANAPHOR.match(phrase):
                return None, False
            resolved = idx.resolve(phrase, lang)
            if resolved:
                return resolved, True
            titled = _titled_person(phrase, lang, sent, text)
            if titled:
                return titled, True
            return _expand_surname(phrase, text), True
        if best is not None and best[0] >= 2:
            # A weaker speaker (a quotation's, named after it) may still relay the NIS.
            relayed = _relayed_agency(sent, best[1], mentions, lang, text)
            return relayed or best[1].name, True
        return None, False
    return None, not passive


# A relative pronoun opening a clause about its antecedent, a few words before its verb.
_RELATIVE_OPEN = compile_re(
    r"(?i)\s*,\s*(?:qui|que|quien|quienes|che|il\s+quale|la\s+quale|which|who|der|die|"
    r"который|которая|которое|которые|який|яка|яке|які)\s+(?:[^\W\d_]+\s+){0,3}$"
)


def relative_speaker(t: str, num_start: int) -> str | None:
    """'… l'état-major interarmées, qui parle de 1 100 soldats', '… the JCS, which put the
    toll at 1,100': the claimant a relative clause's verb of saying stands for, when the
    figure is that verb's (within a few words of it)."""
    sv = None
    for m in SAY.finditer(t, max(0, num_start - 60), num_start):
        sv = m
    if (
        sv is None
        or _words_between(t[sv.end() : num_start]) > 5
        or re.search(r"[.;:]\s", t[sv.end() : num_start])
    ):
        return None
    rel = _RELATIVE_OPEN.search(t, max(0, sv.start() - 60), sv.start())
    if rel is None:
        return None
    named = [
        m
        for m in claimant_index().find(t[: rel.start() + 1])
        if m.claimant and rel.start() - 2 <= m.end <= rel.start() + 1
    ]
    return named[-1].name if named else None


# The verb of saying of a relative clause, then the noun words up to the figure it states.
_ADNOMINAL = {
    lang.code: compile_re(
        r"(?:" + "|".join(lang.attribution_adnominal) + r")"
        r"(?P<np>[^,，、。;；:：\"“”「」『』()（）0-9]{0,16})$"
    )
    for lang in languages()
    if lang.attribution_adnominal
}


def adnominal_source(t: str, lang: str, num_start: int) -> str | None:
    """'젤렌스키가 밝힌 사상자 수는 합참이 밝힌 1100명보다…': the subject of the verb of
    saying whose relative clause the figure's noun phrase carries is its claimant."""
    rx = _ADNOMINAL.get(lang)
    if rx is None:
        return None
    lo = max(0, num_start - 60)
    m = rx.search(t, lo, num_start)
    while m is not None:  # the verb nearest the figure: "X가 밝힌 수치는 Y가 밝힌 1100명"
        nearer = rx.search(t, m.start() + 1, num_start)
        if nearer is None:
            break
        m = nearer
    if m is None:
        return None
    before = t[lo : m.start()]
    found = claimant_index().find(before)
    if not found:
        return None
    last = found[-1]
    # The name right before its particle, a parenthesised acronym allowed: "합동참모본부(JCS)가".
    if not re.fullmatch(r"[)）]?\s*(?:[(（][^()（）]{1,12}[)）])?\s*", before[last.end :]):
        return None
    if last.metonym and _located(before, last, found):
        return None
    return last.name


def _titled_person(phrase: str, lang: str, sent: str, text: str) -> str | None:
    """'이 의원은 …라고 말했다': a surname with a title is the person of that surname named
    earlier in the passage (the nearest one); a lawmaker so named still relays the NIS
    when the passage names it (CLAIMS.md §5)."""
    rx = _TITLED_SURNAME.get(lang)
    m = rx.match(phrase.strip()) if rx else None
    if m is None or not text:
        return None
    at = text.find(sent[:40])
    before = text[:at] if at > 0 else ""
    surname = m.group("s")
    people = [
        x
        for x in claimant_index().find(before)
        if x.person
        and not x.metonym
        and (
            before[x.start : x.end].startswith(surname)
            if lang == "ko"
            else surname in before[x.start : x.end]
        )
    ]
    if not people:
        return None
    person = people[-1]
    if _LAWMAKER.search(m.group("t")) or person.name in lawmaker_names():
        at_start = Mention(0, len(phrase), person.name, person.claimant, False, True)
        agency = _relayed_agency(sent, at_start, claimant_index().find(sent), lang, text)
        if agency:
            return agency
    return person.name


def _claimant_phrase(sent: str, lang: str) -> str | None:
    """The claimant words when no known entity was found ("Miles Yu said")."""
    if lang == "ko":
        m = _PHRASE_KO.search(sent)
        # "지난 16일 …는": a date or place phrase, not a speaker; "또한 북한이 오는 12월":
        # a one-syllable verb stem before 는 is an adnominal ("coming"), not a name's topic.
        if m is None or re.search(r"\d", m.group("x")) or len(m.group("x").split()[-1]) < 2:
            return None
        return m.group("x")
    for rx in (_PHRASE_ACCORDING, _PHRASE_SUBJECT):
        m = rx.search(sent)
        if m:
            x = _clean_phrase(m.group("x"))
            if x:
                return x
    m = _PHRASE_INVERTED.search(sent)
    if m and m.end() >= len(sent.rstrip(" .\"”'")) - 2:
        x = _clean_phrase(m.group("x"))
        if x and (x[0].isupper() or _ANAPHOR.match(x)):
            return x
    return None


_NAME_PARTICLES = {
    "of",
    "de",
    "du",
    "des",
    "la",
    "le",
    "del",
    "von",
    "der",
    "van",
    "al",
    "el",
    "for",
    "the",
    "and",
    "y",
    "et",
    "und",
    "di",
    "da",
    "d'",
    "l'",
}


def _clean_phrase(x: str) -> str | None:
    x = x.strip(" \"“”'’«»()")
    x = re.split(
        r"\s+(?:that|who|which|in\s+a|on\s+\w+day|last|this|on|at|in|que|dass|"
        r"что|що)\s+",
        x,
    )[0]
    if _ANAPHOR.match(x):
        return x
    prev = None
    while prev != x:
        prev = x
        x = lx.CLAIMANT_NOISE.sub("", x).strip()
    x = re.sub(r"['’]s$", "", x).strip(" ,")
    # A name is capitalised: stop at the first lower-case word that is no particle
    # ("Bundesregierung inzwischen nach Russland…" -> "Bundesregierung").
    kept = []
    for w in x.split():
        if kept and w[:1].islower() and w.lower() not in _NAME_PARTICLES:
            break
        kept.append(w)
    x = " ".join(kept).strip(" ,")
    if len(x) < 2 or len(x) > 60 or not any(c.isupper() for c in x[:1]):
        return None
    if re.search(r"\d", x) or _NOT_A_NAME.match(x):
        return None  # "The", "Am Montag", "On 12 May": an article or a time, not a speaker
    return x


# Phrases that open a sentence without naming anyone: a bare article, a time adverbial,
# "the media" ("по данным СМИ": no named source).
_NOT_A_NAME = compile_re(
    r"(?i)^(?:the|a|an|this|that|these|those|it|there|der|die|das|le|la|les|el|los|las|il|lo|o|os|as)$|"
    r"^(?:сми|змі|media|medien|médias|medios|mídia|mídias)$|"
    r"^(?:am|im|vom|zum|on|in|at|en|au|el|il|no|na)\s+\w+$"
)


def _expand_surname(phrase: str, text: str) -> str:
    """'Yu' -> 'Miles Yu' when the full name appeared earlier in the text."""
    if " " in phrase or not phrase[:1].isupper() or not text:
        return phrase
    m = re.search(rf"\b((?:[A-Z][a-z]+\s+){{1,2}}){re.escape(phrase)}\b", text)
    if m and not re.match(r"(?:The|A|An|Mr|Mrs|Ms|Dr|In|On|At|But|And)\b", m.group(1)):
        return (m.group(1) + phrase).strip()
    return phrase


# --------------------------------------------------------------------------- location

_PLACES: list[tuple[re.Pattern[str], str]] = [
    (compile_re(rf"(?<![^\W\d_])(?:{frag})(?![^\W\d_])", _I), name)
    for frag, name in lx.PLACES_SPACED
] + [(compile_re(frag), name) for frag, name in lx.PLACES_CJK]
_PLACE_ANY = compile_re(
    lx.table({"x": [f for f, _ in lx.PLACES_SPACED]}, {"x": [f for f, _ in lx.PLACES_CJK]}), _I
)
_COUNTRY_PLACES = {"Russia", "Ukraine"}


@lru_cache(maxsize=64)
def _kb_place(name: str) -> str:
    idx = claimant_index()
    if idx.kb is not None:
        try:
            e = idx.kb.resolve(name, lang="en", type="place")
        except Exception:  # noqa: BLE001 - a KB bug must not break extraction
            e = None
        if e is not None:
            return e.name
    return name


_NOT_A_PLACE_AFTER = compile_re(r"(?i)^\s*(?:conflict|war|crisis|peace|talks|issue)\b")
_WAR_IN = compile_re(r"(?i)\b(?:war|conflict|invasion|fighting)\s+(?:in|against|on)\s+(?:the\s+)?$")


@lru_cache(maxsize=1024)
def _place_name(text: str) -> str | None:
    """Canonical name of a place as matched (cached: the same few places recur)."""
    return next((nm for rx, nm in _PLACES if rx.fullmatch(text)), None)


def places(sent: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, canonical name, locative) for each place named in a sentence."""
    out = []
    for m in _PLACE_ANY.finditer(sent):
        name = _place_name(m.group())
        if name is None:
            continue
        if name in _COUNTRY_PLACES and re.match(r"['’]s\b", sent[m.end() : m.end() + 3]):
            continue  # "Ukraine's military intelligence": an owner, not a place
        locative = bool(
            lx.LOC_PREP_BEFORE.search(sent[max(0, m.start() - 30) : m.start()])
        ) or bool(lx.LOC_PARTICLE_AFTER.match(sent[m.end() : m.end() + 8]))
        if _NOT_A_PLACE_AFTER.match(sent[m.end() : m.end() + 16]) or _WAR_IN.search(
            sent[max(0, m.start() - 24) : m.start()]
        ):
            locative = False  # "the Ukraine conflict", "the war in Ukraine"
        out.append((m.start(), m.end(), name, locative))
    return out


def location(
    sent: str,
    cands: list[tuple[int, int, str, bool]],
    num_start: int,
    np_end: int,
    limit_before: int = 0,
    limit_after: int | None = None,
) -> str | None:
    """The place named for the personnel: the first locative place after the number (within
    its stretch), else the nearest locative one before it."""
    after = [
        c for c in cands if c[0] >= np_end and c[3] and (limit_after is None or c[0] < limit_after)
    ]
    # A place before the number counts only within its clause ("…to Russia, a number that
    # could rise to 10,000" does not put the 10,000 in Russia).
    before = [
        c
        for c in cands
        if c[1] <= num_start
        and c[3]
        and c[0] >= limit_before
        and not re.search(r"[,;:]\s", sent[c[1] : num_start])
    ]
    pick = after[0] if after else (before[-1] if before else None)
    if pick is None:
        return None
    name = pick[2]
    if name in _COUNTRY_PLACES:
        # "Russia's Kursk region" / "러시아 쿠르스크": the specific place wins.
        for c in cands:
            if c[2] not in _COUNTRY_PLACES and abs(c[0] - pick[1]) <= 12:
                name = c[2]
                break
    return _kb_place(name)
