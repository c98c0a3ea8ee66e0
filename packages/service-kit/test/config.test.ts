import t from 'tap'
import { ConfigError, loadConfig } from '../src/config.js'

t.test('defaults: HOST 127.0.0.1, LOG_LEVEL info, the launcher PORT', async (t) => {
  t.strictSame(loadConfig({}, { PORT: 3001 }), { PORT: 3001, HOST: '127.0.0.1', LOG_LEVEL: 'info' })
})

t.test('reads and coerces the environment', async (t) => {
  const config = loadConfig(
    { PORT: '8080', HOST: '0.0.0.0', LOG_LEVEL: 'debug', DATABASE_URL: 'postgresql://u:p@db:5432/labtrack', OTHER: 'x' },
    { PORT: 3001 },
  )
  t.equal(config.PORT, 8080)
  t.equal(config.HOST, '0.0.0.0')
  t.equal(config.LOG_LEVEL, 'debug')
  t.equal(config.DATABASE_URL, 'postgresql://u:p@db:5432/labtrack')
})

t.test('a bad value is a one-line ConfigError naming it', async (t) => {
  const cases: [Record<string, string>, RegExp][] = [
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ HOST: '' }, /HOST/],
  ]
  for (const [env, pattern] of cases) {
    const error = t.throws(() => loadConfig(env, { PORT: 1 })) as Error
    t.type(error, ConfigError)
    t.match(error.message, pattern)
    t.match(error.message, /^invalid configuration: /)
    t.notMatch(error.message, /\n/)
  }
})
