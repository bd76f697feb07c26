"""One IND interview per adult, and one definition of interviews done / to do for the
dashboard and the mission report, checked against a hand-counted fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.domain import Case, InterviewKind, Role
from app.domain.enums import DraftStatus
from app.errors import RuleViolation
from app.reports.document import Report
from app.reports.mission import _interviews
from app.services import cases, interviews
from app.store import Store
from tests.services.conftest import Flow
from ui import data

TODAY = dt.date(2026, 6, 1)


def hand_counted(flow: Flow) -> tuple[Case, Case, Case, Case]:
    """Mission "Demo Cairo": A (scheduled; principal final, corrected and final again;
    spouse a draft; one child), B (scheduled; two adults, nothing yet; two children),
    C (interviewed; both adults final). D is referred and on no mission (two adults).

    Mission: done = A principal + C's two = 3; to do = A spouse + B's two = 3; the
    children never count. All missions: done 3, to do 3 + D's two = 5."""
    a = flow.scheduled("DEMO-T-0001", minors=1)
    b = flow.scheduled("DEMO-T-0002", minors=2)
    c = flow.interviewed("DEMO-T-0003")
    d = flow.family("DEMO-T-0004")
    flow.act(Role.IND)
    principal, spouse = cases.adults(flow.store, a.id, TODAY)
    first = interviews.start(flow.store, a.id, InterviewKind.IND, principal.id)
    interviews.save(flow.store, first.id, notes="First account (fictional).")
    final = interviews.finalise(flow.store, first.id)
    correction = interviews.correct(flow.store, final.id)
    interviews.save(flow.store, correction.id, notes="Corrected account (fictional).")
    interviews.finalise(flow.store, correction.id)
    interviews.start(flow.store, a.id, InterviewKind.IND, spouse.id)
    return a, b, c, d


def test_dashboard_and_report_count_as_by_hand(flow: Flow, store: Store, tmp_path: Path) -> None:
    a, *_ = hand_counted(flow)
    mission = flow.mission
    assert mission is not None and a.mission_id == mission.id
    progress = interviews.progress(store, mission.id, TODAY)
    assert (progress.ind_done, progress.ind_todo) == (3, 3)
    everywhere = interviews.progress(store, None, TODAY)
    assert (everywhere.ind_done, everywhere.ind_todo) == (3, 5)
    # Current versions only: the corrected first version is not a fourth final interview.
    assert progress.by_kind_status == {("IND", "final"): 3, ("IND", "draft"): 1}

    board = data.dashboard(store, mission.id, TODAY)
    assert (board.interviews_done, board.interviews_todo) == (3, 3)
    overall = data.dashboard(store, None, TODAY)
    assert (overall.interviews_done, overall.interviews_todo) == (3, 5)

    report = Report(store, "mission-report", mission.id, lang="en")
    _heading, pairs, table = _interviews(report, store, mission, TODAY)
    assert [list(row) for row in pairs._cellvalues] == [
        ["IND interviews done", "3"], ["IND interviews to do", "3"]]
    assert [list(row)[1:] for row in table._cellvalues[1:]] == [["1", "3"]]


def test_a_final_interview_is_never_duplicated_nor_changed(flow: Flow, store: Store) -> None:
    """The delegate herself (valid credentials) cannot make a second IND interview for an
    adult or change a final one, whichever service she calls."""
    a, *_ = hand_counted(flow)
    principal, _ = cases.adults(store, a.id, TODAY)
    with pytest.raises(RuleViolation, match="already has an IND interview"):
        interviews.start(store, a.id, InterviewKind.IND, principal.id)
    with pytest.raises(RuleViolation, match="already has an IND interview"):
        data.save_form(store, "ind_interview", a.id, principal.id,
                       {"notes": "A second account."}, final=True)
    current = data.form_record(store, "ind_interview", a.id, principal.id)
    assert current is not None and current.status is DraftStatus.FINAL
    for attempt in (lambda: interviews.finalise(store, current.id),
                    lambda: interviews.save(store, current.id, notes="changed")):
        with pytest.raises(RuleViolation, match="read-only"):
            attempt()
    assert store.count(type(current), "person_id = ? AND status = 'final'",
                       (principal.id,)) == 2  # version 1 and its correction, nothing more
