"""Near-duplicate detection: normalisation, shingles, MinHash, LSH band keys, verification.

Pure functions, text in and data out; no Elasticsearch, no Scrapy.

Pipeline for one article::

    sk = sketch(text)            # text_hash, MinHash signature, band keys, anchor keys
    # index sk.text_hash, sk.signature, sk.keys  (keys = band keys + anchor keys)
    # candidates = docs sharing any key (one terms query), then
    compare(text, candidate_text)  # exact verification -> DuplicateVerdict

Shingles
    Text is NFKC-normalised, casefolded, apostrophes dropped, every other punctuation or
    symbol becomes a space, whitespace collapsed. Words (Latin, Cyrillic, Hangul, ...) are
    tokens of weight 2; characters of scripts written without spaces (Han, kana, Thai, ...)
    are tokens of weight 1. A shingle is a window of consecutive tokens whose weight reaches
    ``SHINGLE_WEIGHT`` (10): 5 words, or 10 CJK characters, or a mix. The window is local,
    so a Japanese quote inside an English text shingles the same way in every copy.

MinHash
    Permutation ``i`` of shingle ``s`` is the little-endian uint32 at bytes ``4i..4i+4`` of
    ``SHAKE128(b"troopwatch-minhash-v1\\0" + s)``: a fixed, seedless family of independent hash
    functions, identical in every process and on every machine (Python's salted ``hash()`` is
    never used). One SHAKE call yields all 128 values at once, which in pure Python is ~3x
    faster than 128 universal hashes ``(a*x+b) mod p`` of a 64-bit shingle hash.

LSH (see ``s_curve``)
    128 permutations = 32 bands x 4 rows. A pair with Jaccard ``s`` shares at least one band
    key with probability ``1 - (1 - s**4)**32``:

        s     0.1    0.2    0.3    0.4    0.5    0.6    0.7    0.8
        P   0.003  0.050  0.229  0.564  0.873  0.988  0.9998 ~1

    so pairs below ~0.2 rarely become candidates and near-copies (>= 0.6) almost always do.
    Jaccard misses containment (a 100-word lead "Read more" copy of a 1,000-word article has
    Jaccard ~0.1), so each text also yields *anchor keys*: the shingles whose id is 0 mod
    ``ANCHOR_MOD`` (8), a content-defined 1-in-8 sample (Broder/Manber). A copy's anchors
    are a subset of its original's anchors wherever they share text, whatever the template,
    truncation or paragraph order, so sharing >= ``ANCHOR_MIN_SHARED`` anchors makes a
    candidate too. Band keys look like ``b03:9f2c41d07a1e``, anchors like ``a:5be01c9d33f0``;
    both go in the same keyword array so one query on it finds every candidate.

Verification (``compare``)
    similarity = max(Jaccard, containment) over exact shingle sets, where containment is
    ``|A n B| / max(min(|A|, |B|), CONTAINMENT_FLOOR)``: the floor keeps a short text that
    merely quotes a sentence of a long one from scoring 1.0. Duplicate when similarity >=
    ``DUPLICATE_THRESHOLD``. Identical normalised texts score 1.0; empty texts score 0.0
    and are never duplicates.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import numpy as np

NUM_PERM = 128
BANDS = 32
ROWS = 4
SHINGLE_WEIGHT = 10  # 5 words or 10 CJK characters
WORD_WEIGHT = 2
CHAR_WEIGHT = 1
ANCHOR_MOD = 8  # keep 1 shingle in 8 as an anchor key
ANCHOR_MIN_SHARED = 2  # anchors two texts must share to be candidates (fewer if a text is tiny)
MAX_ANCHORS = 1024  # cap on stored anchor keys (an ~8,000-word article)
CONTAINMENT_FLOOR = 24  # containment denominator never below this many shingles
DUPLICATE_THRESHOLD = 0.6
KEY_HEX = 12  # 48-bit keys: collisions negligible at millions of documents

_SALT = b"troopwatch-minhash-v1\x00"
_MAX32 = 0xFFFFFFFF

# Apostrophe-like characters are deleted, so don't / don’t / donʼt / dont are one token.
_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u0060\u00b4\u2032\uff07"
# Invisible characters that survive NFKC: soft hyphen, zero-width space/joiners, BOM, word joiner.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_DELETE = str.maketrans("", "", _APOSTROPHES + _INVISIBLE)
_NON_WORD = re.compile(r"[\W_]+")
# Scripts written without spaces between words: each character is a token.
_NOSPACE_RANGES = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u2e80-\u2fdf"  # CJK radicals
    "\u3005-\u3007\u3021-\u3029\u3031-\u3035"  # CJK marks, numerals
    "\u3040-\u30ff"  # hiragana, katakana
    "\u31f0-\u31ff"  # katakana extensions
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified
    "\uf900-\ufaff"  # CJK compatibility
    "\U00020000-\U0003134f"  # CJK extensions B-G
)
_NOSPACE_CHAR = re.compile(f"[{_NOSPACE_RANGES}]")
_TOKEN = re.compile(f"[{_NOSPACE_RANGES}]|[^\\s{_NOSPACE_RANGES}]+")


@dataclass(frozen=True)
class DuplicateVerdict:
    """Result of ``compare``: ``similarity`` in 0..1 and the duplicate decision.

    ``containment_a`` is the share of A's shingles found in B (1.0 when A is a truncated copy
    of B), ``containment_b`` the reverse; a pipeline can use them to keep the longer text.
    """

    similarity: float
    duplicate: bool
    jaccard: float = 0.0
    containment_a: float = 0.0
    containment_b: float = 0.0


@dataclass(frozen=True)
class Sketch:
    """Everything stored in Elasticsearch for one text."""

    text_hash: str
    signature: list[int]
    bands: list[str]
    anchors: list[str]
    num_shingles: int = 0
    keys: list[str] = field(default_factory=list)  # bands + anchors, the `minhash_bands` field


# --- normalisation and tokens ------------------------------------------------------------


def normalize_text(text: str) -> str:
    """Comparison form: NFKC, casefold, no punctuation/quotes/dashes, single spaces.

    Line wrapping, quote style (“ ” « » „ ' ’), dash style (- – —) and spacing differences all
    vanish; "12,000", "12.000" and "12 000" all become "12 000".
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_DELETE)
    return _NON_WORD.sub(" ", text).strip()


