"""Enrolling this laptop with HQ (`hervest enroll CODE` in a dialog): paste the one-time
code HQ printed; the work (register the device key, pin the certificate, keep HQ's keys)
is `sync.client.enroll`, run in a worker so a slow line never freezes the window."""

from __future__ import annotations

from app.store import Store
from sync.client.enroll import enroll
from ui.i18n import core_text
from ui.ops import Op, error_text
from ui.qt import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.widgets import add_rows, close_with_action, message_label


def _t(text: str) -> str:
    return translate("Enrol", text)


class EnrolDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_t("Enrol with HQ"))
        self.resize(560, 260)
        intro = QLabel(_t("Paste the one-time enrolment code that HQ gave you. This laptop's "
                          "key is registered with HQ; the code cannot be used again."))
        intro.setWordWrap(True)
        self.code = QPlainTextEdit()
        self.code.setObjectName("enrolCode")
        self.code.setTabChangesFocus(True)
        self.code.setPlaceholderText("HRV1-…")
        # Room for a code broken over a few lines, not a page of empty box.
        self.code.setFixedHeight(self.code.fontMetrics().lineSpacing() * 5)
        self.proxy = QLineEdit()
        self.proxy.setObjectName("enrolProxy")
        self.proxy.setPlaceholderText(_t("only if this network needs one, e.g. "
                                         "http://proxy:3128"))
        form = QFormLayout()
        add_rows(form, ((_t("Enrolment &code"), self.code), (_t("&Proxy"), self.proxy)))
        self.message = message_label("enrolMessage")
        current = store.meta("sync_server_url")
        if current:
            self.message.setText(_t("This laptop is enrolled with %1; a new code replaces "
                                    "that enrolment.").replace("%1", current))
        self.buttons, self.enrol_button = close_with_action(self, _t("&Enrol"), "enrolButton",
                                                            self.enrol)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.succeeded = False

    def enrol(self) -> None:
        code = "".join(self.code.toPlainText().split())  # pasted across lines or with spaces
        if not code:
            self.message.setText(_t("Paste the enrolment code first."))
            return
        proxy = self.proxy.text().strip() or None
        self.enrol_button.setEnabled(False)
        self.message.setText(_t("Enrolling with HQ…"))
        op = Op(self.store, lambda store, _report: enroll(store, code, proxy),
                title=_t("Enrolling with HQ…"), parent=self)
        op.succeeded.connect(self._done)
        op.failed.connect(self._failed)
        op.start()

    def _done(self, _answer: object) -> None:
        self.succeeded = True
        self.enrol_button.setEnabled(True)
        self.message.setText(core_text("sync.enrolled", device=self.store.device_id,
                                       url=self.store.meta("sync_server_url")))

    def _failed(self, error: object) -> None:
        self.enrol_button.setEnabled(True)
        self.message.setText(error_text(error))
