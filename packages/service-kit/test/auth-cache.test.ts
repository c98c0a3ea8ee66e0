import { type Queryable, type Statement, statementText } from '@labtrack/db'
import t from 'tap'
import { CredentialCache } from '../src/auth/credential-cache.js'
import { type Checked, CredentialChecker } from '../src/auth/credentials.js'

// The cache of checked credentials on its own and inside the checker, with a
// clock of the test's own and a stand-in database that counts the lookups.

/** A clock the test moves. */
function clock(start = 1_000_000) {
  let now = start
  return { now: () => now, advance: (ms: number) => (now += ms) }
}

t.test('cache: nothing is kept while it is not trusted, and trusting or distrusting forgets', async (t) => {
  const cache = new CredentialCache<string>(10, 5000)
  cache.set(cache.ticket(), 'k', 'v', Number.POSITIVE_INFINITY)
  t.equal(cache.get('k'), undefined, 'not trusted: not kept')
  cache.setTrusted(true)
  cache.set(cache.ticket(), 'k', 'v', Number.POSITIVE_INFINITY)
  t.equal(cache.get('k'), 'v', 'trusted: kept')
  cache.setTrusted(false)
  t.equal(cache.get('k'), undefined, 'distrusted: forgotten')
  cache.setTrusted(true)
  t.equal(cache.get('k'), undefined, 'trusted again: still forgotten')
})

t.test('cache: an entry lives the TTL at most, or less when the credential ends sooner', async (t) => {
  const time = clock()
  const cache = new CredentialCache<string>(10, 5000, time.now)
  cache.setTrusted(true)
  cache.set(cache.ticket(), 'long', 'a', Number.POSITIVE_INFINITY)
  cache.set(cache.ticket(), 'short', 'b', time.now() + 1000)
  time.advance(999)
  t.equal(cache.get('short'), 'b', 'before its end')
  time.advance(1)
  t.equal(cache.get('short'), undefined, 'at its end')
  time.advance(3999)
  t.equal(cache.get('long'), 'a', 'within the TTL')
  time.advance(1)
  t.equal(cache.get('long'), undefined, 'after the TTL')
})

/** A trusted cache of two entries, each key kept as its own value, and what it holds of some keys. */
function twoEntries(now?: () => number) {
  const cache = new CredentialCache<string>(2, 5000, now)
  cache.setTrusted(true)
  const keep = (key: string) => cache.set(cache.ticket(), key, key, Number.POSITIVE_INFINITY)
  const held = (...keys: string[]) => keys.map((key) => cache.get(key))
  return { cache, keep, held }
}

t.test('cache: the bound evicts the least recently used', async (t) => {
  const { cache, keep, held } = twoEntries()
  keep('a')
  keep('b')
  t.equal(cache.get('a'), 'a', 'a used: b is now the oldest')
  keep('c')
  t.same(held('a', 'b', 'c'), ['a', undefined, 'c'], 'b evicted')
  keep('c')
  keep('d')
  t.equal(cache.get('a'), undefined, 'keeping c again made it the newest: a went')
})

t.test('cache: hits on the newest entry, after a clear or an expiry, keep the order of use', async (t) => {
  const time = clock()
  const { cache, keep, held } = twoEntries(time.now)
  keep('a')
  keep('b')
  t.equal(cache.get('b'), 'b')
  t.equal(cache.get('b'), 'b', 'the newest, used again')
  keep('c')
  t.same(held('a', 'b', 'c'), [undefined, 'b', 'c'], 'a was the least recently used')
  cache.clear()
  keep('d')
  t.equal(cache.get('c'), undefined, 'a clear forgets the newest too')
  keep('e')
  t.equal(cache.get('d'), 'd', 'd used: e is the oldest now')
  keep('f')
  t.same(held('d', 'e', 'f'), ['d', undefined, 'f'])
  time.advance(6000)
  t.equal(cache.get('f'), undefined, 'the newest expired')
  time.advance(-6000) // back, so that d is evicted below, not expired
  keep('g')
  keep('h')
  t.same(held('d', 'g', 'h'), [undefined, 'g', 'h'], 'the expired newest left no trace in the order')
})

t.test('cache: what a lookup under way finds is dropped when the cache was cleared meanwhile', async (t) => {
  const cache = new CredentialCache<string>(10, 5000)
  cache.setTrusted(true)
  const ticket = cache.ticket()
  cache.clear()
  cache.set(ticket, 'k', 'stale', Number.POSITIVE_INFINITY)
  t.equal(cache.get('k'), undefined, 'cleared after the lookup began')
  const untrustedTicket = new CredentialCache<string>(10, 5000).ticket()
  t.equal(untrustedTicket, undefined, 'no ticket while untrusted')
})

