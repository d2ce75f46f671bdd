"""Language identification, deterministic (langdetect is random unless seeded)."""

from __future__ import annotations

import re

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
