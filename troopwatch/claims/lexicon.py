"""Merged word tables for the claim extractor, as regex fragments.

The words of each language live in its module under ``troopwatch/claims/languages/``;
this module merges them into the tables ``extract.py`` and ``claimants.py`` compile, and
keeps the language-neutral data (places, claimant names). Fragments for the
space-separated languages get word boundaries when compiled (``words()``); Korean,
Japanese and Chinese fragments are matched inside running text. Case-insensitive
everywhere.

Cue tables are merged across languages on purpose: the words hardly collide, and a
sentence whose language was guessed wrong still gets its cues read.
"""

from __future__ import annotations

import re
import unicodedata
from re import _constants as _const
from re import _parser

from troopwatch.claims.languages import AP, spaced, unspaced
from troopwatch.regexes import compile_re, memo

# Language codes whose words are separated by spaces / matched inside running text.
SPACED = tuple(lang.code for lang in spaced())
UNSPACED = tuple(lang.code for lang in unspaced())
LANGS = SPACED + UNSPACED


_SPECIAL = set("\\()[]{}|.*+?^$")


def _top_level_alt(frag: str) -> bool:
    """Whether a fragment is itself an alternation ("a|b") outside any group."""
    depth = 0
    escaped = False
    in_class = False
    for ch in frag:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
    return False


@memo  # parsing every fragment of every table costs a quarter of a second per process
def first_chars(frag: str) -> frozenset[str] | None:
    """The characters a match of ``frag`` can start with (as written: compare them
    case-insensitively), or None when that is not a short list (a class like ``\\w``, a
    negated set, an optional whole). Read from the parsed regex, so it is exact: a guard
    ``(?=[those])`` in front of the fragment never rejects a place where it matches."""
    try:
        first, nullable = _first_of(_parser.parse(frag))
    except (re.error, ValueError):
        return None
    return None if first is None or nullable else frozenset(first)


def required_text(frag: str) -> str | None:
    """A piece of plain text every match of ``frag`` contains (compare it ignoring
    case): the longest run of literal characters in its top-level sequence, or None."""
    try:
        items = _parser.parse(frag)
    except (re.error, ValueError):
        return None
    best, run = "", ""
    for op, av in items:
        run = run + chr(av) if op is _const.LITERAL else ""
        best = max(best, run, key=len)
    return best if len(best) >= 2 else None


def _first_of(items) -> tuple[set[str] | None, bool]:
    """(first characters or None for any, whether the sequence can match empty)."""
    out: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        out |= first
        if not nullable:
            return out, False
    return out, True


def _first_of_item(op, av) -> tuple[set[str] | None, bool]:
    if op is _const.LITERAL:
        return {chr(av)}, False
    if op is _const.IN:
        chars: set[str] = set()
        for o, a in av:
            if o is _const.LITERAL:
                chars.add(chr(a))
            elif o is _const.RANGE and a[1] - a[0] < 256:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            else:  # negation, a category (\w), a wide range
                return None, False
        return chars, False
    if op is _const.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:
            first, n = _first_of(alt)
            if first is None:
                return None, False
            out |= first
            nullable = nullable or n
        return out, nullable
    if op is _const.SUBPATTERN:
        return _first_of(av[3])
    if op is _const.ATOMIC_GROUP:
        return _first_of(av)
    if op in (_const.MAX_REPEAT, _const.MIN_REPEAT, _const.POSSESSIVE_REPEAT):
        first, nullable = _first_of(av[2])
        return first, first is not None and (nullable or av[0] == 0)
    if op in (_const.ASSERT, _const.ASSERT_NOT, _const.AT):
        return set(), True  # zero-width: the next item consumes the first character
    return None, False  # ANY, NOT_LITERAL, CATEGORY, a group reference …


def _guard(chars) -> str:
    """A lookahead that fails at once unless the next character is one of ``chars``,
    compared case-insensitively (never stricter than the fragment it guards)."""
    return "(?=(?i:[" + "".join(re.escape(c) for c in sorted(chars)) + "]))"


def _script(ch: str) -> str:
    """First word of the Unicode name: LATIN, CYRILLIC, ARABIC, HANGUL, CJK …"""
    return unicodedata.name(ch, "?").split()[0]


def starts_with_syntax(f: str) -> bool:
    """Whether a fragment opens on regex syntax (a group, a class, an alternation) rather
    than on a plain first letter."""
    c = f[0]
    return c in _SPECIAL or not c.isalpha() or _top_level_alt(f) or f[1:2] in ("?", "*", "{")


def _meet(a: set[str], b: set[str]) -> bool:
    """Whether a character of ``a`` and one of ``b`` are equal, ignoring case."""
    rx = compile_re("[" + "".join(re.escape(c) for c in a) + "]", re.IGNORECASE)
    return any(rx.fullmatch(c) for c in b)


def ordered(frags: list[str] | tuple[str, ...]) -> str:
    """Alternation of fragments where the first that matches wins, in the order given,
    each filed under every letter it can start with (``first_chars``): at a word only
    the fragments that can start with its letter are tried, still in their order. A
    fragment that can start anywhere stays in place, between the runs filed around it."""
    out: list[str] = []
    run: list[tuple[str, frozenset[str]]] = []
    for f in frags:
        first = first_chars(f)
        if first is None:
            if run:
                out.append(_filed(run))
                run = []
            out.append("(?:" + f + ")")
        else:
            run.append((f, first))
    if run:
        out.append(_filed(run))
    return "|".join(out)


