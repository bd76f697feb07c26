"""The HQ server over real HTTP (uvicorn on 127.0.0.1), on SQLite and PostgreSQL:
enrolment, signed requests, revocation, replay, push and pull, need-to-know, mission
packages, conflicts between laptops, attachments."""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import httpx
import pytest
from sync_helpers import new_laptop, rows, seed_case, sync

from app.domain import DecisionKind, DecisionOutcome, DraftStatus, InterviewKind, Outcome, Role
from app.domain.records import (
    AssessmentRecord,
    Attachment,
    Case,
    Conflict,
    Decision,
    Interview,
    MedicalNote,
    Mission,
    Person,
)
from app.errors import HervestError
from sync.client.enroll import enroll
from sync.client.session import pending_count
from sync.client.transport import SyncError
from sync.protocol import CHUNK_SIZE, MAX_PUSH_BODY, EnrolmentCode
from sync.signing import sign_headers


def test_enrolment_stores_server_and_keys(laptop, hq):
    anna = laptop("anna")
    assert anna.meta("sync_server_url") == hq.url
    assert anna.meta("hq_bundle_recipients") == '["age1example"]'
    device = hq.store.get_device(anna.device_id)
    assert device.user_name == "anna" and device.role == Role.IND and not device.revoked


def test_enrolment_code_is_one_time(hq, tmp_path):
    hq.store.add_user("bram", Role.IND)
    code = EnrolmentCode(url=hq.url, cert_sha256=None,
                         token=hq.store.create_enrolment("bram", "b")).encode()
    first, second = new_laptop(tmp_path, "one"), new_laptop(tmp_path, "two")
    enroll(first, code)
    with pytest.raises(SyncError, match="already used"):
        enroll(second, code)
    with pytest.raises(HervestError, match="enrolment code is not valid"):
        enroll(second, "HRV1-garbage!")
    first.close()
    second.close()


def _signed_get(hq, key, device_id, target="/v1/head", headers=None):
    headers = headers or sign_headers(key, device_id, "GET", target, b"")
    return httpx.get(hq.url + target, headers=headers), headers


def test_a_body_that_is_not_text_is_refused_with_422_not_a_server_error(laptop, hq):
    # Push and enrolment read their bodies by hand; the refusal must not try to echo
    # bytes that are not UTF-8 (the schemathesis fuzz found a 500 there).
    anna = laptop("anna")
    garbage = b"\xb6\x1f\xb1\x03\xff;Z\xbe"
    push = httpx.post(hq.url + "/v1/push", content=garbage, headers={
        **sign_headers(anna.device_signing_key(), anna.device_id, "POST", "/v1/push", garbage),
        "content-type": "application/json"})
    enrol = httpx.post(hq.url + "/v1/enrol", content=garbage,
                       headers={"content-type": "application/json"})
    for answer in (push, enrol):
        assert answer.status_code == 422, answer.text
        assert answer.json()["detail"][0]["loc"][0] == "body"


def test_bad_signature_unknown_and_revoked_devices_and_replay_are_refused(laptop, hq):
    anna = laptop("anna")
    key, device_id = anna.device_signing_key(), anna.device_id
    ok, headers = _signed_get(hq, key, device_id)
    assert ok.status_code == 200
    replay, _ = _signed_get(hq, key, device_id, headers=headers)
    assert replay.status_code == 401 and "replayed" in replay.text
    tampered = dict(sign_headers(key, device_id, "GET", "/v1/head", b""))
    tampered["x-hervest-signature"] = tampered["x-hervest-signature"][:-4] + "AAA="
    bad, _ = _signed_get(hq, key, device_id, headers=tampered)
    assert bad.status_code == 401 and "bad signature" in bad.text
    other_path = sign_headers(key, device_id, "GET", "/v1/pull?cursor=0", b"")
    assert _signed_get(hq, key, device_id, headers=other_path)[0].status_code == 401
    unknown, _ = _signed_get(hq, key, "not-a-device")
    assert unknown.status_code == 401
    hq.store.revoke(device_id)
    with pytest.raises(SyncError, match="revoked"):
        sync(anna)
    reasons = [r[1] for r in hq.store.refusals(device_id)]
    assert {"replayed request", "bad signature", "revoked device"} <= set(reasons)


