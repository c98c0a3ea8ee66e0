import { createHash } from 'node:crypto'
import t from 'tap'
import { createAccount, updateAccount } from '../src/accounts/accounts.js'
import {
  createApiToken,
  findTokenActor,
  listApiTokens,
  revokeApiToken,
  tokenRoleRefusal,
  touchApiToken,
} from '../src/accounts/api-tokens.js'
import { newSecret, secretHash } from '../src/accounts/secrets.js'
import { accountsDatabase } from './accounts-database.js'

const pool = await accountsDatabase(t)
const PASSWORD = 'a long enough password'
const admin = await createAccount(pool, { name: 'root', role: 'admin', password: PASSWORD })
const editor = await createAccount(pool, { name: 'ed', role: 'editor', password: PASSWORD })

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex')

t.test('secrets: 256 random bits after their prefix, kept as their SHA-256', async (t) => {
  t.match(newSecret(), /^[\w-]{43}$/)
  t.match(newSecret('lt_'), /^lt_[\w-]{43}$/)
  t.not(newSecret(), newSecret())
  t.equal(secretHash('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
})

t.test('a new token: its secret in the answer once, only its SHA-256 in the database', async (t) => {
  const created = await createApiToken(pool, { name: 'ci', role: 'editor', account: admin })
  t.match(created, {
    id: Number,
    name: 'ci',
    user: 'root',
    role: 'editor',
    created_at: Date,
    expires_at: null,
    last_used_at: null,
    revoked_at: null,
    token: /^lt_[\w-]{43}$/,
  })
  const { rows } = await pool.query('SELECT * FROM api_token WHERE id = $1', [created.id])
  t.equal(rows[0].token_hash, hashOf(created.token), 'the SHA-256 of the secret, in hex')
  t.notOk(
    Object.values(rows[0]).some((value) => String(value).includes(created.token.slice(3))),
    'the secret is in no column',
  )
  const again = await createApiToken(pool, { name: 'ci-2', role: 'editor', account: admin })
  t.not(again.token, created.token, 'every token its own secret')

  const until = new Date(Date.now() + 86_400_000)
  t.match(await createApiToken(pool, { name: 'dated', role: 'viewer', account: editor, expiresAt: until }), {
    user: 'ed',
    expires_at: until,
  })
  t.match(
    await createApiToken(pool, { name: 'dated-text', role: 'viewer', account: editor, expiresAt: '2099-01-02T03:04:05Z' }),
    {
      expires_at: new Date('2099-01-02T03:04:05Z'),
    },
  )
  await t.rejects(createApiToken(pool, { name: 'ci', role: 'viewer', account: admin }), {
    name: 'DbError',
    code: 'LABTRACK_DB_CONFLICT',
    message: 'a token with this name already exists',
  })
  await t.rejects(createApiToken(pool, { name: 'bad name', role: 'viewer', account: admin }), { code: 'LABTRACK_DB_BAD_INPUT' })
})

t.test('findTokenActor: a live token and who it acts for; a revoked or expired one is nobody', async (t) => {
  const live = await createApiToken(pool, { name: 'live', role: 'editor', account: editor })
  t.strictSame(await findTokenActor(pool, live.token), {
    tokenId: live.id,
    token: 'live',
    name: 'ed',
    accountId: editor.id,
    role: 'editor',
    lastUsedAt: null,
    expiresAt: null,
  })
  t.equal(await findTokenActor(pool, newSecret('lt_')), undefined, 'an unknown secret')
  t.equal(await findTokenActor(pool, live.token.slice(0, -1)), undefined, 'a secret one character short')

  const revoked = await createApiToken(pool, { name: 'revoked', role: 'viewer', account: editor })
  await revokeApiToken(pool, { id: revoked.id })
  t.equal(await findTokenActor(pool, revoked.token), undefined, 'revoked')

  const expired = await createApiToken(pool, {
    name: 'expired',
    role: 'viewer',
    account: editor,
    expiresAt: new Date(Date.now() + 60_000),
  })
  t.ok(await findTokenActor(pool, expired.token), 'before its end')
  await pool.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [expired.id])
  t.equal(await findTokenActor(pool, expired.token), undefined, 'past its end')
})

t.test("a token may do what the lower of its own role and its user's allows, its user's role as it is now", async (t) => {
  const user = await createAccount(pool, { name: 'demoted', role: 'admin', password: PASSWORD })
  const strong = await createApiToken(pool, { name: 'strong', role: 'admin', account: user })
  const weak = await createApiToken(pool, { name: 'weak', role: 'viewer', account: user })
  t.match(await findTokenActor(pool, strong.token), { role: 'admin' })
  t.match(await findTokenActor(pool, weak.token), { role: 'viewer' }, 'a viewer token of an admin')
  await updateAccount(pool, user.id, { role: 'editor' })
  t.match(await findTokenActor(pool, strong.token), { role: 'editor' }, 'an admin token of a user now editor')
  t.match(await findTokenActor(pool, weak.token), { role: 'viewer' })
})

t.test('touchApiToken records the last use', async (t) => {
  const used = await createApiToken(pool, { name: 'used', role: 'viewer', account: editor })
  await touchApiToken(pool, used.id)
  const actor = await findTokenActor(pool, used.token)
  t.type(actor?.lastUsedAt, Date)
  const { rows } = await pool.query('SELECT last_used_at <= now() AS past FROM api_token WHERE id = $1', [used.id])
  t.equal(rows[0].past, true)
  t.match((await revokeApiToken(pool, { id: used.id }))?.last_used_at, Date, 'and the listing shows it')
})

t.test('tokenRoleRefusal: no token above its user, said with the right article', async (t) => {
  t.equal(tokenRoleRefusal({ name: 'root', role: 'admin' }, 'admin'), undefined)
  t.equal(tokenRoleRefusal({ name: 'root', role: 'admin' }, 'viewer'), undefined)
  t.equal(tokenRoleRefusal({ name: 'ed', role: 'editor' }, 'editor'), undefined)
  t.equal(
    tokenRoleRefusal({ name: 'ed', role: 'editor' }, 'admin'),
    'a token cannot have a higher role than its user: ed is an editor',
  )
  t.equal(
    tokenRoleRefusal({ name: 'vi', role: 'viewer' }, 'editor'),
    'a token cannot have a higher role than its user: vi is a viewer',
  )
})

t.test('listApiTokens: by name, a page at a time, with the user of each and never a secret', async (t) => {
  const { rows: all, hasMore } = await listApiTokens(pool, { limit: 100, offset: 0 })
  t.equal(hasMore, false)
  const names = all.map((token) => token.name)
  t.strictSame(names, [...names].sort(), 'in name order')
  t.ok(
    all.every((token) => !('token' in token) && !('token_hash' in token)),
    'no secret nor hash',
  )
  t.match(
    all.find((token) => token.name === 'live'),
    { user: 'ed', role: 'editor' },
  )
  const first = await listApiTokens(pool, { limit: 2, offset: 0 })
  t.strictSame(
    first.rows.map((token) => token.name),
    names.slice(0, 2),
  )
  t.equal(first.hasMore, true)
  const last = await listApiTokens(pool, { limit: 2, offset: names.length - 1 })
  t.strictSame(
    last.rows.map((token) => token.name),
    names.slice(-1),
  )
  t.equal(last.hasMore, false)
})

t.test('revokeApiToken by id or by name keeps the row with when it was revoked', async (t) => {
  const byId = await createApiToken(pool, { name: 'by-id', role: 'viewer', account: admin })
  const byName = await createApiToken(pool, { name: 'by-name', role: 'editor', account: admin })
  const revoked = await revokeApiToken(pool, { id: byId.id })
  const { token: _secret, ...row } = byId
  t.match(revoked, { ...row, revoked_at: Date })
  t.match(await revokeApiToken(pool, { name: 'by-name' }), { id: byName.id, name: 'by-name', user: 'root', revoked_at: Date })

  const again = await revokeApiToken(pool, { name: 'by-id' })
  t.strictSame(again?.revoked_at, revoked?.revoked_at, 'a second time keeps the first time')
  const { rows } = await pool.query('SELECT name, revoked_at FROM api_token WHERE id = ANY($1) ORDER BY name', [
    [byId.id, byName.id],
  ])
  t.match(
    rows,
    [
      { name: 'by-id', revoked_at: Date },
      { name: 'by-name', revoked_at: Date },
    ],
    'the rows stay',
  )

  t.equal(await revokeApiToken(pool, { id: 999_999 }), undefined)
  t.equal(await revokeApiToken(pool, { name: 'no-such-token' }), undefined)
})
