"""`hervest export`, `hervest import-bundle` and `hervest report ... --format pdf`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.bundles import minisign
from app.cli.main import main
from app.domain import Mission
from app.store import Store
from tests.bundles.conftest import HqKeys
from tests.conftest import PASSPHRASE


def test_export_import_and_report(laptop: Store, hq_store: Store, hq_keys: HqKeys,
                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("HERVEST_PASSPHRASE", PASSPHRASE)
    laptop.set_meta("hq_bundle_recipients", json.dumps(hq_keys.recipients))
    mission = laptop.select(Mission, limit=1)[0]
    laptop_path, key = laptop.path, laptop.device_signing_key().public_key()
    laptop.close()
    bundle = tmp_path / "stick" / "mission.age"
    bundle.parent.mkdir()
    assert main(["export", "--db", str(laptop_path), "--as", "field", "--out", str(bundle),
                 "--mission", mission.name, "--receipt", str(tmp_path / "receipt.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Bundle written" in out and (tmp_path / "receipt.pdf").exists()
    pub = tmp_path / "device.pub"
    pub.write_text(minisign.public_key_file(key.public_bytes_raw()))
    hq_path = hq_store.path
    hq_store.close()
    args = ["import-bundle", str(bundle), "--db", str(hq_path), "--as", "hq",
            "--identity", str(hq_keys.identity_file), "--device-key", str(pub)]
    assert main(args) == 0
    assert "0 were already here" in capsys.readouterr().out
    assert main(args) == 0  # the same stick again: nothing new
    assert ": 0 of " in capsys.readouterr().out
    assert main(["report", "mission", mission.name, "--db", str(laptop_path), "--as", "field",
                 "--format", "pdf", "--out", str(tmp_path / "m.pdf")]) == 0
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
    assert main(["--lang", "nl", "report", "case", "NOPE", "--db", str(laptop_path), "--as",
                 "field", "--out", str(tmp_path / "c.pdf")]) == 2
    assert "Er is geen zaak 'NOPE'" in capsys.readouterr().err
