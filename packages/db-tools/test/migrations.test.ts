import { randomBytes } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import t, { type Test } from 'tap'
import {
  applySchema,
  CREATE_TABLES_SQL,
  createTestDatabase,
  describeMigration,
  MIGRATIONS_DIR,
  MIGRATIONS_TABLE,
  MigrationError,
  type MigrationReport,
  MOCK_DATA_SQL,
  migrate,
  prepareDatabase,
  resetDatabase,
  schemaTables,
  withSql,
} from '../src/index.js'

// The migrations against the three databases they must accept (empty, made by
// create_tables.sql, made by the Flask seed's scripts), compared through the
// catalog with what create_tables.sql makes, and row by row with what was there.

const adminUrl = process.env.DATABASE_URL as string
/** Every migration of postgres_scripts/migrations, in order: what a run on a database without history applies. */
const ALL = (await readdir(MIGRATIONS_DIR))
  .map((file) => /^(\d+)\.do\.(.+)\.sql$/.exec(file))
  .filter((match) => match !== null)
  .map((match) => ({ version: Number(match[1]), name: match[2] as string }))
  .sort((a, b) => a.version - b.version)
const LATEST = ALL.at(-1)?.version as number
const ALL_LISTED = ALL.map(({ version, name }) => `${version} ${name}`).join(', ')
const MIGRATIONS_WORD = ALL.length > 1 ? 'migrations' : 'migration'
const fixture = (name: string) => fileURLToPath(new URL(`fixtures/flask-seed/${name}`, import.meta.url))
/** The seed's schema and mock data (reconstructed), and rows such a database gathers in use. */
const SEED = [fixture('create_tables.sql'), fixture('mock_data.sql'), fixture('later_rows.sql')]
/** What errors.ts maps to messages: the migrated schema must carry exactly these names. */
const MAPPED_CONSTRAINTS = [
  'computer_mac_key',
  'computer_pkey',
  'computer_site_id_fkey',
  'container_freezer_id_fkey',
  'container_pkey',
  'container_uuid_key',
  'freezer_pkey',
  'freezer_site_id_fkey',
  'site_pkey',
]

/** A database of its own, dropped when the test ends, with `files` run on it. */
async function newDatabase(t: Test, ...files: string[]): Promise<string> {
  const name = `labtrack_migrations_${process.pid}_${randomBytes(4).toString('hex')}`
  await withSql(adminUrl, (sql) => sql`CREATE DATABASE ${sql(name)}`)
  t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  await withSql(url.href, async (sql) => {
    for (const file of files) await sql.file(file)
  })
  return url.href
}

const run = (url: string, statements: string) => withSql(url, (sql) => sql.unsafe(statements))

