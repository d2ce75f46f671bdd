"""Number grammar: find counts in a sentence and normalise them to integers.

Handles digits with any grouping (12,000 / 12.000 / 12 000 / 12'000 / 12k), decimals with
a scale word (1.5 thousand, 1,5 тыс., 1,2 Millionen), number words (twelve thousand,
десять тысяч, zwölftausend, dix mille, doce mil), Korean and Japanese unit composition
(1만1천, 1万2千, 3천여, 一万), vague quantities (thousands, 수천, несколько тысяч) and
ranges (10,000 to 12,000; 10-12,000; от 10 до 12 тысяч; 1만~1만2천).

The main entry point is :func:`find_numbers`; :func:`parse_number` parses one expression.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from troopwatch.claims.chinese import is_chinese, to_simplified
from troopwatch.claims.languages import AP, REGISTRY, languages, spaced, unspaced
from troopwatch.claims.lexicon import ordered, words
from troopwatch.regexes import compile_re


@dataclass(frozen=True, slots=True)
class Num:
    """One number expression in a text. ``low``/``high`` are None when vague."""

    start: int
    end: int
    low: int | None
    high: int | None = None
    vague: bool = False
    # Qualifier carried by the expression itself (Korean 여, "a few", Japanese 余).
    qualifier: str | None = None
    kind: str = "digits"  # digits | words | cjk | vague
    scale: int = 1  # multiplier of an explicit scale word (thousand, тыс., 만)
    grouped: bool = False  # digit grouping present (12,000)
    text: str = ""


# Full-width digits and punctuation folded one-to-one so offsets stay valid.
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "，": ",",
        "．": ".",
        "～": "〜",
        "\u2212": "-",
        # Arabic-Indic and Persian digits, Arabic thousands and decimal separators.
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        "\u066c": ",",
        "\u066b": ".",
    }
)


_ARABIC_COMMA_GROUP = compile_re(r"(?<=\d)،(?=\d{3}(?!\d))")


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """Same-length normalisation used before matching numbers and words (cached: the
    extractor folds each sentence several times, one after the other). Chinese text (Han
    without kana or Hangul) is folded to simplified characters, so one word list serves
    Taiwan's, Hong Kong's and the mainland's press; Japanese keeps its own characters."""
    text = text.translate(_FOLD)
    if "،" in text:
        # The Arabic comma between digits groups thousands ("10،000"), one character for one.
        text = _ARABIC_COMMA_GROUP.sub(",", text)
    return to_simplified(text) if is_chinese(text) else text


# --------------------------------------------------------------------------- scale words

# Scale words after digits, with their multipliers. "mil" is Spanish, "mille" French.
_SCALES: list[tuple[str, int]] = [s for lang in spaced() for s in lang.scale_words]
_AT_LEAST_BEFORE = compile_re(
    r"(?<![^\W\d_])(?:"
    + ordered([f for lang in spaced() for f in lang.qualifiers_before.get("at_least", ())])
    + r")\s+$",
    re.IGNORECASE,
)
_SCALE_VALUE = [(compile_re(rf"(?i){p}$"), v) for p, v in _SCALES]
_SCALE_ALT = "|".join(p for p, _ in sorted(_SCALES, key=lambda x: len(x[0]), reverse=True))


def _scale_of(word: str) -> int:
    w = word.strip()
    for rx, v in _SCALE_VALUE:
        if rx.match(w):
            return v
    return 1


# Digits: grouped thousands (any separator incl. thin/no-break space and apostrophe) or a
# plain run, an optional decimal part, then an optional "k" or scale word.
_GROUP_SEP = "[,.\u00a0\u202f\u2009 '’]"
_DIGITS = (
    rf"(?P<int>\d{{1,3}}(?:(?P<gsep>{_GROUP_SEP})\d{{3}}(?![\d]))(?:(?P=gsep)\d{{3}}(?!\d))*"
    rf"|\d+)"
    rf"(?:(?P<dsep>[.,])(?P<dec>\d{{1,3}})(?!\d))?"
    rf"(?:(?P<k>[kK])(?![^\W\d_])|[\s\u00a0\u202f]?(?P<scale>{_SCALE_ALT})(?![^\W\d_]))?"
)

