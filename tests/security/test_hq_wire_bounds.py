"""HQ's bounds on what comes over the wire (issue 13, findings 6, 7): bodies are refused
on their headers before they are read, and read bounded; the refusals table does not grow
with a stranger's noise; every number, id and text of a signed request is bounded, in the
models and so in the OpenAPI schema. `hervest-hq serve` runs as a child process to
measure its peak RSS; the signed requests come from an enrolled laptop's key."""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from app.ids import new_id
from app.store.hlc import HybridClock
from sync.client.enroll import enroll
from sync.protocol import MAX_FIELDS, MAX_INT, EnrolmentCode
from sync.server.app import HqKeys
from sync.server.store import open_server_store
from sync.signing import sign_headers
from tests.sync.sync_helpers import LiveServer, free_port, new_laptop

ROOT = Path(__file__).resolve().parents[2]
BODY = 100 << 20


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def send_push(port: int, headers: dict[str, str], size: int = BODY, chunked: bool = False
              ) -> int | None:
    """POST /v1/push with a body of `size` bytes, sent while HQ has not answered; the
    status HQ answered with (None: it cut the connection first)."""
    head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    framing = "transfer-encoding: chunked" if chunked else f"content-length: {size}"
    piece = b"[" * (1 << 20)
    with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
        conn.sendall(f"POST /v1/push HTTP/1.1\r\nhost: hq\r\ncontent-type: application/json"
                     f"\r\n{head}{framing}\r\n\r\n".encode())
        try:
            for _ in range(size // len(piece)):
                if select.select([conn], [], [], 0)[0]:
                    break
                conn.sendall(b"100000\r\n" + piece + b"\r\n" if chunked else piece)
            if chunked:
                conn.sendall(b"0\r\n\r\n")
            answer = conn.recv(4096)
        except OSError:
            return None
    return int(answer.split()[1]) if answer.startswith(b"HTTP/1.1 ") else None


def test_unsigned_bodies_are_refused_before_they_are_read(tmp_path):
    """Finding 6: an unsigned 100 MB push raised HQ to 278 MB, five at once to 622 MB."""
    store_url, port = f"sqlite:///{tmp_path / 'hq.db'}", free_port()
    hq = open_server_store(store_url, tmp_path)
    hq.add_user("anna", "IND")
    hq.enrol(hq.create_enrolment("anna", "anna"), new_id(), "ab" * 32)
    known = hq.list_devices()[0].device_id
    hq.close()
    server = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "serve", "--store", store_url, "--keys",
         str(tmp_path), "--port", str(port)], env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
                break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
        before = vm_hwm_mb(server.pid)
        assert send_push(port, {}) == 401
        pretending = sign_headers(_other_key(), known, "POST", "/v1/push", b"")  # not its key
        assert send_push(port, pretending) == 413  # says 100 MB: more than a push may be
        at_once = [threading.Thread(target=send_push, args=(port, {}),
                                    kwargs={"chunked": n % 2 == 1}) for n in range(5)]
        for thread in at_once:
            thread.start()
        for thread in at_once:
            thread.join(120)
        for _ in range(300):  # strangers' noise, each with its own made-up device id
            stranger = sign_headers(_other_key(), new_id(), "GET", "/v1/head", b"")
            assert httpx.get(f"http://127.0.0.1:{port}/v1/head", headers=stranger,
                             timeout=10).status_code == 401
        after = vm_hwm_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    print(f"hervest-hq serve peak RSS: {before:.0f} MB at start, {after:.0f} MB after 7 "
          f"hostile 100 MB pushes (5 at once) and 300 strangers' requests")
    assert after - before < 30
    hq = open_server_store(store_url, tmp_path)
    try:
        rows = hq.refusals()
    finally:
        hq.close()
    print(f"refusals table: {len(rows)} rows for {sum(r[3] for r in rows)} refusals")
    assert len(rows) <= 4, rows  # a row per device, reason and hour, not one per request
    assert sum(r[3] for r in rows if r[1] == "unknown device") == 300
    assert all(r[0] in (None, known) for r in rows)  # no made-up id is kept


def _other_key():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.generate()


