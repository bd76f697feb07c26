"""An enrolled laptop with a hostile client (issue 13, findings 1 and 2): its valid device key
signs pushes the laptop's screens would never make. HQ refuses each whole batch (403 naming
the rule, 422 naming the field), records the refusal and applies nothing of it."""

from __future__ import annotations

import pytest
from sync_helpers import enrol_laptop, seed_case, sync

from app.domain import Role
from app.domain.records import Case, MedicalNote, Mission, User
from app.store.hlc import HybridClock
from app.store.unit_of_work import Change
from sync.client.session import client_for
from sync.client.transport import SyncError
from sync.protocol import ChangeModel, Handshake, PushRequest
from tests.authorization_cases import fields_of


def hostile_push(hq, store, *specs: tuple[str, str, str, dict], user_id: str | None = None
                 ) -> SyncError | None:
    """Sign and send (entity, row id, op, fields) as the laptop's next changes."""
    clock, seq = HybridClock(store.device_id), hq.store.head(store.device_id)
    changes = [Change(store.device_id, seq + i, clock.now().encode(), entity, row_id, op,
                      fields, user_id or store.user_id)
               for i, (entity, row_id, op, fields) in enumerate(specs, 1)]
    payload = PushRequest(hello=Handshake(), changes=[ChangeModel.of(c) for c in changes])
    with client_for(store) as client:
        try:
            client.json("POST", "/v1/push", payload=payload.model_dump(mode="json"))
        except SyncError as error:
            return error
    return None


def refused(hq, store, error: SyncError | None, rule: str) -> None:
    assert error is not None and rule in error.message("en"), error
    assert any(rule in reason for _, reason, _, _ in hq.store.refusals(store.device_id))


def test_role_escalation_is_refused_and_enrolment_keeps_hqs_role(hq, laptop, tmp_path):
    """The issue's scenario: an IND laptop made its user HQ_MEDICAL, and the next enrolment
    handed out an HQ_MEDICAL device whose pull carried medical notes."""
    anna = laptop("anna")
    held = hq.store.head(anna.device_id)
    hq_id = hq.store._user_named("anna")[0]
    for row_id in (hq_id, anna.user_id):
        error = hostile_push(hq, anna, ("users", row_id, "update", {"role": "HQ_MEDICAL"}))
        refused(hq, anna, error, "IND may not update users")
    error = hostile_push(hq, anna, ("users", "f" * 32, "insert", fields_of(
        User(name="anna", role=Role.HQ_MEDICAL))))  # a second "anna", of a higher role
    refused(hq, anna, error, "IND may not insert users")
    # The laptop says it in its user's language, with the rule HQ named.
    assert error.key == "sync.write_refused"
    assert error.message("nl").startswith("HQ weigert de wijzigingen van deze laptop")
    assert hq.store.head(anna.device_id) == held
    assert {(name, role) for _, name, role, _ in hq.store.users()} == {("anna", "IND")}
    second = enrol_laptop(hq, tmp_path / "second", "anna", Role.IND)
    assert hq.store.get_device(second.device_id).role == Role.IND
    second.close()


def test_hostile_changes_with_a_valid_key_are_refused_whole(delegation, laptop, hq):
    mission, anna, _ = delegation
    kenya = Mission(name="Kenya", host_country="KEN")
    hq.store.write_records([kenya])
    case, person, _ = seed_case(anna, mission_id=mission.id)
    sync(anna)
    elsewhere = Case(unhcr_case_number="TST-24C00009", mission_id=kenya.id)
    hq.store.write_records([elsewhere])
    held, feed = hq.store.head(anna.device_id), len(hq.store.all_changes())
    note = MedicalNote(case_id=case.id, person_id=person.id, author_id=anna.user_id,
                       findings="x")
    good = ("persons", person.id, "update", {"given_name": "Ok"})  # allowed on its own
    attempts = {
        "IND may not write persons of mission": [good, (
            "persons", "e" * 32, "insert", {"case_id": elsewhere.id, "given_name": "X"})],
        "IND may not insert medical_notes": [good, ("medical_notes", note.id, "insert",
                                                    fields_of(note))],
        "IND may not delete users": [good, ("users", hq.store._user_named("bram")[0],
                                            "delete", {})],
        "IND may not update case_state:decided": [("cases", case.id, "update",
                                                   {"state": "decided"})],
        "IND may not update cases": [("cases", case.id, "update", {"notes": "x"})],
    }
    for rule, specs in attempts.items():
        refused(hq, anna, hostile_push(hq, anna, *specs), rule)
    bram_id = hq.store._user_named("bram")[0]
    refused(hq, anna, hostile_push(hq, anna, good, user_id=bram_id), f"claims user {bram_id}")
    assert hq.store.head(anna.device_id) == held  # nothing of any batch applied
    assert len(hq.store.all_changes()) == feed
    assert hostile_push(hq, anna, good) is None  # the allowed change alone goes in


