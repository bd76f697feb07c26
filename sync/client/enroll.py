"""Enrolment of a laptop with HQ: register the device key, pin the certificate, and keep
what HQ hands over (server address, bundle recipients, recovery key)."""

from __future__ import annotations

import base64
import json

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from app.store.database import Store
from app.store.merge import logged_changes
from sync.client.transport import HqClient, SyncError, fetch_certificate
from sync.protocol import EnrolmentCode, EnrolRequest, EnrolResponse
from sync.signing import public_hex


def enroll(store: Store, code_text: str, proxy: str | None = None) -> EnrolResponse:
    code = EnrolmentCode.decode(code_text)
    cert_pem = None
    if code.url.startswith("https://"):
        if not code.cert_sha256:
            raise SyncError("sync.bad_code", retry=False)
        cert_pem = fetch_certificate(code.url, code.cert_sha256, proxy)
    key = store.device_signing_key()
    own = logged_changes(store.conn, "device_id = ?", (store.device_id,))
    request = EnrolRequest(token=code.token, device_id=store.device_id,
                           public_key=public_hex(key), head=own[-1].seq if own else 0)
    with HqClient(code.url, store.device_id, key, cert_pem, proxy) as client:
        answer = EnrolResponse.model_validate(client.json(
            "POST", "/v1/enrol", payload=request.model_dump(mode="json")))
    for meta_key, value in (("sync_server_url", code.url), ("sync_cert_sha256",
                            code.cert_sha256 or ""), ("sync_cert_pem", cert_pem or ""),
                            ("hq_bundle_recipients", json.dumps(answer.bundle_recipients)),
                            ("hq_recovery_public", answer.recovery_public or ""),
                            ("sync_server_id", answer.server_id)):
        store.set_meta(meta_key, value)
    if answer.recovery_public:
        store.set_recovery(X25519PublicKey.from_public_bytes(
            base64.b64decode(answer.recovery_public)))
    return answer
