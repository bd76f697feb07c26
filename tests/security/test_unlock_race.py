"""Parallel unlock attempts do not get round the throttle (issue 13, finding 9): eight real
`hervest info` processes with a wrong passphrase, started at once, while the next failure
brings a 64 s wait. One may try; the seven others are told to wait, and every failure is
counted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.store.throttle import Throttle, delay_after

ROOT = Path(__file__).resolve().parents[2]
PASS = "race passphrase 123"
PROCESSES = 8
PRIOR_FAILURES = 7  # the next failure (the 8th) sets a wait of delay_after(8) = 64 s


def _env(passphrase: str) -> dict[str, str]:
    # A real key derivation (about 0.3 s): attempts overlap, as an attacker's would.
    return {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": passphrase,
            "HERVEST_USER": "anna", "HERVEST_LANG": "en", "HERVEST_KDF_TARGET_MS": "300"}


def test_parallel_wrong_passphrases_get_one_answer_and_all_are_counted(tmp_path):
    db = tmp_path / "m.db"
    made = subprocess.run([sys.executable, "-m", "app.cli.main", "init", "--db", str(db),
                           "--user", "anna", "--role", "IND"], env=_env(PASS), cwd=ROOT,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert made.returncode == 0, made.stderr
    # Earlier failures whose wait is over: the next attempt is allowed, the one after not.
    earlier = Throttle(db, clock=lambda: time.time() - 2 * delay_after(PRIOR_FAILURES))
    for _ in range(PRIOR_FAILURES):
        earlier.record_failure()
    assert Throttle(db).wait_seconds() == 0
    start = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "app.cli.main", "info", "--db", str(db)],
                              env=_env("not the passphrase"), cwd=ROOT, text=True,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
             for _ in range(PROCESSES)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    elapsed = time.monotonic() - start
    for p in procs:
        p.stdout.close()
        p.stderr.close()
    wrong = [err for rc, err in results if rc == 2 and "not correct" in err]
    throttled = [err for rc, err in results if rc == 2 and "Too many failed attempts" in err]
    print(f"{PROCESSES} parallel attempts in {elapsed:.1f} s: {len(wrong)} answered, "
          f"{len(throttled)} told to wait, failures {Throttle(db).failures}")
    assert len(wrong) + len(throttled) == PROCESSES, results
    assert elapsed < delay_after(PRIOR_FAILURES + 1)  # all ran inside the 64 s wait
    assert len(wrong) == 1
    assert Throttle(db).failures == PRIOR_FAILURES + len(wrong)  # none lost in the race
    assert all("Traceback" not in err for _, err in results)
