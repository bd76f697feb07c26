"""Enrolment against hostile servers, through `hervest enroll` and `hervest-hq devices
enroll` as subprocesses (issue 13, findings 5, 8 and 12): plain HTTP only to this
computer, a code with a malformed address is "not valid", an answer is bounded in size and
time, a refused enrolment is recorded, and a later enrolment cannot swap HQ's keys."""

from __future__ import annotations

import base64
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sync_helpers import PASSPHRASE, LiveServer, new_laptop

from app.store import Store
from app.store.keyslots import public_key_text
from sync.server.app import HqKeys
from sync.server.store import open_server_store

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_RECOVERY = public_key_text(X25519PrivateKey.generate().public_key())


def hervest(*args: str, lang: str = "en") -> subprocess.Popen:
    """`hervest ARGS` through the measuring launcher (tests.fuzz.measure): a child forked
    straight from pytest keeps pytest's own high-water mark, hundreds of MB late in a run."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_PASSPHRASE": PASSPHRASE,
           "HERVEST_LANG": lang}
    report = Path(tempfile.mkstemp(suffix=".rss")[1])
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fuzz.measure", str(report), str(3 << 30),
         sys.executable, "-m", "app.cli.main", *args], env=env, cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    process.report = report  # type: ignore[attr-defined]
    return process


def finished(process: subprocess.Popen, timeout: float = 120) -> tuple[int, str, int]:
    """Exit code, stderr and peak RSS in MB of the laptop's process."""
    try:
        _, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail(f"the laptop still waits after {timeout} s")
    report: Path = process.report  # type: ignore[attr-defined]
    peak = int(report.read_text()) // 1024
    report.unlink()
    return process.returncode, err, peak


def code_for(url: str, token: str = "t" * 32) -> str:
    """A code as HQ would encode it, but for any address (EnrolmentCode checks it)."""
    return raw_code(json.dumps({"url": url, "cert_sha256": None, "token": token}).encode())


def raw_code(payload: bytes) -> str:
    return "HRV1-" + base64.urlsafe_b64encode(payload).decode().rstrip("=")


@contextmanager
def hostile_server(answer: Callable[[socket.socket], None]) -> Iterator[tuple[int, list]]:
    """A server on 127.0.0.1 that reads a request's head and then calls `answer`; yields
    its port and the list of connections it took."""
    listener = socket.create_server(("127.0.0.1", 0))
    seen: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                try:
                    seen.append(conn.recv(65536))
                    answer(conn)
                except OSError:
                    pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1], seen
    finally:
        listener.close()


def enrol_answer(conn: socket.socket) -> None:
    body = json.dumps({"server_id": "0" * 36, "user_name": "anna", "role": "HQ_MEDICAL",
                       "bundle_recipients": ["age1hostile"], "recovery_public":
                       HOSTILE_RECOVERY, "head": 0}).encode()
    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: "
                 + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body)


def gigabyte_answer(conn: socket.socket) -> None:
    conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                 b"connection: close\r\n\r\nx")  # not JSON: the old reader failed after
    piece = b"0," * (1 << 19)
    for _ in range(1024):  # 1 GiB, generated, without a length
        conn.sendall(piece)


