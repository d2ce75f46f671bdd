"""Troop-figure claims from text: numbers of North Korean personnel tied to the war.

Per sentence: a cheap prefilter (no digit and no number word -> skip), number grammar
(``numbers.py``), then for each number

1. exclusions: money, percentages, dates and years, ordinals, identifiers (F-16), times;
2. the unit: the personnel noun after (or, in Korean/Japanese/"a force of N", before) the
   number; shells, dollars, years and the like block the number; civilian workers are not
   claims unless described as military;
3. scope: the personnel must be North Korean, by a marker in the noun phrase (North Korean
   troops, 북한군, troops from North Korea), by the nearest owner in the clause, or by the
   sentence or the previous sentence being about North Korea; Russian, Ukrainian and mixed
   forces are dropped;
4. category: cue words (sent, killed, will send, -strong army…) are assigned to the
   nearest number in their clause; killed and wounded together make "casualties";
5. qualifier from the words around the number, claimant from attribution phrases resolved
   through the entity KB, location from a place after a locative preposition/particle.

Decisions the contract leaves open (they follow data/eval/README.md where it has one):

- Korean 여 / Japanese 余 (1만여 명) -> approx; 이상 / 以上 -> at_least; 넘는 / 超 -> more_than.
- "estimated" (추정, по оценке, schätzt, estime…) makes unhedged figures approx.
- "decided to send", "will/could send", "could rise to" -> planned; "may already be in
  position", "ready to be deployed", "training in Russia" -> deployed.
- A sentence without an attribution of its own (or with "the agency said", "それによりますと")
  takes the claimant of the previous sentence when that one was on the story.
- Context: North Korea named in the previous sentence (or a claim there) lets a figure
  with a personnel noun count ("They have sent about 3,000 more").
- Vague claims (figure_low null) share one novelty key per category (``claim_key``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from troopwatch.claims import lexicon as lx
from troopwatch.claims.claimants import (
    SAY,
    adnominal_source,
    attributions,
    claimant_index,
    is_outlet,
    joint_claimant,
    lawmaker_names,
    location,
    media_names,
    places,
    relative_speaker,
    source_of,
    wire_names,
)
from troopwatch.claims.languages import languages, spaced, unspaced
from troopwatch.claims.numbers import Num, find_numbers, fold, has_number
from troopwatch.claims.sentences import detect_lang, split_sentences
from troopwatch.regexes import compile_re

CATEGORIES = ("deployed", "planned", "casualties", "killed", "wounded", "captured", "force_size")
QUALIFIERS = ("exact", "approx", "at_least", "up_to", "nearly", "more_than", "vague")


@dataclass
class Claim:
    """One troop-figure claim (fields: docs/design.md's claims table; rules: docs/claims.md)."""

    figure_low: int | None
    figure_high: int | None
    qualifier: str
    category: str
    unit: str
    source: str
    location: str | None
    sentence: str
    lang: str
    # How clearly the sentence states it (0..1): see _confidence. Alerts may require a minimum.
    confidence: float = 1.0

    def to_dict(self) -> dict:
        return asdict(self)


def claim_key(category: str, figure_low: int | None, figure_high: int | None) -> str:
    """Novelty key: category plus figure. Qualifier and claimant are not part of it.

    ``deployed:12000``, ``deployed:10000-12000``; every vague claim of a category shares
    one key (``deployed:vague``), so "thousands of troops" raises an alert at most once.
    """
    if figure_low is None and figure_high is None:
        return f"{category}:vague"
    if figure_high is None or figure_high == figure_low:
        return f"{category}:{figure_low}"
    return f"{category}:{figure_low}-{figure_high}"


# --------------------------------------------------------------------------- compiled tables

_I = re.IGNORECASE


def _c(src: str, flags: int = _I) -> re.Pattern[str]:
    return compile_re(src, flags)


def _part(name: str, langs: list | None = None) -> list[str]:
    """One part of every registered language (``LanguageData``), in registry order."""
    return [f for lang in (languages() if langs is None else langs) for f in getattr(lang, name)]


def _any(name: str) -> str:
    """Alternation of a part's fragments, matched anywhere (stems). Filed by first
    letter (``lexicon.ordered``: the same matches as the plain alternation), so that at
    most places of a sentence one set test rejects them all."""
    return lx.ordered(_part(name))


def _bounded(name: str) -> str:
    """Alternation of a part's fragments: whole words in spaced languages (filed by first
    letter, as in ``_any``), anywhere in Korean/Japanese/Chinese text. The Korean/
    Japanese/Chinese fragments stay a bare alternation, in their order: ``_INCLUDING_END``
    appends to this source, and what it appends binds to the last of them."""
    src = r"\b(?:" + lx.ordered(_part(name, spaced())) + r")\b"
    cjk = _part(name, unspaced())
    return src + ("|" + "|".join(cjk) if cjk else "")


_NK = _c(lx.table({"x": lx.NK_SPACED}, {"x": lx.NK_CJK}) + "|(?-i:" + lx.NK_EXTRA + ")")
# The formation sent (Storm Corps) and the words that give its size: a figure sized so,
# with the formation named here or just before, is its force_size (CLAIMS.md §3).
_FORMATION = _c(lx.table({"x": lx.FORMATION_SPACED}, {"x": lx.FORMATION_CJK}))
_SIZE_WORD = _c(lx.table({"x": lx.SIZE_SPACED}, {"x": lx.SIZE_CJK}))
_OTHER = _c(
    lx.table({"x": lx.OTHER_OWNER_SPACED}, {"x": lx.OTHER_OWNER_CJK})
    + r"|(?-i:\b(?:US|U\.S\.|UK)(?=[\s-]))"
)
# A country as the subject that owns, loses or moves a force ("Russia has lost 600,000",
# "Росія зосередила на Курщині угруповання…"): at a clause start, or before such a verb.
_COUNTRY = _any("countries")
_COUNTRY_WORD = _c(rf"(?<![^\W\d_])(?:{_COUNTRY})(?![^\W\d_])")
_OTHER_SUBJECT = _c(
    rf"(?:^|[.;:]\s*)(?:{_COUNTRY})(?![^\W\d_])(?!['’]s)|"
    rf"(?<![^\W\d_])(?:{_COUNTRY}|the\s+us|america|china)\s+(?:has|have|had|lost|loses|suffered|"
    r"mobili[sz]ed|recruited|потеряла|потеряли|втратила|hat|verlor|a\s+perdu|perdió|ha\s+perdido)\b"
)
# A sentence-initial country alone (no verb of loss after it): "South Korea reported …".
_COUNTRY_ALONE = _c(rf"(?:^|[.;:]\s*)(?:{_COUNTRY})")
# An owner marker next to these is the claimant, not the owner ("Ukrainian intelligence").
_INSTITUTION = "|".join(_part("institutions", spaced()))
_INSTITUTION_AFTER = _c(
    rf"^\W{{0,3}}(?:\w+\s+)??(?:{_INSTITUTION})\b|"
    # "韓国軍の関係者", "한국군 관계자": the owner word names the claimant.
    r"^\s*(?:の|의)?\s*(?:" + "|".join(_part("institutions", unspaced())) + ")"
)
_INSTITUTION_BEFORE = _c(rf"\b(?:{_INSTITUTION})\W+(?:\w+\W+)?$")
_ATTRIB_SPAN = _c(
    lx.filed(
        r"(?:according\s+to|citing|per|selon|d['’]après|según|laut|nach\s+angaben|"
        r"de\s+acuerdo\s+con|по\s+данным|по\s+словам|за\s+даними|за\s+словами|согласно|"
        r"згідно\s+з)[^,.;:]*"
    )
)


def _units_regex() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str, str]]]:
    # Order matters (special forces before forces); compiled as one alternation (word
    # boundaries factored out, which keeps it fast), then the matched text is classified by
    # the first entry that matches it in full.
    spaced = [frag for frag, _, _ in lx.UNITS_SPACED]
    cjk = [frag for frag, _, _ in lx.UNITS_CJK]
    entries = [(compile_re(frag, _I), unit, kind) for frag, unit, kind in lx.UNITS_SPACED]
    entries += [(compile_re(frag, _I), unit, kind) for frag, unit, kind in lx.UNITS_CJK]
    src = (
        r"(?<![^\W\d_])(?:"
        + lx.ordered(spaced)
        + r")(?![^\W\d_])|"
        + lx.CJK_START
        + "(?:"
        + lx.ordered(cjk)
        + ")"
    )
    return compile_re(src, _I), entries


_UNIT_RX, _UNIT_ENTRIES = _units_regex()


@lru_cache(maxsize=4096)
def _classify_unit(text: str) -> tuple[str, str]:
    for rx, unit, kind in _UNIT_ENTRIES:
        if rx.fullmatch(text):
            return unit, kind
    return "", "block"


_CUE_TABLES = [
    ("casualties", lx.CASUALTIES_SPACED, lx.CASUALTIES_CJK),
    ("killed", lx.KILLED_SPACED, lx.KILLED_CJK),
    ("wounded", lx.WOUNDED_SPACED, lx.WOUNDED_CJK),
    ("captured", lx.CAPTURED_SPACED, lx.CAPTURED_CJK),
    ("planned", lx.PLANNED_SPACED, lx.PLANNED_CJK),
    ("deployed", lx.DEPLOYED_SPACED, lx.DEPLOYED_CJK),
    ("force_size", lx.FORCE_SPACED, lx.FORCE_CJK),
]
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (cat, _c(lx.table(sp, cjk))) for cat, sp, cjk in _CUE_TABLES
]
# Where any cue table matches: one scan of the sentence finds the few places where the
# tables are then tried one by one (instead of seven scans). A lookahead, so that it
# reports every such place, also inside or overlapping another cue. The few fragments
# that can start on any letter ("[^\W\d_]{2,}raient") are scanned for only when the
# sentence holds the text each must contain ("raient").
_ANYWHERE = dict.fromkeys(  # in table order: the hint below is the same in every process
    f
    for _, sp, _ in _CUE_TABLES
    for frags in sp.values()
    for f in frags
    if lx.starts_with_syntax(f) and lx.first_chars(f) is None
)


def _any_cue_at(keep) -> re.Pattern[str]:
    """Lookahead regex: where a cue fragment for which ``keep`` holds matches."""
    return _c(
        "(?="
        + lx.table(
            {c: [f for fs in sp.values() for f in fs if keep(f)] for c, sp, _ in _CUE_TABLES},
            {c: [f for fs in cj.values() for f in fs if keep(f)] for c, _, cj in _CUE_TABLES},
            any_order=True,
        )
        + ")"
    )


_ANY_CUE_AT = _any_cue_at(lambda f: f not in _ANYWHERE)
_ANYWHERE_CUE_AT = _any_cue_at(lambda f: f in _ANYWHERE)
_ANYWHERE_TEXTS = [lx.required_text(f) for f in _ANYWHERE]
_ANYWHERE_HINT = (
    _c("|".join(re.escape(x) for x in _ANYWHERE_TEXTS))
    if _ANYWHERE_TEXTS and None not in _ANYWHERE_TEXTS
    else None  # some fragment contains no fixed text: always scan for them
)
# Tie-break when two cues are equally near: the more specific category wins.
_CUE_RANK = {c: i for i, (c, _) in enumerate(_CUES)}
_CASUALTY_TYPES = ("casualties", "killed", "wounded", "captured")
# Casualty nouns ("losses", "casualties"): they count a number only when they are its noun
# or come before it ("losses of 3,000"); "11,000 troops … suffered losses" is no loss count.
_LOSS_WORD = _c(r"^(?:" + _any("loss_words") + r")$")
# Nouns for a North Korean force as a whole (not a contingent): its size is force_size.
_GENERAL_FORCE = _c(_any("whole_force_nouns"))
_WHOLE_SERVICE = _c(_bounded("whole_services"))
_RATE = _c(_bounded("rate_markers"))
_WHOLE_SERVICE_NEXT = _c(
    r"\s*(?:(?:of|de|des|di|da|do|dos|von|из|з|من)\s+)?(?:" + _bounded("whole_services") + ")"
)
_CASUALTY_NOUN = _c(r"^(?:" + _any("casualty_nouns") + r")$")

# Clause-internal split points for assigning cues between two numbers.
_COORD = _c(
    r",|;|:|，|；|،|\s[-–—]\s|\b(?:and|while|but|whereas|with|plus|including|и|а|но|і|та|й|але|"
    r"und|aber|während|sowie|et|mais|tandis|y|pero|mientras|además|e|ed|ou|ma|mentre|mas|"
    r"enquanto|بينما)\b|"
    r"(?<=[가-힣])(?:고|며|으며|이며|는데|지만)(?=\s)|、|。"
)
# Hard clause boundaries for the owner lookback.
_CLAUSE_BREAK = _c(
    r";|:|\s[-–—]\s|,\s*(?:while|but|whereas|although|as|and)\b|\bwhile\b|"
    r"\bwhereas\b|, а |, но |, але |, während|, alors que|, mientras|[.!?]\s|"
    # Japanese/Chinese clauses run on after 、/，: each is its own clause for ownership.
    r"、|，"
)
_HYPHEN = _c(r"^\s?[-‐–/]\s?$")
# Joint forces written as one compound in Korean/Japanese: 露朝合同部隊, 북러 연합군.
# "数百名俄罗斯和朝鲜士兵", "러시아 병사와 북한 병사", "ロシア兵と北朝鮮兵": both sides coordinated.
_RU_CJK = r"(?:俄罗斯|俄羅斯|俄军|俄軍|俄|러시아|러시아군|ロシア)"
_NK_CJK = r"(?:朝鲜|朝鮮|北韩|北韓|북한|北朝鮮)"
_MIXED_CJK = _c(
    r"(?:露朝|朝露|ロ朝|朝ロ|러북|북러|북·러|러·북|북-러|러-북|俄朝|朝俄|"
    # Both names joined by a middle dot: "ロシア・北朝鮮連合軍", "러시아·북한 연합군".
    rf"{_RU_CJK}\s?[・·/]\s?{_NK_CJK}|{_NK_CJK}\s?[・·/]\s?{_RU_CJK})"
    r"\s*(?:合同|連合|共同|混成|연합|합동|联合|聯合)?\s*"
    r"(?:部隊|軍|兵|연합군|부대|군|병력|연합|합동|部队|联军|聯軍)"
)
_MIXED_COORD_CJK = _c(
    rf"{_RU_CJK}\s*(?:士兵|军人|軍人|병사|兵士|兵|군)?\s*(?:和|与|與|及|와|과|및|と|や)\s*{_NK_CJK}|"
    rf"{_NK_CJK}\s*(?:士兵|军人|軍人|병사|兵士|兵|군)?\s*(?:和|与|與|及|와|과|및|と|や)\s*{_RU_CJK}"
)
# Both sides coordinated, then "made up of": "러시아군과 북한군으로 구성된",
# "ロシア兵と北朝鮮兵で構成された", "由俄罗斯和朝鲜士兵组成的".
_MIXED_COMPOSED_CJK = _c(
    rf"(?:{_MIXED_COORD_CJK.pattern})\s*(?:士兵|军人|軍人|병사|兵士|兵|군|部队|部隊)?\s*"
    r"(?:(?:으로|로)\s*(?:구성|편성|이뤄|이루어)|で構成|からなる|から成る|(?:组成|組成|构成|構成))"
)
_NK_ALSO_INCLUDED = _c(
    _NK_CJK + r"\s?(?:군|병력|병사|兵|兵士|軍)?\s?(?:도|も)\s?(?:포함|含ま|含む|含め)"
)
_INCLUDING = _c(_bounded("including"))
_INCLUDING_END = _c(_INCLUDING.pattern + r"\s*[,:]?\s*(?:[^\W\d_]+\s+){0,3}$")
_TOGETHER = _c(_bounded("together"))
# A total that includes North Koreans is a mixed force (CLAIMS.md §2): "a force of 50,000
# including North Korean soldiers", "北朝鮮兵を含む5万人", "包括朝鲜士兵在内的5万名".
_INCLUDES_NK_AFTER = _c(
    r"^\s*,?\s*(?:" + _INCLUDING.pattern + r")\s+(?:[^\W\d_]+\s+){0,3}?(?:" + _NK.pattern + ")"
)
_INCLUDES_NK_BEFORE = _c(
    r"(?:"
    + _NK.pattern
    + r")[^、。，,.]{0,10}?(?:を含む|を含めた|을\s?포함한|를\s?포함한|在内的|在內的)\W{0,2}$"
)
_CONJ = _c(
    r"^\s*,?\s*(?:and|und|et|y|и|і|та|й|or|oder|ou|o|와|과|と|및|или|або|as\s+well\s+as|"
    r"sowie|así\s+como|ainsi\s+que)\s*$"
)


def _quals() -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    before = []
    for q, per_lang in lx.QUAL_BEFORE.items():
        frags = [f for fs in per_lang.values() for f in fs]
        cjk = lx.QUAL_BEFORE_CJK.get(q, [])
        src = lx.words(frags)
        if cjk:
            src += "|" + lx.running(cjk)
        # A preposition or article may stand between the hedge and the number: "примерно
        # о тысяче", "superan las 4.000", "dépassent les 4 000".
        before.append(
            (
                q,
                _c(
                    rf"(?:{src})(?:\s+(?:inzwischen|bereits|schon|already|now|ya|déjà|désormais|"
                    rf"уже|вже))?(?:\s+(?:о|об|про|las|los|les|the|die|den|der))?"
                    rf"[\s\"“”'«»(]*$"
                ),
            )
        )
    after = []
    for q, frags in lx.QUAL_AFTER.items():
        after.append(
            (
                q,
                _c(
                    r"^[\s\"”»)]*(?:명|人|名|\s*[\u0621-\u064a]+)?(?:을|를|이|가|은|는|에|が|を|に|は)?\s*(?:"
                    + lx.raw(frags)
                    + r")(?![A-Za-zÀ-ÿА-Яа-яЁёІіЇїЄєҐґ])"
                ),
            )
        )
    return before, after


_QUAL_BEFORE, _QUAL_AFTER = _quals()
_BARE_TO = _c(r"(?<![^\W\d_])(?:до|hasta|auf)\s*$|(?<![가-힣])까지\s*$")
_INCREASE = _c(_any("increase_verbs"))
_ESTIMATE = _c(lx.ESTIMATE)
_HISTORICAL = _c(lx.filed(lx.HISTORICAL))
_MONTHS = _c(lx.words(lx.MONTHS))
_GENERIC = _c(
    lx.table(
        {x.code: list(x.generic_markers) for x in spaced()},
        {x.code: list(x.generic_markers) for x in unspaced()},
    )
)
_FORMATION_NOUN = _c(
    lx.table(
        {x.code: list(x.formation_nouns) for x in spaced()},
        {x.code: list(x.formation_nouns) for x in unspaced()},
    )
)


def _hedged(t: str, pos: int) -> bool:
    """A hedge right before ``pos`` ("rund", "about", "около"): a count, never a year."""
    return any(rx.search(t, max(0, pos - 30), pos) for _, rx in _QUAL_BEFORE)


def _historical(t: str) -> bool:
    """An earlier war or year named; a hedged "year" is a count ("rund 2000 von ihnen")."""
    return any(
        not (m.group()[:1].isdigit() and _hedged(t, m.start())) for m in _HISTORICAL.finditer(t)
    )


def _generic_size(t: str) -> bool:
    """'Ein Bataillon besteht in der Regel aus mehreren Hundert Soldaten': the size of a
    kind of unit, not of North Korean personnel (CLAIMS.md §2)."""
    g = _GENERIC.search(t)
    return g is not None and _FORMATION_NOUN.search(t) is not None


