"""A copied UNHCR number leaves the clipboard on lock, on timeout and on quit, unless the
user has copied something else since (real Qt clipboard, offscreen)."""

import pytest

from ui import secure_clipboard
from ui.qt import QGuiApplication
from ui.secure_clipboard import SecureClipboard

NUMBER = "DEMO-EGY-0000042-01"


@pytest.fixture
def clipboard(qapp):
    QGuiApplication.clipboard().clear()
    yield QGuiApplication.clipboard()
    QGuiApplication.clipboard().clear()


def test_lock_clears_our_copy(clipboard):
    secure_clipboard.copy(NUMBER)
    assert clipboard.text() == NUMBER
    assert clipboard.mimeData().data("x-kde-passwordManagerHint").data() == b"secret"
    secure_clipboard.clear()  # what MainWindow.lock calls
    assert clipboard.text() == ""


def test_timeout_clears_our_copy(clipboard, qtbot):
    guard = SecureClipboard(timeout_s=0.2)
    guard.copy(NUMBER)
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=3000)


def test_what_the_user_copied_since_is_left_alone(clipboard):
    guard = SecureClipboard(timeout_s=30)
    guard.copy(NUMBER)
    clipboard.setText("meeting at 10:00")
    guard.clear()
    assert clipboard.text() == "meeting at 10:00"


def test_quit_clears_our_copy(clipboard, qapp):
    guard = SecureClipboard(timeout_s=30)
    guard.copy(NUMBER)
    qapp.aboutToQuit.emit()
    assert clipboard.text() == ""
