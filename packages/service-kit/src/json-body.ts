import type { FastifyInstance } from 'fastify'
import { ProblemError, problem } from './problem.js'

// fatal: a byte sequence that is not UTF-8 is an error, never a U+FFFD in the
// stored text. A leading BOM is dropped (TextDecoder's default): RFC 8259 lets
// a parser ignore it, and Windows tools write one. See the README.
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The JSON body parser of every service: application/json and
 * application/*+json (merge-patch) are JSON, anything else a 415 (text/plain,
 * Fastify's other default, included); an empty body is no body; a body that is
 * not UTF-8 is a 400.
 */
export function jsonBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error')
  app.removeContentTypeParser(['text/plain', 'application/json'])
  for (const type of ['application/json', /^application\/[\w.-]+\+json$/]) {
    app.addContentTypeParser(type, { parseAs: 'buffer' }, (request, body: Buffer, done) => {
      let text: string
      try {
        text = utf8.decode(body)
      } catch {
        return done(new ProblemError(problem('bad-request', 'the request body is not valid UTF-8')), undefined)
      }
      // Many clients label a DELETE as JSON without sending one, and a POST without one fails validation.
      if (text === '') return done(null, undefined)
      return parseJson(request, text, done)
    })
  }
}
