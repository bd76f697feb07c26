"""A Qt-free background sync loop the desktop app drives from a worker thread: progress
callback, cancel flag, exponential backoff with jitter, last error in plain words."""

from __future__ import annotations

import random
import threading
from collections.abc import Callable

from app.errors import HervestError
from app.store.database import Store
from sync.client.session import Progress, SyncReport, SyncSession, client_for
from sync.client.transport import SyncError

BASE_DELAY_S = 2.0
MAX_DELAY_S = 15 * 60


def backoff(failures: int, rng: random.Random | None = None) -> float:
    """'Full jitter': uniform in [0, min(cap, base * 2^n)], so laptops spread out."""
    ceiling = min(MAX_DELAY_S, BASE_DELAY_S * 2 ** failures)
    return (rng or random).uniform(0, ceiling)


class SyncRunner:
    """Call `sync_once` from a worker thread, or `run_forever` as the thread's body.

    `store_factory` opens the worker's own connection (`store.clone`); the runner never
    touches the GUI's connection. `cancel` stops between batches and during waits."""

    def __init__(self, store_factory: Callable[[], Store], progress: Progress | None = None,
                 proxy: str | None = None, interval_s: float = 300) -> None:
        self._factory = store_factory
        self.progress = progress
        self.proxy = proxy
        self.interval_s = interval_s
        self.cancel = threading.Event()
        self.failures = 0
        self.last_error = ""

    def sync_once(self) -> SyncReport:
        store = self._factory()
        try:
            with client_for(store, self.proxy) as client:
                report = SyncSession(store, client, self.progress, self.cancel).run()
            self.failures, self.last_error = 0, ""
            return report
        except HervestError as error:
            self.failures += 1
            self.last_error = error.message()
            store.set_meta("sync_last_error", self.last_error)
            raise
        finally:
            store.close()

    def run_forever(self) -> None:
        while not self.cancel.is_set():
            try:
                self.sync_once()
                wait = self.interval_s
            except SyncError as error:
                if not error.retry and error.key != "sync.cancelled":
                    return  # refused or not enrolled: trying again will not help
                wait = backoff(self.failures)
            except HervestError:
                wait = backoff(self.failures)
            self.cancel.wait(wait)