# "60 por ciento", "per cento", "pour cent": the hundred of a percentage is no figure.
_PER_HUNDRED = _c(r"(?:por|per|pour)\s+(?:ciento|cento|cent)$")
_CURRENCY_BEFORE = _c(r"(?:[$€£¥₩₽]|US\$|USD|EUR|KRW|RUB|UAH|A\$|C\$)\s*$")
_PERCENT_AFTER = _c(r"^\s*-?\s*(?:%|％|" + _any("percent_words") + ")")
_ORDINAL_AFTER = _c(
    r"^(?:(?:st|nd|rd|th|e|er|ère|ème|º|°|-?й|-?я|-?го|-?е|-?th)(?![^\W\d_])|"
    # Korean/Japanese/Chinese unit numbers take particles: "11군단이다", "第11军".
    r"군단|사단|여단|軍団|師団|旅団|军团|軍團|师|師|"
    # A regiment or brigade named by its number: "528工兵团", "第3旅".
    r"(?:工兵|炮兵|步兵|装甲|裝甲|特战|特戰|坦克)?(?:团|團|旅)(?![长長])|"
    # Rounds and ranks: "1차 수송" (the first transport), "두 번째", "2回目".
    r"차(?!량|례)|\s?번째|回目)"
)
_ORDINAL_BEFORE = _c(
    lx.filed(
        r"(?:제|第|no\.|nr\.|№|#|brigade|division|corps|resolution|regiment|régiment|"
        r"reggimento|regimiento|regimento|полк|полка|полку|الفوج|اللواء|الفرقة|الكتيبة|الوحدة|"
        r"article|paragraph|unit|flight|route|highway|room|page|chapter|"
        r"section|ward|district|building|rule)\s*$"
    )
)
# "number 5" names; "to number 40,000" (a verb after a modal or "to") and "troops now
# number 12,000" (a grouped figure: a head count, never a name) count.
_NUMBER_NAME_BEFORE = _c(
    r"(?<!to\s)(?<!may\s)(?<!will\s)(?<!could\s)(?<!would\s)(?<!might\s)number\s*$"
)
_DE_ORDINAL_AFTER = compile_re(r"\.\s+[A-ZÄÖÜ]")  # case matters: a noun follows
_ID_BEFORE = _c(r"[A-Za-zА-Яа-яЁёІіЇїЄєҐґ][-‐]?$")  # F-16, KN-23, Su27
_DATE_AFTER = _c(
    r"^\s*(?:년|年|월|月|일(?![가-힣])|日|г\.|гг\.|год\w*|рок\w*|р\.|yr|"
    r"years?\s+old|-year-old|-years?-old|a\.m\.|p\.m\.|am\b|pm\b|h\b|uhr|:\d|"
    r"세(?![가-힣])|歳|살)"
)
_AGE_BEFORE = _c(lx.filed(r"(?:aged|age|ages|ans|años|лет|років|alter|살|세)\s*$"))
_TIME_BEFORE = _c(r"(?:\d:|\d\.|\d/)$")
_SANCTIONS_BEFORE = _c(
    lx.filed(
        r"(?:sanction\w*|санкци\w*|санкці\w*|sanktion\w*|sancion\w*|制裁|제재)"
        r"\W+(?:\w+\W+){0,3}$"
    )
)
_SANCTIONS_AFTER = _c(
    r"^[^.;:]{0,60}?\b(?:to|on|onto|in)\s+(?:its|the|a)\s+(?:\w+\s+)?"
    r"(?:sanctions?|blacklist|black\s+list)\b"
)
_POPULATION_BEFORE = _c(
    lx.filed(
        r"(?:nation|country|population|people|state|inhabitants|населени\w*|"
        r"населення|bevölkerung|population|población|인구|人口)\s+(?:of\s+)?$"
    )
)
_POPULATION_CJK = _c(r"(?:인구|人口)\s*(?:는|은|が|は|약|約|およそ|\s)*$")
# Pay and rations per head: "1인당", "1人当たり", "per soldier".
_PER_HEAD_AFTER = _c(
    r"^\s*(?:인당|명당|人当たり|人あたり|名当たり|名あたり|人につき|"
    r"per\s+(?:soldier|head|person|man|fighter)|pro\s+(?:soldat|kopf|mann)|par\s+(?:soldat|tête|homme)|"
    r"por\s+(?:soldado|cabeza|hombre)|на\s+(?:человека|солдата|бойца|людину|бійця|військового))"
)
# "이 중 1명", "その1人", "うち1人": one of a group named before, not a figure of its own.
_PARTITIVE_ONE = _c(
    r"(?:이\s*중|그\s*중|이\s*가운데|그\s*가운데|이들\s*중|その|うち|このうち|そのうち)\s*$"
)
# A year written before a noun or after a time preposition: "2024 국방백서", "in 2024".
_YEAR_PREP = _c(
    r"(?<![^\W\d_])(?:in|since|by|until|till|during|from|before|after|of\s+the\s+year|im|seit|bis|"
    r"jahr|en|depuis|dans|desde|año|в|с|до|у|з|від|році|году)\s+$"
)
_CJK_COUNTER_NEXT = _c(r"\s?(?:여|余)?\s?(?:명|人|名)")
_CIVIL = _c(_any("civilian_words"))
_MILITARY_WORD = _c(_any("military_words"))
_POSSESSIVE_NK = _c(
    r"(?:north\s+korea" + lx.AP + r"s|pyongyang" + lx.AP + r"s|(?<![^\W\d_])its|"
    r"(?-i:the\s+North" + lx.AP + r"s)|북한의|北朝鮮の|кндр|nordkoreas|"
    r"de\s+(?:la\s+)?corée\s+du\s+nord|de\s+corea\s+del\s+norte)\s*(?:\w+\s+){0,1}$"
)
# "has 200,000 special forces": possession of a force, not a deployment.
_FRACTION_BEFORE = _c(
    r"(?:a\s+(?:third|quarter|half|fifth|tenth)|half|one\s+in\s+\w+|two-thirds|un\s+(?:tiers|quart|"
    r"cinquième|dixième)|la\s+moitié|deux\s+tiers|ein\s+(?:drittel|viertel|fünftel|zehntel)|"
    r"die\s+hälfte|un\s+(?:tercio|cuarto|quinto|décimo)|la\s+mitad|dos\s+tercios|треть|четверть|"
    r"половин\w*|трет\w+|чверт\w*|половин\w*)\s+(?:of\s+|des\s+|de\s+|der\s+|from\s+)?"
    r"(?:the\s+|its\s+|these\s+|those\s+|los\s+|las\s+|les\s+|la\s+|el\s+)?(?:\w+\s+)?$"
)
_HAS_BEFORE = _c(
    r"(?:\bhas|\bhave|\bpossesses|\bmaintains|\bboasts|\bfields)\s+"
    r"(?:an?\s+)?(?:estimated\s+|about\s+|around\s+|some\s+|roughly\s+|nearly\s+|"
    r"more\s+than\s+|over\s+)?$"
)
_SUBSET = _c(
    r"^\s*(?:of|из|з|із|von|de|des|del|du|sur|на|dei|degli|delle|dos|das|가운데|중)\s+"
    r"(?:the\s+|its\s+|those\s+|"
    r"these\s+|los\s+|las\s+|les\s+|den\s+|die\s+)?(?:\w+\s+){0,1}(?:de\s+)?$"
)
# A part named after its whole: "3,000 … killed or wounded, of whom 1,000 …", "из них",
# "davon", "이 중", "うち" ("including" and its kin are _INCLUDING_END).
_PART_AFTER = _c(r"(?:" + _bounded("partitive") + r")\s*[,:]?\s*(?:[^\W\d_]+\s+){0,3}$")
_PARTITIVE = _c(_bounded("partitive"))
_WORD = compile_re(r"[^\W_]+")
_PREP_GAP = _c(
    r"\b(?:by|in|on|at|for|over|within|during|since|until|after|before|per|a|an|from|last|next|past|"
    r"the|в|за|на|к|у|im|am|bis|seit|en|dans|depuis|par|durante|desde|hasta)\b"
)
_PARTICIPLE = _c(
    r"^(?:dead|killed|wounded|injured|blessés|tués|morts|heridos|muertos|tote|"
    r"toten|убитых|раненых|погибших|загиблих|поранених|вбитих|убитих)$"
)
# After "and" right behind a figure a participle is the next figure's verb ("killed 77 and
# wounded 40 …", "tué 30 et capturé 2 …"), not this figure's noun.
_VERB_AFTER_CONJ = _c(
    _PARTICIPLE.pattern[:-2] + r"|captured|capturés?|capturados?|catturati|feriti|uccisi|"
    r"feridos|mortos|gefangen\w*|взяли|взяты|захопили)$"
)
# What may follow a figure that has no noun of its own ("sent 10,000 to Russia", "3,000
# have been killed", "около 3 тысяч, из них…"): punctuation, a function word or a verb
# cue. Anything else is the noun being counted ("200 teams", "Fortune 500 company").
_ELLIPSIS_NEXT = _c(
    r"(?:\s*(?:[-–—,.;:!?)\]»”\"']|$)|\s+(?:" + "|".join(_part("after_figure_words")) + r")\b)"
)


_CONJ_WORD = _c(r"(?<![^\W\d_])(?:" + "|".join(_part("conjunctions", spaced())) + r")(?![^\W\d_])")
# The modifiers right after a noun, up to a clause break or the next figure: "trabajadores
# de construcción militar", "ouvriers militaires", "operai edili militari".
_NP_TAIL = _c(r"[^\W\d_]*(?:[\s-]+[^\W\d_]+){0,4}")


def _np_tail(t: str, end: int) -> str:
    m = _NP_TAIL.match(t, end, min(len(t), end + 40))
    return m.group() if m else ""


def _words_between(text: str) -> int:
    return len(_WORD.findall(text))


# --------------------------------------------------------------------------- numbers


@dataclass
class _Cand:
    num: Num
    unit: str
    unit_kind: str  # mil | nk | civ | count | none
    np_start: int
    np_end: int  # the personnel noun phrase, for scope and cue distance
    elliptical: bool
    unit_text: str = ""
    subset_of: int | None = None  # "2,000 of the 13,000 troops": index of the 13,000
    coord_of: int | None = None  # "killed 30 soldiers and wounded another 20": index of the 30
    part_of: int | None = None  # "3,000 killed or wounded, of whom 1,000 …": index of the 3,000
    noun_of: int | None = None  # "killed 77 and wounded 40 soldiers": index of the 40
    compared_of: int | None = None  # "2,000 killed, up from 600": index of the 2,000


# A figure fronted before its noun: "3,000: that is how many North Korean troops …",
# "12,000 — so many soldiers …".
_FRONTED_AFTER = _c(r"^\s*[:—–]\s*|^\s+-\s+")
# "put the number of North Korean troops in Russia at about 10,000", "l'effectif … à".
_NUMBER_OF = _c(
    r"(?:number|figure|total|count|strength|size|nombre|effectif\w*|número|numero|cifra|zahl|anzahl|"
    r"cantidad|quantidade|quantità|"
    r"stärke|число|численност\w*|количеств\w*|кількість|чисельн\w*|عدد)\s+(?:of\s+|de\s+|des\s+|"
    r"del\s+|der\s+|d['’]|для\s+)?(?P<np>[^.;:!?]{3,70}?)\s+(?:at|à|en|auf|bei|в|на|у|of|em|in|a|"
    # The figure as the predicate: "o número de mortos era de 600", "… já ultrapassou os
    # 3.000", "the number … exceeded 3,000", "عدد الضحايا تجاوز 3 آلاف".
    r"(?:era|é|foi|fue|es|était|est|was|is|are|were|stood\s+at|reached|exceeded|surpassed|topped|"
    # An estimate of the figure now: "the number … could be closer to 11,000".
    r"(?:could|may|might|would)\s+(?:now\s+)?be(?:\s+closer\s+to)?|"
    r"(?:já\s+)?ultrapassou|superou|atingiu|superó|alcanzó|superaba|dépass\w+|atteint|"
    r"superato|raggiunto|تجاوز|بلغ|يبلغ|ب)(?:\s+(?:de|os|as|los|las|les|a))?)\s+"
    r"(?:[^\W\d_]+\s+){0,2}$"
)
# Verb first (Arabic): "يبلغ عدد الجنود الكوريين الشماليين في روسيا 11 ألفا", "ارتفع عدد
# … إلى 12 ألفا": the number of X reaches N.
_NUMBER_OF_VSO = _c(
    r"(?:يبلغ|بلغ|وصل|يصل|ارتفع|يرتفع|تجاوز|يتجاوز|يقدر|قدر|قدّر)\s+عدد\s+(?P<np>[^.;:!?]{3,70}?)\s+"
    r"(?:(?:إلى|ب|بنحو|بحوالي|حوالي|نحو)\s+)?$"
)
# What personnel without a noun of their own will do: "1,000 will clear mines and 5,000
# will rebuild …" -> deminers, builders.
_ROLE_AFTER: list[tuple[str, re.Pattern[str]]] = [
    (
        "deminers",
        _c(
            r"clear(?:ing)?\s+(?:the\s+|of\s+)?(?:land\s*)?mines|demin\w*|mine[\s-]+clear\w*|"
            r"разминир\w*|розмінув\w*|minen\s+(?:zu\s+)?räumen|minenräum\w*|déminer|déminage|"
            r"desminar|desminado|지뢰\s?제거|地雷(?:除去|撤去)"
        ),
    ),
    (
        "builders",
        _c(
            r"rebuild\w*|reconstruct\w*|build\w*|construction|restor\w*|восстан\w*|отстр\w*|"
            r"строи\w*|відбуд\w*|відновл\w*|будува\w*|wiederaufbau\w*|wieder\s+aufbauen|aufbauen|"
            r"bauen|reconstruir\w*|reconstrucción|reconstruire|reconstruction|재건|복구|건설|再建|復旧|建設"
        ),
    ),
]
_ROLE_LEAD = _c(
    r"\s+(?:will|would|are\s+to|were\s+to|are\s+(?:expected|set|due)\s+to|to|sollen|werden|sollten|"
    r"vont|devraient|doivent|van\s+a|deberán|deberían|будут|должны|будуть|мають|повинні)\s+"
    r"(?:help\s+(?:to\s+)?|helfen\s+|aider\s+à\s+|ayudar\s+a\s+|помочь\s+|допомогти\s+)?"
)
_CONTRAST = _c(_bounded("contrast"))
_COMPARED = _c(_bounded("compared"))
_COORD_GAP = _c(
    r",|\b(?:and|und|et|y|e|и|і|та|й|а|while|whereas|plus|another|more|weitere\w*|ещё|еще|ще|"
    r"autres|otros|otras|ed|ou|altri|altre|outros|outras)\b|(?<=[가-힣])(?:고|며)(?=\s)|、|また|"
    r"さらに|추가로|，|另有|另"
)


# "19 and 27 years": a number paired with a second one whose noun is no head count.
_PAIRED_NUMBER = _c(
    r"^\s*(?:" + "|".join(_part("conjunctions")) + r")\s*\d[\d.,]*\s*(?P<noun>[^\W\d_]+)"
)


def _excluded(t: str, num: Num) -> bool:
    before = t[max(0, num.start - 24) : num.start]
    after = t[num.end : num.end + 16]
    if _CURRENCY_BEFORE.search(before) or _PERCENT_AFTER.match(after):
        return True
    if num.kind == "words" and _PER_HUNDRED.search(t, max(0, num.start - 24), num.end):
        return True
    if _ORDINAL_AFTER.match(after) or _ORDINAL_BEFORE.search(before):
        return True
    if _NUMBER_NAME_BEFORE.search(before) and not (num.grouped or num.scale > 1):
        return True
    if num.kind == "digits" and _DE_ORDINAL_AFTER.match(after):
        return True  # German ordinal inside a sentence: "das 11. Korps", "der 3. Welle"
    if num.kind == "digits" and _ID_BEFORE.search(before):
        return True
    if _DATE_AFTER.match(after) or _AGE_BEFORE.search(before) or _TIME_BEFORE.search(before):
        return True
    if num.kind == "digits" and _MEASURE_AFTER.match(after):
        return True  # "60mm mortars", "a 30 km front": a measure
    if _DURATION_AFTER.match(after):
        return True  # "a 120-day mission", "120-tägigen Einsatzes": a duration
    if re.match(r"/\d", after):
        return True  # "03/05": a date
    if (
        num.kind == "digits"
        and (num.low or 0) < 100
        and _AGE_IN_PARENS.search(before)
        and _PARENS_CLOSE.match(after)
    ):
        return True  # "리 씨(27)", "ペク氏（22）", "소총수(오른쪽·20)": an age after a name
    if re.match(r"\s*(?:분의|分の|分之)", after) or re.search(r"(?:분의|分の|分之)\s*$", before):
        return True  # "3분의 1", "3分の1": a fraction
    pair = _PAIRED_NUMBER.match(after)
    if pair and _classify_unit(pair.group("noun").lower())[1] == "block":
        return True  # "19 e 27 anni", "2 or 3 days": the noun after the pair counts both
    if _SANCTIONS_BEFORE.search(t[max(0, num.start - 40) : num.start]) or _SANCTIONS_AFTER.match(
        t[num.end : num.end + 90]
    ):
        return True
    if _POPULATION_BEFORE.search(before) or _POPULATION_CJK.search(before):
        return True
    if _PER_HEAD_AFTER.match(t[num.end : num.end + 30]):
        return True
    if num.low == 1 and num.high is None and _PARTITIVE_ONE.search(before):
        return True
    # Month name next to the number: "October 18", "18 October", "17. Oktober".
    if num.low is not None and num.low <= 31:
        wb = re.findall(r"[^\W\d_]+\.?", before)
        wa = re.findall(r"[^\W\d_]+", after)
        if wb and _MONTHS.fullmatch(wb[-1].rstrip(".")):
            return True
        if wa and _MONTHS.fullmatch(wa[0]) and re.match(r"^\.?\s", after):
            return True
    return False


_MEASURE_AFTER = _c(r"\s?(?:mm|cm|km|㎜|㎞|мм|км|ミリ|밀리)(?![^\W\d_])")
# A bare one- or two-digit number alone in brackets right after a name, or after a short
# label and a separator in them ("(왼쪽·26)"): news style for a person's age.
_AGE_IN_PARENS = _c(r"(?<=[^\W\d_])[(（](?:(?:[^\W\d_]{1,6}\s?){1,2}[·・,、]\s?)?$")
_PARENS_CLOSE = _c(r"\s?[)）]")
# A number joined to a unit of time: "120-day", "120-tägigen", "90-дневный", "3-month".
_DURATION_AFTER = _c(
    r"[-‐](?:days?|weeks?|months?|years?|hours?|tägig|wöchig|monatig|jährig|stündig|"
    r"дневн|денн|месячн|місячн|недельн|тижнев|часов|годин)"
)


def _is_year(num: Num) -> bool:
    return (
        num.kind == "digits"
        and not num.grouped
        and num.scale == 1
        and num.high is None
        and num.low is not None
        and 1950 <= num.low <= 2099
    )


