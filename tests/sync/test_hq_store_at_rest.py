"""HQ's embedded store is encrypted at rest with the key kept with the HQ keys (issue 13,
finding 11): real `hervest-hq` processes make and use it; its files, read as an attacker
with the disk would read them, name no user and hold no token."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sync_helpers import free_port

from sync.server import migrations

ROOT = Path(__file__).resolve().parents[2]
HQ = [sys.executable, "-m", "sync.server.cli"]
NAME = "zenobiafictional"  # a user name that random ciphertext will not spell


def hq(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_LANG": "en"}
    return subprocess.run([*HQ, *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=120)


def _files(db: Path) -> list[Path]:
    return [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]


def _readable(data: bytes, words: list[str]) -> list[str]:
    """What `strings` would show of `words` in the bytes."""
    return [w for w in words if w.encode() in data]


def test_hq_store_is_encrypted_private_and_needs_its_key(tmp_path: Path) -> None:
    db, store = tmp_path / "hq.db", f"sqlite:///{tmp_path / 'hq.db'}"
    assert hq("keygen", "--out", "keys", cwd=tmp_path).returncode == 0
    added = hq("users", "add", NAME, "--role", "IND", "--store", store, "--keys", "keys",
               cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    port = free_port()
    server = subprocess.Popen([*HQ, "serve", "--store", store, "--keys", "keys", "--port",
                               str(port)], cwd=tmp_path, stderr=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/v1/health").raise_for_status()
                break
            except httpx.HTTPError:
                assert server.poll() is None, server.stderr.read().decode()  # type: ignore
                assert time.monotonic() < deadline, "hervest-hq serve did not start"
                time.sleep(0.1)
        # Written while the server holds the store open: the WAL and -shm exist now.
        issued = hq("devices", "enroll", "--store", store, "--keys", "keys", "--user", NAME,
                    "--url", f"http://127.0.0.1:{port}", "--no-qr", cwd=tmp_path)
        assert issued.returncode == 0, issued.stderr
        files = _files(db)
        assert {p.name for p in files} == {"hq.db", "hq.db-wal", "hq.db-shm"}
        secrets = [NAME, issued.stdout.split()[-1], "hq_users", "CREATE TABLE"]
        for path in files:
            assert _readable(path.read_bytes(), secrets) == [], path.name
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    finally:
        server.terminate()
        server.wait(10)
    keys = tmp_path / "keys"
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert stat.S_IMODE((keys / "store.key").stat().st_mode) == 0o600
    listed = hq("users", "list", "--store", store, "--keys", "keys", cwd=tmp_path)
    assert NAME in listed.stdout, listed.stderr

    keyless = hq("users", "list", "--store", store, cwd=tmp_path)
    assert keyless.returncode == 2 and "add --keys FOLDER" in keyless.stderr
    assert hq("keygen", "--out", "other", cwd=tmp_path).returncode == 0
    wrong = hq("devices", "list", "--store", store, "--keys", "other", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "cannot be opened with this key" in wrong.stderr
    for answer in (keyless, wrong):
        assert "Traceback" not in answer.stderr and "ERROR CORE" not in answer.stderr


def _plain_hq_store(db: Path) -> None:
    """An HQ store as an older HQ left it: plain SQLite, 0644, with a user."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for step in range(1, migrations.LATEST):  # the step before this HQ's last
        for statement in migrations.statements(step, "sqlite"):
            conn.execute(statement)
    conn.execute("INSERT INTO schema_version VALUES (?)", (migrations.LATEST - 1,))
    conn.execute("INSERT INTO hq_users (user_id, name, role) VALUES ('u1', ?, 'IND')",
                 (NAME,))
    conn.commit()
    conn.close()
    os.chmod(db, 0o644)


def test_an_existing_plain_store_is_encrypted_on_first_open(tmp_path: Path) -> None:
    db, store = tmp_path / "hq.db", f"sqlite:///{tmp_path / 'hq.db'}"
    _plain_hq_store(db)
    assert NAME.encode() in db.read_bytes()
    assert hq("keygen", "--out", "keys", cwd=tmp_path).returncode == 0
    listed = hq("users", "list", "--store", store, "--keys", "keys", cwd=tmp_path)
    assert listed.returncode == 0 and NAME in listed.stdout, listed.stderr
    assert not db.read_bytes().startswith(b"SQLite format 3")
    for path in _files(db):
        assert _readable(path.read_bytes(), [NAME]) == [], path.name
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert not Path(f"{db}.encrypting").exists()
    again = hq("users", "list", "--store", store, "--keys", "keys", cwd=tmp_path)
    assert NAME in again.stdout, again.stderr


def test_a_plain_store_with_an_older_keys_folder_gets_a_store_key(tmp_path: Path) -> None:
    """A keys folder of an HQ from before store.key: the key is made beside the others."""
    db, store = tmp_path / "hq.db", f"sqlite:///{tmp_path / 'hq.db'}"
    _plain_hq_store(db)
    assert hq("keygen", "--out", "keys", cwd=tmp_path).returncode == 0
    (tmp_path / "keys" / "store.key").unlink()
    listed = hq("users", "list", "--store", store, "--keys", "keys", cwd=tmp_path)
    assert NAME in listed.stdout, listed.stderr
    assert stat.S_IMODE((tmp_path / "keys" / "store.key").stat().st_mode) == 0o600
    (tmp_path / "keys" / "store.key").unlink()  # lost after encryption: said plainly
    lost = hq("users", "list", "--store", store, "--keys", "keys", cwd=tmp_path)
    assert lost.returncode == 2 and "store.key is missing" in lost.stderr
