-- Schema 1: the first Hervest schema. Frozen: never edit, add a new migration instead.

CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- The sync change log. Local changes have device_id = this device and a dense seq;
-- changes pulled from HQ keep their origin (device_id, seq) and get the server's cursor.
CREATE TABLE changes (
    id INTEGER PRIMARY KEY,
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    fields TEXT NOT NULL,
    user_id TEXT,
    schema_version INTEGER NOT NULL,
    server_seq INTEGER,
    acked INTEGER NOT NULL DEFAULT 0,
    UNIQUE (device_id, seq)
);
CREATE INDEX changes_row ON changes(entity, row_id);
CREATE INDEX changes_unacked ON changes(device_id, seq) WHERE acked = 0;

-- Hash-chained audit log: hash = SHA-256(prev_hash | canonical JSON of the entry).
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_id TEXT,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT,
    row_id TEXT,
    change_device TEXT,
    change_seq INTEGER,
    detail TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_row ON audit_log(entity, row_id);

-- Attachment bytes, content-addressed; the metadata row goes through the unit of work.
CREATE TABLE attachment_chunks (
    sha256 TEXT NOT NULL,
    idx INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, idx)
);

-- Local scratch for form autosave (never synced): a typed word survives a crash.
CREATE TABLE drafts (
    key TEXT PRIMARY KEY NOT NULL,
    payload TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    active INTEGER NOT NULL
);

CREATE TABLE frameworks (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    total_target INTEGER NOT NULL,
    category TEXT NOT NULL,
    notes TEXT NOT NULL
);

CREATE TABLE framework_years (
    id TEXT PRIMARY KEY NOT NULL,
    framework_id TEXT NOT NULL REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    year INTEGER NOT NULL,
    target INTEGER NOT NULL
);

CREATE TABLE framework_earmarks (
    id TEXT PRIMARY KEY NOT NULL,
    framework_id TEXT NOT NULL REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    channel TEXT NOT NULL,
    year INTEGER,
    places INTEGER NOT NULL
);

CREATE TABLE framework_deductions (
    id TEXT PRIMARY KEY NOT NULL,
    framework_id TEXT NOT NULL REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    places INTEGER NOT NULL,
    reason TEXT NOT NULL
);

CREATE TABLE carry_overs (
    id TEXT PRIMARY KEY NOT NULL,
    from_framework_id TEXT NOT NULL REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    to_framework_id TEXT NOT NULL REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    places INTEGER NOT NULL,
    note TEXT NOT NULL
);

CREATE TABLE missions (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    framework_id TEXT REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    host_country TEXT NOT NULL,
    location TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    status TEXT NOT NULL,
    target_places INTEGER NOT NULL
);

CREATE TABLE delegation_members (
    id TEXT PRIMARY KEY NOT NULL,
    mission_id TEXT NOT NULL REFERENCES missions(id) DEFERRABLE INITIALLY DEFERRED,
    user_id TEXT NOT NULL,
    mission_role TEXT NOT NULL
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY NOT NULL,
    unhcr_case_number TEXT NOT NULL,
    channel TEXT NOT NULL,
    priority TEXT NOT NULL,
    submission_category TEXT NOT NULL,
    quota_category TEXT NOT NULL,
    state TEXT NOT NULL,
    mission_id TEXT REFERENCES missions(id) DEFERRABLE INITIALLY DEFERRED,
    framework_id TEXT REFERENCES frameworks(id) DEFERRABLE INITIALLY DEFERRED,
    host_country TEXT NOT NULL,
    referred_on TEXT,
    selected_on TEXT,
    follows_case_id TEXT REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    protection_need TEXT NOT NULL,
    notes TEXT NOT NULL
);

CREATE TABLE case_transitions (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    from_state TEXT,
    to_state TEXT NOT NULL,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    note TEXT NOT NULL
);

