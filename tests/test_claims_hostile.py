"""Hostile input for the claim extractor: huge numbers, endless lists, no sentence breaks.

Speed is measured in bench/bench_claims.py; here every input must simply give an answer
(no exception) and keep the real claims around it.
"""

from __future__ import annotations

import itertools

import pytest

from tests.conftest import run_troopwatch
from troopwatch.claims import extract_claims, find_numbers, split_sentences
from troopwatch.claims.numbers import MAX_VALUE
from troopwatch.claims.sentences import MAX_SENTENCE

REAL = "North Korea has sent 10,000 troops to Russia, South Korean intelligence said."


def _list(items, size: int = 100_000, sep: str = ", ") -> str:
    out, n = [], 0
    for x in items:
        out.append(x)
        n += len(x) + len(sep)
        if n >= size:
            break
    return sep.join(out)


HOSTILE = {
    "ones": _list(itertools.repeat("1")),
    "counting": _list((str(i) for i in itertools.count(1)), sep=" "),
    "grouped": _list(f"{i:,}" for i in itertools.count(1000, 7)),
    "glued": _list(itertools.repeat("1"), sep=","),
    "digits": "9" * 100_000,
    "hundreds": "hundred " * 12_000,
}


def test_309_digit_number_is_no_figure() -> None:
    big = "9" * 309
    assert find_numbers(f"North Korea sent {big} troops") == []
    assert find_numbers(f"{big}만 명", "ko") == []
    claims = extract_claims(f"North Korea has sent {big} troops to Russia. {REAL}")
    assert [c.figure_low for c in claims] == [10_000]


@pytest.mark.parametrize("text", ["1" + "0" * 13, "10,000,000,000,000", "1,000 billion"])
def test_absurd_head_counts_are_not_claims(text: str) -> None:
    claims = extract_claims(f"North Korea has sent {text} soldiers to Russia.")
    assert all((c.figure_low or 0) <= MAX_VALUE for c in claims)


def test_number_words_that_overflow_are_skipped() -> None:
    # "hundred hundred …" multiplies to 100**n: past a float's range it used to raise.
    assert find_numbers("hundred " * 200) == []


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_long_lists_give_an_answer_and_keep_real_claims(name: str) -> None:
    text = f"{REAL}\n\nNorth Korean troops: {HOSTILE[name]}\n\n{REAL}"
    claims = extract_claims(text)
    tens = [c for c in claims if c.figure_low == 10_000 and c.sentence == REAL]
    assert len(tens) == 2  # the real sentence before and after the list
    assert all(len(c.sentence) <= MAX_SENTENCE for c in claims)


def test_long_sentences_are_cut_at_clause_breaks_and_lose_no_text() -> None:
    text = "North Korean troops: " + ", ".join(["1"] * 2000)
    pieces = split_sentences(text)
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])  # cut after a comma, not in a number
    assert "".join(pieces).replace(",", "").replace(" ", "") == text.replace(",", "").replace(
        " ", ""
    )
    # A run with no break at all is cut hard, still without losing a character.
    assert "".join(split_sentences("x" * 2500)) == "x" * 2500


def test_normal_sentences_are_not_cut() -> None:
    long_real = " ".join([REAL[:-1] + ","] * 6) + " officials said."
    assert len(long_real) < MAX_SENTENCE
    assert split_sentences(long_real) == [long_real]


def test_claims_extract_cli_one_line_on_huge_number(tmp_path, tw_env) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REAL, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(f"North Korea has sent {'9' * 400} troops to Russia.", encoding="utf-8")
    res = run_troopwatch(["claims", "extract", str(big), str(good)], tw_env)
    assert "Traceback" not in res.stderr
    assert res.returncode == 0, res.stderr
    assert '"figure_low": 10000' in res.stdout
    assert res.stdout.count("\n") == 1
