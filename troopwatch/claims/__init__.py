"""Troop-figure claim extractor: numbers of North Korean personnel tied to the war.

Pure logic (text in, claims out). Public API::

    from troopwatch.claims import Claim, extract_claims, claim_key, parse_number
"""

from troopwatch.claims.extract import CATEGORIES, QUALIFIERS, Claim, claim_key, extract_claims
from troopwatch.claims.numbers import Num, find_numbers, parse_number
from troopwatch.claims.sentences import detect_lang, split_sentences
from troopwatch.regexes import save as _save_regexes

# The rules' patterns, compiled at import, are kept for the next process (troopwatch.regexes).
_save_regexes()

__all__ = [
    "CATEGORIES",
    "QUALIFIERS",
    "Claim",
    "Num",
    "claim_key",
    "detect_lang",
    "extract_claims",
    "find_numbers",
    "parse_number",
    "split_sentences",
]
