"""Key handling on real files: re-key after a suspected compromise, an interrupted re-key,
and what the old key material can still open afterwards (nothing).

Passphrase change, user removal and HQ recovery are tested in tests/store/test_keyslots.py
(test_add_user_and_change_passphrase_rewrite_one_slot_not_the_database,
test_removed_user_cannot_unlock_but_their_records_stay,
test_recovery_slot_opens_with_hq_private_key)."""

import json
import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.domain import Case, Role, User
from app.errors import StoreError, UnlockError
from app.store import Store
from app.store.check import run_checks
from app.store.database import _connect
from app.store.keyslots import KeyFile
from tests.conftest import FAST_KDF, PASSPHRASE

TRAINER = ("trainer", "trainer passphrase 1")


@pytest.fixture
def hq_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@pytest.fixture
def mission(db_path, hq_key):
    """A database with its admin ("coordinator"), a trainer, a recovery slot and one case."""
    store = Store.create(db_path, "coordinator", Role.ADMIN, PASSPHRASE, kdf=FAST_KDF,
                         recovery_public=hq_key.public_key())
    store.add_user(*TRAINER[:1], Role.COA, TRAINER[1], kdf=FAST_KDF)
    with store.system_writer(), store.write() as uow:  # the mission's data, not the admin's
        case = uow.insert(Case(unhcr_case_number="DEMO-REKEY-1", notes="before the re-key"))
    yield store, case
    store.close()


def test_rekey_locks_out_the_old_key_and_keeps_the_data(mission, db_path, hq_key, tmp_path):
    store, case = mission
    old_key, _ = KeyFile.load(db_path).unwrap_user("coordinator", PASSPHRASE)
    stolen_slots = tmp_path / "stolen.keys"
    shutil.copy(KeyFile.path_for(db_path), stolen_slots)
    old_device_key = store.meta("device_signing_key")

    assert store.rekey(PASSPHRASE, kdf=FAST_KDF) == 1  # the trainer's slot was dropped
    admin = store.user
    with store.write() as uow:  # still writable on the same connection (the admin's users)
        uow.update(admin, display_name="after the re-key")
    assert store.meta("device_signing_key") != old_device_key
    store.close()

    with pytest.raises(StoreError):  # the old database key opens nothing any more
        _connect(db_path, old_key)
    assert not KeyFile.path_for(db_path).with_suffix(".keys.next").exists()
    # A copy of the old slot file plus a known passphrase gives the old key: useless now.
    copied_key, _ = KeyFile.load_file(stolen_slots).unwrap_user("coordinator", PASSPHRASE)
    with pytest.raises(StoreError):
        _connect(db_path, copied_key)

    with Store.open(db_path, "coordinator", PASSPHRASE) as again:
        assert again.get(User, admin.id).display_name == "after the re-key"
        assert run_checks(again) == []
        audit = again.rows("SELECT action, detail FROM audit_log WHERE action = 'rekey'")
        assert [(a, json.loads(d)) for a, d in audit] == [
            ("rekey", {"device_key_rotated": True, "slots_dropped": 1})]
    with pytest.raises(UnlockError):  # other users get a new slot from an admin
        Store.open(db_path, *TRAINER)
    with Store.open_recovery(db_path, hq_key) as recovered:  # the recovery slot was re-wrapped
        assert recovered.get(User, admin.id).display_name == "after the re-key"
        assert recovered.get(Case, case.id).notes == "before the re-key"


def test_admin_gives_a_dropped_user_a_new_slot(mission, db_path):
    store, case = mission
    store.rekey(PASSPHRASE, kdf=FAST_KDF)
    store.change_passphrase(TRAINER[0], "a fresh start 42", kdf=FAST_KDF)
    store.close()
    with Store.open(db_path, TRAINER[0], "a fresh start 42") as trainer:
        assert trainer.get(Case, case.id).unhcr_case_number == "DEMO-REKEY-1"


def test_rekey_asks_for_the_passphrase_again(mission):
    store, _ = mission
    with pytest.raises(UnlockError):
        store.rekey("somebody else's guess", kdf=FAST_KDF)


def test_crash_between_rekey_and_slot_file_is_settled_on_next_open(mission, db_path,
                                                                   monkeypatch):
    """Power lost after the database took the new key but before the slot file was replaced:
    the new slots wait in <db>.keys.next and the next unlock adopts them."""
    store, case = mission
    import app.store.database as database

    real_replace = database.os.replace

    def power_cut(source, target):
        if str(target).endswith(".keys"):  # the last step of the re-key
            raise OSError("power cut")
        real_replace(source, target)

    monkeypatch.setattr(database.os, "replace", power_cut)
    with pytest.raises(OSError):
        store.rekey(PASSPHRASE, kdf=FAST_KDF)
    monkeypatch.undo()
    store.conn.close()
    pending = KeyFile.path_for(db_path).with_suffix(".keys.next")
    assert pending.exists()
    with Store.open(db_path, "coordinator", PASSPHRASE) as again:
        assert again.get(Case, case.id).notes == "before the re-key"
        assert run_checks(again) == []
    assert not pending.exists()


def test_crash_before_the_database_was_rekeyed_keeps_the_old_slots(mission, db_path):
    """A leftover <db>.keys.next whose key does not open the database is discarded."""
    store, case = mission
    store.close()
    leftover = KeyFile(KeyFile.path_for(db_path), KeyFile.load(db_path).db_id, [])
    leftover.set_user("x", "coordinator", PASSPHRASE, b"\x01" * 32, FAST_KDF)
    pending = KeyFile.path_for(db_path).with_suffix(".keys.next")
    pending.write_text(json.dumps(leftover.document()))
    with Store.open(db_path, "coordinator", PASSPHRASE) as again:
        assert again.get(Case, case.id).notes == "before the re-key"
    assert not pending.exists()
    with Store.open(db_path, *TRAINER) as trainer:  # nothing was dropped
        assert trainer.user.role is Role.COA


def test_close_forgets_the_database_key(mission):
    store, _ = mission
    store.close()
    assert store._db_key == b""


def test_a_slot_pointed_at_another_user_does_not_open_as_that_user(mission, db_path):
    """The user id in a slot is outside its MAC: the trainer (COA) who edits their slot to
    carry the coordinator's id must not unlock with the coordinator's role."""
    store, _ = mission
    coordinator_id = store.user.id
    store.close()
    path = KeyFile.path_for(db_path)
    original = json.loads(path.read_text())
    for forged_id in (coordinator_id, "no-such-user"):
        document = json.loads(json.dumps(original))
        for slot in document["slots"]:
            if slot["kind"] == "user" and slot["user_id"] != coordinator_id:
                slot["user_id"] = forged_id
        path.write_text(json.dumps(document))
        with pytest.raises(StoreError) as refused:
            Store.open(db_path, *TRAINER)
        assert refused.value.key == "store.keyfile_damaged"
    with Store.open(db_path, "Coordinator", PASSPHRASE) as coordinator:  # names ignore case
        assert coordinator.user.id == coordinator_id
