-- Version 6: what a user chooses on the profile page (email reports and nag reminders, with the
-- next time each is due) and ownership transfers that wait for the new owner's answer.
ALTER TABLE users ADD COLUMN reports VARCHAR(10) NOT NULL DEFAULT 'off';
ALTER TABLE users ADD COLUMN nag_period BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN next_report BIGINT;
ALTER TABLE users ADD COLUMN next_nag BIGINT;
ALTER TABLE members ADD COLUMN transfer_requested BIGINT;
CREATE INDEX users_next_report_idx ON users (next_report);
CREATE INDEX users_next_nag_idx ON users (next_nag);
