"""Fixtures for the process services: a user per role on one real encrypted store, and
families brought to each step of the process through the services themselves."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import (
    Art1F,
    Case,
    Channel,
    DecisionOutcome,
    InterviewKind,
    Outcome,
    Person,
    Relationship,
    Role,
    User,
)
from app.services import assessments, cases, interviews
from app.store import Store
from app.store.keyslots import KdfParams
from tests.conftest import as_admin

FAST_KDF = KdfParams(iterations=2, memory_kib=19 * 1024)


class Flow:
    """Acts as users of each role and walks cases through the process."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.users: dict[Role, User] = {Role.HQ_COORDINATOR: store.user}
        self.mission = None

    def act(self, role: Role) -> User:
        if role not in self.users:
            with as_admin(self.store):
                self.users[role] = self.store.add_user(f"user.{role.value.lower()}", role,
                                                       "test passphrase 123", kdf=FAST_KDF)
        self.store.user = self.users[role]
        return self.users[role]

    def family(self, number: str = "DEMO-T-0001", *, minors: int = 1,
               channel: Channel = Channel.MISSION, nationality: str = "SYR") -> Case:
        """A referred case: a principal and spouse (adults) and `minors` children."""
        self.act(Role.HQ_COORDINATOR)
        case = Case(unhcr_case_number=number, referred_on=dt.date(2025, 1, 10),
                    host_country="EGY", channel=channel)
        people = [
            Person(case_id=case.id, unhcr_individual_number=f"{number}-01", given_name="Omar",
                   family_name="Haddad-Demo", birth_date="1980-05-01", nationality=nationality,
                   relationship=Relationship.PRINCIPAL),
            Person(case_id=case.id, unhcr_individual_number=f"{number}-02", given_name="Huda",
                   family_name="Haddad-Demo", birth_date="1983", nationality=nationality,
                   relationship=Relationship.SPOUSE),
        ]
        people += [Person(case_id=case.id, unhcr_individual_number=f"{number}-{3 + i:02d}",
                          given_name="Noor", family_name="Haddad-Demo",
                          birth_date="2015-02-02", relationship=Relationship.CHILD,
                          nationality=nationality) for i in range(minors)]
        return cases.create_case(self.store, case, people)

    def scheduled(self, number: str = "DEMO-T-0001", **kw) -> Case:
        case = self.family(number, **kw)
        if self.mission is None:
            self.mission = cases.create_mission(self.store, name="Demo Cairo",
                                                host_country="EGY")
        cases.assign_to_mission(self.store, self.mission.id, [case.id])
        return cases.transition(self.store, case.id, cases.S.SCHEDULED)

    def interviewed(self, number: str = "DEMO-T-0001", **kw) -> Case:
        """Scheduled on a mission, with final IND interviews for its adults."""
        case = self.scheduled(number, **kw)
        self.act(Role.IND)
        for person in cases.adults(self.store, case.id):
            draft = interviews.start(self.store, case.id, InterviewKind.IND, person.id)
            interviews.save(self.store, draft.id, notes="Fictional account.")
            interviews.finalise(self.store, draft.id)
        return cases.transition(self.store, case.id, cases.S.INTERVIEWED)

    def assess_all(self, case: Case) -> None:
        self.act(Role.IND)
        for person in cases.adults(self.store, case.id):
            record = assessments.start(self.store, case.id, person.id)
            assessments.save(self.store, record.id, art1f=Art1F.NO_INDICATION,
                             art29a=Outcome.MET, art29a_grounds="Fictional.",
                             art29b=Outcome.NOT_MET, art29b_grounds="Fictional.",
                             integration=Outcome.NO_OBJECTION,
                             integration_grounds="Fictional.")
            assessments.finalise(self.store, record.id)

    def proposed(self, number: str = "DEMO-T-0001", **kw) -> Case:
        case = self.interviewed(number, **kw)
        self.assess_all(case)
        assessments.propose(self.store, case.id, DecisionOutcome.ACCEPT,
                            on=dt.date(2025, 3, 1))
        return self.store.get(Case, case.id)

    def accepted(self, number: str = "DEMO-T-0001", on: dt.date = dt.date(2025, 3, 1),
                 **kw) -> Case:
        """A case HQ accepted on `on` (the six months start then)."""
        case = self.proposed(number, **kw)
        self.act(Role.HQ_COORDINATOR)
        assessments.decide(self.store, case.id, DecisionOutcome.ACCEPT, on=on)
        return self.store.get(Case, case.id)


@pytest.fixture
def flow(store: Store) -> Flow:
    return Flow(store)
