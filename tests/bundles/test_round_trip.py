"""Export on a laptop -> import at HQ -> the same data; twice -> no change; standard tools
(`age -d`, `tar`, `minisign -V`) open and check the same file."""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from app.bundles import minisign
from app.bundles.importer import import_bundle
from app.bundles.writer import export_bundle
from app.domain import ENTITIES, Attachment, Case, Person
from app.errors import HervestError
from app.store import Store
from tests.bundles.conftest import HqKeys, add_attachment, device_lookup

DATA_TABLES = [e for e in ENTITIES if e not in ("users",)]


def snapshot(store: Store, tables: list[str]) -> dict[str, list[tuple]]:
    return {t: store.rows(f"SELECT * FROM {t} ORDER BY id") for t in tables}


def attachment_bytes(store: Store) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for sha, data in store.rows("SELECT sha256, data FROM attachment_chunks ORDER BY sha256, idx"):
        out[sha] = out.get(sha, b"") + data
    return out


def test_export_import_same_data(laptop: Store, hq_store: Store, hq_keys: HqKeys,
                                 tmp_path: Path) -> None:
    out = tmp_path / "mission.age"
    result = export_bundle(laptop, out, hq_keys.recipients)
    assert out.exists() and result.signature_path.exists()
    assert result.manifest.changes == laptop.scalar(
        "SELECT COUNT(*) FROM changes WHERE device_id = ?", (laptop.device_id,))
    assert result.manifest.attachments == 2
    assert not list(tmp_path.glob(".mission.age.*"))  # no temp file left behind

    imported = import_bundle(hq_store, out, [hq_keys.identity], device_lookup(laptop))
    assert imported.applied == result.manifest.changes and imported.skipped == 0
    tables = [t for t in DATA_TABLES if t != "conflicts"]
    assert snapshot(hq_store, tables) == snapshot(laptop, tables)
    laptop_users = {r[0]: r for r in laptop.rows("SELECT * FROM users")}
    assert all(hq_store.rows("SELECT * FROM users WHERE id = ?", (uid,)) == [row]
               for uid, row in laptop_users.items())
    assert attachment_bytes(hq_store) == attachment_bytes(laptop)
    # Search works on imported names too.
    person = hq_store.select(Person, limit=1)[0]
    assert hq_store.count(Person, "case_id = ?", (person.case_id,)) >= 1

    before = snapshot(hq_store, [*tables, "changes"])
    again = import_bundle(hq_store, out, [hq_keys.escrow], device_lookup(laptop))
    assert again.applied == 0 and again.skipped == result.manifest.changes
    assert again.attachments_added == 0
    assert snapshot(hq_store, [*tables, "changes"]) == before


def test_mission_bundle_holds_only_that_mission(laptop: Store, hq_store: Store,
                                                hq_keys: HqKeys, tmp_path: Path) -> None:
    case = laptop.select(Case, "mission_id IS NOT NULL", limit=1)[0]
    result = export_bundle(laptop, tmp_path / "m.age", hq_keys.recipients, case.mission_id)
    import_bundle(hq_store, tmp_path / "m.age", [hq_keys.identity], device_lookup(laptop))
    missions = {r[0] for r in hq_store.rows("SELECT mission_id FROM cases")}
    assert missions == {case.mission_id}
    assert hq_store.count(Case) == laptop.count(Case, "mission_id = ?", (case.mission_id,))
    assert result.manifest.mission_id == case.mission_id
    assert result.manifest.changes < laptop.scalar("SELECT COUNT(*) FROM changes")


def test_nothing_to_export(hq_store: Store, hq_keys: HqKeys, tmp_path: Path) -> None:
    hq_store.conn.execute("UPDATE changes SET acked = 1")
    with pytest.raises(HervestError) as caught:
        export_bundle(hq_store, tmp_path / "x.age", hq_keys.recipients)
    assert caught.value.key == "bundle.nothing"
    assert not (tmp_path / "x.age").exists()


def test_bad_recipient_refused(laptop: Store, tmp_path: Path) -> None:
    for recipients in ([], ["age1notakey"]):
        with pytest.raises(HervestError):
            export_bundle(laptop, tmp_path / "x.age", recipients)
    assert not list(tmp_path.glob("*x.age*"))


@pytest.mark.skipif(shutil.which("age") is None, reason="the `age` CLI is not installed "
                    "(Debian package `age`; CI installs it)")
def test_age_cli_decrypts_to_a_tar(laptop: Store, hq_keys: HqKeys, tmp_path: Path) -> None:
    out = tmp_path / "b.age"
    export_bundle(laptop, out, hq_keys.recipients)
    for identity in (hq_keys.identity_file, hq_keys.escrow_file):
        plain = subprocess.run(["age", "-d", "-i", str(identity), str(out)],
                               capture_output=True, check=True).stdout
        with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
            names = tar.getnames()
        assert names[-2:] == ["manifest.json", "manifest.sig"]
        assert names[0].startswith("changes/")
        assert sum(n.startswith("attachments/") for n in names) == 2


@pytest.mark.skipif(shutil.which("minisign") is None, reason="`minisign` is not installed "
                    "(Debian package `minisign`; CI installs it)")
def test_minisign_cli_verifies_origin(laptop: Store, hq_keys: HqKeys, tmp_path: Path) -> None:
    out = tmp_path / "b.age"
    result = export_bundle(laptop, out, hq_keys.recipients)
    pub = tmp_path / "device.pub"
    pub.write_text(minisign.public_key_file(
        laptop.device_signing_key().public_key().public_bytes_raw()))
    ok = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(out)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert result.record.to_json() in ok.stdout  # the trusted comment
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 1
    out.write_bytes(bytes(data))
    bad = subprocess.run(["minisign", "-V", "-p", str(pub), "-m", str(out)],
                         capture_output=True, text=True)
    assert bad.returncode != 0


def test_same_bytes_travel_once(laptop: Store, hq_keys: HqKeys, tmp_path: Path) -> None:
    """Two attachment rows with the same content carry the bytes once."""
    first = add_attachment(laptop, b"same scan" * 1000)
    with laptop.write() as uow:
        uow.insert(Attachment(case_id=first.case_id, sha256=first.sha256, filename="copy.pdf",
                              size=first.size))
    result = export_bundle(laptop, tmp_path / "b.age", hq_keys.recipients)
    assert result.manifest.attachments == 3
    assert result.manifest.entities["attachments"] == 4


class Stop(Exception):
    """What a user's Cancel raises inside the progress callback."""


@pytest.mark.parametrize("at", [0.2, 0.5, 0.9])  # hashing, checking, applying pass
def test_an_import_stopped_midway_changes_nothing(laptop: Store, hq_store: Store,
                                                  hq_keys: HqKeys, tmp_path: Path,
                                                  at: float) -> None:
    out = tmp_path / "mission.age"
    export_bundle(laptop, out, hq_keys.recipients)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done >= at * total:
            raise Stop

    before = snapshot(hq_store, [*DATA_TABLES, "changes"])
    with pytest.raises(Stop):  # comes out unchanged, not as "bundle corrupt"
        import_bundle(hq_store, out, [hq_keys.identity], device_lookup(laptop), progress)
    assert snapshot(hq_store, [*DATA_TABLES, "changes"]) == before
    assert attachment_bytes(hq_store) == {}
    assert all(total == 3 * out.stat().st_size for _, total in seen)
    assert import_bundle(hq_store, out, [hq_keys.identity], device_lookup(laptop)).applied > 0
