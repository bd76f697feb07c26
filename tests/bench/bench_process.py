"""Process services benchmark: the quota report, the deadline list and the duplicate scan
on demo databases of 10,000 and 100,000 cases, and how their time grows with n.

    python tests/bench/bench_process.py [--quick]

Baseline, measured in the same run: one full read of the persons table (what any report
must at least do). The target is growth no worse than n log n: from 10,000 to 100,000 cases
n grows x10 and n log n x12.5. Each figure is the best of a few runs, in wall-clock and in
CPU seconds; the verdict reads CPU time, which other processes on a shared machine do not
inflate. Demo databases are cached in /tmp/hervest-bench/ (shared
with the other benchmarks; ~150 cases/s to generate the first time); --quick uses 1,000
and 10,000 cases."""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path("/tmp/hervest-bench")
USER, PASSPHRASE = "bench", "bench passphrase 1"
FRAMEWORK = "Demo 2025-2026"  # the demo generator's framework
REPEATS = 3

os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")
sys.path.insert(0, str(ROOT))


def database(n: int) -> Path:
    """The cached demo database with n cases; waits for another benchmark building it."""
    path = CACHE / f"cases-{n}.db"
    building = CACHE / f"building-{n}.db"
    while (not path.exists() and building.exists()
           and time.time() - building.stat().st_mtime < 300):
        print(f"waiting for another benchmark building {building} ...", flush=True)
        time.sleep(30)
    if path.exists():
        return path
    from app.demo import DemoGenerator
    from app.domain import Role
    from app.store import Store

    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"building-{n}.db*"):
        old.unlink()
    print(f"generating {n} demo cases into {path} (cached for later runs)...", flush=True)
    with Store.create(building, USER, Role.HQ_COORDINATOR, PASSPHRASE) as store:
        DemoGenerator(store, 1).run(n)
    for suffix in ("", ".keys"):
        os.replace(f"{building}{suffix}", f"{path}{suffix}")
    return path


def best_of(fn: Callable[[], object], repeats: int = REPEATS) -> tuple[float, float, object]:
    """(best wall-clock seconds, best CPU seconds of this process, result). The work is
    single-threaded, so on a quiet machine the two agree; on a shared one CPU time leaves
    out what other processes took, and the growth verdict is read from it."""
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return min(walls), min(cpus), result


def measure(n: int) -> dict[str, float]:
    from app.services import deadlines, duplicates, quota
    from app.store import Store

    store = Store.open(database(n), USER, PASSPHRASE)
    try:
        fw = quota.find_framework(store, FRAMEWORK)
        results: dict[str, object] = {}
        row: dict[str, float] = {"n": n, "persons": store.scalar("SELECT COUNT(*) FROM persons")}
        for name, fn, repeats in (
                ("baseline", lambda: store.rows(
                    "SELECT COUNT(*), SUM(length(given_name) + length(family_name) + "
                    "length(birth_date)) FROM persons"), REPEATS),
                ("quota", lambda: quota.report(store, fw.id), REPEATS),
                ("deadlines", lambda: deadlines.report(store), REPEATS),
                ("duplicates", lambda: duplicates.scan(store), 2 if n <= 20_000 else 1)):
            row[name], row[f"{name} cpu"], results[name] = best_of(fn, repeats)
    finally:
        store.close()
    return {**row, "pairs": len(results["duplicates"])}  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 cases")
    args = parser.parse_args()
    sizes = (1_000, 10_000) if args.quick else (10_000, 100_000)
    rows = [measure(n) for n in sizes]
    print(f"\n{'cases':>8} {'persons':>8} {'baseline s':>11} {'quota s':>8} {'deadl. s':>9} "
          f"{'dupl. s':>8} {'pairs':>7}   (wall clock; CPU seconds below)")
    for r in rows:
        for suffix in ("", " cpu"):
            print(f"{r['n']:>8,} {r['persons']:>8,} {r['baseline' + suffix]:>11.3f} "
                  f"{r['quota' + suffix]:>8.3f} {r['deadlines' + suffix]:>9.3f} "
                  f"{r['duplicates' + suffix]:>8.2f} {r['pairs']:>7,}{suffix}")
    small, large = rows
    n_ratio = large["n"] / small["n"]
    nlogn = n_ratio * math.log(large["n"]) / math.log(small["n"])
    print(f"\ngrowth {small['n']:,} -> {large['n']:,} cases: n x{n_ratio:.1f}, "
          f"n log n x{nlogn:.1f} (the target for the quota report and the duplicate scan)")
    verdict = []
    for name in ("baseline", "quota", "deadlines", "duplicates"):
        wall, cpu = (large[name + s] / small[name + s] for s in ("", " cpu"))
        target = name in ("quota", "duplicates")
        ok = cpu <= nlogn
        verdict += [ok] if target else []
        note = ("ok (<= n log n)" if ok else "WORSE than n log n") if target else "(not a target)"
        print(f"  {name:11} CPU x{cpu:5.1f}   wall x{wall:5.1f}   {note}")
    print(f"  duplicate pairs found x{large['pairs'] / max(small['pairs'], 1):.1f} (namesakes "
          "born in the same year meet more often in a larger list)")
    return 0 if all(verdict) else 1


if __name__ == "__main__":
    sys.exit(main())
