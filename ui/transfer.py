"""Sync with HQ and export bundles, in a worker: the status bar shows progress and offers
Cancel; the GUI thread only hears progress and the result. The work itself lives in
`sync.client.runner` (Qt-free) and `app.bundles.writer`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import HervestError
from app.store import Store
from ui.ops import Op, error_text
from ui.qt import QFileDialog, QObject, QWidget, Signal, translate
from ui.status import SyncStatusWidget

if TYPE_CHECKING:
    from sync.client.session import SyncReport


def _t(text: str) -> str:
    return translate("Transfer", text)


def _sync_done(report: SyncReport) -> str:
    """Changes set aside (none of HQ's laptops could apply them) are said, not hidden."""
    if not report.set_aside:
        return _t("Sync finished.")
    from ui.i18n import core_text

    return f"{_t('Sync finished.')} {core_text('merge.set_aside_count', count=report.set_aside)}"


class Transfers(QObject):
    finished = Signal(str)  # a message for the status bar

    def __init__(self, store: Store, status: SyncStatusWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.store, self.status, self.window = store, status, parent
        self.running: Op | None = None
        status.cancel_requested.connect(self.cancel)
        self._cancel = lambda: None

    def cancel(self) -> None:
        self._cancel()

    def _start(self, op: Op, done_text: str | Callable[[Any], str]) -> None:
        """`done_text`: the message on success, or how to say it from the op's result."""
        self.running = op
        op.progressed.connect(self.status.show_progress)
        op.succeeded.connect(lambda result: self._done(
            done_text(result) if callable(done_text) else done_text))
        op.failed.connect(lambda error: self._done(error_text(error)))
        self.status.show_progress(0, 0)
        op.start()

    def _done(self, text: str) -> None:
        self.running = None
        self.status.show_progress(1, 1)
        self.status.refresh()
        self.finished.emit(text)

    def sync_now(self) -> None:
        if self.running is not None:
            return
        from sync.client.runner import SyncRunner

        op_ref: list[Op] = []
        runner = SyncRunner(self.store.clone, lambda _stage, done, total: op_ref[0].notify(
            done, total or 0))
        self._cancel = runner.cancel.set  # stops between batches; nothing half-applied
        op = Op(None, lambda _s, _r: runner.sync_once(), parent=self, use_clone=False)
        op_ref.append(op)
        self._start(op, _sync_done)

    def export_bundle(self) -> None:
        if self.running is not None:
            return
        from app.bundles.writer import default_recipients, export_bundle

        recipients = default_recipients(self.store)
        if not recipients:
            self.finished.emit(error_text(HervestError("bundle.no_recipients")))
            return
        target, _ = QFileDialog.getSaveFileName(self.window, _t("Export bundle"),
                                                "hervest-export.age", "age (*.age)")
        if not target:
            return
        # Cancel stops the writer between chunks (a busy bar: the size is not known
        # beforehand); the half-written temp file is removed, nothing appears at target.
        op = Op(self.store, lambda store, report: export_bundle(
            store, Path(target), recipients, check=lambda: report(0, 0)), parent=self)
        self._cancel = op.cancel
        self._start(op, _t("Bundle written: %1").replace("%1", target))