_COUNTER_THEN_CASE = _c(
    r"\s?(?:여|余)?\s?(?P<c>명|人|名)(?:으로|로|이|가|은|는|을|를|과|와|が|は|を|と|で)(?:\s|$|,)"
)
_KO_BLOCK_COUNTER = _c(
    r"[ ]?(?:발|기|대|척|개|톤|달러|원|배|차례|km|킬로|년|개월|일|시간|%|퍼센트|"
    r"発|基|両|台|隻|個|トン|ドル|円|倍|回|年|か月|ヶ月|カ月|日|時間|キロ|"
    # Chinese counters of things, money, time and distance.
    r"枚|发|發|架|辆|輛|艘|门|門|个|吨|噸|美元|港元|元|毫米|公里|天|小时|小時|次|批|周|週|星期|"
    r"货柜|貨櫃|集装箱|集裝箱|萬發|万发|"
    # Areas and lengths: "4万2,400ヘクタール", "60mm", "300헥타르".
    r"ヘクタール|メートル|ミリ|헥타르|미터|밀리|mm|公顷|公頃|平方|"
    # Korean weeks ("3주 동안", "3주간", "2주째"), not "주둔" (stationed) after a bare number.
    r"주(?:간|일|째)?(?![가-힣]))"
)
# Officials, sources or lawmakers counted ("当局者2人", "당국자 2명", "两名美国官员"): the
# people who tell the news, never North Korean personnel.
_SOURCE_NOUNS_CJK = (
    r"(?:当局者|関係者|高官|外交官|消息筋|情報筋|議員|관리|당국자|관계자|소식통|의원|외교관|"
    r"官员|官員|消息人士|议员|議員|外交官|知情人士)"
)
_SOURCES_BEFORE_CJK = _c(_SOURCE_NOUNS_CJK + r"들?\s?$")
_SOURCES_AFTER_ZH = _c(r"\s?(?:名|位)[^\d，。,、和与與及兵军軍]{0,5}?" + _SOURCE_NOUNS_CJK)
_UNSPACED = frozenset(lx.UNSPACED)
# Languages written without spaces between words (word distance read in characters).
_CHAR_LANGS = frozenset(lang.code for lang in unspaced() if lang.script == "cjk")
# Arabic diacritics (tashkeel) and the tatweel: removed before matching words.
_ARABIC_MARKS = compile_re(r"[\u0640\u064b-\u065f\u0670]")


def _find_unit(t: str, num: Num, next_start: int, prev_end: int, lang: str) -> _Cand | None:
    """The personnel noun for a number, or None when the number counts something else."""
    if num.kind == "dual":
        unit, kind = _classify_unit(num.text.lower())
        return _Cand(num, unit, kind, num.start, num.end, False, num.text)
    cjk = lang in _UNSPACED
    if cjk and _KO_BLOCK_COUNTER.match(t, num.end):
        return None
    if cjk and _is_year(num) and not _CJK_COUNTER_NEXT.match(t, num.end):
        return None  # "2024 국방백서", "2024年": a year, not a head count
    if cjk and (
        _SOURCES_BEFORE_CJK.search(t, max(0, num.start - 8), num.start)
        or _SOURCES_AFTER_ZH.match(t, num.end)
    ):
        return None  # "米当局者2人が明らかにした", "两名美国官员说": the sources counted
    if (
        not cjk
        and not t[: num.start].strip(" \"“”«»'")
        and _FRONTED_AFTER.match(t[num.end : num.end + 4])
    ):
        # "3,000: that is how many North Korean troops …": the noun comes later.
        for m in _UNIT_RX.finditer(t, num.end, min(len(t), num.end + 120)):
            unit, kind = _classify_unit(m.group())
            if kind in ("mil", "nk"):
                return _Cand(num, unit, kind, num.start, m.end(), False, m.group())
            if kind == "block":
                break
    if not cjk and _OTHERS_AFTER.match(t, num.end):
        # "… and 2,700 others": the noun is the figure's before it (``_coordinate``).
        return _Cand(num, "", "none", num.start, num.end, True)
    if not cjk:
        lead = _ROLE_LEAD.match(t, num.end)
        if lead is not None:
            seg = t[lead.end() : min(next_start, lead.end() + 30)]
            for unit, rx in _ROLE_AFTER:
                m = rx.match(seg)
                if m:
                    return _Cand(
                        num, unit, "mil", num.start, lead.end() + m.end(), False, m.group()
                    )
    limit = min(next_start, num.end + (24 if cjk else 90))
    window = t[num.end : limit]
    # Stop at a clause end, but let "3,000-strong" and "N명의 병력" through.
    cut = re.search(r"[.;:!?()\[\]]\s|[;!?]|,\s|、|。|，|；|،", window)
    if cut:
        window = window[: cut.start()]
    after = None
    # "A Russian contingent of 12,000 fought beside North Korean troops": with a force noun
    # sized by the figure, a noun after a verb is another phrase's.
    force_of = not cjk and _FORCE_OF.search(t, max(prev_end, num.start - 70), num.start)
    for m in _UNIT_RX.finditer(window):
        unit, kind = _classify_unit(m.group())
        gap = window[: m.start()]
        if cjk:
            if kind == "block":
                continue  # Korean/Japanese counters count only right after the number
            cm = _COUNTER_THEN_CASE.match(gap)
            if cm is not None:
                # "2700여 명으로 사상자 수는 …": the counter was the noun; a case particle
                # closes the phrase, and the noun after it is another phrase's.
                unit, kind = _classify_unit(cm.group("c"))
                return _Cand(
                    num, unit, kind, num.start, num.end + cm.end("c"), False, cm.group("c")
                )
        else:
            n = _words_between(gap)
            # "10,000 North Korean troops", "12,000 of its soldiers"; a participle used as a
            # noun must follow at once ("100 killed", not "21 cities have been killed").
            # German extended attributes put a phrase and a participle between the number
            # and its noun ("30 auf russischer Seite kämpfende nordkoreanische Soldaten").
            extended = n <= 7 and kind in ("mil", "nk") and _EXTENDED_ATTR.search(gap)
            if (n > 4 and not extended) or (
                (n > 1 and _PARTICIPLE.match(m.group()))
                or (n == 1 and _CONJ_WORD.search(gap) and _VERB_AFTER_CONJ.match(m.group()))
            ):
                break  # "killed 77 and wounded 40": the participle is the next figure's verb
            if force_of and n and _has_cue(gap):
                break
            if kind == "block" and (n > 2 or _PREP_GAP.search(gap)):
                continue  # "15,000 by early next year": the year is not what is counted
        if kind == "count":
            # A person counter: look on for "의 병력"/"の兵士"/"people, soldiers…".
            if after is None:
                after = (m, unit, kind)
            if (
                cjk
                and not re.match(
                    r"\s*(?:여|余)?\s*(?:이상|이하|以上|以下|超|近く|あまり|余り)?\s*"
                    r"(?:규모|정도|가량|수준|規模|程度|规模)?\s*(?:의|の|的)",
                    window[m.end() :],
                )
                and not re.search(r"(?:의|の)$", m.group())
            ):
                break  # "공병 1천명과 건설인력 5천명": the next noun is another figure's
            continue
        if after is None or after[2] == "count":
            after = (m, unit, kind)
        break
    if not cjk and (after is None or after[2] == "block"):
        strong = _STRONG_AFTER.match(t, num.end)
        if strong is not None:
            # "a 12,000-strong corps": the formation is sized in personnel.
            return _Cand(num, "troops", "mil", num.start, strong.end(), False, strong.group("n"))
    if after is not None and after[2] == "block":
        return None
    if after is not None and after[2] in ("mil", "nk", "civ", "weak"):
        m = after[0]
        return _Cand(num, after[1], after[2], num.start, num.end + m.end(), False, m.group())
    # Before the number: "북한군 1만 명", "兵士約1万人", "a force of 10,000", "its special
    # operations forces are estimated at about 200,000".
    bstart = max(prev_end, num.start - (16 if cjk else 70))
    bwin = t[bstart : num.start]
    last = None
    for m in _UNIT_RX.finditer(bwin):
        last = m
    if last is not None:
        unit, kind = _classify_unit(last.group())
        gap = bwin[last.end() :]
        for _, rx in _QUAL_BEFORE:
            # A hedge right before the number is no preposition of the noun before it:
            # "last month and at least 2,700 others" ("at" is the hedge's).
            h = rx.search(gap)
            if h is not None:
                gap = gap[: h.start()]
                break
        if cjk:
            close = len(gap.strip()) <= 8 and not re.search(r"[,、。]", gap)
        else:
            n = _words_between(gap)
            close = (
                n <= 3
                and not _PARTICIPLE.match(last.group())
                and re.search(
                    r"\b(?:of|numbering|number|totall?ing|at|reaching|to|из|з|de|von|от|в|у|en|à|a)"
                    r"\W*(?:\w+\s+){0,2}$|^\W*$",
                    gap,
                    _I,
                )
                is not None
            ) or (
                n <= 6
                and re.search(
                    r"\b(?:are|is|was|were|stand|stood|stands|number|numbered|"
                    r"numbering|total|totall?ed|reached|reach|estimated|put|"
                    r"составля\w*|составил\w*|станови\w*|beträgt|betrug|"
                    r"s['’]élève\w*|asciende\w*|cifra\w*)\b",
                    gap,
                    _I,
                )
                is not None
                and not re.search(r"[.;,]", gap)
            )
        if (
            close
            and not cjk
            and _PREP_END.search(gap)
            and _WORD_NEXT.match(t, num.end)
            and not (_ELLIPSIS_NEXT.match(t, num.end) or _next_is_cue(t, num.end))
        ):
            # "a force of 3 nations", "les forces de 2 pays": the word after the figure is
            # what it counts (no person), not the force noun before it.
            close = False
        if close and kind in ("mil", "nk", "civ", "weak"):
            return _Cand(num, unit, kind, bstart + last.start(), num.end, False, last.group())
        if close and kind == "block" and not cjk:
            return None
    if not cjk:
        nb = _NUMBER_OF.search(t, max(prev_end, num.start - 120), num.start) or (
            _NUMBER_OF_VSO.search(t, max(prev_end, num.start - 120), num.start)
        )
        if nb is not None:
            for m in _UNIT_RX.finditer(t, nb.start("np"), nb.end("np")):
                unit, kind = _classify_unit(m.group())
                if kind in ("mil", "nk"):
                    return _Cand(num, unit, kind, nb.start("np"), num.end, False, m.group())
    force_noun = _FORCE_OF.search(bwin)
    if force_noun and not (_ELLIPSIS_NEXT.match(t, num.end) or _next_is_cue(t, num.end)):
        # "a force of 12,000 to Russia", "численностью 11 тысяч прибыли": the figure ends
        # the phrase. A word after it that names no person is what is counted ("ein
        # Kontingent von 3 Schiffen", "Les forces de 2 pays").
        force_noun = None
    if force_noun:
        return _Cand(num, "troops", "mil", bstart + force_noun.start(), num.end, False)
    if after is not None and after[2] == "count":
        return _Cand(
            num, after[1], "count", num.start, num.end + after[0].end(), False, after[0].group()
        )
    if not cjk and _ESTIMATE_LEAD.search(t, max(prev_end, num.start - 60), num.start):
        # "raising the earlier estimate of 3,000", "stimato in 1.500", "estimaram seus
        # números em 10.000": an estimate counts the personnel the sentence names.
        unit = _sentence_unit(t, None)
        if unit is not None:
            return _Cand(num, unit, "mil", num.start, num.end, False, "")
    return _Cand(num, "", "none", num.start, num.end, True)


# A force noun sized by the figure after it: "a force of 12,000", "un contingente de unos
# 11.000", "um contingente com cerca de", "una forza di circa", "контингент численностью",
# "قوة قوامها نحو": the figure counts the force's personnel.
_FORCE_OF = _c(
    r"(?<![^\W\d_])(?:forces?|contingents?|deployment|army|corps|group|grouping|unit|korps|truppen?|"
    r"kontingent|verband|угруповання|группировк\w*|контингент\w*|корпус\w*|"
    r"fuerzas?|contingentes?|contingenti|cuerpo|forza|forze|corpo|força|forças|"
    r"groupes?|قوة|قوات|وحدة|"
    # "a total of 15,000", "de um contingente total de 15.000", "sobre un total de".
    r"total|totale)\s+(?:total\s+|totale\s+)?"
    r"(?:of|численностью|чисельністю|из|з|із|von|mit|de|di|da|con|com|قوامها|قوامه|يبلغ\s+قوامها|"
    r"fort(?:e|s|es)?\s+de|forte\s+di|fuerte\s+de|forte\s+de)\s+(?:\w+\s+){0,2}$"
)
_PREP_END = _c(r"(?<![^\W\d_])(?:of|de|d['’]|von|di|da|из|з|от|від)\s*$")
_WORD_NEXT = _c(r"\s+[^\W\d_]")


def _next_is_cue(t: str, pos: int) -> bool:
    """Does a predicate start at the next word ("численностью 11 тысяч прибыли")?"""
    m = re.match(r"\s+", t[pos : pos + 4])
    nxt = t[pos + m.end() : pos + 60] if m else ""
    return bool(nxt) and any(rx.match(nxt) for _, rx in _CUES)


def _has_cue(t: str) -> bool:
    """Is there a predicate of any category in ``t``?"""
    return any(rx.search(t) for _, rx in _CUES)


# "a 12,000-strong corps/unit/contingent": the formation's noun after "-strong" (a block
# noun on its own) is sized in personnel.
_STRONG_AFTER = _c(
    r"[-‐\s]strong\s+(?:\w+\s+){0,2}?(?P<n>corps|units?|formations?|contingents?|"
    r"forces?|groups?|brigades?|divisions?|detachments?|battalions?|regiments?|army)\b"
)


# An estimate and its preposition before a figure with no noun ("estimate of", "stimato
# in", "estimaram … em", "geschätzt auf", "оценивает в"), hedges allowed after it.
_ESTIMATE_LEAD = _c(
    r"(?:" + lx.ESTIMATE + r")\s+(?:[^\W\d_]+\s+){0,3}?(?:of|at|in|en|em|à|a|auf|на|в|у|de|di)"
    r"\s+(?:(?:at\s+least|more\s+than|about|around|some|roughly|au\s+moins|environ|circa|cerca\s+de|"
    r"mindestens|etwa|rund|около|alrededor\s+de|unos|pelo\s+menos|almeno|quasi|quase|près\s+de)\s+)?$"
)


@lru_cache(maxsize=64)
def _places(t: str) -> tuple[tuple[int, int, str, bool], ...]:
    return tuple(places(t))


def _owner_is_source(t: str, sp: tuple[int, int]) -> bool:
    """'Ukrainian intelligence', 'renseignement militaire ukrainien', 'according to Russian
    officials': a claimant, not the owner of the personnel."""
    if _INSTITUTION_AFTER.match(t[sp[1] : sp[1] + 40]):
        return True
    if _INSTITUTION_BEFORE.search(t[max(0, sp[0] - 40) : sp[0]]):
        return True
    sv = SAY.search(t, sp[1], sp[1] + 30)
    if sv and re.fullmatch(
        r"\s+(?:(?:has|have|had|hat|haben|a|ha|han|hanno)\s+)?", t[sp[1] : sv.start()]
    ):
        return True  # "South Korea reported 1,000 casualties": the country speaks
    return any(a.start() <= sp[0] and sp[1] <= a.end() for a in _ATTRIB_SPAN.finditer(t))


# The army a force is sent to help is not its owner: "to support Russian troops",
# "ロシア軍を支援する", "لدعم الجيش الروسي", "aux côtés des forces russes".
_SUPPORT_BEFORE = _c(
    r"(?<![^\W\d_])(?:"
    + "|".join(_part("support_words", spaced()))
    + r")\s+(?:(?:of|the|des|de|la|les|del|der|den|dem|a|al|da|do|das|dos|"
    r"della|delle|dei|degli|alle|ai)\s+|[dl]['’])*(?:[^\W\d_]+\s+)?$"
)
_SUPPORT_AFTER = _c(
    r"^\s*(?:を|에|을|를|의)?\s*"
    # The war or fighting helped may stand between: "ロシアの戦闘を支援", "러시아의 전쟁을 지원".
    r"(?:(?:の|의|的)?\s*(?:戦闘|戦争|作戦|侵攻|戦争努力|전쟁|전투|작전|침공|战争|戰爭|作战|作戰)\s*"
    r"(?:を|을|를)?\s*)?"
    r"(?:" + "|".join(_part("support_words", unspaced())) + ")"
)


def _supported(t: str, sp: tuple[int, int]) -> bool:
    """Is the owner at ``sp`` the force being helped rather than the one sent?"""
    return bool(
        _SUPPORT_BEFORE.search(t[max(0, sp[0] - 40) : sp[0]])
        or _SUPPORT_AFTER.match(t[sp[1] : sp[1] + 12])
        or _SIDE_AFTER.match(t, sp[1])
        or _SIDE_BEFORE.search(t, max(0, sp[0] - 24), sp[0])
    )


# Fighting on a side: "auf russischer Seite", "on the Russian side", "du côté russe", "del
# lado ruso", "dalla parte russa", "на стороне России": that side is helped, not the owner.
_SIDE_AFTER = _c(r"\s+(?:seite|side)(?![^\W\d_])")
_SIDE_BEFORE = _c(
    r"(?<![^\W\d_])(?:côté|lado|parte|стороне|боці)\s+(?:de\s+|del\s+|della\s+|da\s+)?$"
)


_TOPIC_PARTICLE = _c(r"\s*(?:은|는|이|가|は|が)")


def _is_located(t: str, sp: tuple[int, int]) -> bool:
    """Destinations are not owners: "to Russia", 러시아에, ロシアに; nor is a country
    naming where a place is: "ロシアのクルスク地域", "Russia's Kursk region"."""
    if re.match(r"(?:에|로|으로|に|へ|で)", t[sp[1] : sp[1] + 2]):
        return True
    if any(
        sp[1] <= ps <= sp[1] + 3 and not _TOPIC_PARTICLE.match(t, sp[1], ps)
        for ps, _, _, _ in _places(t)
    ):
        return True  # "Russia's Kursk region"; not "러시아군은 쿠르스크에" (the subject)
    if _PLACE_NOUN_BEFORE.search(t, max(0, sp[0] - 24), sp[0]) or _PLACE_NOUN_AFTER.match(t, sp[1]):
        return True  # "desminar el territorio ruso", "das russische Gebiet": a place
    return bool(lx.LOC_PREP_BEFORE.search(t[max(0, sp[0] - 30) : sp[0]]))


# An attack, offensive or incursion after a country: the country is the attacker, not the
# owner of the personnel ("우크라이나의 공격으로 망가진", "an incursion by Ukraine").
_EVENT_AFTER = _c(
    r"\s*(?:의\s*|の\s*|的\s*|が\s*|가\s*|이\s*)?(?:越境|기습|大規模)?"
    # The side that holds or held a place is no owner: "ウクライナが一時占領したクルスク".
    r"(?:(?:一時(?:的に)?|한때|一度|曾)?\s*(?:占領|점령|占领|佔領|制圧|장악)|"
    r"공격|침공|반격|공세|攻撃|侵攻|反攻|进攻|進攻|入侵|"
    r"(?:attacks?|offensive|incursion|invasion|counter-?offensive|атак\w*|наступ\w*|вторжени\w*|"
    r"angriff\w*|ofensiva|attacco|incursione|ataque|هجوم)(?![^\W\d_]))"
)


def _attacker(t: str, sp: tuple[int, int]) -> bool:
    return _EVENT_AFTER.match(t, sp[1]) is not None


# A country adjective of a place noun names a place, with or without a preposition.
_PLACE_NOUN_BEFORE = _c(
    r"(?<![^\W\d_])(?:territ(?:ory|orio|ório|oire|orium)|sol|suelo|suolo|solo|terreno|région|región|"
    r"regione|região|oblast|gebiet|территори\w+|територі\w+)\s+$|"
    # Arabic adjectives follow the noun, with a place name or another adjective between:
    # "منطقة كورسك الروسية", "الحدود الروسية الأوكرانية", "الأراضي الروسية"; so do a war's
    # ("المجهود الحربي الروسي", "الحرب الروسية"): no owner of personnel.
    r"(?<![^\W\d_])(?:ال)?(?:أراضي|أرض|حدود|منطقة|مقاطعة|إقليم|جبهة)(?:\s+[^\W\d_]+){0,2}\s+$|"
    r"(?<![^\W\d_])(?:المجهود\s+الحربي|الحرب|الغزو|العدوان|الهجوم)\s+$"
)
_PLACE_NOUN_AFTER = _c(
    r"\s+(?:territory|soil|region|oblast|gebiet\w*|territorium|boden|территори\w+|"
    r"територі\w+)(?![^\W\d_])"
)