# Letters per guard inside a script: a word meets a guard per run of this many letters,
# then one per letter of its run, instead of one per letter of the script.
_LETTERS_PER_RUN = 6


def _filed(run: list[tuple[str, frozenset[str]]]) -> str:
    """``run`` filed by first letter (see ``ordered``): letters of one script behind one
    guard, in runs of a few letters behind one guard each."""
    if len(run) == 1:
        return _guard(run[0][1]) + "(?:" + run[0][0] + ")"
    letters: dict[str, list[str]] = {}
    for f, first in run:
        # Under each letter only the alternatives that can start with it: at one place
        # the others fail anyway, so the first that matches is the same.
        split = _split_lead(f, str.lower)
        for c in sorted({ch.lower() for ch in first}):
            letters.setdefault(c, []).append("(?:" + (split[c] if split else f) + ")")
    keys = sorted(letters)
    if any(_meet({a}, set(keys[i + 1 :])) for i, a in enumerate(keys)):
        # Two letters that are one ignoring case (a Kelvin sign and a k): a word could
        # be filed under both, and read out of order. Keep the plain order.
        return "|".join(_guard(first) + "(?:" + f + ")" for f, first in run)
    scripts: dict[str, list[str]] = {}
    for c in keys:
        scripts.setdefault(_script(c), []).append(c)
    return "|".join(_letter_tree(cs, letters) for cs in scripts.values())


def _letter_tree(cs: list[str], letters: dict[str, list[str]]) -> str:
    def filed(c: str) -> str:
        return _guard({c}) + "(?:" + "|".join(letters[c]) + ")"

    if len(cs) == 1:
        return filed(cs[0])
    n = _LETTERS_PER_RUN
    if len(cs) <= n:
        return _guard(set(cs)) + "(?:" + "|".join(map(filed, cs)) + ")"
    runs = [cs[i : i + n] for i in range(0, len(cs), n)]
    inner = "|".join(
        filed(r[0]) if len(r) == 1 else _guard(set(r)) + "(?:" + "|".join(map(filed, r)) + ")"
        for r in runs
    )
    return _guard(set(cs)) + "(?:" + inner + ")"


def _any_of(frags: list[str]) -> str:
    """Alternation that only tells whether one of ``frags`` matches: each is filed under
    every letter it can start with, the letters of a script behind one guard, so a word
    meets only the fragments that can start with its letter; those that can start
    anywhere come last."""
    letters: dict[str, list[str]] = {}
    anywhere: list[str] = []
    for f in frags:
        first = first_chars(f)
        if first is None:
            anywhere.append("(?:" + f + ")")
            continue
        split = _split_lead(f)
        for c in first:
            letters.setdefault(c, []).append("(?:" + (split[c] if split else f) + ")")
    scripts: dict[str, list[str]] = {}
    for c in sorted(letters):
        scripts.setdefault(_script(c), []).append(c)
    parts = [_letter_tree(cs, letters) for cs in scripts.values()]
    return "|".join(parts + anywhere)


def _split_lead(frag: str, key=lambda ch: ch) -> dict[str, str] | None:
    """A fragment that opens on a group of alternatives ("(?:va|vont|pourrait)\\s+…",
    or is one: "shells?|rounds|…"), as one fragment per first character (``key`` of it),
    each keeping, in their order, only the alternatives that can start with it (None
    when it opens otherwise). Filed under its letter, a word then tries the few
    alternatives that can match there instead of all of them (the others would fail on
    their first character, so the first that matches is the same): the big modal and
    unit tables ("potrebbe|dovrebbe|intende|…") made most of the cost of their scans."""
    lead = _leading_group(frag)
    if lead is None:
        return None
    alts, rest = lead
    if len(alts) < 2 or rest[:1] in ("?", "*", "+", "{") or _top_level_alt(rest):
        return None  # one alternative, an optional group, or "(?:a|b)c|d": no split
    firsts = [first_chars(a) for a in alts]
    if None in firsts:
        return None
    keys = [{key(ch) for ch in fc} for fc in firsts]
    return {
        c: "(?:" + "|".join(a for a, ks in zip(alts, keys, strict=True) if c in ks) + ")" + rest
        for c in set().union(*keys)
    }


def _leading_group(frag: str) -> tuple[list[str], str] | None:
    """(the alternatives of the group ``frag`` opens on, what follows the group); a
    top-level alternation is such a group with nothing after it. None for any other
    shape, and for a fragment with a named group or a back-reference (its pieces are
    repeated when filed under several letters)."""
    if "(?P" in frag or re.search(r"\\\d", frag):
        return None
    if _top_level_alt(frag):
        frag = "(?:" + frag + ")"
    elif not frag.startswith("(?:"):
        return None
    depth, escaped, in_class, alts, start = 0, False, False, [], 3
    for i, ch in enumerate(frag):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                alts.append(frag[start:i])
                return alts, frag[i + 1 :]
        elif ch == "|" and depth == 1:
            alts.append(frag[start:i])
            start = i + 1
    return None