/** Everything that makes up the schema in public, the migrations' own table left out, in a stable order. */
function catalog(url: string) {
  return withSql(url, async (sql) => {
    const skip = MIGRATIONS_TABLE
    const rows = async (query: Promise<object[]>) => [...(await query)]
    return {
      relations: await rows(sql`
        SELECT relname AS name, relkind AS kind, relpersistence AS persistence,
               CASE WHEN relkind IN ('v', 'm') THEN pg_get_viewdef(oid) END AS definition
        FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'm', 'f') AND relname <> ${skip}
        ORDER BY relname`),
      // In their order in the table (not their numbers: a dropped column leaves a gap).
      columns: await rows(sql`
        SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
               is_nullable, column_default, collation_name, is_identity, identity_generation, identity_start,
               identity_increment, identity_minimum, identity_maximum, identity_cycle, is_generated, generation_expression
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name <> ${skip}
        ORDER BY table_name, ordinal_position`),
      constraints: await rows(sql`
        SELECT conrelid::regclass::text AS table, conname AS name, contype AS type,
               pg_get_constraintdef(oid) AS definition, condeferrable, condeferred, convalidated
        FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> ${skip}
        ORDER BY 1, 2`),
      indexes: await rows(sql`
        SELECT tablename, indexname, indexdef FROM pg_indexes
        WHERE schemaname = 'public' AND tablename <> ${skip}
        ORDER BY 1, 2`),
      sequences: await rows(sql`
        SELECT s.relname AS name, q.seqtypid::regtype::text AS type, q.seqstart, q.seqincrement, q.seqmin, q.seqmax,
               q.seqcache, q.seqcycle, d.deptype AS owned, d.refobjid::regclass::text AS owner_table, a.attname AS owner_column
        FROM pg_sequence AS q
        JOIN pg_class AS s ON s.oid = q.seqrelid
        LEFT JOIN pg_depend AS d ON d.classid = 'pg_class'::regclass AND d.objid = s.oid AND d.refclassid = 'pg_class'::regclass
        LEFT JOIN pg_attribute AS a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE s.relnamespace = 'public'::regnamespace
        ORDER BY 1`),
      triggers: await rows(sql`
        SELECT tgrelid::regclass::text AS table, tgname AS name, pg_get_triggerdef(oid) AS definition
        FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text <> ${skip}
        ORDER BY 1, 2`),
      // Nothing else in public: the migrations' helper functions live in pg_temp and are dropped.
      functions: await rows(sql`SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`),
      types: await rows(sql`
        SELECT typname, typtype FROM pg_type
        WHERE typnamespace = 'public'::regnamespace AND typtype IN ('d', 'e', 'r', 'm') ORDER BY 1`),
      extensions: await rows(sql`SELECT extname FROM pg_extension ORDER BY 1`),
    }
  })
}

/** The schema create_tables.sql makes, on a database of its own. */
async function expectedCatalog(t: Test) {
  return catalog(await newDatabase(t, CREATE_TABLES_SQL))
}

/**
 * Every row of the four tables. mac and uuid as text in their canonical
 * spelling, so that a seed's text columns compare with the adopted ones.
 */
function allRows(url: string) {
  return withSql(url, async (sql) => ({
    site: [...(await sql`SELECT id, name, contact, address, state_or_region, country, postcode_or_zip FROM site ORDER BY id`)],
    freezer: [...(await sql`SELECT id, name, site_id FROM freezer ORDER BY id`)],
    computer: [...(await sql`SELECT id, name, mac::text::macaddr::text AS mac, site_id FROM computer ORDER BY id`)],
    container: [...(await sql`SELECT id, uuid::text::uuid::text AS uuid, description, freezer_id FROM container ORDER BY id`)],
  }))
}

/** Every row of the four tables exactly as stored, as JSON text. */
function storedRows(url: string) {
  return withSql(url, async (sql) => {
    const tables: Record<string, string[]> = {}
    for (const table of ['site', 'freezer', 'computer', 'container']) {
      tables[table] = (await sql<{ row: string }[]>`SELECT row_to_json(t)::text AS row FROM ${sql(table)} AS t ORDER BY id`).map(
        ({ row }) => row,
      )
    }
    return tables
  })
}

/** Inserts one row into each table without an id, as a POST does, and returns the ids they got. */
function insertWithoutIds(url: string) {
  return withSql(url, async (sql) => {
    const [site] = await sql<{ id: number }[]>`INSERT INTO site (name) VALUES ('New site') RETURNING id`
    const siteId = site?.id as number
    const [freezer] = await sql<
      { id: number }[]
    >`INSERT INTO freezer (name, site_id) VALUES ('New freezer', ${siteId}) RETURNING id`
    const [computer] = await sql<{ id: number }[]>`INSERT INTO computer (name, site_id) VALUES ('New PC', ${siteId}) RETURNING id`
    const [container] = await sql<{ id: number; uuid: string }[]>`
      INSERT INTO container (freezer_id) VALUES (${freezer?.id as number}) RETURNING id, uuid::text`
    return { site: siteId, freezer: freezer?.id, computer: computer?.id, container: container?.id, uuid: container?.uuid }
  })
}

