"""A bundle's plaintext is a plain tar stream, so `age -d ... | tar t` lists it.

Written without a seekable file (headers are built per member, sizes are known up front)
and read with a push parser fed by the age decryptor, so neither side ever holds more
than one block of a member in memory."""

from __future__ import annotations

import tarfile
from collections.abc import Callable, Iterable, Iterator

BLOCK = tarfile.BLOCKSIZE
END = b"\0" * (2 * BLOCK)
MTIME = 0  # members carry no timestamps: the manifest says when the bundle was made


def member_header(name: str, size: int) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, MTIME, 0o600
    return info.tobuf(format=tarfile.USTAR_FORMAT, encoding="utf-8", errors="strict")


def padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


class ChunkReader:
    """A file-like `read(n)` over an iterator of byte chunks (what the age encryptor pulls)."""

    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks: Iterator[bytes] = iter(chunks)
        self._buffer = memoryview(b"")

    def read(self, n: int = -1) -> bytes:
        while not self._buffer:
            chunk = next(self._chunks, None)
            if chunk is None:
                return b""
            self._buffer = memoryview(chunk)
        if n < 0:
            n = len(self._buffer)
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return bytes(out)


class TarPushParser:
    """Feed decrypted bytes with `write`; members arrive through three callbacks.

    Anything that is not a well-formed USTAR stream ending in zero blocks raises
    ValueError, including non-zero bytes after the end."""

    def __init__(self, on_start: Callable[[str, int], None], on_data: Callable[[bytes], None],
                 on_end: Callable[[], None]) -> None:
        self._on_start, self._on_data, self._on_end = on_start, on_data, on_end
        self._pending = bytearray()
        self._remaining = 0  # bytes of the current member still to come
        self._pad = 0  # padding bytes after it
        self._in_member = False
        self._zero_blocks = 0

    def write(self, data: bytes) -> int:
        view = memoryview(data)
        while view:
            if self._in_member:
                take = min(len(view), self._remaining)
                if take:
                    self._on_data(bytes(view[:take]))
                    self._remaining -= take
                    view = view[take:]
                if self._remaining == 0:
                    self._in_member = False
                    self._on_end()
                continue
            if self._pad:
                take = min(len(view), self._pad)
                if any(view[:take]):
                    raise ValueError("non-zero tar padding")
                self._pad -= take
                view = view[take:]
                continue
            take = min(len(view), BLOCK - len(self._pending))
            self._pending += view[:take]
            view = view[take:]
            if len(self._pending) == BLOCK:
                self._header(bytes(self._pending))
                self._pending.clear()
        return len(data)

    def flush(self) -> None:
        """The age library flushes its output; nothing is buffered here beyond one header."""

    def _header(self, block: bytes) -> None:
        if block == b"\0" * BLOCK:  # the end: two or more zero blocks (tar pads records)
            self._zero_blocks += 1
            return
        if self._zero_blocks >= 2:
            raise ValueError("data after the end of the tar stream")
        if self._zero_blocks:
            raise ValueError("tar member after an end block")
        try:
            info = tarfile.TarInfo.frombuf(block, "utf-8", "strict")
        except tarfile.TarError as exc:
            raise ValueError(f"bad tar header: {exc}") from None
        if not info.isreg():
            raise ValueError(f"unexpected tar member type for {info.name}")
        self._on_start(info.name, info.size)
        self._remaining, self._pad, self._in_member = info.size, -info.size % BLOCK, True
        if info.size == 0:
            self._in_member = False
            self._on_end()

    def close(self) -> None:
        """Call after the decryptor finished: the stream must have ended properly."""
        if self._in_member or self._pad or self._pending or self._zero_blocks < 2:
            raise ValueError("the tar stream ends early")