def filed(src: str) -> str:
    """A hand-written alternation ("no\\.|number|brigade|…", or a group of them with
    more after it: "(?:aged|age|ans)\\s*$") filed by first letter as ``ordered`` files
    a table: the same matches, but at a place where none of its alternatives can start,
    one set test rejects them all. Any other shape unchanged."""
    lead = _leading_group(src)
    if lead is None or (lead[1] and (lead[1][:1] in "?*+{" or _top_level_alt(lead[1]))):
        return src
    return "(?:" + ordered(lead[0]) + ")" + lead[1]


def _bucketed(frags: list[str], any_order: bool = False) -> str:
    """Alternation grouped by first letter, longest first inside each group: the regex
    engine then rejects most branches on one character test, which keeps the big cue
    tables fast. The letter groups are gathered by script, each behind one guard on its
    first letters, so a Latin word skips the Cyrillic and Arabic groups in one test (groups
    of different first letters cannot match at the same place, so their order is free).
    Fragments that start with regex syntax stay first, in their order (``ordered``);
    ``any_order`` (for a regex that only says whether some fragment matches) puts those
    that can start anywhere last, out of the way of the guards."""
    buckets: dict[str, list[str]] = {}
    misc: list[str] = []
    for f in sorted(dict.fromkeys(frags), key=len, reverse=True):  # ties: as given
        if starts_with_syntax(f):
            misc.append(f)
        else:
            buckets.setdefault(f[0].lower(), []).append(
                f[0] + "(?:" + f[1:] + ")" if len(f) > 1 else f
            )
    if any_order:
        misc.sort(key=lambda f: first_chars(f) is None)
        parts = [f"(?:{_any_of(misc)})"] if misc else []
    else:
        parts = [f"(?:{ordered(misc)})"] if misc else []
    scripts: dict[str, list[str]] = {}
    for _c, fs in sorted(buckets.items()):
        # All fragments of a bucket share the first character: test it once.
        # The rests filed again by their own first letter (``ordered``, same order):
        # big buckets ("п…", "s…") then try only the few that can match.
        bucket = fs[0][0] + "(?:" + ordered([f[1:] if len(f) > 1 else "" for f in fs]) + ")"
        scripts.setdefault(_script(_c), []).append(bucket)
    for group in scripts.values():
        parts.append(_guard({b[0] for b in group}) + "(?:" + "|".join(group) + ")")
    return "|".join(parts)


def words(frags: list[str] | tuple[str, ...], any_order: bool = False) -> str:
    """Alternation of word-level fragments with letter boundaries on both sides."""
    return rf"(?<![^\W\d_])(?:{_bucketed(list(frags), any_order)})(?![^\W\d_])"


# Korean and Japanese fragments only start on a Hangul/kana/Han (or full-width) character;
# the lookahead lets the regex engine skip Latin and Cyrillic text at once.
CJK_START = r"(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3\uff00-\uffef%~])"


def raw(frags: list[str] | tuple[str, ...]) -> str:
    """Alternation of fragments matched inside running text (Korean, Japanese)."""
    return "|".join(sorted(dict.fromkeys(frags), key=len, reverse=True))  # ties: as given


def running(frags: list[str] | tuple[str, ...]) -> str:
    """``raw(frags)`` where a Korean/Japanese/Chinese character may start one: behind a
    guard on the characters they can start with, so that at most characters of the text
    (none starts a fragment) one set test rejects the place instead of every fragment
    being tried there."""
    firsts = [first_chars(f) for f in frags]
    guard = _guard(set().union(*firsts)) if firsts and None not in firsts else ""
    return CJK_START + guard + "(?:" + raw(frags) + ")"


def table(
    spaced: dict[str, list[str]], cjk: dict[str, list[str]] | None = None, any_order: bool = False
) -> str:
    """One regex source for a cue table: bounded words for spaced langs, raw for ko/ja.
    ``any_order``: the regex only tells whether a fragment matches, not which one."""
    parts = []
    sp = [f for lang in spaced for f in spaced[lang]]
    if sp:
        parts.append(words(sp, any_order))
    if cjk:
        cj = [f for lang in cjk for f in cjk[lang]]
        if cj:
            parts.append(running(cj))
    return "|".join(parts)


# --------------------------------------------------------------------------- merged tables

_SP, _UN = spaced(), unspaced()


def _flat(langs: list, part: str) -> list:
    return [x for lang in langs for x in getattr(lang, part)]


def _per_lang(langs: list, part: str) -> dict[str, list[str]]:
    return {lang.code: list(getattr(lang, part)) for lang in langs}


