-- HQ store schema 1. Frozen: add a new step instead of editing.
CREATE TABLE meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- Enrolled laptops (and HQ desktops). head: highest contiguous seq HQ holds from it.
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY NOT NULL,
    public_key TEXT NOT NULL,
    label TEXT NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    missions TEXT NOT NULL,
    enrolled_at TEXT NOT NULL,
    revoked_at TEXT,
    head BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE enrolments (
    token_hash TEXT PRIMARY KEY NOT NULL,
    label TEXT NOT NULL,
    user_name TEXT NOT NULL,
    missions TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_by TEXT
);

CREATE TABLE nonces (
    device_id TEXT NOT NULL,
    nonce TEXT NOT NULL,
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (device_id, nonce)
);

CREATE TABLE refusals (
    id {serial},
    device_id TEXT,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);

-- Every change from every device, exactly once.
CREATE TABLE changes (
    server_seq {serial},
    device_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    hlc TEXT NOT NULL,
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    op TEXT NOT NULL,
    fields TEXT NOT NULL,
    user_id TEXT,
    schema_version INTEGER NOT NULL,
    UNIQUE (device_id, seq)
);
CREATE INDEX changes_row ON changes (entity, row_id);

-- Who may see a row: its case and mission ('*' everyone, '' HQ only) and its resource
-- in the need-to-know rules (e.g. interviews:BMA).
CREATE TABLE scopes (
    entity TEXT NOT NULL,
    row_id TEXT NOT NULL,
    case_id TEXT,
    mission_id TEXT NOT NULL,
    resource TEXT NOT NULL,
    sha256 TEXT,
    PRIMARY KEY (entity, row_id)
);
CREATE INDEX scopes_case ON scopes (case_id);
CREATE INDEX scopes_sha ON scopes (sha256);

-- What each mission's laptops pull, in order; a case assigned to a mission later gets
-- its history appended again for that mission (the mission package).
CREATE TABLE feed (
    feed_seq {serial},
    server_seq BIGINT NOT NULL,
    mission_id TEXT NOT NULL,
    resource TEXT NOT NULL
);
CREATE INDEX feed_mission ON feed (mission_id, feed_seq);

-- Users and delegations as HQ knows them (kept from the changes that pass).
CREATE TABLE hq_users (
    user_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE TABLE delegations (
    member_id TEXT PRIMARY KEY NOT NULL,
    mission_id TEXT NOT NULL,
    user_id TEXT NOT NULL
);

CREATE TABLE blobs (
    sha256 TEXT NOT NULL,
    idx INTEGER NOT NULL,
    data {blob} NOT NULL,
    PRIMARY KEY (sha256, idx)
);
CREATE TABLE blob_meta (
    sha256 TEXT PRIMARY KEY NOT NULL,
    size BIGINT NOT NULL
)
