import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

t.test(
  'defaults: HOST 127.0.0.1, LOG_LEVEL info, the launcher PORT, closed reads, bounded sessions, a short credential cache, pool and timeouts',
  async (t) => {
    t.strictSame(loadConfig({}, { PORT: 3001 }), {
      PORT: 3001,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      LABTRACK_PUBLIC_READS: false,
      LABTRACK_SESSION_IDLE_MINUTES: 120,
      LABTRACK_SESSION_MAX_HOURS: 12,
      LABTRACK_SIGN_IN_ATTEMPTS: 10,
      LABTRACK_CREDENTIAL_CACHE_SECONDS: 5,
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
      REQUEST_TIMEOUT_MS: 30_000,
    })
  },
)

t.test('reads and coerces the environment', async (t) => {
  const config = loadConfig(
    { PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://u:p@db:5432/labtrack', OTHER: 'x' },
    { PORT: 3001 },
  )
  t.equal(config.PORT, 8080)
  t.equal(config.HOST, '0.0.0.0')
  t.equal(config.LOG_LEVEL, 'debug')
  t.equal(config.DATABASE_URL, 'postgresql://u:p@db:5432/labtrack')
  const tuned = loadConfig(
    { LABTRACK_PUBLIC_READS: 'true', DATABASE_POOL_SIZE: '25', DATABASE_STATEMENT_TIMEOUT_MS: '0' },
    { PORT: 1 },
  )
  t.match(tuned, { LABTRACK_PUBLIC_READS: true, DATABASE_POOL_SIZE: 25, DATABASE_STATEMENT_TIMEOUT_MS: 0 })
})

t.test('a bad value is a one-line ConfigError naming it', async (t) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ HOST: '' }, /HOST/],
    [{ LABTRACK_PUBLIC_READS: 'maybe' }, /LABTRACK_PUBLIC_READS/],
    [{ DATABASE_POOL_SIZE: '0' }, /DATABASE_POOL_SIZE/],
    [{ LABTRACK_CREDENTIAL_CACHE_SECONDS: '61' }, /LABTRACK_CREDENTIAL_CACHE_SECONDS/],
    [{ REQUEST_TIMEOUT_MS: '10' }, /REQUEST_TIMEOUT_MS/],
  ]
  for (const [env, pattern] of cases) {
    const error = t.throws(() => loadConfig(env, { PORT: 1 })) as Error
    t.type(error, ConfigError)
    t.match(error.message, pattern)
    t.match(error.message, /^invalid configuration: /)
    t.notMatch(error.message, /\n/)
  }
})
