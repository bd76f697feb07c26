"""Sync fixtures: an HQ server store on SQLite and on PostgreSQL, a real uvicorn server
on 127.0.0.1 in a thread, and enrolled laptops (real SQLCipher files)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import uvicorn
from postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)
from sync_helpers import new_laptop

from app.domain import Role
from app.store import Store
from sync.client.enroll import enroll
from sync.client.session import SyncSession, client_for
from sync.protocol import EnrolmentCode
from sync.server.app import HqKeys, create_app
from sync.server.store import ServerStore, open_server_store


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
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq-server.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def hq_store(store_url: str) -> Iterator[ServerStore]:
    store = open_server_store(store_url)
    yield store
    store.close()


@pytest.fixture
def hq(hq_store: ServerStore) -> Iterator[LiveServer]:
    with LiveServer(hq_store, HqKeys(["age1example"], None)) as server:
        yield server


EnrolLaptop = Callable[..., Store]


@pytest.fixture
def laptop(hq: LiveServer, tmp_path: Path) -> Iterator[EnrolLaptop]:
    """Make and enrol laptops: laptop("anna", Role.IND, missions=[...])."""
    made: list[Store] = []

    def make(name: str, role: Role = Role.IND, missions: list[str] | None = None) -> Store:
        if hq.store._user_named(name) is None:
            hq.store.add_user(name, role, missions=missions or [])
        token = hq.store.create_enrolment(name, f"{name}-laptop")
        store = new_laptop(tmp_path, name, role)
        enroll(store, EnrolmentCode(url=hq.url, cert_sha256=None, token=token).encode())
        made.append(store)
        with client_for(store) as client:  # the first sync brings the mission package
            SyncSession(store, client).run()
        return store

    yield make
    for store in made:
        store.close()
