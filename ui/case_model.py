"""The case list: a table model over SQL that stays smooth at 100,000 cases.

The model holds only the ordered list of case ids of the current result; rows are read a
page at a time when the view first asks for them (a 200-row page is about 2 ms). Search goes
through the FTS5 index (`app.store.search`), never through row-by-row proxy filtering.
Sorting happens in SQL; `CaseProxyModel` forwards the view's sort requests there."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from app.domain import CaseState
from app.store import Store
from app.store.search import Match, find
from ui.labels import label
from ui.qt import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    translate,
)

PAGE = 200
SEARCH_LIMIT = 500  # matches shown while typing; the count says when there are more
FILTERED_SEARCH_LIMIT = 5000  # with a state filter, more matches before filtering
MIN_SEARCH = 3  # the trigram index needs three characters; fewer keep the full list
ID_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex


class Col(IntEnum):
    NUMBER = 0
    NAME = 1
    ORIGINAL = 2
    NATIONALITY = 3
    PERSONS = 4
    STATE = 5
    PRIORITY = 6
    CHANNEL = 7
    MATCH = 8  # who matched the search, best first (no SQL sort: the ranking's order)


def _t(text: str) -> str:
    return translate("CaseList", text)


def headers() -> dict[Col, str]:
    return {Col.NUMBER: _t("UNHCR case"), Col.NAME: _t("Principal applicant"),
            Col.ORIGINAL: _t("Original script"), Col.NATIONALITY: _t("Nationality"),
            Col.PERSONS: _t("Persons"), Col.STATE: _t("State"), Col.PRIORITY: _t("Priority"),
            Col.CHANNEL: _t("Channel"), Col.MATCH: _t("Matched")}


def field_labels() -> dict[str, str]:
    """What matched a search (app.store.search.FIELDS), as the list says it."""
    return {"name": _t("name"), "original": _t("original script"),
            "number": _t("individual number"), "nationality": _t("nationality"),
            "case": _t("case number")}


def match_text(match: Match) -> str:
    labels = field_labels()
    return f"{FSI}{match.who}{PDI} ({', '.join(labels[f] for f in match.fields)})"
_PRINCIPAL = ("LEFT JOIN persons p ON p.id = (SELECT id FROM persons WHERE case_id = c.id "
              "AND relationship = 'principal' LIMIT 1)")
SORT_SQL = {
    Col.NUMBER: "c.unhcr_case_number", Col.NAME: "p.family_name COLLATE NOCASE, p.given_name",
    Col.ORIGINAL: "p.family_name_original, p.given_name_original",
    Col.NATIONALITY: "p.nationality", Col.PERSONS: "(SELECT COUNT(*) FROM persons "
    "WHERE case_id = c.id)", Col.STATE: "c.state", Col.PRIORITY: "c.priority",
    Col.CHANNEL: "c.channel",
}
_ROW_SQL = ("SELECT c.id, c.unhcr_case_number, trim(p.given_name || ' ' || p.family_name), "
            "trim(p.given_name_original || ' ' || p.family_name_original), p.nationality, "
            "(SELECT COUNT(*) FROM persons WHERE case_id = c.id), c.state, c.priority, "
            f"c.channel FROM cases c {_PRINCIPAL} WHERE c.id IN ")
# Right-to-left names sit in a first-strong isolate: the cell's own direction follows the
# name and nothing around it reorders.
FSI, PDI = "\u2068", "\u2069"


class CaseQuery:
    """What the list shows: mission, state, search text and sort, turned into case ids."""

    def __init__(self, mission_id: str | None = None, state: CaseState | None = None,
                 text: str = "", sort: Col | None = None, descending: bool = False,
                 no_mission: bool = False) -> None:
        text = text.strip()
        self.mission_id, self.state = mission_id, state
        self.text = text if len(text) >= MIN_SEARCH else ""
        self.sort = None if sort is Col.MATCH else sort
        self.descending, self.no_mission = descending, no_mission
        self.matches: dict[str, Match] = {}  # filled by `ids` for a search

    def _filters(self) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if self.mission_id:
            where.append("c.mission_id = ?")
            params.append(self.mission_id)
        if self.no_mission:
            where.append("c.mission_id IS NULL")
        if self.state:
            where.append("c.state = ?")
            params.append(self.state.value)
        return where, params

    def may_be_truncated(self, count: int) -> bool:
        return bool(self.text) and count >= SEARCH_LIMIT

    def is_large(self) -> bool:
        """Whether resolving may take long enough to belong in a worker (a full listing)."""
        return not self.text or (self.sort is not None and self.sort is not Col.NUMBER)

    def ids(self, store: Store) -> list[str]:
        where, params = self._filters()
        order = ""
        if self.sort is not None:
            order = f" ORDER BY {SORT_SQL[self.sort]}" + (" DESC" if self.descending else "")
        join = _PRINCIPAL if self.sort in (Col.NAME, Col.ORIGINAL, Col.NATIONALITY) else ""
        if self.text:
            limit = FILTERED_SEARCH_LIMIT if self.state else SEARCH_LIMIT
            self.matches = {m.case_id: m for m in find(store.conn, self.text, limit)}
            found = list(self.matches)
            if not found:
                return []
            where.append(f"c.id IN ({','.join('?' * len(found))})")
            params.extend(found)
            sql = f"SELECT c.id FROM cases c {join} WHERE {' AND '.join(where)}{order}"
            rows = [r[0] for r in store.rows(sql, params)]
            if self.sort is None:  # keep the ranking's order
                keep = set(rows)
                rows = [i for i in found if i in keep]
            return rows[:SEARCH_LIMIT]
        sql = f"SELECT c.id FROM cases c {join}"
        if where:
            sql += f" WHERE {' AND '.join(where)}"
        return [r[0] for r in store.rows(sql + order, params)]


class CaseTableModel(QAbstractTableModel):
    """Rows are cases; `set_ids` swaps in a new result, pages load on first view."""

    loaded = Signal(int)  # number of cases in the new result

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._ids: list[str] = []
        self._pages: dict[int, list[tuple[Any, ...]]] = {}
        self.query = CaseQuery()
        self._generation = 0

    # -- result ---------------------------------------------------------------------------
    def run_query(self, query: CaseQuery,
                  in_worker: Callable[[CaseQuery, int], None] | None = None) -> None:
        """Resolve `query` now, or hand it to `in_worker` (which calls `deliver`) when it is
        a full listing that could keep the GUI thread busy at 100,000 cases."""
        self.query = query
        self._generation += 1
        if in_worker is not None and query.is_large():
            in_worker(query, self._generation)
        else:
            self.deliver(query.ids(self.store), self._generation)

    def deliver(self, ids: list[str], generation: int) -> None:
        if generation != self._generation:  # a newer query was asked for meanwhile
            return
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()
        self.loaded.emit(len(ids))

    def refresh_rows(self) -> None:
        """Re-read the visible rows after an edit (the result itself stays)."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._ids) - 1, len(Col) - 1))

    @property
    def generation(self) -> int:
        return self._generation

    def case_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, case_id: str) -> int:
        try:
            return self._ids.index(case_id)
        except ValueError:
            return -1

    def _row(self, row: int) -> tuple[Any, ...]:
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * PAGE:(page + 1) * PAGE]
            found = {r[0]: r for r in self.store.rows(
                _ROW_SQL + f"({','.join('?' * len(ids))})", ids)}
            rows = [found.get(i, (i, "", "", "", "", 0, "", "", "")) for i in ids]
            if len(self._pages) > 50:  # bound memory when scrolling through everything
                self._pages.clear()
            self._pages[page] = rows
        return rows[row % PAGE]

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[Col(section)]
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = Col(index.column())
        if col is Col.MATCH:
            match = self.query.matches.get(self._ids[index.row()])
            return match_text(match) if match else ""
        row = self._row(index.row())
        value = row[col + 1]
        if col in (Col.STATE, Col.PRIORITY, Col.CHANNEL):
            return label(value)
        if col is Col.ORIGINAL and value:
            return f"{FSI}{value}{PDI}"
        return value


class CaseProxyModel(QSortFilterProxyModel):
    """The view's sorting goes to SQL (the source re-queries); no row-by-row filtering."""

    sort_requested = Signal(int, bool)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column < 0:
            return
        self.sort_requested.emit(column, order == Qt.SortOrder.DescendingOrder)

    def case_id(self, row: int) -> str:
        return self.data(self.index(row, 0), ID_ROLE)
