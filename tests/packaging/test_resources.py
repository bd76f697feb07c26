"""`app.resources.resource_path` finds `resources/` from a checkout and from a bundle,
whatever the working directory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import resources
from app.resources import resource_path

REPO = Path(__file__).resolve().parents[2]


def test_source_checkout_finds_the_repository_folder() -> None:
    assert resource_path() == REPO / "resources"
    assert resource_path().is_dir()
    assert resource_path("icons", "x.png") == REPO / "resources" / "icons" / "x.png"


def test_independent_of_the_working_directory(tmp_path: Path) -> None:
    # A fresh interpreter started elsewhere, as a desktop shortcut would start the app.
    code = "from app.resources import resource_path; print(resource_path())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, check=True,
                         capture_output=True, text=True,
                         env={"PYTHONPATH": str(REPO), "PATH": ""}).stdout.strip()
    assert Path(out) == REPO / "resources"


def test_pyinstaller_bundle_uses_meipass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("translations") == tmp_path / "resources" / "translations"
    assert resources._SOURCE_ROOT == REPO  # the fallback is untouched by the bundle case
