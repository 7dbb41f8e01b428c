-- Hourly and daily rollups of the big time series, for dashboards over long ranges (Grafana):
-- power_snapshots_{hourly,daily}, probe_results_{hourly,daily}, llm_probe_results_{hourly,daily}.
-- Every rollup has the same name and columns on both storages, so one panel query serves both:
--   * with TimescaleDB they are continuous aggregates, refreshed by a policy over the last few
--     days and real-time (materialized_only = false), so the newest, not yet materialized buckets
--     are computed from the raw rows at query time. They outlive the raw rows' retention.
--   * on plain PostgreSQL they are ordinary views over the raw tables (correct, not faster).
-- Buckets start at UTC hour / UTC midnight on both (time_bucket and date_trunc(..., 'UTC') agree).
-- Daily rollups aggregate the raw rows, not the hourly ones, so averages and percentiles are exact.
DO $$
DECLARE
    timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
    grain     record;
    bucket    text;
    create_as text;
BEGIN
    IF timescale THEN
        create_as := 'CREATE MATERIALIZED VIEW %I WITH (timescaledb.continuous, '
                  || 'timescaledb.materialized_only = false) AS %s WITH NO DATA';
    ELSE
        create_as := 'CREATE VIEW %I AS %s';
    END IF;

    FOR grain IN
        SELECT * FROM (VALUES ('hourly', 'hour', INTERVAL '3 days', INTERVAL '30 minutes'),
                              ('daily',  'day',  INTERVAL '4 days', INTERVAL '6 hours'))
                      AS g(suffix, unit, refresh_window, refresh_every)
    LOOP
        IF timescale THEN
            bucket := format('time_bucket(INTERVAL %L, ts)', '1 ' || grain.unit);
        ELSE
            bucket := format('date_trunc(%L, ts, %L)', grain.unit, 'UTC');
        END IF;

        EXECUTE format(create_as, 'power_snapshots_' || grain.suffix, format(
            'SELECT %s AS bucket, device_id,
                    count(*) AS samples,
                    count(*) FILTER (WHERE error IS NOT NULL) AS errors,
                    avg(power_watts) AS avg_power_watts,
                    min(power_watts) AS min_power_watts,
                    max(power_watts) AS max_power_watts,
                    avg(load_percent) AS avg_load_percent,
                    max(load_percent) AS max_load_percent,
                    avg(battery_percent) AS avg_battery_percent,
                    min(battery_percent) AS min_battery_percent,
                    avg(voltage) AS avg_voltage,
                    avg(temperature_c) AS avg_temperature_c,
                    max(temperature_c) AS max_temperature_c
               FROM power_snapshots
              GROUP BY 1, 2', bucket));

        EXECUTE format(create_as, 'probe_results_' || grain.suffix, format(
            'SELECT %s AS bucket, target_id,
                    count(*) AS checks,
                    count(*) FILTER (WHERE up) AS up_checks,
                    avg(response_time_ms) AS avg_response_time_ms,
                    max(response_time_ms) AS max_response_time_ms,
                    percentile_cont(0.95) WITHIN GROUP (ORDER BY response_time_ms)
                        AS p95_response_time_ms
               FROM probe_results
              GROUP BY 1, 2', bucket));

        EXECUTE format(create_as, 'llm_probe_results_' || grain.suffix, format(
            'SELECT %s AS bucket, model_id,
                    max(coalesce(display_name, model_name)) AS model_name,
                    max(provider_type) AS provider_type,
                    count(*) AS probes,
                    count(*) FILTER (WHERE status = ''up'') AS up_probes,
                    count(*) FILTER (WHERE status = ''degraded'') AS degraded_probes,
                    count(*) FILTER (WHERE status = ''down'') AS down_probes,
                    avg(latency_ms) AS avg_latency_ms,
                    avg(ttft_ms) AS avg_ttft_ms,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY ttft_ms) AS p50_ttft_ms,
                    percentile_cont(0.95) WITHIN GROUP (ORDER BY ttft_ms) AS p95_ttft_ms,
                    avg(tpot_ms) AS avg_tpot_ms,
                    percentile_cont(0.95) WITHIN GROUP (ORDER BY tpot_ms) AS p95_tpot_ms,
                    avg(tps) AS avg_tps,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY tps) AS p50_tps
               FROM llm_probe_results
              GROUP BY 1, 2', bucket));

        IF timescale THEN
            -- Older buckets stay as materialized; a late reading older than the window is not
            -- folded in (the raw table still has it until its retention drops it).
            PERFORM add_continuous_aggregate_policy(format('%I', src || '_' || grain.suffix)::regclass,
                        start_offset => grain.refresh_window, end_offset => INTERVAL '1 hour',
                        schedule_interval => grain.refresh_every, if_not_exists => true)
               FROM unnest(ARRAY['power_snapshots', 'probe_results', 'llm_probe_results']) AS src;
        END IF;
    END LOOP;
END
$$;
