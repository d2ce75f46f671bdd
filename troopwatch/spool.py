"""A disk spool for documents Elasticsearch could not take: kept now, written later.

Each batch is one JSON-lines file, written to a temporary name and renamed, so a crash
never leaves half a batch. Draining holds an exclusive lock so two processes never
write the same batch twice at the same time (writes are idempotent anyway).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


class Spool:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def put(self, docs: list[dict]) -> Path | None:
        if not docs:
            return None
        self.directory.mkdir(parents=True, exist_ok=True)
        name = f"{time.time_ns():020d}-{os.getpid()}"
        tmp = self.directory / f".{name}.tmp"
        with tmp.open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False, default=str) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        final = self.directory / f"{name}.jsonl"
        tmp.rename(final)
        return final

    def files(self) -> list[Path]:
        if not self.directory.exists():
            return []
        return sorted(self.directory.glob("*.jsonl"))

    def pending(self) -> int:
        """Number of documents waiting."""
        total = 0
        for path in self.files():
            with path.open(encoding="utf-8") as fh:
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
                with path.open(encoding="utf-8") as fh:
                    docs = [json.loads(line) for line in fh if line.strip()]
                write(docs)
                path.unlink()
                written += len(docs)
        return written
