import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto'
import { promisify } from 'node:util'

// scrypt (memory-hard) at N=2^15, r=8: 32 MiB and some 50-100 ms per hash on
// one core, OWASP's recommended floor. The parameters are stored with each
// hash, so raising them later leaves existing hashes verifiable.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_LENGTH = 32
const SALT_LENGTH = 16
const PREFIX = 'scrypt'
// The most a stored hash may ask for: 32 times today's memory, 16 times its work.
const MAX_N = 2 ** 20
const MAX_R = 16
const MAX_P = 16

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: ScryptOptions,
) => Promise<Buffer>

function derive(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  return scryptAsync(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem: 256 * N * r })
}

/** `scrypt$N$r$p$salt$hash` (base64url), with a fresh random salt. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH)
  const key = await derive(password, salt, PARAMS)
  return [PREFIX, PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** Whether `password` is the one `stored` was made from; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [prefix, N, r, p, salt, key] = stored.split('$')
  if (prefix !== PREFIX || !salt || !key) return false
  // A tampered row must not make a check allocate gigabytes: at most 2^20 (anything above is refused).
  if (!(Number(N) <= MAX_N && Number(r) <= MAX_R && Number(p) <= MAX_P)) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

// Checked against when the name is unknown, so a wrong name costs as long as a wrong password.
let decoy: Promise<string> | undefined
/** Spends a password check's time on nothing; the answer is always false. */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'))
  await verifyPassword(password, await decoy)
  return false
}
