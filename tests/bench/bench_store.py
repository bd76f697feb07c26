"""Encrypted store vs the same code on plain SQLite, and the unlock time.

    python tests/bench/bench_store.py [--quick]

Runs the same insert / update / query workload through `Store` twice per round, once on
SQLCipher and once with the cipher pragmas dropped (plain SQLite inside the same library),
alternating, and prints medians and the ratio. Target: encrypted <= 1.3x plain."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain import Case, CaseState, Person, Role
from app.store import Store, database, search
from app.store import sql as sqlmod
from app.store.keyslots import KdfParams, calibrate

PASS = "bench passphrase 1"


class PlainConnection(sqlmod.Connection):
    """Drops the cipher pragmas, so the file is ordinary SQLite."""

    def execute(self, statement, *args):  # type: ignore[override]
        if statement.startswith(("PRAGMA key", "PRAGMA cipher")):
            return super().execute("SELECT 1")
        return super().execute(statement, *args)


def workload(path: Path, n_cases: int) -> dict[str, float]:
    timings: dict[str, float] = {}
    store = Store.create(path, "bench", Role.IND, PASS, kdf=KdfParams(2, 19 * 1024))
    start = time.perf_counter()
    ids = []
    for batch in range(0, n_cases, 100):
        with store.write() as uow:
            for i in range(batch, min(batch + 100, n_cases)):
                case = uow.insert(Case(unhcr_case_number=f"DEMO-B-{i:07d}"))
                ids.append(case.id)
                for j in range(4):
                    uow.insert(Person(case_id=case.id, given_name=f"Name{i}x{j}",
                                      family_name="Benchmark", birth_date="1990"))
    timings["insert"] = time.perf_counter() - start
    start = time.perf_counter()
    for batch in range(0, n_cases, 100):
        with store.write() as uow:
            for case in store.select(Case, f"id IN ({','.join('?' * len(ids[batch:batch + 100]))})",
                                     ids[batch:batch + 100]):
                uow.update(case, state=CaseState.SCHEDULED, notes="seen")
    timings["update"] = time.perf_counter() - start
    start = time.perf_counter()
    for i in range(0, n_cases, max(1, n_cases // 500)):
        store.get(Case, ids[i])
        store.select(Person, "case_id = ?", (ids[i],))
        search.search(store.conn, f"Name{i}x")
    store.count(Case, "state = ?", ("scheduled",))
    timings["query"] = time.perf_counter() - start
    store.close()
    return timings


def run(n_cases: int, rounds: int) -> None:
    results: dict[str, dict[str, list[float]]] = {"encrypted": {}, "plain": {}}
    real_connect = sqlmod.connect
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(rounds):
            for variant in ("encrypted", "plain"):
                database.sql.connect = (real_connect if variant == "encrypted" else
                                        lambda *a, **k: real_connect(*a, factory=PlainConnection,
                                                                     **k))
                path = Path(tmp) / f"{variant}{r}.db"
                for step, seconds in workload(path, n_cases).items():
                    results[variant].setdefault(step, []).append(seconds)
        database.sql.connect = real_connect
        print(f"\nStore workload, {n_cases} cases x 4 persons, median of {rounds} rounds")
        print(f"{'step':10} {'plain s':>10} {'encrypted s':>12} {'ratio':>7}  target <= 1.30")
        total_plain = total_enc = 0.0
        for step in results["plain"]:
            plain = statistics.median(results["plain"][step])
            enc = statistics.median(results["encrypted"][step])
            total_plain, total_enc = total_plain + plain, total_enc + enc
            print(f"{step:10} {plain:10.3f} {enc:12.3f} {enc / plain:7.2f}")
        print(f"{'total':10} {total_plain:10.3f} {total_enc:12.3f} {total_enc / total_plain:7.2f}")
        unlock(Path(tmp))


def unlock(tmp: Path) -> None:
    """Unlock with the production Argon2id calibration (about 0.5 s on this machine)."""
    os.environ.pop("HERVEST_KDF_TARGET_MS", None)
    params = calibrate()
    path = tmp / "unlock.db"
    Store.create(path, "bench", Role.IND, PASS, kdf=params).close()
    times = []
    for _ in range(3):
        start = time.perf_counter()
        Store.open(path, "bench", PASS).close()
        times.append(time.perf_counter() - start)
    print(f"\nUnlock (Argon2id t={params.iterations}, m={params.memory_kib // 1024} MiB, "
          f"p={params.lanes}): median {statistics.median(times):.3f} s over 3, "
          f"target about 0.5 s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    run(n_cases=500 if args.quick else 5000, rounds=1 if args.quick else 3)