# Mentions that make personnel North Korean (the scope test), all languages.
# The Storm Corps is North Korea's, named or not.
NK_SPACED = _flat(_SP, "nk_markers") + _flat(_SP, "deployed_formations")
NK_CJK = _flat(_UN, "nk_markers") + _flat(_UN, "deployed_formations")
FORMATION_SPACED = _flat(_SP, "deployed_formations")
FORMATION_CJK = _flat(_UN, "deployed_formations")
SIZE_SPACED = _flat(_SP, "size_words")
SIZE_CJK = _flat(_UN, "size_words")
# Nationalities/countries that make a figure someone else's (owner forms).
OTHER_OWNER_SPACED = _flat(_SP, "other_owners")
OTHER_OWNER_CJK = _flat(_UN, "other_owners")
# (fragment, canonical unit, kind); order matters: the first entry matching a noun in
# full classifies it, and in the merged alternation the earlier entry wins a tie.
UNITS_SPACED = _flat(_SP, "units_first") + _flat(_SP, "units") + _flat(_SP, "non_people")
UNITS_CJK = _flat(_UN, "units_first") + _flat(_UN, "units") + _flat(_UN, "non_people")
# Qualifier order decides ties (the earlier kind wins at the same position).
QUAL_BEFORE = {
    q: {lang.code: list(lang.qualifiers_before[q]) for lang in _SP if q in lang.qualifiers_before}
    for q in ("approx", "at_least", "up_to", "nearly", "more_than")
}
QUAL_BEFORE_CJK = {
    q: [f for lang in _UN for f in lang.qualifiers_before.get(q, ())]
    for q in ("approx", "at_least", "up_to", "nearly", "more_than")
}
QUAL_AFTER = {
    q: [f for lang in _SP + _UN for f in lang.qualifiers_after.get(q, ())]
    for q in ("approx", "at_least", "more_than", "nearly", "up_to")
}
DEPLOYED_SPACED, DEPLOYED_CJK = _per_lang(_SP, "deployed"), _per_lang(_UN, "deployed")
PLANNED_SPACED, PLANNED_CJK = _per_lang(_SP, "planned"), _per_lang(_UN, "planned")
KILLED_SPACED, KILLED_CJK = _per_lang(_SP, "killed"), _per_lang(_UN, "killed")
WOUNDED_SPACED, WOUNDED_CJK = _per_lang(_SP, "wounded"), _per_lang(_UN, "wounded")
CASUALTIES_SPACED, CASUALTIES_CJK = _per_lang(_SP, "casualties"), _per_lang(_UN, "casualties")
CAPTURED_SPACED, CAPTURED_CJK = _per_lang(_SP, "captured"), _per_lang(_UN, "captured")
FORCE_SPACED, FORCE_CJK = _per_lang(_SP, "force_size"), _per_lang(_UN, "force_size")
# "according to X" style phrases (the claimant follows) and verbs of saying.
ATTRIB_BEFORE_SPACED = _flat(_SP, "attribution")
SAY_SPACED = _flat(_SP, "say_verbs")
ATTRIB_CJK = {
    # X에 따르면 / X によると: the claimant stands before the marker.
    "before_marker": _flat(
        [lang for lang in _UN if lang.attribution_after_claimant], "attribution"
    ),
    # 根据 X: the claimant follows, as in the spaced languages.
    "after_marker": _flat(
        [lang for lang in _UN if not lang.attribution_after_claimant], "attribution"
    ),
    "say": _flat(_UN, "say_verbs"),
}
# Month names: a number next to one is a date.
MONTHS = _flat(_SP, "months")

# --------------------------------------------------------------------------- North Korea

# Korean "북" alone as the North ("북이 파병한", "북의 병력"), "the North" in English and its
# Romance forms ("il Nord", "le Nord", "el Norte", "o Norte"); capitalised, so never a
# compass direction ("nel nord della Russia").
NK_EXTRA = ordered(
    [
        r"(?<![가-힣])북(?=[이은의측군에도과]|[ ,])",
        r"\bthe\s+North(?:" + AP + r"s)?\b",
        r"\b(?:[Ii]l|[Ll]e|[Ee]l|[Oo])\s+(?:Nord|Norte)\b(?!\s*(?:-|de\s+la|della|de\s+Rusia))",
    ]
)


# --------------------------------------------------------------------------- units


# --------------------------------------------------------------------------- qualifiers


# Vague-quantity words that are not numbers themselves (only used to tag vague claims).
VAGUE_HINT = compile_re(r"(?i)\b(?:several|a\s+few|few|many|some)\b")

# --------------------------------------------------------------------------- categories


# --------------------------------------------------------------------------- attribution


# Titles and filler stripped from a claimant phrase that no entity matched.
CLAIMANT_NOISE = compile_re(
    r"(?i)^(?:the|a|an|le|la|les|l'|el|los|las|der|die|das|des|dem|den|un|une|une?|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|prof\.?|president|spokesperson|spokesman|spokeswoman|"
    r"minister|secretary|general|gen\.?|lt\.?|col\.?|adm\.?|sen\.?|rep\.?|officials?|"
    r"senior|top|chief|head|director|commander|analyst|expert|lawmaker|lawmakers|"
    r"u\.s\.|us|american|south|korean|ukrainian|british|former)\s+"
)


# --------------------------------------------------------------------------- places

