-- Version 5: log-in sessions of the web UI, kept in the database so that they survive a restart
-- and work across daemons on one PostgreSQL. The cookie holds a random token; only its SHA-256
-- is stored here, so a copy of the database logs nobody in. Each session has its CSRF token.
CREATE TABLE login_sessions (
    id VARCHAR(64) NOT NULL,
    user_id BIGINT NOT NULL,
    csrf_token VARCHAR(64) NOT NULL,
    created BIGINT NOT NULL,
    last_seen BIGINT NOT NULL,
    expires BIGINT NOT NULL,
    CONSTRAINT login_sessions_pk PRIMARY KEY (id),
    CONSTRAINT login_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX login_sessions_user_idx ON login_sessions (user_id);
CREATE INDEX login_sessions_expires_idx ON login_sessions (expires);