@pytest.fixture
def anna(tmp_path):
    """HQ on 127.0.0.1 and a laptop enrolled with it (not synced: what it pushes is
    the test's)."""
    hq_store = open_server_store(f"sqlite:///{tmp_path / 'hq.db'}", tmp_path)
    with LiveServer(hq_store, HqKeys(["age1example"], None)) as hq:
        hq_store.add_user("anna", "IND")
        laptop = new_laptop(tmp_path, "anna")
        enroll(laptop, EnrolmentCode(url=hq.url, cert_sha256=None, token=hq_store.
                                     create_enrolment("anna", "anna")).encode())
        yield hq, laptop
        laptop.close()
    hq_store.close()


def signed(hq: LiveServer, laptop, method: str, target: str, body: bytes = b""
           ) -> httpx.Response:
    headers = sign_headers(laptop.device_signing_key(), laptop.device_id, method, target,
                           body)
    return httpx.request(method, hq.url + target, content=body, timeout=30,
                         headers={**headers, "content-type": "application/json"})


def push_body(laptop, **change: object) -> bytes:
    clock = HybridClock(laptop.device_id)
    base = {"device_id": laptop.device_id, "seq": 1, "hlc": clock.now().encode(),
            "entity": "cases", "row_id": new_id(), "op": "insert",
            "fields": {"unhcr_case_number": "TST-24C00009", "host_country": "EGY"}}
    return json.dumps({"changes": [{**base, **change}]}).encode()


def test_signed_numbers_ids_and_texts_out_of_bounds_are_422_and_not_stored(anna):
    """Finding 7: seq 2^63 and a 20-digit cursor were a 500; a 1 MB row id and NaN
    fields were stored."""
    hq, laptop = anna
    hostile = {
        "seq 2^63": push_body(laptop, seq=MAX_INT + 1),
        "1 MB row id": push_body(laptop, row_id="x" * (1 << 20)),
        "NaN": push_body(laptop).replace(b'"EGY"', b"NaN"),
        "Infinity": push_body(laptop).replace(b'"EGY"', b"-Infinity"),
        "int past 63 bits": push_body(laptop, fields={"notes": 1 << 64}),
        "too many fields": push_body(laptop, fields={f"f{n}": 1 for n in
                                                     range(MAX_FIELDS + 1)}),
        "a 2 MB text": push_body(laptop, fields={"notes": "x" * (2 << 20)}),
        "a 1 MB device id": push_body(laptop, device_id="d" * (1 << 20)),
    }
    for what, body in hostile.items():
        answer = signed(hq, laptop, "POST", "/v1/push", body)
        assert answer.status_code == 422, (what, answer.status_code, answer.text[:300])
    for target in (f"/v1/pull?cursor={10 ** 19}", f"/v1/pull?cursor={MAX_INT + 1}",
                   f"/v1/attachments/{'a' * 64}/complete?size={MAX_INT + 1}",
                   f"/v1/attachments/{'a' * 64}/{MAX_INT + 1}"):
        method = "POST" if "complete" in target else "GET"
        answer = signed(hq, laptop, method, target)
        assert answer.status_code == 422, (target, answer.status_code, answer.text[:300])
    assert signed(hq, laptop, "GET", f"/v1/pull?cursor={MAX_INT}").status_code == 200
    assert [c for c in hq.store.all_changes() if c.device_id == laptop.device_id] == []


def test_the_openapi_schema_states_the_bounds(anna):
    hq, _ = anna
    schemas = httpx.get(hq.url + "/openapi.json").json()["components"]["schemas"]
    change = schemas["ChangeModel"]["properties"]
    assert change["seq"]["maximum"] == pytest.approx(MAX_INT)  # JSON writes it as a float
    assert change["row_id"]["maxLength"] == 36
    assert change["fields"]["maxProperties"] == MAX_FIELDS
    pull = httpx.get(hq.url + "/openapi.json").json()["paths"]["/v1/pull"]["get"]
    cursor = next(p for p in pull["parameters"] if p["name"] == "cursor")
    assert cursor["schema"]["maximum"] == pytest.approx(MAX_INT)