/** The constraint (or, without one, the SQLSTATE) that refused a statement. */
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'accepted',
    (error: { constraint_name?: string; code: string }) => error.constraint_name ?? error.code,
  )

const history = (url: string) =>
  withSql(url, async (sql) => [
    ...(await sql`SELECT version::int, name, md5 IS NOT NULL AS has_md5 FROM ${sql(MIGRATIONS_TABLE)} WHERE version > 0 ORDER BY version`),
  ])

const hasHistory = (url: string) =>
  withSql(url, async (sql) => (await sql`SELECT to_regclass(${MIGRATIONS_TABLE}) IS NOT NULL AS found`)[0]?.found)

t.test('create_tables.sql gives the same schema as all migrations applied', async (t) => {
  const expected = await expectedCatalog(t)
  const tables = expected.relations.map((relation) => (relation as { name: string }).name)
  t.same(tables, (await schemaTables()).sort(), 'the tables create_tables.sql names, which db:reset drops')
  for (const name of ['computer', 'container', 'freezer', 'site']) t.ok(tables.includes(name), `has ${name}`)
  for (const name of MAPPED_CONSTRAINTS) {
    t.ok(
      expected.constraints.some((constraint) => (constraint as { name: string }).name === name),
      `create_tables.sql has ${name}`,
    )
  }
  t.ok(expected.indexes.length >= 9, 'the primary keys, the unique columns and the foreign keys are indexed')

  // createTestDatabase, which every test file uses, builds its database from the migrations.
  const database = await createTestDatabase(adminUrl)
  t.teardown(() => database.drop())
  t.same(await catalog(database.url), expected, 'the migrations on an empty database: the same catalog')
  t.same(
    await history(database.url),
    ALL.map((migration) => ({ ...migration, has_md5: true })),
    'recorded in the migrations table',
  )

  const again = await migrate(database.url)
  t.same(again.applied, [], 'a second run has nothing to do')
  t.same(await catalog(database.url), expected)
})

t.test('a database made by create_tables.sql and mock_data.sql is adopted: schema unchanged, every row kept', async (t) => {
  const expected = await expectedCatalog(t)
  const url = await newDatabase(t, CREATE_TABLES_SQL, MOCK_DATA_SQL)
  const before = await allRows(url)
  const report = await migrate(url, { exampleData: true })
  t.same(report, { applied: ALL, from: 0, to: LATEST, wasNew: false, exampleData: false })
  t.same(await catalog(url), expected)
  t.same(await allRows(url), before, 'every row as it was, and no example rows added')
  t.match(await insertWithoutIds(url), { site: 4, freezer: 3, computer: 3, container: 7 }, 'new ids continue after the rows')
})

t.test('identities left behind rows inserted with explicit ids are moved past them', async (t) => {
  // create_tables.sql, then rows with explicit ids and no setval (as the seed's own scripts would insert them).
  const url = await newDatabase(t, CREATE_TABLES_SQL)
  await run(
    url,
    `INSERT INTO site (id, name) VALUES (1, 'A'), (7, 'B');
     INSERT INTO freezer (id, name, site_id) VALUES (5, 'F', 7);
     INSERT INTO computer (id, name, site_id) VALUES (2, 'C', 1);
     INSERT INTO container (id, freezer_id) VALUES (9, 5);`,
  )
  await migrate(url)
  t.match(await insertWithoutIds(url), { site: 8, freezer: 6, computer: 3, container: 10 })
})

