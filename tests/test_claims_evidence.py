"""The best evidence for a figure stated twice in one article (docs/claims.md §8)."""

from __future__ import annotations

from troopwatch.claims import extract_claims
from troopwatch.claims.evidence import best_evidence

ARTICLE = (
    "North Korea has sent 15,000 troops to Russia. Ukraine's military intelligence chief "
    "Kyrylo Budanov said more than 15,000 North Korean soldiers have been deployed to Russia."
)


def test_the_sentence_with_a_claimant_and_a_qualifier_comes_first() -> None:
    lede, body = (c.to_dict() for c in extract_claims(ARTICLE))
    assert lede["source"] == "unattributed" and body["source"] == "Kyrylo Budanov"
    assert best_evidence([lede, body]) == [body, lede]


def test_other_figures_keep_their_places_and_ties_their_order() -> None:
    a = {"category": "deployed", "figure_low": 15000, "figure_high": None, "source": "x"}
    other = {"category": "killed", "figure_low": 300, "figure_high": None, "source": "unattributed"}
    b = {**a, "qualifier": "approx"}
    tie = {**a}
    assert best_evidence([a, other, b]) == [b, other, a]
    assert best_evidence([a, tie])[0] is a


def test_a_headline_repeated_in_the_text_yields_to_the_body() -> None:
    title = "Budanov: 15,000 North Korean soldiers in Russia"
    head = {
        "category": "deployed",
        "figure_low": 15000,
        "source": "Kyrylo Budanov",
        "sentence": title,
        "title": title,
        "qualifier": "approx",
    }
    body = {**head, "sentence": "Budanov said about 15,000 North Korean soldiers are in Russia."}
    assert best_evidence([head, body])[0] is body
