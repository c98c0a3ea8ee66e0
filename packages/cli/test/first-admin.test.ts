import { verifyPassword } from '@labtrack/db'
import t from 'tap'
import { createFirstAdmin, generatePassword } from '../src/index.js'
import { cliDatabase } from './cli-database.js'

const adminHash = async (db: Awaited<ReturnType<typeof cliDatabase>>) =>
  (await db.sql`SELECT password_hash FROM account WHERE name = 'admin' AND role = 'admin'`)[0]?.password_hash as string

t.test('with LABTRACK_ADMIN_PASSWORD: admin gets it, and it is not printed', async (t) => {
  const db = await cliDatabase(t)
  const password = 'the chosen admin password'
  const lines = await createFirstAdmin(db.url, { LABTRACK_ADMIN_PASSWORD: password })
  t.strictSame(lines, ['created the first user: admin, with the password LABTRACK_ADMIN_PASSWORD gives'])
  t.equal(await verifyPassword(password, await adminHash(db)), true)
  t.strictSame(await createFirstAdmin(db.url, { LABTRACK_ADMIN_PASSWORD: 'yet another password' }), [], 'a second time: nothing')
  t.equal(await verifyPassword(password, await adminHash(db)), true, 'the password stays')
})

t.test('a LABTRACK_ADMIN_PASSWORD under 12 characters is refused before anything is created', async (t) => {
  const db = await cliDatabase(t)
  await t.rejects(createFirstAdmin(db.url, { LABTRACK_ADMIN_PASSWORD: 'elevenchars' }), {
    message: 'LABTRACK_ADMIN_PASSWORD must be at least 12 characters',
  })
  t.strictSame([...(await db.sql`SELECT name FROM account`)], [])
})

t.test('without it (or empty): a generated password, printed once', async (t) => {
  for (const env of [{}, { LABTRACK_ADMIN_PASSWORD: '' }]) {
    const db = await cliDatabase(t)
    const lines = await createFirstAdmin(db.url, env)
    t.match(lines, [
      'created the first user: admin',
      /^ {2}sign in as admin with the password: [\w-]{22}$/,
      /^ {2}\(shown this once; change it in the UI under Users, or set LABTRACK_ADMIN_PASSWORD before the first start\)$/,
    ])
    const password = (lines[1] as string).split(': ')[1] as string
    t.equal(await verifyPassword(password, await adminHash(db)), true, `the printed password signs in, ${JSON.stringify(env)}`)
  }
})

t.test('nothing when a user exists', async (t) => {
  const db = await cliDatabase(t)
  await db.sql`INSERT INTO account (name, role, password_hash) VALUES ('someone', 'editor', 'none')`
  t.strictSame(await createFirstAdmin(db.url, {}), [])
  t.strictSame([...(await db.sql`SELECT name FROM account`)], [{ name: 'someone' }])
})

t.test('generated passwords: 128 random bits in base64url', async (t) => {
  const passwords = new Set(Array.from({ length: 20 }, generatePassword))
  t.equal(passwords.size, 20)
  for (const password of passwords) t.match(password, /^[\w-]{22}$/)
})
