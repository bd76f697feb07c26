"""Small builders shared by the sync tests: laptops (real SQLCipher files) and records."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import uvicorn

from app.domain import Role
from app.domain.records import AssessmentRecord, Case, Person
from app.store import Store
from app.store.keyslots import KdfParams
from app.store.merge import logged_changes
from app.store.unit_of_work import Change
from sync.client.enroll import enroll
from sync.client.session import SyncReport, SyncSession, client_for
from sync.protocol import EnrolmentCode
from sync.server.app import HqKeys, create_app
from sync.server.store import ServerStore

SERVERS: dict[str, LiveServer] = {}  # running test servers by URL (see seed_case)
FAST_KDF = KdfParams(iterations=2, memory_kib=19 * 1024)
PASSPHRASE = "test passphrase 123"


def new_laptop(folder: Path, name: str, role: Role = Role.IND) -> Store:
    return Store.create(folder / f"{name}.db", name, role, PASSPHRASE, kdf=FAST_KDF)


def own_changes(store: Store) -> list[Change]:
    return logged_changes(store.conn, "device_id = ?", (store.device_id,))


def seed_case(store: Store, mission_id: str | None = None) -> tuple[Case, Person,
                                                                    AssessmentRecord]:
    """A case with a person and an IND assessment. On an enrolled laptop the case comes
    from HQ, as cases do (only HQ coordinators make them, and HQ refuses a push of one by
    anyone else); the laptop then adds the person and the assessment."""
    case = Case(unhcr_case_number="TST-24C00001", host_country="EGY", mission_id=mission_id)
    person = Person(case_id=case.id, given_name="Testa", family_name="Voorbeeld")
    assessment = AssessmentRecord(case_id=case.id, person_id=person.id, assessor_id="x")
    hq = SERVERS.get(store.meta("sync_server_url") or "")
    if hq is not None:
        hq.store.write_records([case])
        sync(store)
    with store.write() as uow:
        if hq is None:  # no HQ to make it: the case as set-up data, the rest as the laptop
            with store.system_writer():
                uow.insert(case)
        uow.insert_many([person, assessment])
    return case, person, assessment


def rows(store: Store, table: str) -> list[tuple]:
    return store.rows(f"SELECT * FROM {table} ORDER BY id")


def hq_keys_of(store_url: str) -> Path:
    """The HQ keys folder of a test store: a sqlite:/// store's key is kept beside its file
    (PostgreSQL needs none)."""
    return Path(store_url.removeprefix("sqlite:///")).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving the HQ app in a thread, for real HTTP."""

    def __init__(self, store: ServerStore, keys: HqKeys | None = None, **tls: str) -> None:
        self.store = store
        self.port = free_port()
        config = uvicorn.Config(create_app(store, keys), host="127.0.0.1", port=self.port,
                                log_level="error", **tls)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        SERVERS[self.url] = self
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        SERVERS.pop(self.url, None)
        self.server.should_exit = True
        self.thread.join(10)


def sync(store: Store) -> SyncReport:
    with client_for(store) as client:
        return SyncSession(store, client).run()


def enrol_laptop(hq: LiveServer, folder: Path, name: str, role: Role = Role.IND,
                 missions: list[str] | None = None) -> Store:
    """A new laptop, enrolled with HQ and synced once (that brings the mission package)."""
    if hq.store._user_named(name) is None:
        hq.store.add_user(name, role, missions=missions or [])
    token = hq.store.create_enrolment(name, f"{name}-laptop")
    store = new_laptop(folder, name, role)
    enroll(store, EnrolmentCode(url=hq.url, cert_sha256=None, token=token).encode())
    sync(store)
    return store
