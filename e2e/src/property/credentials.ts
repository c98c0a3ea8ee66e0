import { hashPassword, newSecret, type Role, roleAllows, secretHash, TOKEN_PREFIX } from '@labtrack/db'
import type { connect } from '@labtrack/db-tools'
import fc from 'fast-check'
import type { GatewayClient } from './http-client.js'
import type { Needs } from './operations.js'

type Sql = ReturnType<typeof connect>

/** What a request may carry: the suite's own good credentials, and every kind of bad ones. */
export const CREDENTIAL_KINDS = {
  'admin token': { role: 'admin' },
  'editor token': { role: 'editor' },
  'viewer token': { role: 'viewer' },
  'editor session': { role: 'editor' },
  'editor session without X-CSRF-Token': { role: 'editor' },
  'no credentials': { role: undefined },
  'malformed Authorization': { role: undefined },
  'unknown token': { role: undefined },
  'revoked token': { role: undefined },
  'expired token': { role: undefined },
  'ended session': { role: undefined },
} as const satisfies Record<string, { role: Role | undefined }>
export type CredentialKind = keyof typeof CREDENTIAL_KINDS

const READS = new Set(['GET', 'HEAD'])

/** The status a request with these credentials must get for this operation (before anything else is looked at), if any. */
export function refusalOf(kind: CredentialKind, needs: Needs, method: string): 401 | 403 | undefined {
  if (needs === 'public') return undefined
  const role: Role | undefined = CREDENTIAL_KINDS[kind].role
  if (!role) return 401
  if (!roleAllows(role, needs)) return 403
  if (kind === 'editor session without X-CSRF-Token' && !READS.has(method)) return 403
  return undefined
}

/** Authorization headers that are not "Bearer <token>", or are but with a token no server issued. */
export const malformedAuthorization: fc.Arbitrary<string> = fc.constantFrom(
  'Basic YWRtaW46YWRtaW4=',
  'Bearer',
  'Bearer ',
  'bearer\tlt_x',
  'Token lt_abc',
  'Bearer lt_a lt_b',
  'Bearer lt_a,Bearer lt_b',
  'Bearer "lt_quoted"',
  'Bearer lt_\u00e9\u00ff',
  'Bearer %00',
  "Bearer ' OR '1'='1",
  `Bearer ${'A'.repeat(3000)}`,
  'Negotiate YII=',
  '',
)

const SESSION_COOKIE = 'labtrack_session'
const PASSWORD = 'property-suite-editor-password'

/**
 * The suite's own users and tokens, made on the stack's database the way
 * the tests' helpers make them, and a session signed in through the gateway.
 * The session behaves as a browser's would: cookies the answers set are kept,
 * a new CSRF token in an answer replaces the old one, and a sign-out (the
 * answer clears the session cookie) is followed by a new sign-in.
 */
export class SuiteCredentials {
  private cookies = new Map<string, string>()
  private csrf = ''

  private constructor(
    private readonly client: GatewayClient,
    private readonly tokens: Record<'admin' | 'editor' | 'viewer' | 'revoked' | 'expired', string>,
    /** Ids of the accounts and tokens, by table, that this suite and the others rely on: no request may name them. */
    readonly kept: Readonly<Record<string, ReadonlySet<number>>>,
  ) {}

  static async create(sql: Sql, client: GatewayClient): Promise<SuiteCredentials> {
    const accounts: Record<string, number> = {}
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const hash = role === 'editor' ? await hashPassword(PASSWORD) : 'none'
      const [row] = await sql<{ id: number }[]>`
        INSERT INTO account (name, role, password_hash) VALUES (${`property-${role}`}, ${role}, ${hash}) RETURNING id`
      accounts[role] = (row as { id: number }).id
    }
    const token = async (name: string, role: Role, extra: 'revoked' | 'expired' | 'live') => {
      const secret = newSecret(TOKEN_PREFIX)
      await sql`
        INSERT INTO api_token (name, account_id, role, token_hash, revoked_at, expires_at)
        VALUES (${`property-${name}`}, ${accounts[role] as number}, ${role}, ${secretHash(secret)},
                ${extra === 'revoked' ? new Date() : null}, ${extra === 'expired' ? new Date(Date.now() - 60_000) : null})`
      return secret
    }
    const tokens = {
      admin: await token('admin', 'admin', 'live'),
      editor: await token('editor', 'editor', 'live'),
      viewer: await token('viewer', 'viewer', 'live'),
      revoked: await token('revoked', 'editor', 'revoked'),
      expired: await token('expired', 'admin', 'expired'),
    }
    // Every account and token there is now: the stack's first admin and the other suites' are kept too.
    const kept = {
      account: new Set((await sql<{ id: number }[]>`SELECT id FROM account`).map((row) => row.id)),
      api_token: new Set((await sql<{ id: number }[]>`SELECT id FROM api_token`).map((row) => row.id)),
    }
    const credentials = new SuiteCredentials(client, tokens, kept)
    await credentials.signIn()
    return credentials
  }

  /** The headers that carry credentials of this kind. */
  headersOf(kind: CredentialKind, malformed: string): Record<string, string> {
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    switch (kind) {
      case 'admin token':
        return bearer(this.tokens.admin)
      case 'editor token':
        return bearer(this.tokens.editor)
      case 'viewer token':
        return bearer(this.tokens.viewer)
      case 'revoked token':
        return bearer(this.tokens.revoked)
      case 'expired token':
        return bearer(this.tokens.expired)
      case 'unknown token':
        return bearer(newSecret(TOKEN_PREFIX))
      case 'malformed Authorization':
        return { authorization: malformed }
      case 'editor session':
        return { cookie, 'x-csrf-token': this.csrf }
      case 'editor session without X-CSRF-Token':
        return { cookie }
      case 'ended session':
        return { cookie: `${SESSION_COOKIE}=${newSecret()}` }
      case 'no credentials':
        return {}
    }
  }

  /** Learns from an answer to a request sent with the session, as a browser and the UI would; true when it signed in again. */
  async afterAnswer(kind: CredentialKind, setCookies: string[], body: unknown): Promise<boolean> {
    if (kind !== 'editor session' && kind !== 'editor session without X-CSRF-Token') return false
    let ended = false
    for (const header of setCookies) {
      const [pair = ''] = header.split(';')
      const [name = '', value = ''] = pair.split('=')
      if (value) this.cookies.set(name.trim(), value)
      else if (name.trim() === SESSION_COOKIE) ended = true
    }
    const csrf = (body as { csrf_token?: unknown } | undefined)?.csrf_token
    if (typeof csrf === 'string') this.csrf = csrf
    if (ended) await this.signIn()
    return ended
  }

  private async signIn(): Promise<void> {
    const answer = await this.client.send({
      method: 'POST',
      target: '/api/session',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify({ name: 'property-editor', password: PASSWORD })),
    })
    const text = answer.status === undefined ? answer.error : answer.body.toString()
    if (answer.status !== 200) throw new Error(`the property suite could not sign in: ${answer.status} ${text}`)
    this.cookies = new Map()
    const setCookies = answer.headers['set-cookie'] ?? []
    await this.afterAnswer('editor session', setCookies, JSON.parse(text))
  }
}