# Korean/Japanese composition: parts "<digits|kanji digits|수/数><unit>" then trailing digits.
_UNSPACED = {lang.code for lang in unspaced()}
_CJK_UNITS = {ch: v for lang in reversed(unspaced()) for ch, v in lang.scale_words}
_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "两": 2,
    "兩": 2,
    "両": 2,
}
# Digit runs before a unit are bounded ({0,24}, {1,6}): unbounded, a long "1,1,1,…" or
# "111…" would be re-scanned from every digit (quadratic); real figures are far shorter.
_CJK = (
    r"(?P<cjk>(?:(?:\d[\d,]{0,24}(?:\.\d{1,6})?|[〇一二三四五六七八九两兩]|[数數수几幾])?[ ]?"
    r"[" + "".join(_CJK_UNITS) + r"][ ]?)+"
    # Trailing digits, grouped or not: "1만2000", "4万2,400".
    r"(?:\d{1,3}(?:,\d{3})+(?![\d.,])|\d+(?![\d.,]))?)"
    r"(?P<yeo>[ ]?[여余])?"
)
# The characters a CJK run can start with: a guard in front of it rejects a letter of
# Latin or Cyrillic text on one set test instead of walking the run's optional parts.
_CJK_FIRST = "(?=[\\d〇一二三四五六七八九两兩数數수几幾 " + "".join(_CJK_UNITS) + "])"
# "몇 명", "数人", "几名": a few people (vague, CLAIMS.md §1), only before a person counter.
# "成千上万的士兵", "数以千计的士兵" (thousands upon thousands): vague too.
_CJK_FEW = (
    r"(?P<few>(?<![가-힣])몇(?=[ ]?명)|[数數几幾](?=[人名](?![間间]))|"
    r"成千上[万萬]|成百上千|[数數]以[千万萬][计計])"
)
# A CJK run without Arabic digits must be followed by a person counter (or の/의 + noun)
# to count: 천 and 만 are also ordinary syllables (천안, 만나다, 백악관).
_CJK_COUNTER_AFTER = compile_re(r"[ ]?(?:여|余)?[ ]?(?:명|人|名|의 |の)")
# "천명했다" (declared) is a verb, not "a thousand people".
_KO_VERB_AFTER = compile_re(r"[ ]?명(?:하|했|한|히|되|된|확)")


def _bare_cjk_ok(t: str, start: int, end: int) -> bool:
    """A run of unit characters without digits (수천, 만, 千) needs a counter after it and,
    in Korean, must start a word."""
    if not _CJK_COUNTER_AFTER.match(t, end) or _KO_VERB_AFTER.match(t, end):
        return False
    prev = t[start - 1] if start else " "
    # After a digit: the tail of a digit run too long to be a figure ("999…9만").
    return not ("\uac00" <= prev <= "\ud7a3" or prev.isdigit())


# Larger "head counts" are no claim (10**12 people is absurd) and would not fit an int64
# field; a 309-digit run would even overflow a float.
MAX_VALUE = 10**12
_MAX_DIGITS = 15


def _sane(value: float | None) -> bool:
    """A finite figure within :data:`MAX_VALUE` (False for None)."""
    return value is not None and math.isfinite(value) and value <= MAX_VALUE


def _parse_cjk(s: str) -> tuple[float | None, bool, int]:
    """Value of a Korean/Japanese number run, whether it is vague (수천/数千), its top unit."""
    total = 0.0
    section = 0.0
    cur: float | None = None
    vague = False
    top = 1
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        if ch.isdigit():
            j = i
            while j < n and (s[j].isdigit() or s[j] in ",."):
                j += 1
            tok = s[i:j].rstrip(",.")
            j = i + len(tok)
            tok = tok.replace(",", "")
            if len(tok) > _MAX_DIGITS:
                return None, False, 1  # no real figure; float() would lose it or overflow
            try:
                cur = float(tok)
            except ValueError:
                return None, False, 1
            i = j
            continue
        if ch in _KANJI_DIGITS:
            cur = float(_KANJI_DIGITS[ch])
        elif ch in "数數수几幾":
            vague = True
            cur = 1.0
        elif ch in _CJK_UNITS:
            u = _CJK_UNITS[ch]
            top = max(top, u)
            if u >= 10_000:
                total += ((section + (cur or 0)) or 1) * u
                section = 0
            else:
                section += (cur if cur is not None else 1) * u
            cur = None
        i += 1
    total += section + (cur or 0)
    return total, vague, top


