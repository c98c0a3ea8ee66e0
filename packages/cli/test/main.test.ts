import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { USAGE } from '../src/usage.js'
import { cliDatabase } from './cli-database.js'

// pnpm labtrack as a user runs it: a process of its own on DATABASE_URL, the password piped on stdin.
// Under the test runner's own loaders (process.execArgv), so its coverage counts; and once under tsx,
// as `pnpm labtrack` runs it, with tap's coverage of that process off: tap would merge tsx's
// compacted output with its own compilation of the same files, and the lines would be wrong both ways.
const NO_COVERAGE = { _TAPJS_PROCESSINFO_COVERAGE_: '0' }
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url))
// Fourteen processes, each compiling the command line under the test's loaders: 8 s each when the
// other test files load the machine, more in all than the suite's 120 s per file.
t.setTimeout(360_000)

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

function labtrack(url: string, args: string[], stdin = '', underTsx = false): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(underTsx ? ['--import', 'tsx'] : process.execArgv), MAIN, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: url, ...(underTsx ? NO_COVERAGE : {}) },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
    child.stdin.end(stdin)
  })
}

t.test('pnpm labtrack end to end: exit codes 0, 1 and 2, and what goes where', async (t) => {
  const db = await cliDatabase(t)

  t.strictSame(await labtrack(db.url, ['user', 'add', 'alice', '--role', 'admin'], 'a long enough password\n'), {
    code: 0,
    stdout: 'user alice added (admin, id 1)\n',
    stderr: '',
  })
  const [alice] = await db.sql`SELECT role FROM account WHERE name = 'alice'`
  t.equal(alice?.role, 'admin', 'the user is in the database')

  const token = await labtrack(db.url, ['token', 'create', '--name', 'ci', '--role', 'editor', '--user', 'alice'])
  t.equal(token.code, 0)
  t.match(token.stdout, /^lt_[\w-]{43}\n$/, 'the token alone on stdout, for $(pnpm -s labtrack token create …)')
  t.equal(token.stderr, '')

  const list = await labtrack(db.url, ['user', 'list'])
  t.match(list, { code: 0, stdout: /^alice {2}admin {3}since \S+\n$/ })

  t.strictSame(
    await labtrack(db.url, ['user', 'add', 'alice', '--role', 'viewer'], 'another long password\n'),
    { code: 1, stdout: '', stderr: 'labtrack: a user with this name already exists\n' },
    'a refusal: 1, said on stderr',
  )
  t.strictSame(
    await labtrack(db.url, ['user', 'add', 'bob', '--role', 'viewer'], 'short\n'),
    { code: 2, stdout: '', stderr: `labtrack: the password must be at least 12 characters\n${USAGE}\n` },
    'a password too short is a usage error',
  )
  t.strictSame(
    await labtrack(db.url, ['user', 'add', '--role', 'viewer']),
    { code: 2, stdout: '', stderr: `labtrack: user add: NAME is missing\n${USAGE}\n` },
    'a bad command line: 2, with the usage',
  )
  t.match(await labtrack(db.url, []), { code: 2, stdout: '', stderr: /^labtrack: no command given\nusage: pnpm labtrack/ })

  t.strictSame(await labtrack(db.url, ['token', 'revoke', 'ci']), {
    code: 0,
    stdout: "token ci revoked (it was alice's, editor)\n",
    stderr: '',
  })
  const [revoked] = await db.sql`SELECT revoked_at FROM api_token WHERE name = 'ci'`
  t.type(revoked?.revoked_at, Date)
  t.strictSame(
    [...(await db.sql`SELECT name FROM account ORDER BY name`)],
    [{ name: 'alice' }],
    'the refused users were not added',
  )
})

t.test('the same under tsx, as pnpm labtrack runs it', async (t) => {
  const db = await cliDatabase(t)
  t.strictSame(await labtrack(db.url, ['user', 'add', 'admin', '--role', 'admin'], 'a long enough password\n', true), {
    code: 0,
    stdout: 'user admin added (admin, id 1)\n',
    stderr: '',
  })
  t.match(await labtrack(db.url, ['token', 'create', '--name', 'ci', '--role', 'viewer'], '', true), {
    code: 0,
    stdout: /^lt_[\w-]{43}\n$/,
    stderr: '',
  })
  t.match(await labtrack(db.url, ['token', 'revoke'], '', true), {
    code: 2,
    stderr: /^labtrack: token revoke: NAME is missing\n/,
  })
})
