-- One API-key system for every surface (/api and /api/v1). Keys are random and shown once; only a
-- SHA-256 hash (keys carry 256 bits of entropy, so a slow hash adds nothing) and a short prefix,
-- to tell keys apart in listings, are stored.
CREATE TABLE api_keys (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL,
    prefix                text NOT NULL,
    key_hash              text NOT NULL UNIQUE,
    scopes                text[] NOT NULL,
    enabled               boolean NOT NULL DEFAULT true,
    expires_at            timestamptz,
    rate_limit_per_minute integer CHECK (rate_limit_per_minute IS NULL OR rate_limit_per_minute > 0),
    created_at            timestamptz NOT NULL DEFAULT now(),
    revoked_at            timestamptz,
    last_used_at          timestamptz,
    last_used_ip          text,
    usage_count           bigint NOT NULL DEFAULT 0
);

-- Sliding-window rate limits shared by every api replica: one row per admitted request in the
-- window of a bucket (an API key, or a client IP for failed authentications). Old rows are
-- deleted as the window slides.
CREATE TABLE rate_limit_hits (
    bucket text NOT NULL,
    at     timestamptz NOT NULL
);
CREATE INDEX rate_limit_hits_bucket_at_idx ON rate_limit_hits (bucket, at);
