"""Which occurrence of a figure is the best evidence for it (docs/claims.md §8).

An article often states one figure twice: a headline or lede ("North Korea sends 15,000
troops") and a body sentence with who says it and how exact it is ("Budanov said more
than 15,000 …"). The alert shows the one occurrence that is new, so the best evidence
must be the one novelty sees first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from troopwatch.claims.extract import claim_key, extract_claims

C = TypeVar("C", bound=Mapping[str, Any])

UNATTRIBUTED = "unattributed"
# A qualifier the sentence states ("about", "more than"); exact and vague are no hedge word.
_EXPLICIT = ("approx", "nearly", "more_than", "at_least", "up_to")


def evidence_rank(claim: Mapping[str, Any]) -> tuple:
    """Higher is better: a named claimant, an explicit qualifier, the extractor's
    confidence, and not the article's title repeated in its text."""
    source = (claim.get("source") or "").strip().lower()
    confidence = claim.get("confidence")
    sentence = " ".join((claim.get("sentence") or "").split())
    title = " ".join((claim.get("title") or "").split())
    return (
        bool(source) and source != UNATTRIBUTED,
        claim.get("qualifier") in _EXPLICIT,
        confidence if isinstance(confidence, int | float) else 1.0,
        not (title and sentence == title),
    )


def _key(claim: Mapping[str, Any]) -> str:
    return claim.get("claim_key") or claim_key(
        claim.get("category") or "", claim.get("figure_low"), claim.get("figure_high")
    )


def one_per_figure(claims: Sequence[C]) -> list[C]:
    """A passage's claims as CLAIMS.md §6 counts them: a figure stated more than once is
    one claim, given by its best evidence (`evidence_rank`, never by which claimant a
    reader expects), at the place the figure is first stated."""
    seen: set[str] = set()
    out: list[C] = []
    for claim in best_evidence(claims):
        if _key(claim) not in seen:
            seen.add(_key(claim))
            out.append(claim)
    return out


def passage_claims(text: str) -> list[dict[str, Any]]:
    """The claims of one passage (a file, a quoted passage) as `troopwatch claims extract`
    prints them and the evaluation scores them: one per figure, its best evidence."""
    return one_per_figure([c.to_dict() for c in extract_claims(text)])


def best_evidence(claims: Sequence[C]) -> list[C]:
    """The claims reordered so that, among those of one claim key (category and figure),
    the best evidence comes first; each key keeps the positions it had, and ties keep
    their order (the first stated stays first)."""
    slots: dict[str, list[int]] = {}
    for i, c in enumerate(claims):
        slots.setdefault(_key(c), []).append(i)
    out: list[C] = list(claims)
    for positions in slots.values():
        if len(positions) < 2:
            continue
        ranked = sorted(positions, key=lambda i: evidence_rank(claims[i]), reverse=True)
        for slot, i in zip(positions, ranked, strict=True):
            out[slot] = claims[i]
    return out
