"""`hervest --self-test` from a source checkout: passes with one line, names a failing step."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import selftest
from app.errors import HervestError

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_self_test_passes_with_one_line(tmp_path: Path) -> None:
    # A fresh process started in an unrelated folder, without a screen (DISPLAY unset).
    env = {"PYTHONPATH": str(REPO), "PATH": "", "HOME": str(tmp_path), "HERVEST_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "app.cli.main", "--self-test"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Self-test passed (hervest ")
    for part in ("encrypted database", "demo data", "main window", "PDF report", "bundle"):
        assert part in lines[0]
    assert list(tmp_path.iterdir()) == []  # nothing left behind, no settings written in HOME


def test_a_failing_step_is_named(monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    def full_disk(run: selftest._Run) -> str:
        (run.folder / "probe").write_bytes(b"x")
        raise OSError(28, "No space left on device")

    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent")  # restored after the test
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setattr(selftest, "STEPS", (selftest.STEPS[0], ("pdf", full_disk)))
    assert selftest.run_self_test() == 1
    out = capsys.readouterr()
    assert out.out == ""
    first = out.err.splitlines()[0]
    assert first.startswith("Self-test FAILED at step 'PDF report' (hervest ")
    assert "No space left on device" in first


def test_a_part_missing_from_the_build_is_said_plainly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HERVEST_LANG", "nl")
    with pytest.raises(HervestError) as caught:
        selftest._optional("ui.not_in_this_build", "de desktop-app")
    assert caught.value.message() == "deze build bevat de desktop-app niet"