# --------------------------------------------------------------------------- number words

# Number words per language, from the language modules: token -> (value, kind); kind
# u = additive, h = hundred, s = scale, a = article (only before h/s), f = fraction
# multiplier (half, полторы), c = connector.
_WORD_TABLES = {lang.code: dict(lang.number_words) for lang in spaced() if lang.number_words}

# Nouns of approximate quantity: "un millier", "une centaine", "около сотни" are approx.
_APPROX_NOUNS = compile_re(
    r"(?i)(?:millier|centaine|dizaine|vingtaine|trentaine|quarantaine|cinquantaine|soixantaine|"
    r"millar|centenar|decena|veintena|treintena|cuarentena|cincuentena|сотн|сотен|migliai|"
    r"centinai|decina|ventina|trentina|quarantina|cinquantina|milhar|centena|dezena|vintena|"
    r"trintena|quarentena|cinquentena)"
)

# Compounding languages (German zweitausend, Italian tremila): number words are read
# from their parts.
_MORPHS = {
    lang.code: sorted(lang.number_morphemes, key=len, reverse=True)
    for lang in spaced()
    if lang.number_morphemes
}
_MORPH_RX = {code: compile_re("|".join(ms), re.IGNORECASE) for code, ms in _MORPHS.items()}
_MORPH_WORD = {
    code: compile_re("(?:" + "|".join(ms) + ")+", re.IGNORECASE) for code, ms in _MORPHS.items()
}
# Connectors allowed between number words, per language.
_CONNECT = {lang.code: lang.number_connector for lang in spaced()}

# Vague quantities per language (no figure). Longest alternatives first.
_VAGUE = {lang.code: list(lang.vague_numbers) for lang in spaced() if lang.vague_numbers}


_ARTICLE_PHRASES = {
    lang.code: list(lang.number_phrases) for lang in spaced() if lang.number_phrases
}


def _word_alt(lang: str) -> str | None:
    table = _WORD_TABLES.get(lang)
    if not table:
        return None
    if lang in _MORPHS:
        # Compounds of parts, or a whole word the parts do not spell ("million").
        whole = [
            re.escape(t)
            for t, (_, k) in table.items()
            if k in "uhs" and not _MORPH_WORD[lang].fullmatch(t)
        ]
        whole += _ARTICLE_PHRASES.get(lang, [])
        return ordered(
            [r"(?:" + "|".join(_MORPHS[lang]) + r")+", *sorted(whole, key=len, reverse=True)]
        )
    # Articles and fractions only count before a scale word ("a thousand", "un millier").
    toks = [re.escape(t).replace("'", AP) for t, (_, k) in table.items() if k in "uhs"]
    toks += _ARTICLE_PHRASES.get(lang, [])
    return ordered(sorted(toks, key=len, reverse=True))


# Korean native numerals before the person counter: 두 명, 세 명, 열 명.
_KO_NATIVE = {w: int(v) for w, (v, _) in REGISTRY["ko"].number_words.items()}
_KO_NATIVE_RX = (
    r"(?<![가-힣])(?P<kon>" + "|".join(sorted(_KO_NATIVE, key=len, reverse=True)) + r")(?=\s?명)"
)
# Japanese kanji digits before a counter: 二人, 三十人.
# Dual people nouns (Arabic "جنديين", two soldiers): a count of two.
_DUAL = {
    lang.code: r"(?P<dual>(?<![^\W\d_])(?:" + "|".join(lang.dual_people) + r")(?![^\W\d_]))"
    for lang in languages()
    if lang.dual_people
}
# Japanese/Chinese numerals before a counter (二人, 三名, 两名).
_KANJI_RX = {
    lang.code: r"(?P<jak>[" + "".join(lang.number_words) + r"]+)(?=[人名])"
    for lang in unspaced()
    if lang.script == "cjk" and lang.number_words
}
# 余 after a CJK number: Korean/Japanese usage reads it as approx (data/eval/README.md),
# Chinese as "more than" (CLAIMS.md §4).
_YEO_QUALIFIER = {"zh": "more_than"}


