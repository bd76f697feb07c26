"""Key slots: the database's random 256-bit key, wrapped once per user and once for HQ.

The slot file sits beside the database (`<db>.keys`). A user slot wraps the key with a
key-encryption key derived from the passphrase by Argon2id (parameters stored with the
slot); the recovery slot wraps it to HQ's X25519 public key (ephemeral-static ECDH + HKDF).
Changing a passphrase or adding a user rewrites the slot file, never the database.

User names are not stored: a slot carries a hash of (database id, name), so a seized
laptop does not list the delegation. The hash is guessable for a known name; that is
accepted (see docs/security.md)."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.atomic import write_atomic
from app.errors import StoreError, UnlockError

FORMAT = "hervest-keyslots"
VERSION = 1
KEY_BYTES = 32
# Floor below which calibration never goes (OWASP's minimum for Argon2id: 19 MiB, t=2).
MIN_MEMORY_KIB = 19 * 1024
MIN_ITERATIONS = 2
DEFAULT_MEMORY_KIB = 64 * 1024
LANES = 4
# Ceilings for parameters read from a slot file (calibration stays far below them).
MAX_ITERATIONS = 64
MAX_MEMORY_KIB = 1 << 20  # 1 GiB
MAX_LANES = 64


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class KdfParams:
    iterations: int
    memory_kib: int
    lanes: int = LANES

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        return Argon2id(salt=salt, length=KEY_BYTES, iterations=self.iterations,
                        lanes=self.lanes, memory_cost=self.memory_kib).derive(
            passphrase.encode("utf-8"))


def calibrate(target_ms: float | None = None) -> KdfParams:
    """Iterations at 64 MiB that take about `target_ms` (HERVEST_KDF_TARGET_MS, default 500)."""
    if target_ms is None:
        target_ms = float(os.environ.get("HERVEST_KDF_TARGET_MS", "500"))
    if target_ms <= 50:
        return KdfParams(MIN_ITERATIONS, MIN_MEMORY_KIB)
    probe = KdfParams(1, DEFAULT_MEMORY_KIB)
    start = time.perf_counter()
    probe.derive("calibration", os.urandom(16))
    per_iteration_ms = max((time.perf_counter() - start) * 1000, 1.0)
    iterations = max(MIN_ITERATIONS, round(target_ms / per_iteration_ms))
    return KdfParams(iterations, DEFAULT_MEMORY_KIB)


def user_hint(db_id: str, name: str) -> str:
    return hashlib.sha256(f"hervest-user|{db_id}|{name.casefold()}".encode()).hexdigest()


def _aad(db_id: str, kind: str, label: str) -> bytes:
    return f"hervest-slot|{db_id}|{kind}|{label}".encode()


def _recovery_kek(shared: bytes, db_id: str) -> bytes:
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None,
                info=f"hervest-recovery|{db_id}".encode()).derive(shared)


def public_key_text(key: X25519PublicKey) -> str:
    return _b64(key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw))


class KeyFile:
    """The slot file of one database."""

    def __init__(self, path: Path, db_id: str, slots: list[dict[str, Any]]) -> None:
        self.path = Path(path)
        self.db_id = db_id
        self.slots = slots

    @staticmethod
    def path_for(db_path: Path) -> Path:
        return Path(f"{db_path}.keys")

    @classmethod
    def new(cls, db_path: Path) -> KeyFile:
        return cls(cls.path_for(db_path), db_id=_b64(os.urandom(16)), slots=[])

    @classmethod
    def load(cls, db_path: Path) -> KeyFile:
        return cls.load_file(cls.path_for(db_path))

    @classmethod
    def load_file(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise StoreError("store.keyfile_missing", path=str(path)) from None
        try:
            doc = json.loads(raw)
            if doc.get("format") != FORMAT or doc.get("version") != VERSION:
                raise ValueError("not a Hervest key file or an unknown version")
            slots = doc["slots"]
            if not isinstance(slots, list) or not isinstance(doc["db_id"], str) or not all(
                    isinstance(slot, dict) for slot in slots):
                raise ValueError("malformed slots")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreError("store.keyfile_damaged", path=str(path), detail=str(exc)) from None
        return cls(path, doc["db_id"], slots)

    def document(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "db_id": self.db_id, "slots": self.slots}

    def save(self) -> None:
        write_atomic(self.path, json.dumps(self.document(), indent=1).encode("utf-8"))

    # -- user slots ---------------------------------------------------------------------
    def _find_user_slot(self, name: str) -> dict[str, Any] | None:
        hint = user_hint(self.db_id, name)
        return next((s for s in self.slots if s.get("kind") == "user" and s.get("hint") == hint),
                    None)

    def has_user(self, name: str) -> bool:
        return self._find_user_slot(name) is not None

    def user_count(self) -> int:
        return sum(1 for s in self.slots if s.get("kind") == "user")

    def set_user(self, user_id: str, name: str, passphrase: str, db_key: bytes,
                 params: KdfParams | None = None) -> None:
        """Add the user's slot, or replace it (a passphrase change)."""
        params = params or calibrate()
        hint = user_hint(self.db_id, name)
        salt, nonce = os.urandom(16), os.urandom(12)
        kek = params.derive(passphrase, salt)
        wrapped = ChaCha20Poly1305(kek).encrypt(nonce, db_key, _aad(self.db_id, "user", hint))
        slot = {"kind": "user", "user_id": user_id, "hint": hint,
                "kdf": {"alg": "argon2id", "iterations": params.iterations,
                        "memory_kib": params.memory_kib, "lanes": params.lanes,
                        "salt": _b64(salt)},
                "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
        self.slots = [s for s in self.slots if s.get("hint") != hint] + [slot]

    def remove_user(self, user_id: str) -> None:
        self.slots = [s for s in self.slots
                      if not (s.get("kind") == "user" and s.get("user_id") == user_id)]

    def unwrap_user(self, name: str, passphrase: str) -> tuple[bytes, str]:
        """The database key and the user id; UnlockError if the name or passphrase is wrong."""
        slot = self._find_user_slot(name)
        if slot is None:
            # Spend the same time as a real attempt so a wrong name is not faster to find.
            calibrate_cost = self.slots[0]["kdf"] if self.slots and "kdf" in self.slots[0] else None
            if calibrate_cost:
                try:
                    self._params(calibrate_cost).derive(passphrase, os.urandom(16))
                except (KeyError, ValueError, TypeError, AttributeError) as exc:
                    raise self._damaged(exc) from None
            raise UnlockError("unlock.wrong")
        try:
            kdf = slot["kdf"]
            kek = self._params(kdf).derive(passphrase, _unb64(kdf["salt"]))
            key = ChaCha20Poly1305(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                                _aad(self.db_id, "user", slot["hint"]))
            user_id = slot["user_id"]
            if not isinstance(user_id, str):
                raise TypeError("user id is not text")
        except InvalidTag:
            raise UnlockError("unlock.wrong") from None
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise self._damaged(exc) from None
        return key, user_id

    def _damaged(self, exc: Exception) -> StoreError:
        return StoreError("store.keyfile_damaged", path=str(self.path), detail=str(exc))

    @staticmethod
    def _params(kdf: dict[str, Any]) -> KdfParams:
        if kdf.get("alg") != "argon2id":
            raise ValueError(f"unknown key derivation {kdf.get('alg')!r}")
        params = KdfParams(int(kdf["iterations"]), int(kdf["memory_kib"]), int(kdf["lanes"]))
        # A tampered slot must not make an unlock run for hours or exhaust memory.
        if not (params.iterations <= MAX_ITERATIONS and params.memory_kib <= MAX_MEMORY_KIB
                and params.lanes <= MAX_LANES):
            raise ValueError("key derivation parameters out of range")
        return params

    # -- recovery slot ------------------------------------------------------------------
    def set_recovery(self, hq_public: X25519PublicKey, db_key: bytes) -> None:
        ephemeral = X25519PrivateKey.generate()
        kek = _recovery_kek(ephemeral.exchange(hq_public), self.db_id)
        label = public_key_text(hq_public)
        nonce = os.urandom(12)
        wrapped = ChaCha20Poly1305(kek).encrypt(nonce, db_key, _aad(self.db_id, "recovery", label))
        slot = {"kind": "recovery", "hq_public": label,
                "ephemeral_public": public_key_text(ephemeral.public_key()),
                "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
        self.slots = [s for s in self.slots
                      if not (s.get("kind") == "recovery" and s.get("hq_public") == label)]
        self.slots.append(slot)

    def unwrap_recovery(self, hq_private: X25519PrivateKey) -> bytes:
        label = public_key_text(hq_private.public_key())
        slot = next((s for s in self.slots
                     if s.get("kind") == "recovery" and s.get("hq_public") == label), None)
        if slot is None:
            raise UnlockError("unlock.no_slot")
        try:
            ephemeral = X25519PublicKey.from_public_bytes(_unb64(slot["ephemeral_public"]))
            kek = _recovery_kek(hq_private.exchange(ephemeral), self.db_id)
            return ChaCha20Poly1305(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped"]),
                                                 _aad(self.db_id, "recovery", label))
        except InvalidTag:
            raise UnlockError("unlock.wrong") from None
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            raise self._damaged(exc) from None
