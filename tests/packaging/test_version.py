"""One version number, from pyproject.toml, everywhere the program states its version."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from app import __version__

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))


def test_version_comes_from_pyproject() -> None:
    assert __version__ == PYPROJECT["project"]["version"]


def test_cli_prints_it(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "app.cli.main", "--version"], cwd=tmp_path,
                         env={"PYTHONPATH": str(REPO), "PATH": ""}, capture_output=True,
                         text=True, check=True).stdout
    assert out.strip() == f"hervest {__version__}"


def test_sync_handshake_carries_it() -> None:
    from sync.protocol import Handshake

    assert Handshake().app_version == __version__


def test_build_extra_and_spec_read_the_same_file() -> None:
    assert any(dep.startswith("pyinstaller")
               for dep in PYPROJECT["project"]["optional-dependencies"]["build"])
    spec = (REPO / "packaging" / "hervest.spec").read_text("utf-8")
    assert '"pyproject.toml"' in spec  # the bundle's version and the spec's come from it


def test_a_newer_database_is_refused_with_what_to_do(store, db_path: Path) -> None:
    """A laptop updated at HQ, then handed an older program: told plainly, in Dutch too."""
    from tests.conftest import PASSPHRASE, stamp_newer_schema

    store.close()
    newer = stamp_newer_schema(db_path)
    env = {"PYTHONPATH": str(REPO), "PATH": "", "HERVEST_PASSPHRASE": PASSPHRASE,
           "HERVEST_LANG": "nl"}
    done = subprocess.run([sys.executable, "-m", "app.cli.main", "info", "--db", str(db_path),
                           "--as", "coordinator"], env=env, capture_output=True, text=True)
    assert done.returncode == 2
    assert "Installeer de nieuwere versie" in done.stderr
    assert f"schema {newer}" in done.stderr and "Traceback" not in done.stderr
