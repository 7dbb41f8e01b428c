-- Energy per device, from the processor's trapezoidal integration (argus.energy). The sink keeps
-- the newest total per device and per UTC day ("newest as_of wins"), so a replay converges.
CREATE TABLE energy_totals (
    device_id        text PRIMARY KEY,
    wh_total         double precision NOT NULL,
    as_of            timestamptz NOT NULL,
    last_power_watts double precision,
    gaps_skipped     bigint NOT NULL DEFAULT 0,
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE energy_daily (
    device_id  text NOT NULL,
    day        date NOT NULL,
    wh         double precision NOT NULL,
    as_of      timestamptz NOT NULL,
    PRIMARY KEY (device_id, day)
);
CREATE INDEX energy_daily_day_idx ON energy_daily (day DESC);
