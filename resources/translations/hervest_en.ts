<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>About</name>
    <message>
        <source>About Hervest</source>
        <translation>About Hervest</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Database schema</source>
        <translation>Database schema</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Device id</translation>
    </message>
    <message>
        <source>Enrolled with</source>
        <translation>Enrolled with</translation>
    </message>
    <message>
        <source>not enrolled</source>
        <translation>not enrolled</translation>
    </message>
    <message>
        <source>Resettlement selection missions, offline first; all data encrypted on this laptop.</source>
        <translation>Resettlement selection missions, offline first; all data encrypted on this laptop.</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Search names (any script or spelling), UNHCR numbers, nationality…</source>
        <translation>Search names (any script or spelling), UNHCR numbers, nationality…</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message numerus="yes">
        <source>first %n matches: type more</source>
        <translation>
            <numerusform>first %n match: type more</numerusform>
            <numerusform>first %n matches: type more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>UNHCR case</source>
        <translation>UNHCR case</translation>
    </message>
    <message>
        <source>Principal applicant</source>
        <translation>Principal applicant</translation>
    </message>
    <message>
        <source>Original script</source>
        <translation>Original script</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Matched</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>original script</source>
        <translation>original script</translation>
    </message>
    <message>
        <source>individual number</source>
        <translation>individual number</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nationality</translation>
    </message>
    <message>
        <source>case number</source>
        <translation>case number</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>&amp;Family and referral</source>
        <translation>&amp;Family and referral</translation>
    </message>
    <message>
        <source>&amp;Interviews and assessments</source>
        <translation>&amp;Interviews and assessments</translation>
    </message>
    <message>
        <source>&amp;Decisions</source>
        <translation>&amp;Decisions</translation>
    </message>
    <message>
        <source>&amp;CO and placement</source>
        <translation>&amp;CO and placement</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>Move to: %1</source>
        <translation>Move to: %1</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Submission category</source>
        <translation>Submission category</translation>
    </message>
    <message>
        <source>Host country</source>
        <translation>Host country</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Selected on</source>
        <translation>Selected on</translation>
    </message>
    <message>
        <source>Protection need (UNHCR)</source>
        <translation>Protection need (UNHCR)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>UNHCR number</source>
        <translation>UNHCR number</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Confirmed</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>This document type cannot be shown inside Hervest. It stays in the encrypted database.</source>
        <translation>This document type cannot be shown inside Hervest. It stays in the encrypted database.</translation>
    </message>
    <message>
        <source>None recorded.</source>
        <translation>None recorded.</translation>
    </message>
    <message>
        <source>follows later</source>
        <translation>follows later</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Referral</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>interview</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Assessment</translation>
    </message>
    <message>
        <source>integration</source>
        <translation>integration</translation>
    </message>
    <message>
        <source>Medical</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>Resettlement profile</source>
        <translation>Resettlement profile</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>Whole case</translation>
    </message>
    <message>
        <source>CO attendance</source>
        <translation>CO attendance</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placement</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>%1 days left</source>
        <translation>%1 days left</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <source>Accepted cases whose six months to arrival end within 30 days or have passed:</source>
        <translation>Accepted cases whose six months to arrival end within 30 days or have passed:</translation>
    </message>
    <message>
        <source>arrival due</source>
        <translation>arrival due</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>None.</translation>
    </message>
    <message>
        <source>Cases by state</source>
        <translation>Cases by state</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Interviews</translation>
    </message>
    <message>
        <source>Done (final IND interviews)</source>
        <translation>Done (final IND interviews)</translation>
    </message>
    <message>
        <source>To do (adults in referred or scheduled cases)</source>
        <translation>To do (adults in referred or scheduled cases)</translation>
    </message>
    <message>
        <source>Deadlines at risk</source>
        <translation>Deadlines at risk</translation>
    </message>
    <message>
        <source>CO attendance</source>
        <translation>CO attendance</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>excused</source>
        <translation>excused</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Changes waiting to be sent</source>
        <translation>Changes waiting to be sent</translation>
    </message>
    <message>
        <source>Last successful sync</source>
        <translation>Last successful sync</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>Enrol</name>
    <message>
        <source>Enrol with HQ</source>
        <translation>Enrol with HQ</translation>
    </message>
    <message>
        <source>Paste the one-time enrolment code that HQ gave you. This laptop&apos;s key is registered with HQ; the code cannot be used again.</source>
        <translation>Paste the one-time enrolment code that HQ gave you. This laptop&apos;s key is registered with HQ; the code cannot be used again.</translation>
    </message>
    <message>
        <source>only if this network needs one, e.g. http://proxy:3128</source>
        <translation>only if this network needs one, e.g. http://proxy:3128</translation>
    </message>
    <message>
        <source>Enrolment &amp;code</source>
        <translation>Enrolment &amp;code</translation>
    </message>
    <message>
        <source>&amp;Proxy</source>
        <translation>&amp;Proxy</translation>
    </message>
    <message>
        <source>This laptop is enrolled with %1; a new code replaces that enrolment.</source>
        <translation>This laptop is enrolled with %1; a new code replaces that enrolment.</translation>
    </message>
    <message>
        <source>&amp;Enrol</source>
        <translation>&amp;Enrol</translation>
    </message>
    <message>
        <source>Paste the enrolment code first.</source>
        <translation>Paste the enrolment code first.</translation>
    </message>
    <message>
        <source>Enrolling with HQ…</source>
        <translation>Enrolling with HQ…</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>IND interview</source>
        <translation>IND interview</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Held on</translation>
    </message>
    <message>
        <source>Interpreter language</source>
        <translation>Interpreter language</translation>
    </message>
    <message>
        <source>Interview notes</source>
        <translation>Interview notes</translation>
    </message>
    <message>
        <source>COA resettlement profile</source>
        <translation>COA resettlement profile</translation>
    </message>
    <message>
        <source>Housing needs</source>
        <translation>Housing needs</translation>
    </message>
    <message>
        <source>Needs accessible housing</source>
        <translation>Needs accessible housing</translation>
    </message>
    <message>
        <source>Needs a hospital nearby</source>
        <translation>Needs a hospital nearby</translation>
    </message>
    <message>
        <source>Health (what COA may know)</source>
        <translation>Health (what COA may know)</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Work experience</source>
        <translation>Work experience</translation>
    </message>
    <message>
        <source>Expectations</source>
        <translation>Expectations</translation>
    </message>
    <message>
        <source>Notes for the municipality</source>
        <translation>Notes for the municipality</translation>
    </message>
    <message>
        <source>BMA medical notes</source>
        <translation>BMA medical notes</translation>
    </message>
    <message>
        <source>Medical findings</source>
        <translation>Medical findings</translation>
    </message>
    <message>
        <source>IND assessment</source>
        <translation>IND assessment</translation>
    </message>
    <message>
        <source>Art. 29(1)(a) Vw (refugee)</source>
        <translation>Art. 29(1)(a) Vw (refugee)</translation>
    </message>
    <message>
        <source>Art. 1F exclusion</source>
        <translation>Art. 1F exclusion</translation>
    </message>
    <message>
        <source>Grounds 29(1)(a) / 1F</source>
        <translation>Grounds 29(1)(a) / 1F</translation>
    </message>
    <message>
        <source>Art. 29(1)(b) Vw (subsidiary protection)</source>
        <translation>Art. 29(1)(b) Vw (subsidiary protection)</translation>
    </message>
    <message>
        <source>Grounds 29(1)(b)</source>
        <translation>Grounds 29(1)(b)</translation>
    </message>
    <message>
        <source>Integration check</source>
        <translation>Integration check</translation>
    </message>
    <message>
        <source>Grounds of the integration check</source>
        <translation>Grounds of the integration check</translation>
    </message>
    <message>
        <source>Proposed decision</source>
        <translation>Proposed decision</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Grounds</translation>
    </message>
    <message>
        <source>&amp;Save (draft)</source>
        <translation>&amp;Save (draft)</translation>
    </message>
    <message>
        <source>&amp;Finalise</source>
        <translation>&amp;Finalise</translation>
    </message>
    <message>
        <source>Draft restored from %1.</source>
        <translation>Draft restored from %1.</translation>
    </message>
    <message>
        <source>Unsaved changes…</source>
        <translation>Unsaved changes…</translation>
    </message>
    <message>
        <source>Draft saved at %1.</source>
        <translation>Draft saved at %1.</translation>
    </message>
    <message>
        <source>Finalised.</source>
        <translation>Finalised.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>HQ</name>
    <message>
        <source>No framework chosen.</source>
        <translation>No framework chosen.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Arrived via mission</source>
        <translation>Arrived via mission</translation>
    </message>
    <message>
        <source>Arrived via dossier</source>
        <translation>Arrived via dossier</translation>
    </message>
    <message>
        <source>of which nareis</source>
        <translation>of which nareis</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Framework:</translation>
    </message>
    <message>
        <source>Assign selected cases to &amp;mission:</source>
        <translation>Assign selected cases to &amp;mission:</translation>
    </message>
    <message>
        <source>&amp;Assign</source>
        <translation>&amp;Assign</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <source>Grounds of the final decision</source>
        <translation>Grounds of the final decision</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Accept</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>&amp;Refuse</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>&lt;i&gt;No open conflicts.&lt;/i&gt;</source>
        <translation>&lt;i&gt;No open conflicts.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Keep the &amp;current value</source>
        <translation>Keep the &amp;current value</translation>
    </message>
    <message>
        <source>Use the &amp;other value</source>
        <translation>Use the &amp;other value</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Open conflicts&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Open conflicts&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>(the whole record)</source>
        <translation>(the whole record)</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>&amp;Place case in municipality</source>
        <translation>&amp;Place case in municipality</translation>
    </message>
    <message>
        <source>&lt;b&gt;Accepted, not yet placed&lt;/b&gt;</source>
        <translation>&lt;b&gt;Accepted, not yet placed&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Municipalities&lt;/b&gt; (placed / offered houses)</source>
        <translation>&lt;b&gt;Municipalities&lt;/b&gt; (placed / offered houses)</translation>
    </message>
    <message>
        <source>hospital</source>
        <translation>hospital</translation>
    </message>
    <message>
        <source>accessible</source>
        <translation>accessible</translation>
    </message>
    <message>
        <source>target after deductions</source>
        <translation>target after deductions</translation>
    </message>
    <message>
        <source>counted</source>
        <translation>counted</translation>
    </message>
    <message>
        <source>gap</source>
        <translation>gap</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Arrived (incl. nareis)</source>
        <translation>Arrived (incl. nareis)</translation>
    </message>
    <message>
        <source>Nareis</source>
        <translation>Nareis</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>no proposal</source>
        <translation>no proposal</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Other device</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Search cases</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <source>Go to a page (left list)</source>
        <translation>Go to a page (left list)</translation>
    </message>
    <message>
        <source>Choose the mission</source>
        <translation>Choose the mission</translation>
    </message>
    <message>
        <source>Open the selected case</source>
        <translation>Open the selected case</translation>
    </message>
    <message>
        <source>Close the open case or form tab</source>
        <translation>Close the open case or form tab</translation>
    </message>
    <message>
        <source>Next open tab</source>
        <translation>Next open tab</translation>
    </message>
    <message>
        <source>Save the form (as draft)</source>
        <translation>Save the form (as draft)</translation>
    </message>
    <message>
        <source>Sync with HQ now</source>
        <translation>Sync with HQ now</translation>
    </message>
    <message>
        <source>Export a bundle for USB</source>
        <translation>Export a bundle for USB</translation>
    </message>
    <message>
        <source>Print a report (PDF)</source>
        <translation>Print a report (PDF)</translation>
    </message>
    <message>
        <source>Lock now</source>
        <translation>Lock now</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>This help</source>
        <translation>This help</translation>
    </message>
    <message>
        <source>About Hervest (version, device)</source>
        <translation>About Hervest (version, device)</translation>
    </message>
    <message>
        <source>Attendance grid: present, absent, excused, not recorded</source>
        <translation>Attendance grid: present, absent, excused, not recorded</translation>
    </message>
    <message>
        <source>Jump to a field or button</source>
        <translation>Jump to a field or button</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;About Hervest…</source>
        <translation>&amp;About Hervest…</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <source>Import a bundle that a mission laptop exported to USB. It is checked against the laptop&apos;s key before anything is changed; a bundle imported twice changes nothing.</source>
        <translation>Import a bundle that a mission laptop exported to USB. It is checked against the laptop&apos;s key before anything is changed; a bundle imported twice changes nothing.</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Bundles (*.age);;All files (*)</source>
        <translation>Bundles (*.age);;All files (*)</translation>
    </message>
    <message>
        <source>HQ identity file</source>
        <translation>HQ identity file</translation>
    </message>
    <message>
        <source>Identity files (*.txt *.key);;All files (*)</source>
        <translation>Identity files (*.txt *.key);;All files (*)</translation>
    </message>
    <message>
        <source>Laptop public key</source>
        <translation>Laptop public key</translation>
    </message>
    <message>
        <source>Public keys (*.pub);;All files (*)</source>
        <translation>Public keys (*.pub);;All files (*)</translation>
    </message>
    <message>
        <source>Scan its QR code or type the SHA-256 on it</source>
        <translation>Scan its QR code or type the SHA-256 on it</translation>
    </message>
    <message>
        <source>&amp;Bundle</source>
        <translation>&amp;Bundle</translation>
    </message>
    <message>
        <source>HQ &amp;identity file</source>
        <translation>HQ &amp;identity file</translation>
    </message>
    <message>
        <source>Laptop&apos;s public &amp;key</source>
        <translation>Laptop&apos;s public &amp;key</translation>
    </message>
    <message>
        <source>Paper &amp;receipt</source>
        <translation>Paper &amp;receipt</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stop</translation>
    </message>
    <message>
        <source>Choose the bundle, HQ&apos;s identity file and the laptop&apos;s public key first.</source>
        <translation>Choose the bundle, HQ&apos;s identity file and the laptop&apos;s public key first.</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <source>Checking and importing the bundle…</source>
        <translation>Checking and importing the bundle…</translation>
    </message>
    <message>
        <source>SHA-256 of the bundle: %1</source>
        <translation>SHA-256 of the bundle: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Scheduled</translation>
    </message>
    <message>
        <source>Interviewed</source>
        <translation>Interviewed</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Accepted (HQ)</source>
        <translation>Accepted (HQ)</translation>
    </message>
    <message>
        <source>CO training</source>
        <translation>CO training</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>Departed</translation>
    </message>
    <message>
        <source>Arrived</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>Emergency</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Principal applicant</source>
        <translation>Principal applicant</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Sibling</source>
        <translation>Sibling</translation>
    </message>
    <message>
        <source>Grandchild</source>
        <translation>Grandchild</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <source>Other relative</source>
        <translation>Other relative</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Met</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>Not met</translation>
    </message>
    <message>
        <source>No objection</source>
        <translation>No objection</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Objection</translation>
    </message>
    <message>
        <source>No indication</source>
        <translation>No indication</translation>
    </message>
    <message>
        <source>Indication</source>
        <translation>Indication</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>Excluded</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Proposed decision</source>
        <translation>Proposed decision</translation>
    </message>
    <message>
        <source>Final</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>Excused</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Morning</source>
        <translation>Morning</translation>
    </message>
    <message>
        <source>Afternoon</source>
        <translation>Afternoon</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>housing</source>
        <translation>housing</translation>
    </message>
    <message>
        <source>health care</source>
        <translation>health care</translation>
    </message>
    <message>
        <source>education</source>
        <translation>education</translation>
    </message>
    <message>
        <source>work</source>
        <translation>work</translation>
    </message>
    <message>
        <source>law and norms</source>
        <translation>law and norms</translation>
    </message>
    <message>
        <source>money</source>
        <translation>money</translation>
    </message>
    <message>
        <source>Dutch language</source>
        <translation>Dutch language</translation>
    </message>
    <message>
        <source>daily life</source>
        <translation>daily life</translation>
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
        <translation>Foreign Affairs</translation>
    </message>
    <message>
        <source>HQ coordinator</source>
        <translation>HQ coordinator</translation>
    </message>
    <message>
        <source>HQ medical adviser</source>
        <translation>HQ medical adviser</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Lock</name>
    <message>
        <source>&lt;h2&gt;Hervest is locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Hervest is locked&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Locked for %1. Your open forms are kept.</source>
        <translation>Locked for %1. Your open forms are kept.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Wait %1 seconds.</source>
        <translation>Wait %1 seconds.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Case list</source>
        <translation>Case list</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>CO training</source>
        <translation>CO training</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <source>Mission planning</source>
        <translation>Mission planning</translation>
    </message>
    <message>
        <source>Final decisions</source>
        <translation>Final decisions</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Placement</translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved form(s) restored from drafts.</source>
        <translation>
            <numerusform>%n unsaved form restored from its draft.</numerusform>
            <numerusform>%n unsaved forms restored from their drafts.</numerusform>
        </translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>&amp;Mission: </source>
        <translation>&amp;Mission: </translation>
    </message>
    <message>
        <source>All missions and dossiers</source>
        <translation>All missions and dossiers</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <source>Print report…</source>
        <translation>Print report…</translation>
    </message>
    <message>
        <source>Enrol…</source>
        <translation>Enrol…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <source>Print report</source>
        <translation>Print report</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;For</translation>
    </message>
    <message>
        <source>&lt;b&gt;The PDF holds personal data outside the encrypted database.&lt;/b&gt; Save it only on an encrypted drive, never on a shared or cloud folder, and delete it when it is no longer needed.</source>
        <translation>&lt;b&gt;The PDF holds personal data outside the encrypted database.&lt;/b&gt; Save it only on an encrypted drive, never on a shared or cloud folder, and delete it when it is no longer needed.</translation>
    </message>
    <message>
        <source>&amp;Save PDF…</source>
        <translation>&amp;Save PDF…</translation>
    </message>
    <message>
        <source>Mission report</source>
        <translation>Mission report</translation>
    </message>
    <message>
        <source>Case summary</source>
        <translation>Case summary</translation>
    </message>
    <message>
        <source>CO attendance sheets</source>
        <translation>CO attendance sheets</translation>
    </message>
    <message>
        <source>Municipality profile</source>
        <translation>Municipality profile</translation>
    </message>
    <message>
        <source>There is nothing to report on yet.</source>
        <translation>There is nothing to report on yet.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Writing the PDF…</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Lock after idle</source>
        <translation>&amp;Lock after idle</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Too short: at least %1 characters.</translation>
    </message>
    <message>
        <source>Weak: add words or characters.</source>
        <translation>Weak: add words or characters.</translation>
    </message>
    <message>
        <source>Fair: a longer sentence is stronger.</source>
        <translation>Fair: a longer sentence is stronger.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Strong.</translation>
    </message>
    <message>
        <source>Welcome to Hervest</source>
        <translation>Welcome to Hervest</translation>
    </message>
    <message>
        <source>There is no database on this computer yet.</source>
        <translation>There is no database on this computer yet.</translation>
    </message>
    <message>
        <source>Create a &amp;new database</source>
        <translation>Create a &amp;new database</translation>
    </message>
    <message>
        <source>Create a &amp;demo mission (fictional data)</source>
        <translation>Create a &amp;demo mission (fictional data)</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Full &amp;name</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>Demo &amp;cases</source>
        <translation>Demo &amp;cases</translation>
    </message>
    <message>
        <source>Enter a user name.</source>
        <translation>Enter a user name.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
    <message>
        <source>Creating the database…</source>
        <translation>Creating the database…</translation>
    </message>
    <message>
        <source>Creating the demo mission…</source>
        <translation>Creating the demo mission…</translation>
    </message>
    <message>
        <source>Unlock Hervest</source>
        <translation>Unlock Hervest</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Unlock the mission database&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Unlock the mission database&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
    <message>
        <source>Too many failed attempts: wait %1 seconds.</source>
        <translation>Too many failed attempts: wait %1 seconds.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Not sent: %1 · Last sync: %2</source>
        <translation>Not sent: %1 · Last sync: %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Last error: %1</translation>
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
        <translation>Keys: P present, A absent, E excused, U not recorded</translation>
    </message>
    <message>
        <source>Save &amp;notes</source>
        <translation>Save &amp;notes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Missed sessions&lt;/b&gt;</source>
        <translation>&lt;b&gt;Missed sessions&lt;/b&gt;</translation>
    </message>
    <message>
        <source>No session chosen.</source>
        <translation>No session chosen.</translation>
    </message>
    <message>
        <source>Nobody missed a session.</source>
        <translation>Nobody missed a session.</translation>
    </message>
</context>
<context>
    <name>Transfer</name>
    <message>
        <source>Sync finished.</source>
        <translation>Sync finished.</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <source>Bundle written: %1</source>
        <translation>Bundle written: %1</translation>
    </message>
</context>
</TS>
