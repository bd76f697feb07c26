"""Messages of export bundles, receipts and PDF reports, in English and Dutch."""

from app.i18n import register_messages

MESSAGES: dict[str, dict[str, str]] = {
    "bundle.no_recipients": {
        "en": "No HQ bundle recipient is set for this laptop (enrol it with HQ first, or give "
        "--recipient age1...).",
        "nl": "Voor deze laptop is geen HQ-ontvanger voor bundels ingesteld (laat hem eerst "
        "door HQ inschrijven, of geef --recipient age1...).",
    },
    "bundle.bad_recipient": {
        "en": "'{recipient}' is not an age recipient (it should start with age1).",
        "nl": "'{recipient}' is geen age-ontvanger (die begint met age1).",
    },
    "bundle.nothing": {
        "en": "There is nothing to export: HQ already has every change of this laptop.",
        "nl": "Er is niets te exporteren: HQ heeft alle wijzigingen van deze laptop al.",
    },
    "bundle.write_failed": {
        "en": "The bundle could not be written to {path} ({detail}). Nothing was left "
        "half-written; your data on this laptop is unchanged.",
        "nl": "De bundel kon niet worden geschreven naar {path} ({detail}). Er is niets half "
        "geschreven; uw gegevens op deze laptop zijn ongewijzigd.",
    },
    "bundle.missing": {
        "en": "There is no bundle at {path}.",
        "nl": "Er is geen bundel op {path}.",
    },
    "bundle.signature_missing": {
        "en": "The signature file {path} is missing: a bundle is only imported with the "
        "signature that came with it.",
        "nl": "Het handtekeningbestand {path} ontbreekt: een bundel wordt alleen ingelezen "
        "met de handtekening die erbij hoort.",
    },
    "bundle.signature_bad": {
        "en": "The bundle's signature does not match the file: it was changed, damaged or "
        "truncated after export. Nothing was imported.",
        "nl": "De handtekening past niet bij het bestand: het is na de export gewijzigd, "
        "beschadigd of afgekapt. Er is niets ingelezen.",
    },
    "bundle.unknown_device": {
        "en": "The bundle comes from a device HQ does not know ({device}). Nothing was "
        "imported.",
        "nl": "De bundel komt van een apparaat dat HQ niet kent ({device}). Er is niets "
        "ingelezen.",
    },
    "bundle.revoked_device": {
        "en": "The bundle comes from a revoked device ({device}). Nothing was imported.",
        "nl": "De bundel komt van een ingetrokken apparaat ({device}). Er is niets ingelezen.",
    },
    "bundle.wrong_recipient": {
        "en": "This bundle was not encrypted to the HQ key given here. Nothing was imported.",
        "nl": "Deze bundel is niet versleuteld voor de opgegeven HQ-sleutel. Er is niets "
        "ingelezen.",
    },
    "bundle.corrupt": {
        "en": "The bundle is damaged or was tampered with ({detail}). Nothing was imported.",
        "nl": "De bundel is beschadigd of er is mee geknoeid ({detail}). Er is niets "
        "ingelezen.",
    },
    "bundle.too_new": {
        "en": "The bundle was made by a newer Hervest (schema {found}; this one knows up to "
        "{known}). Update Hervest at HQ first. Nothing was imported.",
        "nl": "De bundel is gemaakt met een nieuwere Hervest (schema {found}; deze kent tot "
        "{known}). Werk Hervest bij HQ eerst bij. Er is niets ingelezen.",
    },
    "bundle.identity_bad": {
        "en": "The HQ identity file {path} holds no age identity (AGE-SECRET-KEY-1...).",
        "nl": "Het HQ-sleutelbestand {path} bevat geen age-sleutel (AGE-SECRET-KEY-1...).",
    },
    "bundle.exported": {
        "en": "Bundle written: {path}\n  SHA-256 {sha256}\n  {changes} changes, {attachments} "
        "attachments, {size} bytes\n  signature: {signature}",
        "nl": "Bundel geschreven: {path}\n  SHA-256 {sha256}\n  {changes} wijzigingen, "
        "{attachments} bijlagen, {size} bytes\n  handtekening: {signature}",
    },
    "bundle.imported": {
        "en": "Bundle {bundle_id} from device {device}: {applied} of {changes} changes "
        "applied ({skipped} were already here), {attachments} attachments.",
        "nl": "Bundel {bundle_id} van apparaat {device}: {applied} van {changes} wijzigingen "
        "verwerkt ({skipped} waren er al), {attachments} bijlagen.",
    },
    "receipt.match": {
        "en": "The receipt matches the bundle (SHA-256 {sha256}).",
        "nl": "Het ontvangstbewijs klopt met de bundel (SHA-256 {sha256}).",
    },
    "receipt.mismatch": {
        "en": "The receipt does NOT match the bundle: receipt {receipt}, bundle {bundle}. Do "
        "not import this stick; report it.",
        "nl": "Het ontvangstbewijs klopt NIET met de bundel: bewijs {receipt}, bundel "
        "{bundle}. Lees deze stick niet in; meld het.",
    },
    "receipt.unreadable": {
        "en": "No QR code with a bundle hash was found in {path}; type the hash printed on "
        "the receipt instead (--hash).",
        "nl": "In {path} is geen QR-code met een bundel-hash gevonden; typ de hash van het "
        "ontvangstbewijs over (--hash).",
    },
    "report.unknown_mission": {
        "en": "There is no mission '{mission}'.",
        "nl": "Er is geen missie '{mission}'.",
    },
    "report.unknown_case": {
        "en": "There is no case '{case}'.",
        "nl": "Er is geen zaak '{case}'.",
    },
    "report.unknown_training": {
        "en": "There is no CO training '{training}'.",
        "nl": "Er is geen CO-training '{training}'.",
    },
    "report.unknown_municipality": {
        "en": "There is no municipality '{municipality}'.",
        "nl": "Er is geen gemeente '{municipality}'.",
    },
    "report.written": {
        "en": "Report written: {path} ({pages} pages). It holds personal data: keep it as "
        "you would keep the file itself.",
        "nl": "Rapport geschreven: {path} ({pages} pagina's). Het bevat persoonsgegevens: "
        "bewaar het zoals het dossier zelf.",
    },
}

register_messages(MESSAGES)