def _mixed(
    t: str, s: int, e: int, nk_spans: list[tuple[int, int]], other_spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """'Russian and North Korean troops', 'russes et nord-coréens', '러시아군과 북한군':
    the North Korean halves of owner pairs joined by a conjunction inside [s, e)."""
    out = []
    for o in other_spans:
        if not (s <= o[0] and o[1] <= e) or _owner_is_source(t, o):
            continue
        for n in nk_spans:
            if not (s <= n[0] and n[1] <= e):
                continue
            a, b = (o, n) if o[1] <= n[0] else (n, o)
            if a[1] <= b[0] and (_CONJ.match(t[a[1] : b[0]]) or _HYPHEN.match(t[a[1] : b[0]])):
                out.append(n)  # "Russian and North Korean", "Russian-North Korean"
    return out


# The agent of a passive ("captured by Ukrainian forces", "被乌军抓获", "von ukrainischen
# Truppen gefangen genommen"): the side that acts on the personnel, not their owner.
_AGENT_BEFORE = _c(
    r"(?:被|遭到?|為|为)\s*$|(?<![^\W\d_])(?:by|von|par|por|pel[oa]s?|dall[aeo]|dai|dagli|dal|"
    r"від|من\s+قبل)\s+(?:(?:the|les|las|los|la|el|den|der|die|des)\s+)?$"
)
# "troops from North Korea", "военных из КНДР": the from-phrase after a noun.
_FROM_TAIL = _c(
    r"(?:\s*(?:from|of|de|du|des|del|aus|из|з|із|od|von|da|dalla|della|dal|do|dos|من)\s+"
    r"(?:the\s+|la\s+|el\s+)?"
    r"(?:\w+\s+){0,1}"
    # A genitive army noun with no preposition: "двух солдат армии КНДР".
    r"|\s+(?:армии|армії|войск|військ|der\s+armee|der\s+streitkräfte)\s+)?"
)
_CLAUSE_STOP = _c(r"[,.;:!?]\s|[;!?]|$")


@lru_cache(maxsize=128)
def _says(rx: re.Pattern[str], t: str) -> bool:
    """Whether ``rx`` occurs in the sentence: searched once per sentence, not per number."""
    return rx.search(t) is not None


# Up to here a scan per number is cheaper than a cached one per sentence; beyond it (long
# lists of figures) the cached scan keeps the sentence linear.
_SHORT_SCAN = 400


@lru_cache(maxsize=128)
def _spans(rx: re.Pattern[str], t: str) -> tuple[tuple[int, int], ...]:
    """Matches of ``rx`` over the whole sentence, found once (not once per number)."""
    return tuple(m.span() for m in rx.finditer(t))


def _spans_before(rx: re.Pattern[str], t: str, pos: int) -> list[tuple[int, int]]:
    """The matches of ``rx.finditer(t, 0, pos)``. Far into a long sentence they come from
    the sentence's one cached scan: the same matches, since a match ending at ``pos`` only
    reads past it through a lookaround or \\b when a word (or an apostrophe) touches
    ``pos``; then, as near the start, ``t`` is scanned up to ``pos``."""
    if pos <= _SHORT_SCAN or t[pos - 1].isalnum() or t[pos - 1] in "_'’":
        return [m.span() for m in rx.finditer(t, 0, pos)]
    spans = _spans(rx, t)
    return list(spans[: bisect_right(spans, pos, key=lambda sp: sp[1])])


@lru_cache(maxsize=256)
def _clause_start(t: str, pos: int) -> int:
    """Start of the clause holding ``pos``: the end of the last hard break before it
    (cached: the rules ask it again and again for the figures of one sentence)."""
    before = _spans_before(_CLAUSE_BREAK, t, pos)
    return before[-1][1] if before else 0


_CJK_END = _c(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]$")


def _own_owner_cjk(t: str, num_end: int, np_e: int, sp: tuple[int, int]) -> bool:
    """The owner of the figure's own noun after it ("数万人のロシア軍", "수만 명의 러시아군")."""
    return (
        num_end <= sp[0]
        and _CJK_CHAR.search(t, sp[0], sp[1]) is not None
        and (sp[0] < np_e or _OWN_GENITIVE.fullmatch(t, np_e, sp[0]) is not None)
    )


_OWN_GENITIVE = _c(r"\s?(?:の|의|的)?\s?")


def _scope(
    t: str,
    cand: _Cand,
    nk_spans: list[tuple[int, int]],
    other_spans: list[tuple[int, int]],
    ctx_nk: bool,
) -> bool:
    """Are these personnel North Korean (and only North Korean)?"""
    num = cand.num
    np_s, np_e = cand.np_start, cand.np_end
    # Tail "troops from North Korea", "военных КНДР", "soldats russes et nord-coréens".
    tail = _FROM_TAIL.match(t, np_e)
    tail_len = tail.end() - np_e if tail else 0
    tail_e = np_e + tail_len + 30
    clause_s = _clause_start(t, num.start)
    nk_np = [
        sp
        for sp in nk_spans
        if sp[0] >= np_s
        and sp[0] < min(tail_e, len(t))
        and (sp[0] < np_e or not re.search(r"[,.;:、，]", t[np_e : sp[0]]))
    ]
    nk_np = [sp for sp in nk_np if sp[0] < np_e or sp[0] - np_e <= tail_len + 3]
    other_np = [
        sp
        for sp in other_spans
        if np_s <= sp[0]
        and sp[0] < np_e + 30
        and (sp[0] < np_e or not re.search(r"[,.;:、，]", t[np_e : sp[0]]))
        and (sp[0] < np_e or sp[0] - np_e <= tail_len + 3 or _CONJ.match(t[np_e : sp[0]]))
        and not _owner_is_source(t, sp)
        # "数万人のロシア軍とともに": the side helped, but its own figure.
        and not (_supported(t, sp) and not _own_owner_cjk(t, num.end, np_e, sp))
        and not (sp[0] > np_s and _is_located(t, sp))  # "… en territorio ruso …": a place
        and not _attacker(t, sp)
        and not _AGENT_BEFORE.search(t, max(0, sp[0] - 16), sp[0])
    ]
    # "Russia's 600,000 troops": a possessive owner right before the number.
    pre = t[max(clause_s, np_s - 24) : np_s]
    pre_other = bool(re.search(r"(?:russia|ukraine|kyiv|moscow)['’]s\s*(?:\w+\s+)?$", pre, _I))
    if np_s < num.start and not cand.elliptical and cand.unit_kind != "nk":
        # "a Russian force numbering 50,000", "a Russian contingent of 12,000", "俄军部队":
        # the owner adjective of a noun sized by the figure after it (also after "joined",
        # "beside"); not a Korean/Japanese subject with its particle ("러시아는 …").
        pre_other = pre_other or any(
            clause_s <= sp[0]
            and sp[1] <= np_s
            and (sp[1] == np_s or (t[sp[1] : np_s].isspace() and not _CJK_END.search(t, 0, sp[1])))
            and not _owner_is_source(t, sp)
            for sp in other_spans
        )
    stop = _CLAUSE_STOP.search(t, np_e)
    clause_e = stop.start() if stop else np_e
    if _MIXED_CJK.search(t, max(0, np_s - 16), np_e + 4) or _MIXED_COORD_CJK.search(
        t, max(0, np_s - 16), np_e + 16
    ):
        return False
    if not any(sp[0] <= np_e for sp in nk_np):
        # "러시아 병사와 북한 병사로 구성된 부대의 전사자 … 200명": a unit made of both
        # sides, named earlier in the clause, is what the figure counts.
        for m in _spans_before(_MIXED_COMPOSED_CJK, t, num.start):
            if m[0] >= clause_s and not re.search(r"[,.;:!?，。；]", t[m[1] : num.start]):
                return False
    # Its own noun is North Korean, also right after a counter ("10,000名朝鲜人民军").
    own_nk_np = any(sp[0] <= np_e for sp in nk_np)
    if not own_nk_np and _CJK_CHAR.search(t, num.start, np_e + 1):
        # "ロシア・北朝鮮連合軍は…400人の兵士を失った": North Korea named before the figure
        # only inside a joint force, the subject whose losses or size it is.
        mixed = _spans_before(_MIXED_CJK, t, num.start)
        nk_before = [sp for sp in nk_spans if sp[1] <= num.start]
        if (
            mixed
            and nk_before
            and all(any(ms <= s and e <= me for ms, me in mixed) for s, e in nk_before)
        ):
            return False
        # "러시아 측 사상자는 … 300명 이상으로 … 여기에는 북한군도 포함": a total said to
        # include North Koreans too is a mixed force.
        if _NK_ALSO_INCLUDED.search(t, np_e):
            return False
    # A total that includes North Korean units ("up to 45,000, including DPRK units") or a
    # joint count ("Russia and the DPRK together …") is a mixed force, not a NK figure.
    inc = _INCLUDING.search(t, np_e, min(len(t), np_e + 60))
    if inc and not own_nk_np and any(inc.end() <= sp[0] <= inc.end() + 40 for sp in nk_spans):
        return False
    tog = _TOGETHER.search(t, clause_s, clause_e)
    if tog and not own_nk_np:
        span_s, span_e = clause_s, clause_e
        country = _COUNTRY_WORD.search(t, span_s, span_e)
        if any(span_s <= sp[0] < span_e for sp in nk_spans) and (
            country
            or any(span_s <= sp[0] < span_e and not _owner_is_source(t, sp) for sp in other_spans)
        ):
            return False
    paired = _mixed(t, max(clause_s, np_s - 60), min(clause_e, np_e + 80), nk_spans, other_spans)
    if not paired and clause_e == np_e and t.startswith(",", clause_e):
        # An apposition naming both sides right after the noun: "Quinze soldats, Russes et
        # Nord-Coréens, …".
        app = clause_e + 1
        if any(app <= sp[0] <= app + 2 for sp in (*nk_spans, *other_spans)):
            paired = _mixed(t, app, min(len(t), app + 40), nk_spans, other_spans)
    if paired:
        # Mixed force, unless this number's own noun is plainly North Korean and not part
        # of the pair ("11,000 North Korean troops fight alongside Russian units").
        # "… including 10,000 from North Korea": a from-phrase right after is its own too.
        own_nk = [sp for sp in nk_np if sp[0] < np_e or (tail and tail.group().strip())]
        own_other = [sp for sp in other_np if sp[0] < np_e]
        if not own_nk or own_other or any(sp in paired for sp in own_nk):
            return False
    if nk_np and (other_np or pre_other):
        return False
    if nk_np:
        return True
    if other_np or pre_other:
        return False
    if cand.unit_kind == "nk":
        return True
    # Nearest owner in the clause before the number.
    marks: list[tuple[int, str]] = []
    marks += [(sp[1], "nk") for sp in nk_spans if clause_s <= sp[0] and sp[1] <= num.start]
    marks += [
        (sp[1], "other")
        for sp in other_spans
        if clause_s <= sp[0]
        and sp[1] <= num.start
        and not _owner_is_source(t, sp)
        and not _is_located(t, sp)
        and not _attacker(t, sp)
        and not _supported(t, sp)
    ]
    for ms, me in _spans_before(_OTHER_SUBJECT, t, num.start):
        if ms >= clause_s - 2 and (
            not _owner_is_source(t, (ms, me))
            or (re.search(r"\s\w+$", t[ms:me]) and not _COUNTRY_ALONE.fullmatch(t, ms, me))
        ):  # "Ukraine says Russia lost 1,200": the loser owns the figure
            marks.append((me, "other"))
    if marks:
        return max(marks)[1] == "nk"
    return bool(nk_spans) or ctx_nk


def _cue_matches(t: str) -> list[tuple[int, int, str]]:
    """What ``rx.finditer(t)`` yields for each cue table in turn, read only at the places
    where ``_ANY_CUE_AT`` says some table matches (a table matches nowhere else)."""
    starts = [m.start() for m in _ANY_CUE_AT.finditer(t)]
    if _ANYWHERE and (_ANYWHERE_HINT is None or _ANYWHERE_HINT.search(t)):
        starts = sorted({*starts, *(m.start() for m in _ANYWHERE_CUE_AT.finditer(t))})
    found: list[tuple[int, int, str]] = []
    for cat, rx in _CUES:
        resume = 0  # finditer goes on where its last match ended
        for pos in starts:
            if pos < resume:
                continue
            m = rx.match(t, pos)
            if m:
                found.append((m.start(), m.end(), cat))
                resume = m.end()
    return found


def _cues(t: str) -> list[tuple[int, int, str]]:
    found = _cue_matches(t)
    # Of overlapping cues keep the longer ("killed or wounded" over "killed", "decided to
    # send" over "send"); equal spans keep the first table (planned before deployed).
    found.sort(key=lambda c: (-(c[1] - c[0]), _CUE_RANK[c[2]], c[0]))
    out: list[tuple[int, int, str]] = []
    for c in found:
        if any(o[0] < c[1] and c[0] < o[1] for o in out):
            continue
        out.append(c)
    out.sort()
    # "bajas en combate", "pertes au combat", "потери в боях": fighting that only says
    # where the losses were is no cue of its own.
    return [
        c
        for i, c in enumerate(out)
        if not (
            c[2] == "deployed"
            and i
            and out[i - 1][2] in _CASUALTY_TYPES
            and (
                _LOSS_PLACE.fullmatch(t, out[i - 1][1], c[0])
                or (_PREP_FIRST.match(t, c[0]) and _LOSS_WORDS.fullmatch(t, out[i - 1][1], c[0]))
            )
        )
        # "orders to kill themselves before being captured": a capture that has not
        # happened.
        and not (c[2] == "captured" and _BEFORE_BEING.search(t, max(0, c[0] - 20), c[0]))
    ]


_BEFORE_BEING = _c(
    r"(?:before\s+being|antes\s+de\s+(?:ser|serem)|avant\s+d['’]être|prima\s+di\s+essere|"
    r"bevor\s+sie|вместо\s+того\s+чтобы|замість\s+того\s+щоб)\s+$"
)


# Between a loss noun and the fighting it happened in: an owner or adjective (words, no
# figure), then a preposition, unless the fighting cue opens with its own ("в боях"):
# "1,000 dead and 3,000 sent" keeps its sending.
_LOSS_PREP = (
    r"(?:in|en|au|aux|im|bei|durante|during|в|во|у|під\s+час|nel|nei|nella|nelle|em|no|na|"
    r"nos|nas|al|à|dans\s+les)"
)
_LOSS_PLACE = _c(r"\s+(?:[^\W\d_][\w-]*\s+){0,2}?" + _LOSS_PREP + r"\s+")
_LOSS_WORDS = _c(r"\s+(?:[^\W\d_][\w-]*\s+){0,2}?")
_PREP_FIRST = _c(_LOSS_PREP + r"\s")


def _assign_cues(
    t: str, cands: list[_Cand], cues: list[tuple[int, int, str]], lang: str
) -> list[list[tuple[int, str, int, int]]]:
    """For each candidate its cues as (word distance, category, start, end). A cue between
    two numbers goes to the one on its side of a coordinator ("killed 100 and wounded
    1,000"), else to the nearer one."""
    per: list[list[tuple[int, str, int, int]]] = [[] for _ in cands]
    if not cands:
        return per
    spans = [(c.num.start, max(c.np_end, c.num.end)) for c in cands]
    ja = lang in _CHAR_LANGS  # no spaces: distance in characters

    def dist(a: int, b: int) -> int:
        seg = t[a:b]
        # A hedge between cue and number does not separate them ("о гибели не менее 30").
        for _, rx in _QUAL_BEFORE:
            m = rx.search(seg)
            if m:
                seg = seg[: m.start()]
                break
        # North Korea named after the noun ("300 جندي كوري شمالي قتلوا", "soldats
        # nord-coréens tués") belongs to the noun phrase: it puts no distance in between.
        lead = _NK.match(seg.strip())
        if lead is not None and not re.match(r"\s*[,;:،，、]", seg.strip()[lead.end() :]):
            seg = seg.strip()[lead.end() :]
        return len(seg.strip()) // 3 if ja else _words_between(seg)

    rel_spans = _relative_clauses(t, spans)
    for cs, ce, cat in cues:
        owner = None
        for i, (s, e) in enumerate(spans):
            # Inside the noun phrase ("3,000 casualties") or spanning it (German verb-final
            # "könnte bis zu 100.000 Soldaten … entsenden").
            if (s <= cs and ce <= e) or (cs <= s and e <= ce):
                owner = (i, 0)
                break
        if owner is None:
            # Overlapping the noun phrase: "4,700 were killed" read as the phrase, "were
            # killed or wounded" as the cue.
            owner = next(((i, 0) for i, (s, e) in enumerate(spans) if s < ce and cs < e), None)
        if owner is None:
            left = [i for i, (s, e) in enumerate(spans) if e <= cs]
            right = [i for i, (s, e) in enumerate(spans) if s >= ce]
            li = left[-1] if left else None
            ri = right[0] if right else None
            if li is not None and ri is not None:
                coords = list(_COORD.finditer(t, spans[li][1], spans[ri][0]))
                if _SUBJECT_NOUN_NEXT.match(t, ce, spans[ri][0] + 1):
                    # "…명으로 사상자 수는 약 3000여 명", "死者は600人": a noun with its
                    # subject particle (and "number") names the figure after it.
                    owner = (ri, 0)
                elif coords:
                    last = coords[-1]
                    owner = (
                        (li, dist(spans[li][1], cs))
                        if cs < last.start()
                        else (ri, dist(ce, spans[ri][0]))
                    )
                else:
                    dl, dr = dist(spans[li][1], cs), dist(ce, spans[ri][0])
                    owner = (li, dl) if dl <= dr else (ri, dr)
            elif li is not None:
                owner = (li, dist(spans[li][1], cs))
            elif ri is not None:
                owner = (ri, dist(ce, spans[ri][0]))
        if owner is not None:
            d = owner[1]
            if any(rs <= cs and ce <= re_ for rs, re_ in rel_spans.get(owner[0], ())):
                d += 12  # inside "…, die nach Russland geschickt wurden, …": background
            per[owner[0]].append((d, cat, cs, ce))
    return per


_SUBJECT_NOUN_NEXT = _c(
    r"\s?(?:자|者)?\s?(?:수|数|數|人数|人數)?\s?(?:이|가|은|는|が|は)\s?(?:약|約|およそ|推定で)?\s?\d"
)
_RELATIVE = _c(
    r"\s*,\s*(?:"
    + "|".join(f for lang in languages() for f in lang.relative_pronouns)
    + r")(?![^\W\d_])"
)


def _relative_clauses(t: str, spans: list[tuple[int, int]]) -> dict[int, list[tuple[int, int]]]:
    """A relative clause right after a figure's noun phrase, up to its closing comma, when
    the sentence goes on after it (its main verb follows): {candidate: [(start, end)]}."""
    out: dict[int, list[tuple[int, int]]] = {}
    for i, (_, e) in enumerate(spans):
        m = _RELATIVE.match(t, e)
        if not m:
            continue
        close = re.search(r"[,;]\s|[.!?](?:\s|$)", t[m.end() :])
        if close is None or t[m.end() + close.start()] != ",":
            continue
        out[i] = [(m.end(), m.end() + close.start())]
    return out


_PURPOSE = _c(
    r"(?<![^\W\d_])(?:to|in\s+order\s+to|pour|afin\s+de|para|per|um|чтобы|для|щоб|للمساعدة\s+في|"
    r"من\s+أجل)\s+(?:help\s+|aider\s+à\s+|ayudar\s+a\s+|aiutare\s+a\s+|ajudar\s+a\s+)?$"
)
# Korean/Japanese put the purpose after its verb ("재건을 지원하기 위해", "支援するため"),
# Chinese before it ("为了支援").
_PURPOSE_AFTER_CJK = _c(r"(?:하기|되기)\s?(?:위해|위한|위하여)|(?:する|させる)?ため")
_PURPOSE_BEFORE_ZH = _c(r"(?:为了|為了|以便)[^，。,；]{0,6}$")
_PURPOSE_OBJECT = _c(
    r"(?<![^\W\d_])(?:to|pour|para|per|um|чтобы|щоб)\s+"
    r"(?!(?:have|be|been|avoir|être|été|haber|ser|sido|sein|essere|stati|ter)\b)"
    r"[^\W\d_]+\s+(?:[^\W\d_]+\s+)?$"
)
# "4,000명이 전투 사상자(이다)", "4,000 were combat casualties": the casualty noun after
# the figure is what the figure is (a predicate nominal), not a count of something else.
_COPULA_TO_NOUN = _c(
    # "4000명의 손실", "4000人の損失": the genitive makes the figure the losses' count.
    r"\s*(?:명이|명은|명が|人が|人は|명의|人の|名の|의|の|were|are|became|represent|sind|waren|sont|étaient|son|"
    r"eran|sono|erano|são|eram|были|составля\w+)?\s*"
    r"(?:전투|combat|battle|kampf|de\s+combat|en\s+combate|in\s+combattimento|боев\w+)?\s*"
)


# A casualty noun right before a CJK figure, with at most a particle and a hedge between
# ("死亡者1,000人", "사망자 약 600명", "阵亡者约600人"): the noun the figure counts.
_NOUN_THEN_FIGURE = _c(
    r"(?:者|자)?\s?(?:は|が|은|는|이|가)?\s?(?:約|약|约|およそ|推定で?|少なくとも|최소|至少)?\s?"
)


def _category(
    local: list[tuple[int, str, int, int]],
    all_cues: list[tuple[int, int, str]],
    t: str,
    cand: _Cand,
    location: str | None,
) -> str:
    for _, c, s, e in local:
        if (
            c in _CASUALTY_TYPES
            and e <= cand.num.start
            and _CJK_CHAR.search(t, s, e)
            and _NOUN_THEN_FIGURE.fullmatch(t, e, cand.num.start)
        ):
            # "死亡者1,000人に加え、負傷者…": another kind named further on is another count.
            return c
    kept = [
        (d, c, s, e)
        for d, c, s, e in local
        if not (
            c in _CASUALTY_TYPES
            and s >= cand.np_end
            and cand.unit_kind in ("mil", "nk")
            and _CASUALTY_NOUN.match(t[s:e])
            and not _CASUALTY_NOUN.match(cand.unit_text)
            and not _COPULA_TO_NOUN.fullmatch(t, cand.np_end, s)
        )
    ]
    # "전투 사상자", "combat casualties", "боевые потери": a fighting word right before a
    # casualty word qualifies it and is no predicate of its own.
    kept = [
        k
        for k in kept
        if not (
            k[1] == "deployed"
            and any(c in _CASUALTY_TYPES and 0 <= s - k[3] <= 2 for _, c, s, _ in kept)
        )
    ]
    # A fighting or sending verb of purpose ("pour participer à", "per combattere", "to help
    # fight") says what the personnel are for, not whether they are there: it yields to the
    # figure's other predicates.
    purpose = [
        k
        for k in kept
        if k[1] == "deployed"
        and (
            _PURPOSE.search(t, max(0, k[2] - 16), k[2])
            or _PURPOSE_AFTER_CJK.match(t, k[3])
            or _PURPOSE_BEFORE_ZH.search(t, max(0, k[2] - 8), k[2])
        )
    ]
    if purpose and len(purpose) < len(kept):
        kept = [k for k in kept if k not in purpose]
    # "tremila rinforzi per rimpiazzare i caduti", "to replace the dead": the casualties
    # are the purpose's object, not these personnel.
    kept = [
        k
        for k in kept
        if not (
            k[1] in _CASUALTY_TYPES
            and k[2] > cand.num.end
            and _PURPOSE_OBJECT.search(t, max(0, k[2] - 40), k[2])
        )
    ]
    # Modality of the governing predicate: a sending verb governed by a plan, a modal or a
    # future ("plans to send", "планирует перебросить", "doivent être déployés", "سوف
    # ترسل") is a plan, in every language: the plan cue just before it decides.
    plans = [(s, e) for s, e, c in all_cues if c == "planned"]
    # "уже воюет 3 тысячи", "sarebbero già circa tremila": said to be there already.
    already = _DONE.search(t, max(0, cand.num.start - 24), cand.num.start) is not None
    cues = [
        (
            d,
            "planned"
            if c == "deployed" and not (already and d > 8) and _governed(t, s, plans, e)
            else c,
        )
        for d, c, s, e in kept
    ]
    kinds = {c for _, c in cues}
    # A sending participle right after the noun ("soldados enviados por …", "Soldaten, die
    # … geschickt wurden") describes the personnel; the main predicate may come far later.
    describing = any(
        c == "deployed" and s >= cand.np_end and _words_between(t[cand.np_end : s]) <= 3
        for _, c, s, _ in kept
    )
    predicates = [
        d
        for d, c, s, e in kept
        if c in _CASUALTY_TYPES
        and (
            d <= 8
            or (
                describing
                and d <= 20
                and s > cand.np_end
                and not _PARTITIVE.search(t, cand.np_end, s)
            )
        )
        and not _CASUALTY_NOUN.match(t[s:e])
    ]
    if "deployed" in kinds and predicates:
        # "5,000 soldiers sent by North Korea have died", "captured two soldiers fighting
        # alongside …": the sending word describes the personnel; the casualty or capture
        # is what the sentence says happened to them.
        cues = [c for c in cues if c[1] != "deployed"]
    if _FRACTION_BEFORE.search(t[max(0, cand.num.start - 30) : cand.num.start]):
        # "a third of the 12,000 soldiers were wounded": the wounded are the fraction.
        cues = [c for c in cues if c[1] not in _CASUALTY_TYPES]
    kinds = {c for _, c in cues}
    if "captured" in kinds and "wounded" in kinds:
        # "captured two wounded soldiers": the wound describes the prisoners.
        cues = [c for c in cues if c[1] != "wounded"]
        kinds = {c for _, c in cues}
    if "casualties" in kinds:
        # "lost more than 200 men killed", "Verluste von 300 Toten": a generic loss word
        # gives way to the specific kind right at the number.
        loss = [d for d, c, s, e in local if c == "casualties" and _LOSS_WORD.match(t[s:e])]
        spec = {c for d, c in cues if c in ("killed", "wounded", "captured") and d <= 1}
        if loss and len(spec) == 1 and len(loss) == sum(1 for _, c in cues if c == "casualties"):
            cues = [c for c in cues if c[1] != "casualties"]
            kinds = {c for _, c in cues}
    if "killed" in kinds and "wounded" in kinds:
        kd = min(d for d, c in cues if c == "killed")
        wd = min(d for d, c in cues if c == "wounded")
        if abs(kd - wd) <= 6:
            cues = [*cues, (min(kd, wd), "casualties")]
    before = t[max(0, cand.num.start - 40) : cand.num.start]
    if _POSSESSIVE_NK.search(before) or _HAS_BEFORE.search(before):
        cues = [*cues, (1, "force_size")]
    if not cues:
        # No cue of its own: the nearest plan/deployment/force cue of the sentence.
        # Not across "but"/"однако" (a new statement), and no plan for a figure said to
        # be there already.
        far = [
            # The nearest verb keeps its modality: "ha decidido enviar mil zapadores …,
            # así como cinco mil trabajadores" is one plan.
            (
                abs(s - cand.num.start),
                "planned" if c == "deployed" and not already and _governed(t, s, plans, e) else c,
            )
            for s, e, c in all_cues
            if c in ("planned", "deployed", "force_size")
            and not (already and c == "planned")
            and not _CONTRAST.search(t, min(e, cand.num.end), max(s, cand.num.start))
        ]
        if not far:
            # No word of sending or fighting: a general North Korean force noun with a size
            # ("its special forces, estimated at 200,000", "특수작전군은 약 20만 명") is
            # the force's size.
            if location is None and (
                _GENERAL_FORCE.search(cand.unit_text or "") or _army_size(t, cand)
            ):
                return "force_size"
            return "deployed"
        cues = [min(far)]
    d, cat = min(cues, key=lambda c: (c[0], _CUE_RANK[c[1]]))
    if cat == "deployed":
        # "field a 10,000-man contingent": a deployment noun inside the noun phrase gives
        # way to a plan right before it.
        own = [
            (dd, s, e)
            for dd, c, s, e in local
            if c == "deployed" and dd == d and cand.np_start <= s and e <= cand.np_end
        ]
        if own and any(c == "planned" and dd <= 2 for dd, c, _, _ in local):
            cat = "planned"
        elif location is None and _army_size(t, cand):
            cat = "force_size"
    if (
        cat == "force_size"
        and location is None
        and not _GENERAL_FORCE.search(cand.unit_text or "")
        and not _army_size(t, cand)
        and not _POSSESSIVE_NK.search(before)
        and not _HAS_BEFORE.search(before)
    ):
        # "The deployment, now numbering more than 10,000 soldiers": a bare counting verb
        # sizes whatever the sentence is about; a sending word there makes it the deployment.
        own = [t[s:e] for _, c, s, e in local if c == "force_size"]
        sending = [(abs(s - cand.num.start), c) for s, _, c in all_cues if c in _SENDING]
        if own and sending and all(_COUNTING.fullmatch(w) for w in own):
            return min(sending)[1]
    if cat == "force_size" and location is not None:
        # A force located in Russia/Kursk is the deployment, not the army's size.
        others = [c for c in cues if c[1] != "force_size"]
        return min(others, key=lambda c: (c[0], _CUE_RANK[c[1]]))[1] if others else "deployed"
    return cat


_SENDING = ("deployed", "planned")
_EXTENDED_ATTR = _c(r"(?<![^\W\d_])(?:[^\W\d_]+ende[n]?|ge[^\W\d_]+te[n]?)\s+(?:[^\W\d_]+\s+)?$")
# Korean/Japanese/Chinese name the part before the whole: "Aを含む計B", "A을 포함한 B", "包括A在内的B".
_INCLUDING_THEN_WHOLE = _c(
    r"(?:人|명|名)?\W{0,2}(?:を含む|を含め|을\s?포함한|를\s?포함한|을\s?포함해|를\s?포함해|在内的?)\W{0,2}(?:計|총|共|合计)?\s?(?:約|약|约)?\s?"
)
# A definite article right before a figure ("the two", "i due", "les deux", "die beiden").
_DEFINITE_BEFORE = _c(
    r"(?<![^\W\d_])(?:the|these|those|i|gli|le|les|ces|los|las|estos|os|as|die|diese|эти|ці)\s+$"
)
# "这1万名兵力", "この1万人", "이 1만 명": a demonstrative points back to a figure said before.
_DEMONSTRATIVE_CJK = _c(r"(?:这|這|该|該|此|上述|この|その|(?<![가-힣])(?:이|그|해당))\s?$")
_CJK_CHAR = compile_re(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]")
_FUTURE_BEFORE = _c(
    lx.words([f for lang in spaced() for f in lang.future_markers])
    + "|"
    + lx.running([f for lang in unspaced() if not lang.verb_final for f in lang.future_markers])
)
_FUTURE_AFTER = _c(
    "|".join(f for lang in languages() if lang.verb_final for f in lang.future_markers)
)
# A perfect or "already" between the modal and the verb: "could have sent", "va déjà".
_DONE = _c(_bounded("perfect_markers"))
# "and" too in every language: "demandé et obtenu 11 000" is no longer a request.
_MODAL_GAP = _c(
    r"[.;:!?，。；、،]|\b(?:but|while|and|mais|pero|aber|но|але|ma|mas|et|y|e|und|и|і|й|та)\b"
)


# German reported speech: "würden … eingesetzt" is the subjunctive of "werden eingesetzt"
# (are deployed, says the source), not "would deploy"; "würden … eingesetzt werden" is.
# Likewise "werden … ausgebildet" is the present passive (are trained), not a future.
_WUERDE = _c(r"würden?|wird|werden")
_REPORTED_PASSIVE = _c(r"[^\W\d_]*(?:ge[^\W\d_]+(?:t|en)|iert|sandt|setzt|legt)")
_WERDEN_NEXT = _c(r"\s+(?:werden|worden)(?![^\W\d_])")


def _governed(t: str, start: int, plans: list[tuple[int, int]], end: int | None = None) -> bool:
    """Is the sending word at ``start`` governed by a plan cue or a future/modal marker
    ending at most three words before it, in the same clause (or, in Korean and Japanese,
    followed by one: "파견할 예정", "派遣する予定")?"""
    if end is not None:
        after = _FUTURE_AFTER.search(t, end, min(len(t), end + 8))
        if after is not None and not re.search(r"[,.;、。]", t[end : after.start()]):
            return True
        reported = _REPORTED_PASSIVE.fullmatch(t, start, end) and not _WERDEN_NEXT.match(t, end)
        modal = [
            (ms, me)
            for ms, me in _spans(_FUTURE_BEFORE, t)
            if me <= start
            and not _DONE.search(t, ms, start)
            and not (reported and _WUERDE.fullmatch(t, ms, me))
        ]
        plans = [*plans, *modal]
    for _ps, pe in plans:
        if pe <= start and start - pe <= 40:
            gap = t[pe:start]
            near = len(gap) <= 6 if _CJK_CHAR.search(gap) else _words_between(gap) <= 3
            if near and not _MODAL_GAP.search(gap):
                return True
            if _SEND_END_ZH.search(t, max(_ps, pe - 3), pe) and _SERIAL_GAP_ZH.fullmatch(
                t, pe, start
            ):
                # "决定派遣1000名工兵和5000名建筑工人前往库尔斯克", "决定派出…士兵参战": the
                # second verb of a Chinese serial construction says where to or what for;
                # the plan to send governs it.
                return True
    return False


_SEND_END_ZH = _c(r"(?:派遣|派出|派往|增派|派兵|派|调派|調派|输送|輸送|送)$")
# The object of the sending verb between: no clause break, no "already", "and then".
_SERIAL_GAP_ZH = _c(r"(?=[^，。,；;：:]*[\u4e00-\u9fff])[^，。,；;：:已并並再后後随隨]{1,30}")


# Auxiliaries of the perfect ("could have 12,000" is a plan; "could have sent" has its own
# cue): of the perfect markers only words like "already" say a figure is there.
_AUX = _c(r"ha(?:ve|s|d)|haber|habría|habrían|avoir|aurait|auraient|ter|avere|hätten?")


def _modal_figure(t: str, cand: _Cand, all_cues: list[tuple[int, int, str]]) -> bool:
    """A future or modal right before the figure, with no verb of its own in between:
    "may soon have as many as 12,000", "в распоряжении РФ будет 12 тыс.", "pourrait
    atteindre 15 000", "podría llegar a 10.000" (spaced languages; Korean and Japanese put
    the marker after the verb, which their cues read)."""
    start = min(cand.np_start, cand.num.start)
    lo = max(0, start - 60)
    last = None
    for m in _FUTURE_BEFORE.finditer(t, lo, start):
        last = m
    if last is None or _CJK_CHAR.search(t, last.start(), last.end()):
        return False
    gap = t[last.end() : start]
    if _words_between(gap) > 3 or _MODAL_GAP.search(gap) or re.search(r"[,()\"«»“”]", gap):
        return False
    if any(last.end() <= s and e <= start for s, e, _ in all_cues):
        return False  # a verb of its own in between ("will have sent", "va déjà envoyer")
    stop = _CLAUSE_STOP.search(t, cand.np_end)
    end = stop.start() if stop else len(t)
    if any(cand.np_end <= s < end and c in _SENDING for s, _, c in all_cues):
        return False  # the modal governs the verb after ("soll … geschickt haben")
    return not any(not _AUX.fullmatch(d.group()) for d in _DONE.finditer(gap))


_CLAUSE_PUNCT = _c(r"[,.;:!?，。；：、]")


def _already_there(t: str, cand: _Cand, all_cues: list[tuple[int, int, str]]) -> bool:
    """'Already' (すでに, già, уже) after the last plan cue before the figure and in its
    clause, or right after its noun phrase: the figure is said to be there already."""
    plan_end = max((e for s, e, c in all_cues if c == "planned" and e <= cand.num.start), default=0)
    lo = max(plan_end, _clause_start(t, cand.num.start), cand.num.start - 24)
    for d in _DONE.finditer(t, lo, cand.num.start):
        if not _AUX.fullmatch(d.group()):
            return True
    stop = _CLAUSE_PUNCT.search(t, cand.np_end)
    end = min(stop.start() if stop else len(t), cand.np_end + 40)
    if any(cand.np_end <= s < end and c == "planned" for s, _, c in all_cues):
        return False
    return any(not _AUX.fullmatch(d.group()) for d in _DONE.finditer(t, cand.np_end, end))


# Force-size cues that only count ("numbering", "насчитывает", "zählt"), as opposed to ones
# that name an army ("standing army", "reservists").
_COUNTING = _c(
    r"(?:(?:they|which|who|forces|troops|army|units?)\s+)?numbers?|numbering|in\s+total|overall|"
    r"насчитыва\w*|численност\w*|налічу\w*|чисельн\w*|zählt\w*|umfass\w*|compt\w*|"
    r"cuenta\w*|suma\w*|en\s+total|au\s+total|insgesamt"
)


_CJK_CLAUSE_END = _c(r"[，、；。]|,(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3])")
_RESTATEMENT = _c(r"^\W*(?:" + "|".join(f for x in spaced() for f in x.restatement) + ")")


# A Korean, Japanese or Chinese sentence opening with a demonstrative ("この作業員や工兵
# 6000人は…", "这些士兵…", "이 병력은…"): it speaks of what the sentence before did.
_RESTATEMENT_CJK = _c(r"^\W*(?:この|これらの|该|該|这些|這些|上述|(?:이|해당)\s)")
# A demonstrative before the noun of a repeated figure: "この作業員や工兵6000人".
_DEMONSTRATIVE_NP_CJK = _c(r"(?:この|その|これらの|这些|這些|该|該|上述)[^\d、，。,]{1,8}$")


def _restates_plan(t: str, ctx: _Ctx) -> bool:
    """Does this sentence open by restating a plan of the sentence before?"""
    if not ctx.prev_sent or not (_RESTATEMENT.match(t) or _RESTATEMENT_CJK.match(t)):
        return False
    return any(c == "planned" for _, _, c in _cues(fold(ctx.prev_sent)))


def _formation_size(
    t: str, cand: _Cand, ctx: _Ctx, cues: list[tuple[int, int, str]] | None = None
) -> bool:
    """'The total troop strength is … 40,000 to 80,000' (the Storm Corps named here or in
    the sentence before), '「暴風軍団」は4万から8万人規模': the formation's size, not a
    deployment."""
    if not (_says(_FORMATION, t) or (ctx.prev_sent and _FORMATION.search(fold(ctx.prev_sent)))):
        return False
    s = _clause_start(t, cand.num.start)
    stop = _CLAUSE_STOP.search(t, cand.np_end)
    e = stop.start() if stop else len(t)
    cjk_stop = _CJK_CLAUSE_END.search(t, cand.np_end, e)
    if cjk_stop is not None:
        e = cjk_stop.start()  # Chinese and Japanese commas take no space after them
    sized = _SIZE_WORD.search(t, s, min(e, cand.np_end + 6))
    if sized is not None and not (
        sized.end() <= cand.num.start
        and any(
            sized.end() <= cs < cand.num.start and c in _SENDING for cs, _, c in cues or _cues(t)
        )
    ):
        # Not across a sending verb of its own: "共有4.6万名兵力,目前仅派出1.1万人".
        return True
    # The formation as the subject, with no verb of its own before the figure: "The Storm
    # Corps is estimated at 40,000 to 80,000 troops", "Le corps Tempête compte 40 000 hommes".
    named = [m for m in _FORMATION.finditer(t, s, cand.num.start)]
    if not named:
        return False
    gap_s = named[-1].end()
    return (
        _words_between(t[gap_s : cand.num.start]) <= 6
        and not re.search(r"[,;:()]", t[gap_s : cand.num.start])
        and not any(gap_s <= cs < e and c != "force_size" for cs, _, c in cues or _cues(t))
    )


# A verb of composition joined to the figure ("umfasst 11.000", "consists of 11,000",
# "1만1000명으로 구성", "1万1000人で構成"): the figure is the formation's size even when
# a place is named elsewhere ("the corps, sent to Russia, consists of …").
_COMPOSED_CJK = _c(
    r"\s?(?:으로|로)?\s?(?:구성|편성)|\s?(?:で構成|から成る|からなる|组成|組成|构成|構成)"
)


def _sized_here(t: str, cand: _Cand) -> bool:
    if _COMPOSED_CJK.match(t, cand.np_end):
        return True
    if re.match(r"[-‐\s]strong\b", t[cand.num.end : cand.num.end + 8]) or re.match(
        r"\s+stark(?:e[nmrs]?)?\b", t[cand.np_end : cand.np_end + 10]
    ):
        return True  # "the 11th Corps, a 12,000-strong unit", "ist 11.000 Mann stark"
    for m in _SIZE_WORD.finditer(t, max(0, cand.num.start - 30), cand.num.start):
        gap = t[m.end() : cand.num.start]
        if not re.search(r"[,.;:]", gap) and _words_between(gap) <= 2:
            return True
    return False


def _army_size(t: str, cand: _Cand) -> bool:
    """Hundreds of thousands next to an army noun: the army's size, not a contingent."""
    return (cand.num.low or 0) >= 150_000 and bool(
        _GENERAL_FORCE.search(t[max(0, cand.num.start - 80) : cand.np_end + 40])
    )


# The largest formation sent as one (the Storm Corps, 40,000 to 80,000): a force size
# above it is the size of the whole army or a whole service, a national total.
_FORMATION_MAX = 100_000


def _national_total(cand: _Cand) -> bool:
    """Is a force size the whole army or a whole service (1.2 million, 200,000 special
    forces) rather than the formation deployed? (CLAIMS.md §2: never a claim.)"""
    return max(cand.num.low or 0, cand.num.high or 0) >= _FORMATION_MAX


def _qualifier(t: str, num: Num) -> str:
    if num.vague:
        return "vague"
    before = t[max(0, num.start - 40) : num.start]
    best = None
    for q, rx in _QUAL_BEFORE:
        m = rx.search(before)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), q)
    if best:
        if (
            best[1] == "up_to"
            and _BARE_TO.search(before)
            and _INCREASE.search(t[max(0, num.start - 70) : num.start])
        ):
            return "exact"  # "увеличить контингент до 15 тысяч": a target, not a ceiling
        return best[1]
    after = t[num.end : num.end + 16]
    for q, rx in _QUAL_AFTER:
        if rx.match(after):
            return q
    if num.qualifier:
        return num.qualifier
    # "estimated at", 추정, по оценке: every unhedged figure of the sentence is approximate.
    return "approx" if _says(_ESTIMATE, t) else "exact"


