"""The evaluator compares claimants as entities and reports look-alikes and splits."""

from __future__ import annotations

import io
import json
from pathlib import Path

from troopwatch.claims.evaluate import claimant_identity, load, run_eval, same_claimant


def test_one_agency_is_one_claimant_across_names_and_languages() -> None:
    nis = claimant_identity("NIS")
    assert nis != "unattributed"
    assert claimant_identity("South Korea NIS") == nis
    assert claimant_identity("국정원", "ko") == nis
    assert claimant_identity("Zelensky") == claimant_identity("Volodymyr Zelensky")
    assert claimant_identity("Zelensky") != nis
    assert claimant_identity(None) == claimant_identity("unattributed") == "unattributed"


def test_source_text_counts_as_the_gold_claimant() -> None:
    gold = {"source": "Some Lawmaker", "source_text": "국가정보원"}
    assert same_claimant(gold, {"source": "NIS"}, "ko")
    assert not same_claimant(gold, {"source": "Pentagon"}, "ko")


def _claim(fig: int, cat: str, src: str) -> dict:
    return {
        "figure_low": fig,
        "figure_high": None,
        "qualifier": "exact",
        "category": cat,
        "unit": "troops",
        "source": src,
        "location": None,
    }


def test_split_and_lookalike_rate(tmp_path: Path) -> None:
    items = [
        {
            "id": "r-en-001",
            "lang": "en",
            "split": "test",
            "lookalike": False,
            "text": "South Korea's spy agency said 11,000 North Korean troops are in Russia.",
            "claims": [_claim(11000, "deployed", "South Korea NIS")],
        },
        {
            "id": "r-en-002",
            "lang": "en",
            "split": "test",
            "lookalike": True,
            "text": "Russia has lost 600,000 soldiers, Kyiv says.",
            "claims": [],
        },
        {
            "id": "r-en-003",
            "lang": "en",
            "split": "dev",
            "lookalike": False,
            "text": "The Pentagon said 3,000 North Korean soldiers were killed.",
            "claims": [_claim(3000, "killed", "Pentagon")],
        },
    ]
    path = tmp_path / "real.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    assert [i["id"] for i in load(path, "test")] == ["r-en-001", "r-en-002"]
    out = io.StringIO()
    assert run_eval(str(path), out=out, split="test") == 0
    text = out.getvalue()
    assert text.startswith("2 items (test split), 1 gold claims")
    all_a = next(ln for ln in text.splitlines() if ln.startswith("all"))
    # one match, its claimant agrees although spelt differently; 0 of 1 look-alikes claimed
    assert all_a.split()[1:4] == ["1", "0", "0"]
    assert "1.000" in all_a and "0/1" in all_a


def test_a_figure_repeated_in_a_passage_is_one_claim() -> None:
    """CLAIMS.md §6: a passage stating one figure twice has one claim, its best evidence
    (the named claimant, the explicit hedge), where the figure is first stated; the
    evaluation matches one to one, so a repeat the extractor printed would be an error."""
    from troopwatch.claims.evaluate import match_item
    from troopwatch.claims.evidence import passage_claims

    text = (
        "North Korea has sent 11,000 troops to Russia. Zelensky said about 11,000 North "
        "Korean soldiers had been sent to Russia, and 300 had been killed."
    )
    claims = passage_claims(text)
    assert [(c["figure_low"], c["category"]) for c in claims] == [
        (11000, "deployed"),
        (300, "killed"),
    ]
    assert "Zelensky" in claims[0]["source"] and claims[0]["qualifier"] == "approx"
    gold = [_claim(11000, "deployed", "Zelensky")]
    twice = [_claim(11000, "deployed", "unattributed"), _claim(11000, "deployed", "Zelensky")]
    pairs, fps, fns = match_item(gold, twice, with_source=False)
    assert (len(pairs), len(fps), fns) == (1, 1, [])
