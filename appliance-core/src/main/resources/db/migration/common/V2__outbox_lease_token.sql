-- A delivery's result is recorded only by the sender holding its current lease: the token it
-- claimed the row with must still be on the row.
ALTER TABLE notifications ADD COLUMN lease_token VARCHAR(36);
