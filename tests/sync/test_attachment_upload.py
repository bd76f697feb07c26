"""Attachment chunks at HQ are write-once and belong to their uploader (issue 13, finding
3): two enrolled laptops of one mission against a live HQ, with real signed requests; the
second plays a hostile insider with valid credentials."""

from __future__ import annotations

import hashlib
import os

import httpx
from sync_helpers import seed_case, sync

from app.domain.records import Attachment
from app.store import Store
from sync.client.session import UPLOADED
from sync.protocol import CHUNK_SIZE
from sync.signing import sign_headers


def _attach(store: Store, case_id: str, data: bytes) -> Attachment:
    attachment = Attachment(case_id=case_id, sha256=hashlib.sha256(data).hexdigest(),
                            filename="referral.pdf", size=len(data))
    with store.write() as uow:
        uow.insert(attachment)
        uow.conn.execute("INSERT INTO attachment_chunks (sha256, idx, data) VALUES (?,0,?)",
                         (attachment.sha256, data))
    return attachment


def _signed(hq, store: Store, method: str, target: str, body: bytes = b"") -> httpx.Response:
    """One request signed with the laptop's own device key, answered as it comes."""
    headers = sign_headers(store.device_signing_key(), store.device_id, method, target, body)
    return httpx.request(method, hq.url + target, content=body, headers=headers)


def _put(hq, store: Store, sha: str, idx: int, data: bytes) -> httpx.Response:
    return _signed(hq, store, "PUT", f"/v1/attachments/{sha}/{idx}", data)


def _complete(hq, store: Store, sha: str, size: int) -> httpx.Response:
    return _signed(hq, store, "POST", f"/v1/attachments/{sha}/complete?size={size}")


def _held(hq, sha: str) -> bytes:
    return b"".join(bytes(r[0]) for r in hq.store.db.all(
        "SELECT data FROM blobs WHERE sha256 = ? ORDER BY idx", (sha,)))


def _started(hq, delegation) -> tuple[Store, Store, bytes, str]:
    """Anna's attachment at HQ with its first chunk only (her upload broke off); Bram has
    pulled its row, so he knows the hash."""
    mission, anna, bram = delegation
    case, _, _ = seed_case(anna, mission_id=mission.id)
    data = os.urandom(2 * CHUNK_SIZE + 999)
    sha = _attach(anna, case.id, data).sha256
    with anna.write() as uow:  # the row goes up, the bytes wait for the test
        uow.conn.execute("INSERT INTO meta (key, value) VALUES (?, '1')",
                         (UPLOADED + sha,))
    sync(anna)
    assert _put(hq, anna, sha, 0, data[:CHUNK_SIZE]).status_code == 200
    with anna.write() as uow:
        uow.conn.execute("DELETE FROM meta WHERE key = ?", (UPLOADED + sha,))
    sync(bram)
    return anna, bram, data, sha


def test_another_device_cannot_write_or_delete_an_upload(hq, delegation):
    anna, bram, data, sha = _started(hq, delegation)
    for idx in (0, 1):
        answer = _put(hq, bram, sha, idx, b"forged" * 100)
        assert answer.status_code == 403, answer.text
    assert _complete(hq, bram, sha, 6).status_code == 403  # the old code deleted her chunk
    reasons = [r[1] for r in hq.store.refusals(bram.device_id)]
    assert sum("another device is uploading" in r for r in reasons) == 2
    assert any("not this device's upload" in r for r in reasons)
    assert _held(hq, sha) == data[:CHUNK_SIZE]
    # The uploader herself: an identical re-send is a no-op, a different chunk refused.
    assert _put(hq, anna, sha, 0, data[:CHUNK_SIZE]).status_code == 200
    assert _put(hq, anna, sha, 0, b"x" * CHUNK_SIZE).status_code == 409
    assert sync(anna).uploaded == 1
    assert hq.store.blob_status(sha) == (len(data), [0, 1, 2])
    assert hashlib.sha256(_held(hq, sha)).hexdigest() == sha


def test_a_complete_blob_is_never_touched_again(hq, delegation):
    anna, bram, data, sha = _started(hq, delegation)
    sync(anna)
    answer = _put(hq, bram, sha, 0, b"forged")
    assert answer.status_code == 200 and answer.json()["complete"] is True
    # A `complete` with a wrong size: the old code deleted every chunk and still said
    # the attachment was complete.
    for who in (bram, anna):
        assert _complete(hq, who, sha, 1).status_code == 200
    assert _held(hq, sha) == data
    assert sync(bram).downloaded == 1
    assert b"".join(r[0] for r in bram.rows(
        "SELECT data FROM attachment_chunks WHERE sha256 = ? ORDER BY idx", (sha,))) == data


def test_a_failed_complete_drops_only_the_uploaders_unverified_chunks(hq, delegation):
    anna, _, data, sha = _started(hq, delegation)
    assert _complete(hq, anna, sha, len(data)).status_code == 422  # chunks 1, 2 missing
    assert hq.store.blob_status(sha) == (None, [])
    assert sync(anna).uploaded == 1  # she starts again, and HQ has it whole
    assert _held(hq, sha) == data


def test_no_upload_for_a_hash_no_attachment_in_scope_names(hq, delegation):
    _, _, bram = delegation
    junk = b"a free file store" * 1000
    sha = hashlib.sha256(junk).hexdigest()
    assert _put(hq, bram, sha, 0, junk).status_code == 403
    assert hq.store.blob_status(sha) == (None, [])
    assert any("outside need-to-know" in r[1] for r in hq.store.refusals(bram.device_id))


def test_unverified_bytes_per_device_are_bounded(hq, delegation, monkeypatch):
    monkeypatch.setattr("sync.server.store.MAX_UNVERIFIED", CHUNK_SIZE + 10)
    anna, _, data, sha = _started(hq, delegation)
    answer = _put(hq, anna, sha, 1, data[CHUNK_SIZE:2 * CHUNK_SIZE])
    assert answer.status_code == 413, answer.text
    assert hq.store.blob_status(sha) == (None, [0])


def test_a_second_laptop_with_the_same_file_waits_for_the_uploader(hq, delegation):
    anna, bram, data, sha = _started(hq, delegation)
    mission = delegation[0]
    case, _, _ = seed_case(bram, mission_id=mission.id)
    _attach(bram, case.id, data)  # the same document, attached on his laptop too
    report = sync(bram)  # does not fail on Anna's upload, and writes none of it
    assert report.uploaded == 0 and _held(hq, sha) == data[:CHUNK_SIZE]
    assert sync(anna).uploaded == 1
    assert sync(bram).uploaded == 1
