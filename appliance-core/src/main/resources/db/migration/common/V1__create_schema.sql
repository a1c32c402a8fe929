-- Mychecks schema, version 1. Runs on SQLite and PostgreSQL alike.
-- Timestamps are epoch milliseconds (BIGINT); durations are seconds unless the column says _ms.
-- ${id_type} is the auto-increment primary key of each database (see Migrations.java).

CREATE TABLE users (
    id ${id_type},
    email VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200) NOT NULL DEFAULT '',
    is_superuser BOOLEAN NOT NULL DEFAULT FALSE,
    tz VARCHAR(64) NOT NULL DEFAULT 'UTC',
    check_limit INTEGER NOT NULL DEFAULT 10000,
    ping_log_limit INTEGER NOT NULL DEFAULT 100,
    created BIGINT NOT NULL,
    last_login BIGINT,
    CONSTRAINT users_email_key UNIQUE (email)
);

CREATE TABLE projects (
    id ${id_type},
    code VARCHAR(36) NOT NULL,
    name VARCHAR(200) NOT NULL DEFAULT '',
    owner_id BIGINT NOT NULL,
    api_key VARCHAR(128) NOT NULL DEFAULT '',
    api_key_readonly VARCHAR(128) NOT NULL DEFAULT '',
    ping_key VARCHAR(128),
    badge_key VARCHAR(150) NOT NULL,
    show_slugs BOOLEAN NOT NULL DEFAULT FALSE,
    created BIGINT NOT NULL,
    CONSTRAINT projects_code_key UNIQUE (code),
    CONSTRAINT projects_badge_key_key UNIQUE (badge_key),
    CONSTRAINT projects_ping_key_key UNIQUE (ping_key),
    CONSTRAINT projects_owner_fk FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX projects_api_key_idx ON projects (api_key);
CREATE INDEX projects_api_key_readonly_idx ON projects (api_key_readonly);
CREATE INDEX projects_owner_idx ON projects (owner_id);

CREATE TABLE members (
    id ${id_type},
    user_id BIGINT NOT NULL,
    project_id BIGINT NOT NULL,
    role VARCHAR(1) NOT NULL DEFAULT 'w',
    CONSTRAINT members_user_project_key UNIQUE (user_id, project_id),
    CONSTRAINT members_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT members_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX members_project_idx ON members (project_id);

CREATE TABLE checks (
    id ${id_type},
    code VARCHAR(36) NOT NULL,
    project_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL DEFAULT '',
    slug VARCHAR(100) NOT NULL DEFAULT '',
    tags VARCHAR(500) NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    created BIGINT NOT NULL,
    kind VARCHAR(10) NOT NULL DEFAULT 'simple',
    timeout BIGINT NOT NULL DEFAULT 86400,
    grace BIGINT NOT NULL DEFAULT 3600,
    schedule VARCHAR(100) NOT NULL DEFAULT '* * * * *',
    tz VARCHAR(64) NOT NULL DEFAULT 'UTC',
    filter_subject BOOLEAN NOT NULL DEFAULT FALSE,
    filter_body BOOLEAN NOT NULL DEFAULT FALSE,
    filter_http_body BOOLEAN NOT NULL DEFAULT FALSE,
    filter_default_fail BOOLEAN NOT NULL DEFAULT FALSE,
    start_kw VARCHAR(200) NOT NULL DEFAULT '',
    success_kw VARCHAR(200) NOT NULL DEFAULT '',
    failure_kw VARCHAR(200) NOT NULL DEFAULT '',
    methods VARCHAR(30) NOT NULL DEFAULT '',
    manual_resume BOOLEAN NOT NULL DEFAULT FALSE,
    badge_key VARCHAR(36) NOT NULL,
    n_pings BIGINT NOT NULL DEFAULT 0,
    last_ping BIGINT,
    last_start BIGINT,
    last_start_rid VARCHAR(36),
    last_duration_ms BIGINT,
    has_confirmation_link BOOLEAN NOT NULL DEFAULT FALSE,
    alert_after BIGINT,
    status VARCHAR(8) NOT NULL DEFAULT 'new',
    CONSTRAINT checks_code_key UNIQUE (code),
    CONSTRAINT checks_badge_key_key UNIQUE (badge_key),
    CONSTRAINT checks_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX checks_project_slug_idx ON checks (project_id, slug);

CREATE TABLE pings (
    id ${id_type},
    check_id BIGINT NOT NULL,
    n BIGINT NOT NULL,
    created BIGINT NOT NULL,
    kind VARCHAR(8) NOT NULL,
    scheme VARCHAR(10) NOT NULL DEFAULT 'http',
    remote_addr VARCHAR(64),
    method VARCHAR(10) NOT NULL DEFAULT '',
    ua VARCHAR(200) NOT NULL DEFAULT '',
    body BYTEA,
    exitstatus INTEGER,
    rid VARCHAR(36),
    duration_ms BIGINT,
    CONSTRAINT pings_check_fk FOREIGN KEY (check_id) REFERENCES checks (id) ON DELETE CASCADE
);
CREATE INDEX pings_check_n_idx ON pings (check_id, n);

CREATE TABLE flips (
    id ${id_type},
    check_id BIGINT NOT NULL,
    created BIGINT NOT NULL,
    processed BIGINT,
    old_status VARCHAR(8) NOT NULL,
    new_status VARCHAR(8) NOT NULL,
    reason VARCHAR(8) NOT NULL DEFAULT '',
    CONSTRAINT flips_check_fk FOREIGN KEY (check_id) REFERENCES checks (id) ON DELETE CASCADE
);
CREATE INDEX flips_check_created_idx ON flips (check_id, created);

CREATE TABLE channels (
    id ${id_type},
    code VARCHAR(36) NOT NULL,
    project_id BIGINT NOT NULL,
    name VARCHAR(100) NOT NULL DEFAULT '',
    kind VARCHAR(20) NOT NULL,
    config TEXT NOT NULL DEFAULT '{}',
    email_verified BOOLEAN NOT NULL DEFAULT FALSE,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    created BIGINT NOT NULL,
    last_notify BIGINT,
    last_notify_duration_ms BIGINT,
    last_error VARCHAR(200) NOT NULL DEFAULT '',
    CONSTRAINT channels_code_key UNIQUE (code),
    CONSTRAINT channels_project_fk FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX channels_project_idx ON channels (project_id);

CREATE TABLE check_channels (
    check_id BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    CONSTRAINT check_channels_pk PRIMARY KEY (check_id, channel_id),
    CONSTRAINT check_channels_check_fk FOREIGN KEY (check_id) REFERENCES checks (id) ON DELETE CASCADE,
    CONSTRAINT check_channels_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE
);
CREATE INDEX check_channels_channel_idx ON check_channels (channel_id);

-- One row per (flip, channel) delivery: a durable outbox. A sender claims a row by setting
-- lease_until; a crashed sender's lease runs out and another sender takes the row over.
CREATE TABLE notifications (
    id ${id_type},
    code VARCHAR(36) NOT NULL,
    check_id BIGINT,
    channel_id BIGINT NOT NULL,
    flip_id BIGINT,
    check_status VARCHAR(8) NOT NULL,
    flip_created BIGINT NOT NULL,
    created BIGINT NOT NULL,
    state VARCHAR(10) NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt BIGINT NOT NULL,
    lease_until BIGINT,
    sent BIGINT,
    error VARCHAR(200) NOT NULL DEFAULT '',
    CONSTRAINT notifications_code_key UNIQUE (code),
    CONSTRAINT notifications_check_fk FOREIGN KEY (check_id) REFERENCES checks (id) ON DELETE CASCADE,
    CONSTRAINT notifications_channel_fk FOREIGN KEY (channel_id) REFERENCES channels (id) ON DELETE CASCADE
);
CREATE INDEX notifications_check_created_idx ON notifications (check_id, created);

CREATE TABLE token_buckets (
    value VARCHAR(80) NOT NULL,
    tokens DOUBLE PRECISION NOT NULL,
    updated BIGINT NOT NULL,
    CONSTRAINT token_buckets_pk PRIMARY KEY (value)
);

-- Partial indexes keep the alert loop's look-ups cheap; jOOQ's DDL parser need not read them.
-- [jooq ignore start]
CREATE INDEX checks_alert_after_idx ON checks (alert_after) WHERE status <> 'down';
CREATE INDEX flips_unprocessed_idx ON flips (id) WHERE processed IS NULL;
CREATE INDEX notifications_pending_idx ON notifications (next_attempt) WHERE state = 'pending';
-- [jooq ignore stop]
