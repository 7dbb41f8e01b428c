-- Cameras (issue 12). The api owns the cameras, the camera/AI settings and the log of AI calls;
-- the processor's sink writes what derives from the collectors' readings: camera status, events
-- with their frames, and the descriptions that join them through argus.camera.descriptions.

-- Configuration, owned by the api ---------------------------------------------------------------

CREATE TABLE cameras (
    id                        uuid PRIMARY KEY,
    name                      text NOT NULL,
    type                      text NOT NULL CHECK (type IN ('rtsp', 'mjpeg', 'snapshot', 'usb', 'protect')),
    enabled                   boolean NOT NULL DEFAULT true,
    -- POST /cameras/{id}/start and /stop; a worker runs while enabled and started.
    started                   boolean NOT NULL DEFAULT true,
    rtsp_url                  text,
    transport                 text NOT NULL DEFAULT 'tcp' CHECK (transport IN ('tcp', 'udp')),
    url                       text,
    snapshot_interval_seconds integer NOT NULL DEFAULT 1 CHECK (snapshot_interval_seconds >= 1),
    device_path               text,
    username                  text,
    -- Secrets only (password), each value encrypted with the system's secret cipher, never returned.
    credentials               jsonb NOT NULL DEFAULT '{}'::jsonb,
    analysis_fps              double precision NOT NULL DEFAULT 5,
    motion_sensitivity        text NOT NULL DEFAULT 'medium' CHECK (motion_sensitivity IN ('low', 'medium', 'high')),
    motion_cooldown_seconds   integer NOT NULL DEFAULT 60 CHECK (motion_cooldown_seconds >= 0),
    zones                     jsonb NOT NULL DEFAULT '[]'::jsonb,
    schedule                  jsonb,
    analysis_mode             text NOT NULL DEFAULT 'single_frame' CHECK (analysis_mode IN ('single_frame', 'multi_frame')),
    frame_count               integer NOT NULL DEFAULT 1 CHECK (frame_count BETWEEN 1 AND 10),
    smart_detection_types     text[] NOT NULL DEFAULT '{}',
    prompt_override           text,
    collector                 text,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX cameras_name_idx ON cameras (lower(name));

-- One row (id = 1): retention, cost caps, motion and analysis defaults, the AI fallback chain.
CREATE TABLE camera_settings (
    id                        integer PRIMARY KEY CHECK (id = 1),
    event_retention_days      integer NOT NULL DEFAULT 30 CHECK (event_retention_days >= 1),
    daily_cost_cap_usd        numeric(12, 4),
    monthly_cost_cap_usd      numeric(12, 4),
    default_motion_sensitivity text NOT NULL DEFAULT 'medium',
    default_motion_cooldown_seconds integer NOT NULL DEFAULT 60,
    default_analysis_mode     text NOT NULL DEFAULT 'single_frame',
    default_frame_count       integer NOT NULL DEFAULT 3,
    -- The AI fallback chain: LLM models (llm_models.id) in the order they are tried.
    ai_chain                  uuid[] NOT NULL DEFAULT '{}',
    ai_timeout_seconds        integer NOT NULL DEFAULT 30,
    ai_max_retries            integer NOT NULL DEFAULT 2,
    description_prompt        text,
    updated_at                timestamptz NOT NULL DEFAULT now()
);
INSERT INTO camera_settings (id) VALUES (1);

-- Every call to a vision provider (event descriptions, re-analyses, /ai/describe, prompt
-- refinement): the usage, cost and cap accounting. Written by whoever made the call (the api).
CREATE TABLE ai_usage (
    id            bigserial PRIMARY KEY,
    called_at     timestamptz NOT NULL DEFAULT now(),
    provider_id   uuid,
    provider      text NOT NULL,
    model         text NOT NULL,
    purpose       text NOT NULL CHECK (purpose IN ('event', 'reanalyse', 'describe', 'refine_prompt')),
    event_id      uuid,
    success       boolean NOT NULL,
    input_tokens  integer,
    output_tokens integer,
    cost_usd      numeric(12, 6),
    latency_ms    bigint,
    error         text
);
CREATE INDEX ai_usage_called_idx ON ai_usage (called_at DESC);

-- Telemetry, written by the processor's sink -----------------------------------------------------

CREATE TABLE camera_status (
    camera_id    uuid PRIMARY KEY,
    camera_name  text,
    collector_id text,
    state        text NOT NULL,
    reason       text,
    fps          double precision,
    width        integer,
    height       integer,
    codec        text,
    updated_at   timestamptz NOT NULL
);

CREATE TABLE camera_events (
    id                 uuid PRIMARY KEY,
    reading_id         text NOT NULL,
    camera_id          uuid NOT NULL,
    camera_name        text,
    occurred_at        timestamptz NOT NULL,
    source             text NOT NULL,
    detection_type     text NOT NULL DEFAULT 'motion',
    score              double precision,
    box                jsonb,
    analysis_mode      text,
    thumbnail          bytea,
    -- The newest description (the history is in camera_event_descriptions).
    description        text,
    objects            jsonb NOT NULL DEFAULT '[]'::jsonb,
    description_status text NOT NULL DEFAULT 'pending',
    description_id     uuid,
    provider           text,
    model              text,
    input_tokens       integer,
    output_tokens      integer,
    cost_usd           numeric(12, 6),
    ai_latency_ms      bigint,
    description_error  text,
    described_at       timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX camera_events_occurred_idx ON camera_events (occurred_at DESC);
CREATE INDEX camera_events_camera_idx ON camera_events (camera_id, occurred_at DESC);
CREATE INDEX camera_events_type_idx ON camera_events (detection_type, occurred_at DESC);

CREATE TABLE camera_event_frames (
    event_id    uuid NOT NULL REFERENCES camera_events (id) ON DELETE CASCADE,
    frame_index integer NOT NULL,
    captured_at timestamptz NOT NULL,
    width       integer NOT NULL,
    height      integer NOT NULL,
    jpeg        bytea NOT NULL,
    PRIMARY KEY (event_id, frame_index)
);

-- No foreign key to camera_events: a description travels on its own topic and may be written
-- before its event; the event's row takes the newest description when it arrives. Whoever deletes
-- an event deletes its history too.
CREATE TABLE camera_event_descriptions (
    id             uuid PRIMARY KEY,
    event_id       uuid NOT NULL,
    described_at   timestamptz NOT NULL,
    outcome        text NOT NULL,
    description    text,
    detection_type text,
    objects        jsonb NOT NULL DEFAULT '[]'::jsonb,
    provider       text,
    model          text,
    input_tokens   integer,
    output_tokens  integer,
    cost_usd       numeric(12, 6),
    latency_ms     bigint,
    attempts       jsonb NOT NULL DEFAULT '[]'::jsonb,
    error          text,
    prompt         text,
    reanalysis     boolean NOT NULL DEFAULT false
);
CREATE INDEX camera_event_descriptions_event_idx ON camera_event_descriptions (event_id, described_at);