/** A stand-in database: credential lookups answer `rows`, counted; touches counted apart. */
function countingDb(token: object | undefined, session: object | undefined) {
  const counts = { tokenLookups: 0, sessionLookups: 0, touches: 0 }
  const db: Queryable = {
    query: (async (statement: string | Statement) => {
      const text = statementText(statement)
      if (text.startsWith('UPDATE')) {
        counts.touches++
        return { rows: [] }
      }
      if (text.includes('api_token')) {
        counts.tokenLookups++
        return { rows: token ? [token] : [] }
      }
      counts.sessionLookups++
      return { rows: session ? [session] : [] }
    }) as never,
  }
  return { db, counts }
}

const HOUR = 3600_000
const tokenRow = (expires: Date | null, lastUsed: Date | null = new Date()) => ({
  id: 7,
  name: 'ci',
  role: 'editor',
  account_id: 1,
  user: 'ada',
  user_role: 'editor',
  last_used_at: lastUsed,
  expires_at: expires,
})
const sessionRow = (lastSeen: Date, expires: Date) => ({
  name: 'ada',
  account_id: 1,
  role: 'viewer',
  last_seen_at: lastSeen,
  expires_at: expires,
})

function checker(db: Queryable, cache: CredentialCache<Checked>, maxRemembered?: number) {
  return new CredentialChecker({
    db: () => db,
    idleSeconds: 3600,
    onTouchError: () => {},
    cache,
    ...(maxRemembered === undefined ? {} : { maxRemembered }),
  })
}

t.test('checker: a checked token is answered from the cache, without a lookup, until the TTL', async (t) => {
  const time = clock(Date.now())
  const cache = new CredentialCache<Checked>(10, 5000, time.now)
  cache.setTrusted(true)
  const { db, counts } = countingDb(tokenRow(null), undefined)
  const check = checker(db, cache)
  const token = { kind: 'token', secret: 'lt_cached' } as const
  const first = await check.actorFor(token)
  t.strictSame(first, { name: 'ada', accountId: 1, role: 'editor', via: 'token', token: 'ci' })
  t.strictSame(await check.actorFor(token), first, 'the same actor')
  t.equal(counts.tokenLookups, 1, 'looked up once')
  time.advance(5000)
  await check.actorFor(token)
  t.equal(counts.tokenLookups, 2, 'looked up again after the TTL')
  cache.clear()
  await check.actorFor(token)
  t.equal(counts.tokenLookups, 3, 'and after a change was heard of')
})

t.test("checker: an entry never outlives the token's expiry, nor a session's end or idle end", async (t) => {
  const time = clock(Date.now())
  const cache = new CredentialCache<Checked>(10, 5000, time.now)
  cache.setTrusted(true)
  const soon = new Date(time.now() + 1000)
  const { db, counts } = countingDb(tokenRow(soon), sessionRow(new Date(time.now() - HOUR + 2000), soon))
  const check = checker(db, cache)
  const token = { kind: 'token', secret: 'lt_expiring' } as const
  const session = { kind: 'session', id: 'ending' } as const
  await check.actorFor(token)
  await check.actorFor(session)
  await check.actorFor(token)
  await check.actorFor(session)
  t.same([counts.tokenLookups, counts.sessionLookups], [1, 1], 'cached before their ends')
  time.advance(1000)
  await check.actorFor(token)
  await check.actorFor(session)
  t.same([counts.tokenLookups, counts.sessionLookups], [2, 2], 'looked up again at the end')

  const idle = countingDb(undefined, sessionRow(new Date(time.now() - HOUR + 500), new Date(time.now() + HOUR)))
  const idleCheck = checker(idle.db, cache)
  await idleCheck.actorFor({ kind: 'session', id: 'idle' })
  time.advance(500)
  await idleCheck.actorFor({ kind: 'session', id: 'idle' })
  t.equal(idle.counts.sessionLookups, 2, 'a session about to be idle too long is cached only until then')
})

t.test('checker: a session answered from the cache still counts as used', async (t) => {
  const cache = new CredentialCache<Checked>(10, 5000)
  cache.setTrusted(true)
  const { db, counts } = countingDb(undefined, sessionRow(new Date(Date.now() - 120_000), new Date(Date.now() + HOUR)))
  // Nothing remembered of earlier touches: each use that finds the last one old records it.
  const check = checker(db, cache, 0)
  const session = { kind: 'session', id: 'in-use' } as const
  t.match(await check.actorFor(session), { name: 'ada', via: 'session' })
  t.match(await check.actorFor(session), { name: 'ada', via: 'session' })
  t.equal(counts.sessionLookups, 1, 'looked up once')
  t.equal(counts.touches, 2, 'its use recorded from the cache too')
})

t.test('checker: unknown credentials are never cached', async (t) => {
  const cache = new CredentialCache<Checked>(10, 5000)
  cache.setTrusted(true)
  const { db, counts } = countingDb(undefined, undefined)
  const check = checker(db, cache)
  for (let i = 0; i < 2; i++) {
    t.equal(await check.actorFor({ kind: 'token', secret: 'lt_unknown' }), null)
    t.equal(await check.actorFor({ kind: 'session', id: 'unknown' }), null)
  }
  t.same([counts.tokenLookups, counts.sessionLookups], [2, 2], 'each asked the database')
})
