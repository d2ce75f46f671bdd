"""The speed-ups of the claim tables' regexes must not change a single match.

The word tables are compiled with guards (``lexicon.first_chars``: a fragment is only
tried where the next character is one it can start with), fragments are gathered by
script, and the cue tables are tried only where one scan (``extract._ANY_CUE_AT``) says
some cue starts. Here each compiled table is compared with the plain alternation it
stands for (the fragments in their order, no guard) over every sentence of the project's
texts, and the first-character reading is checked on fragments of every shape.
"""

from __future__ import annotations

import json
import re

import pytest

from troopwatch.claims import claimants, extract, split_sentences
from troopwatch.claims import lexicon as lx
from troopwatch.claims.numbers import fold
from troopwatch.paths import EVAL_DIR, SEEDS_DIR

_I = re.IGNORECASE


def _texts() -> list[str]:
    out = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    for path in sorted(EVAL_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            out += [r["text"] for r in map(json.loads, filter(str.strip, fh)) if "text" in r]
    return out


@pytest.fixture(scope="module")
def sentences() -> list[str]:
    # As the extractor reads them (folded), plus the raw text the claimant rules read.
    sents = [s for t in _texts() for s in split_sentences(t)]
    assert len(sents) > 2000
    return sents + [fold(s) for s in sents]


def _plain_words(frags) -> str:
    """What ``lexicon.words`` compiled to before the guards: fragments that start with
    regex syntax first (longest first), then the rest by first letter, longest first."""
    frags = sorted(set(frags), key=len, reverse=True)
    misc = [f for f in frags if lx.starts_with_syntax(f)]
    rest = sorted((f for f in frags if not lx.starts_with_syntax(f)), key=lambda f: f[0].lower())
    alt = "|".join(f"(?:{f})" for f in misc + rest)
    return rf"(?<![^\W\d_])(?:{alt})(?![^\W\d_])"


def _plain_table(spaced: dict, cjk: dict) -> str:
    sp = [f for fs in spaced.values() for f in fs]
    cj = [f for fs in cjk.values() for f in fs]
    parts = [_plain_words(sp)] if sp else []
    return "|".join(parts + ([f"{lx.CJK_START}(?:{lx.raw(cj)})"] if cj else []))


def _spans(rx: re.Pattern[str], sents: list[str]) -> list:
    return [[m.span() for m in rx.finditer(s)] for s in sents]


def test_first_chars_reads_every_shape() -> None:
    assert lx.first_chars("troops") == {"t"}
    assert lx.first_chars(r"(?:va|vont|pourrait)\s+envoyer") == {"v", "p"}
    assert lx.first_chars(r"(?=[\u0621-\u064a])(?:[وف]?)وصل(?:ت|وا)?") == {"و", "ف"}
    assert lx.first_chars(r"\b(?:the\s+)?total") == {"t"}
    assert lx.first_chars(r"[^\W\d_]{2,}ront") is None  # any letter
    assert lx.first_chars(r"(?:a|\w+)b") is None
    assert lx.first_chars(r"x?") is None  # matches the empty string: starts anywhere
    assert lx.first_chars(r"(?:x?)y") == {"x", "y"}
    assert lx.required_text(r"[^\W\d_]{2,}(?:ar|er|ir)ão") == "ão"
    assert lx.required_text(r"(?:a|b)c") is None


def test_split_lead_keeps_each_alternative_under_its_letters() -> None:
    """A fragment opening on a group of alternatives (or one) is split by first letter;
    any other shape stays whole (an optional group, a named group, one word)."""
    assert lx._split_lead(r"(?:va|vont|pourrait|[Pp]lus)\s+envoyer") == {
        "v": r"(?:va|vont)\s+envoyer",
        "p": r"(?:pourrait|[Pp]lus)\s+envoyer",
        "P": r"(?:[Pp]lus)\s+envoyer",
    }
    assert lx._split_lead(r"(?:a(?:x|y)|b\))c") == {"a": r"(?:a(?:x|y))c", "b": r"(?:b\))c"}
    assert lx._split_lead(r"(?:the\s+)?total") is None
    # A top-level alternation is a group of alternatives with nothing after it.
    assert lx._split_lead(r"(?:a|b)c|d") == {"a": "(?:(?:a|b)c)", "b": "(?:(?:a|b)c)", "d": "(?:d)"}
    assert lx._split_lead("Tanks?|rounds|troops", str.lower) == {
        "t": "(?:Tanks?|troops)",
        "r": "(?:rounds)",
    }
    assert lx._split_lead(r"(?:a|x?)c") is None  # an alternative that can be empty
    assert lx._split_lead(r"(?:a|b)(?P<n>c)") is None
    assert lx._split_lead("send") is None


def test_guard_never_rejects_a_match(sentences: list[str]) -> None:
    """Every fragment of the cue tables that starts with regex syntax matches only where
    its guard lets it (a direct test of ``first_chars``; the other tables are covered by
    the comparisons below)."""
    frags = {f for _, sp, _ in extract._CUE_TABLES for fs in sp.values() for f in fs}
    text = "\n".join(sentences[len(sentences) // 2 :])  # folded, as the extractor reads
    checked = 0
    for f in sorted(frags):
        first = lx.first_chars(f) if lx.starts_with_syntax(f) else None
        if first is None:
            continue
        guard = re.compile(lx._guard(first))
        for m in re.finditer(f"(?=(?:{f}))", text, _I):
            assert guard.match(text, m.start()), (f, text[m.start() : m.start() + 30])
            checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    "name, spaced, cjk",
    [(cat, sp, cj) for cat, sp, cj in extract._CUE_TABLES]
    + [
        ("nk", {"x": lx.NK_SPACED}, {"x": lx.NK_CJK}),
        ("say", {"x": lx.SAY_SPACED}, {"x": lx.ATTRIB_CJK["say"]}),
        ("attribution", {"x": lx.ATTRIB_BEFORE_SPACED}, {"x": lx.ATTRIB_CJK["after_marker"]}),
        ("places", {"x": [f for f, _ in lx.PLACES_SPACED]}, {"x": [f for f, _ in lx.PLACES_CJK]}),
        ("attribution marker (ko/ja)", {}, {"x": lx.ATTRIB_CJK["before_marker"]}),
    ],
)
def test_guarded_table_finds_the_same_matches(name, spaced, cjk, sentences) -> None:
    fast = re.compile(lx.table(spaced, cjk), _I)
    plain = re.compile(_plain_table(spaced, cjk), _I)
    assert _spans(fast, sentences) == _spans(plain, sentences), name


def test_compiled_tables_are_the_guarded_ones() -> None:
    """The regexes the extractor uses are built by ``lexicon.table`` (so the comparison
    above covers them)."""
    assert claimants.SAY.pattern == lx.table({"x": lx.SAY_SPACED}, {"x": lx.ATTRIB_CJK["say"]}), (
        "SAY is built another way: compare it above"
    )
    assert claimants._CJK_MARKER.pattern == lx.table({}, {"x": lx.ATTRIB_CJK["before_marker"]})
    for cat, rx in extract._CUES:
        _, sp, cj = next(t for t in extract._CUE_TABLES if t[0] == cat)
        assert rx.pattern == lx.table(sp, cj)


def test_cue_matches_equal_one_scan_per_table(sentences: list[str]) -> None:
    """One scan for where any cue starts, then each table tried there: the same cues as
    ``finditer`` of each table over the whole sentence."""
    for s in sentences:
        slow = [(m.start(), m.end(), cat) for cat, rx in extract._CUES for m in rx.finditer(s)]
        # (finditer steps over an empty match differently; no cue is empty)
        assert all(start < end for start, end, _ in slow)
        assert extract._cue_matches(s) == slow, s


def test_unit_table_keeps_its_order(sentences: list[str]) -> None:
    """The unit nouns are tried in their order (special forces before forces): the
    guarded alternation matches what the plain one does."""
    spaced = [f for f, _, _ in lx.UNITS_SPACED]
    cjk = [f for f, _, _ in lx.UNITS_CJK]
    plain = re.compile(
        r"(?<![^\W\d_])(?:"
        + "|".join(f"(?:{f})" for f in spaced)
        + r")(?![^\W\d_])|"
        + lx.CJK_START
        + "(?:"
        + "|".join(f"(?:{f})" for f in cjk)
        + ")",
        _I,
    )
    assert _spans(extract._UNIT_RX, sentences) == _spans(plain, sentences)


# Parts the extractor reads as stems anywhere (``_any``) or as whole words (``_bounded``).
_ANY_PARTS = ["countries", "loss_words", "whole_force_nouns", "casualty_nouns", "increase_verbs",
              "percent_words", "civilian_words", "military_words"]  # fmt: skip
_BOUNDED_PARTS = ["whole_services", "rate_markers", "including", "together", "partitive",
                  "contrast", "perfect_markers", "subordinators"]  # fmt: skip


@pytest.mark.parametrize("name", _ANY_PARTS + _BOUNDED_PARTS)
def test_part_filed_by_letter_finds_the_same_matches(name: str, sentences: list[str]) -> None:
    """``_any``/``_bounded`` file a part's fragments by first letter: the same matches
    as the plain alternation of the fragments in their order."""
    if name in _ANY_PARTS:
        fast, plain = extract._any(name), "|".join(extract._part(name))
    else:
        fast = extract._bounded(name)
        sp = "|".join(extract._part(name, extract.spaced()))
        cjk = "|".join(extract._part(name, extract.unspaced()))
        plain = rf"\b(?:{sp})\b" + (f"|{cjk}" if cjk else "")
    assert fast != plain or not extract._part(name, extract.spaced())
    assert _spans(re.compile(fast, _I), sentences) == _spans(re.compile(plain, _I), sentences)


def test_number_scanner_guards_change_no_match(sentences: list[str]) -> None:
    """The number scanner's guards (a CJK run's first characters, a digit before the
    lookbehinds) find what the scanner finds without them, in every language."""
    from troopwatch.claims import numbers as nu
    from troopwatch.claims.languages import languages

    for code in sorted({lang.code for lang in languages()}):
        fast = nu._scanner(code)
        src = fast.pattern.replace(nu._CJK_FIRST, "").replace(r"(?=\d)(?<![\d.])", r"(?<![\d.])")
        assert src != fast.pattern
        plain = re.compile(src, fast.flags)
        for s in sentences:
            assert [(m.span(), m.groupdict()) for m in fast.finditer(s)] == [
                (m.span(), m.groupdict()) for m in plain.finditer(s)
            ], (code, s)


def test_filed_alternation_finds_the_same_matches(sentences: list[str]) -> None:
    """``lexicon.filed`` (a hand-written alternation filed by first letter) keeps every
    match, and leaves other shapes alone."""
    ordinal = r"(?:제|第|no\.|(?<!to\s)number|brigade|полк|الفوج|rule)\s*$"
    for src in (lx.HISTORICAL, ordinal, r"(?:aged|age|ans|лет|살)\s*$"):
        fast = lx.filed(src)
        assert fast != src
        plain_rx, fast_rx = re.compile(src, _I), re.compile(fast, _I)
        assert _spans(fast_rx, sentences) == _spans(plain_rx, sentences)
        for s in sentences[:3000]:  # as the rules read them: the words before a number
            for end in range(0, len(s), 7):
                w = s[max(0, end - 24) : end]
                assert bool(fast_rx.search(w)) == bool(plain_rx.search(w))
    assert lx.filed(r"(?:a|b)?c") == r"(?:a|b)?c"
    assert lx.filed(r"(?:a|b)c|d").startswith("(?:(?=")