# Places named for deployed personnel: (regex fragment, canonical English name). Stems
# cover Russian/Ukrainian case endings. Specific places first: they win over countries.
PLACES_SPACED: list[tuple[str, str]] = [
    (
        r"kursk(?:\s+(?:region|oblast|province|area))?|курс(?:к|ьк)\w*(?:\s+област\w*)?|курщин\w*|"
        r"koursk|gebiet\s+kursk|région\s+de\s+koursk|región\s+de\s+kursk|kursker\s+gebiet",
        "Kursk",
    ),
    (r"sudzha|суджа\w*|суджі|sudscha|soudja", "Sudzha"),
    (r"vladivostok|владивосток\w*|wladiwostok", "Vladivostok"),
    (r"ussuriysk|уссурийск\w*|уссурійськ\w*", "Ussuriysk"),
    (r"khabarovsk|хабаровск\w*|хабаровськ\w*|chabarowsk", "Khabarovsk"),
    (
        r"primorsky(?:\s+krai)?|primorye|приморск\w+\s+кра\w*|примор\w*|приморськ\w+\s+кра\w*|"
        r"primorje|primorié|primorie",
        "eastern Russia",
    ),
    (
        r"(?:eastern|far[\s-]+eastern)\s+russia|russia"
        + AP
        + r"s\s+far\s+east|russian\s+far\s+east|"
        r"far\s+east(?:\s+of\s+russia)?|дальн\w+\s+восток\w*|далек\w+\s+сход\w*|дальньому\s+сході|"
        r"далекому\s+сході|fernen\s+osten(?:\s+russlands)?|osten\s+russlands|ostrussland|"
        r"extrême-orient(?:\s+russe)?|est\s+de\s+la\s+russie|lejano\s+oriente(?:\s+ruso)?|"
        r"este\s+de\s+rusia|восток\w*\s+росси\w*|сход\w*\s+росі\w*",
        "eastern Russia",
    ),
    (r"belgorod|белгород\w*|бєлгород\w*", "Belgorod"),
    (r"bryansk|брянск\w*|брянськ\w*", "Bryansk"),
    (r"donetsk|донецк\w*|донецьк\w*|donezk", "Donetsk"),
    (r"donbas+|донбасс?\w*", "Donbas"),
    (r"luhansk|луганск\w*|луганськ\w*", "Luhansk"),
    (
        r"zaporizhzhia|zaporizhia|запорож\w*|запоріж\w*|saporischschja|zaporijia|zaporiyia",
        "Zaporizhzhia",
    ),
    (r"kherson|херсон\w*|cherson|kherson", "Kherson"),
    (r"kharkiv|kharkov|харьков\w*|харків\w*|charkiw|kharkov", "Kharkiv"),
    (r"pokrovsk|покровск\w*|покровськ\w*", "Pokrovsk"),
    (r"crimea|крым\w*|крим\w*|krim|crimée", "Crimea"),
    (r"moscow|москв\w*|moskau|moscou|moscú", "Moscow"),
    (r"russia|росси[яиюей]\w*|росі[яїюєй]\w*|russland|russie|rusia", "Russia"),
    (r"ukraine|украин[аыуеой]\w*|україн[аиуіоюе]\w*|ucrania", "Ukraine"),
]
PLACES_CJK: list[tuple[str, str]] = [
    ("쿠르스크|クルスク", "Kursk"),
    ("수자|スジャ", "Sudzha"),
    ("블라디보스토크|블라디보스톡|ウラジオストク", "Vladivostok"),
    ("우수리스크|ウスリースク", "Ussuriysk"),
    ("하바롭스크|ハバロフスク", "Khabarovsk"),
    ("연해주|沿海地方|沿海州|プリモルスキー", "eastern Russia"),
    ("러시아 극동|러시아 동부|극동 지역|극동|ロシア極東|ロシア東部|極東", "eastern Russia"),
    ("벨고로드|ベルゴロド", "Belgorod"),
    ("브랸스크|ブリャンスク", "Bryansk"),
    ("도네츠크|ドネツク", "Donetsk"),
    ("돈바스|ドンバス", "Donbas"),
    ("루한스크|ルハンスク", "Luhansk"),
    ("자포리자|자포리아|ザポリージャ", "Zaporizhzhia"),
    ("헤르손|ヘルソン", "Kherson"),
    ("하르키우|ハルキウ", "Kharkiv"),
    ("포크롭스크|ポクロウシク|ポクロフスク", "Pokrovsk"),
    ("크림반도|크림|クリミア", "Crimea"),
    ("모스크바|モスクワ", "Moscow"),
    ("러시아|ロシア", "Russia"),
    ("우크라이나|ウクライナ", "Ukraine"),
]
# Prepositions/particles that make a place the personnel's location (before it in spaced
# languages, after it in Korean and Japanese).
LOC_PREP_BEFORE = compile_re(
    r"(?i)(?:\b(?:in|into|to|near|at|toward|towards|inside|within|across|on|"
    r"im|in|nach|ins|an|bei|"
    r"en|à|au|aux|dans|vers|près\s+de|"
    r"a|hacia|cerca\s+de|em|na|nel|nella|sul|sulla|sur|"
    r"в|во|на|под|к|у|до|біля|під)\s+(?:the\s+|der\s+|die\s+|la\s+|le\s+|el\s+|l['’])?"
    r"(?:(?:russia|ukraine)['’]s\s+|(?:western|southern|eastern|russian|russia's)\s+)?"
    r"(?:(?:region|oblast|area|province|border|front)\s+(?:of\s+)?)?"
    # "en territorio ruso", "em território russo", "sur le sol russe": the country's soil.
    r"(?:(?:territorio|território|territoire|sol|suelo|solo|suolo|terreno)\s+)?$)"
)
LOC_PARTICLE_AFTER = compile_re(
    r"^(?:\s*(?:지역|일대|주|州|地域|地方|州|방면|전선))?"
    r"\s*(?:에서|에|로|으로|까지|に|へ|で|の前線|の戦線|入り|行(?![가-힣]))"
)

