"""Throttling of failed unlocks, kept in a small file beside the database so that it holds
across processes and restarts (a script cannot reset it by starting a new process)."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

from app.atomic import write_atomic
from app.errors import UnlockError

FREE_ATTEMPTS = 3
MAX_DELAY_S = 300


def delay_after(failures: int) -> int:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, 2, 4, 8 ... 300."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_S)


class Throttle:
    def __init__(self, db_path: Path, clock=time.time) -> None:
        self.path = Path(f"{db_path}.attempts")
        self._clock = clock

    def _state(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_text("utf-8"))
            return int(doc["failures"]), float(doc["last"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    @property
    def failures(self) -> int:
        return self._state()[0]

    def wait_seconds(self) -> int:
        failures, last = self._state()
        remaining = last + delay_after(failures) - self._clock()
        return max(0, int(remaining + 0.999))

    def check(self) -> None:
        wait = self.wait_seconds()
        if wait:
            raise UnlockError("unlock.throttled", seconds=wait)

    def record_failure(self) -> None:
        failures, _ = self._state()
        doc = {"failures": failures + 1, "last": self._clock()}
        with contextlib.suppress(OSError):  # read-only media: the database cannot open anyway
            write_atomic(self.path, json.dumps(doc).encode())

    def reset(self) -> int:
        """Forget failures after a successful unlock; returns how many there were."""
        failures, _ = self._state()
        if failures:
            self.path.unlink(missing_ok=True)
        return failures
