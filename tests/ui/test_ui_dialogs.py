"""The toolbar's dialogs with real parts: About, conflict resolution on a conflict made by
two laptops merging, a real PDF report, a real bundle import at HQ (and a tampered one
refused), enrolment against a real HQ server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import app
from app.bundles import minisign
from app.bundles.reader import file_digests
from app.bundles.receipt import grouped
from app.bundles.writer import RECIPIENTS_META, export_bundle
from app.domain import Case, Conflict, Mission, Outcome, Role
from app.domain.records import AssessmentRecord
from app.store import Store
from sync.protocol import EnrolmentCode
from sync.server.app import HqKeys as ServerKeys
from sync.server.store import open_server_store
from tests.bundles.conftest import HqKeys
from tests.conftest import FAST_KDF, PASSPHRASE, as_admin
from tests.services.test_conflicts import conflicted_pair
from tests.sync.sync_helpers import LiveServer
from ui.bundle_import import ImportBundleDialog
from ui.dialogs import AboutDialog
from ui.enrol import EnrolDialog
from ui.main_window import MainWindow
from ui.qt import QFileDialog
from ui.report_dialog import ReportDialog


def test_about_shows_version_schema_and_device(qtbot, ind_store: Store) -> None:
    dialog = AboutDialog(ind_store)
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert app.__version__ in text and ind_store.device_id in text
    assert f"<td>{ind_store.schema_version}</td>" in text
    assert "not enrolled" in text


def test_conflicts_page_resolves_a_conflict(qtbot, tmp_path: Path) -> None:
    a, b, conflict = conflicted_pair(tmp_path)
    b.close()
    window = MainWindow(a)  # an IND delegate: assessments are theirs to resolve
    qtbot.addWidget(window)
    page = window.conflicts
    window.show_page(next(i for i, (_, p) in enumerate(window._page_list) if p is page))
    model = page.table.model()
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(6)][:5] == [
        "DEMO-C-0001", "IND assessments", "Art. 29(1)(a) Vw (refugee)", "Not met", "Met"]
    page.keep_remote.click()
    assert a.get(AssessmentRecord, conflict.row_id).art29a == Outcome.MET
    assert a.get(Conflict, conflict.id).resolved
    assert model.rowCount() == 0 and page.empty.isVisibleTo(page)
    assert not page.keep_local.isEnabled()
    a.close()


def test_hq_sees_an_assessment_conflict_but_may_not_resolve_it(qtbot, tmp_path: Path) -> None:
    a, b, conflict = conflicted_pair(tmp_path)
    b.close()
    with as_admin(a):
        hq = a.add_user("hq", Role.HQ_COORDINATOR, PASSPHRASE, kdf=FAST_KDF)
    a.user = hq
    window = MainWindow(a)
    qtbot.addWidget(window)
    page = window.conflicts
    page.reload()
    assert page.table.model().rowCount() == 1
    page.keep_remote.click()
    assert "may not change IND assessments" in page.message.text()
    assert a.get(AssessmentRecord, conflict.row_id).art29a == Outcome.NOT_MET
    assert not a.get(Conflict, conflict.id).resolved
    assert page.table.model().rowCount() == 1  # still listed, for IND to resolve
    a.close()


def test_report_dialog_writes_a_real_pdf(qtbot, ind_store: Store, tmp_path: Path) -> None:
    mission = ind_store.select(Mission, limit=1)[0]
    dialog = ReportDialog(ind_store, mission.id, None)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentText() == "Mission report"
    assert dialog.subject.currentData() == mission.id  # the mission in view comes first
    target = tmp_path / "mission-report.pdf"
    dialog.write(target)
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in dialog.message.text() and dialog.save_button.isEnabled()
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert mission.name in text


def test_report_dialog_offers_the_open_case(qtbot, ind_store: Store) -> None:
    case = ind_store.select(Case, limit=1)[0]
    dialog = ReportDialog(ind_store, case.mission_id, case.id)
    qtbot.addWidget(dialog)
    kinds = [dialog.kind.itemText(i) for i in range(dialog.kind.count())]
    assert "Case summary" in kinds


def _import_dialog(qtbot, hq_store: Store, bundle: Path, keys: HqKeys,
                   pub: Path) -> ImportBundleDialog:
    dialog = ImportBundleDialog(hq_store)
    qtbot.addWidget(dialog)
    dialog.bundle.edit.setText(str(bundle))
    dialog.identity.edit.setText(str(keys.identity_file))
    dialog.device_key.edit.setText(str(pub))
    return dialog


def _exported(laptop: Store, folder: Path, keys: HqKeys) -> tuple[Path, Path]:
    bundle = folder / "field.age"
    export_bundle(laptop, bundle, keys.recipients)
    pub = folder / "field.pub"
    pub.write_text(minisign.public_key_file(
        laptop.device_signing_key().public_key().public_bytes_raw()))
    return bundle, pub


def test_import_dialog_imports_a_real_bundle(qtbot, laptop: Store, hq_store: Store,
                                             hq_keys: HqKeys, tmp_path: Path) -> None:
    bundle, pub = _exported(laptop, tmp_path, hq_keys)
    dialog = _import_dialog(qtbot, hq_store, bundle, hq_keys, pub)
    results: list[object] = []
    dialog.imported.connect(results.append)
    dialog.import_button.click()
    assert results and results[0].applied > 0
    assert hq_store.count(Case) == laptop.count(Case) == 12
    assert dialog.import_button.isEnabled() and not dialog.progress.isVisibleTo(dialog)
    assert results[0].manifest.bundle_id in dialog.message.text()


def test_import_dialog_refuses_a_tampered_bundle(qtbot, laptop: Store, hq_store: Store,
                                                 hq_keys: HqKeys, tmp_path: Path) -> None:
    bundle, pub = _exported(laptop, tmp_path, hq_keys)
    raw = bytearray(bundle.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    bundle.write_bytes(bytes(raw))
    dialog = _import_dialog(qtbot, hq_store, bundle, hq_keys, pub)
    results: list[object] = []
    dialog.imported.connect(results.append)
    dialog.import_button.click()
    assert not results and hq_store.count(Case) == 0
    message = dialog.message.text()
    assert "signature does not match" in message and "Nothing was imported" in message


def test_import_dialog_checks_the_paper_receipt(qtbot, laptop: Store, hq_store: Store,
                                                hq_keys: HqKeys, tmp_path: Path) -> None:
    bundle, pub = _exported(laptop, tmp_path, hq_keys)
    sha256 = file_digests(bundle)[0]
    dialog = _import_dialog(qtbot, hq_store, bundle, hq_keys, pub)
    dialog.receipt.setText("0" * 64)  # a receipt of another stick
    dialog.import_button.click()
    assert "does NOT match" in dialog.message.text() and hq_store.count(Case) == 0
    dialog.receipt.setText(grouped(sha256).upper())  # typed from the paper, in blocks
    dialog.import_button.click()
    assert hq_store.count(Case) == laptop.count(Case)
    assert grouped(sha256) in dialog.message.text()


def test_import_dialog_asks_for_every_file(qtbot, hq_store: Store, tmp_path: Path) -> None:
    dialog = ImportBundleDialog(hq_store)
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    assert "Choose the bundle" in dialog.message.text()
    for field in (dialog.bundle, dialog.identity, dialog.device_key):
        field.edit.setText(str(tmp_path / "absent.age"))
    dialog.import_button.click()
    assert "File not found" in dialog.message.text()


def test_enrol_dialog_refuses_a_malformed_code(qtbot, ind_store: Store) -> None:
    dialog = EnrolDialog(ind_store)
    qtbot.addWidget(dialog)
    dialog.code.setPlainText("HRV1-this-is-not-a-code")
    dialog.enrol_button.click()
    assert not dialog.succeeded and dialog.enrol_button.isEnabled()
    assert "enrolment code is not valid" in dialog.message.text()
    assert ind_store.meta("sync_server_url") is None


def test_enrol_dialog_enrols_with_a_live_hq(qtbot, ind_store: Store, tmp_path: Path) -> None:
    server_store = open_server_store(f"sqlite:///{tmp_path / 'hq-server.sqlite'}", tmp_path)
    server_store.add_user("ind", Role.IND)
    try:
        with LiveServer(server_store, ServerKeys(["age1example"], None)) as server:
            token = server_store.create_enrolment("ind", "ind-laptop")
            code = EnrolmentCode(url=server.url, cert_sha256=None, token=token).encode()
            dialog = EnrolDialog(ind_store)
            qtbot.addWidget(dialog)
            # Pasted from a PDF: broken across lines.
            dialog.code.setPlainText("\n".join(code[i:i + 40] for i in range(0, len(code), 40)))
            dialog.enrol_button.click()
            assert dialog.succeeded, dialog.message.text()
            assert ind_store.meta("sync_server_url") == server.url
            assert server.url in dialog.message.text()
            dialog.enrol_button.click()  # the code is one-time: a second use is refused
            assert "already used" in dialog.message.text()
            assert ind_store.meta("sync_server_url") == server.url
    finally:
        server_store.close()



def _export_from_window(qtbot, monkeypatch, laptop: Store, keys: HqKeys,
                        target: Path) -> tuple[MainWindow, list[str]]:
    laptop.set_meta(RECIPIENTS_META, json.dumps(keys.recipients))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = MainWindow(laptop)
    qtbot.addWidget(window)
    messages: list[str] = []
    window.transfers.finished.connect(messages.append)
    return window, messages


def test_export_from_the_window_can_be_cancelled(qtbot, monkeypatch, laptop: Store,
                                                 hq_keys: HqKeys, tmp_path: Path) -> None:
    target = tmp_path / "out" / "field.age"
    target.parent.mkdir()
    window, messages = _export_from_window(qtbot, monkeypatch, laptop, hq_keys, target)
    status = window.sync_status
    shown = status.show_progress

    def press_cancel_once_busy(done: int, total: int) -> None:
        shown(done, total)
        if status.cancel.isVisibleTo(status):
            status.cancel.click()  # the real button, while the export is under way

    monkeypatch.setattr(status, "show_progress", press_cancel_once_busy)
    window.transfers.export_bundle()
    assert messages == ["Cancelled."]
    assert list(target.parent.iterdir()) == []  # no bundle, no signature, no temp file
    assert laptop.scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'bundle-export'") == 0
    assert window.transfers.running is None

    monkeypatch.setattr(status, "show_progress", shown)  # no Cancel: the export completes
    window.transfers.export_bundle()
    assert messages[-1] == f"Bundle written: {target}"
    assert target.read_bytes()[:21] == b"age-encryption.org/v1"