# --------------------------------------------------------------------------- claimants

# Minimal fallback when the entity KB is missing or lacks a name: the canonical claimant
# names of the contract with their commonest forms. The KB is the home for aliases.
FALLBACK_CLAIMANTS: dict[str, list[str]] = {
    "NIS": [
        "National Intelligence Service",
        "NIS",
        "국가정보원",
        "국정원",
        "国家情報院",
        "South Korea's spy agency",
        "South Korean intelligence",
        "spy agency",
        # Korean copy's "the intelligence authorities" speak for the NIS (a claimant, not
        # an entity mention for the tagger).
        "정보 당국",
        "정보당국",
        "НИС",
        "services sud-coréens",
        "services de renseignement sud-coréens",
    ],
    "JCS": ["Joint Chiefs of Staff", "JCS", "합동참모본부", "합참", "合同参謀本部"],
    "South Korean government": [
        "südkoreanischen Schätzungen",
        "südkoreanischer Schätzung",
        "südkoreanischen Angaben",
        "South Korean government",
        "한국 정부",
        "국방백서",
        "Defence White Paper",
        "Defense White Paper",
        "防衛白書",
    ],
    "Pentagon": [
        "Pentagon",
        "Department of Defense",
        "Defense Department",
        "Пентагон",
        "펜타곤",
        "미 국방부",
        "国防総省",
        "Pentágono",
        "Pentagone",
    ],
    "White House": ["White House", "백악관", "Белый дом", "Білий дім", "ホワイトハウス"],
    "US State Department": ["State Department", "미 국무부", "Госдеп", "国務省"],
    "US government": ["US government", "Washington"],
    "NATO": ["NATO", "НАТО", "나토", "OTAN", "北大西洋条約機構"],
    "GUR": [
        "за даними розвідки",  # unspecified intelligence in Ukrainian copy -> GUR (README)
        "GUR",
        "HUR",
        "ГУР",
        "Ukrainian military intelligence",
        "Ukraine's military intelligence",
        "국방정보총국",
        "情報総局",
    ],
    "SBU": ["SBU", "СБУ", "Security Service of Ukraine"],
    "Ukrainian General Staff": [
        "General Staff of the Armed Forces of Ukraine",
        "Генштаб ВСУ",
        "Генштаб ЗСУ",
        "Генеральний штаб ЗСУ",
    ],
    "Ukrainian government": ["Ukrainian government", "Kyiv"],
    "Ukrainian Ministry of Defence": [
        "Ukrainian Ministry of Defence",
        "Міноборони",
        "Міністерство оборони України",
    ],
    "UK Ministry of Defence": [
        "UK Ministry of Defence",
        "British Ministry of Defence",
        "British defence intelligence",
        "영국 국방부",
        "英国防省",
        "イギリス国防省",
        "英国国防省",
    ],
    "ISW": ["Institute for the Study of War", "ISW", "전쟁연구소", "戦争研究所"],
    "KCNA": ["KCNA", "Korean Central News Agency", "조선중앙통신", "朝鮮中央通信", "ЦТАК"],
    "Kremlin": ["Kremlin", "Кремль", "크렘린", "クレムリン", "Kreml", "Kremlin"],
    "Russian Ministry of Defence": [
        "Russian Ministry of Defence",
        "Russian Defence Ministry",
        "Минобороны России",
        "러시아 국방부",
        "ロシア国防省",
    ],
    "Volodymyr Zelensky": [
        "Zelensky",
        "Zelenskyy",
        "Zelenskiy",
        "Зеленский",
        "Зеленський",
        "젤렌스키",
        "ゼレンスキー",
        "Selenskyj",
        "Zelensky",
        "Zelenski",
        "Ukrainian president",
        "président ukrainien",
        "presidente ucraniano",
        "ukrainische Präsident",
        "ukrainischer Präsident",
    ],
    "Kim Jong Un": ["Kim Jong Un", "Kim Jong-un", "김정은", "金正恩", "Ким Чен Ын"],
    "Kyrylo Budanov": ["Budanov", "Буданов", "부다노우", "ブダノフ"],
    "Lloyd Austin": ["Lloyd Austin", "오스틴", "Ллойд Остин", "オースティン"],
    "Mark Rutte": ["Mark Rutte", "Rutte", "Рютте", "뤼터", "ルッテ"],
    "Yoon Suk Yeol": ["Yoon Suk Yeol", "Yoon Suk-yeol", "윤석열", "尹錫悦"],
    "Vladimir Putin": ["Vladimir Putin", "Putin", "Путин", "Путін", "푸틴", "プーチン"],
    "Dmitry Peskov": ["Peskov", "Песков", "페스코프", "ペスコフ"],
    "Antony Blinken": ["Blinken", "Блинкен", "블링컨", "ブリンケン"],
    "John Kirby": ["John Kirby", "Kirby", "Кирби", "커비", "カービー"],
    "Sabrina Singh": ["Sabrina Singh", "사브리나 싱", "Сабрина Сингх"],
    "Rustem Umerov": ["Umerov", "Умеров", "우메로우"],
    "Andrii Sybiha": ["Sybiha", "Сибига", "Сибіга", "시비하"],
    "Lee Seong-kweun": ["Lee Seong-kweun", "이성권"],
    "Park Sun-won": ["Park Sun-won", "박선원"],
    "Oleksandr Syrskyi": [
        "Syrskyi",
        "Syrskiy",
        "Syrsky",
        "Syrskyj",
        "Sirski",
        "Syrskyï",
        "Сырский",
        "Сирський",
        "시르스키",
        "シルスキー",
    ],
    "Pete Hegseth": ["Hegseth", "헤그세스", "Хегсет"],
    "Marco Rubio": ["Rubio", "루비오", "Рубио", "ルビオ"],
    "Donald Trump": ["Trump", "트럼프", "Трамп", "トランプ"],
    "Joe Biden": ["Biden", "바이든", "Байден", "バイデン"],
}
# Countries and capitals standing for their government when they make a claim.
METONYM_CLAIMANTS: dict[str, list[str]] = {
    "South Korean government": [
        "South Korea",
        "Seoul",
        "Südkorea",
        "Séoul",
        "Corée du Sud",
        "Corea del Sur",
        "Seúl",
        "Сеул",
        "Южная Корея",
        "Південна Корея",
        "한국",
        "韓国",
        "우리 정부",
        "정부",
    ],
    "Ukrainian government": [
        "Ukraine",
        "Kyiv",
        "Kiev",
        "Kiew",
        "Ucrania",
        "Киев",
        "Київ",
        "Украина",
        "Україна",
        "우크라이나",
        "ウクライナ",
        "Ukrainian side",
        "ukrainischen Angaben",
        "ukrainische Angaben",
        "ukrainischer Seite",
        "우크라이나 측",
        "ウクライナ側",
        "украинская сторона",
        "украинской стороны",
        "українська сторона",
        "української сторони",
        "partie ukrainienne",
        "parte ucraniana",
    ],
    "US government": [
        "United States",
        "the US",
        "the U.S.",
        "Washington",
        "USA",
        "США",
        "미국",
        "米国",
        "EE.UU.",
        "Estados Unidos",
        "États-Unis",
        "Etats-Unis",
    ],
    "Kremlin": [
        "Russia",
        "Moscow",
        "Россия",
        "Москва",
        "Росія",
        "Москва",
        "Russland",
        "Moskau",
        "Russie",
        "Moscou",
        "Rusia",
        "Moscú",
        "러시아",
        "ロシア",
    ],
}