# --------------------------------------------------------------------------- per sentence


@dataclass
class _Ctx:
    text: str = ""  # the whole text, to expand a bare surname
    nk: bool = False  # previous sentence was about North Korean personnel
    prev_sent: str | None = None
    prev_lang: str | None = None
    prev_source: str | None = None  # claimant of the previous sentence, once computed
    prev_source_done: bool = False
    # The sentence before that, when the previous one only pointed back ("Demnach …"):
    # (sentence, language, claimant, claimant computed).
    older: tuple[str, str | None, str | None, bool] | None = None
    lang: str | None = None  # language of the last sentence read, a prior for short ones
    mil: bool = False  # previous sentence spoke of soldiers
    carried: bool = False  # nk was carried over a sentence that did not name North Korea
    figures: set = field(default_factory=set)  # figures claimed so far in the text
    place: str | None = None  # place the previous on-topic sentence gave its personnel
    place_sent: str | None = None  # that sentence, when its place is still to be read
    prev_claims: list = field(default_factory=list)  # claims of the sentence before
    # The speaker of a lead-in ending in a colon ("X发表声明:"), for the few sentences
    # after it that name nobody (the statement's items).
    lead: str | None = None
    lead_left: int = 0


def _prev_source(ctx: _Ctx) -> str | None:
    if not ctx.prev_source_done and ctx.prev_sent is not None:
        # A sentence with no number had its language left unread: read it now (a Japanese
        # speaker is found by its particles, not by English rules).
        lang = ctx.prev_lang or detect_lang(fold(ctx.prev_sent), ctx.lang)
        ctx.prev_source, explicit = source_of(ctx.prev_sent, lang, ctx.text)
        ctx.prev_source_done = True
        if (
            ctx.prev_source is None
            and (not explicit or _POINTER.match(ctx.prev_sent))
            and ctx.older is not None
        ):
            # "Wie der Geheimdienst mitteilte, … Trainiert wurden sie demnach … 12.000 …,
            # heißt es": a sentence that only points back hands on the claimant before it,
            # also when a wire credits it ("Das sagte er …, wie AFP meldete").
            sent, lang, name, done = ctx.older
            if not done:
                name, _ = source_of(sent, lang or "en", ctx.text)
            ctx.prev_source = name
    return ctx.prev_source


