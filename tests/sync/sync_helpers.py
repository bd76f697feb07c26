"""Small builders shared by the sync tests: laptops (real SQLCipher files) and records."""

from __future__ import annotations

from pathlib import Path

from app.domain import Role
from app.domain.records import AssessmentRecord, Case, Person
from app.store import Store
from app.store.keyslots import KdfParams
from app.store.merge import logged_changes
from app.store.unit_of_work import Change

FAST_KDF = KdfParams(iterations=2, memory_kib=19 * 1024)
PASSPHRASE = "test passphrase 123"


def new_laptop(folder: Path, name: str, role: Role = Role.IND) -> Store:
    return Store.create(folder / f"{name}.db", name, role, PASSPHRASE, kdf=FAST_KDF)


def own_changes(store: Store) -> list[Change]:
    return logged_changes(store.conn, "device_id = ?", (store.device_id,))


def seed_case(store: Store, mission_id: str | None = None) -> tuple[Case, Person,
                                                                    AssessmentRecord]:
    case = Case(unhcr_case_number="TST-24C00001", host_country="EGY", mission_id=mission_id)
    person = Person(case_id=case.id, given_name="Testa", family_name="Voorbeeld")
    assessment = AssessmentRecord(case_id=case.id, person_id=person.id, assessor_id="x")
    with store.write() as uow:
        uow.insert_many([case, person, assessment])
    return case, person, assessment


def rows(store: Store, table: str) -> list[tuple]:
    return store.rows(f"SELECT * FROM {table} ORDER BY id")
