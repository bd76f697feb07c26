"""Sync fixtures: an HQ server store on SQLite and on PostgreSQL, a real uvicorn server
on 127.0.0.1 in a thread, and enrolled laptops (real SQLCipher files)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)
from sync_helpers import LiveServer, enrol_laptop, hq_keys_of

from app.domain import Role
from app.domain.records import Mission
from app.store import Store
from sync.server.app import HqKeys
from sync.server.store import ServerStore, open_server_store


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hq-server.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def hq_store(store_url: str) -> Iterator[ServerStore]:
    store = open_server_store(store_url, hq_keys_of(store_url))
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
        store = enrol_laptop(hq, tmp_path, name, role, missions)
        made.append(store)
        return store

    yield make
    for store in made:
        store.close()


@pytest.fixture
def delegation(laptop: EnrolLaptop, hq: LiveServer) -> tuple[Mission, Store, Store]:
    """A mission made at HQ and the enrolled laptops of its two delegates, anna and bram."""
    mission = Mission(name="Egypt", host_country="EGY")
    hq.store.write_records([mission])
    return mission, laptop("anna", missions=[mission.id]), laptop("bram", missions=[mission.id])