# Names in Italian, Portuguese, Chinese and Arabic copy (the entity KB has eight languages).
_MORE_CLAIMANTS: dict[str, list[str]] = {
    "NIS": [
        "servizi segreti sudcoreani", "intelligence sudcoreana", "Nis",
        "agenzia d'intelligence della Corea del Sud", "agenzia d’intelligence della Corea del Sud",
        "servizi di intelligence dalla Corea del Sud", "007 di Seul", "agenzia di spionaggio",
        "inteligência sul-coreana", "agência de espionagem de Seul",
        "serviços de informações sul-coreanos", "Serviço Nacional de Inteligência",
        "agência de inteligência sul-coreana", "国家情报院", "國家情報院", "國情院",
        "南韩最高情报机构", "南韓情報機構", "南韩情报机构", "韓國情報機構", "韩国情报机构",
        "南韓國情院", "南韩国情院", "韓國國家情報院", "南韓國家情報院", "南韩国家情报院", "南韓最高情報機構", "韓國國家情報院", "韩国国家情报院",
        "وكالة الاستخبارات الكورية الجنوبية", "الاستخبارات الكورية الجنوبية",
        "المخابرات الكورية الجنوبية", "وكالة المخابرات في كوريا الجنوبية",
        "جهاز الاستخبارات الوطني", "وكالة المخابرات الكورية الجنوبية",
        "Servizio nazionale di intelligence", "Servizio di intelligence nazionale",
        "intelligence di Seul", "servizi segreti di Seul", "servizi d'intelligence sudcoreani",
        "agenzia di intelligence sudcoreana", "inteligência de Seul",
        "serviço de inteligência sul-coreano", "agência de inteligência de Seul",
        "serviços secretos sul-coreanos", "جهاز الاستخبارات الكوري الجنوبي",
        "وكالة الاستخبارات في كوريا الجنوبية", "جهاز المخابرات الوطني",
        "وكالة التجسس الكورية الجنوبية",
    ],
    "JCS": [
        "Stato maggiore congiunto", "Estado-Maior Conjunto", "Estado-Maior do Exército sul-coreano",
        "参谋长联席会议", "參謀長聯席會議", "联参", "聯參", "هيئة الأركان المشتركة",
        "韩国联合参谋本部", "韓國聯合參謀本部", "联合参谋本部", "聯合參謀本部",
        "Stato maggiore congiunto sudcoreano", "Estado-Maior Conjunto sul-coreano",
        "هيئة الأركان العامة الكورية الجنوبية", "هيئة الأركان العامة في كوريا الجنوبية",
    ],
    "Pentagon": [
        "Pentagono", "Dipartimento della Difesa degli Stati Uniti",
        "dipartimento della Difesa statunitense", "Departamento de Defesa dos Estados Unidos",
        "五角大楼", "五角大樓", "美国国防部", "美國國防部", "البنتاغون", "البنتاجون",
        "وزارة الدفاع الأمريكية", "وزارة الدفاع الأميركية",
    ],
    "US State Department": [
        "Dipartimento di Stato", "Departamento de Estado", "美国国务院", "美國國務院",
        "وزارة الخارجية الأمريكية", "وزارة الخارجية الأميركية",
    ],
    "White House": ["Casa Bianca", "Casa Branca", "白宫", "白宮", "البيت الأبيض"],
    "Volodymyr Zelensky": ["泽连斯基", "澤連斯基", "زيلينسكي", "زيلنسكي"],
    "GUR": [
        "intelligence militare ucraina", "inteligência militar ucraniana", "乌克兰国防情报局",
        "烏克蘭國防情報局", "乌克兰军事情报局", "الاستخبارات العسكرية الأوكرانية",
    ],
    "Kim Jong Un": ["كيم جونغ أون"],
    "Vladimir Putin": ["普京", "بوتين"],
    "Sergei Shoigu": ["Shoigu", "شويغو", "绍伊古", "紹伊古"],
    "Kyrylo Budanov": ["布达诺夫", "بودانوف"],
    "Oleksandr Syrskyi": ["سيرسكي", "瑟尔斯基"],
    "Antony Blinken": ["布林肯", "بلينكن"],
    "UK Ministry of Defence": [
        "ministère britannique de la Défense", "britische Verteidigungsministerium",
        "britischen Verteidigungsministeriums", "Ministerio de Defensa británico",
        "ministero della Difesa britannico", "Ministério da Defesa britânico",
        "Минобороны Великобритании", "Міністерство оборони Великої Британії",
        "英国国防部", "英國國防部", "وزارة الدفاع البريطانية",
    ],
    "Lloyd Austin": ["奥斯汀", "奧斯汀", "أوستن"],
    "ISW": ["战争研究所", "戰爭研究所", "معهد دراسة الحرب"],
    "Lee Seong-kweun": ["李成权", "李成權", "لي سونغ كوان"],
    "Park Sun-won": ["朴善源", "باك سون وان"],
}  # fmt: skip
for _name, _aliases in _MORE_CLAIMANTS.items():
    FALLBACK_CLAIMANTS.setdefault(_name, []).extend(_aliases)
