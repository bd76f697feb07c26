"""Hostile files built for real, each run through the real command line in a child process
whose peak RSS and time are measured: the memory side of the fuzz run
(`python -m tests.fuzz.run` prints the table) and of tests/security/test_hostile_files.py.

The sender of a bundle here is an insider: a laptop enrolled at HQ signs what it likes
with its valid device key. Every child runs under an address-space cap (RLIMIT_AS), so a
reader without bounds fails inside the cap instead of taking the machine down."""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyrage

from app.bundles import minisign
from app.bundles.tarstream import END, member_header, padding
from app.bundles.writer import signature_path
from app.demo import DemoGenerator
from app.domain import Role
from app.store import Store
from app.store.keyslots import KdfParams

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PASS = "hostile passphrase 2026"
FAST_KDF = KdfParams(2, 19 * 1024)
CAP = 3 << 30  # address space of each child: a reproduction never allocates past it
RSS_BOUND_MB = 300  # what a refused hostile input may cost at most
SECONDS_BOUND = 60


@dataclass(frozen=True)
class Measured:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    timed_out: bool


def run_measured(argv: list[str], env: dict[str, str] | None = None,
                 timeout: float = SECONDS_BOUND) -> Measured:
    """Run a command as a child under the address-space cap, through tests.fuzz.measure
    (so the peak RSS is the command's own); its wall time. Killed after `timeout`."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "rss"
        start = time.monotonic()
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.fuzz.measure", str(report), str(CAP), *argv],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
            cwd=ROOT, start_new_session=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
        try:
            out, err = child.communicate(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            out, err = child.communicate()
            timed_out = True
        seconds = time.monotonic() - start
        rss = int(report.read_text()) / 1024 if report.exists() else 0.0
        return Measured(child.returncode, out.decode(errors="replace"),
                        err.decode(errors="replace"), seconds, rss, timed_out)


# -- UNHCR case lists ---------------------------------------------------------------------------
HEADER = ["Zaaknummer", "Persoonsnummer", "Voornaam", "Geboortedatum", "Nationaliteit",
          "Relatie"]


def xlsx_far_cell(path: Path) -> Path:
    """1.6 KB-class XLSX: a header and one cell at XFD1048576 (calamine asked for 512 GiB)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active["XFD1048576"] = "x"
    book.save(path)
    return path


def xlsx_deflate_bomb(path: Path, inflated: int = 512 << 20, lie: bool = False) -> Path:
    """A real workbook whose first sheet holds one inline string cell of `inflated` bytes:
    a few hundred KB of deflate. With `lie`, the zip's directories say the sheet unpacks to
    a few KB (the sizes and CRC there are not to be trusted)."""
    template = io.BytesIO()
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.save(template)
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(path, "w") as bomb:
        for item in source.infolist():
            if item.filename != sheet:
                bomb.writestr(item, source.read(item))
                continue
            head = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                    b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="'
                    b'A1" t="inlineStr"><is><t>')
            info = zipfile.ZipInfo(sheet)
            info.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(info, "w", force_zip64=False) as member:
                member.write(head)
                block = b"A" * (1 << 20)
                for _ in range(inflated >> 20):
                    member.write(block)
                member.write(b"</t></is></c></row></sheetData></worksheet>")
    if lie:
        _shrink_declared_size(path, sheet, 4096)
    return path


