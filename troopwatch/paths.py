"""Where the project keeps its files: data shipped in git, state kept out of it."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
SEEDS_DIR = DATA_DIR / "seeds"
EVAL_DIR = DATA_DIR / "eval"  # labelled sets the extractors are measured on
ENTITIES_DIR = DATA_DIR / "entities"  # the entity knowledge base


def var_dir() -> Path:
    """Git-ignored state (local Elasticsearch, spool, schedule); TROOPWATCH_VAR_DIR moves it."""
    return Path(os.environ.get("TROOPWATCH_VAR_DIR") or PROJECT_ROOT / "var")


def cache_dir() -> Path:
    """Downloads that outlive a checkout (the Elasticsearch zip)."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "troopwatch"


def shared_corpus_dir() -> Path:
    """The real pages and feeds shared beside the project (`../shared/corpus`: the extraction
    benchmark, the feed corpus), for tests and benchmarks; a worktree one level deeper finds
    it too. TROOPWATCH_SHARED_CORPUS moves it."""
    if os.environ.get("TROOPWATCH_SHARED_CORPUS"):
        return Path(os.environ["TROOPWATCH_SHARED_CORPUS"])
    for base in (PROJECT_ROOT.parent, PROJECT_ROOT.parent.parent):
        if (base / "shared" / "corpus").is_dir():
            return base / "shared" / "corpus"
    return PROJECT_ROOT.parent / "shared" / "corpus"


# The extraction benchmark: real news pages (html/) and their ground truth.
EXTRACTION_CORPUS = shared_corpus_dir() / "article-extraction-benchmark"
