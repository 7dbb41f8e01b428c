-- A small fleet with a week of history ending now, for the panel-SQL tests: every entity a
-- dashboard variable lists has data in every table its panels read. Values vary with time so
-- percentiles, averages and statuses differ; no random(), so every run sees the same shape.

INSERT INTO devices (id, name, type, poller) VALUES
  ('ups-main', 'Main UPS', 'ups', 'nut'),
  ('ups-rack2', 'Rack 2 UPS', 'ups', 'nut'),
  ('pdu-rack1', 'Rack 1 PDU', 'pdu', 'snmp');

INSERT INTO power_snapshots (ts, device_id, device_type, collector_id, power_watts, load_percent,
    voltage, output_voltage, input_frequency, battery_percent, runtime_seconds, ups_status, temperature_c)
SELECT t, d.id, d.type, 'collector-1',
       d.base + 40 * sin(extract(epoch FROM t) / 3600.0),
       (d.base + 40 * sin(extract(epoch FROM t) / 3600.0)) / 10,
       229 + (extract(minute FROM t)::int % 3), 230, 50,
       CASE WHEN d.type = 'ups' THEN 100 - (extract(hour FROM t)::int % 5) END,
       CASE WHEN d.type = 'ups' THEN 1800 + 60 * (extract(hour FROM t)::int % 4) END,
       CASE WHEN d.type = 'ups' THEN 'OL' END,
       28 + (extract(hour FROM t)::int % 6)
FROM generate_series(date_trunc('minute', now()) - INTERVAL '8 days', now(), INTERVAL '5 minutes') AS t,
     (VALUES ('ups-main', 'ups', 300.0), ('ups-rack2', 'ups', 180.0), ('pdu-rack1', 'pdu', 520.0))
       AS d(id, type, base);

-- A few failed polls: the panels that skip errors must still find rows.
INSERT INTO power_snapshots (ts, device_id, collector_id, error)
SELECT date_trunc('minute', now()) - INTERVAL '8 days' - INTERVAL '1 minute' * n, 'ups-rack2', 'collector-1',
       'connection refused'
FROM generate_series(1, 3) AS n;

INSERT INTO pdu_outlet_readings (ts, device_id, outlet_index, name, power_watts, current_amps)
SELECT t, 'pdu-rack1', o, 'outlet ' || o, 100 + 10 * o + 5 * sin(extract(epoch FROM t) / 600.0), 0.5 * o
FROM generate_series(date_trunc('minute', now()) - INTERVAL '2 days', now(), INTERVAL '5 minutes') AS t,
     generate_series(1, 4) AS o;

INSERT INTO power_events (event_id, ts, device_id, event_type, severity, metadata)
SELECT md5('power-event' || d || n)::uuid, now() - INTERVAL '3 hours' * n + INTERVAL '1 minute', d,
       (ARRAY['on_battery', 'power_restored', 'low_battery', 'device_offline'])[1 + n % 4],
       (ARRAY['warning', 'info', 'critical', 'warning'])[1 + n % 4],
       jsonb_build_object('battery_percent', 90 - n % 10)
FROM generate_series(0, 60) AS n, unnest(ARRAY['ups-main', 'ups-rack2', 'pdu-rack1']) AS d;

INSERT INTO energy_daily (device_id, day, wh, as_of)
SELECT d.id, (now() AT TIME ZONE 'UTC')::date - n, d.wh_per_day + 100 * (n % 3), now()
FROM generate_series(0, 45) AS n,
     (VALUES ('ups-main', 7200.0), ('ups-rack2', 4300.0), ('pdu-rack1', 12500.0)) AS d(id, wh_per_day);

INSERT INTO energy_totals (device_id, wh_total, as_of, last_power_watts, gaps_skipped)
SELECT device_id, sum(wh), now(), 250, 1 FROM energy_daily GROUP BY device_id;

INSERT INTO targets (id, name, type, address, options) VALUES
  (1, 'Website', 'https', 'https://example.org/', '{"certificate_warning_days": 14}'),
  (2, 'Status API', 'https', 'https://status.example.org/health', '{}'),
  (3, 'Router', 'ping', '192.0.2.1', '{}'),
  (4, 'Mail (tcp)', 'tcp', 'mail.example.org:25', '{}');

