"""The `hervest` command line as a user runs it: real processes, real files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.demo import iter_demo_names
from app.store.throttle import Throttle

ROOT = Path(__file__).resolve().parents[2]
PASS = "cli passphrase 123"


def hervest(*args: str, passphrase: str = PASS, lang: str = "en", **extra: str):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": passphrase,
           "HERVEST_USER": "anna", "HERVEST_LANG": lang, "HERVEST_KDF_TARGET_MS": "1", **extra}
    return subprocess.run([sys.executable, "-m", "app.cli.main", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=600)


def strings(path: Path) -> str:
    """Printable runs of 4+ bytes, as `strings` shows them (ASCII and UTF-8)."""
    data = path.read_bytes()
    return data.decode("latin-1") + data.decode("utf-8", errors="ignore")


@pytest.mark.slow
def test_init_demo_check_and_nothing_readable_in_the_files(tmp_path):
    db = tmp_path / "m.db"
    assert hervest("init", "--db", str(db), "--user", "anna", "--role", "IND").returncode == 0
    demo = hervest("demo", "--db", str(db), "--cases", "1000", "--seed", "3")
    assert demo.returncode == 0, demo.stderr
    assert "1000 cases" in demo.stdout
    check = hervest("check", "--db", str(db))
    assert check.returncode == 0 and "All checks passed" in check.stdout
    info = hervest("info", "--db", str(db), "--json")
    assert '"cases": 1000' in info.stdout
    leaks = ["DEMO-", PASS, "anna", "Fictional", *iter_demo_names()]
    for f in tmp_path.iterdir():
        text = strings(f)
        # Four-letter names turn up by chance in megabytes of ciphertext; six bytes do not.
        found = [w for w in leaks if len(w.encode()) >= 6 and w in text]
        assert not found, f"{f.name} shows {found[:5]}"


def test_wrong_passphrase_is_a_clear_message_without_noise(tmp_path):
    db = tmp_path / "m.db"
    hervest("init", "--db", str(db), "--user", "anna", "--role", "COA")
    wrong = hervest("info", "--db", str(db), passphrase="not it at all", lang="nl")
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "De gebruikersnaam of het wachtwoord klopt niet."
    assert wrong.stdout == ""
    for _ in range(2):
        hervest("info", "--db", str(db), passphrase="still not it")
    throttle = Throttle(db)
    assert throttle.failures == 3  # counted across processes
    for _ in range(3):  # three more, without waiting out the delays in a test
        throttle.record_failure()
    throttled = hervest("info", "--db", str(db))  # even the right passphrase must wait
    assert throttled.returncode == 2
    assert "Too many failed attempts" in throttled.stderr


def test_not_a_database_and_missing_files(tmp_path):
    missing = hervest("info", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 2 and "no database" in missing.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    no_keys = hervest("info", "--db", str(junk))
    assert no_keys.returncode == 2 and "key file" in no_keys.stderr
    assert "Traceback" not in no_keys.stderr


def test_users_add_list_passwd_remove(tmp_path):
    db = str(tmp_path / "m.db")
    hervest("init", "--db", db, "--user", "anna", "--role", "ADMIN")
    added = hervest("users", "add", "--db", db, "--user", "ben", "--role", "coa",
                    HERVEST_NEW_PASSPHRASE="bens passphrase 1")
    assert added.returncode == 0, added.stderr
    listed = hervest("users", "list", "--db", db)
    assert "ben" in listed.stdout and "COA" in listed.stdout
    as_ben = {"HERVEST_USER": "ben"}
    changed = hervest("users", "passwd", "--db", db, passphrase="bens passphrase 1",
                      HERVEST_NEW_PASSPHRASE="bens new passphrase", **as_ben)
    assert changed.returncode == 0, changed.stderr
    assert hervest("info", "--db", db, passphrase="bens new passphrase", **as_ben).returncode == 0
    assert hervest("users", "remove", "--db", db, "--user", "ben").returncode == 0
    assert hervest("info", "--db", db, passphrase="bens new passphrase",
                   **as_ben).returncode == 2
    bad_role = hervest("users", "add", "--db", db, "--user", "cor", "--role", "pilot",
                       HERVEST_NEW_PASSPHRASE="x" * 12)
    assert "Unknown role" in bad_role.stderr


def test_version_and_existing_database_untouched(tmp_path):
    from app import __version__

    assert __version__ in hervest("--version").stdout
    db = tmp_path / "m.db"
    hervest("init", "--db", str(db), "--user", "anna", "--role", "IND")
    before = db.read_bytes()
    again = hervest("init", "--db", str(db), "--user", "x", "--role", "IND")
    assert again.returncode == 2 and "already exists" in again.stderr
    assert db.read_bytes() == before