CREATE TABLE persons (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    unhcr_individual_number TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    given_name_original TEXT NOT NULL,
    family_name_original TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    sex TEXT NOT NULL,
    nationality TEXT NOT NULL,
    relationship TEXT NOT NULL,
    follows_later INTEGER NOT NULL
);

CREATE TABLE interviews (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    interviewer_id TEXT NOT NULL,
    interpreter_language TEXT NOT NULL,
    held_on TEXT,
    notes TEXT NOT NULL,
    status TEXT NOT NULL,
    version INTEGER NOT NULL,
    supersedes_id TEXT REFERENCES interviews(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE assessments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT NOT NULL REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    assessor_id TEXT NOT NULL,
    art29a TEXT NOT NULL,
    art1f TEXT NOT NULL,
    art29a_grounds TEXT NOT NULL,
    art29b TEXT NOT NULL,
    art29b_grounds TEXT NOT NULL,
    integration TEXT NOT NULL,
    integration_grounds TEXT NOT NULL,
    status TEXT NOT NULL
);

CREATE TABLE decisions (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    kind TEXT NOT NULL,
    outcome TEXT NOT NULL,
    grounds TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_on TEXT NOT NULL
);

CREATE TABLE resettlement_profiles (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    author_id TEXT NOT NULL,
    housing_needs TEXT NOT NULL,
    needs_accessible_housing INTEGER NOT NULL,
    needs_hospital_nearby INTEGER NOT NULL,
    health_summary TEXT NOT NULL,
    education TEXT NOT NULL,
    work_experience TEXT NOT NULL,
    expectations TEXT NOT NULL,
    notes_for_municipality TEXT NOT NULL,
    status TEXT NOT NULL
);

CREATE TABLE medical_notes (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT NOT NULL REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    author_id TEXT NOT NULL,
    findings TEXT NOT NULL,
    status TEXT NOT NULL
);

CREATE TABLE trainings (
    id TEXT PRIMARY KEY NOT NULL,
    mission_id TEXT REFERENCES missions(id) DEFERRABLE INITIALLY DEFERRED,
    name TEXT NOT NULL,
    location TEXT NOT NULL,
    interpreter_language TEXT NOT NULL,
    trainer_ids TEXT NOT NULL,
    notes TEXT NOT NULL
);

CREATE TABLE training_cases (
    id TEXT PRIMARY KEY NOT NULL,
    training_id TEXT NOT NULL REFERENCES trainings(id) DEFERRABLE INITIALLY DEFERRED,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE training_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    training_id TEXT NOT NULL REFERENCES trainings(id) DEFERRABLE INITIALLY DEFERRED,
    held_on TEXT NOT NULL,
    day_part TEXT NOT NULL,
    topics TEXT NOT NULL,
    trainer_id TEXT,
    notes TEXT NOT NULL
);

CREATE TABLE attendance (
    id TEXT PRIMARY KEY NOT NULL,
    session_id TEXT NOT NULL REFERENCES training_sessions(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT NOT NULL REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    status TEXT NOT NULL,
    note TEXT NOT NULL
);

CREATE TABLE municipalities (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    province TEXT NOT NULL,
    houses_offered INTEGER NOT NULL,
    capacity_per_year INTEGER NOT NULL,
    near_hospital INTEGER NOT NULL,
    accessible_housing INTEGER NOT NULL
);

CREATE TABLE placements (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    municipality_id TEXT NOT NULL REFERENCES municipalities(id) DEFERRABLE INITIALLY DEFERRED,
    confirmed INTEGER NOT NULL,
    note TEXT NOT NULL
);

CREATE TABLE departures (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    departed_on TEXT NOT NULL,
    from_location TEXT NOT NULL
);

CREATE TABLE arrivals (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    arrived_on TEXT NOT NULL,
    place TEXT NOT NULL,
    municipality_id TEXT REFERENCES municipalities(id) DEFERRABLE INITIALLY DEFERRED,
    reception_location TEXT NOT NULL,
    is_nareis INTEGER NOT NULL
);

CREATE TABLE attachments (
    id TEXT PRIMARY KEY NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases(id) DEFERRABLE INITIALLY DEFERRED,
    person_id TEXT REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    sha256 TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    description TEXT NOT NULL
);

CREATE TABLE duplicate_flags (
    id TEXT PRIMARY KEY NOT NULL,
    person_a_id TEXT NOT NULL REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    person_b_id TEXT NOT NULL REFERENCES persons(id) DEFERRABLE INITIALLY DEFERRED,
    reason TEXT NOT NULL,
    score REAL NOT NULL,
    status TEXT NOT NULL,
    decided_by TEXT
);

CREATE TABLE conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field_name TEXT NOT NULL,
    local_value TEXT NOT NULL,
    remote_value TEXT NOT NULL,
    local_hlc TEXT NOT NULL,
    remote_hlc TEXT NOT NULL,
    remote_device TEXT NOT NULL,
    resolved INTEGER NOT NULL,
    resolved_by TEXT
);

CREATE INDEX framework_years_framework_id ON framework_years(framework_id);
CREATE INDEX framework_earmarks_framework_id ON framework_earmarks(framework_id);
CREATE INDEX framework_deductions_framework_id ON framework_deductions(framework_id);
CREATE INDEX carry_overs_from_framework_id ON carry_overs(from_framework_id);
CREATE INDEX carry_overs_to_framework_id ON carry_overs(to_framework_id);
CREATE INDEX missions_framework_id ON missions(framework_id);
CREATE INDEX delegation_members_mission_id ON delegation_members(mission_id);
CREATE INDEX cases_mission_id ON cases(mission_id);
CREATE INDEX cases_framework_id ON cases(framework_id);
CREATE INDEX cases_follows_case_id ON cases(follows_case_id);
CREATE INDEX case_transitions_case_id ON case_transitions(case_id);
CREATE INDEX persons_case_id ON persons(case_id);
CREATE INDEX interviews_case_id ON interviews(case_id);
CREATE INDEX interviews_person_id ON interviews(person_id);
CREATE INDEX interviews_supersedes_id ON interviews(supersedes_id);
CREATE INDEX assessments_case_id ON assessments(case_id);
CREATE INDEX assessments_person_id ON assessments(person_id);
CREATE INDEX decisions_case_id ON decisions(case_id);
CREATE INDEX resettlement_profiles_case_id ON resettlement_profiles(case_id);
CREATE INDEX medical_notes_case_id ON medical_notes(case_id);
CREATE INDEX medical_notes_person_id ON medical_notes(person_id);
CREATE INDEX trainings_mission_id ON trainings(mission_id);
CREATE INDEX training_cases_training_id ON training_cases(training_id);
CREATE INDEX training_cases_case_id ON training_cases(case_id);
CREATE INDEX training_sessions_training_id ON training_sessions(training_id);
CREATE INDEX attendance_session_id ON attendance(session_id);
CREATE INDEX attendance_person_id ON attendance(person_id);
CREATE INDEX placements_case_id ON placements(case_id);
CREATE INDEX placements_municipality_id ON placements(municipality_id);
CREATE INDEX departures_case_id ON departures(case_id);
CREATE INDEX arrivals_case_id ON arrivals(case_id);
CREATE INDEX arrivals_person_id ON arrivals(person_id);
CREATE INDEX arrivals_municipality_id ON arrivals(municipality_id);
CREATE INDEX attachments_case_id ON attachments(case_id);
CREATE INDEX attachments_person_id ON attachments(person_id);
CREATE INDEX duplicate_flags_person_a_id ON duplicate_flags(person_a_id);
CREATE INDEX duplicate_flags_person_b_id ON duplicate_flags(person_b_id);
CREATE UNIQUE INDEX users_name ON users(name);
CREATE INDEX cases_unhcr ON cases(unhcr_case_number);
CREATE INDEX cases_state ON cases(state);
CREATE INDEX persons_unhcr ON persons(unhcr_individual_number);
CREATE INDEX arrivals_date ON arrivals(arrived_on);
