"""Background operations (like Anki's CollectionOp/QueryOp): long work runs in the thread
pool on its own database connection (`store.clone()`), reports progress, can be cancelled,
and hands its result back on the GUI thread. Tests run the same code synchronously."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.errors import HervestError
from app.store import Store
from ui.qt import (
    QObject,
    QProgressDialog,
    QRunnable,
    Qt,
    QThreadPool,
    QWidget,
    Signal,
    translate,
)

# fn(store, report) -> result; report(done, total) raises Cancelled once the user cancels.
# The store is a clone for the worker thread (None for work that opens its own database).
Work = Callable[[Any, Callable[[int, int], None]], Any]


_running: set[Op] = set()


class Cancelled(Exception):
    """Raised inside the work function when the user pressed Cancel."""


class _Signals(QObject):
    progressed = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class Op(QObject):
    """One background operation. Connect `succeeded`/`failed`, then call `start()`."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)
    synchronous = False  # tests set this to run work inline on the calling thread

    def __init__(self, store: Store | None, work: Work, *, title: str = "",
                 parent: QObject | None = None, use_clone: bool = True,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.store, self.work, self.title, self.use_clone = store, work, title, use_clone
        self.pool = pool
        self.cancelled = False
        self._dialog: QProgressDialog | None = None
        self._parent_widget = parent

    def cancel(self) -> None:
        self.cancelled = True

    def notify(self, done: int, total: int) -> None:
        """Progress from inside the work (any thread); total 0 means unknown."""
        self._signals.progressed.emit(done, total)

    def _report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled
        self._signals.progressed.emit(done, total)

    def _run(self) -> None:
        store = self.store.clone() if self.use_clone and self.store else self.store
        signals = self._signals
        try:
            try:
                result = self.work(store, self._report)
            except Exception as error:  # delivered to the GUI thread, shown to the user there
                signals.failed.emit(error)
            else:
                signals.done.emit(result)
        except RuntimeError:  # the window that asked is gone (app closing): nobody to tell
            pass
        finally:
            if store is not None and store is not self.store:
                store.close()

    def start(self) -> Op:
        self._signals = _Signals()
        self._signals.progressed.connect(self._on_progress)
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        if self.title and isinstance(self._parent_widget, QWidget):
            self._dialog = QProgressDialog(self.title, translate("Op", "Cancel"), 0, 0,
                                           self._parent_widget)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(400)  # quick work never flashes a dialog
            self._dialog.canceled.connect(self.cancel)
        _running.add(self)  # keep the Python object alive until the result is back
        if Op.synchronous:
            self._run()
        else:
            (self.pool or QThreadPool.globalInstance()).start(_Runnable(self._run))
        return self

    def _on_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)
        if self._dialog is not None:
            self._dialog.setMaximum(total)
            self._dialog.setValue(done)

    def _close_dialog(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_done(self, result: object) -> None:
        self._close_dialog()
        _running.discard(self)
        self.succeeded.emit(result)

    def _on_failed(self, error: object) -> None:
        self._close_dialog()
        _running.discard(self)
        self.failed.emit(error)


class Reader(QObject):
    """Background reads for the screens (dashboard, sync status, listings): one long-lived
    connection of its own, used by one worker thread at a time, so a 100,000-case query
    never runs on the GUI thread and no connection is opened per request."""

    failed = Signal(str)  # what went wrong, in the user's language

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._clone: Store | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # the clone is used by one thread at a time

    def submit(self, work: Callable[[Store], Any], done: Callable[[Any], None]) -> Op:
        def run(_: Any, _report: Any) -> Any:
            if self._clone is None:
                self._clone = self.store.clone()
            return work(self._clone)

        op = Op(None, run, parent=self, use_clone=False, pool=self.pool)
        op.succeeded.connect(done)
        op.failed.connect(lambda error: self.failed.emit(error_text(error)))
        return op.start()

    def close(self) -> None:
        self.pool.waitForDone()
        if self._clone is not None:
            self._clone.close()
            self._clone = None


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__()
        self.fn = fn

    def run(self) -> None:
        self.fn()


def error_text(error: object) -> str:
    """What the user reads for a failed operation, in their language."""
    if isinstance(error, Cancelled):
        return translate("Op", "Cancelled.")
    if isinstance(error, HervestError):
        from ui.i18n import language

        return error.message(language())
    return translate("Op", "Something went wrong: %1").replace("%1", type(error).__name__)
