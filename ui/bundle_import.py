"""HQ desktop: import a bundle from a USB stick (`hervest import-bundle` in a dialog).
The bundle is checked (signature by the laptop's key, decryption with HQ's identity) and
merged by `app.bundles.importer` in a worker; a refused bundle changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.bundles.importer import ImportResult, import_bundle
from app.bundles.minisign import parse_public_key_file
from app.bundles.reader import DeviceKey, load_identities
from app.bundles.receipt import grouped
from app.store import Store
from ui.i18n import core_text
from ui.ops import Op, error_text
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.widgets import add_rows, close_with_action, message_label


def _t(text: str) -> str:
    return translate("Import", text)


def import_files(store: Store, bundle: Path, identity: Path, device_key: Path,
                 report: Callable[[int, int], None] | None = None,
                 receipt: str = "") -> ImportResult:
    """The import with HQ's identity file and the laptop's minisign public key file;
    `report(per mille, 1000)` as it reads (raises Cancelled once the user cancels).
    `receipt`: the paper receipt's QR text (a scanner types it) or its typed SHA-256;
    a stick that does not match it is refused before it is decrypted."""
    key = parse_public_key_file(device_key.read_text("utf-8", errors="replace"))
    identities = load_identities(identity)
    # One laptop per bundle: its signature decides whether the key belongs to it.
    return import_bundle(store, bundle, identities, lambda _device: DeviceKey(key),
                         _per_mille(report) if report else None, receipt)


def _per_mille(report: Callable[[int, int], None]) -> Callable[[int, int], None]:
    """Pass on progress only when the per mille changes: the reader calls every 64 KiB."""
    last = [-1]

    def progress(done: int, total: int) -> None:
        step = done * 1000 // max(total, 1)
        if step != last[0]:
            last[0] = step
            report(step, 1000)
    return progress


class FileField(QWidget):
    """A path with a Browse… button."""

    def __init__(self, name: str, caption: str, pattern: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption, self.pattern = caption, pattern
        self.edit = QLineEdit()
        self.edit.setObjectName(name)
        browse = QPushButton(_t("Browse…"))
        browse.clicked.connect(self.browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(browse)
        self.setFocusProxy(self.edit)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.caption, self.edit.text(),
                                              self.pattern)
        if path:
            self.edit.setText(path)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class ImportBundleDialog(QDialog):
    imported = Signal(object)  # the ImportResult

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_t("Import bundle"))
        self.resize(620, 300)
        intro = QLabel(_t("Import a bundle that a mission laptop exported to USB. It is "
                          "checked against the laptop's key before anything is changed; a "
                          "bundle imported twice changes nothing."))
        intro.setWordWrap(True)
        self.bundle = FileField("bundleFile", _t("Bundle"), _t("Bundles (*.age);;All files (*)"))
        self.identity = FileField("identityFile", _t("HQ identity file"),
                                  _t("Identity files (*.txt *.key);;All files (*)"))
        self.device_key = FileField("deviceKeyFile", _t("Laptop public key"),
                                    _t("Public keys (*.pub);;All files (*)"))
        self.receipt = QLineEdit()
        self.receipt.setObjectName("receiptText")
        self.receipt.setPlaceholderText(_t("Scan its QR code or type the SHA-256 on it"))
        form = QFormLayout()
        add_rows(form, ((_t("&Bundle"), self.bundle), (_t("HQ &identity file"), self.identity),
                        (_t("Laptop's public &key"), self.device_key),
                        (_t("Paper &receipt"), self.receipt)))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.op: Op | None = None
        self.message = message_label("importMessage")
        buttons, self.import_button = close_with_action(self, _t("&Import"), "importButton",
                                                        self.start_import)
        self.cancel_button = buttons.addButton(_t("&Stop"), QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(lambda: self.op and self.op.cancel())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def start_import(self) -> None:
        paths = (self.bundle.path(), self.identity.path(), self.device_key.path())
        if None in paths:
            self.message.setText(_t("Choose the bundle, HQ's identity file and the laptop's "
                                    "public key first."))
            return
        missing = next((p for p in paths if not p.is_file()), None)
        if missing is not None:
            self.message.setText(_t("File not found: %1").replace("%1", str(missing)))
            return
        bundle, identity, device_key = paths
        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.message.setText(_t("Checking and importing the bundle…"))
        receipt = self.receipt.text()
        self.op = Op(self.store, lambda store, report: import_files(
            store, bundle, identity, device_key, report, receipt), parent=self)
        self.op.progressed.connect(lambda done, _total: self.progress.setValue(done))
        self.op.succeeded.connect(self._done)
        self.op.failed.connect(self._failed)
        self.op.start()

    def _finish(self, text: str) -> None:
        self.op = None
        self.progress.hide()
        self.cancel_button.hide()
        self.import_button.setEnabled(True)
        self.message.setText(text)

    def _done(self, result: ImportResult) -> None:
        manifest = result.manifest
        set_aside = ("\n" + core_text("merge.set_aside_count", count=result.set_aside)
                     if result.set_aside else "")
        # Without a scanned receipt the operator compares the hash with the paper by eye.
        self._finish(core_text("bundle.imported", bundle_id=manifest.bundle_id,
                               device=manifest.device_id, applied=result.applied,
                               changes=manifest.changes, skipped=result.skipped,
                               attachments=result.attachments_added)
                     + set_aside
                     + "\n" + _t("SHA-256 of the bundle: %1").replace("%1",
                                                                   grouped(result.sha256)))
        self.imported.emit(result)

    def _failed(self, error: object) -> None:
        self._finish(error_text(error))
