-- Attachment chunks are write-once and written only by the device that sent a blob's
-- first chunk (its uploader); `stored` counts the bytes it has sent, to bound what one
-- device keeps unverified at HQ. Chunks of uploads begun before this step have no known
-- uploader: they are dropped, and their laptops send them again (an upload resumes from
-- what HQ holds). Complete blobs (blob_meta) are kept as they are.
CREATE TABLE blob_uploads (
    sha256 TEXT PRIMARY KEY NOT NULL,
    device_id TEXT NOT NULL,
    stored BIGINT NOT NULL DEFAULT 0,
    started_at TEXT NOT NULL
);
CREATE INDEX blob_uploads_device ON blob_uploads (device_id);
DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM blob_meta);
