"""Digest of the claim extractor's output over every text the project holds.

A speed change to troopwatch/claims must not change a single claim. This runs
`extract_claims` and `passage_claims` over: every item with a "text" of data/eval/*.jsonl
(all splits; only the aggregate digest is printed, never a per-item result), each of their
sentences alone, the seed articles, the dedupe texts under data/eval/dedupe, the article
bodies of the extraction benchmark, the fixture press (tests/press/articles/*.yaml) and the
hostile inputs of bench_claims.py, and prints one SHA-256 per source and one overall.

    .venv/bin/python bench/claims_output_digest.py [--out FILE.json] [--no-hostile]

Compare two checkouts: run each with --out and `cmp` the files (or compare the digests).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing
sys.path.insert(0, str(ROOT / "bench"))
from bench_claims import hostile_lists  # noqa: E402

from troopwatch.claims import extract_claims, split_sentences  # noqa: E402
from troopwatch.claims.evidence import passage_claims  # noqa: E402
from troopwatch.paths import EXTRACTION_CORPUS  # noqa: E402


def sources(hostile: bool = True) -> dict[str, list[str]]:
    """Named lists of texts."""
    out: dict[str, list[str]] = {}
    for path in sorted((ROOT / "data" / "eval").glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            items = [json.loads(line) for line in fh if line.strip()]
        texts = [it["text"] for it in items if isinstance(it.get("text"), str)]
        if texts:
            out[path.name] = texts
            out[path.name + " (sentences)"] = [s for t in texts for s in split_sentences(t)]
    out["seeds"] = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "data/seeds").glob("*.txt"))
    ]
    out["dedupe"] = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "data/eval/dedupe").rglob("*.txt"))
    ]
    corpus = EXTRACTION_CORPUS / "ground-truth.json"
    if corpus.exists():
        data = json.loads(corpus.read_text(encoding="utf-8"))
        out["extraction benchmark"] = [v.get("articleBody") or "" for v in data.values()]
    press: list[str] = []
    for path in sorted((ROOT / "tests/press/articles").glob("*.yaml")):
        for art in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            press.append(art.get("title") or "")
            press.append("\n\n".join(art.get("body") or []))
    out["press"] = press
    if hostile:
        out["hostile"] = list(hostile_lists().values())
    return out


def run(texts: list[str]) -> list:
    return [
        {"claims": [c.to_dict() for c in extract_claims(t)], "passage": passage_claims(t)}
        for t in texts
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="write the whole output as JSON here")
    ap.add_argument("--no-hostile", action="store_true", help="skip the 100 KB inputs (~15 s)")
    args = ap.parse_args()
    whole: dict[str, list] = {}
    total = hashlib.sha256()
    for name, texts in sources(not args.no_hostile).items():
        result = run(texts)
        blob = json.dumps(result, ensure_ascii=False, sort_keys=False).encode()
        n = sum(len(r["claims"]) for r in result)
        print(
            f"{name:<36} {len(texts):6} texts {n:6} claims  {hashlib.sha256(blob).hexdigest()[:16]}"
        )
        total.update(name.encode() + b"\0" + blob)
        whole[name] = result
    print(f"{'all':<36} {total.hexdigest()}")
    if args.out:
        args.out.write_text(json.dumps(whole, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
