"""Crash and power-loss soak: `python -m tests.soak.crash_soak --cycles 300`.

Each cycle starts a writer (tests/soak/soak_writer.py) on a real SQLCipher file, kills it
with SIGKILL at a random moment, reopens the database with the real passphrase, runs every
check (SQLCipher page MACs, SQLite integrity, references, audit chain, change log) and
compares the whole content with what the acknowledged operations must have written.

Every `--torn-every`-th cycle also tears the tail of the WAL before reopening (truncated
in the last frames, or bytes flipped there), as a disk that lost its last writes would.
A torn WAL may lose acknowledged writes (the disk broke its fsync promise); the database
must still open, pass every check and hold a prefix of the operations. That loss is
reported as a figure; for plain SIGKILL cycles any loss is a failure."""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from app.domain import Case, Person, Role
from app.store import Store
from app.store.check import run_checks
from app.store.keyslots import KdfParams
from tests.soak.plan import expected

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "soak passphrase 2026"
FRAME = 24 + 4096  # WAL frame header + SQLCipher page


@dataclass
class Result:
    cycles: int = 0
    acknowledged: int = 0
    lost_after_kill: int = 0
    torn_cycles: int = 0
    lost_to_torn_wal: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and self.lost_after_kill == 0

    def table(self) -> str:
        rows = [("cycles run", self.cycles), ("acknowledged writes", self.acknowledged),
                ("lost after SIGKILL (target 0)", self.lost_after_kill),
                ("cycles with a torn WAL tail", self.torn_cycles),
                ("acknowledged writes lost to a torn WAL", self.lost_to_torn_wal),
                ("failed checks (target 0)", len(self.failures))]
        return "\n".join(f"{name:42} {value:>8}" for name, value in rows)


def run_writer(db: Path, seed: int, start: int, kill_after: float) -> int | None:
    """Start the writer, SIGKILL it `kill_after` s after its first ack; last ack or None."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.soak.soak_writer", str(db), PASSPHRASE, str(seed),
         str(start)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT,
        text=True)
    acked: list[int] = []
    first = threading.Event()

    def read() -> None:
        for line in child.stdout:  # type: ignore[union-attr]
            acked.append(int(line.split()[1]))
            first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    first.wait(60)
    time.sleep(kill_after)
    child.send_signal(signal.SIGKILL)
    child.wait()
    reader.join(10)
    if not acked:
        raise RuntimeError(f"writer never acknowledged a write: {child.stderr.read()}")
    return acked[-1]


def backfill_started(db: Path) -> int:
    """Frames a checkpoint may already have begun copying into the database, read from the
    WAL index (-shm: WalCkptInfo.nBackfillAttempted at byte 128, native byte order)."""
    shm = Path(f"{db}-shm")
    data = shm.read_bytes()[:136] if shm.exists() else b""
    return struct.unpack_from("=I", data, 128)[0] if len(data) >= 136 else 0


def tear_wal(db: Path, rng: random.Random) -> bool:
    """Cut or garble the WAL within its last three frames; False if there was nothing to tear.

    Frames a checkpoint had started to copy are left alone: SQLite syncs the WAL before it
    checkpoints, so a disk that keeps its fsync promise cannot lose them, and tearing them
    would test a disk that lies rather than a torn write."""
    wal = Path(f"{db}-wal")
    size = wal.stat().st_size if wal.exists() else 0
    floor = max(32 + backfill_started(db) * FRAME, size - 3 * FRAME)
    if size <= floor:
        return False
    cut = rng.randrange(floor, size)
    with open(wal, "r+b") as fh:
        if rng.random() < 0.5:
            fh.truncate(cut)
        else:
            fh.seek(cut)
            fh.write(os.urandom(min(rng.randint(1, 64), size - cut)))
    return True


def keep(snapshot: Path, cycle: int) -> str:
    """Copy a failing cycle's files out of the soak's temporary folder, for a replay."""
    kept = Path(tempfile.mkdtemp(prefix=f"hervest-soak-cycle{cycle}-"))
    shutil.copytree(snapshot, kept, dirs_exist_ok=True)
    return f"cycle {cycle}: files before the reopen kept in {kept}"


def content(store: Store) -> dict[str, tuple[str, frozenset[str]]]:
    names: dict[str, set[str]] = {}
    for p in store.select(Person):
        names.setdefault(p.case_id, set()).add(p.given_name)
    return {c.unhcr_case_number: (c.notes, frozenset(names.get(c.id, ())))
            for c in store.select(Case)}


def soak(cycles: int, seed: int = 1, torn_every: int = 3, max_kill_s: float = 0.4,
         folder: Path | None = None, log=print) -> Result:
    rng = random.Random(seed)
    result = Result()
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        db = Path(tmp) / "soak.db"
        # A role that may write cases and persons (the local write path checks it).
        Store.create(db, "soak", Role.HQ_COORDINATOR, PASSPHRASE,
                     kdf=KdfParams(2, 19 * 1024)).close()
        held = -1  # the last operation the database holds
        for cycle in range(1, cycles + 1):
            last_ack = run_writer(db, seed, held + 1, rng.uniform(0, max_kill_s))
            torn = torn_every > 0 and cycle % torn_every == 0 and tear_wal(db, rng)
            # The files as the reopen finds them (it replays and checkpoints the WAL), kept
            # only if this cycle fails, so that a failure can be replayed.
            snapshot = Path(tmp) / "before-reopen"
            shutil.rmtree(snapshot, ignore_errors=True)
            snapshot.mkdir()
            for part in (db, *(Path(f"{db}{s}") for s in ("-wal", "-shm", ".keys"))):
                if part.exists():
                    shutil.copy2(part, snapshot / part.name)
            result.cycles += 1
            result.acknowledged += last_ack - held
            try:
                with Store.open(db, "soak", PASSPHRASE) as store:
                    problems = [p.message("en") for p in run_checks(store)]
                    found = content(store)
            except Exception as exc:  # a failure to open is a finding, not a crash
                result.failures += [f"cycle {cycle}: does not open: {exc!r}",
                                    keep(snapshot, cycle)]
                break
            now_held = max((int(k.split("-")[1]) for k in found), default=-1)
            if problems:
                result.failures.append(f"cycle {cycle}: {problems}")
            if found != expected(seed, now_held):
                result.failures.append(f"cycle {cycle}: content is not the prefix 0..{now_held}")
            lost = max(0, last_ack - now_held)
            if torn:
                result.torn_cycles += 1
                result.lost_to_torn_wal += lost
            else:
                result.lost_after_kill += lost
            held = now_held
            if result.failures:
                result.failures.append(keep(snapshot, cycle))
                break
            if cycle % 25 == 0:
                log(f"  {cycle} cycles, {result.acknowledged} writes acknowledged")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cycles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--torn-every", type=int, default=3,
                        help="tear the WAL tail every Nth cycle (0: never)")
    args = parser.parse_args(argv)
    os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")
    result = soak(args.cycles, args.seed, args.torn_every)
    print(result.table())
    for failure in result.failures:
        print("FAIL", failure)
    return 0 if result.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