def _prev_mentioned(ctx: _Ctx) -> str | None:
    """The claimant named in the previous sentence (a person first), for "he said"."""
    if ctx.prev_sent is None:
        return None
    ms = [m for m in claimant_index().find(ctx.prev_sent) if m.claimant and not m.metonym]
    if not ms:
        return None
    people = [m for m in ms if m.person]
    return (people or ms)[0].name


def _last_named(ctx: _Ctx, sent: str) -> str | None:
    """The claimant named last before ``sent`` in the few hundred characters before it, a
    person first: "他说" after a quotation of several sentences is its speaker's."""
    at = ctx.text.find(sent[:40]) if ctx.text else -1
    if at <= 0:
        return None
    ms = [
        m
        for m in claimant_index().find(ctx.text[max(0, at - 300) : at])
        if m.claimant and not m.metonym
    ]
    people = [m for m in ms if m.person]
    return (people or ms)[-1].name if ms else None


# Korean hearsay ending ("…파견하기로 했다고 한다": reportedly): the topic before it did
# the deed, it did not say so.
_HEARSAY_KO = _c(r"(?:다|라)고\s?(?:한다|합니다)[.\s]*$")


def _hearsay(sent: str, lang: str) -> bool:
    """A Korean sentence that only reports what was said, with no verb of saying or
    attribution of its own besides its hearsay ending."""
    if lang != "ko":
        return False
    h = _HEARSAY_KO.search(sent)
    return (
        h is not None
        and not any(m.start() < h.start() for m in SAY.finditer(sent, 0, h.start() + 1))
        and not attributions(sent, lang)
        and not _CJK_MARKER_X.search(sent)
    )


def _sentence_source(sent: str, lang: str, ctx: _Ctx) -> str:
    if _hearsay(sent, lang) and ctx.nk:
        prev = _prev_source(ctx)
        if prev:
            return prev
    name, explicit = source_of(sent, lang, ctx.text)
    if name:
        return name
    if _AGENTLESS.search(fold(sent)):
        return "unattributed"  # the sentence says nobody: "si stima che", "it is estimated"
    if explicit and ctx.lead:
        return ctx.lead
    if not explicit:
        # "He said", "Demnach", "the agency said": whoever the previous sentence named.
        return _prev_source(ctx) or _prev_mentioned(ctx) or _last_named(ctx, sent) or "unattributed"
    # Nobody named, or "the agency said": the claimant of the previous sentence when that
    # sentence was on the story too, or announced it ("L'annonce a été faite par Moscou
    # mardi. Pyongyang doit envoyer …").
    # (Also when the passage is known to be on the story from its next sentence.)
    if ctx.prev_sent is not None and _POINTER.match(ctx.prev_sent):
        lang = ctx.prev_lang or detect_lang(fold(ctx.prev_sent), ctx.lang)
        pointed = _pointer_claimant(ctx.prev_sent, lang, ctx.text)
        if pointed or not ctx.nk:
            return pointed or "unattributed"
    return (_prev_source(ctx) if ctx.nk else None) or "unattributed"


_CJK_MARKER_X = _c(lx.running(lx.ATTRIB_CJK["before_marker"]))
_AGENTLESS = _c(
    lx.table(
        {x.code: list(x.agentless) for x in spaced()},
        {x.code: list(x.agentless) for x in unspaced()},
    )
)


# Weapons North Korea supplied: "un misil balístico norcoreano", "North Korean KN-23
# missiles", "північнокорейська ракета". The country owns the weapon, not the people it kills.
_WEAPON = _c(
    r"(?<![^\W\d_])(?:missiles?|rockets?|shells?|misil(?:es)?|cohetes?|proyectiles?|missile|"
    r"missili|razzi|míssil|mísseis|foguetes?|obus\w*|roquettes?|raketen?|granaten?|ракет\w*|"
    r"снаряд\w*|KN-?\d+\w*|صاروخ\w*|صواريخ)(?![^\W\d_])"
)


_NK_ADJECTIVE = _c(
    r"(?:korean|coreanos?|coreanas?|coréen\w*|koreanisch\w*|корейск\w*|корейськ\w*)$"
)


def _weapon_owner(t: str, sp: tuple[int, int]) -> bool:
    """Is this mention of North Korea the adjective of a weapon named right beside it (at
    most two words, no punctuation, no people noun between)? The country as a noun ("North
    Korea has sent missiles and 10,000 troops") stays an owner."""
    if not _NK_ADJECTIVE.search(t, sp[0], sp[1]):
        return False
    before = t[max(0, sp[0] - 30) : sp[0]]
    after = t[sp[1] : sp[1] + 25]
    for gap, m in (
        (after, _WEAPON.search(after)),
        (before, next(reversed(list(_WEAPON.finditer(before))), None)),
    ):
        if m is None:
            continue
        between = gap[: m.start()] if gap is after else gap[m.end() :]
        if _words_between(between) > 2:
            continue
        if not re.search(r"[,.;:()]", between) and not any(
            _classify_unit(u.group())[1] in ("mil", "nk", "civ", "weak")
            for u in _UNIT_RX.finditer(between)
        ):
            return True
    return False


@lru_cache(maxsize=8)
def _nk_spans(t: str) -> tuple[tuple[int, int], ...]:
    """Where a folded sentence names North Korea (cached: a passage's first two sentences
    are read for it before their turn comes)."""
    return tuple(m.span() for m in _NK.finditer(t))


# A Korean/Japanese/Chinese date ("11月1日", "11월1일", "17일"): no figure of its own, so a
# quoted sentence naming only a date ("…11月1日には準備ができている") keeps the topic.
_CJK_DATE = _c(
    r"(?:\d{1,4}\s?[년年]\s?)?\d{1,2}\s?[월月]\s?(?:\d{1,2}\s?[일日])?|\d{1,2}\s?[일日](?![本])"
)


def _sentence_claims(sent: str, lang: str | None, ctx: _Ctx) -> list[Claim]:
    t = fold(sent)
    if _ARABIC_MARKS.search(t):
        t = _ARABIC_MARKS.sub("", t)
    nk_spans = [sp for sp in _nk_spans(t) if not _weapon_owner(t, sp)]
    claims = _claims_in(sent, t, lang, ctx, nk_spans)
    again = _FIGURE_AGAIN.search(t) if not claims and ctx.prev_claims else None
    if again is not None:
        claim = _figure_again(sent, t, lang, ctx, again)
        claims = [claim] if claim else []
    ctx.prev_claims = claims
    ctx.place_sent = None
    if claims:
        ctx.place = next((c.location for c in claims if c.location), None)
    elif nk_spans:
        ctx.place, ctx.place_sent = None, t  # read only when the next sentence needs it
    else:
        ctx.place = None
    # North Korea stays the topic through one sentence with no number and no other side's
    # personnel ("… 1500여명. 지휘부와 참모 등의 병력으로 추정된다. … 총 1만2000명"): such a
    # sentence says more about the same force and brings no figure of another side.
    carried = (
        ctx.nk
        and not ctx.carried
        and not has_number(_CJK_DATE.sub("", t) if _CJK_DATE.search(t) else t)
        and not _OTHER.search(t)
        and not _COUNTRY_WORD.search(t)
    )
    ctx.carried = carried and not nk_spans and not claims
    ctx.nk = bool(nk_spans) or bool(claims) or carried
    ctx.mil = (
        bool(claims) or (bool(nk_spans) and bool(_MILITARY_WORD.search(t))) or carried and ctx.mil
    )
    if ctx.prev_sent is not None:
        ctx.older = (ctx.prev_sent, ctx.prev_lang, ctx.prev_source, ctx.prev_source_done)
    ctx.prev_sent = sent
    ctx.prev_lang = claims[0].lang if claims else lang
    if claims:
        ctx.prev_source, ctx.prev_source_done = claims[0].source, True
        if claims[0].source == "unattributed":
            ctx.prev_source = None
    else:
        ctx.prev_source, ctx.prev_source_done = None, False
    return claims


_FIGURE_AGAIN = _c(lx.words([f for x in spaced() for f in x.figure_again]))


def _figure_again(sent: str, t: str, lang: str | None, ctx: _Ctx, m: re.Match[str]) -> Claim | None:
    """'Zelensky said 3,000 were killed. Seoul puts the figure at 1,100' (``m`` the match of
    "puts the figure at"): another estimate of the figure the sentence before gave counts
    what that one counted (CLAIMS.md §6)."""
    lg = lang or detect_lang(t, ctx.lang)
    num = next((n for n in find_numbers(t, lg) if m.end() <= n.start <= m.end() + 24), None)
    if num is None or (num.low is None and not num.vague):
        return None
    prev = ctx.prev_claims[0]
    return Claim(
        figure_low=num.low,
        figure_high=num.high,
        qualifier=_qualifier(t, num),
        category=prev.category,
        unit=prev.unit,
        source=_sentence_source(sent, lg, ctx),
        location=prev.location,
        sentence=sent,
        lang=lg,
        # The measure is the sentence before's, not named here: a weaker cue.
        confidence=round(prev.confidence * 0.75, 2),
    )


# "Of the", "Von (ursprünglich)", "De los", "Из", "Dei": a whole named before its part.
_OF_THE_WHOLE = _c(
    r"(?:^|[,;:]\s*)\W{0,2}(?:of|out\s+of|von|aus|de|des|del|dos|das|di|dei|degli|delle|delle|"
    r"из|з|із)\s+(?:(?:the|den|der|los|las|les|i|gli|le|os|as|ces|these|those|ursprünglich|"
    r"originally)\s+){0,2}$"
)
# A part of it counted vaguely, right after its noun phrase: "many", "zahlreiche", "многие".
_MANY_OF_THEM = _c(
    # (Right after it, or after a short description and a comma: "… sent to Kursk, many".)
    r"(?:[^\d.;:,]{0,50}?,\s*|\W{0,3}(?:[^\W\d_]+\s+){0,2}?)(?:many|most|some|several|numerous|hundreds|thousands|"
    r"zahlreiche|viele|einige|muchos|muchas|varios|cientos|miles|muitos|vários|centenas|"
    r"milhares|molti|numerosi|centinaia|migliaia|nombreux|plusieurs|des\s+centaines|des\s+milliers|"
    r"многие|сотни|тысячи|багато|сотні|тисячі)(?![^\W\d_])"
)


_STRONG_BREAK = _c(r"[;:]\s*")


def _agentless_clause_before(t: str, pos: int) -> bool:
    """Does the figure stand in a clause of its own, after a semicolon or colon, that opens
    with an attribution naming nobody ("…; se estima que …", "…; it is estimated that …")
    and names no claimant before the figure?"""
    cut = None
    for m in _STRONG_BREAK.finditer(t, 0, pos):
        cut = m.end()
    if cut is None:
        return False
    lead = _AGENTLESS.match(t, cut, pos) or _AGENTLESS.search(t, cut, min(pos, cut + 30))
    # (A country named there is the subject of what is estimated, not who estimates it.)
    return lead is not None and not any(
        m.claimant and not m.metonym for m in claimant_index().find(t[cut:pos])
    )


def _whole_of_many(t: str, cand: _Cand) -> bool:
    """Is the figure a whole named before a vague part of it that the loss verb counts, or
    the total the losses are counted against ("las bajas, sobre un total de 11.000")?"""
    start = max(0, cand.num.start - 40)
    end = _hedge_start(t, start, cand.num.start)  # "of the some 12,000", "um total de cerca de"
    return bool(
        _OF_THE_WHOLE.search(t, start, end) and _MANY_OF_THEM.match(t, cand.np_end)
    ) or bool(_TOTAL_OF_BEFORE.search(t, start, end))


def _hedge_start(t: str, start: int, pos: int) -> int:
    """Where a hedge right before the figure at ``pos`` begins ("about", "cerca de"), else
    ``pos``: the qualifier tables' own words, so a phrase before the hedge can be read."""
    for _, rx in _QUAL_BEFORE:
        m = rx.search(t, start, pos)
        if m:
            return m.start()
    return pos


# "out of a total of", "sobre un total de", "de um contingente total de", "su un totale di".
_TOTAL_OF_BEFORE = _c(
    r"(?<![^\W\d_])(?:out\s+of\s+a\s+total|sur\s+un\s+total|sobre\s+un\s+total|"
    r"de\s+un\s+total|de\s+um\s+(?:contingente\s+)?total|su\s+un\s+totale|"
    r"von\s+insgesamt|из\s+общего\s+числа|із\s+загальної\s+кількості)\s+(?:de|di|of|в|у)?\s*$"
)


