import { connect } from 'node:net'

/** What came back on the socket: the parsed answer, or `raw` alone when it was not HTTP/1.x (HTTP/0.9) or nothing. */
export interface RawAnswer {
  /** Every byte received, as latin1 text. */
  raw: string
  status?: number
  /** Header names in lower case; a repeated header's values joined with ", ". */
  headers: Record<string, string>
  body: string
  /** How the connection ended: closed by the server, reset, left open after a complete answer, or never (given up). */
  ended: 'closed' | 'reset' | 'answered' | 'gave up'
}

// Far beyond any answer the gateway gives: only a hung test ends this way.
const GIVE_UP_MS = 20_000

/**
 * Sends `request` exactly as given (malformed on purpose, if it is) on a new
 * connection, then `rest` if any, and reads until the server closes, resets,
 * or has sent one complete answer (Content-Length).
 */
export function rawRequest(port: number, request: string | Buffer, { rest }: { rest?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let done = false
    const finish = (ended: RawAnswer['ended']) => {
      if (done) return
      done = true
      socket.destroy()
      resolve(parseAnswer(Buffer.concat(chunks).toString('latin1'), ended))
    }
    socket.setTimeout(GIVE_UP_MS, () => finish('gave up'))
    socket.on('connect', () => {
      socket.write(request)
      if (rest !== undefined) socket.write(rest)
    })
    socket.on('data', (chunk) => {
      chunks.push(chunk)
      if (isComplete(Buffer.concat(chunks).toString('latin1'))) finish('answered')
    })
    socket.on('end', () => finish('closed'))
    socket.on('close', () => finish('closed'))
    socket.on('error', () => finish('reset'))
  })
}

function isComplete(raw: string): boolean {
  const answer = parseAnswer(raw, 'answered')
  const length = answer.headers['content-length']
  return length !== undefined && Buffer.byteLength(answer.body, 'latin1') >= Number(length)
}

function parseAnswer(raw: string, ended: RawAnswer['ended']): RawAnswer {
  const end = raw.indexOf('\r\n\r\n')
  const statusLine = /^HTTP\/1\.[01] (\d{3})/.exec(raw)
  if (end < 0 || !statusLine) return { raw, headers: {}, body: raw, ended }
  const headers: Record<string, string> = {}
  for (const line of raw.slice(0, end).split('\r\n').slice(1)) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
  }
  return { raw, status: Number(statusLine[1]), headers, body: raw.slice(end + 4), ended }
}
