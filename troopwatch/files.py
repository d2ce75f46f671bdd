"""Writing state files so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def fsync_directory(directory: Path) -> None:
    """Make a rename or unlink in `directory` durable."""
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(path: str | Path, text: str, *, durable: bool = False) -> Path:
    """Replace `path` with `text` in one rename. `durable` also fsyncs the file and its
    directory, so the new content survives a power cut (journals, spool files).

    The temporary file is unique (concurrent writers never share one), hidden and ends
    in `.tmp`, so globs for the real files skip it. Raises OSError with nothing left over."""
    return atomic_write_bytes(path, text.encode("utf-8"), durable=durable)


def atomic_write_bytes(path: str | Path, data: bytes, *, durable: bool = False) -> Path:
    """`atomic_write_text` for bytes (a cache file, a pickle)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_directory(path.parent)
    return path


def atomic_write_json(path: str | Path, data: Any, *, durable: bool = False) -> Path:
    """`atomic_write_text` of `data` as compact UTF-8 JSON."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return atomic_write_text(path, text, durable=durable)
