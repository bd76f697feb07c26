"""Passphrase guessing, measured: `python -m tests.security.brute_force [--seconds 60]`.

Two figures: guesses per minute through the program (the real `Store.open`, which the
throttle slows after three failures; the guesser waits exactly as long as it is told), and
guesses per minute per CPU core offline, for someone who copied the slot file and runs
Argon2id directly (no throttle can stop that: only the passphrase length does)."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.domain import Role
from app.errors import UnlockError
from app.store import Store
from app.store.keyslots import KdfParams, KeyFile, calibrate
from app.store.throttle import delay_after

PASSPHRASE = "the right passphrase 2026"


@dataclass(frozen=True)
class Figures:
    seconds: float
    guesses: int
    throttled_refusals: int
    offline_per_minute_per_core: float

    @property
    def per_minute(self) -> float:
        return self.guesses * 60 / self.seconds


def scheduled_guesses(seconds: float) -> int:
    """Guesses the throttle allows in `seconds` if each one were instant."""
    t, failures = 0.0, 0
    while t <= seconds:
        failures += 1
        t += delay_after(failures)
    return failures


def measure(seconds: float, kdf: KdfParams, folder: Path) -> Figures:
    db = folder / "target.db"
    Store.create(db, "delegate", Role.IND, PASSPHRASE, kdf=kdf).close()
    guesses = refusals = 0
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            Store.open(db, "delegate", f"guess number {guesses}")
        except UnlockError as error:
            if error.key == "unlock.throttled":
                refusals += 1
                remaining = seconds - (time.monotonic() - start)
                time.sleep(max(0.0, min(error.params["seconds"], remaining)))
                continue
            guesses += 1
    elapsed = time.monotonic() - start
    slot = KeyFile.load(db)
    offline_start, offline = time.perf_counter(), 0
    while time.perf_counter() - offline_start < min(seconds, 5):
        try:
            slot.unwrap_user("delegate", f"offline guess {offline}")
        except UnlockError:
            offline += 1
    offline_rate = offline * 60 / (time.perf_counter() - offline_start)
    return Figures(elapsed, guesses, refusals, offline_rate)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kdf-ms", type=float, default=500,
                        help="Argon2id calibration target (the program's default: 500)")
    args = parser.parse_args(argv)
    kdf = calibrate(args.kdf_ms)
    with tempfile.TemporaryDirectory() as folder:
        figures = measure(args.seconds, kdf, Path(folder))
    print(f"Argon2id: {kdf.iterations} iterations, {kdf.memory_kib // 1024} MiB, "
          f"{kdf.lanes} lanes; {os.cpu_count()} cores")
    print(f"{'window':>10} {'guesses':>8} {'per minute':>11} {'refused (throttled)':>20}")
    print(f"{figures.seconds:>9.1f}s {figures.guesses:>8} {figures.per_minute:>11.1f} "
          f"{figures.throttled_refusals:>20}")
    print(f"throttle schedule: {scheduled_guesses(60)} guesses in the first minute, "
          f"{scheduled_guesses(3600)} in the first hour, {scheduled_guesses(86400)} per day")
    print(f"offline (copied slot file, no throttle): "
          f"{figures.offline_per_minute_per_core:.0f} guesses per minute per core")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
