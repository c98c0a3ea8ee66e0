// The contract of a row's version, the same for every resource: an ETag on
// every answer of one row, If-None-Match on reads (304), If-Match on reads and
// writes (412), and writers holding the same ETag never both writing.
import { expectInvalid, expectProblem, type TestApp } from '@labtrack/service-kit/testing'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import {
  arrange,
  type Body,
  collection,
  create,
  list,
  newTag,
  type ResourceCase,
  type Row,
  send,
  stored,
  tableCount,
} from './case.js'

const ETAG = /^"\d+"$/
/** Values that are neither `*` nor a list of entity-tags. */
const MALFORMED = ['', 'abc', '"unterminated', 'W/ "a"', 'w/"a"', '"a" "b"', '*, "a"', '"a";"b"', '"a"x', ',', ' , ', '"in"side"']

const etagOf = (res: LightMyRequestResponse) => res.headers.etag as string

/** A request with these conditional headers (and a JSON body, for PUT and PATCH). */
function conditional(
  app: FastifyInstance,
  method: 'GET' | 'HEAD' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  headers: Record<string, string>,
  payload?: Body,
) {
  return app.inject({
    method,
    url,
    headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  })
}

export function versionCases(t: Test, c: ResourceCase, main: TestApp, pristine: TestApp, label: string): void {
  const { app, sql } = main
  const { name, plural } = c.resource
  const url = collection(c)
  const changed = (id: number) =>
    `${name} ${id} has changed since the version in If-Match; GET it again for its current values and ETag`

  t.test(`every answer of one ${name} carries a strong ETag, new after every write; lists carry none`, async (t) => {
    const own = await arrange(c, main)
    const body = c.body(own)
    const posted = await send(app, 'POST', url, body)
    t.equal(posted.statusCode, 201)
    t.match(etagOf(posted), ETAG, 'POST: a strong ETag, the version in quotes')
    const row = posted.json() as Row
    const item = `${url}/${row.id}`
    t.strictSame(row, await stored(sql, c, row.id), 'the body is the row and nothing else')
    const got = await app.inject(item)
    t.equal(etagOf(got), etagOf(posted), 'GET: the ETag the POST gave')
    t.strictSame(got.json(), row)
    const head = await app.inject({ method: 'HEAD', url: item })
    t.equal(head.statusCode, 200)
    t.equal(etagOf(head), etagOf(posted), 'HEAD: the same')
    t.equal(head.body, '')

    const patched = await send(app, 'PATCH', item, { [label]: `${own.tag} patched` })
    t.equal(patched.statusCode, 200)
    t.match(etagOf(patched), ETAG)
    t.not(etagOf(patched), etagOf(posted), 'PATCH: a new ETag')
    t.equal(etagOf(await app.inject(item)), etagOf(patched), 'GET gives it')
    const replaced = await send(app, 'PUT', item, body)
    t.not(etagOf(replaced), etagOf(patched), 'PUT: a new ETag')
    const again = await send(app, 'PUT', item, body)
    t.strictSame(again.json(), replaced.json(), 'a PUT that changes no value…')
    t.not(etagOf(again), etagOf(replaced), '…is a write too: a new ETag')

    const other = await create(app, c, body)
    await send(app, 'PATCH', `${url}/${other.id}`, { [label]: `${own.tag} other` })
    t.equal(etagOf(await app.inject(item)), etagOf(again), "another row's write leaves this row's ETag")
    const listed = await list(app, c, c.scope(own, 'id'))
    t.equal(listed.headers.etag, undefined, 'a list has no ETag')
    t.strictSame(listed.json(), [again.json(), await stored(sql, c, other.id)], 'and its rows no version field')
  })

  t.test(
    `If-None-Match on GET /api/${plural}/:id: 304 with the ETag and no body while the row has one of the tags`,
    async (t) => {
      const row = await create(app, c, c.body(await arrange(c, main)))
      const item = `${url}/${row.id}`
      const tag = etagOf(await app.inject(item))
      for (const value of [tag, `W/${tag}`, `"0", ${tag}`, `,"0" ,, ${tag} ,`, '*']) {
        for (const method of ['GET', 'HEAD'] as const) {
          const res = await conditional(app, method, item, { 'if-none-match': value })
          t.equal(res.statusCode, 304, `${method} If-None-Match: ${value}`)
          t.equal(etagOf(res), tag, `${method} If-None-Match: ${value}: the ETag`)
          t.equal(res.body, '', 'no body')
          t.equal(res.headers['content-type'], undefined, 'nor a type for one')
        }
      }
      for (const value of ['"0"', 'W/"0"', `"0${tag.slice(1)}`, `${tag.slice(0, -1)}0"`]) {
        const res = await conditional(app, 'GET', item, { 'if-none-match': value })
        t.equal(res.statusCode, 200, `If-None-Match: ${value} names another version`)
        t.strictSame(res.json(), row)
        t.equal(etagOf(res), tag)
      }
      const patched = await send(app, 'PATCH', item, { [label]: `${newTag()} changed` })
      const stale = await conditional(app, 'GET', item, { 'if-none-match': tag })
      t.equal(stale.statusCode, 200, 'once the row changed, the old ETag gets the row')
      t.strictSame(stale.json(), patched.json())
      t.equal(etagOf(stale), etagOf(patched))
      t.equal((await conditional(app, 'GET', item, { 'if-none-match': etagOf(patched) })).statusCode, 304, 'the new one a 304')
    },
  )

  t.test(
    `If-Match on PUT, PATCH, DELETE (and GET): a stale ETag is a 412 and changes nothing; the current one writes`,
    async (t) => {
      const own = await arrange(c, main)
      const body = c.body(own)
      const posted = await send(app, 'POST', url, body)
      const { id } = posted.json() as Row
      const item = `${url}/${id}`
      const stale = etagOf(posted)
      const current = await send(app, 'PATCH', item, { [label]: `${own.tag} by someone else` })
      const before = await tableCount(sql, c)
      const refused = [
        conditional(app, 'PATCH', item, { 'if-match': stale }, { [label]: `${own.tag} lost` }),
        conditional(app, 'PUT', item, { 'if-match': stale }, body),
        conditional(app, 'DELETE', item, { 'if-match': stale }),
        conditional(app, 'PATCH', item, { 'if-match': `"0", W/"0"` }, { [label]: `${own.tag} lost` }),
        conditional(app, 'GET', item, { 'if-match': stale }),
      ]
      for (const res of await Promise.all(refused)) {
        expectProblem(t, res, 412, 'precondition-failed', changed(id))
        t.equal(res.headers.etag, undefined, 'a 412 carries no ETag')
      }
      t.strictSame(await stored(sql, c, id), current.json(), 'nothing written')
      t.equal(await tableCount(sql, c), before, 'nothing deleted')

      let tag = etagOf(current)
      const writes: [string, 'PUT' | 'PATCH', (tag: string) => string, Body][] = [
        ['the current ETag', 'PATCH', (tag) => tag, { [label]: `${own.tag} one` }],
        ['a list holding the current ETag', 'PUT', (tag) => `"0", ${tag}`, body],
        ['the current ETag made weak by a compressing gateway', 'PATCH', (tag) => `W/${tag}`, { [label]: `${own.tag} two` }],
        ['*', 'PUT', () => '*', body],
      ]
      for (const [what, method, ifMatch, payload] of writes) {
        const res = await conditional(app, method, item, { 'if-match': ifMatch(tag) }, payload)
        t.equal(res.statusCode, 200, `${method} If-Match: ${what}`)
        t.not(etagOf(res), tag, `${method} If-Match: ${what}: a new ETag`)
        t.strictSame(await stored(sql, c, id), res.json(), `${method} If-Match: ${what}: stored`)
        tag = etagOf(res)
      }
      t.equal((await conditional(app, 'GET', item, { 'if-match': tag })).statusCode, 200, 'GET If-Match: the current ETag')
      expectProblem(t, await conditional(app, 'DELETE', item, { 'if-match': stale }), 412, 'precondition-failed', changed(id))
      t.ok(await stored(sql, c, id), 'a DELETE with a stale ETag leaves the row')
      t.equal((await conditional(app, 'DELETE', item, { 'if-match': tag })).statusCode, 204, 'DELETE If-Match: the current ETag')
      t.equal(await stored(sql, c, id), undefined, 'deleted')
    },
  )

  t.test(
    `If-Match on a ${name} that is not there is a 404; a malformed If-Match or If-None-Match is a 400 naming it`,
    async (t) => {
      const { app: empty } = pristine
      const [example] = c.examples as [Row]
      const { id: _, ...body } = example
      const detail = `${name} 999 does not exist`
      for (const value of ['*', '"1"']) {
        const item = `${url}/999`
        for (const [method, payload] of [
          ['PUT', body],
          ['PATCH', { [label]: 'x' }],
          ['DELETE', undefined],
        ] as const) {
          const res = await conditional(empty, method, item, { 'if-match': value }, payload)
          expectProblem(t, res, 404, 'not-found', detail, `${method} If-Match: ${value}`)
        }
        expectProblem(t, await conditional(empty, 'GET', item, { 'if-none-match': value }), 404, 'not-found', detail)
      }
      const own = c.body(await arrange(c, main))
      const row = await create(app, c, own)
      const item = `${url}/${row.id}`
      const requests: ['GET' | 'PUT' | 'PATCH' | 'DELETE', string, Body | undefined][] = [
        ['GET', 'if-none-match', undefined],
        ['GET', 'if-match', undefined],
        ['PUT', 'if-match', { ...own, [label]: 'malformed' }],
        ['PATCH', 'if-match', { [label]: 'malformed' }],
        ['DELETE', 'if-match', undefined],
      ]
      for (const value of MALFORMED) {
        for (const [method, header, payload] of requests) {
          const res = await conditional(app, method, item, { [header]: value }, payload)
          const problem = expectInvalid(t, res, 'headers', `/${header}`, `${method} ${header}: ${JSON.stringify(value)}`)
          t.equal(problem.errors?.[0]?.detail, 'is not * or a list of entity-tags such as "12", W/"12"')
        }
      }
      t.strictSame(await stored(sql, c, row.id), row, 'nothing changed')
    },
  )

  t.test(`writers racing with the same If-Match: exactly one writes, the others get 412`, async (t) => {
    const own = await arrange(c, main)
    const row = await create(app, c, c.body(own))
    const item = `${url}/${row.id}`
    const tag = etagOf(await app.inject(item))
    const values = [1, 2, 3, 4, 5].map((n) => `${own.tag} writer ${n}`)
    const answers = await Promise.all(
      values.map((value) => conditional(app, 'PATCH', item, { 'if-match': tag }, { [label]: value })),
    )
    const won = answers.filter((res) => res.statusCode === 200)
    t.equal(won.length, 1, 'one writer wins')
    for (const res of answers.filter((res) => res.statusCode !== 200))
      expectProblem(t, res, 412, 'precondition-failed', changed(row.id))
    const final = await stored(sql, c, row.id)
    t.strictSame(final, won[0]?.json(), "the row holds the winner's change, whole")
    t.ok(values.includes(final?.[label] as string))
  })
}
