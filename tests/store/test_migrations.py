"""Schema upgrades from real old files, and refusal of a newer schema."""

import hashlib
import shutil

import pytest

from app.domain import Case, Person
from app.errors import SchemaError
from app.store import Store, search
from app.store.check import run_checks
from app.store.migrations import LATEST, MIGRATIONS
from tests.conftest import PASSPHRASE, stamp_newer_schema

FIXTURES = __import__("pathlib").Path(__file__).parent.parent / "fixtures"


@pytest.fixture
def schema1_db(tmp_path):
    for f in (FIXTURES / "schema1").glob("mission.db*"):
        shutil.copy(f, tmp_path / f.name)
    return tmp_path / "mission.db"


def test_migrations_are_numbered_without_gaps():
    assert [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))


def test_schema1_database_opens_and_upgrades(schema1_db):
    with Store.open(schema1_db, "veteran", "fixture passphrase 1") as store:
        assert store.schema_version == LATEST
        (case,) = store.select(Case)
        assert case.notes == "made by schema 1"
        # schema 2 added the search index and filled it from the old rows
        assert search.search(store.conn, "Mohammed") == [case.id]
        assert search.search(store.conn, "محمد") == [case.id]
        assert run_checks(store) == []
        (person,) = store.select(Person)
        with store.write() as uow:  # the veteran is IND: a person, not the case
            uow.update(person, given_name="Muhammad-edited")
        assert store.scalar("SELECT MAX(seq) FROM changes WHERE device_id = ?",
                            (store.device_id,)) == 2
    backup = schema1_db.with_name("mission.db.schema1.bak")
    assert backup.exists() and oct(backup.stat().st_mode & 0o777) == "0o600"


def test_newer_schema_is_refused_and_not_touched(store, db_path):
    store.close()
    stamp_newer_schema(db_path)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(SchemaError) as refused:
        Store.open(db_path, "coordinator", PASSPHRASE)
    assert refused.value.key == "store.newer_schema"
    assert "newer Hervest" in refused.value.message("en")
    assert "nieuwere Hervest" in refused.value.message("nl")
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
