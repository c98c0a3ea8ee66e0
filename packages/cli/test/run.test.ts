import { verifyPassword } from '@labtrack/db'
import postgres from 'postgres'
import t from 'tap'
import { runCli, UsageError } from '../src/run.js'
import { APPLIED_ALL, cliDatabase, contextOn, LATEST_VERSION, newDatabaseUrl } from './cli-database.js'

// setup reads these from the environment; the tests below say what they give.
delete process.env.LABTRACK_ADMIN_PASSWORD
delete process.env.LABTRACK_APP_USER
delete process.env.LABTRACK_APP_PASSWORD

const PASSWORD = 'a long enough password'

t.test('a bad command line is a UsageError, and nothing is asked or opened', async (t) => {
  const context = contextOn('postgres://127.0.0.1:1/never-opened')
  const cases: [string[], string | RegExp][] = [
    [[], 'no command given'],
    [['frobnicate'], 'unknown command: frobnicate'],
    [['user'], 'unknown command: user'],
    [['user', 'remove', 'bob'], 'unknown command: user remove bob'],
    [['token'], 'unknown command: token'],
    [['setup', 'now'], 'unknown command: setup now'],
    [['user', 'add', 'bob', 'extra', 'more'], 'unexpected extra more'],
    [['user', 'add', '--role', 'viewer'], 'user add: NAME is missing'],
    [['user', 'add', 'bob'], '--role must be one of viewer, editor, admin'],
    [['user', 'add', 'bob', '--role', 'owner'], '--role must be one of viewer, editor, admin'],
    [['user', 'password'], 'user password: NAME is missing'],
    [['token', 'create', '--role', 'viewer'], 'token create: --name is missing'],
    [['token', 'create', '--name', 'ci'], '--role must be one of viewer, editor, admin'],
    [['token', 'revoke'], 'token revoke: NAME is missing'],
    [['user', 'add', 'bad name', '--role', 'viewer'], 'NAME must be 1 to 64 letters, digits and _ . @ - (not first)'],
    [['token', 'create', '--name', 'c i', '--role', 'viewer'], '--name must be 1 to 64 letters, digits and _ . @ - (not first)'],
    [['user', 'list', '--bogus'], /Unknown option '--bogus'/],
    [['user', 'add', 'bob', '--role'], /Option '--role <value>' argument missing/],
    [['setup', '--example-data=yes'], /does not take an argument/],
  ]
  for (const [argv, message] of cases) {
    const error = await runCli(argv, context).catch((error: unknown) => error)
    t.type(error, UsageError, argv.join(' ') || '(nothing)')
    t.match((error as Error).message, message)
  }
  t.equal(context.passwordsAsked, 0, 'no password was asked for')
  t.equal(context.opened, 0, 'no database was opened')
})

t.test('user add, user list, user password', async (t) => {
  const db = await cliDatabase(t)
  t.equal(await runCli(['user', 'list'], db.context()), 'no users yet')

  const added = db.context(PASSWORD)
  t.match(await runCli(['user', 'add', 'alice', '--role', 'editor'], added), /^user alice added \(editor, id \d+\)$/)
  t.equal(added.passwordsAsked, 1)
  const [alice] = await db.sql`SELECT name, role, password_hash FROM account`
  t.match(alice, { name: 'alice', role: 'editor' })
  t.equal(await verifyPassword(PASSWORD, alice?.password_hash), true, 'the password read is the one stored')
  await runCli(['user', 'add', 'bob-the-admin', '--role=admin'], db.context())

  const lines = (await runCli(['user', 'list'], db.context())).split('\n')
  t.equal(lines.length, 2)
  t.match(lines[0], /^alice {10}editor {2}since \d{4}-\d\d-\d\dT[\d:.]+Z$/, 'names padded to the longest')
  t.match(lines[1], /^bob-the-admin {2}admin {3}since /)

  await t.rejects(runCli(['user', 'add', 'alice', '--role', 'viewer'], db.context()), {
    name: 'DbError',
    code: 'LABTRACK_DB_CONFLICT',
    message: 'a user with this name already exists',
  })
  await t.rejects(runCli(['user', 'add', 'carol', '--role', 'viewer'], db.context('short')), {
    name: 'UsageError',
    message: 'the password must be at least 12 characters',
  })
  await t.rejects(runCli(['user', 'add', 'carol', '--role', 'viewer'], db.context('x'.repeat(1025))), {
    name: 'UsageError',
    message: 'the password must be at most 1024 characters',
  })
  t.ok(await runCli(['user', 'add', 'dave', '--role', 'viewer'], db.context('x'.repeat(1024))), '1024 characters is fine')
  t.strictSame(
    (await db.sql`SELECT name FROM account ORDER BY name`).map((row) => row.name),
    ['alice', 'bob-the-admin', 'dave'],
  )
})

t.test('user password: a new password, and their sessions end', async (t) => {
  const db = await cliDatabase(t)
  await runCli(['user', 'add', 'erin', '--role', 'viewer'], db.context())
  const [erin] = await db.sql`SELECT id FROM account WHERE name = 'erin'`
  await db.sql`INSERT INTO account_session (id_hash, account_id, expires_at) VALUES ('s', ${erin?.id}, now() + interval '1 hour')`

  t.equal(
    await runCli(['user', 'password', 'erin'], db.context('a brand new password')),
    'password of erin changed; their sessions ended',
  )
  const [row] = await db.sql`SELECT password_hash, (SELECT count(*)::int FROM account_session) AS sessions FROM account`
  t.equal(await verifyPassword('a brand new password', row?.password_hash), true)
  t.equal(row?.sessions, 0)

  await t.rejects(runCli(['user', 'password', 'nobody'], db.context()), {
    name: 'UsageError',
    message: 'there is no user nobody',
  })
  await t.rejects(runCli(['user', 'password', 'erin'], db.context('too short')), {
    name: 'UsageError',
    message: 'the password must be at least 12 characters',
  })
  const [unchanged] = await db.sql`SELECT password_hash FROM account`
  t.equal(unchanged?.password_hash, row?.password_hash, 'a refused password changes nothing')
})