# Russian/Ukrainian compound adjectives that state a force's size: "десятитысячный
# контингент" (a 10,000-strong contingent), "стотисячне угруповання". The first part is a
# numeral in the genitive (or "сто"); a bare "тысячный" is the ordinal "thousandth".
_ADJ_STEMS = {
    "двух": 2, "дво": 2, "двох": 2, "трёх": 3, "трех": 3, "трьох": 3, "четырёх": 4,
    "четырех": 4, "чотирьох": 4, "пяти": 5, "п'яти": 5, "шести": 6, "семи": 7,
    "восьми": 8, "девяти": 9, "дев'яти": 9, "десяти": 10, "одиннадцати": 11,
    "одинадцяти": 11, "двенадцати": 12, "дванадцяти": 12, "тринадцати": 13,
    "тринадцяти": 13, "пятнадцати": 15, "п'ятнадцяти": 15, "двадцати": 20,
    "двадцяти": 20, "тридцати": 30, "тридцяти": 30, "сорока": 40, "пятидесяти": 50,
    "п'ятдесяти": 50, "шестидесяти": 60, "шістдесяти": 60, "семидесяти": 70,
    "сімдесяти": 70, "восьмидесяти": 80, "вісімдесяти": 80, "девяноста": 90,
    "дев'яноста": 90, "сто": 100, "двухсот": 200, "двохсот": 200, "трёхсот": 300,
    "трехсот": 300, "трьохсот": 300, "пятисот": 500, "п'ятисот": 500, "полутора": 1.5,
    "півтора": 1.5,
}  # fmt: skip
_ADJ_SCALES = {"тысячн": 1000, "тисячн": 1000, "миллионн": 1_000_000, "мільйонн": 1_000_000}
_ADJ_STEM_ALT = "|".join(sorted((k.replace("'", AP) for k in _ADJ_STEMS), key=len, reverse=True))
_ADJ_SCALE_ALT = "|".join(_ADJ_SCALES)
_ADJ_RX = (
    rf"(?<![^\W\d_])(?P<adj>(?:{_ADJ_STEM_ALT}){{1,2}}(?:{_ADJ_SCALE_ALT})[^\W\d_]{{1,4}})"
    r"(?![^\W\d_])"
)
_ADJ_PART = compile_re(f"{_ADJ_STEM_ALT}|{_ADJ_SCALE_ALT}", re.IGNORECASE)


def _adjective_value(word: str) -> tuple[int, int] | None:
    """'двадцатипятитысячный' -> (25000, 1000): value and scale; None when the stems do not
    read as one number."""
    w = word.lower().replace("’", "'").replace("ʼ", "'")
    total, pos = 0.0, 0
    for m in _ADJ_PART.finditer(w):
        if m.start() != pos:
            return None
        part = m.group()
        if part in _ADJ_SCALES:
            return (int(total * _ADJ_SCALES[part]), _ADJ_SCALES[part]) if total else None
        total += _ADJ_STEMS[part]
        pos = m.end()
    return None


@lru_cache(maxsize=16)
def _scanner(lang: str) -> re.Pattern[str]:
    """One regex per language: vague words | CJK run | digits | number words."""
    parts = []
    if lang == "ko":
        parts.append(_KO_NATIVE_RX)
    if lang in _KANJI_RX:
        parts.append(_KANJI_RX[lang])
    if lang in ("ru", "uk"):
        parts.append(_ADJ_RX)
    if lang in _DUAL:
        parts.append(_DUAL[lang])
    if lang in _VAGUE:
        parts.append(rf"(?P<vague>{words(_VAGUE[lang])})")
    if lang in ("ko", "ja", "zh"):
        parts.append(_CJK_FEW)
    parts.append(_CJK_FIRST + _CJK)
    # (The digit first: most places are none, and fail there before the lookbehinds.)
    parts.append(rf"(?=\d)(?<![\d.])(?<!\d,)(?:{_DIGITS})")
    alt = _word_alt(lang)
    if alt:
        conn = _CONNECT.get(lang) or ""
        sep = rf"(?:\s*-\s*|\s+(?:{conn}\s+)?)" if conn else r"(?:\s*-\s*|\s+)"
        w = rf"(?:{alt})"
        parts.append(rf"(?P<words>(?<![^\W\d_]){w}(?:{sep}{w})*(?![^\W\d_]))")
    return compile_re("|".join(parts), re.IGNORECASE)


