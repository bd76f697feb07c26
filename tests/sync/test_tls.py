"""TLS end to end with the real commands: `hervest-hq serve --tls-cert --tls-key` with a
self-signed certificate, an enrolment code that pins its fingerprint, `hervest enroll` and
`hervest sync` over https on 127.0.0.1; then another server with another certificate on
the same address is refused before a byte of the laptop's data leaves it."""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sync_helpers import PASSPHRASE, free_port, hq_keys_of, new_laptop

from app.domain import Role
from app.domain.records import Case, Person
from app.store import Store
from sync.client.session import pending_count
from sync.server.store import open_server_store

ROOT = Path(__file__).resolve().parents[2]


def self_signed(folder: Path, name: str) -> tuple[Path, Path]:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"hervest-hq-{name}")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / f"{name}.crt", folder / f"{name}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def run(module: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": PASSPHRASE,
           "HERVEST_LANG": "en"}
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True,
                           text=True, env=env, cwd=ROOT, timeout=120)


@contextmanager
def serving(store_url: str, port: int, cert: Path, key: Path) -> Iterator[None]:
    """`hervest-hq serve` over TLS, ready once it completes a TLS handshake."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--store", store_url,
         "--keys", str(hq_keys_of(store_url)), "--port", str(port), "--tls-cert", str(cert),
         "--tls-key", str(key)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        anything = ssl.create_default_context()
        anything.check_hostname, anything.verify_mode = False, ssl.CERT_NONE
        deadline = time.monotonic() + 30
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as raw, \
                        anything.wrap_socket(raw):
                    break
            except OSError:
                assert server.poll() is None, server.stderr.read().decode()
                assert time.monotonic() < deadline, "hervest-hq serve did not start"
                time.sleep(0.1)
        yield
    finally:
        server.terminate()
        server.wait(10)


def test_sync_over_pinned_tls_and_refusal_of_another_certificate(tmp_path):
    port = free_port()
    url, hq_url = f"https://127.0.0.1:{port}", f"sqlite:///{tmp_path / 'hq.sqlite'}"
    cert, key = self_signed(tmp_path, "hq")
    laptop_path = tmp_path / "anna.db"
    anna = new_laptop(tmp_path, "anna", Role.HQ_COORDINATOR)  # who may make a case
    case = Case(unhcr_case_number="TST-24C00001", host_country="EGY")
    with anna.write() as uow:
        uow.insert_many([case, Person(case_id=case.id, given_name="Testa")])
    anna.close()
    laptop = ("--db", str(laptop_path), "--as", "anna")

    assert run("sync.server.cli", "users", "add", "anna", "--role", "HQ_COORDINATOR",
               "--store", hq_url, "--keys", str(tmp_path)).returncode == 0
    issued = run("sync.server.cli", "devices", "enroll", "--store", hq_url, "--keys",
                 str(tmp_path), "--user", "anna",
                 "--url", url, "--tls-cert", str(cert), "--no-qr")
    assert issued.returncode == 0, issued.stderr
    code = issued.stdout.split()[-1]
    with serving(hq_url, port, cert, key):
        enrolled = run("app.cli.main", "enroll", code, *laptop)
        assert enrolled.returncode == 0, enrolled.stderr
        synced = run("app.cli.main", "sync", *laptop)
        assert synced.returncode == 0, synced.stderr
        assert "Sync done: 3 sent" in synced.stdout  # the laptop's user, the case, a person
    hq = open_server_store(hq_url, tmp_path)
    try:
        assert {c.entity for c in hq.all_changes()} >= {"cases", "persons"}
    finally:
        hq.close()

    anna = Store.open(laptop_path, "anna", PASSPHRASE)
    with anna.write() as uow:
        uow.insert(Case(unhcr_case_number="TST-24C00002"))
    anna.close()
    impostor_url = f"sqlite:///{tmp_path / 'impostor.sqlite'}"
    with serving(impostor_url, port, *self_signed(tmp_path, "impostor")):
        refused = run("app.cli.main", "sync", *laptop)
    assert refused.returncode != 0
    assert "does not present the HQ certificate from enrolment" in refused.stderr
    impostor = open_server_store(impostor_url, tmp_path)
    try:
        assert impostor.all_changes() == [] and impostor.users() == []
    finally:
        impostor.close()
    anna = Store.open(laptop_path, "anna", PASSPHRASE)
    try:
        assert pending_count(anna) == 1  # still waiting for the real HQ
        assert "HQ certificate" in anna.meta("sync_last_error")
    finally:
        anna.close()