def _shrink_declared_size(path: Path, name: str, size: int) -> None:
    """Overwrite a member's uncompressed size in its local and central headers."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(encoded)] == encoded:
                data[at + offset:at + offset + 4] = size.to_bytes(4, "little")
            at += 4
    path.write_bytes(bytes(data))


def csv_sparse(path: Path, size: int = 1 << 30) -> Path:
    """A 1 GB CSV that takes no disk (a sparse file): a header, then zeros."""
    path.write_text(";".join(HEADER) + "\n")
    os.truncate(path, size)
    return path


def csv_wide(path: Path, fields: int = 1_000_000) -> Path:
    """One header line of a million fields (2 MB)."""
    path.write_text(";".join(["a"] * fields) + "\nb\n")
    return path


def csv_long_cell(path: Path, size: int = 1 << 20) -> Path:
    """A CSV whose second line opens a quote and never closes it: one 1 MB cell."""
    path.write_text(";".join(HEADER) + '\n"' + "a" * size + "\n")
    return path


def referral_store(folder: Path) -> Path:
    db = folder / "hq-desk.db"
    Store.create(db, "hq", Role.HQ_COORDINATOR, PASS, kdf=FAST_KDF).close()
    return db


def import_referrals(db: Path, file: Path, lang: str = "en") -> Measured:
    return run_measured([str(BIN / "hervest"), "import", "referrals", str(file), "--db",
                         str(db), "--dry-run"],
                        {"HERVEST_PASSPHRASE": PASS, "HERVEST_USER": "hq", "HERVEST_LANG": lang})


# -- bundles at HQ, from an enrolled laptop ------------------------------------------------
@dataclass
class Hq:
    keys: Path
    url: str
    laptop: Store

    def recipient(self) -> str:
        return (self.keys / "bundle-recipient.txt").read_text().strip()

    def run_import(self, bundle: Path, lang: str = "en") -> Measured:
        return run_measured([str(BIN / "hervest-hq"), "import", str(bundle), "--store",
                             self.url, "--keys", str(self.keys), "--identity",
                             str(self.keys / "bundle-identity.txt")], {"HERVEST_LANG": lang})


    def verify_receipt(self, bundle: Path, pdf: Path) -> Measured:
        return run_measured([str(BIN / "hervest-hq"), "verify-receipt", str(bundle),
                             "--receipt", str(pdf)])


def hq_with_laptop(folder: Path) -> Hq:
    """`hervest-hq keygen`, an HQ store, and a laptop with demo cases enrolled at it."""
    from sync.server.cli import main as hq_main
    from tests.bundles.test_server_import import enrol

    keys = folder / "keys"
    with contextlib.redirect_stdout(io.StringIO()):  # keygen lists the files it wrote
        assert hq_main(["keygen", "--out", str(keys)]) == 0
    url = f"sqlite:///{folder / 'hq-server.db'}"
    laptop = Store.create(folder / "laptop.db", "field", Role.IND, PASS, kdf=FAST_KDF)
    DemoGenerator(laptop, 3).run(2)
    enrol(url, laptop)
    return Hq(keys, url, laptop)


def real_bundle(hq: Hq, out: Path) -> Path:
    from tests.bundles.test_server_import import export_to_hq

    export_to_hq(hq.laptop, hq.keys, out)
    return out


def signed_bundle(hq: Hq, out: Path, members: list[tuple[str, bytes, int | None]]) -> Path:
    """A tar stream of the insider's choosing, encrypted to HQ and signed with the laptop's
    valid device key. A member: (name, its bytes, the size its header declares if that is
    not their length)."""
    stream = bytearray()
    for name, data, size in members:
        stream += member_header(name, len(data) if size is None else size)
        stream += data + padding(len(data))
    stream += END
    out.write_bytes(pyrage.encrypt(bytes(stream), [pyrage.x25519.Recipient.from_str(
        hq.recipient())]))
    data = out.read_bytes()
    record = minisign.TrustedRecord("hostile", hq.laptop.device_id,
                                    hashlib.sha256(data).hexdigest())
    signature_path(out).write_text(minisign.sign(hq.laptop.device_signing_key(),
                                                 hashlib.blake2b(data).digest(), record))
    return out


def long_change_line(hq: Hq, out: Path, size: int = 32 << 20) -> Path:
    """A changes member of 32 MB without a newline (the old parser took 289 s)."""
    start = json.dumps({"device_id": hq.laptop.device_id, "seq": 1, "fields": {}})[:-1]
    start += ', "x": "'
    line = start.encode() + b"a" * (size - len(start))
    return signed_bundle(hq, out, [("changes/000001.jsonl", line, None)])


def declared_huge_member(hq: Hq, out: Path) -> Path:
    """A tar header that declares an 8 GB changes member, the most USTAR holds: a bundle's
    form of a bomb (it has no compression layer, so only a declared size can be out of
    proportion to the file)."""
    return signed_bundle(hq, out, [("changes/000001.jsonl", b"", 8 ** 11 - 1)])


def huge_minisig(hq: Hq, out: Path, size: int = 1 << 30) -> Path:
    """A real bundle whose .minisig is the real signature followed by zeros up to 1 GB
    (sparse: the disk is not filled)."""
    real_bundle(hq, out)
    os.truncate(signature_path(out), size)
    return out


def import_bundle_desktop(db: Path, hq: Hq, bundle: Path) -> Measured:
    """`hervest import-bundle` on the HQ desktop database, with the laptop's public key."""
    key = bundle.with_suffix(".pub")
    key.write_text(minisign.public_key_file(
        hq.laptop.device_signing_key().public_key().public_bytes_raw()))
    return run_measured([str(BIN / "hervest"), "import-bundle", str(bundle), "--db", str(db),
                         "--identity", str(hq.keys / "bundle-identity.txt"), "--device-key",
                         str(key)], {"HERVEST_PASSPHRASE": PASS, "HERVEST_USER": "hq"})


