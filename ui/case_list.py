"""The case list page: search field, state filter and the table. Typing searches the FTS5
index on each keystroke (after a short pause); full listings are resolved in a worker so
the GUI thread stays free at 100,000 cases."""

from __future__ import annotations

from app.domain import CaseState
from app.store import Store
from ui.case_model import CaseProxyModel, CaseQuery, CaseTableModel, Col
from ui.labels import label
from ui.ops import Reader
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
    translate,
)
from ui.widgets import add_labelled

SEARCH_PAUSE_MS = 60


class CaseListPage(QWidget):
    open_case = Signal(str)

    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        self.mission_id: str | None = None
        self._sort: tuple[Col | None, bool] = (None, False)
        self.model = CaseTableModel(store, self)
        self.proxy = CaseProxyModel(self)
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(translate(
            "CaseList", "Search names (any script or spelling), UNHCR numbers, nationality…"))
        self.state = QComboBox()
        self.state.setObjectName("stateFilter")
        self.state.addItem(translate("CaseList", "All states"), None)
        for state in CaseState:
            self.state.addItem(label(state), state.value)
        self.count = QLabel()
        self.count.setObjectName("caseCount")
        add_labelled(bar, translate("CaseList", "&Search:"), self.search)
        bar.addWidget(self.state)
        bar.addWidget(self.count)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.proxy.sort_requested.connect(self._sort_requested)  # after the initial sort call
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row heights and column widths: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for col, width in ((Col.NUMBER, 170), (Col.NAME, 220), (Col.ORIGINAL, 170),
                           (Col.NATIONALITY, 90), (Col.PERSONS, 70), (Col.STATE, 120),
                           (Col.PRIORITY, 90), (Col.CHANNEL, 110)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.open_case.emit(
            self.proxy.case_id(index.row())))
        layout.addWidget(self.table, 1)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._pause.start())
        self.search.returnPressed.connect(self._open_first)
        self.state.currentIndexChanged.connect(lambda _: self.refresh())
        self.model.loaded.connect(self._loaded)

    def set_mission(self, mission_id: str | None) -> None:
        self.mission_id = mission_id
        self.refresh()

    def query(self) -> CaseQuery:
        state = self.state.currentData()
        return CaseQuery(self.mission_id, CaseState(state) if state else None,
                         self.search.text(), *self._sort)

    def refresh(self) -> None:
        self._pause.stop()
        self.count.setText(translate("CaseList", "Searching…"))
        self.model.run_query(self.query(), self.in_worker)

    def in_worker(self, query: CaseQuery, generation: int) -> None:
        self.reader.submit(query.ids, lambda ids: self.model.deliver(ids, generation))

    def _sort_requested(self, column: int, descending: bool) -> None:
        self._sort = (Col(column), descending)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        self.refresh()

    def _loaded(self, count: int) -> None:
        if self.model.query.may_be_truncated(count):
            self.count.setText(translate("CaseList", "first %n matches: type more",
                                         "", count))
        else:
            self.count.setText(translate("CaseList", "%n case(s)", "", count))
        if count and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _open_first(self) -> None:
        if self.proxy.rowCount():
            row = max(0, self.table.currentIndex().row())
            self.open_case.emit(self.proxy.case_id(row))

    def stop(self) -> None:
        """No search may run after the window closed (the store is about to close)."""
        self._pause.stop()
        self._pause.timeout.disconnect()

    def selected_case_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.proxy.case_id(r) for r in rows]
