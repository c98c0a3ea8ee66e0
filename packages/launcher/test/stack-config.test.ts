import { resolve } from 'node:path'
import { ConfigError } from '@labtrack/service-kit'
import t from 'tap'
import { stackOptionsFromCommandLine, stackOptionsFromEnv } from '../src/stack/config.js'

// pnpm stack's environment, read through the shared loader (TypeBox schema + env-schema).

t.test('without settings: the gateway on 127.0.0.1:5000, the services on 3001-3003, LOG_LEVEL info', async (t) => {
  t.same(stackOptionsFromEnv({ PATH: '/usr/bin', HOME: '/root' }), {
    port: 5000,
    host: '127.0.0.1',
    servicePorts: { site: 3001, inventory: 3002, computer: 3003 },
    replicas: 1,
    logLevel: 'info',
  })
})

t.test('every setting is read, numbers as numbers and paths made absolute', async (t) => {
  const env = {
    PORT: '0',
    HOST: '0.0.0.0',
    SITE_PORT: '4001',
    INVENTORY_PORT: '4002',
    COMPUTER_PORT: '0',
    LOG_LEVEL: 'warn',
    DATABASE_URL: 'postgres://labtrack:secret@127.0.0.1:5432/labtrack',
    WEB_ROOT: 'packages/web/dist',
    STACK_LOG_FILE: '.data/stack.log',
    STACK_REPLICAS: '3',
    METRICS_PORT: '9464',
  }
  t.same(stackOptionsFromEnv(env), {
    port: 0,
    host: '0.0.0.0',
    servicePorts: { site: 4001, inventory: 4002, computer: 0 },
    replicas: 3,
    metricsPort: 9464,
    logLevel: 'warn',
    databaseUrl: env.DATABASE_URL,
    staticRoot: resolve('packages/web/dist'),
    logFile: resolve('.data/stack.log'),
  })
})

t.test('a bad value stops the start with one line naming the variable', async (t) => {
  const cases: [NodeJS.ProcessEnv, RegExp][] = [
    [{ PORT: '70000' }, /PORT must be <= 65535/],
    [{ PORT: '' }, /PORT must be integer/],
    [{ INVENTORY_PORT: 'abc' }, /INVENTORY_PORT must be integer/],
    [{ HOST: '127.0.0.1; include /etc/passwd' }, /HOST must match pattern/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must/],
    [{ DATABASE_URL: 'mysql://localhost/labtrack' }, /DATABASE_URL must match pattern/],
    [{ WEB_ROOT: '' }, /WEB_ROOT must NOT have fewer than 1 characters/],
    [{ STACK_REPLICAS: '0' }, /STACK_REPLICAS must be >= 1/],
    [{ STACK_REPLICAS: '11' }, /STACK_REPLICAS must be <= 10/],
    [{ STACK_REPLICAS: 'two' }, /STACK_REPLICAS must be integer/],
    [{ METRICS_PORT: '65536' }, /METRICS_PORT must be <= 65535/],
    [{ METRICS_PORT: 'on' }, /METRICS_PORT must be integer/],
  ]
  for (const [env, message] of cases) {
    const error = t.throws(() => stackOptionsFromEnv(env), ConfigError) as Error
    t.match(error.message, /^invalid configuration: /)
    t.match(error.message, message)
    t.notMatch(error.message, /\n/, 'one line')
  }
})

t.test('pnpm stack --replicas N: the command line over the environment, checked alike', async (t) => {
  t.equal(stackOptionsFromCommandLine(['--replicas', '2'], { STACK_REPLICAS: '4' }).replicas, 2)
  t.equal(stackOptionsFromCommandLine(['--replicas=3'], {}).replicas, 3)
  t.equal(stackOptionsFromCommandLine([], { STACK_REPLICAS: '4' }).replicas, 4, 'without the option: the environment')
  t.throws(() => stackOptionsFromCommandLine(['--replicas', '0'], {}), /STACK_REPLICAS must be >= 1/)
  t.throws(() => stackOptionsFromCommandLine(['--replica', '2'], {}), /Unknown option '--replica'/)
})
