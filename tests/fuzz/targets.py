"""Every parser of outside input, as a fuzz target: `check(data: bytes)` must either accept
the input or refuse it with a clear error (an exception of the target's `refusals`, whose
message key, if any, is in the catalogue). Anything else is a failure.

Each target has seeds (valid inputs made with the real writers) that the engines mutate."""

from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from pydantic import ValidationError
from pyrage import x25519

from app.bundles import minisign
from app.bundles.changes import decode_change
from app.bundles.manifest import CHANGES_PREFIX, MANIFEST, Manifest
from app.bundles.reader import BundleReader, DeviceKey
from app.bundles.receipt import check_receipt
from app.bundles.writer import export_bundle, signature_path
from app.domain import Case, Person, Role
from app.errors import HervestError
from app.messages import MESSAGES
from app.store import Store
from app.store.keyslots import KdfParams, KeyFile
from app.store.merge import apply_remote
from sync.protocol import EnrolmentCode, PullResponse, PushRequest
from sync.signing import sign_headers
from sync.signing import verify as verify_request
from tests.fuzz.hostile import xlsx_far_cell

FAST_KDF = KdfParams(2, 19 * 1024)
PASSPHRASE = "fuzz passphrase 2026"


class UnclearError(AssertionError):
    """A refusal whose message key is not in the catalogue: the user would see a key."""


@dataclass(frozen=True)
class Target:
    name: str
    run: Callable[[bytes], object]
    refusals: tuple[type[BaseException], ...]
    seeds: Callable[[], list[bytes]]

    def check(self, data: bytes) -> None:
        """Raise only for a failure: a crash, or an unclear refusal."""
        try:
            self.run(data)
        except self.refusals as error:
            if isinstance(error, HervestError) and error.key not in MESSAGES:
                raise UnclearError(f"message key {error.key!r} is not in the catalogue") from error


@functools.cache
def workspace() -> Path:
    return Path(tempfile.mkdtemp(prefix="hervest-fuzz-"))


@functools.cache
def laptop() -> Store:
    """A real field database with a recovery slot and two demo cases (made once)."""
    from app.demo import DemoGenerator

    store = Store.create(workspace() / "laptop.db", "delegate", Role.IND, PASSPHRASE,
                         kdf=FAST_KDF, recovery_public=hq_recovery().public_key())
    DemoGenerator(store, 5).run(2)
    return store


@functools.cache
def hq_recovery() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


@functools.cache
def hq_identity() -> x25519.Identity:
    return x25519.Identity.generate()


# -- key-slot file ---------------------------------------------------------------------------
def keyfile_seeds() -> list[bytes]:
    return [KeyFile.path_for(laptop().path).read_bytes()]


def keyfile_run(data: bytes) -> None:
    db = workspace() / "slots.db"
    KeyFile.path_for(db).write_bytes(data)
    keyfile = KeyFile.load(db)
    for name in ("delegate", "somebody"):
        with contextlib.suppress(HervestError):
            keyfile.unwrap_user(name, PASSPHRASE)
    keyfile.unwrap_recovery(hq_recovery())


# -- bundles -----------------------------------------------------------------------------------
@functools.cache
def bundle_plaintext() -> bytes:
    """The decrypted tar stream of a real bundle exported from the laptop."""
    out = workspace() / "seed.age"
    export_bundle(laptop(), out, [str(hq_identity().to_public())])
    return pyrage.decrypt(out.read_bytes(), [hq_identity()])


def _device() -> DeviceKey:
    return DeviceKey(laptop().device_signing_key().public_key().public_bytes_raw())


def signed_bundle_run(plaintext: bytes) -> None:
    """An insider with a valid device key signs whatever tar stream they like: the content
    checks (tar framing, change lines, content addresses, manifest) must refuse it."""
    path = workspace() / "fuzzed.age"
    path.write_bytes(pyrage.encrypt(plaintext, [hq_identity().to_public()]))
    data = path.read_bytes()
    record = minisign.TrustedRecord("fuzz", laptop().device_id, hashlib.sha256(data).hexdigest())
    signature_path(path).write_text(minisign.sign(
        laptop().device_signing_key(), hashlib.blake2b(data).digest(), record))
    BundleReader(path, [hq_identity()], lambda device: _device()).verify()


