"""Every damaged or foreign bundle is refused with a clear message and nothing is applied.

The outer signature catches any change to the file; the tests that re-sign the file with
the device key show that the layers inside (age's authenticated chunks, the signed
manifest and its digest) refuse the same damage on their own."""

from __future__ import annotations

import hashlib
import io
import random
import tarfile
from pathlib import Path

import pyrage
import pytest
from pyrage import x25519

from app.bundles import minisign
from app.bundles.importer import import_bundle
from app.bundles.reader import DeviceKey
from app.bundles.writer import export_bundle, signature_path
from app.errors import HervestError
from app.store import Store
from tests.bundles.conftest import HqKeys, device_lookup

AGE_CHUNK = 64 * 1024 + 16


@pytest.fixture
def bundle(laptop: Store, hq_keys: HqKeys, tmp_path: Path) -> Path:
    out = tmp_path / "bundle.age"
    export_bundle(laptop, out, hq_keys.recipients)
    return out


def state(store: Store) -> tuple:
    return (store.scalar("SELECT COUNT(*) FROM changes"),
            store.scalar("SELECT COUNT(*) FROM attachment_chunks"),
            store.scalar("SELECT COUNT(*) FROM cases"))


def refused(store: Store, path: Path, keys: HqKeys, devices, key: str | None = None) -> str:
    before = state(store)
    with pytest.raises(HervestError) as caught:
        import_bundle(store, path, [keys.identity], devices)
    assert state(store) == before
    if key:
        assert caught.value.key == key, caught.value.message("en")
    return caught.value.key


def resign(path: Path, laptop: Store) -> None:
    """What only the laptop could do: sign whatever bytes are now in the file."""
    parsed = minisign.parse(signature_path(path).read_text())
    data = path.read_bytes()
    record = minisign.TrustedRecord(parsed.record.bundle_id, parsed.record.device_id,
                                    hashlib.sha256(data).hexdigest())
    signature_path(path).write_text(minisign.sign(laptop.device_signing_key(),
                                                  hashlib.blake2b(data).digest(), record))


def payload_offset(data: bytes) -> int:
    """Where the age payload starts: after the header's MAC line and the 16-byte nonce."""
    return data.index(b"\n", data.index(b"\n--- ") + 1) + 1 + 16


def test_single_byte_flips_refused(bundle: Path, laptop: Store, hq_store: Store,
                                   hq_keys: HqKeys) -> None:
    original = bundle.read_bytes()
    rng = random.Random(20260101)
    devices = device_lookup(laptop)
    for position in rng.sample(range(len(original)), 300):
        data = bytearray(original)
        data[position] ^= 1 << rng.randrange(8)
        bundle.write_bytes(bytes(data))
        refused(hq_store, bundle, hq_keys, devices, "bundle.signature_bad")
    bundle.write_bytes(original)
    assert import_bundle(hq_store, bundle, [hq_keys.identity], devices).applied > 0


def test_flips_refused_inside_even_when_resigned(bundle: Path, laptop: Store,
                                                 hq_store: Store, hq_keys: HqKeys) -> None:
    original = bundle.read_bytes()
    rng = random.Random(7)
    devices = device_lookup(laptop)
    for position in rng.sample(range(len(original)), 120):
        data = bytearray(original)
        data[position] ^= 0x80
        bundle.write_bytes(bytes(data))
        resign(bundle, laptop)
        assert refused(hq_store, bundle, hq_keys, devices) in (
            "bundle.corrupt", "bundle.wrong_recipient")


def test_truncated_refused(bundle: Path, laptop: Store, hq_store: Store,
                           hq_keys: HqKeys) -> None:
    original = bundle.read_bytes()
    devices = device_lookup(laptop)
    cuts = [0, 10, payload_offset(original), len(original) // 2, len(original) - AGE_CHUNK,
            len(original) - 1]
    for cut in cuts:
        bundle.write_bytes(original[:cut])
        refused(hq_store, bundle, hq_keys, devices, "bundle.signature_bad")
        resign(bundle, laptop)
        refused(hq_store, bundle, hq_keys, devices)
    # A whole number of age chunks cut off the end: still refused (age's last-chunk flag).
    bundle.write_bytes(original[:payload_offset(original) + 2 * AGE_CHUNK])
    resign(bundle, laptop)
    refused(hq_store, bundle, hq_keys, devices, "bundle.corrupt")