t.test("a database made by the Flask seed's scripts is adopted: the current schema, every row kept", async (t) => {
  const expected = await expectedCatalog(t)
  const url = await newDatabase(t, ...SEED)
  const before = await allRows(url)
  t.same(
    Object.values(before).map((rows) => rows.length),
    [4, 3, 5, 2],
    'the seed mock data and the later rows: sites, freezers, computers, containers',
  )
  const report = await migrate(url, { exampleData: true })
  t.same(report, { applied: ALL, from: 0, to: LATEST, wasNew: false, exampleData: false })
  t.equal(
    describeMigration(report),
    `applied ${MIGRATIONS_WORD} ${ALL_LISTED}: adopted the existing tables, every row kept (schema version ${LATEST})`,
  )
  t.same(await catalog(url), expected, "the seed's looser schema became create_tables.sql's")
  const after = await allRows(url)
  t.same(after, before, 'every row kept, with the same values')
  t.match(after.site[0], { id: 1, name: 'Site 1', contact: 'John Smith', postcode_or_zip: '48103' })
  t.match(after.site[3], { id: 4, name: 'Field station', contact: '', state_or_region: null })
  t.same(
    after.computer.map((row) => row.mac),
    [null, null, '08:00:2b:01:02:03', '08:00:2b:01:0a:0b', 'aa:bb:cc:dd:ee:ff'],
    'macs in any spelling the seed took are now macaddr',
  )
  t.equal(after.container[0]?.uuid, '3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a99')

  const added = await insertWithoutIds(url)
  t.match(
    added,
    { site: 6, freezer: 4, computer: 6, container: 3 },
    "new ids continue after the rows and after the seed's sequence (site 5 was deleted, its id is not given again)",
  )
  t.match(added.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'uuid generated by default')

  await withSql(url, async (sql) => {
    t.equal(await refusal(sql`INSERT INTO computer (name, mac, site_id) VALUES ('Twin', '08002B010203', 1)`), 'computer_mac_key')
    t.equal(await refusal(sql`INSERT INTO site (name) VALUES ('')`), 'site_name_check')
    t.equal(await refusal(sql`INSERT INTO freezer (name) VALUES ('No site')`), '23502')
    t.equal(await refusal(sql`DELETE FROM site WHERE id = 1`), 'freezer_site_id_fkey')
  })
})

t.test('a seed database changed by hand is adopted too', async (t) => {
  const expected = await expectedCatalog(t)
  const url = await newDatabase(t, ...SEED)
  await run(
    url,
    `-- uuid already a uuid; a primary key under another name; a cascading foreign key; no primary key; a column missing
     ALTER TABLE container ALTER COLUMN uuid TYPE uuid USING uuid::uuid;
     ALTER TABLE site RENAME CONSTRAINT site_pkey TO site_id_pk;
     ALTER TABLE computer DROP CONSTRAINT computer_site_id_fkey;
     ALTER TABLE computer ADD CONSTRAINT computer_site FOREIGN KEY (site_id) REFERENCES site (id) ON DELETE CASCADE;
     ALTER TABLE container DROP CONSTRAINT container_pkey;
     ALTER TABLE site DROP COLUMN postcode_or_zip;`,
  )
  const before = await withSql(url, (sql) => sql`SELECT count(*)::int AS n FROM computer`)
  await migrate(url)
  t.same(await catalog(url), expected)
  await withSql(url, async (sql) => {
    t.same([...(await sql`SELECT count(*)::int AS n FROM computer`)], [...before])
    t.same(
      [...(await sql`SELECT DISTINCT postcode_or_zip FROM site`)],
      [{ postcode_or_zip: null }],
      'the missing column added, empty',
    )
    t.equal(await refusal(sql`DELETE FROM site WHERE id = 2`), 'computer_site_id_fkey', 'no cascade is left')
  })
})

t.test('a database with only some of the tables gets the others', async (t) => {
  const expected = await expectedCatalog(t)
  const url = await newDatabase(t)
  await run(url, `CREATE TABLE site (id serial PRIMARY KEY, name varchar(80)); INSERT INTO site (name) VALUES ('Only site');`)
  await migrate(url)
  t.same(await catalog(url), expected)
  t.same(await withSql(url, async (sql) => [...(await sql`SELECT id, name FROM site`)]), [{ id: 1, name: 'Only site' }])
})

