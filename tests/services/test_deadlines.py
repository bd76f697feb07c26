"""The six-month rule: at risk within 30 days of the limit, overdue past it."""

from __future__ import annotations

import datetime as dt

from app.domain import Case, CaseState
from app.services import cases, deadlines

TODAY = dt.date(2025, 6, 15)


def _accepted(store, number: str, selected: dt.date, state=CaseState.DECIDED) -> Case:
    return cases.create_case(store, Case(unhcr_case_number=number, state=state,
                                         selected_on=selected), [])


def test_add_months_clamps_to_month_end():
    assert deadlines.add_months(dt.date(2024, 8, 31), 6) == dt.date(2025, 2, 28)
    assert deadlines.add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert deadlines.add_months(dt.date(2025, 12, 15), -6) == dt.date(2025, 6, 15)
    assert deadlines.deadline(dt.date(2025, 1, 1)) == dt.date(2025, 7, 1)


def test_at_risk_and_overdue(store):
    _accepted(store, "DEMO-D-1", dt.date(2025, 1, 1))  # limit 1 July: 16 days left
    _accepted(store, "DEMO-D-2", dt.date(2024, 12, 1), CaseState.CO_TRAINING)  # 1 June: late
    _accepted(store, "DEMO-D-3", dt.date(2025, 3, 1))  # 1 September: fine
    _accepted(store, "DEMO-D-4", dt.date(2024, 1, 1), CaseState.ARRIVED)  # arrived: done
    _accepted(store, "DEMO-D-5", dt.date(2024, 1, 1), CaseState.WITHDRAWN)
    _accepted(store, "DEMO-D-6", dt.date(2024, 12, 15), CaseState.DEPARTED)  # limit today
    _accepted(store, "DEMO-D-7", dt.date(2025, 1, 15))  # limit 15 July: exactly 30 days
    rep = deadlines.report(store, TODAY)
    assert [(r.unhcr_case_number, r.days_left) for r in rep.at_risk] == [
        ("DEMO-D-6", 0), ("DEMO-D-1", 16), ("DEMO-D-7", 30)]
    assert [(r.unhcr_case_number, r.days_left) for r in rep.overdue] == [("DEMO-D-2", -14)]
    data = rep.to_dict()
    assert data["overdue"][0]["deadline"] == "2025-06-01" and data["window_days"] == 30
    assert [r.unhcr_case_number for r in deadlines.report(store, TODAY, window=7).at_risk] == [
        "DEMO-D-6"]


def test_month_end_selection_is_not_missed(store):
    _accepted(store, "DEMO-D-8", dt.date(2024, 8, 31))  # limit 28 February 2025
    rep = deadlines.report(store, dt.date(2025, 1, 29))
    assert [(r.unhcr_case_number, r.days_left) for r in rep.at_risk] == [("DEMO-D-8", 30)]
