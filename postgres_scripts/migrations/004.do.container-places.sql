-- Migration 4: where a container is and how it got there (issue 8).
--
-- A container may sit inside another (parent_id: a box in a rack, a tube in a
-- box), a container may have a grid (grid_rows A–Z × grid_cols 1–99) whose
-- cells its contents occupy (position "A1"…), and location says in words where
-- a top-level container sits in its freezer. Old rows and clients see what they
-- saw: every new column is nullable.
--
-- The rules are triggers on container, so every path that writes (the REST
-- routes, the CSV import, a person at psql) obeys them. They raise SQLSTATE
-- LT409 (a conflict: the position is taken, a cycle, a grid shrunk under its
-- contents) or LT422 (the request cannot mean anything: a position outside the
-- grid, a freezer other than the parent's), with the message in words;
-- packages/db/src/errors.ts maps both.
--
-- Every change of a container writes one row of container_event in the same
-- transaction (who: the labtrack.actor setting the service puts in every
-- audited transaction, else 'sql:' and the session's role). container_event is
-- append-only: UPDATE, DELETE and TRUNCATE of it are refused by triggers.
--
-- Idempotent, like 001 and 002: a database made by create_tables.sql already
-- has all of this, and the run leaves it as it is.

ALTER TABLE container
    ADD COLUMN IF NOT EXISTS parent_id integer,
    ADD COLUMN IF NOT EXISTS grid_rows integer,
    ADD COLUMN IF NOT EXISTS grid_cols integer,
    ADD COLUMN IF NOT EXISTS position text,
    ADD COLUMN IF NOT EXISTS location text;

CREATE FUNCTION pg_temp.add_constraint(name text, definition text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_constraint WHERE conrelid = 'public.container'::regclass AND conname = name) THEN
        EXECUTE format('ALTER TABLE container ADD CONSTRAINT %I %s', name, definition);
    END IF;
END $$;

SELECT pg_temp.add_constraint('container_parent_id_fkey', 'FOREIGN KEY (parent_id) REFERENCES container (id)');
SELECT pg_temp.add_constraint('container_grid_rows_check', 'CHECK (grid_rows BETWEEN 1 AND 26)');
SELECT pg_temp.add_constraint('container_grid_cols_check', 'CHECK (grid_cols BETWEEN 1 AND 99)');
SELECT pg_temp.add_constraint('container_grid_check', 'CHECK ((grid_rows IS NULL) = (grid_cols IS NULL))');
SELECT pg_temp.add_constraint('container_position_check', $c$CHECK (position ~ '^[A-Z][1-9][0-9]?$')$c$);
SELECT pg_temp.add_constraint('container_parent_id_position_key', 'UNIQUE (parent_id, position)');
DROP FUNCTION pg_temp.add_constraint(text, text);

CREATE INDEX IF NOT EXISTS container_parent_id_idx ON container (parent_id);
CREATE INDEX IF NOT EXISTS container_freezer_id_id_idx ON container (freezer_id, id);

CREATE TABLE IF NOT EXISTS container_event (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    container_id   integer NOT NULL,
    container_uuid uuid NOT NULL,
    at             timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor          text NOT NULL,
    action         text NOT NULL CHECK (action IN ('created', 'updated', 'moved', 'deleted')),
    changes        jsonb NOT NULL,
    request_id     text,
    freezer_from   integer,
    freezer_to     integer
);
CREATE INDEX IF NOT EXISTS container_event_container_id_id_idx ON container_event (container_id, id);
CREATE INDEX IF NOT EXISTS container_event_freezer_from_id_idx ON container_event (freezer_from, id);
CREATE INDEX IF NOT EXISTS container_event_freezer_to_id_idx ON container_event (freezer_to, id);

-- "container 7 (Box 3)", or "container 7" without a description: how the messages name a container.
CREATE OR REPLACE FUNCTION container_named(id integer, description text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT 'container ' || id || coalesce(' (' || description || ')', '')
$$;

-- "8×12 grid (A1–H12)".
CREATE OR REPLACE FUNCTION container_grid_named(grid_rows integer, grid_cols integer) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT grid_rows || '×' || grid_cols || ' grid (A1–' || chr(64 + grid_rows) || grid_cols || ')'
$$;

-- Whether a position (already of the form letter + 1..99) is a cell of a grid.
CREATE OR REPLACE FUNCTION container_position_in_grid(cell text, grid_rows integer, grid_cols integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT ascii(cell) - 64 <= grid_rows AND substr(cell, 2)::int <= grid_cols
$$;

-- BEFORE INSERT OR UPDATE: a container's parent, freezer, position and grid agree.
CREATE OR REPLACE FUNCTION container_check_place() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    parent container;
    holder container;
    taken text;
BEGIN
    -- The table's CHECK says the same; said here first, it is a rule the client broke (422), not a bad value (400).
    IF (NEW.grid_rows IS NULL) <> (NEW.grid_cols IS NULL) THEN
        RAISE EXCEPTION 'a grid needs both grid_rows and grid_cols, or neither' USING ERRCODE = 'LT422';
    END IF;
    IF NEW.parent_id IS NULL THEN
        IF NEW.freezer_id IS NULL THEN
            RAISE EXCEPTION 'a container needs a freezer_id or a parent_id' USING ERRCODE = 'LT422';
        END IF;
        IF NEW.position IS NOT NULL THEN
            RAISE EXCEPTION 'position % needs a parent_id: a container that sits directly in its freezer has no position (use location)',
                NEW.position USING ERRCODE = 'LT422';
        END IF;
    ELSE
        IF TG_OP = 'UPDATE' AND NEW.parent_id IS DISTINCT FROM OLD.parent_id THEN
            -- Two moves at once could each pass the cycle check and together make a cycle: one at a time.
            PERFORM pg_advisory_xact_lock(hashtext('labtrack.container.parent'));
            IF NEW.parent_id = NEW.id OR EXISTS (
                WITH RECURSIVE ancestor AS (
                    SELECT c.id, c.parent_id FROM container AS c WHERE c.id = NEW.parent_id
                    UNION
                    SELECT c.id, c.parent_id FROM container AS c JOIN ancestor AS a ON c.id = a.parent_id
                )
                SELECT FROM ancestor WHERE id = NEW.id
            ) THEN
                RAISE EXCEPTION '% cannot be put inside %', container_named(NEW.id, NEW.description),
                    CASE WHEN NEW.parent_id = NEW.id THEN 'itself' ELSE 'container ' || NEW.parent_id || ', which it holds' END
                    USING ERRCODE = 'LT409';
            END IF;
        END IF;
        -- FOR SHARE: the parent's grid cannot change under a placement still in progress.
        SELECT * INTO parent FROM container WHERE id = NEW.parent_id FOR SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'parent_id % does not name an existing container', NEW.parent_id USING ERRCODE = 'LT422';
        END IF;
        IF NEW.freezer_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.freezer_id = OLD.freezer_id) THEN
            NEW.freezer_id := parent.freezer_id;
        ELSIF NEW.freezer_id <> parent.freezer_id THEN
            RAISE EXCEPTION '% is inside % in freezer %; to move it to freezer % on its own set parent_id to null',
                CASE WHEN TG_OP = 'INSERT' THEN 'the container' ELSE container_named(NEW.id, NEW.description) END,
                container_named(parent.id, parent.description), parent.freezer_id, NEW.freezer_id
                USING ERRCODE = 'LT422';
        END IF;
        IF parent.grid_rows IS NULL THEN
            IF NEW.position IS NOT NULL THEN
                RAISE EXCEPTION '% has no grid: a container inside it has no position', container_named(parent.id, parent.description)
                    USING ERRCODE = 'LT422';
            END IF;
        ELSIF NEW.position IS NULL THEN
            RAISE EXCEPTION '% has a %: a container inside it needs a position', container_named(parent.id, parent.description),
                container_grid_named(parent.grid_rows, parent.grid_cols) USING ERRCODE = 'LT422';
        ELSIF NOT container_position_in_grid(NEW.position, parent.grid_rows, parent.grid_cols) THEN
            RAISE EXCEPTION '% is outside container %''s %', NEW.position, parent.id,
                container_grid_named(parent.grid_rows, parent.grid_cols) USING ERRCODE = 'LT422';
        ELSIF TG_OP = 'INSERT' OR NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.position IS DISTINCT FROM OLD.position THEN
            SELECT * INTO holder FROM container
            WHERE parent_id = NEW.parent_id AND position = NEW.position AND id IS DISTINCT FROM NEW.id;
            IF FOUND THEN
                RAISE EXCEPTION 'position % of % is taken by %', NEW.position, container_named(parent.id, parent.description),
                    container_named(holder.id, holder.description) USING ERRCODE = 'LT409';
            END IF;
        END IF;
    END IF;

    IF TG_OP = 'UPDATE' AND (NEW.grid_rows IS DISTINCT FROM OLD.grid_rows OR NEW.grid_cols IS DISTINCT FROM OLD.grid_cols) THEN
        SELECT string_agg(position, ', ' ORDER BY ascii(position), substr(position, 2)::int) INTO taken FROM container
        WHERE parent_id = NEW.id AND position IS NOT NULL
          AND (NEW.grid_rows IS NULL OR NOT container_position_in_grid(position, NEW.grid_rows, NEW.grid_cols));
        IF taken IS NOT NULL THEN
            RAISE EXCEPTION '% cannot %: it holds containers at %', container_named(NEW.id, NEW.description),
                CASE WHEN NEW.grid_rows IS NULL THEN 'lose its grid'
                     ELSE 'have a ' || container_grid_named(NEW.grid_rows, NEW.grid_cols) END,
                taken USING ERRCODE = 'LT409';
        END IF;
        IF OLD.grid_rows IS NULL AND EXISTS (SELECT FROM container WHERE parent_id = NEW.id) THEN
            RAISE EXCEPTION '% cannot get a grid while it holds containers without a position: take them out first',
                container_named(NEW.id, NEW.description) USING ERRCODE = 'LT409';
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- AFTER UPDATE that changed freezer_id (not UPDATE OF: a freezer that follows a new parent is set by
-- container_check_place, not named by the statement): the containers inside go along, each carrying its own.
CREATE OR REPLACE FUNCTION container_carry_contents() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE container SET freezer_id = NEW.freezer_id WHERE parent_id = NEW.id AND freezer_id <> NEW.freezer_id;
    RETURN NULL;
END $$;

-- AFTER INSERT, UPDATE or DELETE: one event with what changed, by whom, in which request.
CREATE OR REPLACE FUNCTION container_record_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    before jsonb := CASE WHEN TG_OP = 'INSERT' THEN '{}' ELSE jsonb_strip_nulls(to_jsonb(OLD) - 'id') END;
    after jsonb := CASE WHEN TG_OP = 'DELETE' THEN '{}' ELSE jsonb_strip_nulls(to_jsonb(NEW) - 'id') END;
    subject container := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
    changes jsonb;
    action text;
BEGIN
    SELECT jsonb_object_agg(key, jsonb_build_object('from', before -> key, 'to', after -> key)) INTO changes
    FROM (SELECT jsonb_object_keys(before || after) AS key) AS k
    WHERE (before -> key) IS DISTINCT FROM (after -> key);
    IF changes IS NULL THEN
        RETURN NULL;
    END IF;
    action := CASE
        WHEN TG_OP = 'INSERT' THEN 'created'
        WHEN TG_OP = 'DELETE' THEN 'deleted'
        WHEN changes ?| ARRAY['freezer_id', 'parent_id', 'position'] THEN 'moved'
        ELSE 'updated'
    END;
    -- A setting set once in a session reads '' after its transaction: as unset.
    INSERT INTO container_event (container_id, container_uuid, actor, action, changes, request_id, freezer_from, freezer_to)
    VALUES (
        subject.id, subject.uuid,
        coalesce(nullif(current_setting('labtrack.actor', true), ''), 'sql:' || session_user),
        action, changes,
        nullif(current_setting('labtrack.request_id', true), ''),
        CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.freezer_id END,
        CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.freezer_id END
    );
    RETURN NULL;
END $$;

-- The record of what happened is never rewritten, not even by direct SQL.
CREATE OR REPLACE FUNCTION container_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'container_event is append-only: % is refused', TG_OP USING ERRCODE = 'LT409';
END $$;

CREATE OR REPLACE TRIGGER container_check_place BEFORE INSERT OR UPDATE ON container
    FOR EACH ROW EXECUTE FUNCTION container_check_place();
-- Named so that it fires after container_history (triggers fire in name order): a box's event comes before its contents'.
CREATE OR REPLACE TRIGGER container_move_contents AFTER UPDATE ON container
    FOR EACH ROW WHEN (OLD.freezer_id IS DISTINCT FROM NEW.freezer_id) EXECUTE FUNCTION container_carry_contents();
CREATE OR REPLACE TRIGGER container_history AFTER INSERT OR UPDATE OR DELETE ON container
    FOR EACH ROW EXECUTE FUNCTION container_record_event();
CREATE OR REPLACE TRIGGER container_event_append_only BEFORE UPDATE OR DELETE ON container_event
    FOR EACH ROW EXECUTE FUNCTION container_event_refuse_change();
CREATE OR REPLACE TRIGGER container_event_no_truncate BEFORE TRUNCATE ON container_event
    FOR EACH STATEMENT EXECUTE FUNCTION container_event_refuse_change();
