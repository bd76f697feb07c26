"""The program's log file and crash reports, written so that they never hold personal data.

A log line may carry ids, entity names, counts and message keys, nothing else: every
argument of a log call passes `safe_value` (numbers, ids, keys, entity names survive; other
text becomes "<redacted>"), the rendered line passes `scrub` (quoted text, UNHCR-style
numbers, e-mail addresses and non-Latin words go), and exceptions are written as their type,
their Hervest message key and their frames, never their message or locals. Files are private
(0600 in a 0700 folder) and rotate at 1 MiB, five kept.

Call `setup_logging()` once at start-up (CLI `main`, desktop app `run`)."""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import os
import platform
import re
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

import platformdirs

import app
from app.errors import HervestError
from app.i18n import register_messages, tr
from app.private import private_dir

APP_NAME = "Hervest"
LOG_FILE = "hervest.log"
MAX_BYTES = 1 << 20
BACKUPS = 5
REDACTED = "<redacted>"

register_messages({
    "crash.reported": {
        "en": "Hervest stopped because of an internal error. Nothing saved was lost. "
              "A report without personal data is in {path}",
        "nl": "Hervest is gestopt door een interne fout. Niets wat bewaard was is verloren. "
              "Een rapport zonder persoonsgegevens staat in {path}",
    },
})

_ID = re.compile(r"[0-9a-f-]{16,64}")  # uuid7 ids, hashes
_KEY = re.compile(r"[a-z][a-z0-9_]*(?:[.-][a-z0-9_]+)+")  # unlock.wrong, apply-insert
_URL_PATH = re.compile(r"(?:https?://[a-z0-9.:\[\]-]+)?/[a-z0-9/_.-]*")
# Anything quoted, UNHCR-style numbers (letters and digits joined by dashes, e.g.
# EGY-24C01234, DEMO-17), e-mail addresses, words in a non-Latin script, and capitalised
# words (names are written so; the program's own log templates are lower case, and a word
# too many redacted in a library's message costs nothing).
_SCRUB = re.compile(
    r"'[^']*'|\"[^\"]*\"|\b[A-Za-z]{2,}-[A-Za-z0-9-]*\d[A-Za-z0-9-]*\b|\S+@\S+"
    r"|\b\w*[^\W\x00-\u024f]\w*\b|\b[A-Z][a-z]+(?:-[A-Za-z][a-z]*)*\b")


def _safe_words() -> frozenset[str]:
    from app.domain import ENTITIES

    return frozenset(ENTITIES)


def safe_value(value: Any) -> Any:
    """A log argument as it may be written: numbers as they are, text only if it is an id,
    a message key, an entity name or a URL path."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, HervestError):
        return value.key
    if isinstance(value, str) and (value in _safe_words() or _ID.fullmatch(value)
                                   or _KEY.fullmatch(value) or _URL_PATH.fullmatch(value)):
        return value
    return REDACTED


def scrub(text: str) -> str:
    return _SCRUB.sub(REDACTED, text)


def describe_exception(exc: BaseException) -> str:
    """Type, message key and frames of an exception (and its causes); no message, no locals."""
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        key = f" [{current.key}]" if isinstance(current, HervestError) else ""
        lines.append(f"{type(current).__module__}.{type(current).__qualname__}{key}")
        for frame in traceback.extract_tb(current.__traceback__):
            lines.append(f"  {_short_path(frame.filename)}:{frame.lineno} in {frame.name}")
        current = current.__cause__ or current.__context__
        if current is not None:
            lines.append("caused by / while handling:")
    return "\n".join(lines)


def _short_path(filename: str) -> str:
    """A source file relative to site-packages or the program, not the user's home."""
    parts = Path(filename).parts
    for anchor in ("site-packages", "app", "ui", "sync", "lib"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor):])
    return Path(filename).name


class PersonalDataFilter(logging.Filter):
    """Rewrites each record in place so that every handler sees only the safe version."""

    def filter(self, record: logging.LogRecord) -> bool:
        # The template is scrubbed before the (already safe) arguments go in, so that ids
        # in arguments come out whole.
        template = scrub(record.msg) if isinstance(record.msg, str) else REDACTED
        if record.args:
            args = record.args if isinstance(record.args, tuple) else (record.args,)
            try:
                template = template % tuple(safe_value(a) for a in args)
            except (TypeError, ValueError, KeyError):
                template = f"{template} (+{len(args)} arguments)"
        record.msg, record.args = template, None
        if record.exc_info and record.exc_info[1] is not None:
            record.msg += "\n" + describe_exception(record.exc_info[1])
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Rotating log whose files are created 0600, whatever the umask."""

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.fchmod(fd, 0o600)
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding)


def log_dir() -> Path:
    return Path(os.environ.get("HERVEST_LOG_DIR")
                or platformdirs.user_log_dir(APP_NAME, appauthor=False))


_installed: list[logging.Handler] = []


def setup_logging(level: int | str | None = None, folder: Path | None = None) -> Path:
    """Log to the private log file and install the crash hooks; returns the log file.

    Safe to call twice (the second call replaces the first set-up)."""
    folder = private_dir(folder or log_dir())
    root = logging.getLogger()
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    handler = PrivateRotatingFileHandler(folder / LOG_FILE, maxBytes=MAX_BYTES,
                                         backupCount=BACKUPS, encoding="utf-8")
    handler.addFilter(PersonalDataFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    _installed[:] = [handler]
    root.addHandler(handler)
    root.setLevel(level or os.environ.get("HERVEST_LOG_LEVEL", "INFO"))
    logging.captureWarnings(True)
    install_crash_hook(folder / "crashes")
    return folder / LOG_FILE


def write_crash_report(exc: BaseException, folder: Path) -> Path:
    """A crash report: program version, platform, exception type, key and frames only."""
    from app.atomic import write_atomic

    now = dt.datetime.now(dt.UTC)
    path = private_dir(folder) / f"crash-{now:%Y%m%dT%H%M%S%fZ}.txt"
    body = (f"Hervest {app.__version__} crash report {now.isoformat(timespec='seconds')}\n"
            f"Python {platform.python_version()} on {platform.system()} {platform.machine()}\n"
            f"thread {threading.current_thread().name}\n\n{describe_exception(exc)}\n")
    write_atomic(path, body.encode("utf-8"))
    return path


def install_crash_hook(folder: Path) -> None:
    """Unhandled exceptions (main and worker threads) become a crash report and one line on
    stderr in the user's language; the default hook would print the exception message."""

    def report(exc_type: type[BaseException], exc: BaseException | None,
               tb: TracebackType | None) -> None:
        if exc is None or issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)  # type: ignore[arg-type]
            return
        exc.__traceback__ = tb
        try:
            path = write_crash_report(exc, folder)
            logging.getLogger("hervest.crash").critical("crash report written",
                                                        exc_info=(exc_type, exc, tb))
        except OSError:  # the disk is full or read-only: still tell the user
            path = folder
        print(tr("crash.reported", path=path), file=sys.stderr)

    sys.excepthook = report
    threading.excepthook = lambda args: report(args.exc_type, args.exc_value,
                                               args.exc_traceback)
