"""A bundle from an enrolled, hostile device (its own signing key, a forged change log)
carries changes no replica can apply (issue 13, finding 2): `hervest import-bundle` at HQ
sets them aside with their reason and applies the rest of the bundle, where it refused
the whole bundle with `NOT NULL constraint failed`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.bundles import minisign
from app.bundles.writer import export_bundle
from app.domain.records import Case, Person
from app.store import Store, merge
from app.store.codec import canonical_json, codec_for
from tests.bundles.conftest import HqKeys
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _forge(device: Store, *records_and_overrides: tuple[object, dict]) -> None:
    """Append inserts to the device's own log as a hostile device's database can hold them."""
    seq = device.scalar("SELECT MAX(seq) FROM changes WHERE device_id = ?", (device.device_id,))
    rows = []
    for record, overrides in records_and_overrides:
        seq += 1
        fields = codec_for(type(record)).to_fields(record)
        del fields["id"]
        rows.append((device.device_id, seq, device.clock.now().encode(), record.ENTITY,
                     record.id, "insert", canonical_json({**fields, **overrides}),
                     device.user_id, 5))
    with device.write() as uow:
        uow.conn.executemany("INSERT INTO changes (device_id, seq, hlc, entity, row_id, op, "
                             "fields, user_id, schema_version) VALUES (?,?,?,?,?,?,?,?,?)",
                             rows)


def test_import_bundle_sets_aside_what_cannot_be_applied(laptop: Store, hq_store: Store,
                                                         hq_keys: HqKeys, tmp_path: Path):
    bad = Case(unhcr_case_number="TST-24C00666")
    child = Person(case_id=bad.id, given_name="Wees")  # refers to the row set aside
    good = Case(unhcr_case_number="TST-24C00777")
    _forge(laptop, (bad, {"unhcr_case_number": None}), (child, {}), (good, {}))
    bundle = tmp_path / "mission.age"
    written = export_bundle(laptop, bundle, hq_keys.recipients)
    pub = tmp_path / "device.pub"
    pub.write_text(minisign.public_key_file(
        laptop.device_signing_key().public_key().public_bytes_raw()))
    hq_path = hq_store.path
    hq_store.close()
    command = [sys.executable, "-m", "app.cli.main", "import-bundle", str(bundle), "--db",
               str(hq_path), "--as", "hq", "--identity", str(hq_keys.identity_file),
               "--device-key", str(pub)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": PASSPHRASE,
           "HERVEST_LANG": "nl"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Apart gezet: 2 wijziging(en)" in done.stdout
    again = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0 and "Apart gezet" not in again.stdout  # met again: skipped
    hq = Store.open(hq_path, "hq", PASSPHRASE)
    try:
        assert hq.find(Case, good.id) is not None and hq.find(Case, bad.id) is None
        assert hq.count(Case) == laptop.count(Case) + 1  # its cases (the forged: log only)
        notes = merge.set_aside_changes(hq)
        assert [n.change.row_id for n in notes] == [bad.id, child.id]
        assert "unhcr_case_number" in notes[0].reason and "FOREIGN KEY" in notes[1].reason
        assert hq.scalar("SELECT COUNT(*) FROM changes WHERE device_id = ?",
                         (laptop.device_id,)) == written.manifest.changes - 2
    finally:
        hq.close()
