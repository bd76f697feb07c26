"""Throttling of failed unlocks, kept in a small file beside the database so that it holds
across processes and restarts (a script cannot reset it by starting a new process).

An attempt is one step across processes: `attempt` holds an exclusive lock on the file
while it reads the count, checks the wait, tries the passphrase and records the outcome.
Without it, parallel processes all read "no wait" before any of them recorded its failure
(8 at once each got a real answer, and failures were lost when their writes crossed).
The file is rewritten in place, never replaced: a lock on a replaced file locks nothing."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from app.errors import UnlockError

FREE_ATTEMPTS = 3
MAX_DELAY_S = 300
# Fixed size, padded with spaces: an in-place rewrite never leaves a longer old tail.
RECORD_BYTES = 64

T = TypeVar("T")


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, 2, 4, 8 ... 300."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_S)


def _parse(raw: bytes) -> tuple[int, float]:
    try:
        doc = json.loads(raw)
        return int(doc["failures"]), float(doc["last"])
    except (ValueError, KeyError, TypeError):
        return 0, 0.0


class Throttle:
    def __init__(self, db_path: Path, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(f"{db_path}.attempts")
        self._clock = clock

    def _state(self) -> tuple[int, float]:
        try:
            return _parse(self.path.read_bytes())
        except OSError:
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._state()[0]

    def _remaining(self, failures: int, last: float) -> int:
        return max(0, int(last + delay_after(failures) - self._clock() + 0.999))

    def wait_seconds(self) -> int:
        """For the unlock screen's countdown; `attempt` decides under the lock."""
        return self._remaining(*self._state())

    @contextlib.contextmanager
    def _locked(self) -> Iterator[int | None]:
        """The attempts file open and exclusively locked; None on read-only media (where
        the database cannot open anyway, so nothing is there to guess)."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            yield None
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # released when the descriptor closes
            yield fd
        finally:
            os.close(fd)

    def _read(self, fd: int | None) -> tuple[int, float]:
        return _parse(os.pread(fd, RECORD_BYTES, 0)) if fd is not None else self._state()

    def _write(self, fd: int | None, failures: int, last: float) -> None:
        if fd is None:
            return
        record = json.dumps({"failures": failures, "last": last}).encode()
        # Over bytes already there (after the first record), so a full disk cannot stop it;
        # the first record on a full disk is lost, as the database cannot be written either.
        with contextlib.suppress(OSError):
            os.pwrite(fd, record.ljust(RECORD_BYTES), 0)
            os.fsync(fd)

    def attempt(self, try_unlock: Callable[[], T]) -> tuple[T, int]:
        """Run `try_unlock` unless a wait is due; an UnlockError it raises is counted, a
        success clears the count. Returns its result and the failures before it."""
        with self._locked() as fd:
            failures, last = self._read(fd)
            wait = self._remaining(failures, last)
            if wait:
                raise UnlockError("unlock.throttled", seconds=wait)
            try:
                result = try_unlock()
            except UnlockError:
                self._write(fd, failures + 1, self._clock())
                raise
            if failures:
                self._write(fd, 0, 0.0)
            return result, failures

    def record_failure(self) -> None:
        with self._locked() as fd:
            failures, _ = self._read(fd)
            self._write(fd, failures + 1, self._clock())