def _tokens_for(lang: str, run: str) -> list[tuple[float, str]]:
    table = _WORD_TABLES[lang]
    out: list[tuple[float, str]] = []
    if lang in _MORPHS:
        for w in re.findall(r"[^\W\d_]+", run):
            lw = w.lower()
            if lw in table and not _MORPH_WORD[lang].fullmatch(lw):
                out.append(table[lw])
                continue
            for m in _MORPH_RX[lang].finditer(lw):
                t = m.group().lower()
                out.append(table.get(t, (0, "c")))
        return out
    for w in re.findall(r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)?(?:-vingts?)?", run):
        lw = w.lower().replace("’", "'").replace("ʼ", "'")
        if lw in table:
            out.append(table[lw])
    return out


def _combine_words(toks: list[tuple[float, str]]) -> float | None:
    """Standard additive/multiplicative reading of number words (twenty-five thousand)."""
    if not toks:
        return None
    kinds = [k for _, k in toks if k != "c"]
    if not any(k in "uhs" for k in kinds):
        return None
    # A lone article or "one"-like word is not a count of anything ("a", "un", "ein").
    if all(k in "ac" for k in kinds):
        return None
    total = 0.0
    cur = 0.0
    frac = None
    for v, k in toks:
        if k == "c":
            continue
        if k in "ua":
            cur += v
        elif k == "f":
            # "half a million" / "полторы тысячи": a multiplier for the next scale word.
            frac = v
        elif k == "h":
            cur = (cur or 1) * v
        elif k == "s":
            base = cur or 1
            if frac is not None and not cur:
                base = frac
            elif frac is not None:
                base = cur * frac if frac < 1 else cur + frac - 1
            total += base * v
            cur = 0
            frac = None
        if cur > MAX_VALUE or total > MAX_VALUE:
            return None  # "hundred hundred …": no figure, and 100**n soon overflows a float
    total += cur
    return total


# Range connectors between two numbers; "and"-type ones need "between" before the first.
_RANGE_DASH = compile_re(r"^\s*(?:명|人|名)?\s*[-–—~∼〜]\s*$")
_RANGE_WORD = compile_re(
    r"(?i)^\s*(?:명|人|名)?\s*(?:"
    + "|".join(w for lang in languages() for w in lang.range_to)
    + r")\s*$"
)
# An article may stand before each end: "tra i 10mila e i 12mila", "entre los 10.000 y los
# 12.000", "entre les 10 000 et les 12 000".
_RANGE_ARTICLE = r"(?:(?:the|i|gli|le|les|los|las|os|as|die|den)\s+)?"
_RANGE_AND = compile_re(
    r"(?i)^\s*(?:"
    + "|".join(w for lang in languages() for w in lang.range_and)
    + r")\s*"
    + _RANGE_ARTICLE
    + "$"
)
_BETWEEN_BEFORE = compile_re(
    r"(?i)(?<![^\W\d_])(?:"
    + "|".join(w for lang in languages() for w in lang.range_from)
    + r")\s*"
    + _RANGE_ARTICLE
    + "$"
)


def _scale_up(a: Num, b: Num) -> int | None:
    """Low end of "10-12,000" / "от 10 до 12 тысяч": the scale of the high end applies."""
    lo, hi = a.low, b.low
    if lo is None or hi is None:
        return lo
    if a.scale == 1 and not a.grouped and a.kind != "cjk" and lo < hi:
        for m in (b.scale,) if b.scale > 1 else (1000, 1_000_000):
            if m > 1 and lo * m <= hi < lo * m * 10:
                return lo * m
    return lo


def _hyphen_joined(a: Num, b: Num, between: str) -> int | None:
    """One number written in parts joined by a hyphen, not a range: "15-thousand" (digits
    and a scale word), "four-thousand-100" (a round number and what it adds)."""
    if between != "-" or a.low is None or b.low is None or a.high is not None or b.high is not None:
        return None
    # ("hundred" alone is a hundreds word, not a scale: its value stands for it.)
    scale = b.scale if b.scale > 1 else 100 if b.low == 100 and b.kind == "words" else 1
    if a.kind == "digits" and b.kind == "words" and scale >= 100 and b.low == scale:
        return a.low * scale  # "15-thousand", "27-hundred"
    if a.kind == "words" and a.scale >= 1000 and a.low % a.scale == 0 and b.kind == "digits":
        return a.low + b.low if b.low < a.scale else None
    return None


