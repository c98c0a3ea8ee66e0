import { Agent, type IncomingHttpHeaders, request } from 'node:http'

export interface WireRequest {
  method: string
  /** Path and query exactly as they go on the wire. */
  target: string
  headers: Record<string, string>
  body?: Buffer
}

export type WireAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer } | { status: undefined; error: string }

// Far beyond any answer of the stack: only a hang ends this way.
const GIVE_UP_MS = 30_000

/**
 * Sends requests to the gateway as given (Node's client checks only what
 * HTTP forbids outright), each from the next of several loopback addresses:
 * nginx limits writes per client address, and the property test is about the
 * services behind it, not that limit (the gateway suite tests it). The
 * addresses start at 127.0.0.2, so the other suites' 127.0.0.1 keeps its budget.
 */
export class GatewayClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 })
  private next = 0

  constructor(
    private readonly port: number,
    private readonly addresses = 64,
  ) {}

  send({ method, target, headers, body }: WireRequest): Promise<WireAnswer> {
    const localAddress = `127.0.0.${2 + (this.next++ % this.addresses)}`
    return new Promise((resolve) => {
      let settled = false
      const settle = (answer: WireAnswer) => {
        if (settled) return
        settled = true
        resolve(answer)
      }
      let outgoing: ReturnType<typeof request>
      try {
        outgoing = request({
          host: '127.0.0.1',
          port: this.port,
          localAddress,
          agent: this.agent,
          method,
          path: target,
          headers: { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) },
          timeout: GIVE_UP_MS,
        })
      } catch (error) {
        settle({ status: undefined, error: `the client refused to send it: ${(error as Error).message}` })
        return
      }
      outgoing.on('response', (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () =>
          settle({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }),
        )
        incoming.on('error', (error) => settle({ status: undefined, error: `the answer broke off: ${error.message}` }))
      })
      outgoing.on('timeout', () => {
        outgoing.destroy()
        settle({ status: undefined, error: `no answer within ${GIVE_UP_MS / 1000} s` })
      })
      // nginx may answer (413) and close before the whole body is sent: the answer, if it came, is what counts.
      outgoing.on('error', (error) => setTimeout(() => settle({ status: undefined, error: `no answer: ${error.message}` }), 50))
      outgoing.end(body)
    })
  }

  close(): void {
    this.agent.destroy()
  }
}