def test_an_inactive_or_demoted_user_writes_nothing(delegation, hq):
    mission, anna, _ = delegation
    _, person, assessment = seed_case(anna, mission_id=mission.id)
    sync(anna)
    hq.store.set_role("anna", Role.COA)  # HQ's role counts, not the one enrolled with
    refused(hq, anna, hostile_push(hq, anna, ("assessments", assessment.id, "update",
                                              {"art29a_grounds": "x"})),
            "COA may not update assessments")
    hq.store.remove_user("anna")
    refused(hq, anna, hostile_push(hq, anna, ("persons", person.id, "update",
                                              {"given_name": "Ok"})), "is not active")


@pytest.mark.parametrize(("fields", "named"), [
    ({"host_country": "EGY"}, "needs unhcr_case_number"),
    ({"unhcr_case_number": "TST-1", "state": "smuggled"}, "state"),
    ({"unhcr_case_number": "TST-1", "referred_on": "not a date"}, "referred_on"),
    ({"unhcr_case_number": 7}, "unhcr_case_number"),
])
def test_a_record_no_laptop_could_apply_is_refused_naming_the_field(laptop, hq, fields,
                                                                    named):
    """Finding 2: a cases insert without a case number poisoned every laptop's pull."""
    hilde = laptop("hilde", Role.HQ_COORDINATOR)  # who may make cases: only the record is bad
    held = hq.store.head(hilde.device_id)
    error = hostile_push(hq, hilde, ("cases", "c" * 32, "insert", fields))
    assert error is not None and named in error.message("en")
    assert hq.store.head(hilde.device_id) == held


def test_a_reference_to_a_row_hq_never_saw_is_refused(delegation, laptop, hq):
    _, anna, _ = delegation
    error = hostile_push(hq, anna, ("persons", "b" * 32, "insert", {"case_id": "a" * 32}))
    assert error is not None
    # An unknown case has no mission: refused as outside the mission, or as unknown parent.
    assert "mission" in error.message("en") or "no such cases" in error.message("en")
    hilde = laptop("hilde", Role.HQ_COORDINATOR)
    error = hostile_push(hq, hilde, ("persons", "b" * 32, "insert", {"case_id": "a" * 32}))
    assert error is not None and "case_id: no such cases" in error.message("en")


def test_a_laptops_copy_of_a_user_hq_knows_is_accepted(hq, laptop):
    """The laptop's admin set it up and holds a slot for each delegate: its records of those
    accounts reach HQ as copies of the users HQ registered, with HQ's role; an account HQ
    does not know, or of another role, is refused (HQ knows who can unlock its laptops)."""
    anna = laptop("anna")
    hq.store.add_user("lapadmin", Role.ADMIN)
    copy = User(name="lapadmin", role=Role.ADMIN)
    assert hostile_push(hq, anna, ("users", copy.id, "insert", fields_of(copy)),
                        user_id="some local admin id") is None
    for stranger in (User(name="lapadmin", role=Role.HQ_COORDINATOR),
                     User(name="nobody-at-hq", role=Role.IND)):
        error = hostile_push(hq, anna, ("users", stranger.id, "insert", fields_of(stranger)))
        refused(hq, anna, error, "IND may not insert users")