INSERT INTO probe_results (ts, target_id, up, response_time_ms, status_code, error, collector_id)
SELECT t, id, NOT failing, CASE WHEN NOT failing THEN 20 + 15 * id + 10 * (extract(minute FROM t)::int % 7) END,
       CASE WHEN id <= 2 THEN CASE WHEN failing THEN 503 ELSE 200 END END,
       CASE WHEN failing THEN 'timeout' END, 'collector-1'
FROM (SELECT t, id, (extract(epoch FROM t)::bigint / 300 + id) % 41 = 0 AS failing
      FROM generate_series(date_trunc('minute', now()) - INTERVAL '8 days', now(), INTERVAL '5 minutes') AS t,
           generate_series(1, 4) AS id) AS p;

INSERT INTO target_status (target_id, status, consecutive_failures, failure_threshold, alerting,
    streak_started_at, last_checked_at, last_response_ms, last_status_code, cert_expires_at)
SELECT id, CASE WHEN id = 4 THEN 'down' ELSE 'up' END, CASE WHEN id = 4 THEN 3 ELSE 0 END, 3, id = 4,
       now() - INTERVAL '2 days', now(), 40 + id, CASE WHEN id <= 2 THEN 200 END,
       CASE WHEN id <= 2 THEN now() + INTERVAL '10 days' * id END
FROM generate_series(1, 4) AS id;

INSERT INTO target_events (event_id, ts, target_id, event_type, severity, metadata)
SELECT md5('target-event' || id || n)::uuid, now() - INTERVAL '5 hours' * n, id,
       (ARRAY['target_down', 'target_up'])[1 + n % 2], (ARRAY['critical', 'info'])[1 + n % 2], '{}'
FROM generate_series(0, 20) AS n, generate_series(1, 4) AS id;

INSERT INTO llm_model_status (model_id, model_name, display_name, provider_id, provider_type, status,
    since, last_checked_at, ttft_ms, latency_ms)
SELECT md5('model' || m)::uuid, (ARRAY['gpt-4o-mini', 'claude-haiku', 'llama3:8b'])[m],
       (ARRAY['GPT-4o mini', NULL, 'Llama 3 8B (local)'])[m], md5('provider' || m)::uuid,
       (ARRAY['openai', 'anthropic', 'ollama'])[m], (ARRAY['up', 'degraded', 'up'])[m],
       now() - INTERVAL '1 day', now(), 300 * m, 900 * m
FROM generate_series(1, 3) AS m;

INSERT INTO llm_probe_results (ts, reading_id, model_id, provider_id, provider_type, model_name,
    display_name, run_id, status, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps, output_tokens, input_tokens,
    token_source, error, collector_id)
SELECT t, 'probe-' || m || '-' || extract(epoch FROM t)::bigint, s.model_id, s.provider_id, s.provider_type,
       s.model_name, s.display_name, 'run-' || extract(epoch FROM t)::bigint,
       CASE WHEN k % 29 = 0 THEN 'down' WHEN k % 11 = 0 THEN 'degraded' ELSE 'up' END,
       CASE WHEN k % 29 <> 0 THEN 800 * m + 7 * (k % 50) END,
       CASE WHEN k % 29 <> 0 THEN 250 * m + 3 * (k % 40) END,
       CASE WHEN k % 29 <> 0 THEN 260 * m + 3 * (k % 40) END,
       CASE WHEN k % 29 <> 0 THEN 10 + m + (k % 5) END,
       CASE WHEN k % 29 <> 0 THEN 90.0 / m - (k % 7) END,
       64, 20, 'usage', CASE WHEN k % 29 = 0 THEN 'HTTP 503' END, 'collector-1'
FROM (SELECT t, m, extract(epoch FROM t)::bigint / 900 + m AS k
      FROM generate_series(date_trunc('minute', now()) - INTERVAL '8 days', now(), INTERVAL '15 minutes') AS t,
           generate_series(1, 3) AS m) AS p
JOIN llm_model_status s ON s.model_id = md5('model' || p.m)::uuid;