def _claims_in(
    sent: str, t: str, lang: str | None, ctx: _Ctx, nk_spans: list[tuple[int, int]]
) -> list[Claim]:
    # Cheap gates first: a claim needs a number, and North Korea named in this sentence or
    # the previous one (every North Korean unit noun contains such a marker).
    if not (nk_spans or ctx.nk) or not has_number(t):
        return []
    lg = lang or detect_lang(t, ctx.lang)
    ctx.lang = lg
    nums = find_numbers(t, lg)
    if not nums or _historical(t) or _generic_size(t):
        return []
    cands: list[_Cand] = []
    for i, num in enumerate(nums):
        if _excluded(t, num):
            continue
        nxt = nums[i + 1].start if i + 1 < len(nums) else len(t)
        prv = nums[i - 1].end if i else 0
        cand = _find_unit(t, num, nxt, prv, lg)
        if cand is None:
            continue
        if (
            _is_year(num)
            and not _hedged(t, num.start)
            and (
                cand.elliptical
                or _words_between(t[num.end : cand.np_end]) > 3
                or (
                    cand.np_start < num.start
                    and _YEAR_PREP.search(t[max(0, num.start - 16) : num.start])
                )
            )
        ):
            continue  # a bare year, not "2000 nordkoreanische Soldaten"; "troops … in 2024"
        cands.append(cand)
    if not cands:
        return []
    _link_subsets(t, cands)
    _link_compared(t, cands)
    _coordinate(t, cands, lg in _UNSPACED)
    _link_parts(t, cands)
    other_spans = [(m.start(), m.end()) for m in _OTHER.finditer(t)]
    cues = found_cues = _cues(t)
    # "우크라이나의 공격으로", "Ukraine's offensive": another side's attack is no predicate
    # of the North Korean figure.
    attacks = [sp[1] for sp in other_spans if _attacker(t, sp)]
    if attacks:
        cues = [
            c for c in cues if not (c[2] == "deployed" and any(0 <= c[0] - a <= 3 for a in attacks))
        ]
    assigned = _assign_cues(t, cands, cues, lg)
    _move_subset_cues(cands, assigned)
    place_list = places(t)
    claims: list[Claim] = []
    source: str | None = None
    in_scope: dict[int, bool] = {}
    made: dict[int, Claim] = {}
    for idx, (cand, local) in enumerate(zip(cands, assigned, strict=True)):
        num = cand.num
        in_scope[idx] = False  # until it passes the gates below
        if (
            cand.unit_kind == "civ"
            and not _MILITARY_WORD.search(
                t[max(0, cand.np_start - 12) : cand.np_end] + _np_tail(t, cand.np_end)
            )
            and not _with_troops(t, cands, idx, cues)
        ):
            continue  # civilian workers are not troop figures
        if not _NK.search(t, num.start, cand.np_end) and (
            _INCLUDES_NK_AFTER.match(t, cand.np_end)
            or _INCLUDES_NK_BEFORE.search(t, max(0, num.start - 40), num.start)
        ):
            continue  # a total that includes North Koreans: a mixed force
        if cand.unit_kind == "nk" and _CIVIL.search(t, cand.np_end, cand.np_end + 30):
            continue  # "100,000 North Koreans work in …": labourers, not troops
        if cand.unit_kind == "weak" and not (nk_spans or _says(_MILITARY_WORD, t)):
            continue  # "two prison officers", "500 men": only with soldiers in view
        if cand.elliptical or cand.unit_kind == "count":
            near = {c for d, c, _, _ in local if d <= 6}
            military = _says(_MILITARY_WORD, t) or _sentence_unit(t, None) is not None
            # No noun of its own: needs a cue next to it, nothing counted right after it
            # ("200 teams") and a figure large enough to be a force rather than, say, a
            # number of villages. A bare person counter (people, человек, 명) needs
            # soldiers in this sentence or the previous one.
            if cand.elliptical:
                nxt_cue = any(
                    num.end <= cs and _words_between(t[num.end : cs]) == 0 for _, _, cs, _ in local
                )
                if not near or not (_ELLIPSIS_NEXT.match(t, num.end) or nxt_cue):
                    continue
                if not num.vague and (num.low or 0) < 100 and num.high is None:
                    continue
                if not (military or ctx.mil or near & set(_CASUALTY_TYPES)):
                    continue
            elif not (
                military
                or ctx.mil
                or near & set(_CASUALTY_TYPES)
                or (nk_spans and near & {"deployed", "planned"} and not _CIVIL.search(t))
            ):
                continue
        if _RATE.search(
            t, max(_clause_start(t, num.start), cand.np_start - 16), min(len(t), cand.np_end + 16)
        ):
            continue  # "losing 92 soldiers a day", "하루 평균 92명": a rate (CLAIMS.md §2)
        if (
            cand.unit == "reservists"
            or _WHOLE_SERVICE.search(
                t, max(_clause_start(t, num.start), num.start - 60), cand.np_end
            )
            or _WHOLE_SERVICE_NEXT.match(t, num.end)
        ):
            continue  # "7.6 million reservists", "the air force, about 110,000": a service
        if cand.noun_of is not None:
            ok = _scope(t, cands[cand.noun_of], nk_spans, other_spans, ctx.nk)
        elif cand.coord_of is not None:
            ok = in_scope.get(cand.coord_of, False) and not any(
                0 <= sp[0] - num.end <= 3 for sp in other_spans
            )
        else:
            ok = _scope(t, cand, nk_spans, other_spans, ctx.nk) or _shares_next_owner(
                t, cands, idx, nk_spans, other_spans
            )
        in_scope[idx] = ok
        if not ok:
            continue
        nxt_start = cands[idx + 1].num.start if idx + 1 < len(cands) else None
        prv_end = cands[idx - 1].np_end if idx else 0
        loc = location(t, place_list, num.start, cand.np_end, prv_end, nxt_start)
        if loc is None and not any(in_scope.get(j, True) for j in range(len(cands)) if j != idx):
            # The place is often not tied by a preposition ("to help rebuild Russia's
            # Kursk region", "쿠르스크 재건을 위해"): one specific place named in the
            # sentence, else the place of the previous sentence when this one names none.
            specific = {p[2] for p in place_list if p[2] not in ("Russia", "Ukraine", "Moscow")}
            if len(specific) == 1:
                loc = location(t, [(*p[:3], True) for p in place_list if p[2] in specific], 0, 0)
            elif not place_list and ctx.nk:
                if ctx.place_sent is not None:
                    ps = ctx.place_sent
                    ctx.place = next(
                        (location(ps, [p], len(ps), len(ps)) for p in places(ps) if p[3]), None
                    )
                    ctx.place_sent = None
                loc = ctx.place
        if (
            not cues
            and len(cands) == 1
            and cand.part_of is None
            and loc is None
            and not num.vague
            and num.high is None
            and (num.low or 0) < 10
        ):
            # A handful of people with nothing said of them, no sending, fighting or loss
            # and no place ("Kim appeared flanked by two officers"): no troop figure.
            continue
        category = _category(local, cues, t, cand, loc)
        if category in _CASUALTY_TYPES and _whole_of_many(t, cand):
            # "Of the 12,000 soldiers sent, many were killed": the losses are the part;
            # the figure is the whole that was there.
            category = "deployed"
        if category == "deployed" and _modal_figure(t, cand, cues):
            category = "planned"  # "may soon have as many as 12,000", "будет 12 тыс."
        elif category == "planned" and _already_there(t, cand, cues):
            category = "deployed"  # "すでに特殊部隊の3000人がロシア入り", "3000 … già in Russia"
        if category == "deployed" and not local and _restates_plan(t, ctx):
            category = "planned"  # "КНДР планирует отправить … Речь идет о 6000 …"
        if (
            category in ("deployed", "force_size")
            and (loc is None or _sized_here(t, cand))
            and _formation_size(t, cand, ctx, found_cues)
        ):
            category = "force_size"
        if category in ("force_size", "deployed") and _national_total(cand):
            # The whole army or a whole service is no claim (CLAIMS.md §2): no contingent
            # sent abroad is larger than the largest formation ("compuesto por 1,2 millones
            # de efectivos", "130万现役军人").
            continue
        if cand.compared_of in made and not any(
            # Its own loss noun says what it counts: "2,000 killed, up from 600 casualties".
            s_ <= num.end + 2 and cand.np_start <= s_ and c_ in _CASUALTY_TYPES
            for _, c_, s_, _ in local
        ):
            category = made[cand.compared_of].category  # the same measure, earlier
        if (
            num.low in ctx.figures
            and num.high is None
            and _DEFINITE_BEFORE.search(t, max(0, num.start - 8), num.start)
        ) or (
            num.high is None
            and num.low in {c.figure_low for c in made.values()} | ctx.figures
            and (
                _DEMONSTRATIVE_CJK.search(t, max(0, num.start - 6), num.start)
                or _DEMONSTRATIVE_NP_CJK.search(t, max(0, num.start - 12), num.start)
            )
        ):
            # "… la cattura di due soldati. I due soldati …", "the two soldiers": a definite
            # article points back to a figure already claimed (CLAIMS.md §6: one claim).
            continue
        prev = made.get(idx - 1)
        if (
            category in _SENDING
            and prev is not None
            and prev.category in _CASUALTY_TYPES
            and _INCLUDING_THEN_WHOLE.fullmatch(t, cands[idx - 1].np_end, num.start)
        ):
            # "死者600人を含む計約4700人", "사망자 600명을 포함한 4700명": the whole that
            # includes dead or wounded is the casualties.
            category = "casualties"
        whole = made.get(cand.part_of) if cand.part_of is not None else None
        if (
            whole is None
            and cand.part_of is not None
            and not any(c in _CASUALTY_TYPES for _, c, _, _ in local)
        ):
            # "77,000 Russian losses, including about 4,000 North Koreans": the whole is
            # someone else's, but the part is counted the way it is.
            w = cands[cand.part_of]
            whole_cat = _category(assigned[cand.part_of], cues, t, w, None)
            if whole_cat in _CASUALTY_TYPES:
                category = whole_cat
        if whole is not None:
            # "… killed or wounded in Kursk, of whom 1,000 in the past week": the part is
            # counted the way its whole is, where the whole is, unless it says otherwise.
            loc = loc or whole.location
            if whole.category in _CASUALTY_TYPES and not any(
                c in _CASUALTY_TYPES for _, c, _, _ in local
            ):
                category = whole.category
        if cand.unit_kind in ("mil", "nk", "civ", "weak"):
            unit = cand.unit if cand.unit_kind != "civ" else "builders"
        else:
            unit = _sentence_unit(t) or "troops"
        if unit == "casualty":
            # "사망자 100명", "300 casualties": the people counted are the sentence's
            # personnel noun, or plain troops.
            unit = _sentence_unit(t) or "troops"
        if source is None:
            source = _sentence_source(sent, lg, ctx)
        made[idx] = Claim(
            figure_low=num.low,
            figure_high=num.high,
            qualifier=_qualifier(t, num),
            category=category,
            unit=unit,
            source=source,
            location=loc,
            sentence=sent,
            lang=lg,
            confidence=_confidence(cand, local, bool(nk_spans), lg),
        )
        claims.append(made[idx])
    ctx.figures.update(c.figure_low for c in claims)
    if 2 <= len(made) <= _PER_FIGURE_MAX:
        _per_figure_sources(
            t, lg, ctx, [(cands[i].num.start, cands[i].num.end, made[i]) for i in made]
        )
    elif len(made) == 1:
        ((i, claim),) = made.items()
        _contrast_clause_source(t, lg, ctx, cands[i].num.start, cands[i].num.end, claim)
    for i, claim in made.items():
        if claim.source != "unattributed" and _agentless_clause_before(t, cands[i].num.start):
            claim.source = "unattributed"  # "X acknowledged …; it is estimated that 2,000 …"
    for i, claim in made.items():
        # "합참이 밝힌 1100명": a figure stated in a relative clause names its own claimant;
        # so does "…, which put the toll at 1,100" after the claimant.
        own = adnominal_source(t, lg, cands[i].num.start) or (
            None if lg in _UNSPACED else relative_speaker(t, cands[i].num.start)
        )
        if own:
            claim.source = own
    _share_plans(t, cands, made, cues)
    return claims


# Beyond this many figures in one sentence (a table or a list) the sentence's claimant
# stands for all: a clause-by-clause reading would cost a claimant lookup per figure.
_PER_FIGURE_MAX = 8
# Where one clause of a sentence ends and the next may name its own claimant.
_CLAUSE_CUT = _c(r"[,;،，；]\s*|が、|けど、|し、")


def _per_figure_sources(t: str, lang: str, ctx: _Ctx, figs: list[tuple[int, int, Claim]]) -> None:
    """Two figures, two claimants: "…1,100 killed, according to the JCS; Zelensky said
    3,000 …". Each figure's clause (cut at the last clause break between it and its
    neighbours) keeps the sentence's claimant unless it names one of its own."""
    figs = sorted(figs, key=lambda f: f[0])
    cuts: list[int | None] = []
    for (_, e1, _), (s2, _, _) in zip(figs, figs[1:], strict=False):
        ends = [m.end() for m in _CLAUSE_CUT.finditer(t, e1, s2)]
        if not ends:
            # No comma: "Zelensky said 3,000 … while the NIS estimated 1,100": a contrast
            # word opens the second figure's clause.
            ends = [m.start() for m in _CONTRAST.finditer(t, e1, s2)]
        # A fronted attribution between the two ("…, и, по оценкам X, около 2 тысяч")
        # opens the second figure's clause: cut before it, not after it.
        fronted = [c for c in ends if _opens_attribution(t, c, s2, lang)]
        cuts.append(fronted[0] if fronted else ends[-1] if ends else None)
    if not any(c is not None for c in cuts):
        return
    spans = []
    for i in range(len(figs)):
        start = next((c for c in reversed(cuts[:i]) if c is not None), 0)
        end = next((c for c in cuts[i:] if c is not None), len(t))
        spans.append((start, end))
    for i, (_, _, claim) in enumerate(figs):
        start, end = spans[i]
        if start == 0 and end == len(t):
            continue
        seg = t[start:end]
        name, explicit = source_of(seg, lang, ctx.text)
        if not name and start > 0 and _AGENTLESS.search(seg):
            # "…, and some reports put it at 12,000": a later clause that names nobody.
            claim.source = "unattributed"
            continue
        if not name and i + 1 < len(figs) and _fronted_later(t, spans[i + 1][0], lang, claim):
            # "… sent 13,000, and, according to the NIS, 2,000 of them were killed": an
            # attribution opening a later clause does not reach back to this figure.
            claim.source = _sentence_source(seg, lang, ctx)
            continue
        if _names_its_own(seg, lang, name, explicit, claim):
            claim.source = name


def _contrast_clause_source(t: str, lang: str, ctx: _Ctx, s: int, e: int, claim: Claim) -> None:
    """One figure, two speakers: "X first reported …, while Y said 10,000 …". The clause
    of the figure (between contrast words) names its claimant when it names one."""
    before = [m.start() for m in _CONTRAST.finditer(t, 0, s)]
    after = _CONTRAST.search(t, e)
    start, end = (before[-1] if before else 0), (after.start() if after else len(t))
    if start == 0 and end == len(t):
        return
    seg = t[start:end]
    name, explicit = source_of(seg, lang, ctx.text)
    if _names_its_own(seg, lang, name, explicit, claim):
        claim.source = name


def _names_its_own(seg: str, lang: str, name: str | None, explicit: bool, claim: Claim) -> bool:
    """Does a clause name a claimant of its own for ``claim``: an entity or a joint name it
    holds (not a bare phrase), other than the sentence's and other than a lawmaker, who
    relays the NIS in one clause as in the other?"""
    if not (name and explicit) or name == claim.source or name in lawmaker_names():
        return False
    if name in {m.name for m in claimant_index().find(seg)}:
        return True
    joint = joint_claimant(seg, lang, bare_ok=True)
    return joint is not None and name in (joint[2], claimant_index().resolve(joint[2], "en"))


_LEAD_CONJ = _c(r"^\W*(?:" + "|".join(_part("conjunctions")) + r")?\W*")


def _attribution_at(t: str, cut: int, end: int, lang: str, reach: int | None = None) -> int | None:
    """Where the attribution phrase opening the text at ``cut`` (after "and") starts, or
    None when the text does not open with one (looked for up to ``end``, or ``reach``
    characters)."""
    lead = _LEAD_CONJ.match(t, cut, end)
    pos = lead.end() if lead else cut
    attrib = next(iter(attributions(t[pos : pos + reach if reach else end], lang)), None)
    if attrib is not None and attrib.start() <= 2:
        return pos
    if lang == "ar":
        # Verb first, "and" written onto it: "…، وقالت كييف إن …" opens the clause too.
        verb = t[pos + 1 : end] if t.startswith("و", pos) else t[pos:end]
        if SAY.match(verb) and _AR_THAT.search(verb, 0, 60):
            return pos
    return None


# The "that" after an Arabic verb of saying and its subject ("قالت كييف إن").
_AR_THAT = _c(r"(?<![^\W\d_])[إأ]ن(?![^\W\d_])")


def _opens_attribution(t: str, cut: int, end: int, lang: str) -> bool:
    return _attribution_at(t, cut, end, lang) is not None


def _fronted_later(t: str, cut: int, lang: str, claim: Claim) -> bool:
    """Does the clause from ``cut`` open with an attribution naming ``claim``'s claimant?"""
    pos = _attribution_at(t, cut, len(t), lang, reach=80)
    if pos is None:
        return False
    name, explicit = source_of(t[pos:], lang, "")
    return explicit and name == claim.source


# Confidence: a clear claim has a predicate, a people noun and North Korea in its own
# sentence; each weaker cue takes off its share (measured on the dev split of
# data/eval/claims_real.jsonl, docs/claims.md).
_WEAK_CUES = {
    "no_predicate": 0.25,  # no cue of its own: the sentence's nearest one, or none at all
    "far_predicate": 0.15,  # its nearest cue is far from the figure
    "elliptical": 0.25,  # no noun at all ("… sent 3,000 to Kursk")
    "bare_counter": 0.15,  # a person counter or a weak noun ("명", "people", "men")
    "scope_before": 0.2,  # North Korea named only in the previous sentence
    "vague": 0.15,  # "thousands of"
}
_FAR_WORDS, _FAR_CHARS = 8, 16


def _confidence(
    cand: _Cand, local: list[tuple[int, str, int, int]], nk_here: bool, lang: str
) -> float:
    """0..1: how clearly the sentence states this figure as a North Korean troop claim."""
    weak: list[str] = []
    if not local:
        weak.append("no_predicate")
    elif min(d for d, *_ in local) > (_FAR_CHARS if lang in _CHAR_LANGS else _FAR_WORDS):
        weak.append("far_predicate")
    if cand.elliptical:
        weak.append("elliptical")
    elif cand.unit_kind in ("count", "weak"):
        weak.append("bare_counter")
    if not nk_here and cand.unit_kind != "nk":
        weak.append("scope_before")
    if cand.num.vague:
        weak.append("vague")
    return round(max(0.1, 1.0 - sum(_WEAK_CUES[w] for w in weak)), 2)


# A new clause between two figures ("… and that 1,000 …"): not one verb's objects.
_SUBORDINATE = _c(_bounded("subordinators"))
# A conjunction opening the gap between two coordinated figures.
# Up to two modifiers of the first noun may stand before it ("5 000 ouvriers militaires et").
_CONJ_START = _c(
    r"^(?:명|人|名)?(?:\s+[^\W\d_]+){0,2}?\s*,?\s*(?:"
    + "|".join(_part("conjunctions"))
    # Chinese and Japanese write the next figure right after the conjunction ("以及约5000名").
    + r")(?:\s|$|(?=[约約近逾超\d]))"
)


def _share_plans(
    t: str, cands: list[_Cand], made: dict[int, Claim], cues: list[tuple[int, int, str]]
) -> None:
    """Figures coordinated as objects of one verb share its tense: "will send 1,000 sappers
    and 5,000 builders", "공병 1,000명과 … 5,000명을 파견하기로": one planned, the other
    read as deployed from a nearer word, are both planned."""
    for i in range(len(cands) - 1):
        a, b = made.get(i), made.get(i + 1)
        if a is None or b is None or {a.category, b.category} != {"planned", "deployed"}:
            continue
        gs, ge = cands[i].np_end, min(cands[i + 1].np_start, cands[i + 1].num.start)
        if ge < gs:  # the second figure took the first one's noun ("…工兵以及约5000名")
            ge = cands[i + 1].num.start
        gap = t[gs:ge] if gs <= ge else ""
        if (
            not _CONJ_START.match(gap)
            or _words_between(gap) > 4
            or re.search(r"[.;:!?]", gap)
            or _SUBORDINATE.search(gap)
            or any(gs <= s < ge for s, _, _ in cues)
            or _NK.search(gap)
            or _OTHER.search(gap)
        ):
            continue
        a.category = b.category = "planned"


def _link_subsets(t: str, cands: list[_Cand]) -> None:
    """'About 2,000 of the roughly 13,000 troops': the first number is a part of the second;
    it takes the second's noun (and with it the North Korean scope)."""
    for i in range(len(cands) - 1):
        a, b = cands[i], cands[i + 1]
        if a.elliptical and not b.elliptical and _SUBSET.match(t[a.num.end : b.num.start]):
            a.unit, a.unit_kind, a.unit_text = b.unit, b.unit_kind, b.unit_text
            a.np_end = b.np_end
            a.elliptical = False
            a.subset_of = i + 1


# A change from one figure to another in Korean, Japanese, Chinese: "600명에서 …으로",
# "600人から…に", "600人增至…" (a range, "4万から8万人", is one number by then).
_CHANGE_CJK = _c(
    r"\s*(?:명|人|名)?\s*(?:에서|から|增至|增加至|增加到|增加为|上升至|上升到|升至|到|至)"
)


