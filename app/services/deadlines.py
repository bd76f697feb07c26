"""The six-month rule: between selection (HQ's final acceptance) and arrival in principle
no more than six months. Lists the accepted cases that have not arrived yet and are within
`window` days of their limit (at risk) or past it (overdue)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import asdict, dataclass

from app.domain import Case, CaseState
from app.services.access import Action, require
from app.store.database import Store

SIX_MONTHS = 6
AT_RISK_DAYS = 30
OPEN_AFTER_SELECTION = (CaseState.DECIDED, CaseState.CO_TRAINING, CaseState.DEPARTED)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day (31 August + 6 = 28 February)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def deadline(selected_on: dt.date) -> dt.date:
    return add_months(selected_on, SIX_MONTHS)


@dataclass(frozen=True)
class DeadlineRow:
    case_id: str
    unhcr_case_number: str
    state: CaseState
    host_country: str
    selected_on: dt.date
    deadline: dt.date
    days_left: int  # negative: overdue by that many days

    def to_dict(self) -> dict[str, object]:
        row = asdict(self)
        row.update(state=self.state.value, selected_on=self.selected_on.isoformat(),
                   deadline=self.deadline.isoformat())
        return row


@dataclass(frozen=True)
class DeadlineReport:
    today: dt.date
    window: int
    at_risk: list[DeadlineRow]
    overdue: list[DeadlineRow]

    def to_dict(self) -> dict[str, object]:
        return {"today": self.today.isoformat(), "window_days": self.window,
                "at_risk": [r.to_dict() for r in self.at_risk],
                "overdue": [r.to_dict() for r in self.overdue]}


def report(store: Store, today: dt.date | None = None,
           window: int = AT_RISK_DAYS) -> DeadlineReport:
    """Accepted cases not yet arrived: at risk (limit within `window` days) and overdue,
    each sorted by the days left."""
    require(store.user, Action.READ, Case.ENTITY)
    today = today or dt.date.today()
    # Only cases selected more than six months minus the window ago can be at risk (a few
    # days of slack: month ends make adding months not exactly reversible).
    earliest_at_risk = add_months(today + dt.timedelta(days=window + 3), -SIX_MONTHS)
    placeholders = ", ".join("?" * len(OPEN_AFTER_SELECTION))
    rows = store.rows(
        f"SELECT id, unhcr_case_number, state, host_country, selected_on FROM cases "
        f"WHERE state IN ({placeholders}) AND selected_on IS NOT NULL AND selected_on <= ?",
        (*[s.value for s in OPEN_AFTER_SELECTION], earliest_at_risk.isoformat()))
    at_risk, overdue = [], []
    for case_id, number, state, country, selected in rows:
        selected_on = dt.date.fromisoformat(selected)
        limit = deadline(selected_on)
        days_left = (limit - today).days
        if days_left > window:
            continue
        row = DeadlineRow(case_id, number, CaseState(state), country, selected_on, limit,
                          days_left)
        (overdue if days_left < 0 else at_risk).append(row)
    key = lambda r: (r.days_left, r.unhcr_case_number)  # noqa: E731
    return DeadlineReport(today, window, sorted(at_risk, key=key), sorted(overdue, key=key))
