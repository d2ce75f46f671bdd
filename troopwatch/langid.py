"""Language identification, deterministic (langdetect is random unless seeded)."""

from __future__ import annotations

import re
from functools import lru_cache

from langdetect import DetectorFactory, LangDetectException, detect_langs

DetectorFactory.seed = 0

HANGUL = re.compile(r"[\uac00-\ud7a3]")
KANA = re.compile(r"[\u3040-\u30ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
ARABIC = re.compile(r"[\u0621-\u064a]")
UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
SAMPLE_CHARS = 1500  # enough for a stable answer; langdetect's cost grows with length


def normalise_code(code: str | None) -> str | None:
    """ISO 639-1 from langdetect codes or <html lang> values ('en-US' -> 'en', 'zh-cn' -> 'zh')."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def detect_language(text: str, hint: str | None = None) -> str | None:
    """The language of a text; `hint` (e.g. <html lang>) decides when the text is too short."""
    sample = (text or "")[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < 20:
        return normalise_code(hint)
    # Script tests first: cheap, and langdetect confuses ko/ja/zh and ru/uk on short text.
    if len(HANGUL.findall(sample)) > letters * 0.2:
        return "ko"
    if len(KANA.findall(sample)) > letters * 0.1:
        return "ja"
    # Han without kana is Chinese (langdetect calls short traditional-Chinese text Korean).
    if len(HAN.findall(sample)) > letters * 0.3:
        return "zh"
    if len(ARABIC.findall(sample)) > letters * 0.3:
        return "ar"
    best = langdetect_code(sample)
    if best is None:
        return normalise_code(hint)
    if best in ("ru", "uk", "bg", "mk") and len(UKRAINIAN_LETTERS.findall(sample)) >= 3:
        return "uk"
    return best


def langdetect_code(text: str) -> str | None:
    """langdetect's best guess (seeded, so the same text always gets the same answer), as
    an ISO 639-1 code; None when it cannot judge. The one place langdetect is called."""
    try:
        candidates = detect_langs(text)
    except LangDetectException:  # no letters to judge
        return None
    return normalise_code(candidates[0].lang) if candidates else None


# -- one sentence (the claim extractor: a sentence at a time, with the text so far) --------

_CYR = re.compile(r"[\u0400-\u04ff]")
_RU_ONLY = re.compile(r"[ыэъёЫЭЪЁ]")
_LATIN_WORD = re.compile(r"[a-zà-öø-ÿß]+")


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, set[str]], frozenset[str]]:
    """(stop words of the Latin-script languages, every code) from the claim extractor's
    language modules, for the cheap per-sentence guess."""
    from troopwatch.claims.languages import languages

    stop = {
        lang.code: set(lang.stop_words)
        for lang in languages()
        if lang.stop_words and lang.script == "latin"
    }
    return stop, frozenset(lang.code for lang in languages())


@lru_cache(maxsize=1)
def _stop_word_langs() -> dict[str, tuple[str, ...]]:
    """Each stop word with the languages it is a stop word of: a sentence's words are
    then looked up once, not once per language."""
    out: dict[str, tuple[str, ...]] = {}
    for code, words in _registry()[0].items():
        for w in words:
            out[w] = (*out.get(w, ()), code)
    return out


def detect_sentence_language(sentence: str, prior: str | None = None) -> str:
    """Language code of one sentence, one of the registered languages.

    ``prior`` is the language of the text so far (languages rarely switch mid-text); it
    decides when the script and stop words do not, before the slower langdetect."""
    if HANGUL.search(sentence):
        return "ko"
    if KANA.search(sentence):
        return "ja"
    if HAN.search(sentence):
        # Han without kana is Chinese, unless the text so far is Japanese (a kanji-only
        # headline) or the sentence is mostly Latin with a stray character.
        if prior == "ja":
            return "ja"
        if not _LATIN_WORD.search(sentence.lower()) or len(HAN.findall(sentence)) >= 4:
            return "zh"
    if ARABIC.search(sentence):
        return "ar"
    if _CYR.search(sentence):
        uk = len(UKRAINIAN_LETTERS.findall(sentence))
        ru = len(_RU_ONLY.findall(sentence))
        if uk > ru:
            return "uk"
        if ru > uk:
            return "ru"
        if prior in ("ru", "uk"):
            return prior
        return _cyrillic_words(sentence)
    stop_words = _registry()[0]
    words = _LATIN_WORD.findall(sentence.lower())
    scores = dict.fromkeys(stop_words, 0)
    langs_of = _stop_word_langs()
    for w in words:
        for lang in langs_of.get(w, ()):
            scores[lang] += 1
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    if prior in stop_words and scores[prior] >= ranked[0][1] - 1:
        return prior
    return _langdetect(sentence) or (ranked[0][0] if ranked[0][1] else "en")


def _cyrillic_words(sentence: str) -> str:
    low = sentence.lower()
    uk_words = len(re.findall(r"\b(?:та|що|як|до|від|це|який|яка|але|або|він|вона|їх|й)\b", low))
    ru_words = len(re.findall(r"\b(?:что|как|это|который|которая|но|или|он|она|их|от|и)\b", low))
    return "uk" if uk_words > ru_words else "ru"


@lru_cache(maxsize=4096)
def _langdetect(sentence: str) -> str | None:
    code = langdetect_code(sentence)
    return code if code in _registry()[1] else None
