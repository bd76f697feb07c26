-- Refusals are counted per device, reason and hour (`at` is the hour's start) instead of
-- a row each, and a device id HQ does not know is not kept (its sender chose it): noise
-- from strangers cannot grow the table without bound. Older rows stay, each a count of 1.
ALTER TABLE refusals ADD COLUMN count BIGINT NOT NULL DEFAULT 1;
CREATE INDEX refusals_bucket ON refusals (reason, at);
