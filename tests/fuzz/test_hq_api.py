"""Schemathesis against the HQ server on a real uvicorn server on 127.0.0.1, started as
the sync tests start it, with an enrolled laptop to sign requests. The long run:
HERVEST_API_FUZZ_EXAMPLES=500 (or tests/fuzz/api_fuzz.py against any server)."""

import os
import subprocess
import sys
from pathlib import Path

from sync.server.app import HqKeys
from sync.server.store import open_server_store
from tests.sync.sync_helpers import PASSPHRASE, LiveServer, enrol_laptop

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = os.environ.get("HERVEST_API_FUZZ_EXAMPLES", "60")


def test_hq_api_never_answers_with_a_server_error(tmp_path):
    store = open_server_store(f"sqlite:///{tmp_path / 'hq.db'}", tmp_path)
    with LiveServer(store, HqKeys(["age1example"], None)) as hq:
        enrol_laptop(hq, tmp_path, "anna").close()
        done = subprocess.run(
            [sys.executable, "-m", "tests.fuzz.api_fuzz", "--url", hq.url, "--laptop",
             str(tmp_path / "anna.db"), "--passphrase", PASSPHRASE, "--examples", EXAMPLES],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True,
            text=True, timeout=600)
    store.close()
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr[-3000:]
    assert "requests sent" in done.stdout
