"""Traditional and simplified Chinese: one form for matching.

The press of Taiwan and Hong Kong writes traditional characters (北韓, 計畫, 陣亡), the
mainland's simplified ones (北韩, 计划, 阵亡). Chinese sentences are folded to simplified
characters before their words are matched, one character for one so offsets hold, and the
Chinese word lists get the simplified form of every entry, so each word is written once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from troopwatch.regexes import compile_re

_HAN = compile_re(r"[\u4e00-\u9fff]")
_KANA_HANGUL = compile_re(r"[\u3040-\u30ff\uac00-\ud7a3]")


@cache
def _table() -> dict[int, str]:
    """OpenCC's traditional-to-simplified characters, one to one (where a character has
    several simplified forms, the first, which OpenCC lists as the usual one)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    out: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0]
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            out[ord(trad)] = simp
    return out


def to_simplified(text: str) -> str:
    """`text` with traditional characters replaced by simplified ones (same length)."""
    return text.translate(_table())


def is_chinese(text: str) -> bool:
    """Han characters without kana or Hangul: Chinese, not Japanese or Korean."""
    return bool(_HAN.search(text)) and not _KANA_HANGUL.search(text)
