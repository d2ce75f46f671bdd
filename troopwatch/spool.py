"""A disk spool for documents Elasticsearch could not take: kept now, written later.

Each batch is one JSON-lines file, written to a temporary name, fsynced, renamed, and the
directory fsynced, so a crash never leaves half a batch nor loses a renamed one. Names
start with a counter (one more than the highest name present, taken under a lock), so
batches drain in the order they were spooled even if the wall clock steps back.
Draining holds an exclusive lock so two processes never write the same batch twice at
the same time (writes are idempotent anyway).

A file that cannot be read back (bit rot, a hand edit) is quarantined: copied to
`corrupt/` with a `.reason` file, its readable lines written as usual. A full disk makes
`put` raise OSError and leaves nothing behind; the caller keeps the batch.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from troopwatch.files import atomic_write_text, fsync_directory

log = logging.getLogger(__name__)

# "000000000042-<time_ns>-<pid>.jsonl"; before the counter, names were "<time_ns>-<pid>".
_COUNTED = re.compile(r"^(\d{12})-")


def _order(path: Path) -> tuple[int, int, str]:
    counted = _COUNTED.match(path.name)
    # Old clock-named files (from before the counter) drain first, by name.
    return (1, int(counted.group(1)), path.name) if counted else (0, 0, path.name)


class Spool:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    @contextmanager
    def _naming(self) -> Iterator[None]:
        # Short-held and separate from the drain lock: a drain's writer spools too.
        with (self.directory / ".name.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write_file(self, final: Path, docs: list[dict]) -> None:
        """Write `docs` to `final` atomically and durably; nothing left on failure."""
        text = "".join(json.dumps(doc, ensure_ascii=False, default=str) + "\n" for doc in docs)
        atomic_write_text(final, text, durable=True)

    def put(self, docs: list[dict]) -> Path | None:
        """Keep a batch; raises OSError (disk full, ...) with nothing half-written."""
        if not docs:
            return None
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._naming():
            files = self.files()
            counter = _order(files[-1])[1] + 1 if files else 1
            final = self.directory / f"{counter:012d}-{time.time_ns():020d}-{os.getpid()}.jsonl"
            self._write_file(final, docs)
        return final

    def files(self) -> list[Path]:
        if not self.directory.exists():
            return []
        return sorted(self.directory.glob("*.jsonl"), key=_order)

    def pending(self) -> int:
        """Number of documents waiting."""
        total = 0
        for path in self.files():
            with path.open(encoding="utf-8", errors="replace") as fh:
                total += sum(1 for line in fh if line.strip())
        return total

    @contextmanager
    def _locked(self) -> Iterator[bool]:
        self.directory.mkdir(parents=True, exist_ok=True)
        with (self.directory / ".lock").open("w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self, path: Path) -> list[dict]:
        """The documents of one file; a damaged file is quarantined and rewritten with
        the lines that still read (so the rest of its batch is not lost)."""
        docs: list[dict] = []
        problems: list[str] = []
        raw = path.read_bytes()
        for number, line in enumerate(raw.split(b"\n"), 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                problems.append(f"line {number}: {exc}")
                continue
            if not isinstance(doc, dict):
                problems.append(f"line {number}: a {type(doc).__name__}, not a document")
                continue
            docs.append(doc)
        if problems:
            corrupt = self.directory / "corrupt"
            corrupt.mkdir(exist_ok=True)
            shutil.copyfile(path, corrupt / path.name)
            (corrupt / path.name).with_suffix(".reason").write_text(
                "\n".join(problems) + "\n", encoding="utf-8"
            )
            fsync_directory(corrupt)
            log.error(
                "spool file %s is damaged (%s); kept in %s, its %d readable documents go on",
                path,
                problems[0],
                corrupt,
                len(docs),
            )
            if docs:
                self._write_file(path, docs)
            else:
                path.unlink()
                fsync_directory(self.directory)
        return docs

    def drain(self, write: Callable[[list[dict]], None]) -> int:
        """Write every spooled batch, oldest first, until done or `write` raises.

        `write` must raise when the batch could not be stored; the batch then stays.
        Returns the number of documents written.
        """
        written = 0
        with self._locked() as got_lock:
            if not got_lock:
                return 0
            for path in self.files():
                docs = self._read(path)
                if docs:
                    write(docs)
                with suppress(FileNotFoundError):
                    path.unlink()
                fsync_directory(self.directory)
                written += len(docs)
        return written
