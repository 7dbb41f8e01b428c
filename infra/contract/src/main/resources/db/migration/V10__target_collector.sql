-- Which collector probes an uptime target (NULL: any collector that accepts unassigned targets),
-- so that sites with several collectors probe each target from the collector that can reach it.
ALTER TABLE targets ADD COLUMN collector_id text;
