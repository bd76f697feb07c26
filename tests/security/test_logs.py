"""The log file and crash reports keep ids, keys and counts, and drop personal data."""

import logging
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.errors import HervestError
from app.logs import REDACTED, describe_exception, setup_logging

ROOT = Path(__file__).resolve().parents[2]
NAME, NUMBER, ARABIC = "Mohammed Al-Demo", "EGY-24C01234", "محمد"
CASE_ID = "01931c2e-7f3a-7c3e-8abc-0123456789ab"


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    # setup_logging replaces the process-wide hooks: give them back after the test.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield setup_logging(logging.DEBUG, tmp_path / "logs")
    for handler in set(root.handlers) - set(before):
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)
    logging.captureWarnings(False)


def written(path: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return path.read_text("utf-8")


def test_arguments_keep_ids_keys_counts_and_drop_names(log_file):
    log = logging.getLogger("hervest.test")
    log.info("imported %d persons into case %s (%s)", 3, CASE_ID, "persons")
    log.info("unlock failed: %s", HervestError("unlock.wrong", name=NAME))
    log.info("person %s %s saved", NAME, NUMBER)
    log.warning("search for %r", ARABIC)
    text = written(log_file)
    assert f"imported 3 persons into case {CASE_ID} (persons)" in text
    assert "unlock failed: unlock.wrong" in text
    assert f"person {REDACTED} {REDACTED} saved" in text
    for secret in (NAME, NUMBER, ARABIC, "Mohammed"):
        assert secret not in text


def test_text_pasted_into_the_message_itself_is_scrubbed(log_file):
    log = logging.getLogger("hervest.test")
    log.info(f"case {NUMBER} of '{NAME}' by {ARABIC} mail x.y@example.org")
    log.warning(f"loaded {NAME} and El-Masry")  # a name pasted in without quotes
    text = written(log_file)
    for secret in (NAME, NUMBER, ARABIC, "x.y@example.org", "Mohammed", "Al-Demo", "Masry"):
        assert secret not in text
    assert "loaded" in text


def test_exceptions_keep_type_key_and_frames_not_message(log_file):
    def fails() -> None:
        try:
            int(NAME)
        except ValueError as exc:
            raise HervestError("import.bad_row", name=NAME) from exc

    try:
        fails()
    except HervestError:
        logging.getLogger("hervest.test").exception("import failed")
    text = written(log_file)
    assert "app.errors.HervestError [import.bad_row]" in text
    assert "builtins.ValueError" in text and "in fails" in text
    assert NAME not in text and "Mohammed" not in text


def test_log_folder_and_file_are_private(log_file):
    logging.getLogger("hervest.test").info("hello")
    written(log_file)
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700


def test_log_rotates_and_rotated_files_stay_private(log_file, monkeypatch):
    handler = next(h for h in logging.getLogger().handlers if hasattr(h, "maxBytes"))
    monkeypatch.setattr(handler, "maxBytes", 2000)
    for n in range(200):
        logging.getLogger("hervest.test").info("line %d of the rotation test", n)
    files = sorted(log_file.parent.glob("hervest.log*"))
    assert len(files) > 2
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)


def test_unhandled_exception_writes_a_crash_report_without_personal_data(tmp_path):
    """A real process dies of an exception carrying a name; the report has only frames."""
    logs = tmp_path / "logs"
    script = ("import app.logs as l; l.setup_logging(); "
              f"d = {{'name': {NAME!r}}}; raise KeyError(d['name'] + ' {NUMBER}')")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HERVEST_LOG_DIR": str(logs),
           "HERVEST_LANG": "en"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert "A report without personal data is in" in done.stderr
    assert NAME not in done.stderr and NUMBER not in done.stderr
    reports = list((logs / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1
    report = reports[0].read_text("utf-8")
    assert "builtins.KeyError" in report
    assert stat.S_IMODE(reports[0].stat().st_mode) == 0o600
    for text in (report, (logs / "hervest.log").read_text("utf-8")):
        assert NAME not in text and NUMBER not in text and "Mohammed" not in text


def test_exception_description_follows_causes():
    try:
        try:
            raise OSError(28, "No space left", f"/home/{NAME}/x")
        except OSError as exc:
            raise HervestError("store.disk_full") from exc
    except HervestError as exc:
        described = describe_exception(exc)
    assert described.splitlines()[0] == "app.errors.HervestError [store.disk_full]"
    assert "builtins.OSError" in described and NAME not in described
