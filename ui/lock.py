"""Locking: after the idle time (default 10 minutes) or on Ctrl+L the window shows only a
lock page. Open forms stay where they are and their drafts are saved first, so nothing
typed is lost; unlocking checks the passphrase the same way as at start (throttled)."""

from __future__ import annotations

import time

from app.store import Store
from app.store.throttle import Throttle
from ui.ops import Op, error_text
from ui.qt import (
    QApplication,
    QEvent,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut}


class IdleWatcher(QObject):
    """Emits `idle` once no key or mouse input reached the app for `seconds`."""

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._timer.start(self._interval())
        QApplication.instance().installEventFilter(self)

    def _interval(self) -> int:
        return int(min(1.0, self.seconds / 4) * 1000)

    def set_seconds(self, seconds: float) -> None:
        self.seconds = seconds
        self._timer.start(self._interval())
        self.touch()

    def touch(self) -> None:
        self._last = time.monotonic()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self._last = time.monotonic()
        return False

    def _check(self) -> None:
        if time.monotonic() - self._last >= self.seconds:
            self._last = time.monotonic()
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        QApplication.instance().removeEventFilter(self)


class LockPage(QWidget):
    """What a locked window shows: who it belongs to and a passphrase field."""

    unlocked = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        name = store.user.display_name if store.user else ""
        title = QLabel(translate("Lock", "<h2>Hervest is locked</h2>"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        who = QLabel(translate("Lock", "Locked for %1. Your open forms are kept.")
                     .replace("%1", name))
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(who)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("lockPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(translate("Lock", "Passphrase"))
        self.passphrase.setFixedWidth(320)
        self.passphrase.returnPressed.connect(self.try_unlock)
        layout.addWidget(self.passphrase, 0, Qt.AlignmentFlag.AlignHCenter)
        self.button = QPushButton(translate("Lock", "&Unlock"))
        self.button.clicked.connect(self.try_unlock)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message)
        layout.addStretch(2)

    def reset(self) -> None:
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setFocus()

    def try_unlock(self) -> None:
        """Check the passphrase by opening the database once more (the same throttled path
        as at start), then close that extra connection."""
        path, name, passphrase = self.store.path, self.store.user.name, self.passphrase.text()
        self.button.setEnabled(False)
        self.passphrase.clear()
        op = Op(None, lambda _s, _r: Store.open(path, name, passphrase).close(), parent=self,
                use_clone=False)
        op.succeeded.connect(self._ok)
        op.failed.connect(self._failed)
        op.start()

    def _ok(self, _: object) -> None:
        self.button.setEnabled(True)
        self.message.clear()
        self.unlocked.emit()

    def _failed(self, error: object) -> None:
        self.button.setEnabled(True)
        wait = Throttle(self.store.path).wait_seconds()
        text = error_text(error)
        if wait:
            text += " " + translate("Lock", "Wait %1 seconds.").replace("%1", str(wait))
        self.message.setText(text)
        self.passphrase.setFocus()

