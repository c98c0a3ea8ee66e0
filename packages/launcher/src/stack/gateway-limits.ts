// The gateway's abuse limits (nginx limit_req, see nginx/labtrack.conf.template):
// a rate and a burst per client address for sign-in attempts and for writes.
// `pnpm stack` takes them from the same environment variables as the gateway
// image; the Retry-After of a refusal is derived from the rate, never set apart.

/** The limits as the template's variables: nginx's rate syntax and a request count. */
export const LIMIT_DEFAULTS = {
  LIMIT_SIGN_IN_RATE: '10r/m',
  LIMIT_SIGN_IN_BURST: '5',
  LIMIT_WRITE_RATE: '20r/s',
  LIMIT_WRITE_BURST: '50',
} as const
export type LimitSetting = keyof typeof LIMIT_DEFAULTS

/** Every limit variable of the template, the two Retry-After values included. */
export const LIMIT_VARIABLES = [
  'LIMIT_SIGN_IN_RATE',
  'LIMIT_SIGN_IN_BURST',
  'LIMIT_SIGN_IN_RETRY_AFTER',
  'LIMIT_WRITE_RATE',
  'LIMIT_WRITE_BURST',
  'LIMIT_WRITE_RETRY_AFTER',
] as const
export type LimitValues = Record<(typeof LIMIT_VARIABLES)[number], string>

const RATE = /^([1-9]\d{0,5})r\/([sm])$/
const BURST = /^\d{1,6}$/

/**
 * The seconds after which one more request is allowed once a zone refuses:
 * nginx lets a request through every 1/rate, whatever the burst.
 */
export function retryAfterSeconds(rate: string): number {
  const [, count, unit] = RATE.exec(rate) ?? []
  if (!count) throw new Error(`${rate} is not an nginx rate such as 10r/m or 20r/s`)
  return Math.ceil((unit === 'm' ? 60 : 1) / Number(count))
}

/** The limit variables from an environment (defaults for what it leaves out); throws one line on a bad value. */
export function gatewayLimits(env: Readonly<Record<string, string | undefined>>): LimitValues {
  const setting = (name: LimitSetting, pattern: RegExp, what: string) => {
    const value = env[name] || LIMIT_DEFAULTS[name]
    if (!pattern.test(value)) throw new Error(`invalid configuration: ${name}=${value} is not ${what}`)
    return value
  }
  const signInRate = setting('LIMIT_SIGN_IN_RATE', RATE, 'a rate such as 10r/m or 20r/s')
  const writeRate = setting('LIMIT_WRITE_RATE', RATE, 'a rate such as 10r/m or 20r/s')
  return {
    LIMIT_SIGN_IN_RATE: signInRate,
    LIMIT_SIGN_IN_BURST: setting('LIMIT_SIGN_IN_BURST', BURST, 'a number of requests'),
    LIMIT_SIGN_IN_RETRY_AFTER: String(retryAfterSeconds(signInRate)),
    LIMIT_WRITE_RATE: writeRate,
    LIMIT_WRITE_BURST: setting('LIMIT_WRITE_BURST', BURST, 'a number of requests'),
    LIMIT_WRITE_RETRY_AFTER: String(retryAfterSeconds(writeRate)),
  }
}
