"""The message catalogue: key -> {"en": ..., "nl": ...}. Keep both languages complete;
tests/test_i18n.py checks that every key has both."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.generic": {"en": "Something went wrong.", "nl": "Er ging iets mis."},
    "error.permission": {
        "en": "Your role ({role}) may not {action}.",
        "nl": "Uw rol ({role}) mag niet: {action}.",
    },
    "unlock.wrong": {
        "en": "The user name or passphrase is not correct.",
        "nl": "De gebruikersnaam of het wachtwoord klopt niet.",
    },
    "unlock.throttled": {
        "en": "Too many failed attempts. Wait {seconds} seconds and try again.",
        "nl": "Te veel mislukte pogingen. Wacht {seconds} seconden en probeer het opnieuw.",
    },
    "unlock.no_slot": {
        "en": "The key file has no recovery slot for this HQ key.",
        "nl": "Het sleutelbestand heeft geen herstelsleutel voor deze HQ-sleutel.",
    },
    "store.missing": {
        "en": "There is no database at {path}.",
        "nl": "Er is geen database op {path}.",
    },
    "store.exists": {
        "en": "A database already exists at {path}; it was not touched.",
        "nl": "Er staat al een database op {path}; die is niet aangeraakt.",
    },
    "store.keyfile_missing": {
        "en": "The key file {path} is missing. Without it the database cannot be opened; "
        "restore it from the laptop's backup or ask HQ to use the recovery key.",
        "nl": "Het sleutelbestand {path} ontbreekt. Zonder dat bestand kan de database niet "
        "open; zet het terug uit de back-up of vraag HQ de herstelsleutel te gebruiken.",
    },
    "store.keyfile_damaged": {
        "en": "The key file {path} is damaged and cannot be read ({detail}).",
        "nl": "Het sleutelbestand {path} is beschadigd en niet leesbaar ({detail}).",
    },
    "store.not_hervest": {
        "en": "{path} is not a Hervest database, or it is damaged.",
        "nl": "{path} is geen Hervest-database, of hij is beschadigd.",
    },
    "store.newer_schema": {
        "en": "This database was made by a newer Hervest (schema {found}; this program knows "
        "up to {known}). Install the newer version; the database was not changed.",
        "nl": "Deze database is gemaakt met een nieuwere Hervest (schema {found}; dit programma "
        "kent tot {known}). Installeer de nieuwere versie; de database is niet gewijzigd.",
    },
    "store.cannot_open": {
        "en": "The database {path} cannot be opened ({detail}). If it is on a read-only disk "
        "or a locked USB stick, copy it and its .keys file to a writable folder first.",
        "nl": "De database {path} kan niet worden geopend ({detail}). Staat hij op een "
        "alleen-lezen schijf of een vergrendelde USB-stick, kopieer hem dan met het "
        ".keys-bestand eerst naar een map waarin geschreven kan worden.",
    },
    "store.readonly": {
        "en": "The database cannot be written ({detail}). Nothing already saved was lost.",
        "nl": "De database kan niet worden beschreven ({detail}). Er is niets verloren van "
        "wat al was opgeslagen.",
    },
    "store.disk_full": {
        "en": "The disk is full. The last change was not saved; everything before it is "
        "safe. Free some space and try again.",
        "nl": "De schijf is vol. De laatste wijziging is niet opgeslagen; alles daarvoor is "
        "veilig. Maak ruimte vrij en probeer het opnieuw.",
    },
    "store.integrity": {
        "en": "The change conflicts with data already saved ({detail}).",
        "nl": "De wijziging botst met gegevens die al zijn opgeslagen ({detail}).",
    },
    "store.locked": {
        "en": "The database is locked.", "nl": "De database is vergrendeld.",
    },
    "store.migration_failed": {
        "en": "Upgrading the database to schema {version} failed ({detail}). The database "
        "was left as it was; a backup is at {backup}.",
        "nl": "Het bijwerken van de database naar schema {version} is mislukt ({detail}). De "
        "database is ongewijzigd; een reservekopie staat op {backup}.",
    },
    "user.exists": {
        "en": "There is already a user called {name}.",
        "nl": "Er is al een gebruiker met de naam {name}.",
    },
    "user.unknown": {"en": "There is no user called {name}.", "nl": "Er is geen gebruiker {name}."},
    "user.admin_only": {
        "en": "Only an administrator (ADMIN) may add or remove users or set another "
        "user's passphrase; you are {role}. Nothing was changed.",
        "nl": "Alleen een beheerder (ADMIN) mag gebruikers toevoegen of verwijderen of het "
        "wachtwoord van een ander instellen; u bent {role}. Er is niets gewijzigd.",
    },
    "user.last_admin": {
        "en": "{name} is the last user who can unlock this database; add another first.",
        "nl": "{name} is de laatste gebruiker die deze database kan openen; voeg eerst een "
        "ander toe.",
    },
    "passphrase.too_short": {
        "en": "The passphrase must have at least {n} characters.",
        "nl": "Het wachtwoord moet minstens {n} tekens hebben.",
    },
    "passphrase.mismatch": {
        "en": "The two passphrases differ.", "nl": "De twee wachtwoorden verschillen.",
    },
    "role.unknown": {
        "en": "Unknown role {role}. Choose one of: {choices}.",
        "nl": "Onbekende rol {role}. Kies uit: {choices}.",
    },
    "cli.no_passphrase": {
        "en": "No passphrase: set {env} or run in a terminal.",
        "nl": "Geen wachtwoord: zet {env} of start vanuit een terminal.",
    },
    "cli.no_user": {
        "en": "No user name: give --as NAME or set HERVEST_USER.",
        "nl": "Geen gebruikersnaam: geef --as NAAM of zet HERVEST_USER.",
    },
    "cli.interrupted": {"en": "Interrupted; nothing half-saved.",
                        "nl": "Onderbroken; er is niets half opgeslagen."},
    "cli.created": {
        "en": "Created {path} for {user} ({role}). Keep the passphrase safe: without it or "
        "the HQ recovery key the data cannot be read.",
        "nl": "{path} aangemaakt voor {user} ({role}). Bewaar het wachtwoord goed: zonder dat "
        "of de herstelsleutel van HQ zijn de gegevens niet te lezen.",
    },
    "cli.user_added": {"en": "User {user} ({role}) added.",
                       "nl": "Gebruiker {user} ({role}) toegevoegd."},
    "cli.user_removed": {"en": "User {user} removed; their records stay.",
                         "nl": "Gebruiker {user} verwijderd; diens gegevens blijven."},
    "cli.passphrase_changed": {"en": "Passphrase changed.", "nl": "Wachtwoord gewijzigd."},
    "cli.demo_done": {
        "en": "Demo data: {missions} missions, {cases} cases, {persons} persons, "
        "{interviews} interviews, {sessions} CO sessions ({seconds:.1f} s).",
        "nl": "Demogegevens: {missions} missies, {cases} zaken, {persons} personen, "
        "{interviews} gehoren, {sessions} CO-dagdelen ({seconds:.1f} s).",
    },
    "cli.no_gui": {
        "en": "The desktop app cannot start here ({detail}). Use the subcommands, see "
        "`hervest --help`.",
        "nl": "De desktop-app kan hier niet starten ({detail}). Gebruik de subcommando's, "
        "zie `hervest --help`.",
    },
    "check.ok": {"en": "All checks passed.", "nl": "Alle controles geslaagd."},
    "check.integrity": {
        "en": "Encryption integrity check failed: {detail}",
        "nl": "Controle van de versleuteling mislukt: {detail}",
    },
    "check.foreign_keys": {
        "en": "Broken reference: {detail}", "nl": "Verbroken verwijzing: {detail}",
    },
    "check.audit": {
        "en": "Audit chain broken at entry {seq}: {detail}",
        "nl": "Auditketen verbroken bij regel {seq}: {detail}",
    },
    "check.changes": {
        "en": "Change log broken: {detail}", "nl": "Wijzigingslog verbroken: {detail}",
    },
    "write.outside_uow": {
        "en": "Internal error: a write bypassed the unit of work.",
        "nl": "Interne fout: een schrijfactie ging buiten de unit of work om.",
    },
    "record.missing": {
        "en": "The {entity} record no longer exists.",
        "nl": "Het {entity}-record bestaat niet meer.",
    },
    # The bounds of app/limits.py: each says which bound was hit; nothing was read past it.
    "limit.referral_file": {
        "en": "{path} is larger than {limit}: a case list that large is not read. Split it "
        "into smaller files.",
        "nl": "{path} is groter dan {limit}: zo'n grote zakenlijst wordt niet gelezen. Verdeel "
        "hem over kleinere bestanden.",
    },
    "limit.sheet_size": {
        "en": "This spreadsheet is larger than {rows} rows x {columns} columns (it names row "
        "{found_rows}, column {found_columns}). Nothing was read; split the case list into "
        "smaller files.",
        "nl": "Dit rekenblad is groter dan {rows} rijen x {columns} kolommen (het noemt rij "
        "{found_rows}, kolom {found_columns}). Er is niets gelezen; verdeel de zakenlijst over "
        "kleinere bestanden.",
    },
    "limit.csv_cell": {
        "en": "A cell of this CSV file is longer than {limit} (or a quote is not closed). "
        "Nothing was read.",
        "nl": "Een cel van dit CSV-bestand is langer dan {limit} (of een aanhalingsteken is "
        "niet gesloten). Er is niets gelezen.",
    },
    "limit.xlsx_unpacked": {
        "en": "{path} unpacks to more than {limit} (parts or bytes): it is damaged or not a "
        "real case list. Nothing was read.",
        "nl": "{path} pakt uit tot meer dan {limit} (onderdelen of bytes): het is beschadigd "
        "of geen echte zakenlijst. Er is niets gelezen.",
    },
    "limit.small_file": {
        "en": "{path} is larger than {limit}; a file of this kind is never that large, so it "
        "was not read.",
        "nl": "{path} is groter dan {limit}; zo'n bestand is nooit zo groot, dus het is niet "
        "gelezen.",
    },
    "limit.minisig": {
        "en": "The signature file {path} is larger than {limit} (a bundle's signature is "
        "under 1 KB), so it was not read. Nothing was imported.",
        "nl": "Het handtekeningbestand {path} is groter dan {limit} (de handtekening van een "
        "bundel is kleiner dan 1 KB), dus het is niet gelezen. Er is niets ingelezen.",
    },
    "limit.change_line": {
        "en": "A change in the bundle is longer than {limit}. Nothing was imported.",
        "nl": "Een wijziging in de bundel is langer dan {limit}. Er is niets ingelezen.",
    },
    "limit.bundle_changes": {
        "en": "The bundle holds more than {limit} changes. Nothing was imported; export "
        "per mission to make smaller bundles.",
        "nl": "De bundel bevat meer dan {limit} wijzigingen. Er is niets ingelezen; exporteer "
        "per missie voor kleinere bundels.",
    },
    "limit.bundle_change_bytes": {
        "en": "The changes in the bundle are larger than {limit} in all. Nothing was "
        "imported; export per mission to make smaller bundles.",
        "nl": "De wijzigingen in de bundel zijn samen groter dan {limit}. Er is niets "
        "ingelezen; exporteer per missie voor kleinere bundels.",
    },
    "limit.receipt_pdf": {
        "en": "The receipt {path} is larger than {limit} (a receipt is one page), so it was "
        "not read; type the hash printed on it instead (--hash).",
        "nl": "Het ontvangstbewijs {path} is groter dan {limit} (een bewijs is een pagina), "
        "dus het is niet gelezen; typ de hash die erop staat over (--hash).",
    },
    "limit.receipt_time": {
        "en": "Reading the QR code of {path} took longer than {limit} seconds, so it was "
        "stopped; type the hash printed on the receipt instead (--hash).",
        "nl": "Het lezen van de QR-code van {path} duurde langer dan {limit} seconden en is "
        "gestopt; typ de hash van het ontvangstbewijs over (--hash).",
    },
    "limit.bundle_member": {
        "en": "The bundle's {name} is larger than {limit}. Nothing was imported.",
        "nl": "Het onderdeel {name} van de bundel is groter dan {limit}. Er is niets "
        "ingelezen.",
    },
}
