-- Version 4: the sender looks for due deliveries in (next_attempt, id) order, a few dozen at a
-- time. A dispatch batch queues hundreds of rows with the same next_attempt, and an index on
-- next_attempt alone made PostgreSQL read and sort the whole group for every look; with id in
-- the index the look stops after the rows it takes. It replaces the version 1 index.
-- [jooq ignore start]
CREATE INDEX notifications_due_idx ON notifications (next_attempt, id) WHERE state = 'pending';
DROP INDEX notifications_pending_idx;
-- [jooq ignore stop]
