import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import {
  GATEWAY_TEMPLATE,
  gatewayLimits,
  LIMIT_DEFAULTS,
  LIMIT_VARIABLES,
  retryAfterSeconds,
  writeStackNginxConfig,
} from '../src/stack/nginx-config.js'

const template = await readFile(GATEWAY_TEMPLATE, 'utf8')
const dockerfile = await readFile(fileURLToPath(new URL('../../../nginx/Dockerfile', import.meta.url)), 'utf8')

t.test('Retry-After is the time one request takes at the rate', async (t) => {
  t.equal(retryAfterSeconds('10r/m'), 6)
  t.equal(retryAfterSeconds('7r/m'), 9, 'rounded up: earlier would be refused again')
  t.equal(retryAfterSeconds('120r/m'), 1)
  t.equal(retryAfterSeconds('1r/s'), 1)
  t.equal(retryAfterSeconds('20r/s'), 1)
  t.throws(() => retryAfterSeconds('10/m'), /10\/m is not an nginx rate/)
})

t.test('the limits: defaults, what an environment sets, and refusals of bad values', async (t) => {
  t.same(gatewayLimits({}), {
    LIMIT_SIGN_IN_RATE: '10r/m',
    LIMIT_SIGN_IN_BURST: '5',
    LIMIT_SIGN_IN_RETRY_AFTER: '6',
    LIMIT_WRITE_RATE: '20r/s',
    LIMIT_WRITE_BURST: '50',
    LIMIT_WRITE_RETRY_AFTER: '1',
  })
  t.same(Object.keys(gatewayLimits({})), [...LIMIT_VARIABLES])
  t.same(
    gatewayLimits({ LIMIT_SIGN_IN_RATE: '30r/m', LIMIT_SIGN_IN_BURST: '0', LIMIT_WRITE_RATE: '100r/s', LIMIT_WRITE_BURST: '' }),
    {
      LIMIT_SIGN_IN_RATE: '30r/m',
      LIMIT_SIGN_IN_BURST: '0',
      LIMIT_SIGN_IN_RETRY_AFTER: '2',
      LIMIT_WRITE_RATE: '100r/s',
      LIMIT_WRITE_BURST: '50',
      LIMIT_WRITE_RETRY_AFTER: '1',
    },
    'set values win, empty ones are the default',
  )
  t.throws(() => gatewayLimits({ LIMIT_SIGN_IN_RATE: '10' }), {
    message: 'invalid configuration: LIMIT_SIGN_IN_RATE=10 is not a rate such as 10r/m or 20r/s',
  })
  t.throws(() => gatewayLimits({ LIMIT_WRITE_RATE: '0r/s' }), /LIMIT_WRITE_RATE=0r\/s is not a rate/)
  t.throws(() => gatewayLimits({ LIMIT_WRITE_BURST: '-1' }), {
    message: 'invalid configuration: LIMIT_WRITE_BURST=-1 is not a number of requests',
  })
  t.throws(() => gatewayLimits({ LIMIT_SIGN_IN_BURST: '5; limit_req off' }), /LIMIT_SIGN_IN_BURST/)
})

t.test("the gateway image's defaults are the launcher's", async (t) => {
  const env = Object.fromEntries(
    [...dockerfile.matchAll(/^\s+(LIMIT_\w+)=(\S+?)(?: \\)?$/gm)].map(([, name, value]) => [name, value]),
  )
  t.same(env, gatewayLimits({}))
  t.same(Object.keys(LIMIT_DEFAULTS).length + 2, LIMIT_VARIABLES.length, 'two Retry-After values derived')
})

t.test('the template limits sign-in attempts and writes with these values', async (t) => {
  t.match(template, /limit_req_zone \$labtrack_sign_in_client zone=labtrack_sign_in:1m rate=\$\{LIMIT_SIGN_IN_RATE\};/)
  t.match(template, /limit_req_zone \$labtrack_write_client zone=labtrack_writes:1m rate=\$\{LIMIT_WRITE_RATE\};/)
  t.match(template, /limit_req zone=labtrack_sign_in burst=\$\{LIMIT_SIGN_IN_BURST\} nodelay;/)
  t.match(template, /limit_req zone=labtrack_writes burst=\$\{LIMIT_WRITE_BURST\} nodelay;/)
  t.match(template, /sign-in {2}\$\{LIMIT_SIGN_IN_RETRY_AFTER\};\s+default {2}\$\{LIMIT_WRITE_RETRY_AFTER\};/)
})

t.test('pnpm stack renders the limits of its environment', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'labtrack-limits-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  const values = {
    LISTEN: '127.0.0.1:5000',
    WEB_ROOT: '/srv/ui',
    SITE_UPSTREAM: '127.0.0.1:3001',
    INVENTORY_UPSTREAM: '127.0.0.1:3002',
    COMPUTER_UPSTREAM: '127.0.0.1:3003',
  }
  await writeStackNginxConfig({ runDir: dir, values, env: { LIMIT_SIGN_IN_RATE: '600r/m', LIMIT_WRITE_BURST: '5000' } })
  const rendered = await readFile(join(dir, 'labtrack.conf'), 'utf8')
  t.match(rendered, /zone=labtrack_sign_in:1m rate=600r\/m;/)
  t.match(rendered, /sign-in {2}1;/, 'its Retry-After follows the rate')
  t.match(rendered, /limit_req zone=labtrack_writes burst=5000 nodelay;/)
  t.match(rendered, /zone=labtrack_writes:1m rate=20r\/s;/, 'the default for what it leaves out')
  await t.rejects(writeStackNginxConfig({ runDir: dir, values, env: { LIMIT_WRITE_RATE: 'fast' } }), /LIMIT_WRITE_RATE=fast/)
})
