"""Fuzz every parser of outside input for a time budget:
`python -m tests.fuzz.run --budget 900 [--engine hypothesis|atheris|both] [--targets a,b]`.

Prints, per target and engine, the inputs tried and the failures (a crash, or a refusal
without a clear message); then (unless --no-hostile) the hostile files of tests/fuzz/hostile.py
run through the real command line, with each child's peak RSS and time. Exit status 1 if
any failure was found."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from tests.fuzz.hostile import run_all
from tests.fuzz.mutations import inputs
from tests.fuzz.targets import TARGETS, Target, b64

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    target: str
    engine: str
    tried: int = 0
    failures: list[str] = field(default_factory=list)


def run_hypothesis(target: Target, seconds: float) -> Outcome:
    outcome = Outcome(target.name, "hypothesis")
    seeds = target.seeds()
    deadline = time.monotonic() + seconds

    @settings(max_examples=40, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(inputs(seeds))
    def one_round(data: bytes) -> None:
        outcome.tried += 1
        target.check(data)

    while time.monotonic() < deadline and len(outcome.failures) < 3:
        try:
            one_round()
        except Exception as failure:  # shrunk by hypothesis: the smallest failing input
            outcome.failures += [f for f in describe(failure) if f not in outcome.failures]
    return outcome


def describe(failure: BaseException) -> list[str]:
    """One line per distinct failure: exception, message and the frame that raised it."""
    if isinstance(failure, BaseExceptionGroup):
        return [line for inner in failure.exceptions for line in describe(inner)]
    frames = traceback.extract_tb(failure.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return [f"{type(failure).__name__}: {str(failure)[:200]}{where}"]


def run_atheris(target: Target, seconds: float) -> Outcome:
    outcome = Outcome(target.name, "atheris")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        for n, seed in enumerate(target.seeds()):
            (corpus / f"seed{n}").write_bytes(seed)
        done = subprocess.run(
            [sys.executable, "-m", "tests.fuzz.atheris_main", target.name,
             f"-max_total_time={max(1, int(seconds))}", "-rss_limit_mb=4096",
             f"-artifact_prefix={folder}/", "-print_final_stats=1", str(corpus)],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
            text=True, timeout=seconds + 300)
        runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", done.stderr)
        outcome.tried = int(runs[-1]) if runs else 0
        if done.returncode != 0:
            crashes = [p for p in Path(folder).iterdir() if p.name.startswith("crash-")]
            found = f"\n  input {b64(crashes[0].read_bytes())}" if crashes else ""
            detail = uncaught(done.stdout) or (
                f"exit {done.returncode}\n" + "\n".join(done.stderr.splitlines()[-25:]))
            outcome.failures.append(detail + found)
    return outcome


def uncaught(stdout: str) -> str | None:
    """The Python exception atheris printed, worded as describe() words it. Atheris prints
    it on stdout and then exits, so libFuzzer's stderr only says "fuzz target exited"."""
    _, marker, report = stdout.partition("=== Uncaught Python exception: ===")
    if not marker or not report.strip():
        return None
    frames = re.findall(r'File "([^"]+)", line (\d+)', report)
    where = f" at {Path(frames[-1][0]).name}:{frames[-1][1]}" if frames else ""
    return f"{report.strip().splitlines()[0][:200]}{where}"


def atheris_available() -> bool:
    try:
        import atheris  # noqa: F401
    except ImportError:
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", type=float, default=300, help="seconds in all")
    parser.add_argument("--engine", choices=("hypothesis", "atheris", "both"), default="both")
    parser.add_argument("--targets", default=",".join(TARGETS))
    parser.add_argument("--hostile", action=argparse.BooleanOptionalAction, default=True,
                        help="also run the hostile files, measuring peak RSS per input")
    args = parser.parse_args(argv)
    os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")
    names = args.targets.split(",")
    engines = {"hypothesis": [run_hypothesis], "atheris": [run_atheris],
               "both": [run_hypothesis, run_atheris]}[args.engine]
    if run_atheris in engines and not atheris_available():
        print("atheris is not installed: coverage-guided fuzzing skipped")
        engines = [e for e in engines if e is not run_atheris] or [run_hypothesis]
    share = args.budget / (len(names) * len(engines))
    outcomes = [engine(TARGETS[name], share) for name in names for engine in engines]
    print(f"{'target':22} {'engine':11} {'inputs tried':>13} {'failures':>9}")
    for o in outcomes:
        print(f"{o.target:22} {o.engine:11} {o.tried:>13} {len(o.failures):>9}")
    print(f"{'total':34} {sum(o.tried for o in outcomes):>13} "
          f"{sum(len(o.failures) for o in outcomes):>9}")
    for o in outcomes:
        for failure in o.failures:
            print(f"\nFAIL {o.target} ({o.engine}): {failure}")
    hostile: list[str] = []
    if args.hostile:
        with tempfile.TemporaryDirectory() as folder:
            hostile = run_all(Path(folder))
        for failure in hostile:
            print(f"\nFAIL hostile {failure}")
    return 1 if hostile or any(o.failures for o in outcomes) else 0


if __name__ == "__main__":
    raise SystemExit(main())