INSERT INTO llm_benchmark_progress (run_id, status, completed, total, started_at, completed_at)
SELECT md5('bench' || r)::uuid, 'completed', 30, 30, now() - INTERVAL '1 day' * r,
       now() - INTERVAL '1 day' * r + INTERVAL '10 minutes'
FROM generate_series(1, 2) AS r;

INSERT INTO llm_benchmark_results (reading_id, run_id, model_id, model_name, provider_type, iteration, ts,
    success, error, latency_ms, ttft_ms, ttfo_ms, tpot_ms, tps, output_tokens, input_tokens, token_source)
SELECT 'bench-' || r || '-' || m || '-' || i, md5('bench' || r)::uuid, s.model_id, s.model_name,
       s.provider_type, i, now() - INTERVAL '1 day' * r + INTERVAL '20 seconds' * i, i <> 7,
       CASE WHEN i = 7 THEN 'timeout' END, 1000 * m + 13 * i, 200 * m + 11 * i, 210 * m + 11 * i,
       9 + m + i % 3, 100.0 / m - i, 256, 40, 'usage'
FROM generate_series(1, 2) AS r, generate_series(1, 3) AS m, generate_series(1, 10) AS i
JOIN llm_model_status s ON true
WHERE s.model_id = md5('model' || m)::uuid;

INSERT INTO camera_status (camera_id, camera_name, collector_id, state, fps, width, height, codec, updated_at,
    detector)
SELECT md5('camera' || c)::uuid, (ARRAY['Front door', 'Driveway', 'Garden'])[c], 'collector-1', 'streaming',
       5, 1920, 1080, 'h264', now(), 'yolo'
FROM generate_series(1, 3) AS c;

INSERT INTO camera_events (id, reading_id, camera_id, camera_name, occurred_at, source, detection_type, score,
    analysis_mode, description, objects, description_status, provider, model, input_tokens, output_tokens,
    cost_usd, ai_latency_ms, described_at)
SELECT md5('camera-event' || c || '-' || n)::uuid, 'cam-' || c || '-' || n, s.camera_id, s.camera_name,
       now() - INTERVAL '30 minutes' * n, 'motion', (ARRAY['motion', 'person', 'vehicle'])[1 + (n + c) % 3],
       0.5 + (n % 5) / 10.0, 'single_frame', 'Something moved near the ' || s.camera_name, '[]', 'described',
       (ARRAY['openai', 'gemini'])[1 + n % 2], (ARRAY['gpt-4o-mini', 'gemini-2.0-flash'])[1 + n % 2],
       900, 60, 0.000150 + 0.00001 * (n % 4), 1200 + 10 * (n % 30), now() - INTERVAL '30 minutes' * n
FROM generate_series(0, 200) AS n, generate_series(1, 3) AS c
JOIN camera_status s ON true
WHERE s.camera_id = md5('camera' || c)::uuid;

INSERT INTO camera_event_descriptions (id, event_id, described_at, outcome, description, detection_type,
    provider, model, input_tokens, output_tokens, cost_usd, latency_ms, reanalysis)
SELECT md5('description' || e.id::text)::uuid, e.id, e.described_at, 'described', e.description,
       e.detection_type, e.provider, e.model, e.input_tokens, e.output_tokens, e.cost_usd, e.ai_latency_ms,
       e.reading_id LIKE '%0'
FROM camera_events e;

INSERT INTO llm_alerts (id, rule_id, rule_name, rule_type, model_id, subject, severity, message, opened_at,
    resolved_at, camera_id, event_id)
VALUES
  (md5('alert-1')::uuid, md5('rule-1')::uuid, 'TTFT over 2 s', 'ttft_threshold', md5('model2')::uuid,
   'claude-haiku', 'warning', 'TTFT 2.4 s over 2 s', now() - INTERVAL '5 hours', now() - INTERVAL '4 hours',
   NULL, NULL),
  (md5('alert-2')::uuid, md5('rule-2')::uuid, 'Person at the door', 'camera_detection', NULL,
   'Front door', 'info', 'person detected', now() - INTERVAL '2 hours', NULL, md5('camera1')::uuid,
   md5('camera-event1-4')::uuid);
