import { MIGRATIONS_TABLE } from './migrations.js'
import { withSql } from './scripts.js'

// In production the services connect as a role of their own that may read and
// write rows and nothing else: no DDL, no migration history, no other role's
// rights. The migrate job (connected as the owner of the tables) makes sure it
// exists after migrating, and grants it again on every run, so tables a later
// migration adds are covered the next time `migrate` runs (the services start
// only after it).

export interface AppRole {
  name: string
  password: string
}

/** Tables of the schema the services must not touch. */
const NO_APP_ACCESS = [MIGRATIONS_TABLE]
// Role names longer than this are cut short by PostgreSQL, silently.
const MAX_NAME_BYTES = 63

/** `LABTRACK_APP_USER` and `LABTRACK_APP_PASSWORD`: the role to prepare, or undefined when neither is set. */
export function appRoleFromEnv(env: NodeJS.ProcessEnv = process.env): AppRole | undefined {
  const name = env.LABTRACK_APP_USER ?? ''
  const password = env.LABTRACK_APP_PASSWORD ?? ''
  if (!name && !password) return undefined
  if (!name || !password) throw new Error('LABTRACK_APP_USER and LABTRACK_APP_PASSWORD go together: set both or neither')
  return { name, password }
}

/**
 * A string literal that PostgreSQL reads back as exactly `text`, whatever
 * standard_conforming_strings says: `E'…'` with backslashes and quotes escaped.
 * For the one place a value cannot be a bind parameter (a role's PASSWORD).
 */
export function quoteLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('a PostgreSQL string cannot hold a NUL character')
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`
}

/**
 * An identifier in double quotes, read back exactly. postgres.js's `sql(name)`
 * is not one: it reads a dot as `schema.table` ("a.b" becomes "a"."b"), wrong
 * for a role or a database named with one.
 */
export function quoteIdentifier(name: string): string {
  if (name.includes('\0')) throw new Error('a PostgreSQL name cannot hold a NUL character')
  return `"${name.replace(/"/g, '""')}"`
}

/**
 * Creates the services' role, or brings an existing one back to LOGIN with
 * `password` and no attribute beyond it, and leaves it exactly CONNECT on the
 * database, USAGE on the schema of the tables, SELECT/INSERT/UPDATE/DELETE on
 * its tables and views but the migration history, USAGE/SELECT on its
 * sequences. In one transaction; running it again changes nothing else.
 */
export async function ensureAppRole(url: string, { name, password }: AppRole): Promise<string> {
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) throw new Error(`LABTRACK_APP_USER is longer than ${MAX_NAME_BYTES} bytes`)
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${quoteLiteral(password)}`
  return withSql(url, (sql) =>
    sql.begin(async (tx) => {
      // Two migrate jobs at once: the second waits, then finds the role.
      await tx`SELECT pg_advisory_xact_lock(hashtext('labtrack app role'))`
      const [context] = await tx<{ database: string; schema: string; owner: string }[]>`
        SELECT current_database() AS database, current_schema() AS schema, current_user AS owner`
      const { database, schema, owner } = context as { database: string; schema: string; owner: string }
      const [existing] = await tx<{ superuser: boolean; owner: boolean }[]>`
        SELECT rolsuper AS superuser, pg_has_role(rolname, current_user, 'MEMBER') AS owner
        FROM pg_roles WHERE rolname = ${name}`
      if (existing?.superuser || existing?.owner) {
        throw new Error(
          `LABTRACK_APP_USER=${name} is ${existing.superuser ? 'a superuser' : `${owner}, who owns the tables, or a member of it`}: ` +
            'the services need a role of their own',
        )
      }
      const id = (identifier: string) => tx.unsafe(quoteIdentifier(identifier))
      const [role, db, inSchema] = [id(name), id(database), id(schema)]
      await (existing
        ? tx`ALTER ROLE ${role} WITH ${tx.unsafe(attributes)}`
        : tx`CREATE ROLE ${role} WITH ${tx.unsafe(attributes)}`)
      // PUBLIC's rights come on top of the role's own: creating tables in the
      // schema (before PostgreSQL 15) and temporary tables. Only the owner needs those.
      await tx`REVOKE CREATE ON SCHEMA ${inSchema} FROM PUBLIC`
      await tx`REVOKE TEMPORARY ON DATABASE ${db} FROM PUBLIC`
      await tx`REVOKE ALL ON DATABASE ${db} FROM ${role}`
      await tx`GRANT CONNECT ON DATABASE ${db} TO ${role}`
      await tx`REVOKE ALL ON SCHEMA ${inSchema} FROM ${role}`
      await tx`GRANT USAGE ON SCHEMA ${inSchema} TO ${role}`
      await tx`REVOKE ALL ON ALL TABLES IN SCHEMA ${inSchema} FROM ${role}`
      await tx`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${inSchema} TO ${role}`
      for (const table of NO_APP_ACCESS) await tx`REVOKE ALL ON TABLE ${inSchema}.${id(table)} FROM ${role}`
      await tx`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${inSchema} FROM ${role}`
      await tx`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${inSchema} TO ${role}`
      return `role ${name} may read and write the rows, nothing else`
    }),
  )
}