def test_reordered_chunks_refused(bundle: Path, laptop: Store, hq_store: Store,
                                  hq_keys: HqKeys) -> None:
    data = bundle.read_bytes()
    start = payload_offset(data)
    assert len(data) - start > 4 * AGE_CHUNK
    chunks = [data[start + i * AGE_CHUNK:start + (i + 1) * AGE_CHUNK] for i in range(3)]
    rest = data[start + 3 * AGE_CHUNK:]
    for order in ((1, 0, 2), (0, 2, 1), (2, 1, 0)):
        bundle.write_bytes(data[:start] + b"".join(chunks[i] for i in order) + rest)
        refused(hq_store, bundle, hq_keys, device_lookup(laptop), "bundle.signature_bad")
        resign(bundle, laptop)
        refused(hq_store, bundle, hq_keys, device_lookup(laptop), "bundle.corrupt")


def test_swapped_signature_refused(bundle: Path, laptop: Store, hq_store: Store,
                                   hq_keys: HqKeys, tmp_path: Path) -> None:
    other = tmp_path / "other.age"
    with laptop.write() as uow:
        uow.audit("something")  # audit only: same changes, a different bundle
    export_bundle(laptop, other, hq_keys.recipients)
    assert other.read_bytes() != bundle.read_bytes()
    signature_path(bundle).write_bytes(signature_path(other).read_bytes())
    refused(hq_store, bundle, hq_keys, device_lookup(laptop), "bundle.signature_bad")
    signature_path(bundle).unlink()
    refused(hq_store, bundle, hq_keys, device_lookup(laptop), "bundle.signature_missing")
    signature_path(bundle).write_text("untrusted comment: x\nnot base64\n")
    refused(hq_store, bundle, hq_keys, device_lookup(laptop), "bundle.corrupt")


def test_other_recipient_refused(laptop: Store, hq_store: Store, hq_keys: HqKeys,
                                 tmp_path: Path) -> None:
    out = tmp_path / "elsewhere.age"
    export_bundle(laptop, out, [str(x25519.Identity.generate().to_public())])
    refused(hq_store, out, hq_keys, device_lookup(laptop), "bundle.wrong_recipient")


def test_unknown_and_revoked_devices_refused(bundle: Path, laptop: Store, hq_store: Store,
                                             hq_keys: HqKeys) -> None:
    refused(hq_store, bundle, hq_keys, device_lookup(hq_store), "bundle.unknown_device")
    refused(hq_store, bundle, hq_keys, device_lookup(laptop, revoked=True),
            "bundle.revoked_device")
    impostor = DeviceKey(hq_store.device_signing_key().public_key().public_bytes_raw())
    refused(hq_store, bundle, hq_keys, {laptop.device_id: impostor}.get, "bundle.signature_bad")


def _rewrite_plaintext(bundle: Path, laptop: Store, hq_keys: HqKeys, edit) -> None:
    """Decrypt, edit the tar, re-encrypt and re-sign: a forger holding the outer key only."""
    plain = io.BytesIO()
    with open(bundle, "rb") as fh:
        pyrage.decrypt_io(fh, plain, [hq_keys.identity])
    members = []
    with tarfile.open(fileobj=io.BytesIO(plain.getvalue()), mode="r:") as tar:
        for info in tar.getmembers():
            members.append((info, tar.extractfile(info).read()))
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:", format=tarfile.USTAR_FORMAT) as tar:
        for info, data in edit(members):
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with open(bundle, "wb") as fh:
        pyrage.encrypt_io(io.BytesIO(out.getvalue()), fh, [hq_keys.identity.to_public()])
    resign(bundle, laptop)


@pytest.mark.parametrize("edit", [
    lambda ms: [(i, d.replace(b'"op":"insert"', b'"op":"delete"', 1)) for i, d in ms],
    lambda ms: [m for m in ms if not m[0].name.startswith("attachments/")],
    lambda ms: [ms[1], ms[0], *ms[2:]],
    lambda ms: [m for m in ms if m[0].name != "manifest.sig"],
    lambda ms: [(i, d[:-1] + bytes([d[-1] ^ 1]) if i.name == "manifest.sig" else d)
                for i, d in ms],
], ids=["change-edited", "attachment-dropped", "members-reordered", "no-signature",
        "manifest-signature-bad"])
def test_inner_layer_refuses_forgery(bundle: Path, laptop: Store, hq_store: Store,
                                     hq_keys: HqKeys, edit) -> None:
    _rewrite_plaintext(bundle, laptop, hq_keys, edit)
    refused(hq_store, bundle, hq_keys, device_lookup(laptop), "bundle.corrupt")


def test_unchanged_rewrite_is_accepted(bundle: Path, laptop: Store, hq_store: Store,
                                       hq_keys: HqKeys) -> None:
    """The forgery helper itself keeps a bundle valid: the refusals above are the edits."""
    _rewrite_plaintext(bundle, laptop, hq_keys, lambda ms: ms)
    assert import_bundle(hq_store, bundle, [hq_keys.identity], device_lookup(laptop)).applied