def tokenize(text: str) -> list[str]:
    """Tokens of the normalised text: words, and single characters of no-space scripts."""
    return _TOKEN.findall(normalize_text(text))


def _shingle_tuples(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """Windows of consecutive tokens whose weight first reaches SHINGLE_WEIGHT.

    Texts lighter than one window give a single shingle of all their tokens.
    """
    n = len(tokens)
    if n == 0:
        return []
    weights = [CHAR_WEIGHT if _NOSPACE_CHAR.match(t) else WORD_WEIGHT for t in tokens]
    if sum(weights) <= SHINGLE_WEIGHT:
        return [tuple(tokens)]
    k = SHINGLE_WEIGHT // WORD_WEIGHT
    if all(w == WORD_WEIGHT for w in weights):  # fast path: words only
        return list(zip(*(tokens[i : n - k + 1 + i] for i in range(k)), strict=True))
    out = []
    j = 0  # exclusive end of the current window
    total = 0
    for i in range(n):
        while j < n and total < SHINGLE_WEIGHT:
            total += weights[j]
            j += 1
        if total < SHINGLE_WEIGHT:  # the tail is lighter than a window: already covered
            break
        out.append(tuple(tokens[i:j]))
        total -= weights[i]
    return out


def shingles(text: str) -> set[tuple[str, ...]]:
    """The exact shingle set used by ``similarity``."""
    return set(_shingle_tuples(tokenize(text)))


def text_fingerprint(text: str) -> str:
    """sha1 hex of the normalised text: equal for copies differing only in case, punctuation,
    quotes, dashes, whitespace or line wrapping."""
    return hashlib.sha1(normalize_text(text).encode("utf-8")).hexdigest()


# --- MinHash, LSH bands, anchors -----------------------------------------------------------


def _digests(shingle_set: Iterable[tuple[str, ...]], num_perm: int) -> list[bytes]:
    # 4 bytes per permutation, then 8 bytes of shingle id for anchors.
    size = 4 * num_perm + 8
    shake = hashlib.shake_128
    return [shake(_SALT + "\x1f".join(s).encode("utf-8")).digest(size) for s in shingle_set]


def _digest_matrix(digests: list[bytes], num_perm: int) -> np.ndarray:
    """The digests as rows of little-endian uint32 (num_perm values, then the 64-bit id)."""
    return np.frombuffer(b"".join(digests), dtype="<u4").reshape(len(digests), num_perm + 2)


def _signature_from_digests(digests: list[bytes], num_perm: int) -> list[int]:
    if not digests:
        return [_MAX32] * num_perm
    # Column minima in numpy: the same values as a min per permutation, ~30x faster.
    return _digest_matrix(digests, num_perm)[:, :num_perm].min(axis=0).tolist()


def _ids_from_digests(digests: list[bytes], num_perm: int) -> np.ndarray:
    """The shingles' 64-bit ids, sorted and distinct (the last 8 bytes of each digest, as
    one little-endian uint64)."""
    if not digests:
        return np.empty(0, dtype="<u8")
    tail = np.ascontiguousarray(_digest_matrix(digests, num_perm)[:, num_perm:])
    return np.unique(tail.view("<u8").ravel())


def _anchors_from_ids(ids: np.ndarray) -> list[str]:
    picked = ids[ids % ANCHOR_MOD == 0][:MAX_ANCHORS] >> (64 - 4 * KEY_HEX)
    return [f"a:{i:0{KEY_HEX}x}" for i in picked.tolist()]


def _anchors_from_digests(digests: list[bytes], num_perm: int) -> list[str]:
    return _anchors_from_ids(_ids_from_digests(digests, num_perm))


def minhash_signature(text: str, num_perm: int = NUM_PERM) -> list[int]:
    """MinHash signature (``num_perm`` uint32 values) over the text's shingles.

    Stable across processes and machines. An empty text gives all 0xFFFFFFFF.
    """
    sh = shingles(text)
    return _signature_from_digests(_digests(sh, num_perm), num_perm)


def anchor_keys(text: str) -> list[str]:
    """Content-defined sample of ~1 in ANCHOR_MOD shingles as short keyword keys, sorted:
    the anchors ``sketch`` stores (a shingle's id is the 8 bytes after its permutations)."""
    return _anchors_from_digests(_digests(shingles(text), NUM_PERM), NUM_PERM)


def lsh_bands(signature: Sequence[int], bands: int = BANDS, rows: int = ROWS) -> list[str]:
    """One key per band, ``"b03:9f2c41d07a1e"``: equal keys mean the band's rows all agree.

    An all-empty signature (empty text) gives no keys, so empty texts never collide.
    """
    if bands * rows > len(signature):
        raise ValueError(f"{bands} bands x {rows} rows > {len(signature)} permutations")
    if all(v == _MAX32 for v in signature):
        return []
    keys = []
    for b in range(bands):
        chunk = array("I", signature[b * rows : (b + 1) * rows])
        if sys.byteorder == "big":  # pragma: no cover
            chunk.byteswap()
        digest = hashlib.blake2b(chunk.tobytes(), digest_size=KEY_HEX // 2).hexdigest()
        keys.append(f"b{b:02d}:{digest}")
    return keys


def sketch(text: str, num_perm: int = NUM_PERM, bands: int = BANDS, rows: int = ROWS) -> Sketch:
    """Compute hash, signature, band keys and anchor keys with one pass over the shingles."""
    return sketch_and_ids(text, num_perm, bands, rows)[0]


def sketch_and_ids(
    text: str, num_perm: int = NUM_PERM, bands: int = BANDS, rows: int = ROWS
) -> tuple[Sketch, ShingleIds]:
    """``sketch``, and the text's shingle ids for exact comparisons (``compare_ids``), from
    the same pass: the ids come with the digests, where ``prepare`` would shingle again."""
    norm = normalize_text(text)  # once, for the shingles and the text hash
    sh = set(_shingle_tuples(_TOKEN.findall(norm)))
    digests = _digests(sh, num_perm)
    signature = _signature_from_digests(digests, num_perm)
    band_keys = lsh_bands(signature, bands, rows)
    ids = _ids_from_digests(digests, num_perm)
    anchors = _anchors_from_ids(ids)
    text_hash = hashlib.sha1(norm.encode("utf-8")).hexdigest()
    sk = Sketch(
        text_hash=text_hash,
        signature=signature,
        bands=band_keys,
        anchors=anchors,
        num_shingles=len(sh),
        keys=band_keys + anchors,
    )
    return sk, ShingleIds(text_hash if norm else "", ids)


def s_curve(similarity: float, bands: int = BANDS, rows: int = ROWS) -> float:
    """Probability that two texts with this Jaccard similarity share at least one band key."""
    return 1.0 - (1.0 - similarity**rows) ** bands


def estimate_similarity(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Jaccard estimate: the share of permutations whose minima agree (0.0 if either is empty)."""
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    if all(v == _MAX32 for v in sig_a) or all(v == _MAX32 for v in sig_b):
        return 0.0
    return sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y) / len(sig_a)


def estimate_containment(anchors_a: Iterable[str], anchors_b: Iterable[str]) -> float:
    """Containment estimate from anchor keys: shared / smaller sample (0.0 if either is empty)."""
    a, b = set(anchors_a), set(anchors_b)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a if len(a) < len(b) else b)


def is_candidate(a: Sketch, b: Sketch) -> bool:
    """The LSH candidate rule (what the Elasticsearch lookup keeps): same text hash, or a
    shared band key, or enough shared anchors."""
    if a.text_hash == b.text_hash and a.num_shingles and b.num_shingles:
        return True
    if set(a.bands) & set(b.bands):
        return True
    shared = len(set(a.anchors) & set(b.anchors))
    return shared >= min(ANCHOR_MIN_SHARED, len(a.anchors), len(b.anchors)) and shared > 0


# --- exact verification --------------------------------------------------------------------


def similarity_details(
    sh_a: AbstractSet[tuple[str, ...]], sh_b: AbstractSet[tuple[str, ...]]
) -> tuple[float, float, float, float]:
    """(similarity, jaccard, containment_a, containment_b) for two shingle sets."""
    if not sh_a or not sh_b:
        return 0.0, 0.0, 0.0, 0.0
    return _similarity_from_counts(len(sh_a & sh_b), len(sh_a), len(sh_b))


def _similarity_from_counts(inter: int, la: int, lb: int) -> tuple[float, float, float, float]:
    jaccard = inter / (la + lb - inter)
    floored = inter / max(min(la, lb), CONTAINMENT_FLOOR)
    return max(jaccard, floored), jaccard, inter / la, inter / lb


def similarity(text_a: str, text_b: str) -> float:
    """Exact similarity in 0..1: max(shingle Jaccard, floored containment); 1.0 when the
    normalised texts are identical, 0.0 when either is empty."""
    return compare(text_a, text_b).similarity


def is_duplicate(score: float, threshold: float = DUPLICATE_THRESHOLD) -> bool:
    """The duplicate rule applied to ``similarity``."""
    return score >= threshold


@dataclass(frozen=True)
class Prepared:
    """A text's comparison form and shingle set, for comparing it with several others."""

    norm: str
    shingle_set: frozenset[tuple[str, ...]]


def prepare(text: str) -> Prepared:
    """Normalise and shingle a text once (``compare_prepared`` it with many others)."""
    norm = normalize_text(text)
    return Prepared(norm, frozenset(_shingle_tuples(_TOKEN.findall(norm))))


def compare_prepared(a: Prepared, b: Prepared) -> DuplicateVerdict:
    """``compare`` of two prepared texts."""
    if not a.norm or not b.norm:
        return DuplicateVerdict(0.0, False)
    if a.norm == b.norm:
        return DuplicateVerdict(1.0, True, 1.0, 1.0, 1.0)
    score, jac, ca, cb = similarity_details(a.shingle_set, b.shingle_set)
    return DuplicateVerdict(round(score, 4), is_duplicate(score), round(jac, 4), ca, cb)


@dataclass(frozen=True)
class ShingleIds:
    """A text's shingles as 64-bit ids (sorted, distinct uint64) with its text hash (""
    for an empty text): ``compare_ids`` gives ``compare_prepared``'s verdict (barring a
    64-bit collision between two shingles of the pair) from a few kilobytes of numbers,
    cheap to send between processes and to keep."""

    text_hash: str
    ids: np.ndarray


def compare_ids(a: ShingleIds, b: ShingleIds) -> DuplicateVerdict:
    """``compare_prepared`` of two texts' shingle ids."""
    if not a.text_hash or not b.text_hash:
        return DuplicateVerdict(0.0, False)
    if a.text_hash == b.text_hash:
        return DuplicateVerdict(1.0, True, 1.0, 1.0, 1.0)
    inter = len(np.intersect1d(a.ids, b.ids, assume_unique=True))
    score, jac, ca, cb = _similarity_from_counts(inter, len(a.ids), len(b.ids))
    return DuplicateVerdict(round(score, 4), is_duplicate(score), round(jac, 4), ca, cb)


def compare(text_a: str, text_b: str) -> DuplicateVerdict:
    """Exact comparison of two texts: similarity and duplicate decision."""
    return compare_prepared(prepare(text_a), prepare(text_b))
