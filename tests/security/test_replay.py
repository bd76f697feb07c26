"""A bundle replayed at HQ applies nothing, also an older one arriving after a newer one:
a copy of last week's stick cannot roll HQ back (exactly-once per device and seq)."""

from pyrage import x25519

from app.bundles.importer import import_bundle
from app.bundles.writer import export_bundle
from app.demo import DemoGenerator
from app.domain import Case, Role
from app.store import Store
from tests.bundles.conftest import device_lookup
from tests.conftest import FAST_KDF, PASSPHRASE


def test_an_older_bundle_replayed_after_a_newer_one_changes_nothing(tmp_path):
    hq_key = x25519.Identity.generate()
    recipients = [str(hq_key.to_public())]
    laptop = Store.create(tmp_path / "laptop.db", "field", Role.HQ_COORDINATOR, PASSPHRASE,
                          kdf=FAST_KDF)
    hq = Store.create(tmp_path / "hq.db", "hq", Role.HQ_COORDINATOR, PASSPHRASE, kdf=FAST_KDF)
    DemoGenerator(laptop, 3).run(2)
    export_bundle(laptop, tmp_path / "monday.age", recipients)
    case = laptop.select(Case, limit=1)[0]
    with laptop.write() as uow:
        uow.update(case, notes="Tuesday's notes")
    export_bundle(laptop, tmp_path / "tuesday.age", recipients)
    devices = device_lookup(laptop)

    tuesday = import_bundle(hq, tmp_path / "tuesday.age", [hq_key], devices)
    assert tuesday.applied > 0
    before = hq.rows("SELECT * FROM changes ORDER BY device_id, seq")
    for replayed in ("monday.age", "tuesday.age"):
        again = import_bundle(hq, tmp_path / replayed, [hq_key], devices)
        assert again.applied == 0 and again.skipped > 0
    assert hq.get(Case, case.id).notes == "Tuesday's notes"
    assert hq.rows("SELECT * FROM changes ORDER BY device_id, seq") == before
    laptop.close()
    hq.close()
