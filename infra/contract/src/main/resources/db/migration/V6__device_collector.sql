-- Which collector polls an api-managed device (NULL: any collector that accepts unassigned
-- devices), so that sites with several collectors poll each device once.
ALTER TABLE devices ADD COLUMN collector_id text;
