-- Migration 5: the indexes behind GET /api/search (issue 8). A search finds
-- sites, freezers and computers by a piece of their name, containers by a
-- piece of their description, and a container by its uuid: the whole uuid
-- (container_uuid_key already serves that) or its first 8 hex digits, as a
-- small label prints them.
--
-- A piece of text anywhere in a name is an ILIKE '%…%', which no B-tree can
-- serve: pg_trgm's GIN operator class can (for pieces of 3 characters or more;
-- shorter ones are read from the table, see the README). pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension, so the database's owner may
-- create it.
--
-- Idempotent, like the migrations before it: a database made by
-- create_tables.sql already has all of this.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS site_name_trgm_idx ON site USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS freezer_name_trgm_idx ON freezer USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS computer_name_trgm_idx ON computer USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS container_description_trgm_idx ON container USING gin (description gin_trgm_ops);
-- The first 8 hex digits, as text: a query must write the same expression to use it.
CREATE INDEX IF NOT EXISTS container_uuid_prefix_idx ON container (left(uuid::text, 8));
