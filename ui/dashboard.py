"""The dashboard of a mission: cases by state, interviews done and to do, deadlines at
risk (the six months from selection to arrival), CO attendance and sync state."""

from __future__ import annotations

import html

from app.domain import CaseState
from app.store import Store
from ui import data
from ui.i18n import format_date
from ui.labels import label
from ui.ops import Reader
from ui.qt import QTextBrowser, QVBoxLayout, QWidget, translate


def _t(text: str) -> str:
    return translate("Dashboard", text)


def _bar(count: int, total: int, colour: str) -> str:
    width = int(300 * count / total) if total else 0
    return (f"<table cellspacing='0' cellpadding='0'><tr><td bgcolor='{colour}' "
            f"width='{max(width, 1)}' height='12'></td></tr></table>")


class DashboardPage(QWidget):
    def __init__(self, store: Store, reader: Reader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.reader = store, reader
        self.title = ""
        self.view = QTextBrowser()
        self.view.setObjectName("dashboard")
        QVBoxLayout(self).addWidget(self.view)

    def show_mission(self, mission_id: str | None, title: str) -> None:
        """Counting over 100,000 cases takes longer than a frame: done by the reader."""
        self.title = title
        self.reader.submit(lambda store: (data.dashboard(store, mission_id),
                                          data.sync_status(store)), self.render)

    def render(self, result: tuple[data.Dashboard, data.SyncStatus]) -> None:
        d, sync = result
        title = self.title
        states = "".join(
            f"<tr><td>{label(s)}</td><td align='right'>{d.by_state.get(s.value, 0)}</td>"
            f"<td>{_bar(d.by_state.get(s.value, 0), d.total, '#3a6ea5')}</td></tr>"
            for s in CaseState)
        present = d.attendance.get("present", 0)
        recorded = sum(d.attendance.values())
        rate = f"{100 * present / recorded:.0f}%" if recorded else "–"
        left, late = _t("%1 days left"), _t("%1 days overdue")

        def days(n: int) -> str:
            return (left if n >= 0 else late).replace("%1", str(abs(n)))

        risk = "".join(
            f"<li>{html.escape(r.unhcr_case_number)} — {_t('arrival due')} "
            f"{format_date(r.deadline)} ({days(r.days_left)})</li>"
            for r in d.at_risk[:10]) or f"<li>{_t('None.')}</li>"
        explain = _t("Accepted cases whose six months to arrival end within 30 days or "
                     "have passed:")
        self.view.setHtml(
            f"<h2>{html.escape(title)}</h2>"
            f"<table width='100%'><tr><td valign='top' width='50%'>"
            f"<h3>{_t('Cases by state')} ({d.total})</h3><table cellpadding='2'>{states}</table>"
            f"</td><td valign='top'>"
            f"<h3>{_t('Interviews')}</h3><p>{_t('Done (final IND interviews)')}: "
            f"<b>{d.interviews_done}</b><br>{_t('To do (adults in referred or scheduled cases)')}"
            f": <b>{d.interviews_todo}</b></p>"
            f"<h3>{_t('Deadlines at risk')} ({len(d.at_risk)})</h3>"
            f"<p>{explain}</p>"
            f"<ul>{risk}</ul>"
            f"<h3>{_t('CO attendance')}</h3><p>{_t('Present')}: {present} / {recorded} ({rate})"
            f"<br>{_t('Absent')}: {d.attendance.get('absent', 0)}, {_t('excused')}: "
            f"{d.attendance.get('excused', 0)}</p>"
            f"<h3>{_t('Sync')}</h3><p>{_t('Changes waiting to be sent')}: {sync.pending}<br>"
            f"{_t('Last successful sync')}: {html.escape(sync.last_success or _t('never'))}</p>"
            f"</td></tr></table>")