def huge_receipt(path: Path, size: int = 1 << 30) -> Path:
    """A "receipt PDF" of 1 GB (sparse) that came with the stick."""
    path.write_bytes(b"%PDF-1.7\n")
    os.truncate(path, size)
    return path


# -- the table the fuzz run prints -----------------------------------------------------------
def hostile_inputs(folder: Path) -> list[tuple[str, Callable[[], Measured], str]]:
    """(what, run it, the message key of the bound that must refuse it)."""
    db = referral_store(folder)
    hq = hq_with_laptop(folder)
    return [
        ("xlsx cell at XFD1048576", lambda: import_referrals(
            db, xlsx_far_cell(folder / "far.xlsx")), "limit.sheet_size"),
        ("xlsx deflate bomb 512 MB", lambda: import_referrals(
            db, xlsx_deflate_bomb(folder / "bomb.xlsx")), "limit.xlsx_unpacked"),
        ("xlsx bomb, sizes lie", lambda: import_referrals(
            db, xlsx_deflate_bomb(folder / "liar.xlsx", lie=True)), "limit.xlsx_unpacked"),
        ("csv 1 GB (sparse)", lambda: import_referrals(
            db, csv_sparse(folder / "big.csv")), "limit.referral_file"),
        ("csv 1,000,000 columns", lambda: import_referrals(
            db, csv_wide(folder / "wide.csv")), "limit.sheet_size"),
        ("csv cell of 1 MB", lambda: import_referrals(
            db, csv_long_cell(folder / "cell.csv")), "limit.csv_cell"),
        (".minisig 1 GB (sparse)", lambda: hq.run_import(
            huge_minisig(hq, folder / "sig.age")), "limit.minisig"),
        (".minisig 1 GB, HQ desktop", lambda: import_bundle_desktop(
            db, hq, huge_minisig(hq, folder / "desk.age")), "limit.minisig"),
        ("change line 32 MB, signed", lambda: hq.run_import(
            long_change_line(hq, folder / "line.age")), "limit.change_line"),
        ("tar member of 8 GB, signed", lambda: hq.run_import(
            declared_huge_member(hq, folder / "tb.age")), "limit.bundle_change_bytes"),
        ("receipt PDF 1 GB (sparse)", lambda: hq.verify_receipt(
            real_bundle(hq, folder / "r.age"), huge_receipt(folder / "r.pdf")),
         "limit.receipt_pdf"),
    ]


def names_bound(text: str, key: str, lang: str = "en") -> bool:
    """Whether a refusal printed the message of `key`: its longest fixed part is there."""
    import re

    from app.messages import MESSAGES

    parts = re.split(r"\{[^}]*\}", MESSAGES[key][lang])
    return max(parts, key=len).strip() in text


def print_table(rows: list[tuple[str, Measured, bool]]) -> None:
    print(f"\n{'hostile input':30} {'exit':>5} {'peak RSS MB':>12} {'seconds':>8}  refused by")
    for what, m, named in rows:
        print(f"{what:30} {m.returncode:>5} {m.peak_rss_mb:>12.0f} {m.seconds:>8.1f}  "
              f"{'its bound' if named else 'NOT its bound'}{' (timed out)' * m.timed_out}")


def run_all(folder: Path) -> list[str]:
    """Run every hostile input, print the table; the failures (not refused by its bound,
    over the RSS or time bound)."""
    rows, failures = [], []
    for what, run, key in hostile_inputs(folder):
        measured = run()
        named = measured.returncode == 2 and names_bound(measured.stderr, key)
        rows.append((what, measured, named))
        if not named or measured.timed_out or measured.peak_rss_mb >= RSS_BOUND_MB:
            failures.append(f"{what}: exit {measured.returncode}, {measured.peak_rss_mb:.0f} MB, "
                            f"{measured.seconds:.1f} s: {measured.stderr.strip()[-300:]}")
    print_table(rows)
    return failures
