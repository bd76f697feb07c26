"""Messages of the process services, in English and Dutch (registered on import)."""

from __future__ import annotations

from typing import Any

from app.errors import PermissionDenied, RuleViolation
from app.i18n import register_messages, tr


class Term:
    """A message parameter that is itself a catalogue entry (a state name, a resource),
    rendered in the language the whole message is shown in; several join with commas."""

    def __init__(self, *keys: str) -> None:
        self.keys = keys

    def render(self, lang: str | None) -> str:
        return ", ".join(tr(k, lang) for k in self.keys)

    def __str__(self) -> str:
        return self.render(None)


def _render(error: Any, lang: str | None) -> str:
    params = {k: v.render(lang) if isinstance(v, Term) else v for k, v in error.params.items()}
    return tr(error.key, lang, **params)


class Refused(RuleViolation):
    """A process rule refuses the action; the message names what is missing."""

    def message(self, lang: str | None = None) -> str:
        return _render(self, lang)


class Denied(PermissionDenied):
    """The user's role may not do this (need-to-know)."""

    def message(self, lang: str | None = None) -> str:
        return _render(self, lang)

_STATES = {
    "referred": ("referred", "voorgedragen"), "scheduled": ("scheduled", "ingepland"),
    "interviewed": ("interviewed", "gehoord"), "proposed": ("proposed", "voorgesteld"),
    "decided": ("decided (accepted)", "besloten (geaccepteerd)"),
    "co_training": ("in CO training", "in CO-training"), "departed": ("departed", "vertrokken"),
    "arrived": ("arrived", "aangekomen"), "refused": ("refused", "afgewezen"),
    "withdrawn": ("withdrawn", "ingetrokken"),
}
_RESOURCES = {
    "users": ("users", "gebruikers"), "frameworks": ("policy frameworks", "beleidskaders"),
    "framework_years": ("framework targets", "jaardoelen"),
    "framework_earmarks": ("earmarks", "oormerken"), "framework_deductions": ("deductions",
                                                                              "aftrekposten"),
    "carry_overs": ("carry-overs", "overhevelingen"), "missions": ("missions", "missies"),
    "delegation_members": ("delegations", "delegaties"), "cases": ("cases", "zaken"),
    "case_transitions": ("case history", "zaakgeschiedenis"), "persons": ("persons", "personen"),
    "interviews": ("interviews", "gehoren"), "assessments": ("IND assessments",
                                                             "IND-beoordelingen"),
    "decisions": ("decisions", "beslissingen"),
    "resettlement_profiles": ("resettlement profiles", "hervestigingsprofielen"),
    "medical_notes": ("medical notes", "medische notities"),
    "trainings": ("CO trainings", "CO-trainingen"), "training_cases": ("CO trainings",
                                                                       "CO-trainingen"),
    "training_sessions": ("CO sessions", "CO-dagdelen"), "attendance": ("attendance",
                                                                        "aanwezigheid"),
    "municipalities": ("municipalities", "gemeenten"), "placements": ("placements",
                                                                      "koppelingen"),
    "departures": ("departures", "vertrek"), "arrivals": ("arrivals", "aankomsten"),
    "attachments": ("documents", "documenten"), "duplicate_flags": ("duplicate flags",
                                                                    "dubbelingen"),
    "conflicts": ("sync conflicts", "synchronisatieconflicten"),
}
_FIELDS = {
    "unhcr_case_number": ("UNHCR case number", "UNHCR-zaaknummer"),
    "unhcr_individual_number": ("UNHCR individual number", "UNHCR-persoonsnummer"),
    "given_name": ("given name", "voornaam"), "family_name": ("family name", "achternaam"),
    "given_name_original": ("given name (original script)", "voornaam (origineel schrift)"),
    "family_name_original": ("family name (original script)",
                             "achternaam (origineel schrift)"),
    "birth_date": ("date of birth", "geboortedatum"), "sex": ("sex", "geslacht"),
    "nationality": ("nationality", "nationaliteit"),
    "relationship": ("relationship", "relatie"), "host_country": ("host country", "opvangland"),
    "channel": ("channel", "kanaal"), "priority": ("priority", "prioriteit"),
    "submission_category": ("submission category", "categorie"),
    "referred_on": ("referral date", "datum voordracht"),
    "protection_need": ("protection need", "beschermingsbehoefte"),
}
_OUTCOMES = {"accept": ("accept", "accepteren"), "refuse": ("refuse", "afwijzen"),
             "pending": ("pending", "aangehouden")}
