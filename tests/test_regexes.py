"""Patterns compiled once per machine (troopwatch.regexes): a pattern built from the file
behaves as `re.compile` builds it, a damaged file only costs the compile, and the claim
rules' sources are the same in every process (else every process would compile afresh)."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys

from troopwatch.paths import PROJECT_ROOT

PATTERNS = [
    (r"(?<![^\W\d_])(?:north\s+korean?|pyongyang)\s+(?P<n>\d[\d,]*)\s+(troops|soldiers)", 2),
    (r"(?i)^\s*(\d+)(?:\s*[-–]\s*(\d+))?\s*명", 0),
    (r"(?=[\u3040-\u30ff])(?:北朝鮮|朝鮮人民軍)(?:兵|軍)?", re.IGNORECASE),
    (r"(?x) a b  # verbose", 0),
]
SAMPLES = [
    "North Korean 11,000 troops",
    "Pyongyang 1,500 soldiers and NORTH KOREA 3 soldiers",
    " 12-15명",
    "北朝鮮兵 朝鮮人民軍",
    "ab a b",
]

PROBE = """
import json, re, sys
import troopwatch.regexes as R
parsed = []
real_parse = R._parser.parse
R._parser.parse = lambda *a: parsed.append(a[0]) or real_parse(*a)
out = []
for src, flags in json.loads(sys.argv[1]):
    p = R.compile_re(src, flags)
    out.append([p.pattern, p.flags, p.groups, dict(p.groupindex),
                [[m.span(), m.groups()] for s in json.loads(sys.argv[2]) for m in p.finditer(s)]])
R.save()
mine = {src for src, _ in json.loads(sys.argv[1])}
print(json.dumps({"out": out, "parsed": len([p for p in parsed if p in mine])}))
"""


def _probe(cache, *, seed: str = "0") -> dict:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(PATTERNS), json.dumps(SAMPLES)],
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def _expected() -> list:
    out = []
    for src, flags in PATTERNS:
        p = re.compile(src, flags)
        matches = [[list(m.span()), list(m.groups())] for s in SAMPLES for m in p.finditer(s)]
        out.append([p.pattern, int(p.flags), p.groups, dict(p.groupindex), matches])
    return out


def test_a_pattern_from_the_file_is_the_pattern_re_compiles(tmp_path):
    first = _probe(tmp_path)
    assert first["parsed"] == len(PATTERNS)  # compiled, then kept
    assert list(tmp_path.glob("troopwatch/regexes-*.pickle"))
    second = _probe(tmp_path)
    assert second["parsed"] == 0  # every pattern built from the file
    assert first["out"] == second["out"] == _expected()


def test_a_damaged_file_only_costs_the_compile(tmp_path):
    _probe(tmp_path)
    (kept,) = tmp_path.glob("troopwatch/regexes-*.pickle")
    kept.write_bytes(kept.read_bytes()[:100])
    again = _probe(tmp_path)
    assert again["parsed"] == len(PATTERNS)
    assert again["out"] == _expected()
    assert _probe(tmp_path)["parsed"] == 0  # rewritten whole


def test_claim_rules_compile_to_the_same_sources_in_every_process(tmp_path):
    # Sets iterate in a per-process order (hash randomisation): a table built from one
    # would differ from process to process, and no process would find it in the file.
    script = "import troopwatch.claims"
    outs = []
    for seed in ("1", "2"):
        cache = tmp_path / seed
        env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONHASHSEED": seed}
        run = [sys.executable, "-c", script]
        subprocess.run(run, env=env, cwd=PROJECT_ROOT, check=True, capture_output=True)
        (kept,) = cache.glob("troopwatch/regexes-*.pickle")
        outs.append(sorted(pickle.loads(kept.read_bytes())["patterns"]))
        # A second process with another hash seed finds every pattern of the first.
        env["PYTHONHASHSEED"] = "7"
        probe = "import troopwatch.claims, troopwatch.regexes as R; print(len(R._used))"
        done = subprocess.run(
            [sys.executable, "-c", probe],
            env=env,
            cwd=PROJECT_ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        assert done.stdout.strip() == "0", "patterns compiled again: a source differs"
    assert outs[0] == outs[1]
    assert len(outs[0]) > 500


def test_an_unwritable_cache_only_costs_the_compile(tmp_path):
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("")  # the cache directory cannot be made under a file
    for _ in range(2):
        probe = _probe(blocked)
        assert probe["parsed"] == len(PATTERNS)
        assert probe["out"] == _expected()