t.test('user list shows every user, past the first page', async (t) => {
  const db = await cliDatabase(t)
  await db.sql`INSERT INTO account (name, role, password_hash)
    SELECT 'user' || lpad(n::text, 4, '0'), 'viewer', 'none' FROM generate_series(1, 1001) n`
  const lines = (await runCli(['user', 'list'], db.context())).split('\n')
  t.equal(lines.length, 1001)
  t.match(lines.at(0), /^user0001 {2}viewer {2}since /)
  t.match(lines.at(-1), /^user1001 {2}viewer {2}since /)
})

t.test('token create prints the token alone; token revoke', async (t) => {
  const db = await cliDatabase(t)
  await t.rejects(runCli(['token', 'create', '--name', 'ci', '--role', 'viewer'], db.context()), {
    name: 'UsageError',
    message: 'there is no user admin (--user NAME)',
  })
  await runCli(['user', 'add', 'admin', '--role', 'admin'], db.context())
  await runCli(['user', 'add', 'ed', '--role', 'editor'], db.context())

  const token = await runCli(['token', 'create', '--name', 'ci', '--role', 'viewer'], db.context())
  t.match(token, /^lt_[\w-]{43}$/, 'the secret and nothing else')
  const [stored] =
    await db.sql`SELECT t.role, a.name AS user, t.expires_at, t.token_hash FROM api_token t JOIN account a ON a.id = t.account_id`
  t.match(stored, { role: 'viewer', user: 'admin', expires_at: null }, 'for admin by default')

  await runCli(['token', 'create', '--name', 'eds', '--role', 'editor', '--user', 'ed', '--expires', '2099-06-30'], db.context())
  const [eds] =
    await db.sql`SELECT a.name AS user, t.expires_at FROM api_token t JOIN account a ON a.id = t.account_id WHERE t.name = 'eds'`
  t.strictSame(eds, { user: 'ed', expires_at: new Date('2099-06-30T00:00:00Z') })

  const refused: [string[], string | RegExp][] = [
    [['--role', 'admin', '--user', 'ed'], 'a token cannot have a higher role than its user: ed is an editor'],
    [['--role', 'viewer', '--user', 'nobody'], 'there is no user nobody (--user NAME)'],
    [['--role', 'viewer', '--expires', 'next week'], '--expires must be a date such as 2027-06-30 or 2027-06-30T18:00Z'],
    [['--role', 'viewer', '--expires', '2001-01-01'], '--expires must be in the future'],
  ]
  for (const [args, message] of refused) {
    await t.rejects(runCli(['token', 'create', '--name', 'refused', ...args], db.context()), { name: 'UsageError', message })
  }
  await t.rejects(runCli(['token', 'create', '--name', 'ci', '--role', 'viewer'], db.context()), {
    name: 'DbError',
    message: 'a token with this name already exists',
  })
  t.strictSame(
    (await db.sql`SELECT name FROM api_token ORDER BY name`).map((row) => row.name),
    ['ci', 'eds'],
    'no refused one',
  )

  t.equal(await runCli(['token', 'revoke', 'eds'], db.context()), "token eds revoked (it was ed's, editor)")
  t.equal(await runCli(['token', 'revoke', 'eds'], db.context()), "token eds revoked (it was ed's, editor)", 'again')
  const [revoked] = await db.sql`SELECT revoked_at FROM api_token WHERE name = 'eds'`
  t.type(revoked?.revoked_at, Date, 'the row stays, revoked')
  await t.rejects(runCli(['token', 'revoke', 'nothing'], db.context()), {
    name: 'UsageError',
    message: 'there is no token nothing',
  })
})

t.test('setup: a new database gets the tables, the example data when asked, and the first admin', async (t) => {
  const url = newDatabaseUrl(t)
  const lines = (await runCli(['setup', '--example-data'], contextOn(url))).split('\n')
  t.match(lines, [
    `${APPLIED_ALL}: created the tables and the example data`,
    'created the first user: admin',
    /^ {2}sign in as admin with the password: [\w-]{22}$/,
    /^ {2}\(shown this once; /,
  ])
  const password = (lines[2] as string).split(': ')[1] as string
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  t.teardown(() => sql.end({ timeout: 5 }))
  const [admin] =
    await sql`SELECT role, password_hash, (SELECT count(*)::int FROM site) AS sites FROM account WHERE name = 'admin'`
  t.equal(admin?.role, 'admin')
  t.equal(await verifyPassword(password, admin?.password_hash), true, 'the password printed signs in')
  t.ok((admin?.sites as number) > 0, 'the example sites')
  t.equal(
    await runCli(['setup'], contextOn(url)),
    `database schema up to date (version ${LATEST_VERSION})`,
    'a second time: nothing to do',
  )
})

t.test('setup without --example-data leaves the tables empty', async (t) => {
  const url = newDatabaseUrl(t)
  t.match(await runCli(['setup'], contextOn(url)), `${APPLIED_ALL}: created the tables\ncreated the first user: admin\n`)
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  t.teardown(() => sql.end({ timeout: 5 }))
  t.strictSame(
    [...(await sql`SELECT (SELECT count(*)::int FROM site) AS sites, (SELECT count(*)::int FROM account) AS users`)],
    [{ sites: 0, users: 1 }],
  )
})
