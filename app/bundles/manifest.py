"""The inner, signed manifest: what a bundle holds, from which device, and the digest of
every member before it. Signed with the device's Ed25519 key inside the encryption, so
only HQ can read it and only the laptop can have written it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app import __version__
from app.errors import HervestError

FORMAT = "hervest-bundle"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
CHANGES_PREFIX = "changes/"
ATTACHMENTS_PREFIX = "attachments/"


@dataclass(frozen=True)
class Manifest:
    bundle_id: str
    created_at: str
    device_id: str
    user_id: str | None
    user_name: str
    mission_id: str | None
    mission_name: str
    seq_min: int
    seq_max: int
    changes: int
    attachments: int
    attachment_bytes: int
    entities: dict[str, int]
    schema_version: int
    payload_sha256: str
    members: int
    format: str = FORMAT
    format_version: int = FORMAT_VERSION
    missing_attachments: list[str] = field(default_factory=list)
    app_version: str = __version__  # the Hervest that wrote it; older bundles lack it

    def to_bytes(self) -> bytes:
        return json.dumps(dataclasses.asdict(self), sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False).encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        try:
            fields: dict[str, Any] = json.loads(data)
            if not isinstance(fields, dict) or fields.get("format") != FORMAT:
                raise ValueError("not a Hervest bundle manifest")
            return cls(**fields)
        except (ValueError, TypeError) as exc:
            raise HervestError("bundle.corrupt", detail=f"manifest: {exc}") from None

    def sign(self, key: Ed25519PrivateKey) -> bytes:
        return key.sign(self.to_bytes())


def verify_manifest(data: bytes, signature: bytes, public_key: bytes) -> Manifest:
    """Check the signature over the exact bytes received, then parse them."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except InvalidSignature:
        raise HervestError("bundle.corrupt", detail="manifest signature") from None
    return Manifest.from_bytes(data)


class PayloadDigest:
    """SHA-256 over each member's name, size and bytes in order: independent of tar framing,
    so writer and reader agree without either hashing headers or padding."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()
        self.members = 0

    def start(self, name: str, size: int) -> None:
        encoded = name.encode()
        self._hash.update(len(encoded).to_bytes(2, "big") + encoded + size.to_bytes(8, "big"))
        self.members += 1

    def update(self, data: bytes) -> None:
        self._hash.update(data)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()
