"""Copying a UNHCR number without leaving it on the clipboard: the copy is cleared when the
app locks or quits, or after a timeout (default 30 s), and only if the clipboard still
holds what we put there (the user may have copied something else since).

The copy also carries the hints clipboard managers honour to keep it out of their history
(KDE Klipper's password hint; Windows clipboard history and cloud clipboard).

Hook for the lock: `secure_clipboard.clear()` in `MainWindow.lock`."""

from __future__ import annotations

from ui.qt import QCoreApplication, QGuiApplication, QMimeData, QObject, QTimer

DEFAULT_TIMEOUT_S = 30
_NOT_IN_HISTORY = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": (0).to_bytes(4, "little"),
    "CanUploadToCloudClipboard": (0).to_bytes(4, "little"),
}


class SecureClipboard(QObject):
    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_s = timeout_s
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        QCoreApplication.instance().aboutToQuit.connect(self.clear)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        for kind, value in _NOT_IN_HISTORY.items():
            mime.setData(kind, value)
        QGuiApplication.clipboard().setMimeData(mime)
        self._ours = text
        self._timer.start(int(self.timeout_s * 1000))

    def clear(self) -> None:
        """Empty the clipboard if it still holds our copy; leave anything else alone."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._ours is not None and clipboard.text() == self._ours:
            clipboard.clear()
        self._ours = None


_shared: SecureClipboard | None = None


def shared() -> SecureClipboard:
    """The app's one secure clipboard (made on first use, after the QApplication)."""
    global _shared
    if _shared is None:
        _shared = SecureClipboard(parent=QCoreApplication.instance())
    return _shared


def copy(text: str) -> None:
    shared().copy(text)


def clear() -> None:
    if _shared is not None:
        _shared.clear()
