<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name>About</name>
    <message>
        <source>About Hervest</source>
        <translation>Over Hervest</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>Databaseschema</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Apparaat-id</translation>
    </message>
    <message>
        <source>Enrolled with</source>
        <translation>Aangemeld bij</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>niet aangemeld</translation>
    </message>
    <message>
        <source>Resettlement selection missions, offline first; all data encrypted on this laptop.</source>
        <translation>Selectiemissies voor hervestiging, offline eerst; alle gegevens versleuteld op deze laptop.</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Search names (any script or spelling), UNHCR numbers, nationality…</source>
        <translation>Zoek op naam (elk schrift of elke spelling), UNHCR-nummer, nationaliteit…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle fasen</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Zoeken:</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Zoeken…</translation>
    </message>
    <message numerus="yes">
        <source>first %n matches: type more</source>
        <translation>
            <numerusform>eerste %n treffer: typ verder</numerusform>
            <numerusform>eerste %n treffers: typ verder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n zaak</numerusform>
            <numerusform>%n zaken</numerusform>
        </translation>
    </message>
    <message>
        <source>UNHCR case</source>
        <translation>UNHCR-zaak</translation>
    </message>
    <message>
        <source>Principal applicant</source>
        <translation>Hoofdaanvrager</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Oorspronkelijk schrift</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationaliteit</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Fase</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioriteit</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Gevonden</translation>
    </message>
    <message>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <source>original script</source>
        <translation>oorspronkelijk schrift</translation>
    </message>
    <message>
        <source>individual number</source>
        <translation>persoonsnummer</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nationaliteit</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>zaaknummer</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>&amp;Family and referral</source>
        <translation>&amp;Gezin en voordracht</translation>
    </message>
    <message>
        <source>&amp;Interviews and assessments</source>
        <translation>&amp;Gehoren en beoordelingen</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Besluiten</translation>
    </message>
    <message>
        <source>&amp;CO and placement</source>
        <translation>&amp;CO en huisvesting</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Geschiedenis</translation>
    </message>
    <message>
        <source>Move to: %1</source>
        <translation>Naar: %1</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Niet mogelijk</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanaal</translation>
    </message>
    <message>
        <source>Submission category</source>
        <translation>Voordrachtscategorie</translation>
    </message>
    <message>
        <source>Host country</source>
        <translation>Gastland</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Voorgedragen op</translation>
    </message>
    <message>
        <source>Selected on</source>
        <translation>Geselecteerd op</translation>
    </message>
    <message>
        <source>Protection need (UNHCR)</source>
        <translation>Beschermingsbehoefte (UNHCR)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relatie</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geslacht</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationaliteit</translation>
    </message>
    <message>
        <source>UNHCR number</source>
        <translation>UNHCR-nummer</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Grootte</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Op</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Door</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Aanwezigheid</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Gemeente</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nee</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Naar</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>This document type cannot be shown inside Hervest. It stays in the encrypted database.</source>
        <translation>Dit soort document kan Hervest niet tonen. Het blijft in de versleutelde database.</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>Niets vastgelegd.</translation>
    </message>
    <message>
        <source>follows later</source>
        <translation>reist later na</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Voordracht</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Gezin</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>gehoor</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>integratie</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Medisch</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nog niets vastgelegd.</translation>
    </message>
    <message>
        <source>Resettlement profile</source>
        <translation>Hervestigingsprofiel</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>Hele zaak</translation>
    </message>
    <message>
        <source>CO attendance</source>
        <translation>CO-aanwezigheid</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Huisvesting</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>%1 days left</source>
        <translation>nog %1 dagen</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>%1 dagen te laat</translation>
    </message>
    <message>
        <source>Accepted cases whose six months to arrival end within 30 days or have passed:</source>
        <translation>Geaccepteerde zaken waarvan de zes maanden tot aankomst binnen 30 dagen verlopen of al verlopen zijn:</translation>
    </message>
    <message>
        <source>arrival due</source>
        <translation>aankomst uiterlijk</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Geen.</translation>
    </message>
    <message>
        <source>Cases by state</source>
        <translation>Zaken per fase</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Gehoren</translation>
    </message>
    <message>
        <source>Done (final IND interviews)</source>
        <translation>Gedaan (definitieve IND-gehoren)</translation>
    </message>
    <message>
        <source>To do (adults in referred or scheduled cases)</source>
        <translation>Te doen (volwassenen in voorgedragen of ingeplande zaken)</translation>
    </message>
    <message>
        <source>Deadlines at risk</source>
        <translation>Termijnen in gevaar</translation>
    </message>
    <message>
        <source>CO attendance</source>
        <translation>CO-aanwezigheid</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Afwezig</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>afgemeld</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisatie</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Wijzigingen die nog verzonden moeten worden</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Laatste geslaagde synchronisatie</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Enrol with HQ</source>
        <translation>Aanmelden bij HQ</translation>
    </message>
    <message>
        <source>Paste the one-time enrolment code that HQ gave you. This laptop&apos;s key is registered with HQ; the code cannot be used again.</source>
        <translation>Plak de eenmalige aanmeldcode die u van HQ kreeg. De sleutel van deze laptop wordt bij HQ geregistreerd; de code kan daarna niet opnieuw worden gebruikt.</translation>
    </message>
    <message>
        <source>only if this network needs one, e.g. http://proxy:3128</source>
        <translation>alleen als dit netwerk er een vereist, bijv. http://proxy:3128</translation>
    </message>
    <message>
        <source>Enrolment &amp;code</source>
        <translation>Aanmeld&amp;code</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>This laptop is enrolled with %1; a new code replaces that enrolment.</source>
        <translation>Deze laptop is aangemeld bij %1; een nieuwe code vervangt die aanmelding.</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Aanmelden</translation>
    </message>
    <message>
        <source>Paste the enrolment code first.</source>
        <translation>Plak eerst de aanmeldcode.</translation>
    </message>
    <message>
        <source>Enrolling with HQ…</source>
        <translation>Aanmelden bij HQ…</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>IND interview</source>
        <translation>IND-gehoor</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Gehouden op</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Taal van de tolk</translation>
    </message>
    <message>
        <source>Interview notes</source>
        <translation>Verslag van het gehoor</translation>
    </message>
    <message>
        <source>COA resettlement profile</source>
        <translation>COA-hervestigingsprofiel</translation>
    </message>
    <message>
        <source>Housing needs</source>
        <translation>Woonbehoeften</translation>
    </message>
    <message>
        <source>Needs accessible housing</source>
        <translation>Heeft een toegankelijke woning nodig</translation>
    </message>
    <message>
        <source>Needs a hospital nearby</source>
        <translation>Heeft een ziekenhuis dichtbij nodig</translation>
    </message>
    <message>
        <source>Health (what COA may know)</source>
        <translation>Gezondheid (wat COA mag weten)</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Opleiding</translation>
    </message>
    <message>
        <source>Work experience</source>
        <translation>Werkervaring</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Verwachtingen</translation>
    </message>
    <message>
        <source>Notes for the municipality</source>
        <translation>Aantekeningen voor de gemeente</translation>
    </message>
    <message>
        <source>BMA medical notes</source>
        <translation>BMA medische aantekeningen</translation>
    </message>
    <message>
        <source>Medical findings</source>
        <translation>Medische bevindingen</translation>
    </message>
    <message>
        <source>IND assessment</source>
        <translation>IND-beoordeling</translation>
    </message>
    <message>
        <source>Art. 29(1)(a) Vw (refugee)</source>
        <translation>Art. 29 lid 1 sub a Vw (vluchteling)</translation>
    </message>
    <message>
        <source>Art. 1F exclusion</source>
        <translation>Art. 1F uitsluiting</translation>
    </message>
    <message>
        <source>Grounds 29(1)(a) / 1F</source>
        <translation>Motivering 29-1-a / 1F</translation>
    </message>
    <message>
        <source>Art. 29(1)(b) Vw (subsidiary protection)</source>
        <translation>Art. 29 lid 1 sub b Vw (subsidiaire bescherming)</translation>
    </message>
    <message>
        <source>Grounds 29(1)(b)</source>
        <translation>Motivering 29-1-b</translation>
    </message>
    <message>
        <source>Integration check</source>
        <translation>Integratietoets</translation>
    </message>
    <message>
        <source>Grounds of the integration check</source>
        <translation>Motivering van de integratietoets</translation>
    </message>
    <message>
        <source>Proposed decision</source>
        <translation>Voorgesteld besluit</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Voorstel</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>&amp;Save (draft)</source>
        <translation>&amp;Opslaan (concept)</translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation>&amp;Definitief maken</translation>
    </message>
    <message>
        <source>Draft restored from %1.</source>
        <translation>Concept van %1 teruggezet.</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Niet opgeslagen wijzigingen…</translation>
    </message>
    <message>
        <source>Draft saved at %1.</source>
        <translation>Concept opgeslagen om %1.</translation>
    </message>
    <message>
        <source>Finalised.</source>
        <translation>Definitief gemaakt.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Opgeslagen.</translation>
    </message>
