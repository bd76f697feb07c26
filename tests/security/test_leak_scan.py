"""No plaintext leaks: run the main CLI flows with HOME, XDG folders and TMPDIR inside a
temporary tree, then scan every file written there (database, key slots, logs, temp files,
settings, crash reports, bundle) for the demo names, UNHCR numbers and passphrases.

The PDF reports the user asked for are left out: printing names is their purpose and an
explicit choice (docs/security.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyrage import x25519

from app.demo import iter_demo_names
from app.domain import Case, Mission, Municipality, Training
from app.store import Store

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "leak scan passphrase 77"
SECOND_PASSPHRASE = "second user passphrase 88"
# Logging set up as the program does at start, at DEBUG so that every line is written.
RUN_CLI = ("import sys, app.logs; app.logs.setup_logging(); "
           "from app.cli.main import main; sys.exit(main())")


def secrets() -> list[bytes]:
    """Names of at least 6 bytes (shorter ones occur in ciphertext by chance), the number
    prefix every demo UNHCR number carries, and the passphrases."""
    names = {n.encode() for n in iter_demo_names() if len(n.encode()) >= 6}
    return sorted(names | {b"DEMO-", PASSPHRASE.encode(), SECOND_PASSPHRASE.encode()})


def all_files(root: Path) -> Iterator[Path]:
    for folder, _, files in os.walk(root):
        for name in files:
            yield Path(folder) / name


def find_leaks(root: Path, skip: set[Path]) -> list[str]:
    needles = secrets()
    found = []
    for path in all_files(root):
        if path in skip:
            continue
        data = path.read_bytes()
        found += [f"{path.relative_to(root)}: {n.decode()}" for n in needles if n in data]
    return found


class Sandbox:
    """A home of its own: every folder the program may write to is inside `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db = root / "home" / "mission.db"
        self.env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT), "LANG": "C.UTF-8",
                    "HOME": str(root / "home"), "TMPDIR": str(root / "tmp"),
                    "HERVEST_LANG": "en", "HERVEST_LOG_LEVEL": "DEBUG",
                    "HERVEST_KDF_TARGET_MS": "1", "HERVEST_USER": "leila",
                    "HERVEST_PASSPHRASE": PASSPHRASE, "QT_QPA_PLATFORM": "offscreen"}
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state"),
                         ("XDG_RUNTIME_DIR", "runtime")):
            self.env[var] = str(root / sub)
        for folder in ("home", "tmp", "data", "config", "cache", "state", "runtime",
                       "stick", "reports"):
            (root / folder).mkdir(mode=0o700)

    def hervest(self, *args: str, ok: bool = True, **env: str) -> subprocess.CompletedProcess:
        done = subprocess.run([sys.executable, "-c", RUN_CLI, *args], cwd=self.root / "home",
                              env={**self.env, **env}, capture_output=True, text=True,
                              timeout=240)
        if ok:
            assert done.returncode == 0, (args, done.stderr)
        return done


    def run_python(self, code: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", code], cwd=self.root / "home",
                              env=self.env, capture_output=True, text=True, timeout=240)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Sandbox:
    box = Sandbox(tmp_path_factory.mktemp("leak"))
    db = ("--db", str(box.db))
    admin = {"HERVEST_USER": "admin"}  # only ADMIN adds users
    box.hervest("init", *db, "--user", "admin", "--role", "ADMIN", **admin)
    box.hervest("users", "add", *db, "--user", "leila", "--role", "HQ_COORDINATOR",
                HERVEST_NEW_PASSPHRASE=PASSPHRASE, **admin)
    box.hervest("users", "add", *db, "--user", "omar", "--role", "IND",
                HERVEST_NEW_PASSPHRASE=SECOND_PASSPHRASE, **admin)
    box.hervest("demo", *db, "--cases", "25", "--seed", "3")
    box.hervest("check", *db)
    box.hervest("info", *db, "--json")
    box.hervest("users", "list", *db)
    box.hervest("check", *db, ok=False, HERVEST_PASSPHRASE="a wrong passphrase 1")
    recipient = str(x25519.Identity.generate().to_public())
    box.hervest("export", *db, "--out", str(box.root / "stick" / "mission.age"),
                "--recipient", recipient)
    with Store.open(box.db, "leila", PASSPHRASE) as store:
        subjects = {"case": store.select(Case, limit=1)[0].unhcr_case_number,
                    "mission": store.select(Mission, limit=1)[0].id,
                    "attendance": store.select(Training, limit=1)[0].id,
                    "municipality": store.select(Municipality, limit=1)[0].id}
    # A crash while personal data is in hand: it is logged, then raised unhandled.
    crash = box.run_python(
        "import logging, app.logs; app.logs.setup_logging()\n"
        "from app.store import Store; from app.domain import Person\n"
        f"s = Store.open({str(box.db)!r}, 'leila', {PASSPHRASE!r})\n"
        "p = s.select(Person, limit=1)[0]\n"
        "logging.getLogger('hervest.x').info('person %s %s', p.given_name, "
        "p.unhcr_individual_number)\n"
        "logging.getLogger('hervest.x').warning(f'loaded {p.family_name}')\n"
        "raise ValueError(f'cannot place {p.given_name} {p.unhcr_individual_number}')\n")
    assert crash.returncode == 1 and "without personal data" in crash.stderr
    box.reports = set()
    for kind, subject in subjects.items():
        out = box.root / "reports" / f"{kind}.pdf"
        box.hervest("report", kind, *db, subject, "--out", str(out))
        box.reports.add(out)
    return box


def test_main_cli_flows_leave_no_personal_data_outside_the_database(sandbox):
    assert (sandbox.root / "stick" / "mission.age").exists()
    assert all(report.exists() for report in sandbox.reports)
    written = {p.relative_to(sandbox.root).parts[0] for p in all_files(sandbox.root)}
    assert {"home", "state", "stick"} <= written  # database, log file, bundle
    assert find_leaks(sandbox.root, skip=sandbox.reports) == []


def test_the_scan_would_see_a_leak(sandbox, tmp_path):
    """The scanner itself works: a name in a plain file is found."""
    (tmp_path / "x.log").write_text("person Mohammed saved")
    assert find_leaks(tmp_path, skip=set()) == ["x.log: Mohammed"]


def test_log_and_crash_report_were_written_in_the_platform_log_folder(sandbox):
    """They exist, so the scan above really read them."""
    logs = list((sandbox.root / "state").rglob("hervest.log"))
    assert logs and "person <redacted> <redacted>" in logs[0].read_text("utf-8")
    assert list((sandbox.root / "state").rglob("crashes/crash-*.txt"))


@pytest.mark.slow
def test_desktop_flows_leave_no_personal_data(tmp_path):
    """The desktop app's flows (tests/ui/test_ui_flows.py: first start, unlock, search,
    interview, autosave, kill mid-typing, idle lock, COA attendance, HQ screens, language
    switch, wrong passphrases, attachment viewing) offscreen in a sandboxed home, with the
    program's logging; then every file written is scanned."""
    box = Sandbox(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/ui/test_ui_flows.py", "-q", "-x",
         "-p", "no:cacheprovider", "-p", "tests.security.log_plugin"],
        cwd=ROOT, env={**box.env, "HERVEST_USER": "", "HERVEST_PASSPHRASE": ""},
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
    assert len(list(all_files(tmp_path / "tmp"))) > 10  # the databases the flows made
    assert find_leaks(tmp_path, skip=set()) == []
