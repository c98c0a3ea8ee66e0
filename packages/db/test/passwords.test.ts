import { randomBytes, scryptSync } from 'node:crypto'
import t from 'tap'
import { hashPassword, verifyNothing, verifyPassword } from '../src/accounts/passwords.js'

const PASSWORD = 'correct horse battery staple'

t.test('a hash verifies the password it was made from, and no other', async (t) => {
  const stored = await hashPassword(PASSWORD)
  t.equal(await verifyPassword(PASSWORD, stored), true)
  t.equal(await verifyPassword(`${PASSWORD} `, stored), false, 'one character more')
  t.equal(await verifyPassword(PASSWORD.slice(0, -1), stored), false, 'one character less')
  t.equal(await verifyPassword(PASSWORD.toUpperCase(), stored), false, 'case matters')
  t.equal(await verifyPassword('', stored), false, 'empty')
  t.notMatch(stored, PASSWORD, 'the password is not in the hash')
})

t.test('a hash carries its parameters and a fresh salt each time', async (t) => {
  const [a, b] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)])
  const fields = (a as string).split('$')
  t.match(fields, ['scrypt', '32768', '8', '1', /^[\w-]{22}$/, /^[\w-]{43}$/], 'scrypt$N$r$p$salt(16 bytes)$key(32 bytes)')
  t.not(a, b, 'the same password hashes differently')
  t.not((b as string).split('$')[4], fields[4], 'because the salt differs')
  t.equal(await verifyPassword(PASSWORD, b as string), true)
})

t.test('the parameters are read from the stored hash, so hashes made with others keep verifying', async (t) => {
  const salt = randomBytes(16)
  const key = scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 1 })
  const older = ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
  t.equal(await verifyPassword(PASSWORD, older), true, 'N=1024')
  t.equal(await verifyPassword('wrong password!', older), false)
  const otherN = ['scrypt', 2048, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
  t.equal(await verifyPassword(PASSWORD, otherN), false, 'other parameters derive another key from the same salt')
  await t.rejects(verifyPassword(PASSWORD, otherN.replace('$2048$', '$1000$')), 'parameters scrypt refuses (N not a power of 2)')
  // 128 * N * r = 256 TiB: refused before any memory is asked for.
  const huge = ['scrypt', 2 ** 30, 2048, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
  t.equal(await verifyPassword(PASSWORD, huge), false, 'parameters past the bound verify nothing')
})

t.test('composed and decomposed accents are the same password (NFC)', async (t) => {
  const composed = 'caf\u00e9-password-123'
  const decomposed = 'cafe\u0301-password-123'
  t.not(composed, decomposed)
  t.equal(await verifyPassword(decomposed, await hashPassword(composed)), true)
})

t.test('what is not a hash of ours verifies nothing', async (t) => {
  const [, N, r, p, salt, key] = (await hashPassword(PASSWORD)).split('$')
  for (const stored of [
    '',
    'none',
    PASSWORD,
    ['bcrypt', N, r, p, salt, key].join('$'),
    ['scrypt', N, r, p, '', key].join('$'),
    ['scrypt', N, r, p, salt].join('$'),
    ['scrypt', N, r, p, salt, (key as string).slice(0, 20)].join('$'),
    ['scrypt', 2 ** 24, r, p, salt, key].join('$'),
    ['scrypt', N, 1024, p, salt, key].join('$'),
    ['scrypt', N, r, 1000, salt, key].join('$'),
    ['scrypt', 'many', r, p, salt, key].join('$'),
  ]) {
    t.equal(await verifyPassword(PASSWORD, stored), false, JSON.stringify(stored))
  }
})

t.test('verifyNothing answers false, for any password, every time', async (t) => {
  t.equal(await verifyNothing(PASSWORD), false)
  t.equal(await verifyNothing(''), false)
  t.equal(await verifyNothing(PASSWORD), false, 'again, with the decoy made once')
})
