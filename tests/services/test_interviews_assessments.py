"""Interviews (drafts, autosave, finalise, corrections as versions) and assessments."""

from __future__ import annotations

import pytest

from app.domain import Art1F, DraftStatus, InterviewKind, Outcome, Person, Role
from app.errors import RuleViolation
from app.services import assessments, cases, interviews
from app.store import Store


def _people(store, case):
    return store.select(Person, "case_id = ?", (case.id,), order_by="id")


def test_autosave_survives_a_crash_and_finalise_uses_it(flow, store, db_path):
    case = flow.scheduled()
    flow.act(Role.IND)
    principal = cases.adults(store, case.id)[0]
    draft = interviews.start(store, case.id, InterviewKind.IND, principal.id, "Arabic")
    interviews.autosave(store, draft.id, "Typed before the power cut (fictional).")
    store.close()  # the laptop dies; nothing was "saved" by the user
    reopened = Store.open(db_path, "user.ind", "test passphrase 123")
    assert interviews.unsaved_notes(reopened, draft.id).startswith("Typed before")
    final = interviews.finalise(reopened, draft.id)
    assert final.status is DraftStatus.FINAL and final.notes.startswith("Typed before")
    assert interviews.unsaved_notes(reopened, draft.id) is None
    reopened.close()


def test_final_interview_is_read_only_and_a_correction_is_a_new_version(flow, store):
    case = flow.scheduled()
    flow.act(Role.IND)
    principal = cases.adults(store, case.id)[0]
    draft = interviews.start(store, case.id, InterviewKind.IND, principal.id)
    with pytest.raises(RuleViolation, match="without notes"):
        interviews.finalise(store, draft.id)
    interviews.save(store, draft.id, notes="First account.")
    with pytest.raises(RuleViolation, match="Only a finalised"):
        interviews.correct(store, draft.id)
    final = interviews.finalise(store, draft.id)
    for attempt in (lambda: interviews.save(store, final.id, notes="changed"),
                    lambda: interviews.autosave(store, final.id, "changed"),
                    lambda: interviews.finalise(store, final.id)):
        with pytest.raises(RuleViolation, match="read-only"):
            attempt()
    correction = interviews.correct(store, final.id)
    assert interviews.correct(store, final.id) == correction  # one open correction
    assert (correction.version, correction.supersedes_id) == (2, final.id)
    interviews.save(store, correction.id, notes="Corrected account.")
    interviews.finalise(store, correction.id)
    chain = interviews.versions(store, final.id)
    assert [(i.version, i.notes) for i in chain] == [(1, "First account."),
                                                      (2, "Corrected account.")]
    assert [i.id for i in interviews.for_case(store, case.id)] == [correction.id]


def test_interview_kinds_and_persons(flow, store):
    case = flow.scheduled()
    other = flow.family("DEMO-T-0009")
    child = next(p for p in _people(store, case) if not cases.is_adult(p))
    flow.act(Role.IND)
    with pytest.raises(RuleViolation, match="minor"):
        interviews.start(store, case.id, InterviewKind.IND, child.id)
    with pytest.raises(RuleViolation, match="does not belong"):
        interviews.start(store, case.id, InterviewKind.IND, cases.adults(store, other.id)[0].id)
    flow.act(Role.COA)
    coa = interviews.start(store, case.id, InterviewKind.COA, child.id)
    assert coa.person_id is None  # per case
    profile = interviews.save_profile(store, case.id, needs_hospital_nearby=True,
                                      housing_needs="Ground floor (fictional).")
    assert interviews.save_profile(store, case.id, education="Fictional.").id == profile.id
    interviews.finalise_profile(store, case.id)
    with pytest.raises(RuleViolation, match="read-only"):
        interviews.save_profile(store, case.id, education="changed")
    flow.act(Role.BMA)
    bma = interviews.start(store, case.id, InterviewKind.BMA, child.id)  # per person, any age
    assert bma.person_id == child.id


def _complete(store, record, **overrides):
    values = dict(art1f=Art1F.NO_INDICATION, art29a=Outcome.MET, art29a_grounds="Fictional.",
                  art29b=Outcome.NOT_MET, art29b_grounds="Fictional.",
                  integration=Outcome.NO_OBJECTION, integration_grounds="Fictional.")
    values.update(overrides)
    return assessments.save(store, record.id, **values)


@pytest.mark.parametrize(("overrides", "key"), [
    ({"art1f": Art1F.OPEN}, "assessment.needs_1f"),
    ({"art29a": Outcome.OPEN}, "assessment.needs_29a"),
    ({"art29a_grounds": " "}, "assessment.needs_29a"),
    ({"art29b_grounds": ""}, "assessment.needs_29b"),
    ({"integration": Outcome.OPEN}, "assessment.needs_integration"),
    ({"art1f": Art1F.INDICATION}, "assessment.1f_contradiction"),
])
def test_an_assessment_is_final_only_when_complete(flow, store, overrides, key):
    case = flow.interviewed()
    flow.act(Role.IND)
    record = assessments.start(store, case.id, cases.adults(store, case.id)[0].id)
    _complete(store, record, **overrides)
    with pytest.raises(RuleViolation) as refused:
        assessments.finalise(store, record.id)
    assert refused.value.key == key


def test_assessment_answers_and_recommendation(flow, store):
    case = flow.interviewed()
    flow.act(Role.IND)
    principal, spouse = cases.adults(store, case.id)
    record = assessments.start(store, case.id, principal.id)
    assert assessments.start(store, case.id, principal.id).id == record.id
    with pytest.raises(RuleViolation, match="does not belong"):
        assessments.save(store, record.id, art29a=Outcome.NO_OBJECTION)
    done = assessments.finalise(store, _complete(store, record).id)
    assert assessments.recommends_acceptance(done)
    with pytest.raises(RuleViolation, match="read-only"):
        assessments.save(store, done.id, art29a=Outcome.NOT_MET)
    other = _complete(store, assessments.start(store, case.id, spouse.id),
                      art1f=Art1F.EXCLUDED, art29a=Outcome.NOT_MET, art29b=Outcome.MET)
    assert not assessments.recommends_acceptance(other)  # 1F excludes 29(1)(b) too
    assert [p.id for p in assessments.missing_assessments(store, case.id)] == [spouse.id]
