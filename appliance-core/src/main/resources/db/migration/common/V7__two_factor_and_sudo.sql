-- Version 7: TOTP two-factor log-in and "sudo mode".
-- users.totp_secret is the shared secret of the user's authenticator app (base32), null when
-- two-factor log-in is off; totp_last_step is the last 30-second step whose code was used, so a
-- code works once. A session waiting for its second factor has second_factor_pending set and
-- lasts 5 minutes. sudo_until is when the session's sudo mode ends; sudo_code holds the SHA-256 of
-- the code mailed to enter it, until sudo_code_expires.
ALTER TABLE users ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE login_sessions ADD COLUMN second_factor_pending BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE login_sessions ADD COLUMN sudo_until BIGINT;
ALTER TABLE login_sessions ADD COLUMN sudo_code VARCHAR(64);
ALTER TABLE login_sessions ADD COLUMN sudo_code_expires BIGINT;
