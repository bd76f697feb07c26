"""Everything the app writes is private to the user who runs it: a seized or shared
laptop must not show, by mode alone, what Hervest holds or for whom (issue 13, finding 10).

The root is the process umask (`private_process`, set first thing by both command-line
entry points), so every folder and file that Python, SQLCipher or Qt creates is born
0700/0600. `private_dir`/`tighten` fix what an older version left more open (the data
folder was 0755, Hervest.conf 0644) and what a library writes with a mode of its own."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def private_process() -> None:
    os.umask(UMASK)


def tighten(path: Path) -> None:
    """Folder 0700, file 0600, if it exists (a read-only medium stays as it is)."""
    with contextlib.suppress(FileNotFoundError, PermissionError, OSError):
        mode = DIR_MODE if stat.S_ISDIR(os.stat(path).st_mode) else FILE_MODE
        os.chmod(path, mode)


def private_dir(path: Path) -> Path:
    """The folder, made (with its missing parents) or tightened to 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    os.chmod(path, DIR_MODE)
    return path
