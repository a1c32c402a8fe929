-- Version 8: what the admin console needs.
-- users.is_active: an admin may disable an account; a disabled user cannot log in (password,
-- link or session) until enabled again. Their projects and checks keep working.
-- service_heartbeats: each running service (the alert loop) writes its row every few seconds,
-- one row per service and host, so the console can tell whether it is alive and since when.
ALTER TABLE users ADD COLUMN is_active BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE service_heartbeats (
    service VARCHAR(64) NOT NULL,
    host VARCHAR(255) NOT NULL,
    started BIGINT NOT NULL,
    beat BIGINT NOT NULL,
    CONSTRAINT service_heartbeats_pkey PRIMARY KEY (service, host)
);
