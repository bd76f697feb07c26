-- Users removed at HQ stay known (their past work names them) but no longer active.
ALTER TABLE hq_users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