def outer_bundle_run(data: bytes) -> None:
    """Anyone can put bytes on a stick: a signature file (first line of the input is the
    length of it) and an .age file. Nothing without the device's signature is read."""
    head, _, rest = data.partition(b"\n")
    cut = int(head) if head.isdigit() else 0
    path = workspace() / "stick.age"
    path.write_bytes(rest[cut:])
    signature_path(path).write_bytes(rest[:cut])
    BundleReader(path, [hq_identity()], lambda device: _device()).verify()


def outer_bundle_seeds() -> list[bytes]:
    out = workspace() / "outer-seed.age"
    if not out.exists():
        export_bundle(laptop(), out, [str(hq_identity().to_public())])
    signature = signature_path(out).read_bytes()
    return [str(len(signature)).encode() + b"\n" + signature + out.read_bytes()]


def bundle_members() -> dict[str, bytes]:
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(bundle_plaintext()), mode="r:") as tar:
        return {m.name: tar.extractfile(m).read() for m in tar.getmembers()}  # type: ignore[union-attr]


def manifest_seeds() -> list[bytes]:
    return [bundle_members()[MANIFEST]]


def change_line_seeds() -> list[bytes]:
    lines = next(data for name, data in bundle_members().items()
                 if name.startswith(CHANGES_PREFIX))
    return lines.splitlines()[:3]


def minisign_seeds() -> list[bytes]:
    return [outer_bundle_seeds()[0].split(b"\n", 1)[1][:int(outer_bundle_seeds()[0].split(
        b"\n", 1)[0])]]


# -- QR payload of the paper receipt -------------------------------------------------------------
def receipt_run(data: bytes) -> None:
    check_receipt(data.decode("utf-8", errors="replace"), "0" * 64)


def receipt_seeds() -> list[bytes]:
    return [("0" * 64 + "|HERVEST-BUNDLE|bundle=b|device=d|file=f.age|size=1|seq=1-2|"
             "changes=2|attachments=0").encode()]


# -- sync: enrolment codes, payloads, signed requests, a hostile server's pull page ----------------
def enrolment_run(data: bytes) -> None:
    EnrolmentCode.decode(data.decode("utf-8", errors="replace"))


def enrolment_seeds() -> list[bytes]:
    return [EnrolmentCode(url="https://hq.example:8443", cert_sha256="ab" * 32,
                          token="t" * 43).encode().encode()]


def push_run(data: bytes) -> None:
    request = PushRequest.model_validate_json(data)
    apply_remote(laptop(), [c.to_change() for c in request.changes])


@functools.cache
def foreign_changes() -> list[dict]:
    """Changes as another laptop logs them: a case and a person, made for real."""
    from sync.protocol import ChangeModel

    other = Store.create(workspace() / "other.db", "other", Role.HQ_COORDINATOR, PASSPHRASE,
                         kdf=FAST_KDF)  # HQ makes cases
    with other.write() as uow:
        case = uow.insert(Case(unhcr_case_number="DEMO-FUZZ-1", host_country="EGY"))
        uow.insert(Person(case_id=case.id, given_name="Fuzzy", family_name="Demo"))
        changes = uow.changes
    other.close()
    return [ChangeModel.of(c).model_dump() for c in changes]


def push_seeds() -> list[bytes]:
    return [json.dumps({"changes": foreign_changes()}).encode()]


def pull_run(data: bytes) -> None:
    """What the sync client does with a pull page from the server (session.pull)."""
    page = PullResponse.model_validate_json(data)
    apply_remote(laptop(), [c.to_change() for c in page.changes], page.server_seqs)


def pull_seeds() -> list[bytes]:
    changes = foreign_changes()
    return [json.dumps({"changes": changes, "server_seqs": list(range(1, len(changes) + 1)),
                        "cursor": len(changes), "more": False}).encode()]


@functools.cache
def request_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def signed_request_run(data: bytes) -> None:
    """The server's check of a signed request's headers (the input is their JSON)."""
    headers = json.loads(data)
    if not isinstance(headers, dict):
        raise ValueError("not an object")
    public = request_key().public_key().public_bytes_raw().hex()
    verify_request(public, {str(k): str(v) for k, v in headers.items()}, "POST", "/v1/push",
                   b"{}")