def _merge_ranges(text: str, nums: list[Num]) -> list[Num]:
    out: list[Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums) and not a.vague and not nums[i + 1].vague:
            b = nums[i + 1]
            between = text[a.end : b.start]
            joined = _hyphen_joined(a, b, between)
            if joined is not None:
                out.append(
                    Num(
                        a.start,
                        b.end,
                        joined,
                        None,
                        False,
                        a.qualifier,
                        a.kind,
                        max(a.scale, b.scale),
                        a.grouped,
                        text[a.start : b.end],
                    )
                )
                i += 2
                continue
            before = text[max(0, a.start - 14) : a.start]
            ok = bool(_RANGE_DASH.match(between) or _RANGE_WORD.match(between))
            if not ok and _RANGE_AND.match(between) and _BETWEEN_BEFORE.search(before):
                ok = True
            if ok and b.low is not None and a.low is not None:
                lo = _scale_up(a, b)
                if lo is not None and lo < b.low:
                    m = _BETWEEN_BEFORE.search(before)
                    start = a.start - (len(before) - m.start()) if m else a.start
                    out.append(
                        Num(
                            start,
                            b.end,
                            lo,
                            b.low,
                            False,
                            a.qualifier or b.qualifier,
                            b.kind,
                            b.scale,
                            b.grouped,
                            text[start : b.end],
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


_GENITIVE_PREP = compile_re(
    r"(?i)(?:около|более|свыше|до|порядка|менее|близько|понад|до|"
    r"більше|менше|майже|почти|з|с)\s+$"
)


def _digits_value(m: re.Match[str]) -> tuple[float | None, int, bool]:
    grouped = bool(m.group("gsep"))
    scale = 1
    if m.group("k"):
        scale = 1000
    elif m.group("scale"):
        scale = _scale_of(m.group("scale"))
    digits = re.sub(r"\D", "", m.group("int"))
    if not digits or len(digits.lstrip("0")) > _MAX_DIGITS:
        return None, scale, grouped
    dec = m.group("dec")
    # Three digits after a separator were taken as grouping already, so a decimal part
    # here is a real fraction: "1,5 тыс." or "1.2 million"; without a scale it is no count.
    value = float(f"{digits}.{dec}") if dec is not None else float(digits)
    return value * scale, scale, grouped


def find_numbers(text: str, lang: str = "en") -> list[Num]:
    """All number expressions in ``text`` (one sentence), ranges merged, in text order."""
    t = fold(text)
    lang = lang if lang in _WORD_TABLES or lang in _UNSPACED else "en"
    rx = _scanner(lang)
    found: list[Num] = []
    for m in rx.finditer(t):
        s, e = m.start(), m.end()
        gd = m.groupdict()
        if gd.get("kon"):
            v = _KO_NATIVE[gd["kon"]]
            if v > 1:
                found.append(Num(s, e, v, None, False, None, "words", 1, False, text[s:e]))
            continue
        if gd.get("jak"):
            v, _, _ = _parse_cjk(gd["jak"])
            if _sane(v) and v > 1 and v == int(v):
                found.append(Num(s, e, int(v), None, False, None, "cjk", 1, False, text[s:e]))
            continue
        if gd.get("dual"):
            found.append(Num(s, e, 2, None, False, None, "dual", 1, False, text[s:e]))
            continue
        if gd.get("adj"):
            adj = _adjective_value(gd["adj"])
            if adj:
                v, scale = adj
                found.append(Num(s, e, v, None, False, None, "words", scale, False, text[s:e]))
            continue
        if gd.get("few"):
            found.append(Num(s, e, None, None, True, "vague", "vague", 1, False, text[s:e]))
            continue
        if gd.get("vague"):
            vt = gd["vague"].lower()
            # "около тысячи" is "about a thousand", not "thousands".
            if vt in ("тысячи", "тисячі") and _GENITIVE_PREP.search(t[max(0, s - 12) : s]):
                found.append(Num(s, e, 1000, None, False, None, "words", 1000, False, text[s:e]))
            else:
                found.append(Num(s, e, None, None, True, "vague", "vague", 1, False, text[s:e]))
            continue
        if m.group("cjk"):
            run = m.group("cjk")
            # Trim trailing spaces the optional separators swallowed.
            e_run = m.start("cjk") + len(run.rstrip())
            has_digit = any(c.isdigit() for c in run)
            if not has_digit and not _bare_cjk_ok(t, s, m.end("cjk")):
                continue
            value, vague, top = _parse_cjk(run.strip())
            if value is None or (not vague and not _sane(value)):
                continue
            # Korean 여 / Japanese 余 ("1만여 명"): used loosely for "some", read as approx.
            qual = _YEO_QUALIFIER.get(lang, "approx") if m.group("yeo") else None
            end = m.end() if m.group("yeo") else e_run
            if vague:
                found.append(
                    Num(s, end, None, None, True, "vague", "vague", top, False, text[s:end])
                )
            elif value == int(value):
                found.append(
                    Num(s, end, int(value), None, False, qual, "cjk", top, False, text[s:end])
                )
            continue
        if m.group("int"):
            value, scale, grouped = _digits_value(m)
            if not _sane(value):
                continue
            if value != int(value):
                # 12.5 without a scale word: a measurement, not a head count; kept as a
                # float-less marker only so a range like "1.5-2 million" can still form.
                continue
            found.append(
                Num(s, e, int(value), None, False, None, "digits", scale, grouped, text[s:e])
            )
            continue
        if gd.get("words"):
            toks = _tokens_for(lang, m.group("words"))
            value = _combine_words(toks)
            if not _sane(value) or value != int(value) or value < 1:
                continue
            # Strip a leading article from the span for tidier text ("a thousand").
            scale = max([v for v, k in toks if k == "s"] or [1])
            if (
                len(toks) == 1
                and toks[0][1] == "u"
                and value == 1
                and not _AT_LEAST_BEFORE.search(text, max(0, s - 30), s)
            ):
                # A lone "one"/"один": an article-like word, not a head count; "at least
                # one" is a count.
                continue
            qual = "approx" if _APPROX_NOUNS.search(m.group("words")) else None
            found.append(
                Num(s, e, int(value), None, False, qual, "words", int(scale), False, text[s:e])
            )
    return _merge_ranges(t, found)


def parse_number(text: str, lang: str = "en") -> Num | None:
    """Parse the first number expression in ``text`` ("1만1천" -> low 11000)."""
    nums = find_numbers(text, lang)
    return nums[0] if nums else None


# Words that make a vague quantity (or a scale) on their own, for the prefilter.
_VAGUE_WORDS = tuple(w for lang in spaced() for w in lang.vague_tokens)


def _prefilter_words() -> frozenset[str]:
    toks: set[str] = set()
    for lang, table in _WORD_TABLES.items():
        if lang not in _MORPHS:
            toks.update(t.replace("'", "") for t, (_, k) in table.items() if k in "uhsf")
    for ms in _MORPHS.values():
        toks.update(ms)
    toks.update(_VAGUE_WORDS)
    toks.discard("ein")
    toks.discard("eine")
    return frozenset(toks)


_PREFILTER_WORDS = _prefilter_words()
_FAST = compile_re(
    r"[\d十百千万萬亿億만천백一二三四五六七八九两兩]|수십|몇\s?명|[数數几幾][人名]|"
    r"(?:두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무)\s?명"
)
_TOKEN = compile_re(r"[^\W\d_]+")
_DUAL_ANY = compile_re("|".join(_DUAL.values()), re.IGNORECASE) if _DUAL else None
# Parts of compound number words (German zweitausend, Italian tremila, seicento).
_GERMAN_PART = compile_re(r"tausend|hundert|zig|zehn|mila|mille|cento")
_ADJ_SCALE_PART = compile_re(_ADJ_SCALE_ALT)


def has_number(text: str) -> bool:
    """True when ``text`` may contain a number in any supported language (a cheap test:
    a digit, a CJK numeral or a number word)."""
    if _FAST.search(text) or (_DUAL_ANY is not None and _DUAL_ANY.search(text)):
        return True
    for tok in _TOKEN.findall(text.lower().replace("'", "").replace("’", "")):
        if tok in _PREFILTER_WORDS or (
            len(tok) > 6 and (_GERMAN_PART.search(tok) or _ADJ_SCALE_PART.search(tok))
        ):
            return True
    return False
