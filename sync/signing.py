"""Request signing with the device's Ed25519 key.

The signature covers method, path and query, a timestamp, a random nonce, the device id
and the SHA-256 of the body. HQ refuses a timestamp outside the window and a nonce it has
seen within it, so a captured request cannot be replayed (TLS aside)."""

from __future__ import annotations

import base64
import hashlib
import os
import time

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

WINDOW_S = 300
MAX_DEVICE_ID = 36  # a UUID as text (app.ids)
DEVICE, TIME, NONCE, SIGNATURE = ("x-hervest-device", "x-hervest-time", "x-hervest-nonce",
                                  "x-hervest-signature")


def message(method: str, target: str, timestamp: str, nonce: str, device_id: str,
            body: bytes) -> bytes:
    return "\n".join((method.upper(), target, timestamp, nonce, device_id,
                      hashlib.sha256(body).hexdigest())).encode()


def sign_headers(key: Ed25519PrivateKey, device_id: str, method: str, target: str,
                 body: bytes) -> dict[str, str]:
    timestamp, nonce = str(int(time.time())), os.urandom(16).hex()
    signature = key.sign(message(method, target, timestamp, nonce, device_id, body))
    return {DEVICE: device_id, TIME: timestamp, NONCE: nonce,
            SIGNATURE: base64.b64encode(signature).decode()}


def check_headers(headers: dict[str, str], now: float | None = None) -> str | None:
    """The reason to refuse a request's signature headers as such, else None: checked
    before its body is read, so a stranger's request costs HQ no more than its headers."""
    try:
        timestamp, nonce, device_id = headers[TIME], headers[NONCE], headers[DEVICE]
        signature = base64.b64decode(headers[SIGNATURE], validate=True)
        skew = abs((now or time.time()) - int(timestamp))
    except (KeyError, ValueError):
        return "malformed signature headers"
    if skew > WINDOW_S:
        return f"timestamp more than {WINDOW_S} s off"
    if len(nonce) != 32:
        return "malformed nonce"
    if not 0 < len(device_id) <= MAX_DEVICE_ID or len(signature) > 128:
        return "malformed signature headers"
    return None


def verify(public_hex: str, headers: dict[str, str], method: str, target: str,
           body: bytes, now: float | None = None) -> str | None:
    """None when the request is good, else the reason to refuse it (for the record)."""
    reason = check_headers(headers, now)
    if reason is not None:
        return reason
    try:
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_hex)).verify(
            base64.b64decode(headers[SIGNATURE]), message(
                method, target, headers[TIME], headers[NONCE], headers[DEVICE], body))
    except (InvalidSignature, ValueError):
        return "bad signature"
    return None


def public_hex(key: Ed25519PrivateKey) -> str:
    return key.public_key().public_bytes_raw().hex()