def _link_compared(t: str, cands: list[_Cand]) -> None:
    """An earlier or other estimate given for contrast ("2,000 killed, up from 600",
    "contre 600 auparavant", "по сравнению с 600") counts what the figure before it counts
    (CLAIMS.md §6: its own claim, of the same category); without a noun of its own it
    takes that figure's noun."""
    for i in range(1, len(cands)):
        p, c = cands[i - 1], cands[i]
        if p.unit_kind not in ("mil", "nk", "weak", "count") or p.elliptical:
            continue
        between = t[p.num.end : c.num.start]
        if (
            _CHANGE_CJK.match(between)
            and len(between) <= 12
            and not re.search(r"[，,。；;、]", between)
        ):
            # "기존 600명에서 2000명으로", "从此前的600人增至2000人"; not "派遣1000人至俄罗斯，
            # 其中300人阵亡", where 至 says where they went.
            c.compared_of = i - 1
            continue
        gap = t[min(p.np_end, c.num.start) : c.num.start]
        marks = list(_COMPARED.finditer(gap))
        # The marker stands right before the figure ("up from about 600"): "against" or
        # "contra" further back is the war's sides, not a comparison.
        after = gap[marks[-1].end() :] if marks else ""
        if not marks or re.search(r"[.;!?]\s", gap) or "," in after or _words_between(after) > 2:
            continue
        if c.elliptical and not c.num.vague and (c.num.low or 0) < 100:
            continue  # "… contra Kiev a partir del 1 de noviembre": a date, not a figure
        c.compared_of = i - 1
        if c.elliptical:
            c.unit, c.unit_kind, c.unit_text = p.unit, p.unit_kind, p.unit_text
            c.elliptical = False
            c.coord_of = i - 1


def _coordinate(t: str, cands: list[_Cand], cjk: bool) -> None:
    """A figure without a noun of its own takes the noun of the figure it is coordinated
    with ("killed 30 North Korean soldiers and wounded another 20", "ліквідували 50
    військових і ще 47 поранили"), or a unit from what it will do ("1,000 will clear mines")."""
    for i, c in enumerate(cands):
        if not c.elliptical:
            continue
        others = _OTHERS_AFTER.match(t, c.num.end)
        if others is not None and i:
            # "300 soldiers were killed …, and at least 2,700 others were wounded": the
            # figure counts more of the noun before it, however far in its sentence.
            p = cands[i - 1]
            if p.unit_kind in ("mil", "nk") and not re.search(
                r"[.;!?]\s", t[p.np_end : c.num.start]
            ):
                c.unit, c.unit_kind, c.unit_text = p.unit, p.unit_kind, p.unit_text
                c.np_end = others.end()
                c.elliptical = False
                c.coord_of = i - 1
                continue
        if i + 1 < len(cands) and _shares_next_noun(t, c, cands[i + 1]):
            n = cands[i + 1]
            c.unit, c.unit_kind, c.unit_text = n.unit, n.unit_kind, n.unit_text
            c.elliptical = False
            c.noun_of = i + 1
            continue
        nxt = cands[i + 1].num.start if i + 1 < len(cands) else len(t)
        tail = t[c.num.end : min(nxt, c.num.end + (16 if cjk else 60))]
        stop = re.search(r"[.;:!?]|,\s", tail)
        tail = tail[: stop.start()] if stop else tail
        for unit, rx in _ROLE_AFTER:
            if rx.search(tail):
                c.unit, c.unit_kind, c.elliptical = unit, "mil", False
                break
        if not c.elliptical or not i:
            continue
        p = cands[i - 1]
        if p.unit_kind not in ("mil", "nk", "weak") or (p.elliptical and p.coord_of is None):
            continue
        gap = t[min(p.np_end, c.num.start) : c.num.start]
        if (
            re.search(r"[.;:!?]\s|[()]", gap)
            or _words_between(gap) > 8
            or not _COORD_GAP.search(gap)
        ):
            continue
        if _NK.search(gap) or _OTHER.search(gap) or _CONTRAST.search(gap):
            continue  # a new subject or a contrast: "…, while North Korea sent 11,000"
        c.unit, c.unit_kind, c.unit_text = p.unit, p.unit_kind, p.unit_text
        c.elliptical = False
        c.coord_of = i - 1


# "Civilian" said of the workers themselves: they stay civilians whatever they are listed with.
_CIVILIAN_ADJ = _c(
    r"civilian|(?<![^\W\d_])civil(?:s|es|is|i)?(?![^\W\d_])|гражданск\w*|цивільн\w*|"
    r"민간|民間|民间|مدني\w*"
)


def _with_troops(t: str, cands: list[_Cand], i: int, cues: list[tuple[int, int, str]]) -> bool:
    """Workers listed with troops as objects of one dispatch ("will send 1,000 sappers and
    5,000 construction workers", "enverrait 1 000 militaires du génie et 5 000 travailleurs")
    are part of that military dispatch: one conjunction between the two noun phrases, no
    verb or new subject of its own, and not called civilian."""
    c = cands[i]
    if _CIVILIAN_ADJ.search(t, c.np_start, c.np_end + 20):
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(cands) or cands[j].unit_kind not in ("mil", "nk"):
            continue
        a, b = (cands[j], c) if j < i else (c, cands[j])
        gs, ge = a.np_end, min(b.np_start, b.num.start)
        if ge < gs:
            continue
        gap = t[gs:ge]
        if (
            _CONJ_WORD.search(gap)
            and _words_between(gap) <= 5
            and not re.search(r"[.;:!?()]", gap)
            and not _SUBORDINATE.search(gap)
            and not any(gs <= s < ge for s, _, _ in cues)
            and not _NK.search(gap)
            and not _OTHER.search(gap)
        ):
            return True
    return False


def _shares_next_owner(
    t: str,
    cands: list[_Cand],
    i: int,
    nk_spans: list[tuple[int, int]],
    other_spans: list[tuple[int, int]],
) -> bool:
    """'5 000 ouvriers militaires et 1 000 sapeurs nord-coréens', '1,000 sappers and 5,000
    builders from North Korea': North Korea named after the last of two coordinated noun
    phrases owns both."""
    if i + 1 >= len(cands):
        return False
    a, b = cands[i], cands[i + 1]
    if a.elliptical or b.elliptical or a.unit_kind not in ("mil", "civ", "weak"):
        return False
    gap = t[a.np_end : b.num.start] if a.np_end <= b.num.start else ""
    if (
        not _CONJ_WORD.search(gap)
        or _words_between(gap) > 5
        or re.search(r"[,.;:!?()،，、]", gap)
        or _SUBORDINATE.search(gap)
        or _INCLUDING.search(gap)
        or any(a.np_end <= sp[0] < b.np_end + 40 for sp in other_spans)
    ):
        return False
    tail = _FROM_TAIL.match(t, b.np_end)
    reach = b.np_end + (tail.end() - b.np_end if tail else 0) + 3
    return any(b.np_start <= sp[0] <= reach for sp in nk_spans)


# "Others" as a pronoun after a figure (not "2,000 other soldiers", "1.000 andere Soldaten").
_OTHERS_AFTER = _c(
    r"\s+(?:others|autres|otros|otras|altri|altre|outros|outras|andere|другие|других|інші|"
    r"інших)"
    r"(?![^\W\d_])(?!\s+(?:[^\W\d_]+\s+)?(?:soldat|soldier|troop|militar|военн|солдат|військов|"
    r"truppe|sold|trop|milit))"
    # German "weitere" is also an adjective ("500 weitere Pioniere"): a pronoun only before
    # its verb or a clause end ("etwa 2.700 weitere wurden verwundet").
    r"|\s+weitere(?=\s+(?:wurden|wurde|seien|sind|waren|haben|hätten|würden|sollen|könnten)"
    r"(?![^\W\d_])|\s*[,.;])"
)


def _shares_next_noun(t: str, c: _Cand, n: _Cand) -> bool:
    """'killed 77 and wounded 40 North Korean soldiers', 'tötete 30 und verwundete 12
    Soldaten': two verbs with one figure each share the noun after the second figure."""
    if n.elliptical or n.unit_kind not in ("mil", "nk") or n.np_start < n.num.start:
        return False
    gap = t[c.num.end : n.num.start]
    return (
        _CONJ_WORD.match(gap.strip()) is not None
        and _words_between(gap) <= 3
        and not re.search(r"[.;:!?()]", gap)
        and not _OTHER.search(gap)
    )


def _link_parts(t: str, cands: list[_Cand]) -> None:
    """'3,000 … killed or wounded in Kursk, of whom 1,000 …': a figure right after a
    partitive relative ("of whom", "из них", "davon", "이 중") or "including" counts part
    of the figure before it and takes its noun; after "of whom" also its scope."""
    for i in range(1, len(cands)):
        c, p = cands[i], cands[i - 1]
        if p.elliptical and p.coord_of is None:
            continue
        if not (c.elliptical or c.coord_of == i - 1 or c.unit_kind in ("count", "nk")):
            continue
        gap = t[min(p.np_end, c.num.start) : c.num.start]
        if re.search(r"[.;!?]\s|[()]", gap) or _words_between(gap) > 16:
            continue
        inclusive = _INCLUDING_END.search(gap)
        if not (_PART_AFTER.search(gap) or inclusive):
            continue
        c.unit, c.unit_kind, c.unit_text = p.unit, p.unit_kind, p.unit_text
        c.elliptical = False
        c.part_of = i - 1
        # "of whom" counts part of that very force, in its scope; "50,000 troops, including
        # 10,000 from North Korea" names a part with a scope of its own.
        c.coord_of = None if inclusive else i - 1


def _move_subset_cues(cands: list[_Cand], assigned: list[list[tuple[int, str, int, int]]]) -> None:
    # The predicate after "A of the B troops (…)" is A's: casualty cues move to the part.
    for i, c in enumerate(cands):
        j = c.subset_of
        if j is None:
            continue
        moving = [x for x in assigned[j] if x[1] in _CASUALTY_TYPES]
        assigned[j] = [x for x in assigned[j] if x[1] not in _CASUALTY_TYPES]
        assigned[i].extend((0, cat, s, e) for _, cat, s, e in moving)


@lru_cache(maxsize=512)
def _sentence_unit(t: str, default: str | None = "troops") -> str | None:
    """The first personnel noun of the sentence (for figures without a noun of their own)."""
    for m in _UNIT_RX.finditer(t):
        unit, kind = _classify_unit(m.group())
        if kind in ("mil", "nk") and unit != "casualty":
            return unit
    return default


def extract_claims(text: str, lang: str | None = None) -> list[Claim]:
    """Troop-figure claims in ``text``, in text order. ``lang`` forces one language for
    every sentence; None guesses it per sentence."""
    # Every claim needs North Korea named (ctx.nk starts from a sentence that names it):
    # a text that never does is settled by one scan, without splitting or reading it.
    folded = fold(text or "")
    if not _NK.search(_ARABIC_MARKS.sub("", folded) if _ARABIC_MARKS.search(folded) else folded):
        return []
    ctx = _Ctx(text=text or "")
    out: list[Claim] = []
    pending: list[Claim] = []  # claims of the sentence before, still without a claimant
    quoted: list[Claim] = []  # claims inside a quotation still open, without a claimant
    closed: list[Claim] = []  # claims of a quotation that closed at the end of a sentence
    present: list[Claim] = []  # figures of the sentence before sent in the simple present
    waited = False  # ``pending`` was kept over a sentence with neither figure nor speaker
    last: list[Claim] = []  # claims of the sentence before
    # Claims of the last few sentences a closing "X disclosed it" may still name (up to two
    # sentences without figures between): none named, or only an outlet relaying.
    run: list[Claim] = []
    run_gap = 0
    sents = split_sentences(text or "")
    if len(sents) >= 2:
        # A passage that opens on a figure and names North Korea in its second sentence
        # ("'1.500 soldados adicionais foram enviados à Rússia' … da Coreia do Norte"): the
        # opening sentence is about it too, unless it names another side's personnel.
        first, second = fold(sents[0]), fold(sents[1])
        # (A whole sentence, not a fragment split at an ordinal: "Kämpfer des 11.")
        ctx.nk = bool(
            _words_between(first) >= 5
            and not _nk_spans(first)
            and _nk_spans(second)
            and not _OTHER.search(first)
        )
    for sent in sents:
        if present and _future_of_them(sent):
            # "Nordkorea schickt 5000 Bausoldaten. Sie sollen Kursk wiederaufbauen": the
            # dispatch is announced, not done.
            for c in present:
                c.category = "planned"
        if closed:
            # '「… 2名 …。」' then '澤連斯基周六在聲明中說道': the next sentence names the speaker.
            name, _ = source_of(sent, ctx.lang or closed[0].lang, ctx.text)
            for c in closed:
                c.source = name or c.source
            closed = []
        # A country's figures ("nach ukrainischen Angaben …") are refined by the pointer
        # that names who gave them ("Das teilte Präsident Selenskyj mit").
        governed = [c for c in last if c.source.endswith(" government")]
        if (pending or governed) and _POINTER.match(sent):
            # "… 5,000 builders. Об этом сообщил Шойгу": the next sentence names who said it.
            name = _pointer_claimant(sent, ctx.lang or (pending or governed)[0].lang, ctx.text)
            if name in media_names():
                governed = []  # a paper reporting them does not replace the government
            for c in pending + governed:
                c.source = name or c.source
        elif pending and _THEY_OPENS.match(fold(sent)):
            # "North Korea will send 5,000 builders. They will rebuild Kursk, Shoigu said":
            # the speaker of the next sentence about the same people gave their figure.
            name, explicit = source_of(sent, ctx.lang or pending[0].lang, ctx.text)
            if name and explicit:
                for c in pending:
                    c.source = name
        elif run and _TRAILER.search(sent):
            # "…ことが分かった。ウクライナ軍筋が共同通信に明らかにした。": the source of the
            # report before, named after it; it replaces an outlet that only relayed it.
            name = _pointer_claimant(sent, ctx.lang or run[0].lang, ctx.text)
            for c in run:
                if name and (c.source == "unattributed" or is_outlet(c.source)):
                    c.source = name
            run = []
        closer = _QUOTE_CLOSER.search(sent) if _has_quote(sent, _CLOSING_MARKS) else None
        opens = (
            _QUOTE_OPEN.search(sent, 0, closer.start() if closer else len(sent))
            if _has_quote(sent, _OPENING_MARKS)
            else None
        )
        claims = _sentence_claims(sent, lang, ctx)
        if closer and not opens and quoted:
            # '«… 3,000 … 12,000. …», - сказал Зеленский': the quotation began sentences
            # before; whoever says it now said its figures.
            if sent[closer.end() :].strip():
                name, _ = source_of(sent[closer.start() :], ctx.lang or quoted[0].lang, ctx.text)
                for c in quoted:
                    c.source = name or c.source
            else:
                closed = quoted + [c for c in claims if c.source == "unattributed"]
            quoted = []
        unattributed = [c for c in claims if c.source == "unattributed"]
        # "… 4000 … . Из них около 1000 погибших. Об этом сообщает X": a run of sentences
        # with unattributed figures waits together for the pointer that names their source.
        held = False
        if pending and claims and len(unattributed) == len(claims):
            pending = pending + unattributed
        elif (
            pending
            and not claims
            and not waited
            and not _POINTER.match(sent)
            and source_of(sent, ctx.lang or pending[0].lang, ctx.text)[0] is None
        ):
            # "… 11 тисяч … . Їх число зростає. Про це повідомив X": one sentence with no
            # figure and no speaker may stand between the figures and their pointer.
            waited = held = True
        else:
            pending, waited = unattributed, False
        if closer:
            quoted = []
        elif held:
            pass  # its figures are in ``quoted`` already, when it is open
        elif opens or quoted or not out:  # (no closer: ``opens`` read the whole sentence)
            # Inside a quotation (or at the start of a passage that may begin inside one).
            quoted += pending
        if ctx.lead and (
            ctx.lead_left <= 1 or any(c.source not in ("unattributed", ctx.lead) for c in claims)
        ):
            ctx.lead = None  # a new speaker, or the statement is over
        ctx.lead_left -= 1
        if sent.rstrip()[-1:] in (":", "："):
            ctx.lead = source_of(sent, ctx.lang or detect_lang(fold(sent), None), ctx.text)[0]
            ctx.lead_left = 8
        run_gap = 0 if claims else run_gap + 1
        if run_gap > 2 or any(
            c.source != "unattributed" and not is_outlet(c.source) for c in claims
        ):
            run = []
        else:
            run += claims
        out.extend(claims)
        last = claims
        # (Read the tense only for a sentence with deployed figures: most have none.)
        present = [c for c in claims if c.category == "deployed"]
        if present and not _announced(sent):
            present = []
    return out


_PRESENT_SENDING = _c(lx.words([f for x in spaced() for f in x.present_sending]))
_SINCE = _c(lx.words([f for x in spaced() for f in x.since_words]))
_THEY = _c(lx.words([f for x in spaced() for f in x.plural_pronouns]))
_THEY_OPENS = _c(r"^\W{0,3}" + lx.words([f for x in spaced() for f in x.plural_pronouns]))


def _announced(sent: str) -> bool:
    """A dispatch in the simple present ("schickt", "envoie", "sends"), not said to be
    under way since a date, nor done already."""
    t = fold(sent)
    return bool(
        _PRESENT_SENDING.search(t)
        and not _SINCE.search(t)
        and not any(not _AUX.fullmatch(d.group()) for d in _DONE.finditer(t))
    )


def _future_of_them(sent: str) -> bool:
    """Does the sentence say, in the future or a modal, what 'they' (a plural pronoun or a
    people noun right before the marker) will do ("Sie sollen", "les travailleurs
    aideraient", "they will")?"""
    t = fold(sent)
    marks = [m.start() for m in _FUTURE_BEFORE.finditer(t)]
    marks += [s for s, _, c in _cues(t) if c == "planned"]
    for pos in marks:
        words = re.findall(r"[^\W\d_]+", t[max(0, pos - 40) : pos])[-3:]
        before = " ".join(words)
        if _THEY.search(before):
            return True
        if any(
            _classify_unit(m.group())[1] in ("mil", "civ", "weak", "nk")
            for m in _UNIT_RX.finditer(before)
        ):
            return True
    return False


# A quotation closing and its speaker: '…", said X', '», - сказал X', '」X周六说'.
# A straight quote closes only after a word: '"11 тисяч …' at a sentence start opens one.
_QUOTE_CLOSER = _c(r"(?:[»”」』]|(?<=\S)\")\s*[,،]?\s*[-–—]?\s*(?=\S|$)")
_QUOTE_OPEN = _c(r"[«“「『„]|(?:^|\s)\"(?=\w)")
# The marks each of them needs: most sentences hold none, and a test for a few
# characters is much cheaper than a regex scan of the sentence.
_CLOSING_MARKS = '»”」』"'
_OPENING_MARKS = '«“「『„"'


def _has_quote(sent: str, marks: str) -> bool:
    return any(m in sent for m in marks)


def _pointer_claimant(sent: str, lang: str, text: str) -> str | None:
    """The claimant a pointer sentence names: its attribution, else (verb before subject:
    "Про це повідомив Президент України Володимир Зеленський") the first claimant named,
    a person before an organisation."""
    name, _ = source_of(sent, lang, text)
    if name:
        return name
    found = [m for m in claimant_index().find(sent) if not m.metonym]
    named = [m for m in found if m.claimant]
    people = [m for m in named if m.person]
    if people or named:
        return (people or named)[0].name
    # No agency or person: a paper or broadcaster reporting ("Об этом сообщает Би-би-си")
    # is the source; a news agency only relays (claimants.wire_names).
    outlets = [m for m in found if m.name not in wire_names()]
    if outlets:
        return outlets[0].name
    # Last, a capital for its government: "L'annonce a été faite par Moscou".
    capitals = [m for m in claimant_index().find(sent) if m.metonym and m.claimant]
    return capitals[0].name if capitals else None


_POINTER = _c(
    r"^\W{0,3}(?:"
    + "|".join(f for lang in languages() for f in lang.attribution_pointer)
    + r")(?![^\W\d_])"
)
_TRAILER = _c("|".join(f for lang in languages() for f in lang.attribution_trailer))