def signed_request_seeds() -> list[bytes]:
    return [json.dumps(sign_headers(request_key(), "device", "POST", "/v1/push",
                                    b"{}")).encode()]


# -- UNHCR referral files (CSV, XLSX) and saved column mappings -----------------------------------
@functools.cache
def hq_desk() -> Store:
    return Store.create(workspace() / "hq-desk.db", "coordinator", Role.HQ_COORDINATOR,
                        PASSPHRASE, kdf=FAST_KDF)


REFERRAL_ROWS = [
    ["Zaaknummer", "Persoonsnummer", "Voornaam", "Achternaam", "Geboortedatum", "Geslacht",
     "Nationaliteit", "Relatie", "Opvangland"],
    ["DEMO-EGY-0000001", "DEMO-EGY-0000001-01", "Omar", "Haddad", "14-03-1987", "M", "SYR",
     "PA", "EGY"],
    ["DEMO-EGY-0000001", "DEMO-EGY-0000001-02", "Huda", "Haddad", "1990", "V", "SYR",
     "echtgenote", "EGY"],
]


def referral_run(suffix: str) -> Callable[[bytes], object]:
    def run(data: bytes) -> None:
        from app.services import referral_import

        path = workspace() / f"referral{suffix}"
        path.write_bytes(data)
        report = referral_import.check(hq_desk(), path)
        referral_import.apply(hq_desk(), report)
    return run


def referral_csv_seeds() -> list[bytes]:
    lines = [";".join(row) for row in REFERRAL_ROWS]
    return [("\ufeff" + "\r\n".join(lines) + "\r\n").encode(),
            "\n".join(",".join(row) for row in REFERRAL_ROWS).encode()]


def referral_xlsx_seeds() -> list[bytes]:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in REFERRAL_ROWS:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    far = workspace() / "far-cell.xlsx"  # mutations start from a hostile grid too
    return [out.getvalue(), xlsx_far_cell(far).read_bytes()]


def mapping_run(data: bytes) -> None:
    from app.services import referral_import

    path = workspace() / "mapping.json"
    path.write_bytes(data)
    referral_import.load_mapping(path)


TARGETS: dict[str, Target] = {t.name: t for t in (
    Target("keyslots", keyfile_run, (HervestError,), keyfile_seeds),
    Target("bundle-outer", outer_bundle_run, (HervestError,), outer_bundle_seeds),
    Target("bundle-content", signed_bundle_run, (HervestError,),
           lambda: [bundle_plaintext()]),
    Target("bundle-manifest", Manifest.from_bytes, (HervestError,), manifest_seeds),
    Target("bundle-change-line", decode_change, (ValueError,),
           change_line_seeds),
    Target("minisign", lambda d: minisign.parse(d.decode("utf-8", errors="replace")),
           (HervestError,), minisign_seeds),
    Target("minisign-public-key",
           lambda d: minisign.parse_public_key_file(d.decode("utf-8", errors="replace")),
           (HervestError,), lambda: [minisign.public_key_file(os.urandom(32)).encode()]),
    Target("receipt-qr", receipt_run, (HervestError,), receipt_seeds),
    Target("enrolment-code", enrolment_run, (HervestError,), enrolment_seeds),
    Target("sync-push", push_run, (ValidationError, HervestError), push_seeds),
    Target("sync-pull", pull_run, (ValidationError, HervestError), pull_seeds),
    Target("signed-request", signed_request_run, (ValueError,), signed_request_seeds),
    Target("referral-csv", referral_run(".csv"), (HervestError,), referral_csv_seeds),
    Target("referral-xlsx", referral_run(".xlsx"), (HervestError,), referral_xlsx_seeds),
    Target("referral-mapping", mapping_run, (HervestError,),
           lambda: [b'{"unhcr_case_number": "Zaaknummer", "given_name": "Voornaam"}']),
)}


def b64(data: bytes) -> str:  # for failure reports: inputs may be binary
    return base64.b64encode(data[:2000]).decode()
