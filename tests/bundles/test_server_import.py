"""Import at the HQ server: the device registry decides who may send a bundle; changes are
applied exactly once, whether they came by bundle, twice, or by sync first. Driven
through the `hervest-hq` command line with keys from `hervest-hq keygen`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.bundles.receipt import Receipt
from app.bundles.writer import export_bundle
from app.domain import Case, Person, Role
from app.reports.receipt import render_receipt
from app.store import Store
from sync.server.cli import main as hq_main
from sync.server.store import ServerStore, open_server_store
from tests.bundles.conftest import add_attachment
from tests.bundles.test_receipt import needs_tools
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def hq(tmp_path: Path) -> tuple[Path, str]:
    keys = tmp_path / "keys"
    assert hq_main(["keygen", "--out", str(keys)]) == 0
    return keys, f"sqlite:///{tmp_path / 'hq-server.db'}"


def _open(url: str) -> ServerStore:
    """The store of the `hq` fixture, with its key from the keys folder keygen made."""
    return open_server_store(url, Path(url.removeprefix("sqlite:///")).parent / "keys")


@pytest.fixture
def hq_desk(tmp_path: Path) -> Store:
    """A laptop whose changes HQ takes: an HQ coordinator's, who makes cases, persons and
    attachments (the demo laptop's, made by an IND user, are refused at HQ as a push is)."""
    store = Store.create(tmp_path / "desk.db", "field", Role.HQ_COORDINATOR, PASSPHRASE,
                         kdf=FAST_KDF)
    with store.write() as uow:
        for n in range(3):
            case = uow.insert(Case(unhcr_case_number=f"TST-24C0000{n}", host_country="EGY"))
            uow.insert(Person(case_id=case.id, given_name="Testa"))
    add_attachment(store, os.urandom(700_000))
    add_attachment(store, b"small attachment")
    yield store
    store.close()


def enrol(url: str, laptop: Store) -> None:
    store = _open(url)
    try:
        if not any(u[1] == "field" for u in store.users()):
            store.add_user("field", laptop.user.role)
        token = store.create_enrolment("field", "laptop 1")
        store.enrol(token, laptop.device_id,
                    laptop.device_signing_key().public_key().public_bytes_raw().hex())
    finally:
        store.close()


def server_changes(url: str, device_id: str) -> list[tuple]:
    """What HQ holds from this laptop (the server writes changes of its own too)."""
    store = _open(url)
    try:
        return [(c.seq, c.hlc, c.fields) for c in store.all_changes()
                if c.device_id == device_id]
    finally:
        store.close()


def export_to_hq(laptop: Store, keys: Path, out: Path):
    recipients = [(keys / n).read_text().strip() for n in ("bundle-recipient.txt",
                                                            "escrow-recipient.txt")]
    laptop.set_meta("hq_bundle_recipients", json.dumps(recipients))
    from app.bundles.writer import default_recipients

    return export_bundle(laptop, out, default_recipients(laptop))


def run_import(bundle: Path, keys: Path, url: str, identity: str = "bundle-identity.txt"
               ) -> int:
    return hq_main(["import", str(bundle), "--store", url, "--keys", str(keys), "--identity",
                    str(keys / identity)])


def test_import_once_twice_and_after_sync(hq_desk: Store, hq, tmp_path: Path, capsys) -> None:
    keys, url = hq
    enrol(url, hq_desk)
    result = export_to_hq(hq_desk, keys, tmp_path / "b.age")
    assert run_import(tmp_path / "b.age", keys, url) == 0
    first = server_changes(url, hq_desk.device_id)
    assert len(first) == result.manifest.changes
    assert f"{result.manifest.changes} of {result.manifest.changes} changes" in \
        capsys.readouterr().out
    assert run_import(tmp_path / "b.age", keys, url, "escrow-identity.txt") == 0
    assert "0 of" in capsys.readouterr().out
    assert server_changes(url, hq_desk.device_id) == first
    store: ServerStore = _open(url)
    try:
        for sha in {c[2].get("sha256") for c in first if c[2].get("sha256")}:
            assert store.blob_status(sha)[0] is not None
    finally:
        store.close()


def test_sync_first_then_bundle_changes_nothing(hq_desk: Store, hq, tmp_path: Path) -> None:
    keys, url = hq
    enrol(url, hq_desk)
    result = export_to_hq(hq_desk, keys, tmp_path / "b.age")
    from app.store.merge import logged_changes, with_bases

    store = _open(url)
    try:  # the same changes arrive by online sync first
        store.apply_push(hq_desk.device_id, with_bases(hq_desk.conn, logged_changes(
            hq_desk.conn, "device_id = ?", (hq_desk.device_id,))))
    finally:
        store.close()
    before = server_changes(url, hq_desk.device_id)
    assert len(before) == result.manifest.changes
    assert run_import(tmp_path / "b.age", keys, url) == 0
    assert server_changes(url, hq_desk.device_id) == before


def test_unknown_and_revoked_devices_refused(laptop: Store, hq, tmp_path: Path,
                                            capsys) -> None:
    keys, url = hq
    export_to_hq(laptop, keys, tmp_path / "b.age")
    assert run_import(tmp_path / "b.age", keys, url) == 2
    assert "does not know" in capsys.readouterr().err
    enrol(url, laptop)
    store = _open(url)
    store.revoke(laptop.device_id)
    store.close()
    assert run_import(tmp_path / "b.age", keys, url) == 2
    assert "revoked" in capsys.readouterr().err
    assert server_changes(url, laptop.device_id) == []


def test_tampered_bundle_refused_at_server(laptop: Store, hq, tmp_path: Path, capsys) -> None:
    keys, url = hq
    enrol(url, laptop)
    export_to_hq(laptop, keys, tmp_path / "b.age")
    data = bytearray((tmp_path / "b.age").read_bytes())
    data[len(data) // 3] ^= 4
    (tmp_path / "b.age").write_bytes(bytes(data))
    assert run_import(tmp_path / "b.age", keys, url) == 2
    assert "signature does not match" in capsys.readouterr().err
    assert server_changes(url, laptop.device_id) == []


@needs_tools
def test_verify_receipt_command(laptop: Store, hq, tmp_path: Path, capsys) -> None:
    keys, _ = hq
    result = export_to_hq(laptop, keys, tmp_path / "b.age")
    render_receipt(laptop, Receipt.of(result), tmp_path / "r.pdf")
    assert hq_main(["verify-receipt", str(tmp_path / "b.age"), "--receipt",
                    str(tmp_path / "r.pdf")]) == 0
    assert result.sha256 in capsys.readouterr().out
    export_to_hq(laptop, keys, tmp_path / "other.age")
    assert hq_main(["verify-receipt", str(tmp_path / "other.age"), "--receipt",
                    str(tmp_path / "r.pdf")]) == 2
    assert "does NOT match" in capsys.readouterr().err
    assert hq_main(["verify-receipt", str(tmp_path / "b.age"), "--hash",
                    result.sha256.upper()]) == 0
