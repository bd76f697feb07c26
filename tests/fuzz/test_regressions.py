"""Bugs the fuzzers found, each pinned by the smallest input that showed it."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.bundles.manifest import Manifest
from app.errors import HervestError, StoreError
from app.store.keyslots import KeyFile
from sync import signing

ROOT = Path(__file__).resolve().parents[2]


def test_manifest_that_is_not_an_object_is_refused():
    with pytest.raises(HervestError) as refused:
        Manifest.from_bytes(b"1")
    assert refused.value.key == "bundle.corrupt"


def write_slots(db_path, slots):
    KeyFile.path_for(db_path).write_text(json.dumps(
        {"format": "hervest-keyslots", "version": 1, "db_id": "x", "slots": slots}))


@pytest.mark.parametrize("slots", [
    [1],
    [{"kind": "user", "hint": "h", "kdf": {"alg": "argon2id", "iterations": 2}}],
    [{"kind": "user", "hint": "h", "kdf": {"alg": "argon2id", "iterations": 10**9,
                                           "memory_kib": 1 << 40, "lanes": 4, "salt": ""}}],
    [{"kind": "recovery", "hq_public": None, "ephemeral_public": "abc"}],
])
def test_damaged_slot_files_are_refused_quickly_and_clearly(db_path, slots):
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from app.store.keyslots import public_key_text

    hq = X25519PrivateKey.generate()
    for slot in slots:
        if isinstance(slot, dict) and slot.get("kind") == "recovery":
            slot["hq_public"] = public_key_text(hq.public_key())
    write_slots(db_path, slots)
    start = time.monotonic()
    with pytest.raises(StoreError) as refused:
        keyfile = KeyFile.load(db_path)
        if slots[0]["kind"] == "user":
            keyfile.unwrap_user("nobody", "a passphrase 123")
        else:
            keyfile.unwrap_recovery(hq)
    assert refused.value.key in ("store.keyfile_damaged",)
    assert time.monotonic() - start < 5


def test_signed_request_without_device_header_is_refused_not_a_500():
    headers = {signing.TIME: str(int(time.time())), signing.NONCE: "0" * 32,
               signing.SIGNATURE: "AAAA"}
    assert signing.verify("00" * 32, headers, "POST", "/v1/enrol", b"") is not None


def test_enrolment_code_error_has_a_message_without_importing_the_client():
    code = ("from sync.protocol import EnrolmentCode\n"
            "try:\n    EnrolmentCode.decode('nonsense')\n"
            "except Exception as e:\n    print(e.message('nl'))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert done.stdout.strip() and "sync.bad_code" not in done.stdout


def test_a_write_the_database_refuses_is_a_store_error(store):
    with pytest.raises(StoreError):
        store.set_meta("x", {"not": "a column value"})  # type: ignore[arg-type]


def test_enrolment_with_a_malformed_body_is_a_422_not_a_500(tmp_path):
    import httpx

    from sync.server.app import HqKeys
    from sync.server.store import open_server_store
    from tests.sync.sync_helpers import LiveServer

    store = open_server_store(f"sqlite:///{tmp_path / 'hq.db'}", tmp_path)
    with LiveServer(store, HqKeys(["age1example"], None)) as hq:
        for body in (b"", b"[]", b'{"token": 1}'):
            response = httpx.post(f"{hq.url}/v1/enrol", content=body, timeout=30)
            assert response.status_code == 422 and response.json()["detail"]
    store.close()


def test_referral_csv_with_a_stray_carriage_return_is_unreadable_not_a_crash(tmp_path):
    from app.services import referral_import

    path = tmp_path / "ref.csv"
    path.write_bytes(b"Zaaknummer;Voornaam\r\nDEMO-1;Om\rar\n")
    with pytest.raises(HervestError) as refused:
        referral_import.read_table(path)
    assert refused.value.key == "import.unreadable"


def test_column_mapping_that_is_not_an_object_is_refused(tmp_path):
    from app.services import referral_import

    (tmp_path / "mapping.json").write_text("7")
    with pytest.raises(HervestError) as refused:
        referral_import.load_mapping(tmp_path / "mapping.json")
    assert refused.value.key == "import.bad_mapping"


def test_a_damaged_database_page_is_a_clear_refusal(store, db_path):
    from app.domain import Case
    from app.store import Store
    from tests.conftest import PASSPHRASE

    with store.write() as uow:
        uow.insert_many(Case(unhcr_case_number=f"DEMO-{n}", notes="n" * 500) for n in range(300))
    store.close()
    data = bytearray(db_path.read_bytes())
    data[4096 * 2 + 200] ^= 0xFF
    db_path.write_bytes(data)
    with pytest.raises(StoreError) as refused:
        Store.open(db_path, "coordinator", PASSPHRASE)
    assert refused.value.key == "store.not_hervest"


def test_hostile_pull_pages_are_refused_as_bad_changes(store, tmp_path):
    """A pull page whose numbers do not match its changes is refused with merge.bad_change
    and nothing applied; a change with a malformed clock is set aside (found by atheris)."""
    import dataclasses

    from app.domain import Case
    from app.store.merge import BASE_KEY, apply_remote

    with store.write() as uow:
        uow.insert(Case(unhcr_case_number="DEMO-1"))
        change = uow.changes[0]
    foreign = dataclasses.replace(change, device_id="other-device")
    with pytest.raises(HervestError) as refused:
        apply_remote(store, [foreign], [1, 2])
    assert refused.value.key == "merge.bad_change"
    for seq, bad in enumerate((dataclasses.replace(foreign, hlc="0017954303557591.x"),
                               dataclasses.replace(foreign, fields={
                                   **foreign.fields, BASE_KEY: '{"notes": 5}'})), 1):
        result = apply_remote(store, [dataclasses.replace(bad, seq=seq)])
        assert [n.reason for n in result.set_aside] == ["malformed clock"]
    assert store.count(Case) == 1


@pytest.mark.parametrize("user_id", [None, 7])
def test_user_slot_without_a_user_id_is_refused_clearly(store, db_path, user_id):
    """A correctly wrapped user slot whose user id is missing or not text: the key file is
    damaged, not a KeyError at unlock (found by atheris; the id is outside the slot's MAC)."""
    from tests.conftest import PASSPHRASE

    keyfile = json.loads(KeyFile.path_for(db_path).read_text())
    for slot in keyfile["slots"]:
        if slot["kind"] == "user":
            slot.pop("user_id")
            if user_id is not None:
                slot["user_id"] = user_id
    KeyFile.path_for(db_path).write_text(json.dumps(keyfile))
    with pytest.raises(StoreError) as refused:
        KeyFile.load(db_path).unwrap_user("coordinator", PASSPHRASE)
    assert refused.value.key == "store.keyfile_damaged"


def test_atheris_uncaught_exception_is_reported_not_just_an_exit():
    """Atheris prints the exception on stdout; libFuzzer's stderr only says the target
    exited. The harness must report the exception and where it was raised."""
    from tests.fuzz.run import uncaught

    stdout = ('\n === Uncaught Python exception: ===\nKeyError: \'user_id\'\n'
              'Traceback (most recent call last):\n'
              '  File "/w/tests/fuzz/targets.py", line 60, in check\n    self.run(data)\n'
              '  File "/w/app/store/keyslots.py", line 194, in unwrap_user\n'
              '    return key, slot["user_id"]\nKeyError: \'user_id\'\n')
    assert uncaught(stdout) == "KeyError: 'user_id' at keyslots.py:194"
    assert uncaught("INFO: nothing\n") is None
