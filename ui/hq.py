"""HQ screens: frameworks with the quota chart, mission planning, final decisions,
conflicts from sync, municipality placement. Shown only to HQ roles."""

from __future__ import annotations

import html
import json

from app.domain import Conflict, Framework
from app.errors import HervestError
from app.services.conflicts import Keep
from app.services.quota import FrameworkReport, YearFigures
from app.store import Store
from ui import data
from ui.case_list import CaseListPage
from ui.forms import field_caption
from ui.i18n import core_text, format_date
from ui.labels import label
from ui.ops import Reader, error_text
from ui.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QFont,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPainter,
    QPen,
    QPlainTextEdit,
    QPushButton,
    QRectF,
    QSize,
    QSplitter,
    QStringListModel,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.widgets import TextTableModel, add_labelled, message_label

SERIES = (("target", "#9aa5b1"), ("mission", "#3a6ea5"), ("dossier", "#e0a526"),
          ("nareis", "#6aa84f"))


def _t(text: str) -> str:
    return translate("HQ", text)


class QuotaChart(QWidget):
    """Grouped bars per year: target, arrivals via missions, via dossiers, of which nareis.
    Drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: list[YearFigures] = []
        self.setMinimumHeight(260)

    def sizeHint(self) -> QSize:
        return QSize(700, 320)

    def set_years(self, years: list[YearFigures]) -> None:
        self.years = years
        self.update()

    @staticmethod
    def _values(year: YearFigures) -> list[int]:
        channels = year.figures.by_channel
        return [year.target or 0, channels["mission"].arrived if "mission" in channels else 0,
                channels["dossier"].arrived if "dossier" in channels else 0,
                year.figures.total.nareis]

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect().adjusted(50, 30, -20, -40)
        top = max([max(self._values(y)) for y in self.years] + [1]) * 1.1  # headroom
        painter.setPen(QPen(self.palette().text().color()))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        for step in range(5):  # horizontal guide lines with values
            value = top * step / 4
            y = rect.bottom() - rect.height() * step / 4
            painter.drawText(QRectF(0, y - 8, 44, 16), Qt.AlignmentFlag.AlignRight,
                             f"{value:.0f}")
        if not self.years:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, _t("No framework chosen."))
            return
        group = rect.width() / len(self.years)
        bar = group * 0.8 / len(SERIES)
        for i, year in enumerate(self.years):
            x0 = rect.left() + i * group + group * 0.1
            for j, value in enumerate(self._values(year)):
                height = rect.height() * value / top
                painter.fillRect(QRectF(x0 + j * bar, rect.bottom() - height, bar - 2, height),
                                 QColor(SERIES[j][1]))
            painter.drawText(QRectF(x0, rect.bottom() + 4, group * 0.8, 18),
                             Qt.AlignmentFlag.AlignCenter, str(year.year))
        legend = [_t("Target"), _t("Arrived via mission"), _t("Arrived via dossier"),
                  _t("of which nareis")]
        x = rect.left()
        font = QFont(self.font())
        painter.setFont(font)
        for (_, colour), text in zip(SERIES, legend, strict=True):
            painter.fillRect(QRectF(x, 8, 12, 12), QColor(colour))
            painter.drawText(QRectF(x + 16, 4, 180, 20), Qt.AlignmentFlag.AlignVCenter, text)
            x += 24 + painter.fontMetrics().horizontalAdvance(text)


class QuotaPage(QWidget):
    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.framework = QComboBox()
        self.framework.setObjectName("frameworkChoice")
        add_labelled(bar, _t("&Framework:"), self.framework)
        layout.addLayout(bar)
        self.chart = QuotaChart()
        self.chart.setObjectName("quotaChart")
        layout.addWidget(self.chart, 2)
        self.table = QTextBrowser()
        layout.addWidget(self.table, 1)
        self.frameworks: list[Framework] = []
        self.framework.currentIndexChanged.connect(lambda _: self._show())

    def reload(self) -> None:
        self.frameworks = data.frameworks(self.store)
        self.framework.blockSignals(True)
        self.framework.clear()
        for fw in self.frameworks:
            self.framework.addItem(f"{fw.name} ({fw.total_target})", fw.id)
        self.framework.blockSignals(False)
        self._show()

    def _show(self) -> None:
        index = self.framework.currentIndex()
        if index < 0:
            self.chart.set_years([])
            return
        fw = self.frameworks[index]
        self.reader.submit(lambda store: data.quota(store, fw), self._render)

    def _render(self, report: FrameworkReport) -> None:
        fw = report.framework
        self.chart.set_years(report.years)
        rows = "".join(
            f"<tr><td>{y.year}</td><td align='right'>{y.target if y.target is not None else ''}"
            f"</td><td align='right'>{y.figures.total.arrived}</td><td align='right'>"
            f"{y.figures.total.nareis}</td><td align='right'>"
            f"{y.gap if y.gap is not None else ''}</td></tr>" for y in report.years)
        self.table.setHtml(
            f"<p>{format_date(fw.start_date)} – {format_date(fw.end_date)} · "
            f"{_t('target after deductions')} {report.target} · {_t('counted')} "
            f"{report.counted} · {_t('gap')} {report.gap}</p>"
            f"<table cellpadding='3' border='1' cellspacing='0'><tr><th>{_t('Year')}</th>"
            f"<th>{_t('Target')}</th><th>{_t('Arrived (incl. nareis)')}</th>"
            f"<th>{_t('Nareis')}</th><th>{_t('Gap')}</th></tr>{rows}</table>")


class PlanningPage(QWidget):
    """Cases not in a mission yet (dossier referrals) and a button to assign them."""

    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.mission = QComboBox()
        self.mission.setObjectName("planMission")
        self.assign = QPushButton(_t("&Assign"))
        self.assign.clicked.connect(self._assign)
        add_labelled(bar, _t("Assign selected cases to &mission:"), self.mission)
        bar.addWidget(self.assign)
        layout.addLayout(bar)
        self.cases = CaseListPage(store, reader, self)
        layout.addWidget(self.cases, 1)

    def reload(self) -> None:
        self.mission.clear()
        for mission in data.missions(self.store):
            self.mission.addItem(f"{mission.name} ({label(mission.status)})", mission.id)
        query = self.cases.query()
        query.no_mission = True
        self.cases.model.run_query(query, self.cases.in_worker)

    def _assign(self) -> None:
        ids = self.cases.selected_case_ids()
        if not ids or self.mission.currentData() is None:
            return
        try:
            data.assign_to_mission(self.store, self.mission.currentData(), ids)
        except HervestError as error:
            QMessageBox.warning(self, _t("Not possible"), error_text(error))
        self.reload()


class DecisionsPage(QWidget):
    """Proposals from the field waiting for HQ's final decision."""

    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        layout = QHBoxLayout(self)
        splitter = QSplitter()
        self.list_model = QStringListModel(self)
        self.list = QListView()
        self.list.setObjectName("proposals")
        self.list.setModel(self.list_model)
        splitter.addWidget(self.list)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.grounds = QPlainTextEdit()
        self.grounds.setTabChangesFocus(True)
        self.grounds.setPlaceholderText(_t("Grounds of the final decision"))
        accept = QPushButton(_t("&Accept"))
        refuse = QPushButton(_t("&Refuse"))
        accept.clicked.connect(lambda: self._decide("accept"))
        refuse.clicked.connect(lambda: self._decide("refuse"))
        for widget in (self.detail, self.grounds, accept, refuse):
            side_layout.addWidget(widget)
        splitter.addWidget(side)
        layout.addWidget(splitter)
        self.items: list = []
        self.list.selectionModel().currentChanged.connect(lambda *_: self._show())

    def reload(self) -> None:
        self.reader.submit(data.proposed_cases, self._render)

    def _render(self, items: list) -> None:
        self.items = items
        self.list_model.setStringList(
            [f"{c.unhcr_case_number} · {label(c.priority)} · "
             f"{label(d.outcome) if d else _t('no proposal')}" for c, d in self.items])

    def _show(self) -> None:
        row = self.list.currentIndex().row()
        if 0 <= row < len(self.items):
            case, proposal = self.items[row]
            self.detail.setText(
                f"<b>{html.escape(case.unhcr_case_number)}</b><br>{_t('Proposal')}: "
                f"{label(proposal.outcome) if proposal else '–'}<br>"
                f"{html.escape(proposal.grounds) if proposal else ''}")

    def _decide(self, outcome: str) -> None:
        row = self.list.currentIndex().row()
        if not 0 <= row < len(self.items):
            return
        try:
            data.final_decision(self.store, self.items[row][0].id, outcome,
                                self.grounds.toPlainText())
        except HervestError as error:
            QMessageBox.warning(self, _t("Not possible"), error_text(error))
            return
        self.grounds.clear()
        self.reload()


