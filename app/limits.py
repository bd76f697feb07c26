"""The bounds on every file that comes from outside: a UNHCR case list, a bundle and its
signature off a USB stick, the key files given on a command line. Each is checked before
the step that would cost memory or time in proportion to the input (a spreadsheet grid,
a whole-file read, a change line), and a refusal names the bound that was hit.

The figures leave a wide margin over real use: a referral list has hundreds of rows, a
minisign signature is under 400 bytes, a change line a few KB, a mission's bundle tens of
thousands of changes. Measured at the bounds (tests/fuzz/hostile.py, child processes): the
largest case list let through, 38,000 rows x 64 columns in 61 MB of sheet XML, peaks at
270 MB; a signed bundle of 99,000 changes in 124 MB at 249 MB; every hostile file past a
bound is refused within 2.5 s at under 100 MB."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import HervestError


@dataclass(frozen=True)
class Limit:
    key: str  # the message that names this bound; it gets {limit} and the caller's params
    value: int
    in_bytes: bool = True

    def check(self, found: int, **params: Any) -> None:
        if found > self.value:
            raise self.refusal(**params)

    def refusal(self, **params: Any) -> HervestError:
        return HervestError(self.key, limit=self.shown(), **params)

    def shown(self) -> str:
        if not self.in_bytes:
            return f"{self.value:,}"
        for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
            if self.value >= size:
                return f"{self.value / size:g} {unit}"
        return f"{self.value} bytes"


# UNHCR case lists (app/services/referral_import.py)
REFERRAL_FILE = Limit("limit.referral_file", 32 << 20)  # on disk, CSV or XLSX
CSV_CELL = Limit("limit.csv_cell", 128 << 10)  # so a line is at most 64 cells of this
SHEET_ROWS = Limit("limit.sheet_size", 50_000, in_bytes=False)  # see check_sheet
SHEET_COLUMNS = Limit("limit.sheet_size", 64, in_bytes=False)
XLSX_MEMBERS = Limit("limit.xlsx_unpacked", 1_000, in_bytes=False)
XLSX_UNPACKED = Limit("limit.xlsx_unpacked", 64 << 20)  # all parts inflated, counted as read

# Bundles (app/bundles/reader.py)
MINISIG = Limit("limit.minisig", 4 << 10)
CHANGE_LINE = Limit("limit.change_line", 1 << 20)
BUNDLE_CHANGES = Limit("limit.bundle_changes", 100_000, in_bytes=False)
BUNDLE_CHANGE_BYTES = Limit("limit.bundle_change_bytes", 128 << 20)  # all changes members
BUNDLE_SMALL_MEMBER = Limit("limit.bundle_member", 1 << 20)  # manifest and its signature

# A paper receipt's PDF, read by pdftoppm and zbarimg (sync/server/bundle_commands.py): a
# receipt is one page of a few hundred KB
RECEIPT_PDF = Limit("limit.receipt_pdf", 8 << 20)
RECEIPT_PAGES = 2  # pages rendered to look for the QR code
RECEIPT_SECONDS = Limit("limit.receipt_time", 60, in_bytes=False)  # per tool

# Small files given on a command line: age identities, minisign and recovery public keys,
# a saved column mapping
SMALL_FILE = Limit("limit.small_file", 64 << 10)


def check_sheet(rows: int, columns: int) -> None:
    """A case list's grid, CSV or XLSX: one message naming both bounds, as a user sees it."""
    if rows > SHEET_ROWS.value or columns > SHEET_COLUMNS.value:
        raise HervestError("limit.sheet_size", rows=SHEET_ROWS.shown(),
                           columns=SHEET_COLUMNS.shown(), found_rows=f"{rows:,}",
                           found_columns=f"{columns:,}")


def read_bounded(path: Path, limit: Limit) -> bytes:
    """A whole small file, refused (naming `limit`) before it is read if it is larger. Reads
    at most one byte past the limit, so a file that grows or lies about its size does not
    get in either."""
    path = Path(path)
    limit.check(path.stat().st_size, path=str(path))
    with open(path, "rb") as fh:
        data = fh.read(limit.value + 1)
    limit.check(len(data), path=str(path))
    return data
