"""Messages of sync, in Dutch and English (plain words: the field reads these)."""

from app.i18n import register_messages

MESSAGES = {
    "sync.not_enrolled": {
        "en": "This laptop is not enrolled with HQ yet. Ask HQ for an enrolment code.",
        "nl": "Deze laptop is nog niet aangemeld bij HQ. Vraag HQ om een aanmeldcode.",
    },
    "sync.bad_code": {
        "en": "The enrolment code is not valid. Check that it was copied completely.",
        "nl": "De aanmeldcode is ongeldig. Controleer of de code volledig is overgenomen.",
    },
    "sync.plain_http": {
        "en": "The HQ address {url} is plain http://: anyone on the network could answer in "
        "HQ's name. Enrolment needs an https:// address (http:// only to this computer "
        "itself, for tests).",
        "nl": "Het HQ-adres {url} is onversleuteld http://: iedereen op het netwerk kan dan "
        "namens HQ antwoorden. Aanmelden vraagt een https://-adres (http:// alleen naar "
        "deze computer zelf, voor tests).",
    },
    "sync.keys_changed": {
        "en": "HQ handed this laptop another recovery key or other bundle recipients than "
        "the ones it holds; nothing was changed. If HQ has really replaced its keys, enrol "
        "again over https:// with --new-hq-keys.",
        "nl": "HQ gaf deze laptop een andere herstelsleutel of andere bundelontvangers dan "
        "die hij al heeft; er is niets veranderd. Heeft HQ zijn sleutels echt vervangen, "
        "meld dan opnieuw aan via https:// met --new-hq-keys.",
    },
    "sync.bad_answer": {
        "en": "HQ's answer to the enrolment is not one Hervest understands; nothing was "
        "changed. Check the enrolment code's address, or contact HQ.",
        "nl": "Het antwoord van HQ op de aanmelding is niet te begrijpen; er is niets "
        "veranderd. Controleer het adres in de aanmeldcode, of neem contact op met HQ.",
    },
    "sync.answer_too_big": {
        "en": "HQ's answer is larger than {limit} bytes; it was not read. Contact HQ.",
        "nl": "Het antwoord van HQ is groter dan {limit} bytes en is niet gelezen. Neem "
        "contact op met HQ.",
    },
    "sync.too_slow": {
        "en": "HQ did not answer completely within {seconds} seconds. Your work is safe on "
        "this laptop; try again later, or contact HQ.",
        "nl": "HQ antwoordde niet volledig binnen {seconds} seconden. Uw werk staat veilig op "
        "deze laptop; probeer het later opnieuw, of neem contact op met HQ.",
    },
    "sync.unreachable": {
        "en": "HQ cannot be reached ({detail}). Your work is safe on this laptop; "
        "sync will try again.",
        "nl": "HQ is niet bereikbaar ({detail}). Uw werk staat veilig op deze laptop; "
        "er wordt opnieuw gesynchroniseerd.",
    },
    "sync.cert_mismatch": {
        "en": "The server does not present the HQ certificate from enrolment. Do not "
        "continue on this network and contact HQ.",
        "nl": "De server toont niet het HQ-certificaat van de aanmelding. Ga niet verder op "
        "dit netwerk en neem contact op met HQ.",
    },
    "sync.refused": {
        "en": "HQ refused this laptop: {reason}",
        "nl": "HQ weigert deze laptop: {reason}",
    },
    "sync.write_refused": {
        "en": "HQ refused this laptop's changes, and applied none of them: {reason}",
        "nl": "HQ weigert de wijzigingen van deze laptop en heeft er geen verwerkt: "
        "{reason}",
    },
    "sync.server_error": {
        "en": "HQ answered with an error ({status}). Your work is safe; sync will try again.",
        "nl": "HQ gaf een fout ({status}). Uw werk staat veilig; er wordt opnieuw "
        "gesynchroniseerd.",
    },
    # The version handshake: HQ sends the key and its parameters, the laptop says it in
    # its own language (a laptop too old to know a key shows HQ's English words instead).
    "sync.laptop_too_old": {
        "en": "This laptop runs Hervest {app} with database schema {schema} (sync protocol "
        "{protocol}); HQ needs schema {needed} (protocol {hq_protocol}). Install the current "
        "version from IT, then sync again. Nothing was sent; your work is safe on this laptop.",
        "nl": "Deze laptop draait Hervest {app} met databaseschema {schema} (syncprotocol "
        "{protocol}); HQ heeft schema {needed} nodig (protocol {hq_protocol}). Installeer de "
        "actuele versie via IT en synchroniseer daarna opnieuw. Er is niets verzonden; uw "
        "werk staat veilig op deze laptop.",
    },
    "sync.laptop_too_new": {
        "en": "This laptop runs Hervest {app} with database schema {schema} (sync protocol "
        "{protocol}), newer than HQ accepts: HQ runs Hervest {hq_app} with schema {needed} "
        "(protocol {hq_protocol}). Ask IT to update the HQ server, then sync again. Nothing "
        "was sent; your work is safe on this laptop.",
        "nl": "Deze laptop draait Hervest {app} met databaseschema {schema} (syncprotocol "
        "{protocol}), nieuwer dan HQ aanneemt: HQ draait Hervest {hq_app} met schema "
        "{needed} (protocol {hq_protocol}). Vraag IT de HQ-server bij te werken en "
        "synchroniseer daarna opnieuw. Er is niets verzonden; uw werk staat veilig op deze "
        "laptop.",
    },
    "sync.cancelled": {"en": "Sync was stopped.", "nl": "Synchronisatie is gestopt."},
    "sync.attachment_corrupt": {
        "en": "Attachment {sha256} did not match its fingerprint and was not kept; "
        "it will be fetched again.",
        "nl": "Bijlage {sha256} klopte niet met de vingerafdruk en is niet bewaard; "
        "die wordt opnieuw opgehaald.",
    },
    "sync.attachment_refused": {
        "en": "HQ did not accept this attachment's data: {reason}",
        "nl": "HQ heeft de gegevens van deze bijlage niet aangenomen: {reason}",
    },
    "sync.done": {
        "en": "Sync done: {pushed} sent, {pulled} received, {conflicts} conflicts.",
        "nl": "Synchronisatie klaar: {pushed} verzonden, {pulled} ontvangen, "
        "{conflicts} conflicten.",
    },
    "sync.enrolled": {
        "en": "Enrolled with {url} as device {device}.",
        "nl": "Aangemeld bij {url} als apparaat {device}.",
    },
    "hq.bad_store_url": {
        "en": "Unknown store address {url}: use sqlite:///path or postgresql://...",
        "nl": "Onbekend opslagadres {url}: gebruik sqlite:///pad of postgresql://...",
    },
    "hq.unknown_user": {
        "en": "HQ knows no user called {name}. Add the user first (hervest-hq users add).",
        "nl": "HQ kent geen gebruiker {name}. Voeg die eerst toe (hervest-hq users add).",
    },
    "hq.unknown_device": {
        "en": "There is no device {device}.",
        "nl": "Er is geen apparaat {device}.",
    },
    "hq.store_key_needed": {
        "en": "A sqlite:/// HQ store is encrypted with the key in the HQ keys folder: add "
        "--keys FOLDER (the folder made by hervest-hq keygen).",
        "nl": "Een sqlite:///-opslag van HQ is versleuteld met de sleutel in de map met "
        "HQ-sleutels: voeg --keys MAP toe (de map van hervest-hq keygen).",
    },
    "hq.store_key_missing": {
        "en": "The HQ store's key {path} is missing. Give --keys the folder that holds "
        "the key this store was made with; without it the store cannot be opened.",
        "nl": "De sleutel {path} van de HQ-opslag ontbreekt. Geef bij --keys de map met "
        "de sleutel waarmee deze opslag is gemaakt; zonder die sleutel gaat de opslag niet "
        "open.",
    },
    "hq.store_key_bad": {
        "en": "The HQ store's key {path} is damaged (it must hold 64 hexadecimal digits). "
        "Restore it from the backup of the HQ keys.",
        "nl": "De sleutel {path} van de HQ-opslag is beschadigd (64 hexadecimale tekens "
        "verwacht). Zet hem terug uit de back-up van de HQ-sleutels.",
    },
    "hq.store_key_wrong": {
        "en": "The HQ store {path} cannot be opened with this key: it was made with "
        "another key (check --keys), or it is not an HQ store.",
        "nl": "De HQ-opslag {path} gaat niet open met deze sleutel: hij is met een andere "
        "sleutel gemaakt (controleer --keys), of het is geen HQ-opslag.",
    },
    "hq.newer_store": {
        "en": "The HQ store has schema {found}, newer than this server ({known}).",
        "nl": "De HQ-opslag heeft schema {found}, nieuwer dan deze server ({known}).",
    },
}

register_messages(MESSAGES)