class ConflictsPage(QWidget):
    """Concurrent edits of assessments and decisions that sync could not merge: pick the
    value to keep; it is written to the record and the conflict is marked resolved. Every
    replica holds the same conflict, so the columns say "current" and "other", not whose."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.items: list[Conflict] = []
        self.model = TextTableModel([_t("Case"), _t("Record"), _t("Field"), _t("Current value"),
                                     _t("Other value"), _t("Other device")], self)
        self.table = QTableView()
        self.table.setObjectName("conflicts")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = QLabel(_t("<i>No open conflicts.</i>"))
        self.keep_local = QPushButton(_t("Keep the &current value"))
        self.keep_local.setObjectName("keepLocal")
        self.keep_remote = QPushButton(_t("Use the &other value"))
        self.keep_remote.setObjectName("keepRemote")
        self.keep_local.clicked.connect(lambda: self.resolve(Keep.LOCAL))
        self.keep_remote.clicked.connect(lambda: self.resolve(Keep.REMOTE))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.keep_remote)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_t("<h3>Open conflicts</h3>")))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        self.message = message_label("conflictMessage")
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def reload(self) -> None:
        self.message.clear()
        listed = data.open_conflicts(self.store)
        self.items = [conflict for conflict, _case in listed]
        self.model.set_rows((case, core_text(f"resource.{c.entity}"), *_conflict_values(c),
                             c.remote_device[:8]) for c, case in listed)
        self.table.resizeColumnsToContents()
        self.empty.setVisible(not self.items)
        for button in (self.keep_local, self.keep_remote):
            button.setEnabled(bool(self.items))
        if self.items:
            self.table.selectRow(0)

    def resolve(self, keep: Keep) -> None:
        row = self.table.currentIndex().row()
        if not 0 <= row < len(self.items):
            return
        try:
            data.resolve_conflict(self.store, self.items[row].id, keep)
        except HervestError as error:  # said on the page: no modal box to click away
            self.reload()
            self.message.setText(error_text(error))
            return
        self.reload()


def _conflict_values(conflict: Conflict) -> tuple[str, str, str]:
    """Field, current and other value as a person reads them (a vocabulary's label)."""
    if conflict.field_name == "id":  # a delete that was overruled: the record stayed
        return _t("(the whole record)"), _t("Kept"), _t("Deleted")

    def shown(raw: str) -> str:
        value = json.loads(raw)
        return label(value) if isinstance(value, str) else "" if value is None else str(value)

    return (field_caption(conflict.entity, conflict.field_name), shown(conflict.local_value),
            shown(conflict.remote_value))


class PlacementPage(QWidget):
    """Accepted cases without a municipality, and municipalities with their capacity."""

    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        layout = QHBoxLayout(self)
        self.cases_model = QStringListModel(self)
        self.cases = QListView()
        self.cases.setObjectName("unplaced")
        self.cases.setModel(self.cases_model)
        self.places_model = QStringListModel(self)
        self.places = QListView()
        self.places.setModel(self.places_model)
        place = QPushButton(_t("&Place case in municipality"))
        place.clicked.connect(self._place)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(QLabel(_t("<b>Accepted, not yet placed</b>")))
        left.addWidget(self.cases)
        right.addWidget(QLabel(_t("<b>Municipalities</b> (placed / offered houses)")))
        right.addWidget(self.places)
        right.addWidget(place)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        self.unplaced: list = []
        self.municipalities: list = []

    def reload(self) -> None:
        self.reader.submit(lambda store: (data.unplaced_cases(store),
                                          data.municipalities(store)), self._render)

    def _render(self, content: tuple[list, list]) -> None:
        self.unplaced, self.municipalities = content
        self.cases_model.setStringList([f"{c.unhcr_case_number} · {label(c.state)} · "
                                        f"{format_date(c.selected_on)}" for c in self.unplaced])
        self.places_model.setStringList(
            [f"{m.name} ({m.province}) · {n} / {m.houses_offered}"
             + (" · " + _t("hospital") if m.near_hospital else "")
             + (" · " + _t("accessible") if m.accessible_housing else "")
             for m, n in self.municipalities])

    def _place(self) -> None:
        case_row, place_row = self.cases.currentIndex().row(), self.places.currentIndex().row()
        if case_row < 0 or place_row < 0:
            return
        try:
            data.place_case(self.store, self.unplaced[case_row].id,
                            self.municipalities[place_row][0].id)
        except HervestError as error:
            QMessageBox.warning(self, _t("Not possible"), error_text(error))
        self.reload()
