"""Always visible in the status bar: changes waiting for HQ, the last successful sync,
the last error, and the progress of a running sync/export/import."""

from __future__ import annotations

import html

from app.store import Store
from ui import data
from ui.ops import Reader
from ui.qt import QHBoxLayout, QLabel, QProgressBar, QTimer, QWidget, translate

POLL_MS = 5000


class SyncStatusWidget(QWidget):
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
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
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
        """Progress of a running operation; hidden again once done == total."""
        self.progress.setVisible(done < total)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
