import t from 'tap'
import { createAccount, updateAccount } from '../src/accounts/accounts.js'
import { secretHash } from '../src/accounts/secrets.js'
import { createSession, endSession, findSessionActor, touchSession } from '../src/accounts/sessions.js'
import { accountsDatabase } from './accounts-database.js'

const pool = await accountsDatabase(t)
const user = await createAccount(pool, { name: 'sam', role: 'editor', password: 'a long enough password' })
const LIMITS = { idleSeconds: 600, maxSeconds: 3600 }

const row = async (id: string) => (await pool.query('SELECT * FROM account_session WHERE id_hash = $1', [secretHash(id)])).rows[0]
/** Moves a session's clock: how long ago it was last used, and how long until its end (negative: past). */
const age = (id: string, idleFor: number, endsIn: number) =>
  pool.query(
    `UPDATE account_session SET last_seen_at = now() - make_interval(secs => $2), expires_at = now() + make_interval(secs => $3)
     WHERE id_hash = $1`,
    [secretHash(id), idleFor, endsIn],
  )

t.test('createSession: an id for the cookie, only its hash stored, its end maxSeconds away', async (t) => {
  const { id, expiresAt } = await createSession(pool, user.id, LIMITS)
  t.match(id, /^[\w-]{43}$/)
  const stored = await row(id)
  t.match(stored, { account_id: user.id, id_hash: secretHash(id) })
  t.notOk(
    Object.values(stored).some((value) => String(value).includes(id)),
    'the id is in no column',
  )
  t.strictSame(expiresAt, stored.expires_at)
  const { rows } = await pool.query('SELECT expires_at - created_at AS span FROM account_session WHERE id_hash = $1', [
    secretHash(id),
  ])
  t.match(rows[0].span, { hours: 1 }, 'one hour (maxSeconds) after its start')
  t.not((await createSession(pool, user.id, LIMITS)).id, id, 'each session its own id')
})

t.test('findSessionActor: a live session and whose it is, with the role as it is now', async (t) => {
  const { id } = await createSession(pool, user.id, LIMITS)
  t.match(await findSessionActor(pool, id, LIMITS.idleSeconds), {
    name: 'sam',
    accountId: user.id,
    role: 'editor',
    lastSeenAt: Date,
    expiresAt: Date,
  })
  await createAccount(pool, { name: 'boss', role: 'admin', password: 'a long enough password' })
  await updateAccount(pool, user.id, { role: 'viewer' })
  t.match(await findSessionActor(pool, id, LIMITS.idleSeconds), { role: 'viewer' })
  t.equal(await findSessionActor(pool, 'not-a-session', LIMITS.idleSeconds), undefined)
})

t.test('a session idle too long or past its end is nobody', async (t) => {
  const { id } = await createSession(pool, user.id, LIMITS)
  await age(id, 599, 60)
  t.ok(await findSessionActor(pool, id, 600), 'idle a little less than allowed')
  t.equal(await findSessionActor(pool, id, 500), undefined, 'idle longer than allowed')
  await age(id, 0, -1)
  t.equal(await findSessionActor(pool, id, 600), undefined, 'used just now, but past its end')
})

t.test('touchSession starts its idle time again', async (t) => {
  const { id } = await createSession(pool, user.id, LIMITS)
  await age(id, 300, 60)
  t.equal(await findSessionActor(pool, id, 200), undefined, 'idle 300 s, 200 allowed')
  await touchSession(pool, id)
  t.ok(await findSessionActor(pool, id, 200), 'used again: live')
  const { rows } = await pool.query(
    "SELECT now() - last_seen_at < interval '10 seconds' AS fresh FROM account_session WHERE id_hash = $1",
    [secretHash(id)],
  )
  t.equal(rows[0].fresh, true)
})

t.test('endSession ends that session and no other', async (t) => {
  const ending = await createSession(pool, user.id, LIMITS)
  const other = await createSession(pool, user.id, LIMITS)
  await endSession(pool, ending.id)
  t.equal(await row(ending.id), undefined, 'its row is gone')
  t.equal(await findSessionActor(pool, ending.id, LIMITS.idleSeconds), undefined)
  t.ok(await findSessionActor(pool, other.id, LIMITS.idleSeconds))
  await endSession(pool, ending.id)
  t.pass('ending it again is harmless')
})

t.test('a sign-in clears the sessions that ended, and leaves the live ones', async (t) => {
  const idle = await createSession(pool, user.id, LIMITS)
  const over = await createSession(pool, user.id, LIMITS)
  const live = await createSession(pool, user.id, LIMITS)
  await age(idle.id, 601, 60)
  await age(over.id, 0, -1)
  await age(live.id, 10, 60)
  await createSession(pool, user.id, LIMITS)
  t.equal(await row(idle.id), undefined, 'idle longer than idleSeconds')
  t.equal(await row(over.id), undefined, 'past its end')
  t.ok(await row(live.id), 'live')
})
