"""Shared fixtures: real SQLCipher files in a temporary folder, cheap Argon2 parameters."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Tests must not spend half a second per key slot; the floor parameters still run Argon2id.
os.environ.setdefault("HERVEST_KDF_TARGET_MS", "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HERVEST_LANG", "en")

from app.domain import Role
from app.store import Store
from app.store.keyslots import KdfParams

FAST_KDF = KdfParams(iterations=2, memory_kib=19 * 1024)
PASSPHRASE = "test passphrase 123"


@contextlib.contextmanager
def as_admin(store: Store) -> Iterator[Store]:
    """Set up users as an administrator would: only ADMIN manages users and key slots
    (Store.require_user_manager). Adds an ADMIN record (no key slot) the first time."""
    from app.domain import User

    admin = next(iter(store.select(User, "role = 'ADMIN' AND active = 1", limit=1)), None)
    if admin is None:  # test set-up, as the store makes its first user
        with store.system_writer(), store.write() as uow:
            admin = uow.insert(User(name="test.admin", display_name="Test admin",
                                    role=Role.ADMIN))
    acting, store.user = store.user, admin
    try:
        yield store
    finally:
        store.user = acting


def stamp_newer_schema(db_path: Path, user: str = "coordinator") -> int:
    """Mark a closed database as made by a newer Hervest (schema LATEST + 1); returns it."""
    from app.store.database import _connect
    from app.store.keyslots import KeyFile
    from app.store.migrations import LATEST

    key, _ = KeyFile.load(db_path).unwrap_user(user, PASSPHRASE)
    conn, _ = _connect(db_path, key)
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return LATEST + 1


@pytest.fixture(autouse=True)
def _english_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Switching the UI to Dutch or `--lang nl` sets HERVEST_LANG for the process; put it
    back after every test so a later test's messages do not depend on the order."""
    monkeypatch.setenv("HERVEST_LANG", os.environ["HERVEST_LANG"])


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "mission.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh encrypted database, unlocked by an HQ coordinator called 'coordinator'."""
    s = Store.create(db_path, "coordinator", Role.HQ_COORDINATOR, PASSPHRASE, kdf=FAST_KDF)
    yield s
    s.close()


@pytest.fixture
def demo_store(store: Store) -> Store:
    """The store with 60 demo cases (seed 7)."""
    from app.demo import DemoGenerator

    DemoGenerator(store, 7).run(60)
    return store
