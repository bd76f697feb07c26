"""Print a PDF report (mission report, case summary, CO attendance sheets, municipality
profile; `app.reports`) for the current mission or case, written where the user chooses,
in a worker. The dialog says plainly that the PDF leaves the encrypted database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.domain import Case, Training
from app.reports.attendance import render_attendance
from app.reports.case_summary import render_case
from app.reports.document import Report, on_each_page
from app.reports.mission import render_mission
from app.reports.municipality import render_municipality
from app.store import Store
from ui import data
from ui.i18n import core_text, language
from ui.ops import Op, error_text
from ui.qt import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.widgets import add_rows, close_with_action, message_label

Render = Callable[[Store, str, Path, str | None], Report]


def _t(text: str) -> str:
    return translate("Reports", text)


class ReportDialog(QDialog):
    def __init__(self, store: Store, mission_id: str | None, case_id: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(_t("Print report"))
        self.resize(560, 260)
        self.kinds: list[tuple[str, Render, list[tuple[str, str]]]] = []
        self._add_kinds(mission_id, case_id)
        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for title, _render, _subjects in self.kinds:
            self.kind.addItem(title)
        self.subject = QComboBox()
        self.subject.setObjectName("reportSubject")
        self.kind.currentIndexChanged.connect(self._fill_subjects)
        form = QFormLayout()
        add_rows(form, ((_t("&Report"), self.kind), (_t("&For"), self.subject)))
        warning = QLabel(_t("<b>The PDF holds personal data outside the encrypted "
                            "database.</b> Save it only on an encrypted drive, never on a "
                            "shared or cloud folder, and delete it when it is no longer "
                            "needed."))
        warning.setObjectName("pdfWarning")
        warning.setWordWrap(True)
        self.message = message_label("reportMessage")
        buttons, self.save_button = close_with_action(self, _t("&Save PDF…"), "savePdf",
                                                      self.choose_and_write)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.message)
        layout.addStretch(1)  # the free height below the text, not between the rows
        layout.addWidget(buttons)
        self._fill_subjects()

    def _add_kinds(self, mission_id: str | None, case_id: str | None) -> None:
        """Only reports this role may read, about the mission and case in view."""
        missions = [(m.name, m.id) for m in data.missions(self.store)]
        missions.sort(key=lambda m: m[1] != mission_id)  # the current mission first
        if missions and data.can_read(self.store, Case):
            self.kinds.append((_t("Mission report"), render_mission, missions))
        if case_id and data.can_read(self.store, Case):
            number = self.store.get(Case, case_id).unhcr_case_number
            self.kinds.append((_t("Case summary"), render_case, [(number, case_id)]))
        if data.can_read(self.store, Training):
            trainings = [(t.name, t.id) for t in data.trainings(self.store, mission_id)]
            if trainings:
                self.kinds.append((_t("CO attendance sheets"), render_attendance, trainings))
        places = [(m.name, m.id) for m, _placed in data.municipalities(self.store)]
        if places:
            self.kinds.append((_t("Municipality profile"), render_municipality, places))

    def _fill_subjects(self) -> None:
        self.subject.clear()
        row = self.kind.currentIndex()
        for text, ref in self.kinds[row][2] if row >= 0 else ():
            self.subject.addItem(text, ref)
        self.save_button.setEnabled(self.subject.count() > 0)
        if not self.kinds:
            self.message.setText(_t("There is nothing to report on yet."))

    def choose_and_write(self) -> None:
        name = self.kind.currentText().lower().replace(" ", "-")
        target, _ = QFileDialog.getSaveFileName(self, _t("Save PDF"), f"{name}.pdf",
                                                "PDF (*.pdf)")
        if target:
            self.write(Path(target))

    def write(self, target: Path) -> Op:
        """Render the chosen report to `target` in a worker."""
        render = self.kinds[self.kind.currentIndex()][1]
        ref, lang = self.subject.currentData(), language()
        self.save_button.setEnabled(False)
        self.message.setText(_t("Writing the PDF…"))
        def work(store: Store, report: Callable[[int, int], None]) -> Report:
            with on_each_page(lambda page: report(page, 0)):  # Cancel stops at a page end
                return render(store, ref, target, lang)

        op = Op(self.store, work, title=_t("Writing the PDF…"), parent=self)
        op.succeeded.connect(lambda report: self._finish(
            core_text("report.written", path=str(target), pages=report.pages)))
        op.failed.connect(lambda error: self._finish(error_text(error)))
        return op.start()

    def _finish(self, text: str) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(text)