</context>
<context>
    <name>HQ</name>
    <message>
        <source>No framework chosen.</source>
        <translation>Geen beleidskader gekozen.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Doel</translation>
    </message>
    <message>
        <source>Arrived via mission</source>
        <translation>Aangekomen via missie</translation>
    </message>
    <message>
        <source>Arrived via dossier</source>
        <translation>Aangekomen via dossier</translation>
    </message>
    <message>
        <source>of which nareis</source>
        <translation>waarvan nareis</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Beleidskader:</translation>
    </message>
    <message>
        <source>Assign selected cases to &amp;mission:</source>
        <translation>Gekozen zaken toewijzen aan &amp;missie:</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Toewijzen</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Niet mogelijk</translation>
    </message>
    <message>
        <source>Grounds of the final decision</source>
        <translation>Motivering van het besluit</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accepteren</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Afwijzen</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Huidige waarde</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Zaak</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Andere waarde</translation>
    </message>
    <message>
        <source>&lt;i&gt;No open conflicts.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Geen openstaande conflicten.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Keep the &amp;current value</source>
        <translation>&amp;Huidige waarde behouden</translation>
    </message>
    <message>
        <source>Use the &amp;other value</source>
        <translation>&amp;Andere waarde gebruiken</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Open conflicts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Openstaande conflicten&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>(the whole record)</source>
        <translation>(het hele record)</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Behouden</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>&amp;Place case in municipality</source>
        <translation>Zaak in gemeente &amp;plaatsen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accepted, not yet placed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Geaccepteerd, nog niet geplaatst&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Municipalities&lt;/b&gt; (placed / offered houses)</source>
        <translation>&lt;b&gt;Gemeenten&lt;/b&gt; (geplaatst / aangeboden woningen)</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>ziekenhuis</translation>
    </message>
    <message>
        <source>accessible</source>
        <translation>toegankelijk</translation>
    </message>
    <message>
        <source>target after deductions</source>
        <translation>doel na aftrek</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>geteld</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>tekort</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <source>Arrived (incl. nareis)</source>
        <translation>Aangekomen (incl. nareis)</translation>
    </message>
    <message>
        <source>Nareis</source>
        <translation>Nareis</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Tekort</translation>
    </message>
    <message>
        <source>no proposal</source>
        <translation>geen voorstel</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Voorstel</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Gegeven</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Veld</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Ander apparaat</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Search cases</source>
        <translation>Zaken zoeken</translation>
    </message>
    <message>
        <source>Go to a page (left list)</source>
        <translation>Naar een pagina (lijst links)</translation>
    </message>
    <message>
        <source>Choose the mission</source>
        <translation>Missie kiezen</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Gekozen zaak openen</translation>
    </message>
    <message>
        <source>Close the open case or form tab</source>
        <translation>Open zaak of formulier sluiten</translation>
    </message>
    <message>
        <source>Next open tab</source>
        <translation>Volgend tabblad</translation>
    </message>
    <message>
        <source>Save the form (as draft)</source>
        <translation>Formulier opslaan (als concept)</translation>
    </message>
    <message>
        <source>Sync with HQ now</source>
        <translation>Nu met HQ synchroniseren</translation>
    </message>
    <message>
        <source>Export a bundle for USB</source>
        <translation>Een bundel voor USB exporteren</translation>
    </message>
    <message>
        <source>Print a report (PDF)</source>
        <translation>Een rapport afdrukken (PDF)</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Nu vergrendelen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>Deze hulp</translation>
    </message>
    <message>
        <source>About Hervest (version, device)</source>
        <translation>Over Hervest (versie, apparaat)</translation>
    </message>
    <message>
        <source>Attendance grid: present, absent, excused, not recorded</source>
        <translation>Aanwezigheidsrooster: aanwezig, afwezig, afgemeld, niet ingevuld</translation>
    </message>
    <message>
        <source>Jump to a field or button</source>
        <translation>Naar een veld of knop springen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>&amp;About Hervest…</source>
        <translation>&amp;Over Hervest…</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Bundel importeren</translation>
    </message>
    <message>
        <source>Import a bundle that a mission laptop exported to USB. It is checked against the laptop&apos;s key before anything is changed; a bundle imported twice changes nothing.</source>
        <translation>Importeer een bundel die een missielaptop naar USB heeft geëxporteerd. De bundel wordt tegen de sleutel van die laptop gecontroleerd voordat er iets verandert; een bundel die twee keer wordt geïmporteerd, verandert niets.</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation>Bundels (*.age);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>HQ identity file</source>
        <translation>Identiteitsbestand van HQ</translation>
    </message>
    <message>
        <source>Identity files (*.txt *.key);;All files (*)</source>
        <translation>Identiteitsbestanden (*.txt *.key);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Laptop public key</source>
        <translation>Publieke sleutel van de laptop</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>Publieke sleutels (*.pub);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Scan its QR code or type the SHA-256 on it</source>
        <translation>Scan de QR-code of typ de SHA-256 die erop staat</translation>
    </message>
    <message>
        <source>&amp;Bundle</source>
        <translation>&amp;Bundel</translation>
    </message>
    <message>
        <source>HQ &amp;identity file</source>
        <translation>&amp;Identiteitsbestand van HQ</translation>
    </message>
    <message>
        <source>Laptop&apos;s public &amp;key</source>
        <translation>Publieke &amp;sleutel van de laptop</translation>
    </message>
    <message>
        <source>Paper &amp;receipt</source>
        <translation>Papieren &amp;ontvangstbewijs</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <source>Choose the bundle, HQ&apos;s identity file and the laptop&apos;s public key first.</source>
        <translation>Kies eerst de bundel, het identiteitsbestand van HQ en de publieke sleutel van de laptop.</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>Bestand niet gevonden: %1</translation>
    </message>
    <message>
        <source>Checking and importing the bundle…</source>
        <translation>Bundel controleren en importeren…</translation>
    </message>
    <message>
        <source>SHA-256 of the bundle: %1</source>
        <translation>SHA-256 van de bundel: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Referred</source>
        <translation>Voorgedragen</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Ingepland</translation>
    </message>
    <message>
        <source>Interviewed</source>
        <translation>Gehoord</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Voorgesteld</translation>
    </message>
    <message>
        <source>Accepted (HQ)</source>
        <translation>Geaccepteerd (HQ)</translation>
    </message>
    <message>
        <source>CO training</source>
        <translation>CO-training</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>Vertrokken</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Aangekomen</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Spoed (emergency)</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Missie</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Principal applicant</source>
        <translation>Hoofdaanvrager</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Echtgeno(o)t(e)</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Ouder</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Broer/zus</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Kleinkind</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Grootouder</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Ander familielid</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anders</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Vrouw</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Man</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Voldaan</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Niet voldaan</translation>
    </message>
    <message>
        <source>No objection</source>
        <translation>Geen bezwaar</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Bezwaar</translation>
    </message>
    <message>
        <source>No indication</source>
        <translation>Geen aanwijzing</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>Aanwijzing</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Uitgesloten</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepteren</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Afwijzen</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Aangehouden</translation>
    </message>
    <message>
        <source>Proposed decision</source>
        <translation>Voorgesteld besluit</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Definitief</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Afwezig</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Afgemeld</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Niet ingevuld</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Ochtend</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Middag</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <source>housing</source>
        <translation>wonen</translation>
    </message>
    <message>
        <source>health care</source>
        <translation>zorg</translation>
    </message>
    <message>
        <source>education</source>
        <translation>onderwijs</translation>
    </message>
    <message>
        <source>work</source>
        <translation>werk</translation>
    </message>
    <message>
        <source>law and norms</source>
        <translation>wetten en normen</translation>
    </message>
    <message>
        <source>money</source>
        <translation>geld</translation>
    </message>
    <message>
        <source>Dutch language</source>
        <translation>Nederlandse taal</translation>
    </message>
    <message>
        <source>daily life</source>
        <translation>dagelijks leven</translation>
    </message>
    <message>
        <source>IND</source>
        <translation>IND</translation>
    </message>
    <message>
        <source>COA</source>
        <translation>COA</translation>
    </message>
    <message>
        <source>BMA</source>
        <translation>BMA</translation>
    </message>
    <message>
        <source>Foreign Affairs</source>
        <translation>Buitenlandse Zaken</translation>
    </message>
    <message>
        <source>HQ coordinator</source>
        <translation>HQ-coördinator</translation>
    </message>
    <message>
        <source>HQ medical adviser</source>
        <translation>HQ medisch adviseur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Beheerder</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>&lt;h2&gt;Hervest is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Hervest is vergrendeld&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Locked for %1. Your open forms are kept.</source>
        <translation>Vergrendeld voor %1. Uw open formulieren blijven bewaard.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Wait %1 seconds.</source>
        <translation>Wacht %1 seconden.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Case list</source>
        <translation>Zakenlijst</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Overzicht</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Zaken</translation>
    </message>
    <message>
        <source>CO training</source>
        <translation>CO-training</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quotum</translation>
    </message>
    <message>
        <source>Mission planning</source>
        <translation>Missieplanning</translation>
    </message>
    <message>
        <source>Final decisions</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Huisvesting</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved form(s) restored from drafts.</source>
        <translation>
            <numerusform>%n niet opgeslagen formulier teruggezet uit concepten.</numerusform>
            <numerusform>%n niet opgeslagen formulieren teruggezet uit concepten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hoofdbalk</translation>
    </message>
    <message>
        <source>&amp;Mission: </source>
        <translation>&amp;Missie: </translation>
    </message>
    <message>
        <source>All missions and dossiers</source>
        <translation>Alle missies en dossiers</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Bundel exporteren…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>Bundel importeren…</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>Rapport afdrukken…</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Vergrendelen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hulp</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Print report</source>
        <translation>Rapport afdrukken</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Rapport</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Voor</translation>
    </message>
    <message>
        <source>&lt;b&gt;The PDF holds personal data outside the encrypted database.&lt;/b&gt; Save it only on an encrypted drive, never on a shared or cloud folder, and delete it when it is no longer needed.</source>
        <translation>&lt;b&gt;De PDF bevat persoonsgegevens buiten de versleutelde database.&lt;/b&gt; Sla hem alleen op een versleutelde schijf op, nooit in een gedeelde map of cloudmap, en verwijder hem zodra hij niet meer nodig is.</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>PDF &amp;opslaan…</translation>
    </message>
    <message>
        <source>Mission report</source>
        <translation>Missierapport</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Samenvatting van de zaak</translation>
    </message>
    <message>
        <source>CO attendance sheets</source>
        <translation>Presentielijsten CO</translation>
    </message>
    <message>
        <source>Municipality profile</source>
        <translation>Gemeenteprofiel</translation>
    </message>
    <message>
        <source>There is nothing to report on yet.</source>
        <translation>Er is nog niets om over te rapporteren.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>PDF opslaan</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>PDF wordt geschreven…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>&amp;Lock after idle</source>
        <translation>&amp;Vergrendelen na stilstand</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Te kort: minstens %1 tekens.</translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation>Zwak: voeg woorden of tekens toe.</translation>
    </message>
    <message>
        <source>Fair: a longer sentence is stronger.</source>
        <translation>Redelijk: een langere zin is sterker.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <source>Welcome to Hervest</source>
        <translation>Welkom bij Hervest</translation>
    </message>
    <message>
        <source>There is no database on this computer yet.</source>
        <translation>Er staat nog geen database op deze computer.</translation>
    </message>
    <message>
        <source>Create a &amp;new database</source>
        <translation>Een &amp;nieuwe database maken</translation>
    </message>
    <message>
        <source>Create a &amp;demo mission (fictional data)</source>
        <translation>Een &amp;demomissie maken (verzonnen gegevens)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Gebruikersnaam</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Volledige &amp;naam</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Nogmaals</translation>
    </message>
    <message>
        <source>Demo &amp;cases</source>
        <translation>Demo&amp;zaken</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Vul een gebruikersnaam in.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>De twee wachtwoordzinnen verschillen.</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>Database wordt gemaakt…</translation>
    </message>
    <message>
        <source>Creating the demo mission…</source>
        <translation>Demomissie wordt gemaakt…</translation>
    </message>
    <message>
        <source>Unlock Hervest</source>
        <translation>Hervest ontgrendelen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Unlock the mission database&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Missiedatabase ontgrendelen&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Ontgrendelen…</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait %1 seconds.</source>
        <translation>Te veel mislukte pogingen: wacht %1 seconden.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Not sent: %1 · Last sync: %2</source>
        <translation>Niet verzonden: %1 · Laatste synchronisatie: %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Laatste fout: %1</translation>
    </message>
</context>
<context>
    <name>Training</name>
    <message>
        <source>&amp;Training:</source>
        <translation>&amp;Training:</translation>
    </message>
    <message>
        <source>Keys: P present, A absent, E excused, U not recorded</source>
        <translation>Toetsen: P aanwezig, A afwezig, E afgemeld, U niet ingevuld</translation>
    </message>
    <message>
        <source>Save &amp;notes</source>
        <translation>&amp;Notities opslaan</translation>
    </message>
    <message>
        <source>&lt;b&gt;Missed sessions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gemiste sessies&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No session chosen.</source>
        <translation>Geen sessie gekozen.</translation>
    </message>
    <message>
        <source>Nobody missed a session.</source>
        <translation>Niemand heeft een sessie gemist.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Sync finished.</source>
        <translation>Synchronisatie klaar.</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Bundel exporteren</translation>
    </message>
    <message>
        <source>Bundle written: %1</source>
        <translation>Bundel geschreven: %1</translation>
    </message>
</context>
</TS>
