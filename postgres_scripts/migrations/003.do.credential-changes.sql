-- Migration 3: the database says when credentials change. Each service keeps
-- the tokens and sessions it checked a moment ago (a short, bounded cache,
-- packages/service-kit/src/auth/), LISTENs on the channel labtrack_credentials
-- and forgets them all on any notification. So a change made anywhere (another
-- service, `pnpm labtrack`, psql) reaches every service as soon as the
-- notification is delivered, after the transaction commits.
--
-- What ends or narrows a credential notifies; what only records use does not
-- (a token's last_used_at, a session's last_seen_at moving forward), nor does
-- creating one (nothing cached can be stale). The payload is the table's name,
-- so a statement that changes many rows sends one notification.
--
-- CREATE OR REPLACE: a database made by create_tables.sql (which migration 1
-- adopts as it is) has these already.

CREATE OR REPLACE FUNCTION labtrack_credentials_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('labtrack_credentials', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

-- A user renamed, demoted (their tokens lose the role too), given a new password, or deleted.
CREATE OR REPLACE TRIGGER account_credentials_changed
    AFTER UPDATE OF name, role, password_hash ON account
    FOR EACH ROW
    WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.role IS DISTINCT FROM NEW.role
          OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
    EXECUTE FUNCTION labtrack_credentials_changed();
CREATE OR REPLACE TRIGGER account_credentials_deleted
    AFTER DELETE ON account
    FOR EACH ROW EXECUTE FUNCTION labtrack_credentials_changed();

-- A token revoked, its end or role changed, moved to another user or its secret replaced, or deleted.
CREATE OR REPLACE TRIGGER api_token_credentials_changed
    AFTER UPDATE OF revoked_at, expires_at, role, account_id, token_hash, name ON api_token
    FOR EACH ROW
    WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
          OR OLD.role IS DISTINCT FROM NEW.role OR OLD.account_id IS DISTINCT FROM NEW.account_id
          OR OLD.token_hash IS DISTINCT FROM NEW.token_hash OR OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION labtrack_credentials_changed();
CREATE OR REPLACE TRIGGER api_token_credentials_deleted
    AFTER DELETE ON api_token
    FOR EACH ROW EXECUTE FUNCTION labtrack_credentials_changed();

-- A session ended (sign-out, a new password, the cleanup at sign-in), or its end
-- brought forward: sooner, or its last use set back (which brings the idle end forward).
CREATE OR REPLACE TRIGGER account_session_credentials_changed
    AFTER UPDATE OF expires_at, last_seen_at, account_id, id_hash ON account_session
    FOR EACH ROW
    WHEN (NEW.expires_at < OLD.expires_at OR NEW.last_seen_at < OLD.last_seen_at
          OR OLD.account_id IS DISTINCT FROM NEW.account_id OR OLD.id_hash IS DISTINCT FROM NEW.id_hash)
    EXECUTE FUNCTION labtrack_credentials_changed();
CREATE OR REPLACE TRIGGER account_session_credentials_deleted
    AFTER DELETE ON account_session
    FOR EACH ROW EXECUTE FUNCTION labtrack_credentials_changed();
