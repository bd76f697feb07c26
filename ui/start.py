"""First start (create a database, or a demo mission) and the unlock dialog. Key
derivation (Argon2id, about half a second) and demo generation run in a worker, so the
window keeps painting; a wrong passphrase says so and the growing delay is shown."""

from __future__ import annotations

import math
import string
from pathlib import Path
from typing import Any

from app.domain import Role
from app.store import Store
from app.store.database import MIN_PASSPHRASE
from app.store.throttle import Throttle
from ui.labels import label
from ui.ops import Op, error_text
from ui.qt import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTimer,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.widgets import add_rows, message_label, ok_cancel

DEMO_PASSPHRASE_HINT = 10
ROLES = (Role.IND, Role.COA, Role.BMA, Role.BUZA, Role.HQ_COORDINATOR, Role.HQ_MEDICAL,
         Role.ADMIN)


def strength_bits(passphrase: str) -> float:
    """A rough entropy estimate from length and character classes (a hint, not a rule)."""
    pool = sum(size for chars, size in ((string.ascii_lowercase, 26),
                                        (string.ascii_uppercase, 26), (string.digits, 10),
                                        (string.punctuation + " ", 33))
               if any(c in chars for c in passphrase))
    pool += 100 if any(ord(c) > 127 for c in passphrase) else 0
    return len(passphrase) * math.log2(pool) if pool else 0.0


def strength_hint(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        return translate("Start", "Too short: at least %1 characters.").replace("%1",
                                                                        str(MIN_PASSPHRASE))
    bits = strength_bits(passphrase)
    if bits < 50:
        return translate("Start", "Weak: add words or characters.")
    if bits < 75:
        return translate("Start", "Fair: a longer sentence is stronger.")
    return translate("Start", "Strong.")


def _busy(dialog: QDialog, buttons: QDialogButtonBox, busy: bool) -> None:
    buttons.setEnabled(not busy)
    for edit in dialog.findChildren(QLineEdit):
        edit.setEnabled(not busy)


class FirstStartDialog(QDialog):
    """No database yet: make one for the first user, or a demo mission to try things."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.store: Store | None = None
        self.setWindowTitle(translate("Start", "Welcome to Hervest"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Start", "There is no database on this computer yet.")))
        self.new_db = QRadioButton(translate("Start", "Create a &new database"))
        self.demo = QRadioButton(translate("Start", "Create a &demo mission (fictional data)"))
        self.new_db.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.new_db, self.demo):
            group.addButton(button)
            layout.addWidget(button)
        form = QFormLayout()
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.display = QLineEdit()
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(label(role), role.value)
        self.role.setCurrentIndex(ROLES.index(Role.IND))
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setObjectName("again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(strength_hint(""))
        self.hint.setObjectName("hint")
        self.cases = QSpinBox()
        self.cases.setRange(10, 100_000)
        self.cases.setValue(300)
        self.cases.setEnabled(False)
        self.demo.toggled.connect(self.cases.setEnabled)
        add_rows(form, ((translate("Start", "&User name"), self.user),
                        (translate("Start", "Full &name"), self.display),
                        (translate("Start", "&Role"), self.role),
                        (translate("Start", "&Passphrase"), self.passphrase),
                        (translate("Start", "&Again"), self.again), ("", self.hint),
                        (translate("Start", "Demo &cases"), self.cases)))
        layout.addLayout(form)
        self.message = message_label("message")
        layout.addWidget(self.message)
        self.buttons = ok_cancel(self, self.create)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(lambda text: self.hint.setText(strength_hint(text)))

    def create(self) -> None:
        name, passphrase = self.user.text().strip(), self.passphrase.text()
        if not name:
            self.message.setText(translate("Start", "Enter a user name."))
            return
        if passphrase != self.again.text():
            self.message.setText(translate("Start", "The two passphrases differ."))
            return
        role, display = Role(self.role.currentData()), self.display.text().strip()
        demo_cases = self.cases.value() if self.demo.isChecked() else 0
        path = self.path

        def work(_: Any, report: Any) -> Store:
            store = Store.create(path, name, role, passphrase, display_name=display)
            if demo_cases:
                from app.demo import DemoGenerator

                try:
                    DemoGenerator(store, 1).run(demo_cases, report)
                except BaseException:
                    store.close()
                    raise
            return store

        _busy(self, self.buttons, True)
        self.message.setText(translate("Start", "Creating the database…"))
        op = Op(None, work, title=translate("Start", "Creating the demo mission…") if demo_cases
                else "", parent=self, use_clone=False)
        op.succeeded.connect(self._created)
        op.failed.connect(self._failed)
        op.start()

    def _created(self, store: Store) -> None:
        # The worker's connection moves to the GUI thread (check_same_thread is off).
        self.store = store
        self.accept()

    def _failed(self, error: object) -> None:
        _busy(self, self.buttons, False)
        self.message.setText(error_text(error))


class UnlockDialog(QDialog):
    """User name and passphrase. A wrong one says so; after a few the wait grows
    (app/store/throttle.py) and the dialog counts it down."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.store: Store | None = None
        self.setWindowTitle(translate("Start", "Unlock Hervest"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Start", "<h3>Unlock the mission database</h3>")))
        form = QFormLayout()
        # Not prefilled: the name would have to be kept outside the encrypted store, where
        # a seized laptop shows it (a hash could only confirm a name typed in full).
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        add_rows(form, ((translate("Start", "&User name"), self.user),
                        (translate("Start", "&Passphrase"), self.passphrase)))
        layout.addLayout(form)
        self.message = message_label("message")
        layout.addWidget(self.message)
        self.wait = QLabel()
        self.wait.setObjectName("wait")
        layout.addWidget(self.wait)
        self.buttons = ok_cancel(self, self.unlock)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("Start", "&Unlock"))
        layout.addWidget(self.buttons)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self.user.setFocus()
        self._tick()

    def unlock(self) -> None:
        path, name, passphrase = self.path, self.user.text().strip(), self.passphrase.text()
        _busy(self, self.buttons, True)
        self.message.setText(translate("Start", "Unlocking…"))
        op = Op(None, lambda _s, _r: Store.open(path, name, passphrase), parent=self,
                use_clone=False)
        op.succeeded.connect(self._opened)
        op.failed.connect(self._failed)
        op.start()

    def _opened(self, store: Store) -> None:
        self.store = store
        self.accept()

    def _failed(self, error: object) -> None:
        _busy(self, self.buttons, False)
        self.passphrase.clear()
        self.passphrase.setFocus()
        self.message.setText(error_text(error))
        self._tick()

    def _tick(self) -> None:
        """While the throttle makes the user wait, say how long and keep Unlock off."""
        wait = Throttle(self.path).wait_seconds()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(wait == 0)
        if wait:
            self.wait.setText(translate("Start", "Too many failed attempts: wait %1 seconds.")
                              .replace("%1", str(wait)))
            self._countdown.start()
        else:
            self._countdown.stop()
            self.wait.clear()
