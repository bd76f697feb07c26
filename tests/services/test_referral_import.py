"""Referral import from real CSV (Dutch Excel and plain) and XLSX files written here."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from app.domain import Case, CaseState, Channel, Person, Relationship, Role, Sex
from app.errors import HervestError, RuleViolation
from app.services import cases, referral_import

TODAY = dt.date(2026, 1, 15)
DUTCH_HEADERS = ["Zaaknummer", "Persoonsnummer", "Voornaam", "Achternaam", "Geboortedatum",
                 "Geslacht", "Nationaliteit", "Relatie", "Opvangland"]
GOOD = [
    ["DEMO-EGY-0000001", "DEMO-EGY-0000001-01", "Omar", "Haddad", "14-03-1987", "M", "SYR",
     "PA", "EGY"],
    ["DEMO-EGY-0000001", "DEMO-EGY-0000001-02", "Huda", "Haddad", "1990", "V", "SYR",
     "echtgenote", "EGY"],
    ["DEMO-EGY-0000001", "DEMO-EGY-0000001-03", "Noor", "Haddad", "02-02-2015", "V", "SYR",
     "dochter", "EGY"],
    ["DEMO-EGY-0000002", "DEMO-EGY-0000002-01", "Amani", "Okello", "1979-06-30", "F", "SSD",
     "principal", "EGY"],
]
BAD = [
    # family 3: a bad date and an unknown nationality: held back whole
    ["DEMO-EGY-0000003", "DEMO-EGY-0000003-01", "Deng", "Garang", "31-02-1980", "M", "SSD",
     "PA", "EGY"],
    ["DEMO-EGY-0000003", "DEMO-EGY-0000003-02", "Achol", "Garang", "1985", "F", "ZZZ",
     "spouse", "EGY"],
    # family 4: a missing individual number and a number used twice
    ["DEMO-EGY-0000004", "", "Aster", "Tesfay", "1990", "F", "ERI", "PA", "EGY"],
    ["DEMO-EGY-0000004", "DEMO-EGY-0000001-02", "Kidane", "Tesfay", "2010", "M", "ERI",
     "child", "EGY"],
    # family 5: no principal
    ["DEMO-EGY-0000005", "DEMO-EGY-0000005-01", "Mebrat", "Kidane", "1970", "X", "ERI",
     "sibling", "EGY"],
]


def _dutch_csv(path, rows):
    """As a Dutch Excel saves it: BOM, ';', dd-mm-yyyy, Windows line ends."""
    lines = [";".join(DUTCH_HEADERS), *(";".join(r) for r in rows)]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    return path


def test_dutch_excel_csv_is_sniffed_and_imported(store, tmp_path):
    report = referral_import.check(store, _dutch_csv(tmp_path / "ref.csv", GOOD), today=TODAY)
    assert report.problems == [] and len(report.valid) == 2 and report.valid_persons == 4
    made = referral_import.apply(store, report)
    assert [c.unhcr_case_number for c in made] == ["DEMO-EGY-0000001", "DEMO-EGY-0000002"]
    family = store.select(Person, "case_id = ?", (made[0].id,), order_by="unhcr_individual_number")
    assert [(p.given_name, p.birth_date, p.sex, p.relationship) for p in family] == [
        ("Omar", "1987-03-14", Sex.MALE, Relationship.PRINCIPAL),
        ("Huda", "1990", Sex.FEMALE, Relationship.SPOUSE),
        ("Noor", "2015-02-02", Sex.FEMALE, Relationship.CHILD)]
    case = store.get(Case, made[0].id)
    assert (case.state, case.channel, case.host_country) == (
        CaseState.REFERRED, Channel.DOSSIER, "EGY")
    assert cases.history(store, case.id)[0].to_state is CaseState.REFERRED
    again = referral_import.check(store, tmp_path / "ref.csv", today=TODAY)
    assert {p.key for p in again.problems} == {"import.person_exists", "import.case_exists"}


def test_dry_run_lists_every_problem_by_row_and_writes_nothing(store, tmp_path):
    path = _dutch_csv(tmp_path / "ref.csv", GOOD + BAD)
    before = store.count(Case)
    report, made = referral_import.import_referrals(store, path, dry_run=True)
    assert made == [] and store.count(Case) == before
    found = {(p.row, p.key) for p in report.problems}
    assert found == {
        (6, "import.bad_date"), (7, "import.unknown_nationality"), (8, "import.missing"),
        (9, "import.duplicate_in_file"), (10, "import.principal")}
    assert report.skipped_rows == 5 and len(report.valid) == 2
    messages = {p.row: p.message("en") for p in report.problems}
    assert "31-02-1980" in messages[6] and "ZZZ" in messages[7]
    assert "row 3" in messages[9] and "UNHCR individual number" in messages[8]
    assert "persoonsnummer" in report.problems[2].message("nl").lower()


def test_all_or_nothing_refuses_and_valid_rows_mode_imports_the_good_families(store, tmp_path):
    path = _dutch_csv(tmp_path / "ref.csv", GOOD + BAD)
    with pytest.raises(RuleViolation, match="Nothing was imported: 5 problem"):
        referral_import.import_referrals(store, path, all_or_nothing=True)
    assert store.count(Case) == 0
    _, made = referral_import.import_referrals(store, path)
    assert len(made) == 2 and store.count(Person) == 4


def test_xlsx_with_real_dates_and_a_saved_mapping(store, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Case", "Indiv", "First", "Last", "DOB", "Sex", "Nat", "Rel", "Arabic given"])
    sheet.append(["DEMO-LBN-1", "DEMO-LBN-1-01", "Mohammed", "Al-Hassan",
                  dt.datetime(1980, 5, 1), "M", "SY", "PA", "محمد"])
    sheet.append(["DEMO-LBN-1", "DEMO-LBN-1-02", "Zainab", "Al-Hassan", 1984, "F", "stateless",
                  "wife", "زينب"])
    book.save(tmp_path / "ref.xlsx")
    with pytest.raises(HervestError, match="No column found"):
        referral_import.check(store, tmp_path / "ref.xlsx")
    mapping = {"unhcr_case_number": "Case", "unhcr_individual_number": "Indiv",
               "given_name": "First", "family_name": "Last", "birth_date": "DOB", "sex": "Sex",
               "nationality": "Nat", "relationship": "Rel", "given_name_original": "Arabic given"}
    referral_import.save_mapping(tmp_path / "mapping.json", mapping)
    saved = referral_import.load_mapping(tmp_path / "mapping.json")
    assert saved == mapping and (tmp_path / "mapping.json").stat().st_mode & 0o777 == 0o600
    report, made = referral_import.import_referrals(store, tmp_path / "ref.xlsx", saved)
    assert report.problems == []
    people = store.select(Person, "case_id = ?", (made[0].id,), order_by="birth_date")
    assert [(p.birth_date, p.nationality, p.given_name_original) for p in people] == [
        ("1980-05-01", "SYR", "محمد"), ("1984", "XXA", "زينب")]


def test_plain_comma_csv_and_unreadable_files(store, tmp_path):
    plain = tmp_path / "plain.csv"
    plain.write_text("case number,individual number,given name,date of birth,nationality,"
                     "relationship\nDEMO-K-1,DEMO-K-1-01,Baraka,1999-01-02,COD,principal\n",
                     encoding="utf-8")
    report = referral_import.check(store, plain)
    assert report.problems == [] and len(report.valid) == 1
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(HervestError, match="no header row"):
        referral_import.check(store, tmp_path / "empty.csv")
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(HervestError, match="cannot be read"):
        referral_import.check(store, tmp_path / "broken.xlsx")
    with pytest.raises(HervestError, match="cannot be read"):
        referral_import.check(store, tmp_path / "missing.csv")
    (tmp_path / "bad.json").write_text("{\"nonsense\": 1}", encoding="utf-8")
    with pytest.raises(HervestError, match="mapping"):
        referral_import.load_mapping(tmp_path / "bad.json")


def test_only_hq_imports(store, tmp_path, flow):
    path = _dutch_csv(tmp_path / "ref.csv", GOOD)
    flow.act(Role.IND)
    with pytest.raises(HervestError, match="may not"):
        referral_import.check(store, path)


def test_dates():
    parse = referral_import.parse_date
    assert parse("14-03-1987") == "1987-03-14" and parse("14/03/1987") == "1987-03-14"
    assert parse("1987") == "1987" and parse("03-1987") == "1987-03"
    assert parse(dt.date(2001, 1, 2)) == "2001-01-02"
    assert parse("31-02-1980") is None and parse("1850") is None
    assert parse("01-01-2030", TODAY) is None and parse("yesterday") is None
