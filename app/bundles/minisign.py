"""The outer signature of a bundle in minisign's format, so `minisign -V` checks it too.

A minisign signature (prehashed, algorithm "ED") is Ed25519 over the BLAKE2b-512 of the
file, plus a second Ed25519 signature over (signature || trusted comment), so the comment
cannot be changed either. Hervest's trusted comment is one line of JSON naming the bundle,
the device and the SHA-256 of the file: the same record the paper receipt's QR code carries.
Format: https://jedisct1.github.io/minisign/ (signature and public key files)."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.errors import HervestError

PREHASHED = b"ED"
KEY_ALGORITHM = b"Ed"
TRUSTED_PREFIX = "trusted comment: "


def key_id(public_key: bytes) -> bytes:
    """minisign key ids are 8 arbitrary bytes; derived from the key, the same key always
    gets the same id, so a laptop needs no extra state."""
    return hashlib.sha256(b"hervest minisign key id" + public_key).digest()[:8]


def public_key_file(public_key: bytes) -> str:
    """The text of a minisign public key file (`minisign -V -p FILE`)."""
    kid = key_id(public_key)
    blob = base64.b64encode(KEY_ALGORITHM + kid + public_key).decode()
    return f"untrusted comment: minisign public key {kid[::-1].hex().upper()}\n{blob}\n"


@dataclass(frozen=True)
class TrustedRecord:
    """What the outer signature vouches for; also printed as the receipt's QR code."""
    bundle_id: str
    device_id: str
    sha256: str

    def to_json(self) -> str:
        return json.dumps({"bundle_id": self.bundle_id, "device_id": self.device_id,
                           "sha256": self.sha256}, sort_keys=True, separators=(",", ":"))


def sign(key: Ed25519PrivateKey, blake2b_512: bytes, record: TrustedRecord) -> str:
    """The text of a .minisig file for a file whose BLAKE2b-512 digest is given."""
    public = key.public_key().public_bytes_raw()
    signature = key.sign(blake2b_512)
    comment = record.to_json()
    global_signature = key.sign(signature + comment.encode())
    return (f"untrusted comment: hervest bundle {record.bundle_id}\n"
            f"{base64.b64encode(PREHASHED + key_id(public) + signature).decode()}\n"
            f"{TRUSTED_PREFIX}{comment}\n"
            f"{base64.b64encode(global_signature).decode()}\n")


@dataclass(frozen=True)
class ParsedSignature:
    key_id: bytes
    signature: bytes
    comment: str
    global_signature: bytes
    record: TrustedRecord


def parse(text: str) -> ParsedSignature:
    """Read a .minisig file; the record is not yet trusted (see `verify`)."""
    try:
        lines = text.splitlines()
        blob = base64.b64decode(lines[1], validate=True)
        if len(lines) < 4 or blob[:2] != PREHASHED or len(blob) != 74:
            raise ValueError("not a prehashed minisign signature")
        if not lines[2].startswith(TRUSTED_PREFIX):
            raise ValueError("no trusted comment")
        comment = lines[2][len(TRUSTED_PREFIX):]
        fields = json.loads(comment)
        record = TrustedRecord(str(fields["bundle_id"]), str(fields["device_id"]),
                               str(fields["sha256"]))
        global_signature = base64.b64decode(lines[3], validate=True)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise HervestError("bundle.corrupt", detail=f"signature file: {exc}") from None
    return ParsedSignature(blob[2:10], blob[10:], comment, global_signature, record)


def verify(parsed: ParsedSignature, public_key: bytes, blake2b_512: bytes) -> None:
    """Both Ed25519 signatures, the key id, nothing else; raise bundle.signature_bad."""
    key = Ed25519PublicKey.from_public_bytes(public_key)
    try:
        if parsed.key_id != key_id(public_key):
            raise InvalidSignature
        key.verify(parsed.signature, blake2b_512)
        key.verify(parsed.global_signature, parsed.signature + parsed.comment.encode())
    except InvalidSignature:
        raise HervestError("bundle.signature_bad") from None


def parse_public_key_file(text: str) -> bytes:
    """The Ed25519 key of a minisign public key file (or its bare base64 line)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    try:
        blob = base64.b64decode(lines[-1], validate=True)
        if blob[:2] != KEY_ALGORITHM or len(blob) != 42:
            raise ValueError("not a minisign Ed25519 public key")
    except (ValueError, IndexError) as exc:
        raise HervestError("bundle.corrupt", detail=f"public key: {exc}") from None
    return blob[10:]
