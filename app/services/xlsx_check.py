"""What an XLSX file would cost to read, measured before calamine builds its grid.

calamine allocates the whole grid up to the furthest cell that holds a value (one cell at
XFD1048576 asked for 512 GiB and aborted the process), and inflates every part it needs (a
few MB of deflate can unpack to GBs). So each part is inflated here first, as a stream,
counting the bytes it really unpacks to, not what the zip's directory says, and every XML
part goes through expat: no DOCTYPE (so no entity expansion), and every cell with a value
(<v> or <is>) must lie within the sheet bounds. The <dimension> and rows or styled cells
without a value are not bounded: python-calamine 0.9 allocates nothing for them (measured),
and Excel writes styled empty cells far out in formatted sheets."""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO
from xml.parsers import expat

from app import limits
from app.errors import HervestError

READ = 1 << 16
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def check_xlsx(path: Path) -> None:
    """Raise HervestError (naming the bound, or import.unreadable) unless `path` is a zip
    whose parts unpack within bounds and whose sheets fit the row and column bounds."""
    try:
        with zipfile.ZipFile(path) as archive, open(path, "rb") as raw:
            members = archive.infolist()
            limits.XLSX_MEMBERS.check(len(members), path=str(path))
            limits.XLSX_UNPACKED.check(sum(m.file_size for m in members), path=str(path))
            unpacked = 0
            for member in members:
                sheet = _SheetBounds() if member.filename.lower().endswith(".xml") else None
                for block in _inflate(raw, member):
                    unpacked += len(block)
                    limits.XLSX_UNPACKED.check(unpacked, path=str(path))
                    if sheet:
                        sheet.feed(block)
                if sheet:
                    sheet.feed(b"", final=True)
    except (zipfile.BadZipFile, zlib.error, struct.error, expat.ExpatError, ValueError,
            NotImplementedError) as error:  # zipfile: a version or method it does not know
        raise HervestError("import.unreadable", path=str(path), detail=str(error)) from None


def _inflate(raw: BinaryIO, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's bytes as they really unpack, from its compressed data in the file."""
    if member.flag_bits & 0x1:
        raise ValueError(f"{member.filename} is encrypted")
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise ValueError(f"{member.filename}: unsupported compression")
    raw.seek(member.header_offset)
    signature, name_length, extra_length = _LOCAL_HEADER.unpack(raw.read(30))
    if signature != b"PK\x03\x04":
        raise ValueError(f"{member.filename}: bad local header")
    raw.seek(name_length + extra_length, 1)
    inflater = zlib.decompressobj(-15) if member.compress_type == zipfile.ZIP_DEFLATED else None
    left = member.compress_size
    while left > 0 and (data := raw.read(min(READ, left))):
        left -= len(data)
        if inflater is None:
            yield data
            continue
        while data and not inflater.eof:  # at most READ bytes out per step: a bomb stays small
            yield inflater.decompress(data, READ)
            data = inflater.unconsumed_tail


class _SheetBounds:
    """Streams one XML part through expat and refuses a grid larger than the bounds."""

    def __init__(self) -> None:
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.StartDoctypeDeclHandler = self._doctype
        self.parser.EntityDeclHandler = self._doctype
        self.row = self.column = 0
        self.cell: tuple[int, int] | None = None  # (row, column) of the open <c>

    def feed(self, data: bytes, final: bool = False) -> None:
        self.parser.Parse(data, final)

    def _doctype(self, *_: object) -> None:
        raise ValueError("an XML part declares a DOCTYPE or entities")

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(":")[2]
        if tag == "row":
            self.row, self.column, self.cell = _number(attrs.get("r"), self.row + 1), 0, None
        elif tag == "c":  # a cell without a reference is the next one in its row
            self.cell = _cell(attrs.get("r", "")) or (self.row, self.column + 1)
            self.column = self.cell[1]
        elif tag in ("v", "is") and self.cell:
            limits.check_sheet(*self.cell)


def _cell(ref: str) -> tuple[int, int] | None:
    """(row, column) of a reference such as "B7" or "$XFD$1048576"."""
    match = _CELL.fullmatch(ref)
    if not match:
        return None
    column = 0
    for letter in match[1].upper():
        column = column * 26 + ord(letter) - 64
    return int(match[2]), column


def _number(text: str | None, default: int) -> int:
    return int(text) if text and text.isdigit() else default