// Rows the new constraints refuse: the migration stops, names them, and changes nothing.
const REFUSED: [string, string, RegExp][] = [
  [
    'a site without a name',
    `UPDATE site SET name = NULL WHERE id = 2`,
    /^migration 1 \(initial-schema\) failed, nothing was changed: cannot adopt this database: site\.name is empty \(NULL\) \(site 2\); give each site a name, then run the migrations again$/,
  ],
  [
    'a name that is the empty string',
    `UPDATE freezer SET name = '' WHERE id = 3`,
    /freezer\.name is the empty string \(freezer 3\); give each freezer a name/,
  ],
  [
    'two computers with one mac in two spellings',
    `INSERT INTO computer (name, mac, site_id) VALUES ('Clone', '08:00:2b:01:02:03', 1)`,
    /computer\.mac must be unique \(computers 3 and 6 share 08:00:2b:01:02:03\); give all but one of each another mac, or NULL/,
  ],
  [
    'a mac that is not one',
    `UPDATE computer SET mac = 'n/a' WHERE id = 1; UPDATE computer SET mac = '' WHERE id = 2`,
    /computer\.mac holds values that are not a macaddr \(computer 1 \('n\/a'\), computer 2 \(''\)\); write each as a MAC address/,
  ],
  [
    'a container without a uuid',
    `INSERT INTO container (description, freezer_id) VALUES ('unlabelled', 1)`,
    /container\.uuid is empty \(NULL\) \(container 3\); give each a uuid \(UPDATE container SET uuid = gen_random_uuid\(\) WHERE uuid IS NULL\)/,
  ],
  [
    'two containers with one uuid',
    `UPDATE container SET uuid = upper('9b2e4d7a-1c3f-4e8b-a6d5-2f7c8e9a0b77') WHERE id = 1`,
    /container\.uuid must be unique \(containers 1 and 2 share 9b2e4d7a-1c3f-4e8b-a6d5-2f7c8e9a0b77\)/,
  ],
  [
    'a uuid that is not one',
    `UPDATE container SET uuid = 'box 7' WHERE id = 2`,
    /container\.uuid holds values that are not a uuid/,
  ],
  [
    'a freezer without a site',
    `UPDATE freezer SET site_id = NULL WHERE id = 2`,
    /freezer\.site_id is empty \(NULL\) \(freezer 2\)/,
  ],
  [
    'a computer whose site is gone',
    `ALTER TABLE computer DROP CONSTRAINT computer_site_id_fkey; UPDATE computer SET site_id = 99 WHERE id = 4`,
    /computer\.site_id names a site that does not exist \(computer 4 \(site_id 99\)\); give each of them an existing site_id/,
  ],
  [
    'two computers with one id and no primary key',
    `ALTER TABLE computer DROP CONSTRAINT computer_pkey; INSERT INTO computer (id, name, site_id) VALUES (2, 'Twin', 1)`,
    /computer\.id is missing or the same in several rows \(computer 2\); give each computer an id of its own/,
  ],
  [
    'many rows at once',
    `INSERT INTO site (name) SELECT NULL FROM generate_series(1, 12)`,
    /site\.name is empty \(NULL\) \(site 6, site 7, site 8, site 9, site 10, site 11, site 12, site 13, site 14, site 15 and 2 more\)/,
  ],
]

for (const [label, statements, message] of REFUSED) {
  t.test(`the seed's rows the new schema refuses are named, and nothing changes: ${label}`, async (t) => {
    const url = await newDatabase(t, ...SEED)
    await run(url, statements)
    const [schemaBefore, rowsBefore] = [await catalog(url), await storedRows(url)]
    const error = await migrate(url).catch((error: unknown) => error)
    t.type(error, MigrationError)
    t.match((error as Error).message, message)
    t.same(await catalog(url), schemaBefore, 'the schema as it was')
    t.same(await storedRows(url), rowsBefore, 'the rows as they were')
    t.equal(await hasHistory(url), false, 'no migration recorded')
  })
}