_MORE_METONYMS: dict[str, list[str]] = {
    "South Korean government": ["Seul", "Corea del Sud", "Coreia do Sul", "南韩", "南韓", "韩国", "韓國", "سيول", "كوريا الجنوبية"],
    "Ukrainian government": ["Ucraina", "Ucrânia", "乌克兰", "烏克蘭", "أوكرانيا", "كييف"],
    "US government": ["Stati Uniti", "EUA", "美国", "美國", "الولايات المتحدة", "واشنطن"],
    "Kremlin": ["Mosca", "Cremlino", "Rússia", "Moscou", "Moscovo", "克里姆林宫", "克里姆林宮", "الكرملين", "موسكو"],
}  # fmt: skip
for _name, _aliases in _MORE_METONYMS.items():
    METONYM_CLAIMANTS.setdefault(_name, []).extend(_aliases)

# Estimation words: every figure of the clause is approx unless it has its own hedge.
ESTIMATE = (
    r"(?<![^\W\d_])(?:"
    + "|".join(f for lang in _SP for f in lang.estimate_words)
    + r")(?![^\W\d_])|"
    + "|".join(f for lang in _UN for f in lang.estimate_words)
)
# Mentions of earlier wars: figures there are history, not this deployment.
HISTORICAL = (
    # (After a Han, kana or Hangul character too: "于1968年", "1968년에".)
    r"(?:(?<![\w.,'’])|(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7a3]))(?:19\d\d|200\d|201[0-3])(?:s|-е|-х)?(?![\d여余])(?!\s*(?:troops|soldiers|north|nord|"
    r"soldat|soldad|soldati|truppen|troupes|tropas|truppe|militar|militari|efectivos|personnel|"
    r"servicemen|hommes|mann|солдат|военн|військ|جندي|جنود|عنصر|عناصر|مقاتل|명|人|名))|"
    r"(?<![^\W\d_])(?:korean\s+war|vietnam|1950s|1960s|1970s|koreakrieg\w*|guerre\s+de\s+corée|"
    r"guerra\s+de\s+corea|корейск\w+\s+войн\w*|корейськ\w+\s+війн\w*|вьетнам\w*|в'єтнам\w*|"
    r"vietnamkrieg|guerre\s+du\s+vietnam|guerra\s+de\s+vietnam)(?![^\W\d_])|"
    r"한국전쟁|6[·.]25|베트남|朝鮮戦争|ベトナム"
)
