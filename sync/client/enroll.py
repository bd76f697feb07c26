"""Enrolment of a laptop with HQ: register the device key, pin the certificate, and keep
what HQ hands over (server address, bundle recipients, recovery key).

HQ's recovery key and bundle recipients reach the laptop only here, over the channel the
enrolment code pins (https:// with the certificate's fingerprint; http:// only to this
computer, for tests). A later enrolment that hands other keys changes nothing unless the
user asks for it (`new_hq_keys`, `hervest enroll --new-hq-keys`), and then only over a
pinned https:// channel: a recovery slot opens the database, so a key slipped in by
whoever answers an enrolment would open it too."""

from __future__ import annotations

import base64
import json

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import ValidationError

from app.store.database import Store
from app.store.merge import logged_changes
from sync.client.transport import HqClient, SyncError, fetch_certificate
from sync.protocol import EnrolmentCode, EnrolRequest, EnrolResponse
from sync.signing import public_hex

DEADLINE_S = 30.0  # the whole enrolment exchange, every byte of the answer included
MAX_ANSWER = 1 << 20  # an enrolment answer is under 2 KB


def enroll(store: Store, code_text: str, proxy: str | None = None,
           new_hq_keys: bool = False) -> EnrolResponse:
    code = EnrolmentCode.decode(code_text)
    cert_pem = None
    if code.url.startswith("https://"):
        if not code.cert_sha256:
            raise SyncError("sync.bad_code", retry=False)
        cert_pem = fetch_certificate(code.url, code.cert_sha256, proxy, DEADLINE_S)
    key = store.device_signing_key()
    own = logged_changes(store.conn, "device_id = ?", (store.device_id,))
    request = EnrolRequest(token=code.token, device_id=store.device_id,
                           public_key=public_hex(key), head=own[-1].seq if own else 0)
    with HqClient(code.url, store.device_id, key, cert_pem, proxy, deadline=DEADLINE_S,
                  max_answer=MAX_ANSWER) as client:
        try:
            answer = EnrolResponse.model_validate(client.json(
                "POST", "/v1/enrol", payload=request.model_dump(mode="json")))
        except ValidationError:
            raise SyncError("sync.bad_answer", retry=False) from None
    if _keys_change(store, answer) and not (new_hq_keys and cert_pem):
        raise SyncError("sync.keys_changed", retry=False)
    try:
        recovery = X25519PublicKey.from_public_bytes(base64.b64decode(
            answer.recovery_public, validate=True)) if answer.recovery_public else None
    except ValueError:
        raise SyncError("sync.bad_answer", retry=False) from None
    for meta_key, value in (("sync_server_url", code.url), ("sync_cert_sha256",
                            code.cert_sha256 or ""), ("sync_cert_pem", cert_pem or ""),
                            ("hq_bundle_recipients", json.dumps(answer.bundle_recipients)),
                            ("hq_recovery_public", answer.recovery_public or ""),
                            ("sync_server_id", answer.server_id)):
        store.set_meta(meta_key, value)
    if recovery is not None:
        store.set_recovery(recovery)
    return answer


def _keys_change(store: Store, answer: EnrolResponse) -> bool:
    """Whether the answer names other HQ keys than those this laptop already keeps (a
    first enrolment keeps none)."""
    recovery, recipients = store.meta("hq_recovery_public"), store.meta("hq_bundle_recipients")
    return bool(recovery and recovery != (answer.recovery_public or "")) or bool(
        recipients and json.loads(recipients) not in ([], answer.bundle_recipients))