t.test('a database newer than these migrations is refused', async (t) => {
  const database = await createTestDatabase(adminUrl)
  t.teardown(() => database.drop())
  await run(database.url, `INSERT INTO ${MIGRATIONS_TABLE} (version, name, md5) VALUES (99, 'from-the-future', 'x')`)
  await t.rejects(migrate(database.url), {
    name: 'MigrationError',
    message: `the database is at schema version 99, newer than the migrations here (up to ${LATEST}): run a newer labtrack against it`,
  })
})

t.test('a migration edited after it was applied is refused', async (t) => {
  const database = await createTestDatabase(adminUrl)
  t.teardown(() => database.drop())
  await run(database.url, `UPDATE ${MIGRATIONS_TABLE} SET md5 = 'edited' WHERE version = 1`)
  await t.rejects(migrate(database.url), {
    name: 'MigrationError',
    message: /^the migrations failed, nothing was changed: MD5 checksum failed for migration \[1\]/,
  })
})

t.test(
  'runs at the same time wait for each other: one migrates and loads the example rows, the other finds it done',
  async (t) => {
    const url = await newDatabase(t)
    const reports = await Promise.all([migrate(url, { exampleData: true }), migrate(url, { exampleData: true })])
    t.same(reports.map((report) => report.applied.length).sort(), [0, ALL.length])
    t.same(reports.map((report) => report.exampleData).sort(), [false, true])
    t.equal((await allRows(url)).site.length, 3, 'the example rows once')
  },
)

t.test(
  'prepareDatabase: creates a missing database with the tables and the example rows, then leaves its data alone',
  async (t) => {
    const name = `labtrack_prepare_${process.pid}`
    t.teardown(() => withSql(adminUrl, (sql) => sql`DROP DATABASE IF EXISTS ${sql(name)} WITH (FORCE)`))
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const first = await prepareDatabase(url.href)
    t.same(first, { applied: ALL, from: 0, to: LATEST, wasNew: true, exampleData: true })
    t.equal(describeMigration(first), `applied ${MIGRATIONS_WORD} ${ALL_LISTED}: created the tables and the example data`)
    t.same((await allRows(url.href)).site.length, 3)
    await run(url.href, 'DELETE FROM container')
    const second = await prepareDatabase(url.href)
    t.same(second, { applied: [], from: LATEST, to: LATEST, wasNew: false, exampleData: false })
    t.equal(describeMigration(second), `database schema up to date (version ${LATEST})`)
    t.same((await allRows(url.href)).container, [], 'nothing loaded again')
  },
)

t.test('resetDatabase: empty tables at the latest version, which later runs accept', async (t) => {
  const expected = await expectedCatalog(t)
  const url = await newDatabase(t, ...SEED)
  const report = await resetDatabase(url)
  t.same(report, { applied: ALL, from: 0, to: LATEST, wasNew: true, exampleData: false })
  t.same(await catalog(url), expected)
  t.same(Object.values(await allRows(url)).flat(), [])
  t.same((await migrate(url)).applied, [])
  await withSql(url, (sql) => applySchema(sql))
  t.same((await migrate(url)).applied, [], "the seed's psql -f create_tables.sql keeps the recorded version")
  t.same(await catalog(url), expected)
})

t.test('describeMigration: one line for each kind of run', async (t) => {
  const report = (fields: Partial<MigrationReport>): MigrationReport => ({
    applied: [{ version: 1, name: 'initial-schema' }],
    from: 0,
    to: 1,
    wasNew: true,
    exampleData: false,
    ...fields,
  })
  t.equal(describeMigration(report({})), 'applied migration 1 initial-schema: created the tables')
  t.equal(
    describeMigration(
      report({
        applied: [
          { version: 2, name: 'container-history' },
          { version: 3, name: 'users' },
        ],
        from: 1,
        to: 3,
        wasNew: false,
      }),
    ),
    'applied migrations 2 container-history, 3 users: schema version 1 → 3',
  )
})
