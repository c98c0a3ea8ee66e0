import type { FastifyBaseLogger } from 'fastify'
import pg from 'pg'

/** Where the database announces a change of credentials (postgres_scripts/migrations/003.do.credential-changes.sql). */
export const CREDENTIALS_CHANNEL = 'labtrack_credentials'
/** How the listener's connection is named in pg_stat_activity. */
export const LISTENER_NAME = 'labtrack credential listener'

export interface ListenerOptions {
  connectionString: string
  /** A notification came: some credential changed. */
  onChange: () => void
  /** Listening (every change will be heard of) or not. */
  onListening: (listening: boolean) => void
  log: FastifyBaseLogger
  /** Wait before reconnecting: `firstMs`, doubled on each failure up to `maxMs`. */
  retry: { firstMs: number; maxMs: number }
}

/**
 * One connection of its own (not the pool's: a pooled connection goes back to
 * the pool and stops hearing) that LISTENs for credential changes, and comes
 * back after a drop with a growing wait.
 */
export class CredentialListener {
  private client: pg.Client | undefined
  private connecting: Promise<void> | undefined
  private timer: NodeJS.Timeout | undefined
  private delay: number

  constructor(private readonly options: ListenerOptions) {
    this.delay = options.retry.firstMs
  }

  /** Connects and listens; resolves once the first attempt succeeded or failed (a failure is retried). */
  start(): Promise<void> {
    this.connecting = this.connect()
    return this.connecting
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: LISTENER_NAME,
      connectionTimeoutMillis: 3000,
      // A peer gone without a word is noticed too.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    })
    this.client = client
    client.on('notification', () => this.options.onChange())
    client.on('error', (error) => this.lost(client, error))
    client.on('end', () => this.lost(client, new Error('connection ended')))
    try {
      await client.connect()
      await client.query(`LISTEN ${CREDENTIALS_CHANNEL}`)
    } catch (error) {
      this.lost(client, error)
      return
    }
    this.delay = this.options.retry.firstMs
    this.options.onListening(true)
  }

  private lost(client: pg.Client, error: unknown) {
    // 'error' and 'end' both come for one drop; the first one counts.
    if (this.client !== client) return
    this.client = undefined
    this.options.onListening(false)
    this.options.log.warn(
      { err: error },
      `credential changes cannot be heard: every request is checked in the database; reconnecting in ${this.delay} ms`,
    )
    this.timer = setTimeout(() => {
      this.connecting = this.connect()
    }, this.delay)
    this.timer.unref()
    this.delay = Math.min(this.delay * 2, this.options.retry.maxMs)
  }

  /** Stops listening (and retrying); waits for an attempt under way. */
  async close(): Promise<void> {
    await this.connecting
    clearTimeout(this.timer)
    const client = this.client
    this.client = undefined
    this.options.onListening(false)
    await client?.end()
  }
}
