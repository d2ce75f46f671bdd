"""The one structure every language module fills: the words the claim extractor reads.

Each language lives in its own module (``en.py``, ``ko.py``, …) as one ``LanguageData``;
``troopwatch.claims.languages`` registers them and ``lexicon.py``, ``numbers.py``,
``sentences.py`` and ``claimants.py`` compile the merged tables from the registry. The
fields are regex fragments (case-insensitive). For space-separated languages
(``script`` latin/cyrillic/arabic) fragments get letter boundaries when compiled; for
Korean, Japanese and Chinese they are matched inside running text, so they must be
specific enough on their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields

# Apostrophe variants (Ukrainian п'ять, English possessives), used inside fragments.
AP = "['’ʼ]"

Unit = tuple[str, str, str]  # (fragment, canonical unit, kind)


@dataclass(frozen=True)
class LanguageData:
    """Everything language-specific the extractor needs for one language."""

    code: str  # ISO 639-1
    name: str
    script: str  # latin | cyrillic | arabic (space-separated) | hangul | cjk (not)

    # --- numbers
    # token -> (value, kind): u additive, h hundred, s scale, a article (only before a
    # scale word), f fraction multiplier (half, полторы), c connector.
    number_words: Mapping[str, tuple[float, str]]
    # Parts of number words written as one compound (German zweitausend, Italian tremila);
    # empty for languages that write number words apart.
    number_morphemes: tuple[str, ...]
    number_phrases: tuple[str, ...]  # multi-word number phrases ("a thousand", "medio millón")
    number_connector: str  # word between number words ("and", "und"); "" when none
    # Scale words after digits ("12 тыс.", "1.5 million"), or CJK unit characters (万, 만).
    scale_words: tuple[tuple[str, int], ...]
    vague_numbers: tuple[str, ...]  # vague quantities ("thousands of", "несколько тысяч")
    vague_tokens: tuple[str, ...]  # single words that make the prefilter look closer
    range_to: tuple[str, ...]  # between two numbers: "10 to 12", "от 10 до 12", "1万至1.2万"
    range_and: tuple[str, ...]  # "between 10 and 12": the "and"
    range_from: tuple[str, ...]  # "between"/"from" before the first number

    # Function words that may follow a figure with no noun ("3,000 have been killed").
    after_figure_words: tuple[str, ...]

    rate_markers: tuple[str, ...]  # "a day", "в день", "每天": the figure is a rate

    # --- scope: whose personnel
    nk_markers: tuple[str, ...]  # North Korea and its forces named
    other_owners: tuple[str, ...]  # Russian, Ukrainian, … personnel (owner forms)

    # --- what a number counts
    # Nouns tried before every other language's (they start with another language's noun:
    # "forces spéciales" before the English "forces").
    units_first: tuple[Unit, ...]
    # People nouns and person counters (kind mil, nk, civ, weak, count; an occasional
    # "block" entry where it must win over a later noun).
    units: tuple[Unit, ...]
    non_people: tuple[Unit, ...]  # things counted that are not people (kind block)

    # --- predicates by category (cue words; tense and modality of sending in "planned")
    deployed: tuple[str, ...]
    planned: tuple[str, ...]
    casualties: tuple[str, ...]
    killed: tuple[str, ...]
    wounded: tuple[str, ...]
    captured: tuple[str, ...]
    force_size: tuple[str, ...]
    # Tense/modality markers that make a following sending verb a plan ("will", "could",
    # "expected to", "должны", "pourrait", "سوف", "将"); in Korean and Japanese they follow
    # the verb ("파견할 예정", "派遣する予定").
    future_markers: tuple[str, ...]

    # --- qualifiers: hedge words before / after the number, by qualifier
    qualifiers_before: Mapping[str, tuple[str, ...]]
    qualifiers_after: Mapping[str, tuple[str, ...]]

    # --- claimants
    attribution: tuple[str, ...]  # "according to X", "X에 따르면" (claimant next to it)
    # Opening words that point back ("Об этом сообщил X"): the claimant of the sentence before.
    attribution_pointer: tuple[str, ...]
    anaphors: tuple[str, ...]  # "he", "the agency": a claimant phrase pointing back
    anaphor_markers: tuple[str, ...]  # "according to him", "по его словам": the claimant before
    say_verbs: tuple[str, ...]  # verbs of saying/estimating; the claimant is their subject

    # --- dates, sentences, language guess
    months: tuple[str, ...]
    abbreviations: tuple[str, ...]  # lower-case, no final dot: not a sentence end
    stop_words: tuple[str, ...]  # frequent words that identify the language

    # --- sentence-level words (stems unless bounded by the compiler)
    military_words: tuple[str, ...]  # soldiers in view ("military", "군", "兵")
    civilian_words: tuple[str, ...]  # civilian workers, students, tourists
    percent_words: tuple[str, ...]  # after a number: a percentage
    increase_verbs: tuple[str, ...]  # "raise to 15,000": a target, not a ceiling
    estimate_words: tuple[str, ...]  # "estimated": unhedged figures become approx
    loss_words: tuple[str, ...]  # generic loss words that yield to killed/wounded at the number
    casualty_nouns: tuple[str, ...]  # nouns naming casualties (a cue after its own noun)
    whole_force_nouns: tuple[str, ...]  # a whole army or service: its size is no deployment
    whole_services: tuple[str, ...]  # reservists, air force, navy: their totals are no claim
    partitive: tuple[str, ...]  # "of whom", "из них", "이 중": a part of the figure before
    including: tuple[str, ...]  # "including": a part of a (possibly mixed) total follows
    together: tuple[str, ...]  # "together", "combined": a joint (mixed) total
    contrast: tuple[str, ...]  # "while", "but": a new subject follows
    # An earlier or other estimate of the same measure after a figure ("…, up from 600",
    # "contre 600 auparavant", "по сравнению с 600"): that figure counts what the first does.
    compared: tuple[str, ...]
    support_words: tuple[str, ...]  # "to support"/"against" X: X is helped or fought, not owner
    perfect_markers: tuple[str, ...]  # "have", "already", "уже": a modal before them is no plan
    subordinators: tuple[str, ...]  # "that", "che", "что": a new clause starts
    conjunctions: tuple[str, ...]  # "and", "or", "와", "و": coordination of two figures
    lawmaker_words: tuple[str, ...]  # "lawmaker", "의원", "депутат": relays of a briefing
    countries: tuple[str, ...]  # other countries as subjects/owners ("Russia has lost")
    institutions: tuple[str, ...]  # "Ukrainian intelligence": the owner word is a claimant
    # Joint or unnamed claimants ("South Korean and Western intelligence", "fuentes
    # ucranianas y occidentales"): side modifiers by canonical English name ("US", "South
    # Korean", "Western"), and the source nouns they qualify by canonical head
    # ("intelligence", "sources", "estimates", "officials", "governments").
    claimant_sides: Mapping[str, tuple[str, ...]]
    claimant_heads: Mapping[str, tuple[str, ...]]

    # Where ``attribution`` stands: before the claimant ("according to X", "根据X") or
    # after it (Korean "X에 따르면", Japanese "Xによると").
    attribution_after_claimant: bool = False
    # Verb-final languages (Korean, Japanese): future markers follow the verb.
    verb_final: bool = False
    # Relative pronouns opening a clause after a noun (", who were sent …,"): a predicate
    # inside it describes the noun; the main verb after it says what happened to it.
    relative_pronouns: tuple[str, ...] = ()
    # The North Korean formation sent (Storm Corps / 11th Corps, CLAIMS.md §3 force_size),
    # and the words that give a formation's size ("troop strength", "병력 규모", "人規模").
    deployed_formations: tuple[str, ...] = ()
    size_words: tuple[str, ...] = ()
    # A generic size ("a battalion usually has several hundred soldiers", CLAIMS.md §2):
    # words of habit ("usually", "in der Regel") and the formation nouns they size.
    generic_markers: tuple[str, ...] = ()
    formation_nouns: tuple[str, ...] = ()
    # Openings that restate what the sentence before spoke of ("Речь идет о", "It is
    # about", "Il s'agit de"): a figure there with no predicate of its own takes that
    # sentence's tense (a plan stays a plan).
    restatement: tuple[str, ...] = ()
    # An attribution that names nobody ("it is estimated that", "si stima che", "по
    # некоторым данным"): the figure is unattributed, not the claimant of the sentence before.
    agentless: tuple[str, ...] = ()
    # Adjectives precede their noun ("Western sources", "западные источники"); False
    # where they follow it ("fuentes occidentales", "مصادر غربية").
    adjective_first: bool = True
    # Attribution words that follow their claimant ("dem NIS zufolge", "Schätzungen
    # zufolge"): the words after them are never the claimant.
    attribution_postposed: tuple[str, ...] = ()
    # A verb of saying in a relative clause before the figure it states ("합참이 밝힌
    # 1100명", "北朝鮮が公開した戦死者は350人", "乌方公布的…"): its subject, named right
    # before, is that figure's claimant, whoever else the sentence names.
    attribution_adnominal: tuple[str, ...] = ()
    # Asides between a speaker and its verb that name nobody ("for its part", "dal canto
    # suo", "со своей стороны"): "Seoul, for its part, estimated" is still Seoul's estimate.
    asides: tuple[str, ...] = ()
    # A sentence that only names who disclosed what the sentences before said, the words
    # said left out ("ウクライナ軍筋が共同通信に明らかにした", "…라며 이같이 밝혔다"): its
    # claimant is theirs. Searched in the whole sentence.
    attribution_trailer: tuple[str, ...] = ()
    # People nouns in the dual number, a count of two on their own (Arabic "جنديين").
    dual_people: tuple[str, ...] = ()
    # The simple present of a sending verb ("schickt", "envoie", "sends"): an announcement
    # that may not be done yet; it is a plan when the next sentence says in the future what
    # the personnel ("sie", "they", a people noun) will do ("Sie sollen … wiederaufbauen").
    present_sending: tuple[str, ...] = ()
    # Third-person plural subject pronouns ("they", "sie", "ils"), for the sentence after.
    plural_pronouns: tuple[str, ...] = ()
    # "Since" before a date or period ("seit September", "depuis"): an ongoing dispatch.
    since_words: tuple[str, ...] = ()
    # Another estimate of the figure the sentence before gave, its measure left implicit
    # ("puts the figure at 1,100", "estime ce chiffre à 1 100"): it counts what that one did.
    figure_again: tuple[str, ...] = ()


# Parts a language may leave empty, and why (tests check every other part is filled).
OPTIONAL: dict[str, str] = {
    "units_first": "only languages whose compound nouns start with another language's noun",
    "number_phrases": "languages without multi-word number phrases",
    "number_morphemes": "languages that write number words apart (twenty-five, двадцать пять)",
    "number_connector": "languages that join number words without a word (двадцать пять)",
    "vague_numbers": "Korean/Japanese/Chinese vague numbers (수천, 数千) are CJK numeral grammar",
    "vague_tokens": "see vague_numbers",
    "after_figure_words": "Korean, Japanese, Chinese figures carry counters (명, 人, 名) instead",
    "range_from": "Korean, Japanese, Chinese ranges need no word before the first number",
    "months": "Korean/Japanese/Chinese dates are read from their counters (월, 月)",
    "abbreviations": "scripts that end sentences with 。 or without abbreviations",
    "stop_words": "scripts that identify the language on their own (Hangul, kana, Han)",
    "including": "not yet collected for Korean/Japanese (a measured change, not a refactor)",
    "together": "see including",
    "contrast": "see including",
    "compared": "Korean, Japanese, Chinese state a change as 'from A to B' (에서/から/从)",
    "attribution_postposed": "languages whose attributions all precede the claimant",
    "relative_pronouns": "Korean, Japanese, Chinese put relative clauses before the noun",
    "deployed_formations": "names of the Storm Corps not yet collected for every language",
    "size_words": "see deployed_formations",
    "generic_markers": "not yet collected for every language",
    "formation_nouns": "see generic_markers",
    "restatement": "not yet collected for every language",
    "agentless": "not yet collected for every language",
    "attribution_trailer": "languages that state a source after the report only in a "
    "pointer opening the sentence (attribution_pointer)",
    "asides": "Korean/Japanese/Chinese mark the speaker with a particle across any aside",
    "attribution_adnominal": "languages whose relative clauses follow the noun ('the 1,100 "
    "the JCS reported' is read by the verb of saying)",
    "present_sending": "Korean, Japanese, Chinese mark no such present (ko: a plan cue)",
    "plural_pronouns": "see present_sending",
    "since_words": "see present_sending",
    "figure_again": "not yet collected for Korean, Japanese, Chinese and Arabic",
}


def part_names() -> list[str]:
    """The data parts of the structure (everything but code, name and script)."""
    skip = (
        "code",
        "name",
        "script",
        "attribution_after_claimant",
        "verb_final",
        "dual_people",
        "adjective_first",
    )
    return [f.name for f in fields(LanguageData) if f.name not in skip]
