-- Migration 6: an index matching each list's filter and order (issue 9). A
-- list of a parent's children in id order (a site's freezers and computers, a
-- freezer's containers) reads the (parent, id) index in order and stops after
-- a page, and a page after a cursor starts where the cursor points: an index
-- range scan, as cheap deep as on the first page. A freezer's containers by
-- description read (freezer_id, description, id) in order, without a sort of
-- the whole freezer. The single-column indexes on the parent become redundant
-- (the composite ones lead with the same column, and serve the foreign keys'
-- checks on delete as well) and go: one index less to write on every insert.
--
-- Idempotent, like the migrations before it: a database made by
-- create_tables.sql already has all of this.

CREATE INDEX IF NOT EXISTS freezer_site_id_id_idx ON freezer (site_id, id);
DROP INDEX IF EXISTS freezer_site_id_idx;
CREATE INDEX IF NOT EXISTS computer_site_id_id_idx ON computer (site_id, id);
DROP INDEX IF EXISTS computer_site_id_idx;
DROP INDEX IF EXISTS container_freezer_id_idx;
CREATE INDEX IF NOT EXISTS container_freezer_id_description_id_idx ON container (freezer_id, description, id);