def drip_answer(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\ncontent-length: 200\r\n\r\n" + b" " * 200:
        conn.sendall(bytes([byte]))
        time.sleep(1)


@pytest.fixture
def anna_file(tmp_path: Path) -> Path:
    new_laptop(tmp_path, "anna").close()
    return tmp_path / "anna.db"


def laptop_args(path: Path) -> tuple[str, ...]:
    return ("--db", str(path), "--as", "anna")


def hq_keys_kept(path: Path) -> tuple[str | None, str | None, list[dict]]:
    store = Store.open(path, "anna", PASSPHRASE)
    try:
        recovery = [s for s in store.keyfile.slots if s.get("kind") == "recovery"]
        return store.meta("hq_recovery_public"), store.meta("hq_bundle_recipients"), recovery
    finally:
        store.close()


def test_plain_http_to_another_host_is_refused_before_any_connection(anna_file):
    """Finding 5: the hostile server answers as HQ (here as the laptop's proxy, the only
    way to reach a non-loopback name from a test) and would plant its recovery key."""
    with hostile_server(enrol_answer) as (port, seen):
        for url in ("http://hq.example.org:8080", "http://10.0.0.5:8080",
                    "http://127.example.org"):
            code, err, _ = finished(hervest("enroll", code_for(url), *laptop_args(anna_file),
                                            "--proxy", f"http://127.0.0.1:{port}"))
            assert code == 2 and "plain http://" in err and "Traceback" not in err, err
        assert seen == []
    assert hq_keys_kept(anna_file) == (None, None, [])


def test_hq_issues_no_plain_http_code_but_for_loopback(tmp_path):
    store_url = f"sqlite:///{tmp_path / 'hq.db'}"
    hq = open_server_store(store_url, tmp_path)
    hq.add_user("anna", "IND")
    hq.close()
    issue = [sys.executable, "-m", "sync.server.cli", "devices", "enroll", "--store",
             store_url, "--keys", str(tmp_path), "--user", "anna", "--no-qr", "--url"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_LANG": "nl"}
    refused = subprocess.run([*issue, "http://hq.example.org"], capture_output=True,
                             text=True, env=env, cwd=ROOT, timeout=60)
    assert refused.returncode == 2 and "onversleuteld http://" in refused.stderr
    assert "Traceback" not in refused.stderr and refused.stdout == ""
    for url in ("http://127.0.0.2:8080", "http://[::1]:8080", "http://localhost:8080"):
        issued = subprocess.run([*issue, url], capture_output=True, text=True, env=env,
                                cwd=ROOT, timeout=60)
        assert issued.returncode == 0, issued.stderr
    hq = open_server_store(store_url, tmp_path)
    assert hq.db.one("SELECT COUNT(*) FROM enrolments")[0] == 3  # none for the refused one
    hq.close()


MALFORMED = {
    "bad base64": "HRV1-@@@!!!",
    "bad JSON": raw_code(b"{not json"),
    "no host": raw_code(b'{"url":"http://","cert_sha256":null,"token":"t"}'),
    "port 99999": code_for("http://127.0.0.1:99999"),
    "file://": code_for("file:///etc/passwd"),
    "control characters": code_for("http://127.0.0.1:8443/\x07\x1b[2J"),
    "bracket": code_for("http://[::1:8443"),
}


@pytest.mark.parametrize("lang, words", [("en", "The enrolment code is not valid"),
                                         ("nl", "De aanmeldcode is ongeldig")])
def test_a_malformed_code_is_not_valid_in_one_line(anna_file, lang, words):
    """Finding 12: exit 2, the user's language, no traceback, for every malformed code."""
    for what, text in MALFORMED.items():
        code, err, _ = finished(hervest("--lang", lang, "enroll", text,
                                        *laptop_args(anna_file)))
        assert code == 2 and err.strip().count("\n") == 0 and words in err, (what, err)
    assert hq_keys_kept(anna_file) == (None, None, [])


def test_a_refused_enrolment_is_recorded(hq, anna_file):
    """Finding 12: the refusal outlived the rolled-back transaction before."""
    code, err, _ = finished(hervest("enroll", code_for(hq.url, "unknown-token"),
                                    *laptop_args(anna_file)))
    assert code == 2 and "unknown enrolment code" in err
    assert [r[1] for r in hq.store.refusals()] == ["enrolment: unknown enrolment code"]


def test_a_huge_answer_is_refused_within_bounded_memory(anna_file):
    """Finding 8: a 1 GiB answer took the laptop to 2.2 GB; a small wrong one sets the
    baseline of the same command."""
    with hostile_server(lambda conn: conn.sendall(
            b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}")) as (port, _):
        code, err, baseline = finished(hervest("enroll", code_for(f"http://127.0.0.1:{port}"),
                                               *laptop_args(anna_file)))
    assert code == 2 and "not one Hervest understands" in err, err
    with hostile_server(gigabyte_answer) as (port, _):
        code, err, peak = finished(hervest("enroll", code_for(f"http://127.0.0.1:{port}"),
                                           *laptop_args(anna_file)))
    print(f"hervest enroll peak RSS: {baseline} MB on a small answer, {peak} MB on 1 GiB")
    assert code == 2 and "larger than 1048576 bytes" in err, err
    assert peak < baseline + 30
    assert hq_keys_kept(anna_file) == (None, None, [])


def test_a_drip_fed_answer_ends_at_the_deadline(anna_file):
    """Finding 8: a byte a second never tripped the 30 s read timeout."""
    with hostile_server(drip_answer) as (port, _):
        started = time.monotonic()
        code, err, _ = finished(hervest("enroll", code_for(f"http://127.0.0.1:{port}"),
                                        *laptop_args(anna_file)), timeout=60)
        took = time.monotonic() - started
    print(f"drip-fed enrolment ended after {took:.1f} s")
    assert code == 2 and "within 30 seconds" in err, err
    assert took < 30 + 8  # the deadline, and the command's start-up


def test_a_second_enrolment_cannot_swap_hq_keys(hq, anna_file, tmp_path):
    """Finding 5: another HQ (or whoever answers) hands other keys on re-enrolment: they
    are refused, unless the user asks for them, and then only over pinned https://."""
    path = anna_file
    hq.store.add_user("anna", "IND")
    first = finished(hervest("enroll", code_for(hq.url, hq.store.create_enrolment(
        "anna", "first")), *laptop_args(path)))
    assert first[0] == 0, first
    kept = hq_keys_kept(path)
    assert kept[1] == '["age1example"]'
    other_store = open_server_store(f"sqlite:///{tmp_path / 'other' / 'hq.db'}",
                                    _folder(tmp_path / "other"))
    other_store.add_user("anna", "IND")
    with LiveServer(other_store, HqKeys(["age1hostile"], HOSTILE_RECOVERY)) as other:
        token = other_store.create_enrolment("anna", "again")
        code, err, _ = finished(hervest("enroll", code_for(other.url, token),
                                        *laptop_args(path)))
    other_store.close()
    assert code == 2 and "--new-hq-keys" in err, err
    with hostile_server(enrol_answer) as (port, _):  # asked for, but not over https://
        code, err, _ = finished(hervest("enroll", code_for(f"http://127.0.0.1:{port}"),
                                        *laptop_args(path), "--new-hq-keys"))
    assert code == 2 and "--new-hq-keys" in err, err
    assert hq_keys_kept(path) == kept


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


def test_sync_bounds_a_huge_answer_too(anna_file):
    """Finding 8, the sync transport: after an enrolment, HQ's sync answers are read
    bounded (64 MiB) as well; a 1 GiB answer is refused, not read whole."""
    answers = iter([enrol_answer, gigabyte_answer])
    with hostile_server(lambda conn: next(answers, gigabyte_answer)(conn)) as (port, _):
        enrolled = finished(hervest("enroll", code_for(f"http://127.0.0.1:{port}"),
                                    *laptop_args(anna_file)))
        assert enrolled[0] == 0, enrolled
        code, err, peak = finished(hervest("sync", *laptop_args(anna_file)))
    print(f"hervest sync peak RSS on a 1 GiB answer: {peak} MB")
    assert code == 2 and "larger than 67108864 bytes" in err, err
    assert peak < 400  # the 64 MiB bound, read once and copied once; not 1 GiB
