"""A field laptop with demo data and attachments, an HQ desktop database, and HQ's keys."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from pyrage import x25519

from app.bundles.reader import DeviceKey
from app.demo import DemoGenerator
from app.domain import Attachment, Case, Role
from app.store import Store
from tests.conftest import FAST_KDF, PASSPHRASE


@dataclass
class HqKeys:
    identity: x25519.Identity
    escrow: x25519.Identity
    identity_file: Path
    escrow_file: Path

    @property
    def recipients(self) -> list[str]:
        return [str(self.identity.to_public()), str(self.escrow.to_public())]


def add_attachment(store: Store, data: bytes, chunk: int = 256 * 1024) -> Attachment:
    """Attachment bytes as the store keeps them: content-addressed chunks, plus the row."""
    sha = hashlib.sha256(data).hexdigest()
    case = store.select(Case, limit=1)[0]
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO attachment_chunks (sha256, idx, data) VALUES (?, ?, ?)",
                     [(sha, i, data[o:o + chunk]) for i, o in enumerate(range(0, len(data),
                                                                             chunk))])
    conn.execute("COMMIT")
    with store.write() as uow:
        return uow.insert(Attachment(case_id=case.id, sha256=sha, filename="scan.pdf",
                                     media_type="application/pdf", size=len(data)))


@pytest.fixture(scope="session")
def hq_keys(tmp_path_factory: pytest.TempPathFactory) -> HqKeys:
    folder = tmp_path_factory.mktemp("hq")
    identity, escrow = x25519.Identity.generate(), x25519.Identity.generate()
    files = []
    for name, key in (("bundle-identity.txt", identity), ("escrow-identity.txt", escrow)):
        path = folder / name
        path.write_text(f"# {name}\n{key}\n")
        files.append(path)
    return HqKeys(identity, escrow, *files)


@pytest.fixture(scope="session")
def laptop_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Made once: 12 demo cases and two attachments (copied per test)."""
    path = tmp_path_factory.mktemp("laptop") / "laptop.db"
    store = Store.create(path, "field", Role.IND, PASSPHRASE, kdf=FAST_KDF)
    DemoGenerator(store, 3).run(12)
    add_attachment(store, os.urandom(700_000))
    add_attachment(store, b"small attachment")
    store.close()
    return path


@pytest.fixture
def laptop(laptop_template: Path, tmp_path: Path) -> Store:
    target = tmp_path / "laptop.db"
    for suffix in ("", ".keys"):
        Path(f"{target}{suffix}").write_bytes(Path(f"{laptop_template}{suffix}").read_bytes())
    store = Store.open(target, "field", PASSPHRASE)
    yield store
    store.close()


@pytest.fixture
def hq_store(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "hq.db", "hq", Role.HQ_COORDINATOR, PASSPHRASE,
                         kdf=FAST_KDF)
    yield store
    store.close()


def device_lookup(*stores: Store, revoked: bool = False):
    keys = {s.device_id: DeviceKey(s.device_signing_key().public_key().public_bytes_raw(),
                                   revoked) for s in stores}
    return keys.get
