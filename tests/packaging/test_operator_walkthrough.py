"""The operator's guide (docs/operations.md) followed step by step from the source install:
a real `hervest-hq serve` on 127.0.0.1, enrol, sync, export, import, verify the receipt,
revoke, wipe. CI runs the same script against the built bundle in .ci/build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "operator_walkthrough.sh"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_operator_walkthrough_from_source() -> None:
    env = {**os.environ, "PYTHON": sys.executable}
    env.pop("HERVEST", None)
    done = subprocess.run(["bash", str(SCRIPT), "--source"], env=env, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    assert out.rstrip().endswith("operator walkthrough: all steps passed")
    for seen in ("Self-test passed", "changes applied", "The receipt matches the bundle",
                 "changes_pending  0", "refused as expected: HQ refused this laptop"):
        assert seen in out, seen
