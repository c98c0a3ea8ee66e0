import t from 'tap'
import {
  createAccount,
  deleteAccount,
  ensureFirstAdmin,
  findAccount,
  listAccounts,
  updateAccount,
} from '../src/accounts/accounts.js'
import { verifyPassword } from '../src/accounts/passwords.js'
import { type Queryable, statementText } from '../src/queryable.js'
import { accountsDatabase } from './accounts-database.js'

const PASSWORD = 'a long enough password'
const OTHER_PASSWORD = 'another long password'

const conflict = (message: RegExp) => ({ name: 'DbError', code: 'LABTRACK_DB_CONFLICT', message })

t.test('accounts: created, found by name, listed by name a page at a time', async (t) => {
  const pool = await accountsDatabase(t)
  const bob = await createAccount(pool, { name: 'bob', role: 'viewer', password: PASSWORD })
  t.match(bob, { id: Number, name: 'bob', role: 'viewer', created_at: Date })
  t.notOk('password_hash' in bob, 'the hash is not in the answer')
  await createAccount(pool, { name: 'alice', role: 'editor', password: PASSWORD })
  await createAccount(pool, { name: 'carol', role: 'admin', password: PASSWORD })

  const found = await findAccount(pool, 'bob')
  t.match(found, { ...bob, password_hash: /^scrypt\$/ })
  t.equal(await verifyPassword(PASSWORD, found?.password_hash as string), true, 'the stored hash is of the password given')
  t.equal(await findAccount(pool, 'BOB'), undefined, 'names are case-sensitive')
  t.equal(await findAccount(pool, 'nobody'), undefined)

  const names = async (limit: number, offset: number) => {
    const { rows, hasMore } = await listAccounts(pool, { limit, offset })
    return { names: rows.map((row) => row.name), hasMore }
  }
  t.strictSame(await names(10, 0), { names: ['alice', 'bob', 'carol'], hasMore: false }, 'by name')
  t.strictSame(await names(2, 0), { names: ['alice', 'bob'], hasMore: true })
  t.strictSame(await names(2, 2), { names: ['carol'], hasMore: false })
  t.strictSame(await names(2, 3), { names: [], hasMore: false })
  t.notOk('password_hash' in ((await listAccounts(pool, { limit: 1, offset: 0 })).rows[0] ?? {}), 'no hashes in the list')
})

t.test('createAccount refuses a name that is taken or that the table does not allow', async (t) => {
  const pool = await accountsDatabase(t)
  await createAccount(pool, { name: 'dup', role: 'viewer', password: PASSWORD })
  await t.rejects(
    createAccount(pool, { name: 'dup', role: 'admin', password: PASSWORD }),
    conflict(/^a user with this name already exists$/),
  )
  for (const name of ['', '-leading-dash', 'with space', 'x'.repeat(65), 'semi;colon', 'é']) {
    await t.rejects(
      createAccount(pool, { name, role: 'viewer', password: PASSWORD }),
      { name: 'DbError', code: 'LABTRACK_DB_BAD_INPUT' },
      JSON.stringify(name),
    )
  }
  t.ok(await createAccount(pool, { name: `a${'x'.repeat(63)}`, role: 'viewer', password: PASSWORD }), '64 characters is allowed')
  t.ok(await createAccount(pool, { name: 'a_b.c@d-e', role: 'viewer', password: PASSWORD }))
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM account')
  t.equal(rows[0].n, 3, 'the refused ones left no row')
})

t.test('updateAccount changes the role or the password; a new password ends the sessions', async (t) => {
  const pool = await accountsDatabase(t)
  await createAccount(pool, { name: 'root', role: 'admin', password: PASSWORD })
  const dana = await createAccount(pool, { name: 'dana', role: 'viewer', password: PASSWORD })
  const sessions = async () =>
    (await pool.query('SELECT count(*)::int AS n FROM account_session WHERE account_id = $1', [dana.id])).rows[0].n
  await pool.query(`INSERT INTO account_session (id_hash, account_id, expires_at) VALUES ('s1', $1, now() + interval '1 hour')`, [
    dana.id,
  ])

  t.strictSame(await updateAccount(pool, dana.id, { role: 'editor' }), { ...dana, role: 'editor' })
  t.equal(await sessions(), 1, 'a role change keeps the sessions')
  t.equal(await verifyPassword(PASSWORD, (await findAccount(pool, 'dana'))?.password_hash as string), true, 'and the password')

  t.strictSame(await updateAccount(pool, dana.id, { password: OTHER_PASSWORD }), { ...dana, role: 'editor' })
  const hash = (await findAccount(pool, 'dana'))?.password_hash as string
  t.equal(await verifyPassword(OTHER_PASSWORD, hash), true, 'the new password signs in')
  t.equal(await verifyPassword(PASSWORD, hash), false, 'the old one no longer')
  t.equal(await sessions(), 0, 'the sessions ended')

  t.strictSame(
    await updateAccount(pool, dana.id, { role: 'admin', password: PASSWORD }),
    { ...dana, role: 'admin' },
    'both at once',
  )
  t.equal(await updateAccount(pool, 999_999, { role: 'viewer' }), undefined, 'no such account')
  t.equal(await updateAccount(pool, 999_999, { password: PASSWORD }), undefined, 'no such account, a password')
})

