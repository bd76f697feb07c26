"""HQ keys: `hervest-hq keygen --out DIR` and reading them back for the server."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.atomic import write_atomic
from app.errors import HervestError

RECIPIENT_FILES = ("bundle-recipient.txt", "escrow-recipient.txt")
STORE_KEY = "store.key"  # raw SQLCipher key of an embedded (sqlite:///) HQ store, hex


def _write(path: Path, text: str, private: bool) -> None:
    if path.exists():
        raise HervestError("store.exists", path=str(path))
    write_atomic(path, text.encode(), 0o600 if private else 0o644)


def keygen(out: Path) -> list[Path]:
    """Signing (Ed25519), bundle and escrow (age X25519), recovery (raw X25519, base64)."""
    out.mkdir(parents=True, exist_ok=True)
    os.chmod(out, 0o700)
    signing = Ed25519PrivateKey.generate()
    recovery = X25519PrivateKey.generate()
    files: dict[str, tuple[str, bool]] = {
        "signing.key": (signing.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()).decode(), True),
        "signing.pub": (signing.public_key().public_bytes(
            serialization.Encoding.PEM,
            serialization.PublicFormat.SubjectPublicKeyInfo).decode(), False),
        "recovery.key": (base64.b64encode(recovery.private_bytes_raw()).decode() + "\n", True),
        "recovery.pub": (base64.b64encode(
            recovery.public_key().public_bytes_raw()).decode() + "\n", False),
        STORE_KEY: (os.urandom(32).hex() + "\n", True),
    }
    for name in ("bundle", "escrow"):
        identity = pyrage.x25519.Identity.generate()
        files[f"{name}-identity.txt"] = (str(identity) + "\n", True)
        files[f"{name}-recipient.txt"] = (str(identity.to_public()) + "\n", False)
    written = []
    for name, (text, private) in files.items():
        _write(out / name, text, private)
        written.append(out / name)
    return written


def load_recipients(key_dir: Path | None) -> list[str]:
    if key_dir is None:
        return []
    return [(key_dir / n).read_text("utf-8").strip() for n in RECIPIENT_FILES
            if (key_dir / n).exists()]


def load_recovery_public(key_dir: Path | None) -> str | None:
    path = key_dir / "recovery.pub" if key_dir else None
    return path.read_text("utf-8").strip() if path and path.exists() else None


def store_key(key_dir: Path | None, create: bool) -> bytes:
    """The key of the embedded HQ store, kept with the other HQ keys (mode 0600). A key
    folder of an older keygen gets one when `create` (the store is new or still plain)."""
    if key_dir is None:
        raise HervestError("hq.store_key_needed")
    path = key_dir / STORE_KEY
    if not path.exists():
        if not create or not key_dir.is_dir():
            raise HervestError("hq.store_key_missing", path=str(path))
        _write(path, os.urandom(32).hex() + "\n", private=True)
    try:
        key = bytes.fromhex(path.read_text("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) != 32:
        raise HervestError("hq.store_key_bad", path=str(path))
    return key
