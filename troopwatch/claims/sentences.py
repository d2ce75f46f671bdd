"""Sentence splitting and per-sentence language guess for the claim extractor.

Splitting is rule based and multilingual: . ! ? … followed by space and a non-lowercase
start, CJK terminators 。！？ anywhere, Korean "다." even without a space, blank lines and
heading-like line breaks. It does not split after abbreviations (U.S., Gen., тыс., z. B.,
EE.UU.), initials, decimals or German ordinals before a month (17. Oktober).

Language guess is cheap first (script; Ukrainian vs Russian letters; stop words for the
Latin-script languages) and falls back to langdetect, seeded for determinism, only when
the stop words do not decide.
"""

from __future__ import annotations

import re

from troopwatch.claims.languages import languages
from troopwatch.langid import detect_sentence_language
from troopwatch.regexes import compile_re

# Abbreviations that end with a period but do not end a sentence (lower-cased, no dot).
_ABBREV = {a for lang in languages() for a in lang.abbreviations}
_MONTH_AFTER = compile_re(
    r"(?i)(?:januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|"
    r"dezember|jan|feb|okt|dez)\b"
)
_ARTICLE_BEFORE = compile_re(
    r"(?i)(?<![^\W\d_])(?:der|die|das|dem|den|des|im|am|zum|zur|vom|beim)\s+$"
)
# Words that open a new German sentence rather than follow an ordinal ("am 11. Das …").
_CLAUSE_OPENER = compile_re(
    r"(?i)(?:der|die|das|er|sie|es|ein|eine|dies\w*|nach|laut|auch|doch|aber|und)\b"
)

# Candidate boundaries: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = compile_re(
    r"[.!?…؟]+[\"'”’»)\]]*(?=\s)|[。！？]+[」』”’）)]*|(?<=다)\.(?=[^\s.])|"
    # Arabic copy often runs the next sentence on without a space: "آلاف.ومن".
    r"(?<=[\u0621-\u064a])[.؟](?=[\u0621-\u064a])"
)
_NEXT_START = compile_re(r"\s*[\"'“‘«(\[¿¡]?\s*(.)", re.S)
_TOKEN_BEFORE = compile_re(r"([^\s\"'“‘«(\[]+)$")
_LINE_END_PUNCT = compile_re(r"[.!?…:;。！？؟\"”’»)]\s*$")


# Longer tokens are no abbreviation or ordinal anyway.
_TOKEN_WINDOW = 64
# A "sentence" longer than this (a list of figures, a table flattened to text) is cut into
# pieces at clause or word boundaries: per-sentence work is then bounded and the claims of
# the whole text linear in its length. Real sentences stay far below (the longest of the
# labelled sets and the 181-page extraction corpus: under 600 characters).
MAX_SENTENCE = 1000
_CLAUSE_BREAKS = ("; ", ", ", "、", "，", "；")


def _cap(sent: str, out: list[str]) -> None:
    """Append ``sent`` to ``out``, cut into pieces of at most MAX_SENTENCE characters: after
    the last clause break of the second half of a piece, else its last space, else hard."""
    pos, n = 0, len(sent)
    while n - pos > MAX_SENTENCE:
        mid, end = pos + MAX_SENTENCE // 2, pos + MAX_SENTENCE
        cut = max(sent.rfind(b, mid, end) + len(b) for b in _CLAUSE_BREAKS)
        if cut <= mid:
            cut = sent.rfind(" ", mid, end) + 1
        if cut <= mid:
            cut = end
        piece = sent[pos:cut].strip()
        if piece:
            out.append(piece)
        pos = cut
    tail = sent[pos:].strip()
    if tail:
        out.append(tail)


def _is_abbrev(token: str) -> bool:
    t = token.lower().rstrip(".")
    if not t:
        return False
    if t in _ABBREV:
        return True
    # Initials and dotted acronyms: "J.", "U.S.", "E.U.", "EE.UU.".
    if re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", t) and len(t.replace(".", "")) <= 3:
        return len(t) == 1 or "." in t
    return False


def _split_block(block: str, out: list[str]) -> None:
    start = 0
    for m in _BOUNDARY.finditer(block):
        end = m.end()
        punct = m.group()
        if punct[0] == "." or punct.startswith("..."):
            # Only the last token matters: searching from ``start`` would re-read a long
            # run of unsplit text at every boundary (quadratic on "a. b. c. …").
            before = block[max(start, m.start() + 1 - _TOKEN_WINDOW) : m.start() + 1]
            tok = _TOKEN_BEFORE.search(before)
            word = tok.group(1) if tok else ""
            nxt = _NEXT_START.match(block, end)
            nch = nxt.group(1) if nxt else ""
            if punct == "." and _is_abbrev(word):
                continue
            if nch and nch.islower():
                continue  # "approx. ten", "z. B. die": a lower-case start continues
            # German ordinal before a month: "am 17. Oktober".
            if re.fullmatch(r"\d{1,2}\.", word) and _MONTH_AFTER.match(block, nxt.start(1)):
                continue
            # German ordinal after an article: "das 11. Korps", "der 3. Welle".
            if (
                re.fullmatch(r"\d{1,3}\.", word)
                and _ARTICLE_BEFORE.search(
                    block, max(start, m.start() - 12), m.start() + 1 - len(word)
                )
                and not _CLAUSE_OPENER.match(block, nxt.start(1))
            ):
                continue
        elif punct[0] in "!?…":
            nxt = _NEXT_START.match(block, end)
            if nxt and nxt.group(1).islower():
                continue
        _cap(block[start:end].strip(), out)
        start = end
    _cap(block[start:].strip(), out)


def _join_lines(text: str) -> list[str]:
    """Blocks of text: paragraphs split on blank lines; a single line break joins the lines
    when the next line continues the sentence (starts lower-case, previous line has no end
    punctuation) and splits otherwise (headings, captions)."""
    blocks: list[str] = []
    for para in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in para.split("\n")]
        cur = ""
        for ln in lines:
            if not ln:
                continue
            if not cur:
                cur = ln
                continue
            first = ln[0]
            joins = not _LINE_END_PUNCT.search(cur) and (
                first.islower() or (not first.isupper() and not first.isdigit() and len(cur) > 40)
            )
            if joins:
                cur += " " + ln
            else:
                blocks.append(cur)
                cur = ln
        if cur:
            blocks.append(cur)
    return blocks


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` in order (stripped, never empty)."""
    out: list[str] = []
    for block in _join_lines(text):
        _split_block(block, out)
    return out


# The language of one sentence: troopwatch.langid, the one home of language detection.
detect_lang = detect_sentence_language