def test_push_and_pull_between_laptops(delegation):
    mission, anna, bram = delegation
    _, person, _ = seed_case(anna, mission_id=mission.id)
    report = sync(anna)
    assert report.pushed > 0 and pending_count(anna) == 0
    sync(bram)
    assert rows(bram, "cases") == rows(anna, "cases")
    assert bram.get(Mission, mission.id).name == "Egypt"
    again = sync(bram)
    assert again.pulled == 0 and again.pushed == 0
    assert bram.meta("sync_last_success") and bram.meta("sync_last_error") == ""
    assert int(bram.meta("sync_server_cursor")) > 0
    with bram.write() as uow:  # an edit IND may make (a case's own fields are HQ's)
        uow.update(bram.get(Person, person.id), given_name="Seen by bram")
    sync(bram)
    sync(anna)
    assert anna.get(Person, person.id).given_name == "Seen by bram"


def test_need_to_know_on_the_wire(laptop, hq):
    egypt, kenya = (Mission(name=n, host_country=c) for n, c in (("Egypt", "EGY"),
                                                                  ("Kenya", "KEN")))
    hq.store.write_records([egypt, kenya])
    doctor = laptop("dokter", Role.BMA, missions=[egypt.id])
    ind = laptop("ind", Role.IND, missions=[egypt.id])
    elsewhere = laptop("kenia", Role.IND, missions=[kenya.id])
    hq_desk = laptop("hq", Role.HQ_COORDINATOR)
    case, person, _ = seed_case(ind, mission_id=egypt.id)
    sync(ind)
    sync(doctor)
    note = MedicalNote(case_id=case.id, person_id=person.id, author_id="d", findings="x")
    with doctor.write() as uow:
        uow.insert(note)
    sync(doctor)
    for store in (ind, elsewhere, hq_desk):
        sync(store)
    assert ind.find(MedicalNote, note.id) is None  # IND may not read medical notes
    assert doctor.find(AssessmentRecord, ind.select(AssessmentRecord)[0].id) is None
    assert elsewhere.find(Case, case.id) is None  # another mission's case
    assert hq_desk.find(Case, case.id) is not None


def test_mission_package_reaches_delegation_on_pull(laptop, hq):
    mission = Mission(name="Lebanon", host_country="LBN")
    hq.store.write_records([mission])
    hq_desk = laptop("hq", Role.HQ_COORDINATOR)
    field = laptop("veld", Role.IND, missions=[])
    case = Case(unhcr_case_number="TST-1", host_country="LBN")
    person = Person(case_id=case.id, given_name="Testa")
    with hq_desk.write() as uow:
        uow.insert_many([case, person])
    sync(hq_desk)
    sync(field)
    assert field.find(Case, case.id) is None  # not assigned yet: HQ only
    hq.store.add_user("veld2", Role.IND, missions=[mission.id])
    with hq_desk.write() as uow:
        uow.update(case, mission_id=mission.id)
    sync(hq_desk)
    member = laptop("veld2")  # a delegation member through HQ's user record
    sync(member)
    assert member.get(Case, case.id).mission_id == mission.id
    assert member.find(Person, person.id) is not None


def test_concurrent_assessment_edits_become_conflicts_everywhere(laptop, delegation):
    mission, anna, bram = delegation
    hq_desk = laptop("hq", Role.HQ_COORDINATOR)
    _, _, assessment = seed_case(anna, mission_id=mission.id)
    sync(anna)
    sync(bram)
    with anna.write() as uow:
        uow.update(assessment, art29a=Outcome.MET)
    with bram.write() as uow:
        uow.update(bram.get(AssessmentRecord, assessment.id), art29a=Outcome.NOT_MET,
                   status=DraftStatus.FINAL)
    for store in (anna, bram, anna, hq_desk):
        sync(store)
    conflicts = [s.select(Conflict) for s in (anna, bram, hq_desk)]
    assert len(conflicts[0]) == 1 and conflicts[0] == conflicts[1] == conflicts[2]
    assert rows(anna, "assessments") == rows(bram, "assessments") == rows(hq_desk,
                                                                          "assessments")


