import type { Socket } from 'node:net'
import { PROBLEM_CONTENT_TYPE, type ProblemType, problem } from './problem.js'

// What Node's HTTP parser refuses before Fastify sees a request, by its error code.
const CLIENT_ERRORS: Record<string, [ProblemType, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: ['request-timeout', 'the request was not received in time'],
  HPE_HEADER_OVERFLOW: ['request-header-too-large', 'the request headers are too large'],
  HPE_INVALID_TRANSFER_ENCODING: ['not-implemented', 'this Transfer-Encoding is not supported'],
  HPE_UNEXPECTED_CONTENT_LENGTH: ['bad-request', 'Content-Length and Transfer-Encoding cannot both be sent'],
  HPE_INVALID_VERSION: ['http-version-not-supported', 'only HTTP/1.0 and HTTP/1.1 are supported'],
}

/**
 * Fastify's `clientErrorHandler`: the request Node could not parse (a raw byte
 * in the path, a broken request line, headers too large, a slow client)
 * answered as problem+json, like every other error, then the connection closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return
  const [type, detail] = CLIENT_ERRORS[error.code ?? ''] ?? ['bad-request', 'the request could not be read as HTTP/1.1']
  const body = JSON.stringify(problem(type, detail))
  const { status, title } = problem(type, detail)
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}
