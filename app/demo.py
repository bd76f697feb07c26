"""Deterministic, obviously fictional demo data: several missions in different host
countries, families of 1-9 persons with Arabic and Latin names in varying spellings,
interviews, assessments, decisions, CO trainings with attendance, municipalities and
arrivals. Every UNHCR number starts with "DEMO-" and every case says it is fictional."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.domain import (
    Arrival,
    ArrivalPlace,
    Art1F,
    AssessmentRecord,
    Attendance,
    AttendanceRecord,
    Case,
    CaseState,
    CaseTransition,
    Channel,
    DayPart,
    Decision,
    DecisionKind,
    DecisionOutcome,
    DelegationMember,
    Departure,
    DraftStatus,
    Framework,
    FrameworkYear,
    Interview,
    InterviewKind,
    MedicalNote,
    Mission,
    MissionStatus,
    Municipality,
    Outcome,
    Person,
    Placement,
    Priority,
    Relationship,
    ResettlementProfile,
    Role,
    Sex,
    Training,
    TrainingCase,
    TrainingSession,
    TrainingTopic,
    User,
)
from app.store.database import Store
from app.store.unit_of_work import UnitOfWork

FICTIONAL = "Fictional demo data (Hervest demo generator)."
BATCH = 250

# Latin spellings as they vary between UNHCR offices, with the Arabic original. A person is
# written as UNHCR records them: given name, father's name, family name. The pools are large
# enough that two strangers rarely share a whole name and a birth date, as in real case
# lists (a pool of a dozen names made every 100,000-case demo a crowd of namesakes).
MALE = [
    (("Mohammed", "Muhammad", "Mohamed", "Mohamad"), "محمد"),
    (("Ahmed", "Ahmad"), "أحمد"), (("Hussein", "Husayn", "Hussain"), "حسين"),
    (("Youssef", "Yusuf", "Yousef"), "يوسف"), (("Khaled", "Khalid"), "خالد"),
    (("Omar", "Umar"), "عمر"), (("Ibrahim", "Ebrahim"), "إبراهيم"),
    (("Mustafa", "Mostafa"), "مصطفى"), (("Abdullah", "Abdallah"), "عبدالله"),
    (("Hassan", "Hasan"), "حسن"), (("Mahmoud", "Mahmud"), "محمود"),
    (("Suleiman", "Sulayman", "Soliman"), "سليمان"), (("Karim", "Kareem"), "كريم"),
    (("Tariq", "Tarek"), "طارق"), (("Bilal",), "بلال"), (("Samir", "Sameer"), "سمير"),
    (("Ali", "Aly"), "علي"), (("Hamza", "Hamzah"), "حمزة"), (("Yahya", "Yehia"), "يحيى"),
    (("Jamal", "Gamal"), "جمال"), (("Walid", "Waleed"), "وليد"), (("Nabil", "Nabeel"), "نبيل"),
    (("Adel", "Adil"), "عادل"), (("Fadi",), "فادي"), (("Rami",), "رامي"),
    (("Ziad", "Ziyad"), "زياد"), (("Majid", "Maged"), "ماجد"), (("Faisal", "Faysal"), "فيصل"),
    (("Saeed", "Said"), "سعيد"), (("Anas",), "أنس"), (("Osama", "Usama"), "أسامة"),
    (("Ayman",), "أيمن"), (("Imad", "Emad"), "عماد"), (("Hisham", "Hesham"), "هشام"),
    (("Mazen",), "مازن"), (("Bassam",), "بسام"), (("Riad", "Riyad"), "رياض"),
    (("Salim", "Saleem"), "سليم"), (("Wael",), "وائل"), (("Munir", "Mounir"), "منير"),
    (("Hamid", "Hamed"), "حامد"),
]
FEMALE = [
    (("Fatima", "Fatma", "Fatimah"), "فاطمة"), (("Aisha", "Aicha", "Ayesha"), "عائشة"),
    (("Zainab", "Zeinab", "Zaynab"), "زينب"), (("Maryam", "Mariam"), "مريم"),
    (("Amira", "Ameera"), "أميرة"), (("Layla", "Leila", "Laila"), "ليلى"),
    (("Noor", "Nour"), "نور"), (("Huda", "Hoda"), "هدى"), (("Salma",), "سلمى"),
    (("Rania",), "رانيا"), (("Yasmin", "Yasmine"), "ياسمين"), (("Hala",), "هالة"),
    (("Khadija", "Khadeeja"), "خديجة"), (("Samira", "Sameera"), "سميرة"),
    (("Reem", "Rim"), "ريم"), (("Dina",), "دينا"), (("Hiba", "Heba"), "هبة"),
    (("Asma", "Asmaa"), "أسماء"), (("Nada",), "ندى"), (("Lina",), "لينا"), (("Rasha",), "رشا"),
    (("Iman", "Eman"), "إيمان"), (("Suha",), "سهى"), (("Widad",), "وداد"),
    (("Ghada",), "غادة"), (("Manal",), "منال"), (("Sawsan",), "سوسن"),
    (("Najla", "Najlaa"), "نجلاء"), (("Rahaf",), "رهف"), (("Jana",), "جنى"),
    (("Sara", "Sarah"), "سارة"), (("Hanan",), "حنان"),
]
FAMILY = [
    (("Al-Hassan", "El-Hassan", "Alhassan"), "الحسن"), (("Haddad", "Hadad"), "حداد"),
    (("Khalil", "Khaleel"), "خليل"), (("Nasser", "Nasir"), "ناصر"),
    (("Al-Masri", "El-Masry"), "المصري"), (("Saleh", "Salih"), "صالح"),
    (("Darwish", "Darweesh"), "درويش"), (("Qasim", "Kassem", "Qassem"), "قاسم"),
    (("Othman", "Osman", "Uthman"), "عثمان"), (("Mansour", "Mansur"), "منصور"),
    (("Abdelrahman", "Abdulrahman"), "عبدالرحمن"), (("Yassin", "Yasin"), "ياسين"),
    (("Al-Khatib", "El-Khatib"), "الخطيب"), (("Najjar", "Al-Najjar"), "النجار"),
    (("Al-Halabi", "Halabi"), "الحلبي"), (("Hamdan",), "حمدان"),
    (("Sabbagh", "Al-Sabbagh"), "الصباغ"), (("Jaber", "Jabir"), "جابر"),
    (("Al-Obeidi", "Al-Ubaidi"), "العبيدي"), (("Al-Jubouri", "Al-Juburi"), "الجبوري"),
    (("Al-Tamimi",), "التميمي"), (("Al-Shammari",), "الشمري"), (("Al-Rawi",), "الراوي"),
    (("Hijazi", "Hegazy"), "حجازي"), (("Bakri", "Bakry"), "بكري"),
    (("Al-Kurdi", "Kurdi"), "الكردي"), (("Zaher", "Zahir"), "زاهر"),
    (("Al-Homsi", "Homsi"), "الحمصي"), (("Shaaban", "Shaban"), "شعبان"),
    (("Al-Saadi", "Al-Saady"), "السعدي"), (("Al-Hashimi", "Al-Hashemi"), "الهاشمي"),
    (("Barakat",), "بركات"), (("Farouk", "Farouq"), "فاروق"), (("Awad",), "عوض"),
    (("Ismail", "Ismael"), "إسماعيل"), (("Al-Ahmad",), "الأحمد"),
]
Name = tuple[str, str]  # (Latin spelling, original script or "")
# Names from the Great Lakes and the Horn, written in Latin only.
EAST_AFRICAN_GIVEN = [
    "Amani", "Baraka", "Neema", "Furaha", "Tesfay", "Mebrat", "Kidane", "Aster", "Deng",
    "Nyandeng", "Achol", "Mugisha", "Uwase", "Bahati", "Abebe", "Almaz", "Berhane", "Dawit",
    "Fikre", "Genet", "Haile", "Hiwot", "Kiros", "Lemlem", "Mulu", "Selam", "Tsega", "Yonas",
    "Adut", "Akech", "Ayen", "Chol", "Kuol", "Nyibol", "Mapendo", "Imani", "Zawadi", "Jabari",
]
EAST_AFRICAN_FAMILY = [
    "Mukamana", "Habimana", "Tesfamariam", "Gebremedhin", "Garang", "Majok", "Kabila-Demo",
    "Nshimiye", "Okello", "Wanjiru", "Bizimana", "Hakizimana", "Niyonzima", "Uwimana",
    "Mugabo", "Tesfaye", "Berhe", "Kahsay", "Gebreyes", "Woldemichael", "Akol", "Mayen",
    "Lual", "Ochieng", "Otieno", "Mutua", "Kamau", "Mwangi", "Ishimwe", "Iradukunda",
]

# Years between the principal's birth and a relative's (a parent is older, a brother or
# sister within ten years either way).
BORN_AFTER_PRINCIPAL = {Relationship.CHILD: (18, 38), Relationship.PARENT: (-40, -18),
                        Relationship.SIBLING: (-10, 10)}

MISSIONS = [  # host country, location, nationalities referred there
    ("EGY", "Cairo", ("SDN", "SSD", "ERI", "SYR", "YEM")),
    ("LBN", "Beirut", ("SYR", "XXA")),
    ("JOR", "Amman", ("SYR", "YEM", "XXA")),
    ("KEN", "Kakuma", ("COD", "SSD", "SDN")),
    ("RWA", "Gashora (ETM)", ("ERI", "SDN")),
    ("TUR", "Gaziantep", ("SYR", "AFG")),
]
ARABIC_NATIONALITIES = {"SYR", "YEM", "SDN", "XXA"}
STATE_WEIGHTS = [
    (CaseState.REFERRED, 18), (CaseState.SCHEDULED, 12), (CaseState.INTERVIEWED, 14),
    (CaseState.PROPOSED, 14), (CaseState.DECIDED, 10), (CaseState.CO_TRAINING, 8),
    (CaseState.DEPARTED, 6), (CaseState.ARRIVED, 12), (CaseState.REFUSED, 4),
    (CaseState.WITHDRAWN, 2),
]
PATH = [CaseState.REFERRED, CaseState.SCHEDULED, CaseState.INTERVIEWED, CaseState.PROPOSED,
        CaseState.DECIDED, CaseState.CO_TRAINING, CaseState.DEPARTED, CaseState.ARRIVED]
MUNICIPALITIES = [  # fictional names: no real municipality is committed to anything
    ("Demodam", "Noord-Holland"), ("Voorbeeldveen", "Drenthe"), ("Proefwijk", "Utrecht"),
    ("Oefenburg", "Gelderland"), ("Testerhout", "Noord-Brabant"), ("Zandstad-Demo", "Zeeland"),
    ("Heuvelrode", "Limburg"), ("Waterlanden-Demo", "Friesland"),
]


@dataclass
class DemoSummary:
    missions: int = 0
    cases: int = 0
    persons: int = 0
    interviews: int = 0
    sessions: int = 0


class _Ids:
    """UUIDv7-shaped ids from the seeded generator, so a seed gives the same database."""

    def __init__(self, rng: random.Random, start: dt.datetime) -> None:
        self.rng, self.ms = rng, int(start.timestamp() * 1000)

    def __call__(self) -> str:
        self.ms += 1
        rand = self.rng.getrandbits(74)
        value = (self.ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62)
        return str(uuid.UUID(int=value | (rand & ((1 << 62) - 1))))


class DemoGenerator:
    def __init__(self, store: Store, seed: int) -> None:
        self.store = store
        self.rng = random.Random(seed)
        self.new_id = _Ids(self.rng, dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
        self.summary = DemoSummary()
        self.actor = store.user_id or ""

    def run(self, n_cases: int, progress: Callable[[int, int], None] | None = None) -> DemoSummary:
        # Demo data is fictional and generated here, by every role at once: the system writer.
        with self.store.system_writer():
            return self._run(n_cases, progress)

    def _run(self, n_cases: int, progress: Callable[[int, int], None] | None) -> DemoSummary:
        with self.store.write() as uow:
            staff = self._staff(uow)
            framework = self._framework(uow)
            missions = self._missions(uow, framework, staff)
            municipalities = self._municipalities(uow)
        trainings: dict[str, Training] = {}
        made = 0
        for start in range(0, n_cases, BATCH):
            with self.store.write() as uow:
                for number in range(start, min(start + BATCH, n_cases)):
                    mission = missions[number % len(missions)] if number % 10 else None
                    self._case(uow, number, mission, staff, municipalities, trainings)
                    made += 1
            if progress:
                progress(made, n_cases)
        return self.summary

    # -- reference data -----------------------------------------------------------------
    def _staff(self, uow: UnitOfWork) -> dict[Role, User]:
        staff = {}
        for role, name in ((Role.IND, "demo.ind"), (Role.COA, "demo.coa"),
                           (Role.BMA, "demo.bma"), (Role.HQ_COORDINATOR, "demo.hq")):
            existing = self.store.select(User, "name = ?", (name,))
            staff[role] = existing[0] if existing else uow.insert(
                User(id=self.new_id(), name=name, display_name=f"Demo {role.value}", role=role))
        return staff

    def _framework(self, uow: UnitOfWork) -> Framework:
        fw = uow.insert(Framework(id=self.new_id(), name="Demo 2025-2026",
                                  start_date=dt.date(2025, 1, 1), end_date=dt.date(2026, 12, 31),
                                  total_target=400, notes=FICTIONAL))
        for year in (2025, 2026):
            uow.insert(FrameworkYear(id=self.new_id(), framework_id=fw.id, year=year, target=200))
        return fw

    def _missions(self, uow: UnitOfWork, framework: Framework,
                  staff: dict[Role, User]) -> list[Mission]:
        missions = []
        for i, (country, location, _) in enumerate(MISSIONS):
            start = dt.date(2025, 2, 3) + dt.timedelta(days=45 * i)
            status = MissionStatus.COMPLETED if i < 3 else MissionStatus.IN_PROGRESS
            mission = uow.insert(Mission(
                id=self.new_id(), name=f"Demo {location} {start.year}", framework_id=framework.id,
                host_country=country, location=location, start_date=start,
                end_date=start + dt.timedelta(days=12), status=status, target_places=60))
            for role in (Role.IND, Role.COA, Role.BMA):
                uow.insert(DelegationMember(id=self.new_id(), mission_id=mission.id,
                                            user_id=staff[role].id, mission_role=role))
            missions.append(mission)
        self.summary.missions = len(missions)
        return missions

    def _municipalities(self, uow: UnitOfWork) -> list[Municipality]:
        return [uow.insert(Municipality(
            id=self.new_id(), name=name, province=province, houses_offered=self.rng.randint(3, 15),
            capacity_per_year=self.rng.randint(10, 60), near_hospital=self.rng.random() < 0.6,
            accessible_housing=self.rng.random() < 0.4)) for name, province in MUNICIPALITIES]

    # -- one family ---------------------------------------------------------------------
    def _case(self, uow: UnitOfWork, number: int, mission: Mission | None,
              staff: dict[Role, User], municipalities: list[Municipality],
              trainings: dict[str, Training]) -> None:
        rng = self.rng
        country = mission.host_country if mission else rng.choice(MISSIONS)[0]
        nationalities = next(m[2] for m in MISSIONS if m[0] == country)
        nationality = rng.choice(nationalities)
        state = rng.choices([s for s, _ in STATE_WEIGHTS], [w for _, w in STATE_WEIGHTS])[0]
        referred = (mission.start_date if mission and mission.start_date
                    else dt.date(2025, 1, 6)) - dt.timedelta(days=rng.randint(20, 120))
        selected = referred + dt.timedelta(days=rng.randint(40, 90))
        case = uow.insert(Case(
            id=self.new_id(), unhcr_case_number=f"DEMO-{country}-{number + 1:07d}",
            channel=Channel.MISSION if mission else Channel.DOSSIER,
            priority=rng.choices(list(Priority), [1, 4, 20])[0],
            submission_category=rng.choice(["LSN", "SGBV", "PSN", "WAR", "MED", "FAM"]),
            state=state, mission_id=mission.id if mission else None,
            framework_id=mission.framework_id if mission else None, host_country=country,
            referred_on=referred,
            selected_on=selected if state in PATH and PATH.index(state) >= 4 else None,
            protection_need="Fictional protection need for demonstration.", notes=FICTIONAL))
        self._history(uow, case, referred)
        persons = self._family(uow, case, nationality, number)
        self.summary.cases += 1
        reached = PATH.index(state) if state in PATH else 3
        if reached >= 2:
            self._interviews(uow, case, persons, staff, selected, final=reached >= 3)
        if reached >= 3:
            self._decisions(uow, case, staff, selected, final=reached >= 4,
                            refused=state is CaseState.REFUSED)
        if reached >= 5 and mission:
            self._attendance(uow, case, persons, mission, staff, trainings)
        if reached >= 4 and state is not CaseState.REFUSED:
            municipality = rng.choice(municipalities)
            uow.insert(Placement(id=self.new_id(), case_id=case.id,
                                 municipality_id=municipality.id, confirmed=reached >= 6))
            if reached >= 6:
                departed = selected + dt.timedelta(days=rng.randint(60, 200))
                uow.insert(Departure(id=self.new_id(), case_id=case.id, departed_on=departed,
                                     from_location=mission.location if mission else ""))
                if reached >= 7:
                    self._arrivals(uow, case, persons, departed, municipality)

    def _history(self, uow: UnitOfWork, case: Case, referred: dt.date) -> None:
        """Transitions along the path up to the case's state (end states after interview)."""
        state = case.state
        steps = PATH[: PATH.index(state) + 1] if state in PATH else [*PATH[:3], state]
        when = dt.datetime.combine(referred, dt.time(9), dt.UTC)
        for previous, step in zip([None, *steps], steps, strict=False):
            uow.insert(CaseTransition(id=self.new_id(), case_id=case.id, from_state=previous,
                                      to_state=step, at=when.isoformat(), user_id=self.actor))
            when += dt.timedelta(days=self.rng.randint(3, 30))

    def _family(self, uow: UnitOfWork, case: Case, nationality: str, number: int) -> list[Person]:
        rng = self.rng
        size = min(9, max(1, int(rng.gauss(4, 2))))
        principal_born = rng.randint(1965, 2000)
        persons: list[Person] = []
        for i in range(size):
            if i == 0:
                relation, sex, born = Relationship.PRINCIPAL, rng.choice([Sex.MALE, Sex.FEMALE]), \
                    principal_born
            elif i == 1 and size > 2:
                relation, born = Relationship.SPOUSE, principal_born + rng.randint(-5, 5)
                sex = Sex.FEMALE if persons[0].sex is Sex.MALE else Sex.MALE
            else:
                relation = rng.choice([Relationship.CHILD] * 6 + [Relationship.PARENT,
                                                                  Relationship.SIBLING])
                born = principal_born + rng.randint(*BORN_AFTER_PRINCIPAL[relation])
                born = min(born, 2024)
                sex = rng.choice([Sex.MALE, Sex.FEMALE])
            given, family = self._names(nationality, sex, relation, persons)
            birth = self._partial_date(born)
            persons.append(uow.insert(Person(
                id=self.new_id(), case_id=case.id,
                unhcr_individual_number=f"DEMO-{case.host_country}-{number + 1:07d}-{i + 1:02d}",
                given_name=given[0], family_name=family[0], given_name_original=given[1],
                family_name_original=family[1], birth_date=birth, sex=sex,
                nationality=nationality, relationship=relation,
                follows_later=relation is not Relationship.PRINCIPAL and rng.random() < 0.03)))
        self.summary.persons += size
        return persons

    def _names(self, nationality: str, sex: Sex, relation: Relationship,
               family: list[Person]) -> tuple[Name, Name]:
        """(given name + father's name, family name), each as (Latin, original script).
        Children carry their father's given name and family name, a sibling the principal's
        father's name; a spouse keeps their own names."""
        own = self._given_name(nationality, sex)
        father: Person | None = None
        if relation is Relationship.CHILD:
            father = next((p for p in family[:2] if p.sex is Sex.MALE
                           and p.relationship is not Relationship.CHILD), None)
        elif relation is Relationship.SIBLING:
            father = family[0]
        if father is None:
            fathers_name, last = self._given_name(nationality, Sex.MALE), (
                self._family_name(nationality) if not family or relation is Relationship.SPOUSE
                else (family[0].family_name, family[0].family_name_original))
        elif relation is Relationship.CHILD:
            fathers_name = (father.given_name.split(" ")[0],
                            father.given_name_original.split(" ")[0])
            last = (father.family_name, father.family_name_original)
        else:  # a sibling: the principal's father and family name
            fathers_name = (father.given_name.split(" ", 1)[-1],
                            father.given_name_original.split(" ", 1)[-1])
            last = (father.family_name, father.family_name_original)
        original = f"{own[1]} {fathers_name[1]}" if own[1] and fathers_name[1] else ""
        return (f"{own[0]} {fathers_name[0]}", original), last

    def _given_name(self, nationality: str, sex: Sex) -> Name:
        if nationality in ARABIC_NATIONALITIES or nationality == "AFG":
            spellings, original = self.rng.choice(MALE if sex is Sex.MALE else FEMALE)
            return self.rng.choice(spellings), original
        return self.rng.choice(EAST_AFRICAN_GIVEN), ""

    def _family_name(self, nationality: str) -> Name:
        if nationality in ARABIC_NATIONALITIES or nationality == "AFG":
            spellings, original = self.rng.choice(FAMILY)
            return self.rng.choice(spellings), original
        return self.rng.choice(EAST_AFRICAN_FAMILY), ""

    def _partial_date(self, year: int) -> str:
        roll = self.rng.random()
        if roll < 0.15:  # only the year is known
            return str(year)
        month = self.rng.randint(1, 12)
        if roll < 0.25:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{self.rng.randint(1, 28):02d}"

    # -- process records ----------------------------------------------------------------
    def _interviews(self, uow: UnitOfWork, case: Case, persons: list[Person],
                    staff: dict[Role, User], held: dt.date, final: bool) -> None:
        status = DraftStatus.FINAL if final else DraftStatus.DRAFT
        language = "Arabic" if persons[0].given_name_original else "Swahili"
        adults = [p for p in persons if _adult(p)]
        for person in adults:
            uow.insert(Interview(
                id=self.new_id(), case_id=case.id, person_id=person.id, kind=InterviewKind.IND,
                interviewer_id=staff[Role.IND].id, interpreter_language=language, held_on=held,
                notes="Fictional interview notes: account of flight and protection need.",
                status=status))
            uow.insert(AssessmentRecord(
                id=self.new_id(), case_id=case.id, person_id=person.id,
                assessor_id=staff[Role.IND].id, art29a=Outcome.MET if final else Outcome.OPEN,
                art1f=Art1F.NO_INDICATION if final else Art1F.OPEN,
                art29a_grounds="Fictional grounds." if final else "",
                art29b=Outcome.MET if final else Outcome.OPEN,
                integration=Outcome.NO_OBJECTION if final else Outcome.OPEN, status=status))
            self.summary.interviews += 1
        uow.insert(Interview(id=self.new_id(), case_id=case.id, kind=InterviewKind.COA,
                             interviewer_id=staff[Role.COA].id, interpreter_language=language,
                             held_on=held, notes="Fictional profile interview.", status=status))
        uow.insert(ResettlementProfile(
            id=self.new_id(), case_id=case.id, author_id=staff[Role.COA].id,
            housing_needs=f"Family of {len(persons)}.",
            needs_accessible_housing=self.rng.random() < 0.1,
            needs_hospital_nearby=self.rng.random() < 0.15, education="Fictional.",
            work_experience="Fictional.", expectations="Fictional.", status=status))
        if self.rng.random() < 0.2:
            uow.insert(MedicalNote(id=self.new_id(), case_id=case.id, person_id=persons[0].id,
                                   author_id=staff[Role.BMA].id,
                                   findings="Fictional medical finding.", status=status))
        self.summary.interviews += 1

    def _decisions(self, uow: UnitOfWork, case: Case, staff: dict[Role, User], on: dt.date,
                   final: bool, refused: bool) -> None:
        outcome = DecisionOutcome.REFUSE if refused else DecisionOutcome.ACCEPT
        uow.insert(Decision(id=self.new_id(), case_id=case.id, kind=DecisionKind.PROPOSED,
                            outcome=outcome, grounds="Fictional grounds.",
                            decided_by=staff[Role.IND].id, decided_on=on))
        if final or refused:
            uow.insert(Decision(id=self.new_id(), case_id=case.id, kind=DecisionKind.FINAL,
                                outcome=outcome, grounds="Fictional final grounds.",
                                decided_by=staff[Role.HQ_COORDINATOR].id,
                                decided_on=on + dt.timedelta(days=14)))

    def _attendance(self, uow: UnitOfWork, case: Case, persons: list[Person], mission: Mission,
                    staff: dict[Role, User], trainings: dict[str, Training]) -> None:
        training = trainings.get(mission.id)
        if training is None:
            training = trainings[mission.id] = self._training(uow, mission, staff)
        uow.insert(TrainingCase(id=self.new_id(), training_id=training.id, case_id=case.id))
        sessions = self.store.select(TrainingSession, "training_id = ?", (training.id,))
        statuses = [Attendance.PRESENT] * 8 + [Attendance.ABSENT, Attendance.EXCUSED]
        for person in persons:
            if person.follows_later:
                continue
            for session in sessions:
                uow.insert(AttendanceRecord(id=self.new_id(), session_id=session.id,
                                            person_id=person.id, status=self.rng.choice(statuses)))

    def _training(self, uow: UnitOfWork, mission: Mission, staff: dict[Role, User]) -> Training:
        training = uow.insert(Training(
            id=self.new_id(), mission_id=mission.id, name=f"CO {mission.location}",
            location=mission.location, interpreter_language="Arabic",
            trainer_ids=[staff[Role.COA].id], notes=FICTIONAL))
        topics = list(TrainingTopic)
        day = (mission.end_date or dt.date(2025, 6, 1)) + dt.timedelta(days=30)
        for i in range(6):  # one training of six day-parts (dagdelen), as in the 2012 design
            uow.insert(TrainingSession(
                id=self.new_id(), training_id=training.id,
                held_on=day + dt.timedelta(days=i // 2),
                day_part=DayPart.MORNING if i % 2 == 0 else DayPart.AFTERNOON,
                topics=[topics[i % len(topics)].value, topics[(i + 3) % len(topics)].value],
                trainer_id=staff[Role.COA].id))
            self.summary.sessions += 1
        return training

    def _arrivals(self, uow: UnitOfWork, case: Case, persons: list[Person], departed: dt.date,
                  municipality: Municipality) -> None:
        reception = self.rng.random() < 0.2
        for person in persons:
            later = person.follows_later
            uow.insert(Arrival(
                id=self.new_id(), case_id=case.id, person_id=person.id,
                arrived_on=departed + dt.timedelta(days=self.rng.randint(90, 300) if later else 1),
                place=ArrivalPlace.RECEPTION if reception else ArrivalPlace.MUNICIPALITY,
                municipality_id=None if reception else municipality.id,
                reception_location="COA Demo-azc" if reception else "", is_nareis=later))


def _adult(person: Person) -> bool:
    return int(person.birth_date[:4]) <= 2007


def iter_demo_names() -> Iterator[str]:
    """Every name the generator can write, for leak scans (strings, logs, temp files)."""
    for table in (MALE, FEMALE, FAMILY):
        for spellings, original in table:
            yield from spellings
            yield original
    yield from EAST_AFRICAN_GIVEN
    yield from EAST_AFRICAN_FAMILY