_ROLES = {"IND": ("IND", "IND"), "COA": ("COA", "COA"), "BMA": ("BMA", "BMA"),
          "BUZA": ("Foreign Affairs", "Buitenlandse Zaken"),
          "HQ_COORDINATOR": ("HQ coordinator", "HQ-coördinator"),
          "HQ_MEDICAL": ("HQ medical adviser", "HQ medisch adviseur"),
          "ADMIN": ("administrator", "beheerder")}


def _pairs(prefix: str, table: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {f"{prefix}.{k}": {"en": en, "nl": nl} for k, (en, nl) in table.items()}


MESSAGES: dict[str, dict[str, str]] = {
    **_pairs("state", _STATES),
    **_pairs("resource", _RESOURCES),
    **_pairs("outcome", _OUTCOMES),
    **_pairs("role", _ROLES),
    **_pairs("import.field", _FIELDS),
    "access.read": {"en": "read", "nl": "inzien"},
    "access.write": {"en": "change", "nl": "wijzigen"},
    "access.denied": {
        "en": "Your role ({role}) may not {action} {what}.",
        "nl": "Uw rol ({role}) mag {what} niet {action}.",
    },
    "access.denied_state": {
        "en": "Your role ({role}) may not make a case {state}.",
        "nl": "Uw rol ({role}) mag een zaak niet {state} maken.",
    },
    # case workflow
    "case.ended": {
        "en": "Case {case} is {state}: that is final, it cannot move on.",
        "nl": "Zaak {case} is {state}: dat is definitief, de zaak kan niet verder.",
    },
    "case.skips": {
        "en": "Case {case} is {state} and cannot become {target} yet: first it must be "
        "{missing}.",
        "nl": "Zaak {case} is {state} en kan nog niet {target} worden: eerst moet de zaak "
        "{missing} zijn.",
    },
    "case.backwards": {
        "en": "Case {case} is {state}; it cannot go back to {target}.",
        "nl": "Zaak {case} is {state}; de zaak kan niet terug naar {target}.",
    },
    "case.refuse_needs_proposal": {
        "en": "Case {case} is {state}: HQ refuses a case only after the delegation's proposal.",
        "nl": "Zaak {case} is {state}: HQ wijst een zaak pas af na het voorstel van de "
        "delegatie.",
    },
    "case.needs_mission": {
        "en": "Case {case} cannot be scheduled: assign it to a mission first.",
        "nl": "Zaak {case} kan niet worden ingepland: wijs de zaak eerst toe aan een missie.",
    },
    "case.needs_interviews": {
        "en": "Case {case} is not interviewed yet: {n} adult(s) still need a finalised IND "
        "interview.",
        "nl": "Zaak {case} is nog niet gehoord: {n} volwassene(n) hebben nog geen afgerond "
        "IND-gehoor.",
    },
    "case.needs_proposal": {
        "en": "Case {case} has no proposed decision yet: the delegation proposes first.",
        "nl": "Zaak {case} heeft nog geen voorgestelde beslissing: eerst doet de delegatie een "
        "voorstel.",
    },
    "case.needs_final_decision": {
        "en": "Case {case} needs HQ's final decision '{outcome}' first.",
        "nl": "Zaak {case} heeft eerst de definitieve beslissing '{outcome}' van HQ nodig.",
    },
    "case.needs_training": {
        "en": "Case {case} is not in a CO training yet: add it to a training first.",
        "nl": "Zaak {case} zit nog niet in een CO-training: voeg de zaak eerst toe aan een "
        "training.",
    },
    "case.needs_departure": {
        "en": "Case {case} has no departure recorded yet.",
        "nl": "Voor zaak {case} is nog geen vertrek vastgelegd.",
    },
    "case.needs_arrival": {
        "en": "Case {case} has no arrival recorded yet.",
        "nl": "Voor zaak {case} is nog geen aankomst vastgelegd.",
    },
    "case.needs_note": {
        "en": "Withdrawing case {case} needs a note saying why.",
        "nl": "Voor het intrekken van zaak {case} is een toelichting nodig.",
    },
    "mission.dates": {
        "en": "The mission ends before it starts.",
        "nl": "De missie eindigt voordat hij begint.",
    },
    "mission.assign_state": {
        "en": "Case {case} is {state}; only referred or scheduled cases can be assigned to a "
        "mission.",
        "nl": "Zaak {case} is {state}; alleen voorgedragen of ingeplande zaken kunnen aan een "
        "missie worden toegewezen.",
    },
    # interviews and assessments
    "interview.not_adult": {
        "en": "An IND interview or assessment is for an adult; this person is a minor.",
        "nl": "Een IND-gehoor of -beoordeling is voor een volwassene; deze persoon is minderjarig.",
    },
    "interview.person_not_in_case": {
        "en": "This person does not belong to this case.",
        "nl": "Deze persoon hoort niet bij deze zaak.",
    },
    "interview.final": {
        "en": "This is finalised and read-only. Make a correction (a new version) instead.",
        "nl": "Dit is afgerond en alleen-lezen. Maak in plaats daarvan een correctie (een nieuwe "
        "versie).",
    },
    "interview.exists": {
        "en": "This person already has an IND interview. Continue it, or correct the "
        "finalised one (a new version).",
        "nl": "Deze persoon heeft al een IND-gehoor. Ga daarmee verder, of corrigeer het "
        "afgeronde gehoor (een nieuwe versie).",
    },
    "interview.correct": {  # the form's button that makes the correction
        "en": "&Correct (new version)",
        "nl": "&Corrigeren (nieuwe versie)",
    },
    "interview.not_final": {
        "en": "Only a finalised interview gets a correction; a draft can simply be edited.",
        "nl": "Alleen een afgerond gehoor krijgt een correctie; een concept kunt u gewoon "
        "bewerken.",
    },
    "interview.empty": {
        "en": "An interview without notes cannot be finalised.",
        "nl": "Een gehoor zonder aantekeningen kan niet worden afgerond.",
    },
    "profile.missing": {
        "en": "This case has no resettlement profile yet.",
        "nl": "Deze zaak heeft nog geen hervestigingsprofiel.",
    },
    "assessment.final": {
        "en": "This assessment is finalised and read-only.",
        "nl": "Deze beoordeling is afgerond en alleen-lezen.",
    },
    "assessment.needs_1f": {
        "en": "Answer the art. 1F exclusion question first.",
        "nl": "Beantwoord eerst de vraag naar uitsluiting op grond van art. 1F.",
    },
    "assessment.needs_29a": {
        "en": "Art. 29(1)(a) needs an outcome and written grounds.",
        "nl": "Art. 29, eerste lid, onder a heeft een uitkomst en een motivering nodig.",
    },
    "assessment.needs_29b": {
        "en": "Art. 29(1)(b) needs an outcome and written grounds.",
        "nl": "Art. 29, eerste lid, onder b heeft een uitkomst en een motivering nodig.",
    },
    "assessment.needs_integration": {
        "en": "The integration check needs an outcome and written grounds.",
        "nl": "De integratietoets heeft een uitkomst en een motivering nodig.",
    },
    "assessment.1f_contradiction": {
        "en": "With an art. 1F indication the person cannot meet art. 29(1)(a).",
        "nl": "Bij een aanwijzing voor art. 1F kan de persoon niet onder art. 29, eerste lid, "
        "onder a vallen.",
    },
    "assessment.bad_answer": {
        "en": "That answer does not belong to the question {question}.",
        "nl": "Dat antwoord hoort niet bij de vraag {question}.",
    },
    "decision.needs_assessments": {
        "en": "Case {case} cannot be proposed for acceptance: {n} adult(s) have no finalised "
        "assessment.",
        "nl": "Zaak {case} kan niet voor acceptatie worden voorgesteld: {n} volwassene(n) "
        "hebben geen afgeronde beoordeling.",
    },
    "decision.needs_grounds": {
        "en": "A refusal or a pending decision needs written grounds.",
        "nl": "Een afwijzing of aanhouding heeft een motivering nodig.",
    },
    "decision.final_pending": {
        "en": "HQ's final decision is accept or refuse; 'pending' is for the field's proposal.",
        "nl": "De definitieve beslissing van HQ is accepteren of afwijzen; 'aangehouden' is "
        "voor het voorstel uit het veld.",
    },
    # training
    "training.not_accepted": {
        "en": "Case {case} is {state}; only accepted cases take part in a CO training.",
        "nl": "Zaak {case} is {state}; alleen geaccepteerde zaken nemen deel aan een CO-training.",
    },
    "training.person_not_enrolled": {
        "en": "This person's case is not in this training.",
        "nl": "De zaak van deze persoon zit niet in deze training.",
    },
    "training.session_has_attendance": {
        "en": "This session has attendance recorded, so it took place and is kept.",
        "nl": "Voor dit dagdeel is aanwezigheid vastgelegd; het heeft plaatsgevonden en blijft.",
    },
    "training.unknown_topic": {
        "en": "Unknown training topic ({topic}).",
        "nl": "Onbekend trainingsonderwerp ({topic}).",
    },
    "training.double_booked": {
        "en": "This training already has a session on {day} in that day-part.",
        "nl": "Deze training heeft op {day} al een sessie in dat dagdeel.",
    },
    # placement and arrival
    "placement.not_accepted": {
        "en": "Case {case} is {state}; only accepted cases are placed in a municipality.",
        "nl": "Zaak {case} is {state}; alleen geaccepteerde zaken worden aan een gemeente "
        "gekoppeld.",
    },
    "placement.confirmed": {
        "en": "The municipality has confirmed this placement; it is not changed here.",
        "nl": "De gemeente heeft deze koppeling bevestigd; die wordt hier niet gewijzigd.",
    },
    "placement.missing": {
        "en": "This case is not linked to a municipality yet.",
        "nl": "Deze zaak is nog niet aan een gemeente gekoppeld.",
    },
    "arrival.needs_place": {
        "en": "Case {case} has no municipality: name the COA reception location instead.",
        "nl": "Zaak {case} heeft geen gemeente: geef dan de COA-opvanglocatie op.",
    },
    "arrival.nareis_before_case": {
        "en": "Family of case {case} can only follow after the case itself has arrived.",
        "nl": "Gezinsleden van zaak {case} kunnen pas nareizen als de zaak zelf is aangekomen.",
    },
    "match.accessible": {"en": "accessible housing", "nl": "toegankelijke woning"},
    "match.hospital": {"en": "hospital nearby", "nl": "ziekenhuis in de buurt"},
    "duplicates.decided": {
        "en": "This possible duplicate has already been decided.",
        "nl": "Over deze mogelijke dubbeling is al beslist.",
    },
    # referral import
    "import.unreadable": {
        "en": "{path} cannot be read ({detail}).",
        "nl": "{path} kan niet worden gelezen ({detail}).",
    },
    "import.format": {
        "en": "{path} is not a CSV or XLSX file; save the case list as one of those.",
        "nl": "{path} is geen CSV- of XLSX-bestand; sla de zakenlijst in een van die vormen op.",
    },
    "import.no_rows": {
        "en": "{path} has no header row with rows under it.",
        "nl": "{path} heeft geen kopregel met regels eronder.",
    },
    "import.bad_mapping": {
        "en": "The column mapping {path} cannot be used ({detail}).",
        "nl": "De kolomindeling {path} is niet bruikbaar ({detail}).",
    },
    "import.unmapped": {
        "en": "No column found for: {fields}. Columns in the file: {headers}. Save a column "
        "mapping and try again.",
        "nl": "Geen kolom gevonden voor: {fields}. Kolommen in het bestand: {headers}. Sla een "
        "kolomindeling op en probeer het opnieuw.",
    },
    "import.missing": {"en": "{field} is missing.", "nl": "{field} ontbreekt."},
    "import.bad_date": {
        "en": "{field} '{value}' is not a date (use dd-mm-yyyy, yyyy-mm-dd or a year).",
        "nl": "{field} '{value}' is geen datum (gebruik dd-mm-jjjj, jjjj-mm-dd of een jaar).",
    },
    "import.unknown_nationality": {
        "en": "Nationality '{value}' is not an ISO 3166 country code (XXA: stateless).",
        "nl": "Nationaliteit '{value}' is geen ISO 3166-landcode (XXA: staatloos).",
    },
    "import.unknown_country": {
        "en": "Host country '{value}' is not an ISO 3166 country code.",
        "nl": "Opvangland '{value}' is geen ISO 3166-landcode.",
    },
    "import.bad_value": {
        "en": "{field} '{value}' is not a known value.",
        "nl": "{field} '{value}' is geen bekende waarde.",
    },
    "import.duplicate_in_file": {
        "en": "Individual number {number} is already on row {first}.",
        "nl": "Persoonsnummer {number} staat al op regel {first}.",
    },
    "import.person_exists": {
        "en": "Individual number {number} is already in the database.",
        "nl": "Persoonsnummer {number} staat al in de database.",
    },
    "import.case_exists": {
        "en": "Case {number} is already in the database.",
        "nl": "Zaak {number} staat al in de database.",
    },
    "import.principal": {
        "en": "Case {case} needs exactly one principal applicant (found {n}).",
        "nl": "Zaak {case} heeft precies één hoofdpersoon nodig (gevonden: {n}).",
    },
    "import.refused_all": {
        "en": "Nothing was imported: {n} problem(s) on {rows} row(s), and the import was "
        "asked to be all or nothing.",
        "nl": "Er is niets geïmporteerd: {n} probleem/problemen op {rows} regel(s), en de "
        "import moest alles of niets zijn.",
    },
    "import.summary": {
        "en": "{rows} rows read: {cases} case(s) with {persons} person(s) valid, {skipped} "
        "row(s) held back, {problems} problem(s).",
        "nl": "{rows} regels gelezen: {cases} zaak/zaken met {persons} persoon/personen "
        "geldig, {skipped} regel(s) aangehouden, {problems} probleem/problemen.",
    },
    "import.row": {"en": "row {row}: {message}", "nl": "regel {row}: {message}"},
    "import.dry_run": {
        "en": "Dry run: nothing was written.",
        "nl": "Proefrun: er is niets opgeslagen.",
    },
    "import.done": {
        "en": "Imported {cases} case(s) with {persons} person(s).",
        "nl": "{cases} zaak/zaken met {persons} persoon/personen geïmporteerd.",
    },
    "deadlines.overdue": {
        "en": "Overdue (more than six months since selection): {n}",
        "nl": "Over de termijn (meer dan zes maanden na selectie): {n}",
    },
    "deadlines.at_risk": {
        "en": "At risk (limit within {window} days): {n}",
        "nl": "Risico (termijn verloopt binnen {window} dagen): {n}",
    },
    "duplicates.summary": {
        "en": "{n} likely duplicate pair(s); {new} new flag(s) stored for review.",
        "nl": "{n} waarschijnlijke dubbeling(en); {new} nieuwe melding(en) opgeslagen.",
    },
    "frameworks.loaded": {
        "en": "Published frameworks present: {names}.",
        "nl": "Gepubliceerde beleidskaders aanwezig: {names}.",
    },
    # quota
    "quota.bad_framework": {
        "en": "A framework needs an end after its start and a total of zero or more.",
        "nl": "Een beleidskader heeft een einde na het begin en een totaal van nul of meer nodig.",
    },
    "quota.framework_exists": {
        "en": "A framework called {name} already exists.",
        "nl": "Er bestaat al een beleidskader {name}.",
    },
    "quota.year_outside": {
        "en": "The year {year} is outside framework {name}.",
        "nl": "Het jaar {year} valt buiten beleidskader {name}.",
    },
    "quota.nothing_to_carry": {
        "en": "There is no overshoot to carry over.",
        "nl": "Er is geen overschrijding om over te hevelen.",
    },
    "quota.no_framework": {
        "en": "There is no framework called {name}. Known: {names}.",
        "nl": "Er is geen beleidskader {name}. Bekend: {names}.",
    },
    "quota.title": {
        "en": "Framework {name} ({start} to {end}), {category}",
        "nl": "Beleidskader {name} ({start} t/m {end}), {category}",
    },
    "quota.category.national": {"en": "national quota", "nl": "nationaal quotum"},
    "quota.category.eu_turkey": {"en": "EU-Turkey (counted apart)",
                                 "nl": "EU-Turkije (apart geteld)"},
    "quota.total_target": {"en": "Total", "nl": "Totaal"},
    "quota.deduction": {"en": "Deduction: {reason}", "nl": "Aftrek: {reason}"},
    "quota.target": {"en": "Target after deductions", "nl": "Inzet na aftrek"},
    "quota.carried_in": {"en": "Carried in", "nl": "Meegeteld uit vorig kader"},
    "quota.carried_out": {"en": "Carried into next framework", "nl": "Meegeteld in volgend kader"},
    "quota.counted": {"en": "Counted arrivals", "nl": "Getelde aankomsten"},
    "quota.gap": {"en": "Gap", "nl": "Tekort"},
    "quota.year": {"en": "Year", "nl": "Jaar"},
    "quota.total": {"en": "Total", "nl": "Totaal"},
    "quota.target_short": {"en": "Target", "nl": "Inzet"},
    "quota.stage.referred": {"en": "Referred", "nl": "Voorgedragen"},
    "quota.stage.interviewed": {"en": "Interviewed", "nl": "Gehoord"},
    "quota.stage.accepted": {"en": "Accepted", "nl": "Geaccepteerd"},
    "quota.stage.departed": {"en": "Departed", "nl": "Vertrokken"},
    "quota.stage.arrived": {"en": "Arrived", "nl": "Aangekomen"},
    "quota.stage.arrived_eu": {"en": "Arrived (EU)", "nl": "Aangekomen (EU)"},
    "quota.split.channel": {"en": "Channel", "nl": "Kanaal"},
    "quota.split.host_country": {"en": "Host country", "nl": "Opvangland"},
    "quota.split.nationality": {"en": "Nationality", "nl": "Nationaliteit"},
}

register_messages(MESSAGES)
