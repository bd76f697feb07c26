"""Key slots on real files: users, passphrase changes, recovery, damaged key files."""

import json

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.domain import Case, Role
from app.errors import HervestError, StoreError, UnlockError
from app.store import Store
from app.store.keyslots import KeyFile
from app.store.throttle import Throttle, delay_after
from tests.conftest import FAST_KDF, PASSPHRASE, as_admin


def test_open_with_right_and_wrong_passphrase(store, db_path):
    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-1"))
    store.close()
    with Store.open(db_path, "coordinator", PASSPHRASE) as again:
        assert again.get(Case, case.id).unhcr_case_number == "DEMO-1"
    with pytest.raises(UnlockError) as wrong:
        Store.open(db_path, "coordinator", "not the passphrase")
    assert "not correct" in wrong.value.message("en")
    assert "klopt niet" in wrong.value.message("nl")
    with pytest.raises(UnlockError):
        Store.open(db_path, "nobody", PASSPHRASE)


def test_add_user_and_change_passphrase_rewrite_one_slot_not_the_database(store, db_path):
    with as_admin(store):
        store.add_user("trainer", Role.COA, "trainer passphrase 1", kdf=FAST_KDF)
    store.close()
    key_before, _ = KeyFile.load(db_path).unwrap_user("trainer", "trainer passphrase 1")
    coordinator_slot = _slot_of(db_path, "coordinator")
    with Store.open(db_path, "trainer", "trainer passphrase 1") as trainer:
        trainer.change_passphrase("trainer", "a new passphrase 2", kdf=FAST_KDF)
    keyfile = KeyFile.load(db_path)
    assert keyfile.user_count() == 2
    key_after, _ = keyfile.unwrap_user("trainer", "a new passphrase 2")
    assert key_after == key_before  # same database key: nothing was re-encrypted
    assert _slot_of(db_path, "coordinator") == coordinator_slot  # the other slot untouched
    with pytest.raises(UnlockError):
        Store.open(db_path, "trainer", "trainer passphrase 1")
    with Store.open(db_path, "trainer", "a new passphrase 2") as trainer:
        assert trainer.user.role is Role.COA


def _slot_of(db_path, name):
    from app.store.keyslots import user_hint

    keyfile = KeyFile.load(db_path)
    return next(s for s in keyfile.slots if s.get("hint") == user_hint(keyfile.db_id, name))


def test_removed_user_cannot_unlock_but_their_records_stay(store, db_path):
    with as_admin(store):
        trainer = store.add_user("trainer", Role.COA, "trainer passphrase 1", kdf=FAST_KDF)
        store.remove_user("trainer")
    store.close()
    with pytest.raises(UnlockError):
        Store.open(db_path, "trainer", "trainer passphrase 1")
    with Store.open(db_path, "coordinator", PASSPHRASE) as s:
        assert s.find(type(trainer), trainer.id).active is False


def test_last_user_cannot_be_removed(store):
    with pytest.raises(HervestError) as refused, as_admin(store):
        store.remove_user("coordinator")
    assert refused.value.key == "user.last_admin"


def test_recovery_slot_opens_with_hq_private_key(db_path):
    hq = X25519PrivateKey.generate()
    store = Store.create(db_path, "delegate", Role.HQ_COORDINATOR, PASSPHRASE, kdf=FAST_KDF,
                         recovery_public=hq.public_key())
    with store.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-2"))
    store.close()
    with Store.open_recovery(db_path, hq) as recovered:
        assert recovered.get(Case, case.id).unhcr_case_number == "DEMO-2"
    with pytest.raises(UnlockError):
        Store.open_recovery(db_path, X25519PrivateKey.generate())


def test_slot_file_holds_no_user_name_or_passphrase(store, db_path):
    text = KeyFile.path_for(db_path).read_text()
    assert "coordinator" not in text
    assert PASSPHRASE not in text
    assert oct(KeyFile.path_for(db_path).stat().st_mode & 0o777) == "0o600"
    assert oct(db_path.stat().st_mode & 0o777) == "0o600"


def test_missing_and_damaged_key_file_are_named(store, db_path):
    store.close()
    keys = KeyFile.path_for(db_path)
    original = keys.read_bytes()
    keys.write_text("{not json")
    with pytest.raises(StoreError) as damaged:
        Store.open(db_path, "coordinator", PASSPHRASE)
    assert damaged.value.key == "store.keyfile_damaged"
    doc = json.loads(original)
    doc["slots"][0]["wrapped"] = doc["slots"][0]["wrapped"][::-1]
    keys.write_text(json.dumps(doc))
    with pytest.raises((StoreError, UnlockError)):
        Store.open(db_path, "coordinator", PASSPHRASE)
    keys.unlink()
    with pytest.raises(StoreError) as missing:
        Store.open(db_path, "coordinator", PASSPHRASE)
    assert missing.value.key == "store.keyfile_missing"
    keys.write_bytes(original)
    Store.open(db_path, "coordinator", PASSPHRASE).close()


def test_a_file_that_is_not_a_hervest_database(tmp_path, store, db_path):
    store.close()
    other = tmp_path / "other.db"
    other.write_bytes(b"SQLite format 3\x00" + bytes(4000))
    KeyFile.path_for(other).write_bytes(KeyFile.path_for(db_path).read_bytes())
    with pytest.raises(StoreError) as error:
        Store.open(other, "coordinator", PASSPHRASE)
    assert error.value.key == "store.not_hervest"


def test_failed_unlocks_are_throttled_across_processes(store, db_path):
    store.close()
    for _ in range(3):
        with pytest.raises(UnlockError):
            Store.open(db_path, "coordinator", "wrong passphrase!")
    with pytest.raises(UnlockError) as throttled:
        Store.open(db_path, "coordinator", PASSPHRASE)  # even the right one must wait
    assert throttled.value.key == "unlock.throttled"
    assert Throttle(db_path).failures == 3


def test_throttle_delay_grows_and_is_capped():
    delays = [delay_after(n) for n in range(12)]
    assert delays[:3] == [0, 0, 0]
    assert delays[3:7] == [2, 4, 8, 16]
    assert max(delays) <= 300 and delays == sorted(delays)


def test_throttle_resets_after_success(store, db_path):
    store.close()
    with pytest.raises(UnlockError):
        Store.open(db_path, "coordinator", "wrong passphrase!")
    Store.open(db_path, "coordinator", PASSPHRASE).close()
    assert Throttle(db_path).failures == 0