def _attach(store, case_id: str, data: bytes) -> Attachment:
    sha = hashlib.sha256(data).hexdigest()
    attachment = Attachment(case_id=case_id, sha256=sha, filename="referral.pdf",
                            size=len(data))
    with store.write() as uow:
        uow.insert(attachment)
        for idx in range(0, len(data), 100_000):  # the laptop's own chunking differs
            uow.conn.execute("INSERT INTO attachment_chunks (sha256, idx, data) "
                             "VALUES (?,?,?)", (sha, idx // 100_000, data[idx:idx + 100_000]))
    return attachment


def _blob(store, sha: str) -> bytes:
    return b"".join(r[0] for r in store.rows(
        "SELECT data FROM attachment_chunks WHERE sha256 = ? ORDER BY idx", (sha,)))


def test_attachments_chunked_resumable_and_verified(hq, delegation):
    mission, anna, bram = delegation
    case, _, _ = seed_case(anna, mission_id=mission.id)
    data = os.urandom(2 * CHUNK_SIZE + 12345)
    attachment = _attach(anna, case.id, data)
    # A first upload stopped after one chunk: the next pass sends only the rest.
    hq.store.put_chunk(anna.device_id, attachment.sha256, 0, data[:CHUNK_SIZE])
    assert sync(anna).uploaded == 1
    assert hq.store.blob_status(attachment.sha256) == (len(data), [0, 1, 2])
    # Bram's download breaks off after one chunk (simulated by keeping only chunk 0).
    assert sync(bram).downloaded == 1
    assert _blob(bram, attachment.sha256) == data
    with bram.write() as uow:
        uow.conn.execute("DELETE FROM attachment_chunks WHERE sha256 = ? AND idx > 0",
                         (attachment.sha256,))
        uow.conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)",
                         (f"sync_blob_partial:{attachment.sha256}", str(len(data))))
    assert sync(bram).downloaded == 1
    assert _blob(bram, attachment.sha256) == data


def test_corrupt_upload_is_refused(hq):
    data = b"x" * 1000
    sha = hashlib.sha256(data).hexdigest()
    hq.store.put_chunk("device-1", sha, 0, b"y" * 1000)
    assert not hq.store.complete_blob("device-1", sha, 1000)
    assert hq.store.blob_status(sha) == (None, [])


def test_a_batch_past_hqs_body_bound_is_sent_in_parts(delegation):
    """2,000 long interview notes would pass HQ's 64 MiB body bound: refused at every sync
    for ever, were the laptop not to cut its batch to what HQ reads."""
    mission, anna, bram = delegation
    case, person, _ = seed_case(anna, mission_id=mission.id)
    notes = "Gesprek met tolk; " * 14_000  # ~250 KB, near the bound of one field
    with anna.write() as uow:
        uow.insert_many([Interview(case_id=case.id, person_id=person.id,
                                   kind=InterviewKind.IND, interviewer_id=anna.user_id,
                                   notes=f"{i} {notes}") for i in range(300)])
    assert len(notes) * 300 > MAX_PUSH_BODY
    report = sync(anna)
    assert pending_count(anna) == 0 and report.pushed >= 300
    sync(bram)
    assert len(rows(bram, "interviews")) == 300


def test_a_coa_laptop_that_meets_a_conflict_keeps_syncing(delegation, laptop):
    """COA may not write conflict records (access.RULES): its laptop applies the merge rule
    and leaves the record to the laptops of those who resolve it, which meet the same
    concurrent changes. Had it written one, its own write path and HQ would refuse it and
    its sync would stop there for good."""
    mission, anna, bram = delegation
    coa = laptop("coa", Role.COA, missions=[mission.id])
    case, _, _ = seed_case(anna, mission_id=mission.id)
    proposal = Decision(case_id=case.id, kind=DecisionKind.PROPOSED,
                        outcome=DecisionOutcome.ACCEPT, decided_by=anna.user_id,
                        decided_on=dt.date(2026, 11, 30))
    with anna.write() as uow:
        uow.insert(proposal)
    for store in (anna, bram, coa):
        sync(store)
    for store, outcome in ((anna, DecisionOutcome.REFUSE), (bram, DecisionOutcome.PENDING)):
        with store.write() as uow:  # the outcome: COA sees it (never the grounds)
            uow.update(store.get(Decision, proposal.id), outcome=outcome)
        sync(store)
    report = sync(coa)  # meets both concurrent edits
    assert report.pulled > 0 and pending_count(coa) == 0 and rows(coa, "conflicts") == []
    sync(anna)
    assert len(rows(anna, "conflicts")) == 1
    assert sync(coa).pushed == 0 and coa.meta("sync_last_error") == ""
