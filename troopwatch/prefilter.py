"""Can this raw page be about North Korean troops at all? A cheap check before extraction.

troopwatch.relevance calls an article relevant only when its title and text name North
Korea (NK), military personnel (MIL) and the war (WAR). Each of its patterns needs some
literal words ("north[\\s-]+korea\\w*" needs "north" and "korea"); those words are taken
from the patterns themselves (parsed, not copied), so when a pattern changes the check
follows. A page whose decoded HTML (plus its feed title) lacks, for some concept, every
pattern's words cannot be relevant: it is rejected before trafilatura ever sees it.

The check only ever widens: the entity KB's North Korea aliases and the few languages the
relevance patterns do not cover yet (it, pt, zh, ar) add more ways to pass, never fewer.
The page is decoded the way its text will be (HTML entities, JSON \\uXXXX escapes, NFKC,
soft hyphens) so text that is not literally in the bytes is still found; words are matched
in one pass of an Aho-Corasick automaton (pyahocorasick, as the entity tagger).
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from functools import cache
from itertools import product

import ahocorasick

from troopwatch.relevance import CONCEPTS, NK, NO_WORD_BREAKS, PATTERNS

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_constants as sre_c
    import sre_parse

# KB entities whose aliases also name North Korea (the country, its army, its leader).
KB_NK_ENTITIES = ("north-korea", "kpa", "kim-jong-un")
# North Korea in the languages neither the relevance patterns nor the KB cover yet.
EXTRA_NK: dict[str, tuple[str, ...]] = {
    "it": ("Corea del Nord", "nordcoreano", "nordcoreani", "nordcoreane", "Pyongyang"),
    "pt": ("Coreia do Norte", "norte-coreano", "norte-coreanos", "Pyongyang"),
    "zh": ("朝鲜", "朝鮮", "北韩", "北韓", "平壤", "金正恩"),
    "ar": ("كوريا الشمالية", "بيونغ يانغ", "كيم جونغ أون"),
}
_MAX_VARIANTS = 8  # character classes like [öo] are expanded up to this many variants
_MIN_TOKEN = 4  # shorter tokens are kept only when an alternative has nothing longer
# Frequent characters NFKC would change into spaces or dots, never into letters: replaced
# directly so most pages need no (slow) full normalisation.
_CHEAP_NFKC = (("\u00a0", " "), ("\u2026", "..."), ("\u2122", "tm"))

_NONWORD_CATEGORIES = {sre_c.CATEGORY_SPACE, sre_c.CATEGORY_NOT_WORD}
_UNICODE_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")

# A token: (text, must start a word). An alternative: the tokens that all must occur.
Token = tuple[str, bool]


def _only_nonword(node) -> bool:
    """Does this regex element match only non-word characters (spaces, hyphens, dots)?"""
    op, av = node
    if op is sre_c.LITERAL:
        return not (chr(av).isalnum() or chr(av) == "_")
    if op is sre_c.IN:
        return all(
            (o is sre_c.LITERAL and not (chr(a).isalnum() or chr(a) == "_"))
            or (o is sre_c.CATEGORY and a in _NONWORD_CATEGORIES)
            for o, a in av
        )
    if op is sre_c.CATEGORY:
        return av in _NONWORD_CATEGORIES
    return False


def _literal_choices(node) -> list[str] | None:
    """The characters a regex element can be, when it is one of a few literals."""
    op, av = node
    if op is sre_c.LITERAL:
        return [chr(av)]
    if op is sre_c.IN and all(o is sre_c.LITERAL for o, _ in av) and len(av) <= 3:
        return [chr(a) for _, a in av]
    return None


def pattern_tokens(pattern: str, word_start: bool) -> list[list[Token]]:
    """Alternatives of literal tokens a match of `pattern` must contain.

    Runs of literal characters are tokens; anything else (repeats, groups, look-aheads)
    ends a token. A token starts a word when the pattern is anchored there (`word_start`)
    or it follows one-or-more non-word characters (\\s+, [\\s-]+, a space).
    """
    runs: list[tuple[list[str], bool]] = []
    current: list[str] | None = None
    at_word_start = word_start
    for node in sre_parse.parse(pattern):
        op, av = node
        chars = _literal_choices(node)
        # A lone non-word literal (a dot, an apostrophe) joins a token but starts none.
        if chars is not None and (current is not None or not _only_nonword(node)):
            if current is None:
                current = [""]
                runs.append((current, at_word_start))
            current[:] = [c + ch for c in current for ch in chars][:_MAX_VARIANTS]
            at_word_start = False
            continue
        current = None
        if op is sre_c.AT:
            at_word_start = av in (sre_c.AT_BOUNDARY, sre_c.AT_BEGINNING)
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            low, _high, sub = av
            at_word_start = low >= 1 and all(_only_nonword(n) for n in sub)
        else:
            at_word_start = op is not sre_c.ASSERT_NOT and _only_nonword(node)
    kept = _distinctive([(variants, start) for variants, start in runs])
    return [
        [(text.lower(), start) for text, (_, start) in zip(combo, kept, strict=True)]
        for combo in product(*(v for v, _ in kept))
    ]


def _distinctive(tokens: list) -> list:
    """Leave out short tokens ("de", "un", "of" match almost anywhere: slow and no
    filter) when a longer one is also required; dropping a required token only widens."""

    def length(token) -> int:
        return min(len(x) for x in token[0])

    long = [t for t in tokens if length(t) >= _MIN_TOKEN]
    if long:
        return long
    return [max(tokens, key=length)] if tokens else []


def _phrase_tokens(phrase: str, lang: str) -> list[list[Token]]:
    """A KB alias or plain name as tokens: its words, each at a word start."""
    if lang in NO_WORD_BREAKS or lang in ("zh", "ja"):
        return [[(phrase.lower(), False)]]
    words = [([w], True) for w in re.split(r"[\W_]+", phrase.lower()) if w]
    kept = _distinctive(words)
    # An alias of initials only ("D.P.R.K.") would match anything: left out (only widens).
    if not kept or max(len(w[0]) for w, _ in kept) < 3:
        return []
    return [[(w[0], True) for w, _ in kept]]


@cache
def concept_alternatives() -> dict[str, tuple[tuple[Token, ...], ...]]:
    """Concept -> the alternatives (token tuples) that can make it present in a text."""
    out: dict[str, set[tuple[Token, ...]]] = {c: set() for c in CONCEPTS}
    for lang, concepts in PATTERNS.items():
        for concept, alternatives in concepts.items():
            for alt in alternatives:
                for tokens in pattern_tokens(alt, lang not in NO_WORD_BREAKS):
                    out[concept].add(tuple(tokens))
    names: list[tuple[str, str]] = [(lang, n) for lang, ns in EXTRA_NK.items() for n in ns]
    from troopwatch.entities.kb import default_kb  # the tagger's KB, loaded once

    kb = default_kb()
    for entity_id in KB_NK_ENTITIES:
        entity = kb.get(entity_id)
        if entity is not None:
            names.extend(entity.all_aliases())
    for lang, name in names:
        for tokens in _phrase_tokens(name, lang):
            out[NK].add(tuple(tokens))
    return {c: tuple(sorted(alts)) for c, alts in out.items()}


@cache
def _automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for alternatives in concept_alternatives().values():
        for tokens in alternatives:
            for text, _start in tokens:
                automaton.add_word(text, text)
    automaton.make_automaton()
    return automaton


def decode_page(raw: str) -> str:
    """The page as its extracted text will read: entities and JSON escapes decoded, NFKC,
    soft hyphens dropped, lower case (the relevance patterns ignore case)."""
    text = raw
    if "&" in text:
        text = html_lib.unescape(text)
    if "\\u" in text:
        text = _UNICODE_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    for char, replacement in _CHEAP_NFKC:
        if char in text:
            text = text.replace(char, replacement)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return text.replace("\u00ad", "").lower()


def found_tokens(text: str) -> set[Token]:
    """Every token found in a decoded text, with whether it was seen at a word start."""
    found: set[Token] = set()
    for end, word in _automaton().iter(text):
        start = end - len(word) + 1
        before = text[start - 1] if start > 0 else " "
        found.add((word, False))
        if not (before.isalnum() or before == "_"):
            found.add((word, True))
    return found


def may_be_relevant(page: str | None, title: str | None = None) -> bool:
    """False only when no text extracted from `page` (with `title`) can be relevant.

    A necessary condition of troopwatch.relevance.score_relevance(...).is_relevant: every
    concept needs one alternative whose tokens all occur. Pages that are not text (None,
    empty) are let through: the extractor decides about them.
    """
    if not page:
        return True
    found = found_tokens(decode_page(f"{title or ''}\n{page}"))
    for alternatives in concept_alternatives().values():
        if not any(all(t in found for t in tokens) for tokens in alternatives):
            return False
    return True
