"""Import of the cases UNHCR referred, from a CSV or XLSX case list: one row per person,
grouped into cases by the UNHCR case number.

`check` is the dry run: it reads the file with a column mapping (guessed from the headers,
or saved earlier) and lists every problem by row: missing fields, bad dates, unknown
nationality codes or values, duplicates within the file or with the database. `apply`
writes the result in one unit of work: either every valid case, or nothing at all when any
row has a problem (the user chooses). A family is imported whole: a case with a problem in
any of its rows waits until the file is corrected.

CSV files are sniffed, not assumed: a Dutch Excel writes `;`, a UTF-8 byte order mark and
dd-mm-yyyy dates; other tools write `,` and ISO dates."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry

from app import limits
from app.atomic import write_atomic
from app.domain import Case, Channel, Person, Priority, Relationship, Sex
from app.domain.names import fold
from app.errors import HervestError
from app.services import cases
from app.services.access import Action, require
from app.services.messages import Refused, Term
from app.services.xlsx_check import check_xlsx
from app.store.database import Store

STATELESS = "XXA"
REQUIRED = ("unhcr_case_number", "unhcr_individual_number", "birth_date", "nationality")
# field -> header spellings recognised without a saved mapping (compared folded)
ALIASES: dict[str, tuple[str, ...]] = {
    "unhcr_case_number": ("unhcr case number", "case number", "case no", "case", "progres case",
                          "zaaknummer", "unhcr zaaknummer"),
    "unhcr_individual_number": ("unhcr individual number", "individual number",
                                "individual no", "individual id", "unhcr id", "persoonsnummer",
                                "individueel nummer"),
    "given_name": ("given name", "given names", "first name", "voornaam", "voornamen"),
    "family_name": ("family name", "surname", "last name", "achternaam", "familienaam"),
    "given_name_original": ("given name original", "given name arabic", "given name script",
                            "voornaam origineel"),
    "family_name_original": ("family name original", "family name arabic",
                             "family name script", "achternaam origineel"),
    "birth_date": ("date of birth", "birth date", "dob", "geboortedatum"),
    "sex": ("sex", "gender", "geslacht"),
    "nationality": ("nationality", "country of origin", "coo", "nationaliteit"),
    "relationship": ("relationship", "relationship to pa", "relation", "relatie",
                     "relatie tot hoofdpersoon"),
    "host_country": ("host country", "country of asylum", "coa country", "opvangland"),
    "channel": ("channel", "kanaal"),
    "priority": ("priority", "prioriteit"),
    "submission_category": ("submission category", "category", "categorie"),
    "referred_on": ("referral date", "submission date", "referred on", "datum voordracht"),
    "protection_need": ("protection need", "protection needs", "beschermingsbehoefte"),
}
FIELDS = tuple(ALIASES)
SEXES = {"m": Sex.MALE, "male": Sex.MALE, "man": Sex.MALE, "f": Sex.FEMALE, "v": Sex.FEMALE,
         "female": Sex.FEMALE, "vrouw": Sex.FEMALE, "x": Sex.OTHER, "other": Sex.OTHER,
         "u": Sex.UNKNOWN, "unknown": Sex.UNKNOWN, "onbekend": Sex.UNKNOWN}
RELATIONSHIPS = {
    **{r.value.replace("_", " "): r for r in Relationship},
    "pa": Relationship.PRINCIPAL, "principal applicant": Relationship.PRINCIPAL,
    "head of family": Relationship.PRINCIPAL, "hoofdpersoon": Relationship.PRINCIPAL,
    "wife": Relationship.SPOUSE, "husband": Relationship.SPOUSE,
    "echtgenoot": Relationship.SPOUSE, "echtgenote": Relationship.SPOUSE,
    "partner": Relationship.SPOUSE, "son": Relationship.CHILD, "daughter": Relationship.CHILD,
    "kind": Relationship.CHILD, "zoon": Relationship.CHILD, "dochter": Relationship.CHILD,
    "mother": Relationship.PARENT, "father": Relationship.PARENT, "ouder": Relationship.PARENT,
    "brother": Relationship.SIBLING, "sister": Relationship.SIBLING,
    "broer": Relationship.SIBLING, "zus": Relationship.SIBLING,
}
_DATE_FORMATS = (("%Y-%m-%d", 10), ("%d-%m-%Y", 10), ("%d/%m/%Y", 10), ("%d.%m.%Y", 10),
                 ("%Y/%m/%d", 10), ("%Y-%m", 7), ("%m-%Y", 7), ("%m/%Y", 7), ("%Y", 4))
_PARTIAL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True)
class Problem:
    row: int  # row number as the spreadsheet shows it (the header is row 1)
    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        return Refused(self.key, **self.params).message(lang)


@dataclass
class ImportReport:
    """What a dry run found; `apply` writes it."""
    path: Path
    mapping: dict[str, str]
    rows: int = 0
    problems: list[Problem] = field(default_factory=list)
    valid: list[tuple[Case, list[Person]]] = field(default_factory=list)
    skipped_rows: int = 0  # rows of families held back by a problem

    @property
    def valid_persons(self) -> int:
        return sum(len(p) for _, p in self.valid)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"file": str(self.path), "rows": self.rows, "valid_cases": len(self.valid),
                "valid_persons": self.valid_persons, "skipped_rows": self.skipped_rows,
                "problems": [{"row": p.row, "problem": p.key, "message": p.message(lang)}
                             for p in self.problems]}


# -- reading ----------------------------------------------------------------------------------
def read_table(path: Path) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of the first sheet of an XLSX, or of a CSV in any common dialect."""
    path = Path(path)
    try:
        suffix = path.suffix.lower()
        if suffix in (".xls", ".ods"):  # formats whose cost cannot be checked before reading
            raise HervestError("import.format", path=str(path))
        if suffix in (".xlsx", ".xlsm"):
            limits.REFERRAL_FILE.check(path.stat().st_size, path=str(path))
            table = _read_sheet(path)
        else:
            table = _read_csv(limits.read_bounded(path, limits.REFERRAL_FILE))
    except OSError as error:
        raise HervestError("import.unreadable", path=str(path), detail=error.strerror) from None
    except csv.Error as error:  # e.g. a NUL byte or a stray line break in a CSV
        raise HervestError("import.unreadable", path=str(path), detail=str(error)) from None
    table = [row for row in table if any(str(c).strip() for c in row if c is not None)]
    if len(table) < 2:
        raise HervestError("import.no_rows", path=str(path))
    headers = [str(h or "").strip() for h in table[0]]
    return headers, [list(r) + [""] * (len(headers) - len(r)) for r in table[1:]]


