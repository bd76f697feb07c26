"""Always visible in the status bar: changes waiting for HQ, the last successful sync,
the last error, and the progress of a running sync/export/import."""

from __future__ import annotations

import html

from app.store import Store
from ui import data
from ui.ops import Reader
from ui.qt import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTimer,
    QWidget,
    Signal,
    translate,
)

POLL_MS = 5000


class SyncStatusWidget(QWidget):
    cancel_requested = Signal()

    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        self.cancel = QPushButton(translate("Status", "Cancel"))
        self.cancel.hide()
        self.cancel.clicked.connect(self.cancel_requested)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(POLL_MS)
        self.refresh()

    def refresh(self) -> None:
        # Counting a big outbox (all of a demo mission) takes ~0.2 s: off the GUI thread.
        self.reader.submit(data.sync_status, self.show_status)

    def show_status(self, status: data.SyncStatus) -> None:
        text = translate("Status", "Not sent: %1 · Last sync: %2").replace(
            "%1", str(status.pending)).replace(
            "%2", status.last_success[:16].replace("T", " ") if status.last_success
            else translate("Status", "never"))
        if status.last_error:
            text += " · " + translate("Status", "Last error: %1").replace(
                "%1", html.escape(status.last_error[:80]))
        self.label.setText(text)

    def stop(self) -> None:
        self._timer.stop()

    def show_progress(self, done: int, total: int) -> None:
        """Progress of a running operation (total 0: unknown, a busy bar); hidden again
        once done reaches a known total."""
        running = total == 0 or done < total
        self.progress.setVisible(running)
        self.cancel.setVisible(running)
        self.progress.setMaximum(total)
        self.progress.setValue(done)
