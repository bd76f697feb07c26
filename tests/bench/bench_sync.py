"""Sync benchmark: push + pull of N changes over loopback HTTP against the HQ server
applying the same changes from a local file, in the same run; then 5 laptops at once.
Also a laptop merging the same changes from a local file, so the cost of the wire (pull
vs that) is apart from the cost of a laptop's write path (that vs HQ's single table).

    python tests/bench/bench_sync.py [--quick]      (100,000 changes; --quick: 5,000)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "sync")]
os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")

from sync_helpers import LiveServer, enrol_laptop, new_laptop, sync  # noqa: E402

from app.domain import Role  # noqa: E402
from app.domain.records import Case, Person  # noqa: E402
from app.store.merge import apply_remote, logged_changes  # noqa: E402
from app.store.unit_of_work import Change  # noqa: E402
from sync.client.session import PULL_BATCH  # noqa: E402
from sync.server.store import open_server_store  # noqa: E402


def fill(store, n: int) -> None:
    """n changes: cases, each with a person (a child, so the merge's foreign-key rule for
    deletes that meet new children is paid for, as in real missions)."""
    case = None
    for start in range(0, n, 5000):
        with store.write() as uow:
            for i in range(start, min(n, start + 5000)):
                if i % 2 == 0 or case is None:
                    case = uow.insert(Case(unhcr_case_number=f"TST-{i:07d}", notes="bench"))
                else:
                    uow.insert(Person(case_id=case.id, given_name="Bench", family_name="Test"))


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    n = 5_000 if parser.parse_args().quick else 100_000
    folder = Path(tempfile.mkdtemp(prefix="hervest-bench-"))
    hq_store = open_server_store(f"sqlite:///{folder / 'hq.sqlite'}", folder)
    with LiveServer(hq_store) as hq:
        source = enrol_laptop(hq, folder, "source", Role.HQ_COORDINATOR)
        target = enrol_laptop(hq, folder, "target", Role.HQ_COORDINATOR)
        crowd = [enrol_laptop(hq, folder, f"crowd{i}", Role.IND) for i in range(5)]
        fill(source, n)
        own = logged_changes(source.conn, "device_id = ? AND acked = 0", (source.device_id,))
        dump = folder / "changes.jsonl"
        dump.write_text("\n".join(json.dumps(c.__dict__) for c in own))

        def local_apply() -> None:  # the baseline: HQ applies the same changes from a file
            local = open_server_store(f"sqlite:///{folder / 'local.sqlite'}", folder)
            changes = [Change(**json.loads(line)) for line in dump.read_text().splitlines()]
            for i in range(0, len(changes), 2000):
                local.apply_push(source.device_id, changes[i:i + 2000])
            local.close()

        def laptop_apply() -> None:  # the same merge a pull does, without the network
            laptop = new_laptop(folder, "local-laptop", Role.HQ_COORDINATOR)
            changes = [Change(**json.loads(line)) for line in dump.read_text().splitlines()]
            for i in range(0, len(changes), PULL_BATCH):
                apply_remote(laptop, changes[i:i + PULL_BATCH])
            laptop.close()

        t_local = timed(local_apply)
        t_laptop = timed(laptop_apply)
        t_push = timed(lambda: sync(source))
        t_pull = timed(lambda: sync(target))
        assert target.count(Case) + target.count(Person) == n

        per = n // 5
        for store in crowd:
            fill(store, per)
        threads = [threading.Thread(target=sync, args=(s.clone(),)) for s in crowd]
        t_crowd = timed(lambda: [t.start() for t in threads] and [t.join() for t in threads])
        for store in (source, target, *crowd):
            store.close()
    hq_store.close()
    rows = [
        ("HQ applies N changes from a local file (baseline)", t_local, 1.0),
        ("push N changes over loopback HTTP", t_push, t_push / t_local),
        ("pull N changes into another laptop", t_pull, t_pull / t_local),
        ("push + pull (target <= 3.0x)", t_push + t_pull, (t_push + t_pull) / t_local),
        (f"5 laptops push {per} each at once", t_crowd, t_crowd / t_local),
        ("a laptop merges N changes from a local file", t_laptop, t_laptop / t_local),
        ("pull, against the laptop's own local merge", t_pull, t_pull / t_laptop),
        ("push + pull, against both local applies", t_push + t_pull,
         (t_push + t_pull) / (t_local + t_laptop)),
    ]
    print(f"\nsync benchmark, N = {n:,} changes (SQLite HQ store, loopback)\n")
    print(f"{'measure':<52} {'seconds':>9} {'x baseline':>11}")
    for label, seconds, ratio in rows:
        print(f"{label:<52} {seconds:>9.2f} {ratio:>11.2f}")


if __name__ == "__main__":
    main()
