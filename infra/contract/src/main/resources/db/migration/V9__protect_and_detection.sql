-- UniFi Protect controllers, detector results on camera events, and camera alert rules.

-- Owned by the api ------------------------------------------------------------------------------

CREATE TABLE protect_controllers (
    id          uuid PRIMARY KEY,
    name        text NOT NULL,
    host        text NOT NULL,
    port        integer NOT NULL DEFAULT 443 CHECK (port BETWEEN 1 AND 65535),
    username    text NOT NULL,
    -- Secrets only ({"password": "enc:..."}), encrypted like every credential.
    credentials jsonb NOT NULL DEFAULT '{}'::jsonb,
    verify_ssl  boolean NOT NULL DEFAULT false,
    enabled     boolean NOT NULL DEFAULT true,
    collector   text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX protect_controllers_name_idx ON protect_controllers (lower(name));

-- A camera of type protect is one camera of one controller; deleting the controller is refused
-- while it has cameras (the api says which).
ALTER TABLE cameras
    ADD COLUMN protect_controller_id uuid REFERENCES protect_controllers (id),
    ADD COLUMN protect_camera_id     text;
CREATE UNIQUE INDEX cameras_protect_idx ON cameras (protect_controller_id, protect_camera_id)
    WHERE protect_controller_id IS NOT NULL;

-- Camera alert rules live beside the LLM rules (one /api/v1/alerts/rules): empty arrays mean
-- every camera / every detection type.
ALTER TABLE llm_alert_rules
    ADD COLUMN camera_ids      uuid[] NOT NULL DEFAULT '{}',
    ADD COLUMN detection_types text[] NOT NULL DEFAULT '{}';

-- Owned by the processor's sink -------------------------------------------------------------------

CREATE TABLE protect_controller_status (
    controller_id  uuid PRIMARY KEY,
    collector_id   text,
    state          text NOT NULL,
    reason         text,
    nvr_name       text,
    nvr_version    text,
    cameras_found  integer,
    last_update_id text,
    last_event_at  timestamptz,
    updated_at     timestamptz NOT NULL
);

-- What the detector saw (the AI description's objects stay in "objects"), and which detector.
ALTER TABLE camera_events
    ADD COLUMN detector_objects jsonb NOT NULL DEFAULT '[]'::jsonb,
    ADD COLUMN detector         text;

ALTER TABLE camera_status ADD COLUMN detector text;

-- A camera alert names the camera and the event that opened it.
ALTER TABLE llm_alerts
    ADD COLUMN camera_id uuid,
    ADD COLUMN event_id  uuid;
