-- Where the timescaledb extension can be loaded, snapshots and events become hypertables with
-- compression (segmented by device, as most queries filter on it) and retention policies.
-- Where it cannot, this migration does nothing and the plain tables of V1 with their time
-- indexes serve the same queries.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        RAISE NOTICE 'timescaledb is not available: using plain PostgreSQL tables';
        RETURN;
    END IF;
    BEGIN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXCEPTION WHEN OTHERS THEN
        -- Installed but not loadable (e.g. not in shared_preload_libraries).
        RAISE NOTICE 'timescaledb is installed but cannot be loaded (%): using plain tables', SQLERRM;
        RETURN;
    END;

    PERFORM create_hypertable('power_snapshots', 'ts',
        chunk_time_interval => INTERVAL '1 day', migrate_data => true, if_not_exists => true);
    EXECUTE 'ALTER TABLE power_snapshots SET (timescaledb.compress, '
         || 'timescaledb.compress_segmentby = ''device_id'', timescaledb.compress_orderby = ''ts DESC'')';
    PERFORM add_compression_policy('power_snapshots', INTERVAL '7 days', if_not_exists => true);
    PERFORM add_retention_policy('power_snapshots', INTERVAL '365 days', if_not_exists => true);

    PERFORM create_hypertable('power_events', 'ts',
        chunk_time_interval => INTERVAL '7 days', migrate_data => true, if_not_exists => true);
    EXECUTE 'ALTER TABLE power_events SET (timescaledb.compress, '
         || 'timescaledb.compress_segmentby = ''device_id'', timescaledb.compress_orderby = ''ts DESC'')';
    PERFORM add_compression_policy('power_events', INTERVAL '30 days', if_not_exists => true);
    PERFORM add_retention_policy('power_events', INTERVAL '730 days', if_not_exists => true);
END
$$;
