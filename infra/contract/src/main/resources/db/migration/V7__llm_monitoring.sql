-- LLM endpoint monitoring (issue 11). The api owns the configuration (providers, models, the
-- monitoring settings, alert rules, benchmark requests) and publishes it to argus.config; the
-- processor writes what it derives from the collectors' measurements (probe results, model status,
-- benchmark results, progress and statistics, alerts).

-- The outbox also carries work for the collectors (argus.llm.jobs), published as reliably as the
-- configuration: a job row is written in the same transaction as what asked for it.
ALTER TABLE config_outbox ADD COLUMN topic text NOT NULL DEFAULT 'argus.config';

-- Configuration, owned by the api ---------------------------------------------------------------

CREATE TABLE llm_providers (
    id            uuid PRIMARY KEY,
    provider_type text NOT NULL,
    display_name  text NOT NULL,
    enabled       boolean NOT NULL DEFAULT true,
    base_url      text,
    region        text,
    -- Secrets only, each value encrypted with the system's secret cipher (enc:...), never returned.
    credentials   jsonb NOT NULL DEFAULT '{}'::jsonb,
    -- Non-secret settings of the type (Azure resource, deployment, api_version).
    options       jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE llm_models (
    id                     uuid PRIMARY KEY,
    provider_id            uuid NOT NULL REFERENCES llm_providers (id) ON DELETE CASCADE,
    model_id               text NOT NULL,
    custom_name            text,
    source                 text NOT NULL CHECK (source IN ('discovered', 'manual')),
    enabled_for_monitoring boolean NOT NULL DEFAULT false,
    enabled_for_benchmark  boolean NOT NULL DEFAULT true,
    ttft_threshold_ms      integer,
    latency_threshold_ms   integer,
    probe_max_tokens       integer,
    metadata               jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    UNIQUE (provider_id, model_id)
);
CREATE INDEX llm_models_model_id_idx ON llm_models (model_id);

-- One row (id = 1): the global monitoring settings.
CREATE TABLE llm_monitoring_config (
    id                       integer PRIMARY KEY CHECK (id = 1),
    enabled                  boolean NOT NULL DEFAULT true,
    interval_minutes         integer NOT NULL DEFAULT 15 CHECK (interval_minutes >= 1),
    prompt_pack              text NOT NULL DEFAULT 'health_check',
    ttft_threshold_ms        integer NOT NULL DEFAULT 5000,
    latency_threshold_ms     integer NOT NULL DEFAULT 30000,
    probe_max_tokens         integer NOT NULL DEFAULT 64 CHECK (probe_max_tokens >= 16),
    probe_timeout_seconds    integer NOT NULL DEFAULT 60,
    concurrency_per_provider integer NOT NULL DEFAULT 4,
    last_run_at              timestamptz,
    updated_at               timestamptz NOT NULL DEFAULT now()
);
INSERT INTO llm_monitoring_config (id) VALUES (1);

-- Monitoring runs, scheduled or manual: the results carry the run id.
CREATE TABLE llm_monitoring_runs (
    run_id       text PRIMARY KEY,
    trigger      text NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
    requested_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_monitoring_runs_requested_idx ON llm_monitoring_runs (requested_at DESC);

CREATE TABLE llm_benchmark_runs (
    id           uuid PRIMARY KEY,
    name         text,
    prompt_pack  text NOT NULL,
    model_ids    uuid[] NOT NULL,
    max_tokens   integer NOT NULL,
    num_runs     integer NOT NULL,
    concurrency  integer NOT NULL,
    warmup_runs  integer NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_benchmark_runs_created_idx ON llm_benchmark_runs (created_at DESC);

CREATE TABLE llm_alert_rules (
    id                uuid PRIMARY KEY,
    name              text NOT NULL,
    rule_type         text NOT NULL,
    target_model_id   uuid,
    target_model_name text,
    enabled           boolean NOT NULL DEFAULT true,
    notify_in_app     boolean NOT NULL DEFAULT true,
    threshold_config  jsonb,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

-- Derived, written by the processor -----------------------------------------------------------

CREATE TABLE llm_probe_results (
    ts               timestamptz NOT NULL,
    reading_id       text NOT NULL,
    model_id         uuid NOT NULL,
    provider_id      uuid,
    provider_type    text,
    model_name       text,
    display_name     text,
    run_id           text,
    status           text NOT NULL CHECK (status IN ('up', 'degraded', 'down')),
    latency_ms       double precision,
    ttft_ms          double precision,
    ttfo_ms          double precision,
    tpot_ms          double precision,
    tps              double precision,
    output_tokens    integer,
    input_tokens     integer,
    reasoning_tokens integer,
    token_source     text,
    error            text,
    collector_id     text,
    PRIMARY KEY (reading_id, ts)
);
CREATE INDEX llm_probe_results_ts_idx ON llm_probe_results (ts DESC);
CREATE INDEX llm_probe_results_model_ts_idx ON llm_probe_results (model_id, ts DESC);

CREATE TABLE llm_model_status (
    model_id             uuid PRIMARY KEY,
    model_name           text,
    display_name         text,
    provider_id          uuid,
    provider_type        text,
    status               text NOT NULL,
    since                timestamptz,
    last_checked_at      timestamptz NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0,
    ttft_ms              double precision,
    latency_ms           double precision,
    last_error           text,
    updated_at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE llm_benchmark_results (
    reading_id       text PRIMARY KEY,
    run_id           uuid NOT NULL,
    model_id         uuid NOT NULL,
    model_name       text,
    provider_type    text,
    iteration        integer,
    ts               timestamptz NOT NULL,
    success          boolean NOT NULL,
    error            text,
    latency_ms       double precision,
    ttft_ms          double precision,
    ttfo_ms          double precision,
    tpot_ms          double precision,
    tps              double precision,
    output_tokens    integer,
    input_tokens     integer,
    reasoning_tokens integer,
    token_source     text
);
CREATE INDEX llm_benchmark_results_run_idx ON llm_benchmark_results (run_id, ts);

-- A run's lifecycle as its collector reported it (started, completed, failed) and its progress.
CREATE TABLE llm_benchmark_progress (
    run_id       uuid PRIMARY KEY,
    status       text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    completed    integer NOT NULL DEFAULT 0,
    total        integer NOT NULL DEFAULT 0,
    started_at   timestamptz,
    completed_at timestamptz,
    error        text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE llm_benchmark_statistics (
    run_id     uuid PRIMARY KEY,
    statistics jsonb NOT NULL,
    updated_at timestamptz NOT NULL
);

-- One row per alert: opened by a rule's breach for a subject, closed by its recovery. The api
-- sets acknowledged; the processor never touches it.
CREATE TABLE llm_alerts (
    id              uuid PRIMARY KEY,
    rule_id         uuid NOT NULL,
    rule_name       text,
    rule_type       text NOT NULL,
    model_id        uuid,
    subject         text NOT NULL,
    severity        text NOT NULL,
    message         text NOT NULL,
    opened_at       timestamptz NOT NULL,
    resolved_at     timestamptz,
    acknowledged    boolean NOT NULL DEFAULT false,
    acknowledged_at timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_alerts_opened_idx ON llm_alerts (opened_at DESC);
CREATE INDEX llm_alerts_unacknowledged_idx ON llm_alerts (opened_at DESC) WHERE NOT acknowledged;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
        RETURN;
    END IF;
    PERFORM create_hypertable('llm_probe_results', 'ts',
        chunk_time_interval => INTERVAL '1 day', migrate_data => true, if_not_exists => true);
    EXECUTE 'ALTER TABLE llm_probe_results SET (timescaledb.compress, '
         || 'timescaledb.compress_segmentby = ''model_id'', timescaledb.compress_orderby = ''ts DESC'')';
    PERFORM add_compression_policy('llm_probe_results', INTERVAL '7 days', if_not_exists => true);
END
$$;
