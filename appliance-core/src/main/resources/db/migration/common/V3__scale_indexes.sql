-- Version 3: what a project with a million checks needs. Runs on SQLite and PostgreSQL alike.

-- The read-only API names a check by a SHA-1 of its code, which SQL cannot compute on SQLite:
-- the application fills this column when it inserts a check, and fills rows left empty (older
-- rows, rows copied in by hand) when it opens the database.
ALTER TABLE checks ADD COLUMN unique_key VARCHAR(40);
CREATE INDEX checks_unique_key_idx ON checks (unique_key);

-- A project's checks in id order (the checks list, badges, metrics), and the upsert's look-ups
-- by name and by tags; (project_id, slug) is in version 1.
CREATE INDEX checks_project_id_idx ON checks (project_id, id);
CREATE INDEX checks_project_name_idx ON checks (project_id, name);
CREATE INDEX checks_project_tags_idx ON checks (project_id, tags);