t.test('the last admin can be neither demoted nor deleted', async (t) => {
  const pool = await accountsDatabase(t)
  const first = await createAccount(pool, { name: 'first', role: 'admin', password: PASSWORD })
  const LAST = /^the last admin cannot be removed or demoted; make another user admin first$/
  await t.rejects(updateAccount(pool, first.id, { role: 'editor' }), conflict(LAST), 'demoted')
  await t.rejects(deleteAccount(pool, first.id), conflict(LAST), 'deleted')
  t.strictSame(await updateAccount(pool, first.id, { role: 'admin' }), first, 'staying admin is fine')
  t.ok(await updateAccount(pool, first.id, { password: OTHER_PASSWORD }), 'so is a new password')

  const second = await createAccount(pool, { name: 'second', role: 'admin', password: PASSWORD })
  t.strictSame(await updateAccount(pool, first.id, { role: 'viewer' }), { ...first, role: 'viewer' }, 'with another admin it may')
  await t.rejects(updateAccount(pool, second.id, { role: 'viewer' }), conflict(LAST), 'now second is the last')
  await t.rejects(deleteAccount(pool, second.id), conflict(LAST))
  t.equal(await deleteAccount(pool, first.id), true, 'a viewer can go')
  t.match(await findAccount(pool, 'second'), { role: 'admin' })
})

t.test('deleteAccount removes the account with its tokens and sessions; false when there is none', async (t) => {
  const pool = await accountsDatabase(t)
  await createAccount(pool, { name: 'keeper', role: 'admin', password: PASSWORD })
  const gone = await createAccount(pool, { name: 'gone', role: 'editor', password: PASSWORD })
  await pool.query(`INSERT INTO account_session (id_hash, account_id, expires_at) VALUES ('s', $1, now() + interval '1 hour')`, [
    gone.id,
  ])
  await pool.query(`INSERT INTO api_token (name, account_id, role, token_hash) VALUES ('t', $1, 'editor', 'h')`, [gone.id])
  t.equal(await deleteAccount(pool, gone.id), true)
  t.equal(await findAccount(pool, 'gone'), undefined)
  const { rows } = await pool.query(
    'SELECT (SELECT count(*) FROM account_session)::int AS sessions, (SELECT count(*) FROM api_token)::int AS tokens',
  )
  t.strictSame(rows[0], { sessions: 0, tokens: 0 })
  t.equal(await deleteAccount(pool, gone.id), false, 'a second time')
  t.equal(await deleteAccount(pool, 999_999), false)
})

t.test('ensureFirstAdmin', async (t) => {
  const neverCalled = () => t.fail('no password is generated when one is given') as never

  t.test('creates admin with the given password on a database without accounts, once', async (t) => {
    const pool = await accountsDatabase(t)
    t.strictSame(await ensureFirstAdmin(pool, PASSWORD, neverCalled), { name: 'admin', password: PASSWORD, generated: false })
    const admin = await findAccount(pool, 'admin')
    t.match(admin, { name: 'admin', role: 'admin' })
    t.equal(await verifyPassword(PASSWORD, admin?.password_hash as string), true)
    t.equal(await ensureFirstAdmin(pool, OTHER_PASSWORD, neverCalled), undefined, 'accounts exist: nothing changes')
    t.equal(await verifyPassword(PASSWORD, (await findAccount(pool, 'admin'))?.password_hash as string), true)
  })

  t.test('with a generated password when none is given', async (t) => {
    const pool = await accountsDatabase(t)
    const created = await ensureFirstAdmin(pool, undefined, () => 'generated-password-xyz')
    t.strictSame(created, { name: 'admin', password: 'generated-password-xyz', generated: true })
    t.equal(await verifyPassword('generated-password-xyz', (await findAccount(pool, 'admin'))?.password_hash as string), true)
  })

  t.test('nothing when any account exists, even one not named admin', async (t) => {
    const pool = await accountsDatabase(t)
    await createAccount(pool, { name: 'someone', role: 'viewer', password: PASSWORD })
    t.equal(await ensureFirstAdmin(pool, PASSWORD, neverCalled), undefined)
    t.equal(await findAccount(pool, 'admin'), undefined)
  })

  t.test('two at once create one admin between them', async (t) => {
    const pool = await accountsDatabase(t, 4)
    const results = await Promise.all([
      ensureFirstAdmin(pool, PASSWORD, neverCalled),
      ensureFirstAdmin(pool, OTHER_PASSWORD, neverCalled),
    ])
    t.equal(results.filter(Boolean).length, 1, 'one says it created it')
    const { rows } = await pool.query('SELECT name FROM account')
    t.strictSame(rows, [{ name: 'admin' }])
    const winner = results.find(Boolean)?.password as string
    t.equal(
      await verifyPassword(winner, (await findAccount(pool, 'admin'))?.password_hash as string),
      true,
      "the winner's password",
    )
  })

  t.test('an account created between its check and its insert wins', async (t) => {
    const pool = await accountsDatabase(t)
    // Another process creates an account just before this one inserts.
    const racing: Queryable = {
      query: async (text, values) => {
        if (statementText(text).includes('INSERT')) {
          await pool.query(`INSERT INTO account (name, role, password_hash) VALUES ('other', 'admin', 'none')`)
        }
        return pool.query(text as string, values)
      },
    }
    t.equal(await ensureFirstAdmin(racing, PASSWORD, neverCalled), undefined)
    const { rows } = await pool.query('SELECT name FROM account')
    t.strictSame(rows, [{ name: 'other' }])
  })
})