def _read_sheet(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineError, CalamineWorkbook

    check_xlsx(path)  # calamine would allocate whatever grid the file names
    try:
        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    except (CalamineError, ValueError) as error:
        raise HervestError("import.unreadable", path=str(path), detail=str(error)) from None


def _read_csv(raw: bytes) -> list[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # an older Excel saves Windows-1252
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect: Any = csv.Sniffer().sniff(text[:8192], delimiters=";,\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(limits.CSV_CELL.value)  # the module's is process-wide: set it here
    table = []
    try:
        for row in csv.reader(io.StringIO(text), dialect):  # bounded as it is read
            table.append(row)
            limits.check_sheet(len(table), len(row))
    except csv.Error as error:
        if "field limit" in str(error):  # CPython's words for a cell past field_size_limit
            raise limits.CSV_CELL.refusal() from None
        raise
    return table


# -- mapping ----------------------------------------------------------------------------------
def guess_mapping(headers: Sequence[str]) -> dict[str, str]:
    """field -> header, for the headers that look like a known field."""
    by_fold = {fold(h): h for h in headers if h}
    mapping = {}
    for name, aliases in ALIASES.items():
        for alias in (fold(name.replace("_", " ")), *aliases):
            if alias in by_fold:
                mapping[name] = by_fold[alias]
                break
    return mapping


def load_mapping(path: Path) -> dict[str, str]:
    try:
        data = json.loads(limits.read_bounded(path, limits.SMALL_FILE).decode("utf-8"))
    except (OSError, ValueError) as error:
        raise HervestError("import.bad_mapping", path=str(path), detail=str(error)) from None
    unknown = set(data) - set(FIELDS) if isinstance(data, dict) else {"(not an object)"}
    if unknown:
        raise HervestError("import.bad_mapping", path=str(path),
                           detail=", ".join(sorted(unknown)))
    return {str(k): str(v) for k, v in data.items()}


def save_mapping(path: Path, mapping: dict[str, str]) -> None:
    write_atomic(Path(path), json.dumps(mapping, indent=2, ensure_ascii=False).encode())


# -- checking ---------------------------------------------------------------------------------
def check(store: Store, path: Path, mapping: dict[str, str] | None = None,
          today: dt.date | None = None) -> ImportReport:
    """The dry run: read, validate and group; writes nothing."""
    require(store.user, Action.WRITE, Case.ENTITY)
    headers, rows = read_table(path)
    mapping = mapping or guess_mapping(headers)
    missing_columns = [f for f in REQUIRED if mapping.get(f) not in headers]
    if missing_columns:
        raise HervestError("import.unmapped", fields=", ".join(missing_columns),
                           headers=", ".join(headers))
    index = {f: headers.index(h) for f, h in mapping.items() if h in headers}
    report = ImportReport(Path(path), mapping, rows=len(rows))
    known_people = {r[0] for r in store.rows(
        "SELECT unhcr_individual_number FROM persons WHERE unhcr_individual_number != ''")}
    known_cases = {r[0] for r in store.rows("SELECT unhcr_case_number FROM cases")}
    seen: dict[str, int] = {}
    families: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    bad_rows: set[int] = set()
    for number, row in enumerate(rows, start=2):
        values = {f: _text(row[i]) if not isinstance(row[i], dt.date) else row[i]
                  for f, i in index.items()}
        problems = _row_problems(number, values, today or dt.date.today())
        person_no = values.get("unhcr_individual_number", "")
        if person_no in seen:
            problems.append(Problem(number, "import.duplicate_in_file",
                                    {"number": person_no, "first": seen[person_no]}))
        elif person_no in known_people:
            problems.append(Problem(number, "import.person_exists", {"number": person_no}))
        if person_no:
            seen.setdefault(person_no, number)
        case_no = values.get("unhcr_case_number", "")
        if case_no in known_cases:
            problems.append(Problem(number, "import.case_exists", {"number": case_no}))
        report.problems += problems
        if problems:
            bad_rows.add(number)
        if case_no:
            families[case_no].append((number, values))
    for case_no, members in families.items():
        principals = [n for n, v in members if _relationship(v) is Relationship.PRINCIPAL]
        if len(principals) != 1:
            report.problems.append(Problem(members[0][0], "import.principal",
                                           {"case": case_no, "n": len(principals)}))
            bad_rows.add(members[0][0])
        if any(n in bad_rows for n, _ in members):
            report.skipped_rows += len(members)
            continue
        report.valid.append(_family(case_no, members, today or dt.date.today()))
    report.problems.sort(key=lambda p: p.row)
    return report


def _row_problems(number: int, values: dict[str, Any], today: dt.date) -> list[Problem]:
    problems = []
    for name in REQUIRED:
        if not values.get(name):
            problems.append(Problem(number, "import.missing", {"field": _label(name)}))
    if not values.get("given_name") and not values.get("given_name_original"):
        problems.append(Problem(number, "import.missing", {"field": _label("given_name")}))
    for name in ("birth_date", "referred_on"):
        if values.get(name) and parse_date(values[name], today) is None:
            problems.append(Problem(number, "import.bad_date",
                                    {"field": _label(name), "value": str(values[name])}))
    if values.get("nationality") and nationality(values["nationality"]) is None:
        problems.append(Problem(number, "import.unknown_nationality",
                                {"value": values["nationality"]}))
    if values.get("host_country") and nationality(values["host_country"]) in (None, STATELESS):
        problems.append(Problem(number, "import.unknown_country",
                                {"value": values["host_country"]}))
    for name, table in (("sex", SEXES), ("relationship", RELATIONSHIPS),
                        ("channel", {c.value: c for c in Channel}),
                        ("priority", {p.value: p for p in Priority})):
        if values.get(name) and fold(values[name]) not in table:
            problems.append(Problem(number, "import.bad_value",
                                    {"field": _label(name), "value": values[name]}))
    return problems


def parse_date(value: Any, today: dt.date | None = None) -> str | None:
    """A (partial) ISO date, "1987", "1987-03" or "1987-03-14", or None if not a date of
    a living person or a referral (after 1900, not in the future)."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        text = value.isoformat()
    else:
        text = None
        raw = str(value).strip()
        for fmt, length in _DATE_FORMATS:
            try:
                text = dt.datetime.strptime(raw, fmt).date().isoformat()[:length]
                break
            except ValueError:
                continue
        if text is None:
            return None
    year = int(text[:4])
    if not _PARTIAL.match(text) or year < 1900 or text > (today or dt.date.today()).isoformat():
        return None
    return text


def nationality(value: str) -> str | None:
    """ISO 3166 alpha-3 from alpha-3 or alpha-2; XXA for stateless; None if unknown."""
    code = value.strip().upper()
    if code in (STATELESS, "STATELESS", "STAATLOOS"):
        return STATELESS
    if len(code) == 3 and pycountry.countries.get(alpha_3=code):
        return code
    if len(code) == 2:
        country = pycountry.countries.get(alpha_2=code)
        return country.alpha_3 if country else None
    return None


def _family(case_no: str, members: list[tuple[int, dict[str, Any]]],
            today: dt.date) -> tuple[Case, list[Person]]:
    first = next(v for _, v in members if _relationship(v) is Relationship.PRINCIPAL)
    referred = parse_date(first.get("referred_on") or "", today)
    case = Case(
        unhcr_case_number=case_no,
        channel=Channel(fold(first.get("channel") or "dossier")),
        priority=Priority(fold(first.get("priority") or "normal")),
        submission_category=first.get("submission_category", ""),
        host_country=nationality(first.get("host_country") or "") or "",
        referred_on=dt.date.fromisoformat(referred) if referred and len(referred) == 10
        else today,
        protection_need=first.get("protection_need", ""))
    persons = [Person(
        case_id=case.id, unhcr_individual_number=v["unhcr_individual_number"],
        given_name=v.get("given_name", ""), family_name=v.get("family_name", ""),
        given_name_original=v.get("given_name_original", ""),
        family_name_original=v.get("family_name_original", ""),
        birth_date=parse_date(v["birth_date"], today) or "",
        sex=SEXES.get(fold(v.get("sex") or "u"), Sex.UNKNOWN),
        nationality=nationality(v["nationality"]) or "",
        relationship=_relationship(v)) for _, v in members]
    return case, persons


def _relationship(values: dict[str, Any]) -> Relationship | None:
    return RELATIONSHIPS.get(fold(values.get("relationship") or ""))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a number column in a spreadsheet
    return str(value).strip()


def _label(name: str) -> Term:
    return Term(f"import.field.{name}")


# -- applying ---------------------------------------------------------------------------------
def apply(store: Store, report: ImportReport, all_or_nothing: bool = False) -> list[Case]:
    """Write the valid cases in one unit of work. With `all_or_nothing`, any problem in the
    file refuses the whole import and nothing is written."""
    require(store.user, Action.WRITE, Case.ENTITY)
    if all_or_nothing and report.problems:
        raise Refused("import.refused_all", n=len(report.problems),
                      rows=len({p.row for p in report.problems}))
    with store.write() as uow:
        made = [cases.insert_case(uow, case, persons) for case, persons in report.valid]
        uow.audit("referral-import", {"file": report.path.name, "cases": len(made),
                                      "persons": report.valid_persons,
                                      "problems": len(report.problems)})
    return made


def import_referrals(store: Store, path: Path, mapping: dict[str, str] | None = None, *,
                     dry_run: bool = False,
                     all_or_nothing: bool = False) -> tuple[ImportReport, list[Case]]:
    report = check(store, path, mapping)
    return report, [] if dry_run else apply(store, report, all_or_nothing)


def problems_by_row(report: ImportReport) -> Iterable[tuple[int, list[Problem]]]:
    rows: dict[int, list[Problem]] = defaultdict(list)
    for problem in report.problems:
        rows[problem.row].append(problem)
    return sorted(rows.items())
