"""Regular expressions compiled once per machine, not once per process.

The claim rules are some hundred alternations of thousands of words in twelve languages;
`re.compile` parses and assembles them in pure Python, about a second at every process
start (each crawl, each `troopwatch` command). `compile_re` keeps what the compiler
produces (the engine's code words, groups and flags) in a file of the cache directory and
builds the pattern object from it directly, as `re._compiler.compile` does last. The file
is named by the Python build, the engine's version and the package's source, so another
Python never reads it and an edited rule starts a new file (the last few are kept: a branch
checked out beside main). An unreadable or unwritable file, or a Python whose internals
differ, only costs the compile (`re.compile`, the same pattern).
"""

from __future__ import annotations

import array
import contextlib
import functools
import hashlib
import logging
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")

try:  # the engine's internals, as re._compiler uses them (CPython 3.11+)
    import _sre
    from re import _compiler, _parser

    _ENGINE = f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}|{sys.byteorder}"
except ImportError:  # another implementation: plain re.compile
    _sre = _compiler = _parser = None  # type: ignore[assignment]
    _ENGINE = ""

# (source, flags) -> (flags, code as bytes of uint32, groups, groupindex, indexgroup)
_Entry = tuple[int, bytes, int, dict, tuple]
_loaded: dict[tuple[str, int], _Entry] | None = None
_used: dict[tuple[str, int], _Entry] = {}  # compiled here; added to the file by save()
# (function name, source) -> what a pure function of a regex source said of it (memo)
_facts: dict[tuple[str, str], object] = {}
_missed = False
_CODE_TYPE = "I" if array.array("I").itemsize == 4 else "L"
COPIES = 3  # files of other Python builds or source versions kept besides the current one


_PATH: Path | None = None


def _path() -> Path:
    global _PATH
    if _PATH is None:
        from troopwatch.paths import cache_dir

        digest = hashlib.sha1(_ENGINE.encode())
        for f in sorted(Path(__file__).parent.rglob("*.py")):
            digest.update(f.as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
        _PATH = cache_dir() / f"regexes-{digest.hexdigest()[:20]}.pickle"
    return _PATH


def _load() -> dict[tuple[str, int], _Entry]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        if _ENGINE:
            with contextlib.suppress(FileNotFoundError):
                try:
                    data = pickle.loads(_path().read_bytes())
                    if isinstance(data, dict):
                        _loaded = data.get("patterns", {})
                        _facts.update(data.get("facts", {}))
                except Exception as exc:  # truncated or foreign: compiled afresh
                    log.debug("compiled regexes unusable (%s); compiling", exc)
    return _loaded


def memo(fn: Callable[[str], T]) -> Callable[[str], T]:
    """``fn`` (a pure function of a regex source, such as what characters it can start
    with) answered from the machine's file when it was asked before; kept by save()."""

    @functools.wraps(fn)
    def wrapper(source: str) -> T:
        global _missed
        key = (fn.__qualname__, source)
        if _loaded is None:
            _load()
        try:
            return _facts[key]  # type: ignore[return-value]
        except KeyError:
            out = _facts[key] = fn(source)
            _missed = True
            return out

    return wrapper


def compile_re(source: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the machine's compiled copy when it has one."""
    global _missed, _ENGINE
    key = (source, int(flags))
    entry = _load().get(key) if _ENGINE else None
    if entry is not None:
        try:
            out, code, groups, groupindex, indexgroup = entry
            pattern = _sre.compile(
                source, out, array.array(_CODE_TYPE, code).tolist(), groups, groupindex, indexgroup
            )
            return pattern
        except Exception as exc:  # not what this engine expects: compile it
            log.debug("compiled regex unusable (%s); compiling", exc)
    if _ENGINE:
        try:
            parsed = _parser.parse(source, key[1])
            code = _compiler._code(parsed, key[1])
            groupindex = dict(parsed.state.groupdict)
            indexgroup = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry = (
                key[1] | parsed.state.flags,
                array.array(_CODE_TYPE, code).tobytes(),
                parsed.state.groups - 1,
                groupindex,
                tuple(indexgroup),
            )
            pattern = _sre.compile(source, entry[0], code, *entry[2:])
            _used[key] = entry
            _missed = True
            return pattern
        except Exception as exc:  # internals of another shape: the public compiler only
            log.debug("regex internals unavailable (%s); using re.compile", exc)
            _ENGINE = ""
    return re.compile(source, flags)


def save() -> None:
    """Add the patterns this process compiled to the file when some were not in it: the
    next process loads them all."""
    global _missed, _loaded
    if not (_missed and _ENGINE):
        return
    from troopwatch.files import atomic_write_bytes

    merged = {**_load(), **_used}
    _missed, _loaded = False, merged
    try:
        path = _path()
        data = {"patterns": merged, "facts": _facts}
        atomic_write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
        others = sorted(
            (p for p in path.parent.glob("regexes-*.pickle") if p != path),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in others[COPIES:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot keep compiled regexes: %s", exc)
