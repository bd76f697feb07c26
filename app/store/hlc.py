"""Hybrid logical clock: orders changes across laptops whose wall clocks disagree.

An HLC timestamp is (physical ms, logical counter, node). It never goes backwards on one
node, and after receiving a remote timestamp every later local one is greater than it.
The text form sorts lexicographically in the same order as the tuple, so SQL can compare it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

_MS_WIDTH = 15
_COUNTER_WIDTH = 6
MAX_COUNTER = 10**_COUNTER_WIDTH - 1


@dataclass(frozen=True, order=True)
class Timestamp:
    ms: int
    counter: int
    node: str

    def encode(self) -> str:
        return f"{self.ms:0{_MS_WIDTH}d}.{self.counter:0{_COUNTER_WIDTH}d}.{self.node}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        return cls(*parse(text))


def parse(text: str) -> tuple[int, int, str]:
    """(ms, counter, node) of a timestamp's text form, ValueError if it is none: half the
    cost of `Timestamp.decode` where only validity matters (every change a merge checks)."""
    try:
        ms, counter, node = text.split(".", 2)
        # Fixed-width ASCII digits only ("+", "_" or other scripts' digits pass int()):
        # then every accepted text sorts like its tuple, which merges rely on.
        if not (len(ms) == _MS_WIDTH and len(counter) == _COUNTER_WIDTH and node
                and (ms + counter).isascii() and (ms + counter).isdigit()):
            raise ValueError
        return int(ms), int(counter), node
    except ValueError:
        raise ValueError(f"not a hybrid logical clock timestamp: {text!r}") from None


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


class HybridClock:
    def __init__(self, node: str, last: Timestamp | None = None,
                 wall: Callable[[], int] = wall_ms) -> None:
        self.node = node
        self._wall = wall
        self._ms = last.ms if last else 0
        self._counter = last.counter if last else 0

    @property
    def last(self) -> Timestamp:
        return Timestamp(self._ms, self._counter, self.node)

    def now(self) -> Timestamp:
        physical = self._wall()
        if physical > self._ms:
            self._ms, self._counter = physical, 0
        else:
            self._bump()
        return self.last

    def observe(self, remote: Timestamp) -> Timestamp:
        """Merge a received timestamp so later local events sort after it."""
        physical = self._wall()
        top = max(physical, self._ms, remote.ms)
        if top == self._ms == remote.ms:
            counter = max(self._counter, remote.counter) + 1
        elif top == self._ms:
            counter = self._counter + 1
        elif top == remote.ms:
            counter = remote.counter + 1
        else:
            counter = 0
        self._ms, self._counter = top, counter
        if self._counter > MAX_COUNTER:
            self._ms, self._counter = self._ms + 1, 0
        return self.last

    def _bump(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:  # borrow from the future rather than overflow
            self._ms, self._counter = self._ms + 1, 0
