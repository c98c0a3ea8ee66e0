import { DbError } from '@labtrack/db'
import type { FastifyError } from 'fastify'
import t from 'tap'
import { notFound, ProblemError, problem, statusTitle, toProblem } from '../src/problem.js'

const asFastify = (error: Error, extra: Record<string, unknown> = {}) => Object.assign(error, extra) as unknown as FastifyError

t.test('domain errors map to their status and keep their words', async (t) => {
  const cases: [DbError['code'], number, string][] = [
    ['LABTRACK_DB_CONFLICT', 409, 'urn:labtrack:problem:conflict'],
    ['LABTRACK_DB_STILL_REFERENCED', 409, 'urn:labtrack:problem:still-referenced'],
    ['LABTRACK_DB_UNKNOWN_PARENT', 422, 'urn:labtrack:problem:unknown-parent'],
    ['LABTRACK_DB_BAD_INPUT', 400, 'urn:labtrack:problem:bad-request'],
    ['LABTRACK_DB_UNAVAILABLE', 503, 'urn:labtrack:problem:unavailable'],
  ]
  for (const [code, status, type] of cases) {
    const body = toProblem(new DbError(code, `words for ${code}`) as unknown as FastifyError, 'req-1')
    t.equal(body.status, status, code)
    t.equal(body.type, type, code)
    t.equal(body.detail, `words for ${code}`, code)
  }
})

t.test('a 5xx never carries the error message', async (t) => {
  const body = toProblem(asFastify(new Error('relation "secret" does not exist at SELECT * FROM secret')), 'req-42')
  t.equal(body.status, 500)
  t.equal(body.title, 'Internal Server Error')
  t.notMatch(body.detail, /secret|SELECT/)
  t.match(body.detail, /req-42/, 'the request id lets an operator find the log line')
  const upstream = toProblem(asFastify(new Error('driver said: password authentication failed'), { statusCode: 502 }), 'r')
  t.equal(upstream.status, 500)
  t.notMatch(upstream.detail, /password/)
})

t.test('client errors from Fastify keep their status and message', async (t) => {
  const body = toProblem(asFastify(new Error('Unexpected end of JSON input'), { statusCode: 400 }), 'r')
  t.strictSame(body, {
    type: 'urn:labtrack:problem:client-error',
    title: 'Bad Request',
    status: 400,
    detail: 'Unexpected end of JSON input',
  })
  const tooLarge = toProblem(
    asFastify(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 }),
    'r',
  )
  t.equal(tooLarge.status, 413)
  const weird = toProblem(asFastify(new Error('I am a teapot'), { statusCode: 418 }), 'r')
  t.equal(weird.status, 418)
})

t.test('ProblemError and notFound answer with exactly their problem', async (t) => {
  const error = notFound('freezer', 9)
  t.type(error, ProblemError)
  t.strictSame(toProblem(error, 'r'), problem('not-found', 'freezer 9 does not exist'))
})

t.test('a validation error without its context is about the body', async (t) => {
  const error = asFastify(new Error('x'), { validation: [{ instancePath: '/a', keyword: 'type', params: {}, message: 'm' }] })
  t.strictSame(toProblem(error, 'r').errors, [{ in: 'body', pointer: '/a', detail: 'm' }])
})

t.test('validation issues point at the field', async (t) => {
  const error = asFastify(new Error('body/name must be string'), {
    validationContext: 'body',
    validation: [
      {
        instancePath: '',
        keyword: 'required',
        params: { missingProperty: 'name' },
        message: "must have required property 'name'",
      },
      { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'nmae' }, message: 'x' },
      { instancePath: '/site_id', keyword: 'type', params: {}, message: 'must be integer' },
      { instancePath: '', keyword: 'type', params: {}, message: 'must be object' },
      { instancePath: '/x', keyword: 'weird', params: {} },
    ],
  })
  const body = toProblem(error, 'r')
  t.equal(body.status, 400)
  t.strictSame(body.errors, [
    { in: 'body', pointer: '/name', detail: "must have required property 'name'" },
    { in: 'body', pointer: '/nmae', detail: 'is not a known field' },
    { in: 'body', pointer: '/site_id', detail: 'must be integer' },
    { in: 'body', pointer: '/', detail: 'must be object' },
    { in: 'body', pointer: '/x', detail: 'is not valid' },
  ])
})

t.test('titles: the registry names its statuses as RFC 9110 does, any other status by its reason phrase', async (t) => {
  t.equal(statusTitle(413), 'Content Too Large')
  t.equal(statusTitle(422), 'Unprocessable Content')
  t.equal(statusTitle(405), 'Method Not Allowed')
  t.equal(statusTitle(431), 'Request Header Fields Too Large')
  t.equal(statusTitle(599), 'Error', 'a status HTTP does not name')
})
