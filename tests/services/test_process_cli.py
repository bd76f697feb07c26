"""`hervest import referrals` and `hervest report quota|deadlines|duplicates` as a user runs
them: real processes on a real encrypted database and the demo files in resources/demo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo"
PASS = "cli passphrase 123"


def hervest(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": PASS,
           "HERVEST_USER": "hq", "HERVEST_LANG": lang, "HERVEST_KDF_TARGET_MS": "1"}
    return subprocess.run([sys.executable, "-m", "app.cli.main", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=600)


def test_import_and_reports_from_the_command_line(tmp_path):
    db = str(tmp_path / "hq.db")
    assert hervest("init", "--db", db, "--user", "hq", "--role", "HQ_COORDINATOR").returncode == 0
    dry = hervest("import", "referrals", str(DEMO / "referrals-demo-with-problems.csv"),
                  "--db", db, "--dry-run")
    assert dry.returncode == 1, dry.stderr
    assert "row 6:" in dry.stdout and "31-02-1980" in dry.stdout and "QQQ" in dry.stdout
    assert "Dry run: nothing was written." in dry.stdout
    refused = hervest("import", "referrals", str(DEMO / "referrals-demo-with-problems.csv"),
                      "--db", db, "--all-or-nothing")
    assert refused.returncode == 2 and "Nothing was imported" in refused.stderr
    mapping = tmp_path / "mapping.json"
    done = hervest("import", "referrals", str(DEMO / "referrals-demo.csv"), "--db", db,
                   "--save-mapping", str(mapping))
    assert done.returncode == 0, done.stderr
    assert "Imported 12 case(s) with 43 person(s)." in done.stdout
    xlsx = hervest("import", "referrals", str(DEMO / "referrals-demo.xlsx"), "--db", db,
                   "--mapping", str(mapping), "--dry-run", lang="nl")
    assert "regel 2: Persoonsnummer DEMO-REF-00001-01 staat al in de database." in xlsx.stdout

    loaded = hervest("frameworks", "load-published", "--db", db, "--carry-over")
    assert "2020-2023" in loaded.stdout
    quota = hervest("report", "quota", "--db", db, "--framework", "2020-2023",
                    "--format", "json")
    data = json.loads(quota.stdout)
    assert (data["target"], data["carried_out"], data["total_target"]) == (1900, 20, 2000)
    text = hervest("report", "quota", "--db", db, "--framework", "2024")
    assert "Carried in" in text.stdout and "500" in text.stdout
    missing = hervest("report", "quota", "--db", db, "--framework", "1999")
    assert missing.returncode == 2 and "Known: 2012-2015" in missing.stderr
    deadlines = json.loads(hervest("report", "deadlines", "--db", db, "--format",
                                   "json").stdout)
    assert deadlines["overdue"] == [] and deadlines["window_days"] == 30
    dups = hervest("report", "duplicates", "--db", db, "--store")
    assert dups.returncode == 0 and "new flag(s)" in dups.stdout
    for name in ("Mostafa", "Hadad", "مصطفى"):  # names never reach the terminal
        assert name not in dups.stdout
