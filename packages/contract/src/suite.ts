// The contract every resource's routes keep, as one table-driven suite: what
// can be derived from the resource's definition is derived (its columns, their
// operators, parents, children, unique values); the case file says the rest.
//
// Each test arranges rows of its own (a tag, parents of its own) and looks only
// at them, so tests depend neither on their order nor on each other's rows.
// Tests that must see a table exactly as the example data left it use a second
// database nobody writes to (`pristine`), or one of their own.
import {
  type Child,
  type Column,
  type ColumnOptions,
  ID_OPTIONS,
  Id,
  listableColumns,
  MAX_ID,
  NAME_PATTERN,
  operatorsOf,
  PATTERN_MESSAGES,
  RESOURCES,
} from '@labtrack/db'
import { createApp, PROBLEM_CONTENT_TYPE, parameterName, statusTitle } from '@labtrack/service-kit'
import {
  BAD_IDS,
  buildTestApp,
  expectInvalid,
  expectProblem,
  HOSTILE_STRINGS,
  ids,
  type TestApp,
} from '@labtrack/service-kit/testing'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'
import {
  arrange,
  type Body,
  collection,
  create,
  idsOf,
  list,
  newTag,
  nextOf,
  type Own,
  qs,
  type ResourceCase,
  type Row,
  rowsOf,
  send,
  stored,
  tableCount,
} from './case.js'
import { badBodyValues, badFilterValues, goodFilterValue, matches, OPERATORS, operandsOf, samples, sortRows } from './values.js'
import { versionCases } from './versions.js'

const JSON_TYPE = 'application/json; charset=utf-8'
// Port 1 on loopback: nothing listens, every connection is refused at once.
const UNREACHABLE = 'postgres://nobody:secret-password@127.0.0.1:1/none'
const DRIVER_TEXT = /ECONNREFUSED|127\.0\.0\.1|secret-password|nobody|connect|postgres|SELECT|\bat\s/i
const MEDIA_TYPES = [
  'text/plain',
  'text/csv',
  'text/html',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/octet-stream',
  'multipart/form-data; boundary=x',
]
const MIB = 1024 * 1024
/** Ids in a URL that are not ids: the shared list, and what Number() alone would read. */
const NOT_IDS = [...BAD_IDS, '0x10', '1e3', '%201', '+1', '1;DROP TABLE site']
/** Paging parameters out of bounds, and the parameter each 400 names. */
const PAGING_REFUSED: [string, string][] = [
  ...['0', '1001', '-1', '-5', 'abc', 'ten', '1.5', '1e2', '', '0x10'].map((v): [string, string] => [`limit=${v}`, '/limit']),
  ['limit=1&limit=2', '/limit'],
  ...['-1', '1.5', '0.5', 'abc', '2147483648', '99999999999', '0x10'].map((v): [string, string] => [`offset=${v}`, '/offset']),
]
const CURSOR_REFUSED = 'is not a cursor of this list and sort order; follow the Link header'
const b64 = (text: string) => Buffer.from(text).toString('base64url')

interface Ctx {
  c: ResourceCase
  main: TestApp
  pristine: TestApp
  columns: [string, Column][]
  /** The columns a list filters and sorts on, with the schema of their values. */
  listable: [string, Column][]
  parent: [string, Column] | undefined
  /** The first text column: what bulk rows and patches write to. */
  label: string
  /** The fields POST and PUT cannot leave out (a derived one may be, when what it derives from is given). */
  required: string[]
  /** Columns the database derives from another when a write leaves them out, with that other column. */
  derived: [string, string][]
  /** The Vary header of every JSON list. */
  vary: string
  maxExampleId: number
}

/** Runs the contract suite of one resource against `main` (a database with the example rows, built by the test file). */
export async function contractSuite(t: Test, c: ResourceCase, main: TestApp): Promise<void> {
  // The example-row cases page, filter and move through them: a resource needs a few in mock_data.sql.
  if (c.examples.length < 2) {
    throw new Error(`the contract suite needs at least two example ${c.resource.plural} in postgres_scripts/mock_data.sql`)
  }
  // Nobody writes to this one: it still holds exactly the example rows.
  const pristine = await buildTestApp(t, [c.service], { exampleData: true })
  const columns = Object.entries(c.resource.columns)
  const ctx: Ctx = {
    c,
    main,
    pristine,
    columns,
    listable: listableColumns(c.resource).map(([name]): [string, Column] => [
      name,
      name === 'id' ? { schema: Id, options: ID_OPTIONS } : (c.resource.columns[name] as Column),
    ]),
    parent: columns.find(([, column]) => column.options.parent),
    label: (columns.find(([, column]) => column.options.pgType === 'text') as [string, Column])[0],
    required: columns
      .filter(([, { options }]) => !options.nullable && !options.generated && !options.derivedFrom)
      .map(([name]) => name),
    derived: columns.flatMap(([name, { options }]) =>
      options.derivedFrom ? [[name, options.derivedFrom] as [string, string]] : [],
    ),
    vary: c.csv ? 'Accept, Prefer' : 'Prefer',
    maxExampleId: Math.max(...c.examples.map((row) => row.id)),
  }
  examples(t, ctx)
  for (const [column, definition] of ctx.listable) {
    listOn(t, ctx, column, definition.options)
    filtersRefused(t, ctx, column, definition)
  }
  listing(t, ctx)
  reading(t, ctx)
  writing(t, ctx)
  for (const [column, definition] of columns) bodyValuesRefused(t, ctx, column, definition)
  // Free text (a length bound, any characters but NUL): a patterned text such as a grid position is not.
  const freeText = columns.filter(([, { schema }]) => (schema as { maxLength?: number }).maxLength !== undefined)
  for (const [column, definition] of freeText) {
    textKept(t, ctx, column, definition)
  }
  for (const [column] of columns.filter(([, { options }]) => options.unique)) unique(t, ctx, column)
  deleting(t, ctx)
  versionCases(t, c, main, pristine, ctx.label)
  unavailable(t, ctx)
  c.own(t, main)
}

/** Own rows that differ in `column` (or, for the id, five alike), made in this order. */
async function rowsFor(ctx: Ctx, own: Own, column: string, options: ColumnOptions): Promise<Row[]> {
  const { c, main } = ctx
  const bodies =
    column === 'id'
      ? [1, 2, 3, 4, 5].map(() => c.body(own))
      : samples(c, own, column, options).map((value) => ({ ...c.body(own), [column]: value }))
  const rows: Row[] = []
  for (const body of bodies) rows.push(await create(main.app, c, body))
  return rows
}

/** A body naming every field: the own body, and a value for each field it leaves out. */
function fullBody(ctx: Ctx, own: Own, word = 'given'): Body {
  const body = ctx.c.body(own)
  for (const [name, { options }] of ctx.columns) {
    if (name in body) continue
    if (ctx.c.dependent.includes(name)) body[name] = null
    else body[name] = options.unique ? (ctx.c.unique[name] as () => unknown)() : `${own.tag} ${word}`
  }
  return body
}

/** Follows the next links from a first request until none is left; checks each link keeps the request's parameters. */
async function walk(t: Test, app: FastifyInstance, c: ResourceCase, params: Record<string, string>): Promise<Row[][]> {
  const pages: Row[][] = []
  let url: string | undefined = `${collection(c)}?${qs(params)}`
  for (let i = 0; url !== undefined && i < 200; i++) {
    const res: LightMyRequestResponse = await app.inject(url)
    t.equal(res.statusCode, 200, url)
    pages.push(rowsOf(res))
    const next = nextOf(res)
    if (next) {
      const { after, ...kept } = next.params
      t.equal(next.path, collection(c), 'the link leads to the same list')
      t.strictSame(kept, params, 'the link keeps every parameter of the request')
      t.match(after, /^[\w-]+$/, 'and carries a cursor')
    }
    url = next?.url
  }
  return pages
}

function checkPages(t: Test, pages: Row[][], limit: number, expected: Row[], what: string) {
  t.strictSame(idsOf(pages.flat()), idsOf(expected), `${what}: the pages together are the unpaged list`)
  t.ok(
    pages.slice(0, -1).every((page) => page.length === limit),
    `${what}: every page but the last is full`,
  )
  const last = pages.at(-1) as Row[]
  t.ok(last.length > 0 && last.length <= limit, `${what}: the last page is not empty`)
}

// ---------------------------------------------------------------- examples

function examples(t: Test, { c, pristine, parent, vary }: Ctx) {
  const { app } = pristine
  const plural = c.resource.plural
  const n = c.examples.length

  t.test(`GET /api/${plural} lists the example rows in id order; each answers at its URL`, async (t) => {
    const res = await list(app, c)
    t.equal(res.statusCode, 200)
    t.equal(res.headers['content-type'], JSON_TYPE)
    t.strictSame(res.json(), c.examples)
    t.equal(res.headers.link, undefined, 'no next page when everything fits')
    t.equal(res.headers.vary, vary)
    const counted = await list(app, c, {}, { prefer: 'count=exact' })
    t.equal(counted.headers['x-total-count'], String(n))
    for (const row of c.examples) {
      const one = await app.inject(`${collection(c)}/${row.id}`)
      t.equal(one.statusCode, 200)
      t.equal(one.headers['content-type'], JSON_TYPE)
      t.strictSame(one.json(), row, `${c.resource.name} ${row.id}`)
    }
  })

  t.test(`paging the example ${plural}: a cursor link without offset, offset links with it`, async (t) => {
    for (const limit of [1, 2]) {
      checkPages(t, await walk(t, app, c, { limit: String(limit) }), limit, c.examples, `limit=${limit}`)
      for (let offset = 0; offset < n; offset += limit) {
        const res = await list(app, c, { limit: String(limit), offset: String(offset) })
        t.strictSame(res.json(), c.examples.slice(offset, offset + limit), `limit=${limit}&offset=${offset}`)
        t.equal(
          res.headers.link,
          offset + limit < n ? `</api/${plural}?limit=${limit}&offset=${offset + limit}>; rel="next"` : undefined,
          `limit=${limit}&offset=${offset}: the next offset, or no Link on the last page`,
        )
      }
    }
    const first = await list(app, c, { limit: String(n - 1) })
    t.match(first.headers.link, new RegExp(`^</api/${plural}\\?limit=${n - 1}&after=[\\w-]+>; rel="next"$`))
    const rest = await app.inject((nextOf(first) as { url: string }).url)
    t.strictSame(rest.json(), c.examples.slice(n - 1))
    t.equal(rest.headers.link, undefined, 'no Link on the last page')
    const exact = await list(app, c, { limit: String(n) })
    t.strictSame(exact.json(), c.examples)
    t.equal(exact.headers.link, undefined, 'a page that ends exactly at the last row has no Link')
    for (const offset of [n, 1000]) {
      const past = await list(app, c, { offset: String(offset) })
      t.strictSame(past.json(), [], `offset=${offset}`)
      t.equal(past.headers.link, undefined)
    }
    const largest = await list(app, c, { limit: '1000', offset: String(MAX_ID) })
    t.equal(largest.statusCode, 200, 'limit 1000 and the largest offset are allowed')
    t.strictSame(largest.json(), [])
  })

  if (!parent) return
  const [column] = parent
  const groups = new Map<number, Row[]>()
  for (const row of c.examples) groups.set(row[column] as number, [...(groups.get(row[column] as number) ?? []), row])

  t.test(`filtering the example ${plural} by ${column} keeps the filter in every Link`, async (t) => {
    for (const [value, rows] of groups) {
      const filter = `${column}=${value}`
      t.strictSame((await app.inject(`/api/${plural}?${filter}`)).json(), rows, filter)
      const first = await app.inject(`/api/${plural}?${filter}&limit=1`)
      t.strictSame(first.json(), rows.slice(0, 1))
      const next = nextOf(first)
      if (rows.length === 1) t.equal(first.headers.link, undefined, `${filter}: one row, no Link`)
      else {
        t.match(first.headers.link, new RegExp(`^</api/${plural}\\?${column}=${value}&limit=1&after=[\\w-]+>; rel="next"$`))
        const second = await app.inject((next as { url: string }).url)
        t.strictSame(second.json(), rows.slice(1, 2))
      }
      const byOffset = await app.inject(`/api/${plural}?${filter}&limit=1&offset=0`)
      t.strictSame(byOffset.json(), rows.slice(0, 1))
      t.equal(
        byOffset.headers.link,
        rows.length > 1 ? `</api/${plural}?${filter}&limit=1&offset=1>; rel="next"` : undefined,
        `${filter}&limit=1&offset=0`,
      )
      const last = await app.inject(`/api/${plural}?${filter}&limit=1&offset=${rows.length - 1}`)
      t.strictSame(last.json(), rows.slice(-1))
      t.equal(last.headers.link, undefined, 'no Link on the last page')
      const exact = await app.inject(`/api/${plural}?${filter}&limit=${rows.length}`)
      t.strictSame(exact.json(), rows)
      t.equal(exact.headers.link, undefined, 'a page that ends exactly at the last row has no Link')
    }
  })

  const { other, empty } = c.exampleParents as NonNullable<ResourceCase['exampleParents']>
  t.test(`a ${c.resource.name} added under example ${column} ${other} is listed there, and in the whole list`, async (t) => {
    // A database of its own: the whole list is asserted, so no other test's rows may be in it.
    const { app } = await buildTestApp(t, [c.service], { exampleData: true })
    const added = await create(app, c, c.body({ tag: newTag(), parents: [other] }))
    const all = [...c.examples, added]
    for (const value of new Set([...groups.keys(), other])) {
      const res = await app.inject(`/api/${plural}?${column}=${value}`)
      t.equal(res.statusCode, 200)
      t.strictSame(
        res.json(),
        all.filter((row) => row[column] === value),
        `${column}=${value}`,
      )
    }
    for (const value of empty) {
      t.strictSame((await app.inject(`/api/${plural}?${column}=${value}`)).json(), [], `${column}=${value} has none`)
    }
    const missing = await app.inject(`/api/${plural}?${column}=${MAX_ID}`)
    t.equal(missing.statusCode, 200, `a filter on a ${column} that does not exist is no error`)
    t.strictSame(missing.json(), [])
    t.strictSame(ids(await list(app, c)), idsOf(all), 'without the filter every row is listed')
  })
}

// ---------------------------------------------------------------- lists

/** Filters, sorts and pages on one column, over rows of the test's own. */
function listOn(t: Test, ctx: Ctx, column: string, options: ColumnOptions) {
  const { c, main } = ctx
  const { app } = main
  const ops = operatorsOf(options)
  t.test(`lists by ${column}: ${ops.map((op) => parameterName(column, op)).join(', ')}, sort both ways, paging`, async (t) => {
    const own = await arrange(c, main)
    const rows = await rowsFor(ctx, own, column, options)
    const scope = c.scope(own, column)
    t.strictSame(rowsOf(await list(app, c, scope)), rows, 'the scope selects exactly the rows of this test, in id order')

    for (const op of ops) {
      for (const { operand, text } of operandsOf(op, rows, column)) {
        const name = parameterName(column, op)
        const res = await list(app, c, { ...scope, [name]: text })
        const expected = rows.filter((row) => matches(op, row[column], operand))
        t.equal(res.statusCode, 200, `${name}=${text}`)
        t.strictSame(rowsOf(res), expected, `${name}=${text}`)
        t.ok(expected.length > 0 && expected.length < rows.length, `${name}=${text} tells the rows apart`)
      }
    }
    if (options.pgType === 'integer') {
      const none = await list(app, c, { [column]: String(MAX_ID) })
      t.equal(none.statusCode, 200, `${column}=${MAX_ID}: a value no row holds is no error`)
      t.strictSame(none.json(), [])
    }

    for (const desc of [false, true]) {
      const sort = `${desc ? '-' : ''}${column}`
      const expected = sortRows(rows, column, desc)
      t.strictSame(idsOf(rowsOf(await list(app, c, { ...scope, sort }))), idsOf(expected), `sort=${sort}`)
      checkPages(t, await walk(t, app, c, { ...scope, sort, limit: '2' }), 2, expected, `sort=${sort}&limit=2`)
      const counted = await list(app, c, { ...scope, sort, limit: '2' }, { prefer: 'count=exact' })
      t.equal(counted.headers['x-total-count'], String(rows.length), `sort=${sort}: the count is of every row`)
      if (column === 'id') continue
      const both = `${sort},-id`
      t.strictSame(
        idsOf(rowsOf(await list(app, c, { ...scope, sort: both }))),
        idsOf(sortRows(rows, column, desc, true)),
        `sort=${both}: ties by id, descending`,
      )
    }

    const sort = column
    const pages: Row[][] = []
    for (let offset = 0; offset < rows.length; offset += 2) {
      const params = { ...scope, sort, limit: '2', offset: String(offset) }
      const res = await list(app, c, params)
      pages.push(rowsOf(res))
      const next = nextOf(res)
      if (offset + 2 < rows.length) t.strictSame(next?.params, { ...params, offset: String(offset + 2) }, `offset=${offset}`)
      else t.equal(next, undefined, `offset=${offset}: the last page has no Link`)
    }
    checkPages(t, pages, 2, sortRows(rows, column, false), `sort=${sort} by offset`)
  })
}

/** Operators a column does not allow and values it refuses are 400s naming the parameter. */
function filtersRefused(t: Test, { c, main }: Ctx, column: string, definition: Column) {
  const { app } = main
  const allowed = operatorsOf(definition.options)
  t.test(`${column}: operators it does not allow and values it refuses are 400s naming the parameter`, async (t) => {
    for (const op of OPERATORS.filter((op) => !allowed.includes(op))) {
      const name = `${column}[${op}]`
      const body = expectInvalid(t, await list(app, c, { [name]: 'x' }), 'querystring', `/${name}`)
      t.equal(body.errors?.find((e) => e.pointer === `/${name}`)?.detail, 'is not a known parameter', name)
    }
    for (const op of allowed) {
      const name = parameterName(column, op)
      for (const value of badFilterValues(c, column, definition, op)) {
        expectInvalid(t, await list(app, c, { [name]: value }), 'querystring', `/${name}`, `${name}=${JSON.stringify(value)}`)
      }
      const good = goodFilterValue(c, column, definition.options, op)
      const twice = await app.inject(`${collection(c)}?${qs({ [name]: good })}&${qs({ [name]: good })}`)
      expectInvalid(t, twice, 'querystring', `/${name}`, `${name} named twice`)
    }
  })
}

function listing(t: Test, ctx: Ctx) {
  const { c, main, label, listable, vary } = ctx
  const { app, sql } = main
  const sortable = listable.map(([name]) => name)

  t.test('unknown parameters, a bad sort and paging out of bounds are 400s naming the parameter', async (t) => {
    for (const name of ['colour', 'colour[eq]', `${label}[eq]`, `${label}[like]`, `${label}[]`, 'id[in][0]', 'limit[gt]']) {
      const body = expectInvalid(t, await list(app, c, { [name]: '1' }), 'querystring', `/${name}`)
      t.equal(body.errors?.find((e) => e.pointer === `/${name}`)?.detail, 'is not a known parameter', name)
    }
    const sorts: [string, string][] = [
      ['colour', `"colour" is not a field to sort by; use ${sortable.join(', ')}`],
      ['-colour', `"-colour" is not a field to sort by; use ${sortable.join(', ')}`],
      [`--${label}`, `"--${label}" is not a field to sort by; use ${sortable.join(', ')}`],
      [`+${label}`, `"+${label}" is not a field to sort by; use ${sortable.join(', ')}`],
      [`${label},`, `"" is not a field to sort by; use ${sortable.join(', ')}`],
      [`${label},-${label}`, `${label} is named twice`],
      ['id,-id', 'id is named twice'],
    ]
    for (const [sort, detail] of sorts) {
      const body = expectInvalid(t, await list(app, c, { sort }), 'querystring', '/sort', `sort=${sort}`)
      t.equal(body.errors?.[0]?.detail, detail, `sort=${sort}`)
    }
    expectInvalid(t, await list(app, c, { sort: 'x'.repeat(501) }), 'querystring', '/sort', 'a sort longer than 500')
    for (const [query, pointer] of PAGING_REFUSED) {
      expectInvalid(t, await app.inject(`${collection(c)}?${query}`), 'querystring', pointer, query)
    }
    t.equal((await list(app, c, { limit: '1000' })).statusCode, 200, 'limit 1000 is allowed')
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1).join(',')
    t.equal((await list(app, c, { 'id[in]': hundred })).statusCode, 200, 'an [in] list of 100 values is allowed')
    const more = expectInvalid(t, await list(app, c, { 'id[in]': `${hundred},101` }), 'querystring', '/id[in]')
    t.equal(more.errors?.[0]?.detail, 'lists more than 100 values')
    const item = expectInvalid(t, await list(app, c, { 'id[in]': '1,x' }), 'querystring', '/id[in]')
    t.equal(item.errors?.[0]?.detail, '"x" must be an integer written in decimal digits')
  })

  t.test('a cursor that is malformed, of another sort order, or combined with offset is a 400 naming after', async (t) => {
    const own = await arrange(c, main)
    const rows = await rowsFor(ctx, own, 'id', ID_OPTIONS)
    const scope = c.scope(own, 'id')
    const after = (nextOf(await list(app, c, { ...scope, limit: '1' })) as { params: Record<string, string> }).params
      .after as string
    const follow = await list(app, c, { ...scope, limit: '1', after })
    t.strictSame(idsOf(rowsOf(follow)), [rows[1]?.id], 'the cursor continues after the first row')
    const foreign = expectInvalid(
      t,
      await list(app, c, { ...scope, sort: '-id', after }),
      'querystring',
      '/after',
      'another sort',
    )
    t.equal(foreign.errors?.[0]?.detail, CURSOR_REFUSED)
    const withOffset = expectInvalid(t, await list(app, c, { ...scope, after, offset: '0' }), 'querystring', '/after')
    t.equal(withOffset.errors?.[0]?.detail, 'cannot be combined with offset')
    const forged = [
      '',
      'abc',
      '!!!',
      b64('not json'),
      b64('{"a":1}'),
      b64('[]'),
      b64('["id"]'),
      b64('["id",1,2]'),
      b64(`["${label},id","a",1]`),
      b64('["id","x"]'),
      b64('["id",null]'),
      b64('["id",true]'),
      b64('["id",{"id":1}]'),
      b64('["id",0]'),
      b64(`["id",${MAX_ID + 1}]`),
    ]
    for (const cursor of forged) {
      const body = expectInvalid(t, await list(app, c, { ...scope, after: cursor }), 'querystring', '/after', `after=${cursor}`)
      t.equal(body.errors?.[0]?.detail, CURSOR_REFUSED, `after=${cursor}`)
    }
    expectInvalid(t, await list(app, c, { after: 'x'.repeat(4001) }), 'querystring', '/after', 'a cursor longer than 4000')
  })

  t.test('Prefer: count=exact counts every row the filters match; every list varies on Prefer', async (t) => {
    const own = await arrange(c, main)
    const rows = await rowsFor(ctx, own, 'id', ID_OPTIONS)
    const scope = c.scope(own, 'id')
    const plain = await list(app, c, scope)
    t.equal(plain.headers.vary, vary)
    t.equal(plain.headers['x-total-count'], undefined, 'no count unless asked')
    t.equal(plain.headers['preference-applied'], undefined)
    for (const prefer of ['count=exact', 'COUNT=EXACT', 'return=minimal, count=exact', 'count=exact; strict', 'count = exact']) {
      const res = await list(app, c, scope, { prefer })
      t.equal(res.headers['x-total-count'], String(rows.length), `Prefer: ${prefer}`)
      t.equal(res.headers['preference-applied'], 'count=exact', `Prefer: ${prefer}`)
      t.equal(res.headers.vary, vary)
    }
    for (const prefer of ['count=estimated', 'count=planned', 'return=representation', 'count=exactly', '']) {
      const res = await list(app, c, scope, { prefer })
      t.equal(res.headers['x-total-count'], undefined, `Prefer: ${prefer}`)
      t.equal(res.headers['preference-applied'], undefined, `Prefer: ${prefer}`)
    }
    const prefer = { prefer: 'count=exact' }
    const first = await list(app, c, { ...scope, limit: '2' }, prefer)
    t.equal(first.json().length, 2)
    t.equal(first.headers['x-total-count'], String(rows.length), 'a page counts every row, not its own')
    const second = await app.inject({ url: (nextOf(first) as { url: string }).url, headers: prefer })
    t.equal(second.headers['x-total-count'], String(rows.length), 'so does the page a cursor leads to')
    const byOffset = await list(app, c, { ...scope, limit: '2', offset: '2' }, prefer)
    t.equal(byOffset.headers['x-total-count'], String(rows.length), 'and a page by offset')
    const third = rows[2] as Row
    const filtered = await list(app, c, { ...scope, 'id[gt]': String(third.id) }, prefer)
    t.equal(filtered.headers['x-total-count'], String(rows.length - 3), 'with a filter, the rows it keeps')
    const none = await list(app, c, { ...scope, 'id[gt]': String(rows.at(-1)?.id) }, prefer)
    t.strictSame(none.json(), [])
    t.equal(none.headers['x-total-count'], '0')
    const everything = await list(app, c, {}, prefer)
    t.equal(everything.headers['x-total-count'], String(await tableCount(sql, c)), 'without filters, the whole table')
  })

  t.test('a list holds 100 rows unless told otherwise; the cursor and the offset links lead on', async (t) => {
    const own = await arrange(c, main)
    const scope = c.scope(own, label)
    const bulk = Array.from({ length: 150 }, (_, i) => ({ ...c.body(own), [label]: `bulk ${i + 1}` }))
    await sql`INSERT INTO ${sql(c.resource.table)} ${sql(bulk)}`
    const names = (res: { json(): unknown }) => (res.json() as Row[]).map((row) => row[label])
    const first = await list(app, c, scope)
    t.equal(first.json().length, 100)
    t.equal(names(first)[0], 'bulk 1')
    const next = nextOf(first) as NonNullable<ReturnType<typeof nextOf>>
    t.strictSame(next.params, { ...scope, after: next.params.after }, 'the link adds only the cursor')
    const second = await app.inject(next.url)
    t.strictSame(
      names(second),
      bulk.slice(100).map((row) => row[label]),
    )
    t.equal(second.headers.link, undefined)
    const byOffset = await list(app, c, { ...scope, offset: '0' })
    t.equal(byOffset.json().length, 100)
    t.strictSame(nextOf(byOffset)?.params, { ...scope, offset: '100', limit: '100' }, 'an offset client gets offset links')
    const rest = await list(app, c, { ...scope, limit: '100', offset: '100' })
    t.equal(rest.json().length, 50)
    t.equal(names(rest)[49], 'bulk 150')
    t.equal(rest.headers.link, undefined)
    const ordered = ids(await list(app, c, { limit: '1000' }))
    t.strictSame(
      ordered,
      [...ordered].sort((a, b) => a - b),
      'id order',
    )
  })
}

// ---------------------------------------------------------------- one row

function reading(t: Test, { c, main, pristine }: Ctx) {
  const { app } = pristine
  const { name, plural, table } = c.resource
  t.test(`GET /api/${plural}/:id: 404 for a row that is not there, 400 for what is not an id`, async (t) => {
    const missing = await app.inject(`/api/${plural}/999`)
    t.strictSame(missing.json(), {
      type: 'urn:labtrack:problem:not-found',
      title: 'Not Found',
      status: 404,
      detail: `${name} 999 does not exist`,
    })
    expectProblem(t, missing, 404, 'not-found', `${name} 999 does not exist`)
    const largest = await app.inject(`/api/${plural}/${MAX_ID}`)
    expectProblem(t, largest, 404, 'not-found', `${name} ${MAX_ID} does not exist`, 'the largest id is valid, just missing')
    for (const id of NOT_IDS) expectInvalid(t, await app.inject(`/api/${plural}/${id}`), 'params', '/id', `id ${id}`)
  })

  t.test(`GETs of several ${plural} at once: each answers its own row and ETag, from one statement`, async (t) => {
    const own = await arrange(c, main)
    const posted = [
      await send(main.app, 'POST', collection(c), c.body(own)),
      await send(main.app, 'POST', collection(c), c.body(own)),
    ]
    const [first, second] = posted.map((res) => ({ row: res.json() as Row, etag: res.headers.etag })) as [
      { row: Row; etag: string },
      { row: Row; etag: string },
    ]
    // The pool's statements while the GETs run (a text, or a statement with its text), to count those that read this table by id.
    const pool = main.app.pg as unknown as { query: (...args: unknown[]) => unknown }
    const query = pool.query
    const sent: string[] = []
    pool.query = (...args: unknown[]) => {
      sent.push(JSON.stringify(args[0]))
      return query.apply(pool, args)
    }
    t.teardown(() => {
      pool.query = query
    })
    const ids = [first.row.id, 999_999, second.row.id, first.row.id]
    const [a, missing, b, again] = (await Promise.all(ids.map((id) => main.app.inject(`/api/${plural}/${id}`)))) as [
      LightMyRequestResponse,
      LightMyRequestResponse,
      LightMyRequestResponse,
      LightMyRequestResponse,
    ]
    t.strictSame([a.json(), a.headers.etag], [first.row, first.etag])
    t.strictSame([b.json(), b.headers.etag], [second.row, second.etag])
    t.strictSame([again.json(), again.headers.etag], [first.row, first.etag], 'the same row twice')
    expectProblem(t, missing, 404, 'not-found', `${name} 999999 does not exist`)
    t.equal(
      sent.filter((statement) => statement.includes(`FROM ${table} WHERE id = ANY(`)).length,
      1,
      'one statement read them all',
    )
  })
}

function writing(t: Test, ctx: Ctx) {
  const { c, main, pristine, parent, label, required, derived, columns } = ctx
  const { app, sql } = main
  const { name, plural } = c.resource
  const url = collection(c)

  t.test(`POST /api/${plural} creates a row: 201, Location, the row as stored`, async (t) => {
    const own = await arrange(c, main)
    const before = await tableCount(sql, c)
    const body = c.body(own)
    const res = await send(app, 'POST', url, body)
    t.equal(res.statusCode, 201)
    t.equal(res.headers['content-type'], JSON_TYPE)
    const row = res.json() as Row
    t.type(row.id, 'number')
    t.ok(row.id > ctx.maxExampleId, 'a new id after the example rows')
    const expected: Row = { id: row.id }
    for (const [column, { options }] of columns) {
      expected[column] = column in body ? body[column] : options.generated ? row[column] : null
      if (options.generated) t.not(row[column], null, `${column} is generated when left out`)
    }
    t.strictSame(row, expected, 'fields left out are null (or generated)')
    t.equal(res.headers.location, `${url}/${row.id}`)
    t.strictSame(await stored(sql, c, row.id), row, 'stored as it answered')
    t.equal(await tableCount(sql, c), before + 1)
    t.strictSame((await app.inject(res.headers.location as string)).json(), row, 'the Location answers with the row')

    const twin = await send(app, 'POST', url, body)
    t.equal(twin.statusCode, 201, 'the same body again is another row')
    t.not(twin.json().id, row.id)

    const full = fullBody(ctx, own)
    const every = await send(app, 'POST', url, full)
    t.equal(every.statusCode, 201)
    t.strictSame(every.json(), { id: every.json().id, ...full }, 'every field given is stored')
    const nulls = Object.fromEntries(columns.filter(([, { options }]) => options.nullable).map(([column]) => [column, null]))
    const explicit = await send(app, 'POST', url, { ...body, ...nulls })
    t.strictSame(explicit.json(), { ...expected, ...nulls, id: explicit.json().id, ...generated(ctx, explicit.json()) })
  })

  t.test(`POST /api/${plural}: bodies that are not one object of known fields are 400s; nothing is stored`, async (t) => {
    const own = await arrange(c, main)
    const body = c.body(own)
    const target = await create(app, c, body)
    const before = await tableCount(sql, c)
    const item = `${url}/${target.id}`
    const shapes: [string, unknown, string][] = [
      ['array body', [body], '/'],
      ['string body', 'a string', '/'],
      ['number body', 7, '/'],
      ['null body', null, '/'],
      ...(required.length > 0 ? [['empty object', {}, `/${required[0]}`] as [string, unknown, string]] : []),
      ['id in body', { ...body, id: 50 }, '/id'],
      ['unknown field', { ...body, colour: 'blue' }, '/colour'],
    ]
    for (const [what, payload, pointer] of shapes) {
      expectInvalid(t, await send(app, 'POST', url, payload), 'body', pointer, `POST ${what}`)
      expectInvalid(t, await send(app, 'PUT', item, payload), 'body', pointer, `PUT ${what}`)
    }
    for (const column of required) {
      const { [column]: _, ...rest } = body
      expectInvalid(t, await send(app, 'POST', url, rest), 'body', `/${column}`, `POST without ${column}`)
      expectInvalid(t, await send(app, 'PUT', item, rest), 'body', `/${column}`, `PUT without ${column}`)
    }
    // A derived field is optional in the schema; without what it derives from either, the database refuses the row.
    for (const [column, source] of derived) {
      const { [column]: _, [source]: __, ...rest } = body
      const detail = `a ${name} needs a ${column} or a ${source}`
      for (const payload of [rest, {}]) {
        const what = `without ${column} and ${source}: ${JSON.stringify(payload)}`
        expectProblem(t, await send(app, 'POST', url, payload), 422, 'unprocessable', detail, `POST ${what}`)
        expectProblem(t, await send(app, 'PUT', item, payload), 422, 'unprocessable', detail, `PUT ${what}`)
      }
    }
    const patches: [string, unknown, string][] = [
      ['an empty patch is a mistake', {}, '/'],
      ['array body', [body], '/'],
      ['id cannot be patched', { id: 7 }, '/id'],
      ['unknown field', { colour: 'blue' }, '/colour'],
    ]
    for (const [what, payload, pointer] of patches)
      expectInvalid(t, await send(app, 'PATCH', item, payload), 'body', pointer, what)
    const unknown = await send(app, 'POST', url, { ...body, colour: 'blue' })
    t.equal(unknown.json().errors.find((e: { pointer: string }) => e.pointer === '/colour')?.detail, 'is not a known field')

    const many = expectInvalid(t, await send(app, 'POST', url, c.invalidBody.body), 'body', c.invalidBody.pointers[0] as string)
    t.strictSame(
      [...new Set((many.errors as { pointer: string }[]).map((e) => e.pointer))].sort(),
      c.invalidBody.pointers,
      'every invalid field is named',
    )
    t.equal(await tableCount(sql, c), before, 'nothing stored')
    t.strictSame(await stored(sql, c, target.id), target, 'nothing changed')
  })

  t.test(`/api/${plural} speaks JSON only: malformed 400, other media types 415, 1 MiB 413; nothing changes`, async (t) => {
    const own = await arrange(c, main)
    const body = c.body(own)
    const target = await create(app, c, body)
    const before = await tableCount(sql, c)
    const item = `${url}/${target.id}`
    for (const [method, to] of [
      ['POST', url],
      ['PUT', item],
      ['PATCH', item],
    ] as const) {
      const raw = (headers: Record<string, string>, payload?: string) =>
        app.inject({ method, url: to, headers, ...(payload === undefined ? {} : { payload }) })
      const json = { 'content-type': 'application/json' }
      expectProblem(t, await raw(json, `{"${label}": `), 400, 'bad-request', undefined, `${method} malformed`)
      expectInvalid(t, await raw(json, ''), 'body', '/', `${method}: an empty body is no body, not broken JSON`)
      expectInvalid(t, await raw({}), 'body', '/', `${method}: no body at all`)
      for (const type of MEDIA_TYPES) {
        const res = await raw({ 'content-type': type }, `${label}=x`)
        expectProblem(t, res, 415, 'unsupported-media-type', undefined, `${method} ${type}`)
      }
      const huge = await raw(json, JSON.stringify({ ...body, [label]: 'x'.repeat(MIB) }))
      expectProblem(t, huge, 413, 'payload-too-large', undefined, `${method} 1 MiB`)
      const padded = await raw(json, JSON.stringify({ ...body, pad: 'p'.repeat(MIB) }))
      expectProblem(t, padded, 413, 'payload-too-large', undefined, `${method} 1 MiB of an unknown field`)
      const proto = await raw(json, `{"__proto__":{"admin":true},${JSON.stringify(body).slice(1)}`)
      t.equal(proto.statusCode, 400, `${method}: prototype poisoning is refused`)
      t.equal(proto.headers['content-type'], PROBLEM_CONTENT_TYPE)
    }
    t.equal(await tableCount(sql, c), before, 'nothing stored')
    t.strictSame(await stored(sql, c, target.id), target, 'nothing changed')

    const merge = { 'content-type': 'application/merge-patch+json' }
    const posted = await app.inject({ method: 'POST', url, headers: merge, payload: JSON.stringify(body) })
    t.equal(posted.statusCode, 201, 'application/*+json is JSON too')
    t.equal(await tableCount(sql, c), before + 1, 'only the JSON body was stored')
    const replaced = await app.inject({ method: 'PUT', url: item, headers: merge, payload: JSON.stringify(body) })
    t.strictSame(replaced.json(), target)
    const patched = await app.inject({
      method: 'PATCH',
      url: item,
      headers: merge,
      payload: JSON.stringify({ [label]: 'merged' }),
    })
    t.strictSame(patched.json(), { ...target, [label]: 'merged' })
    t.strictSame(await stored(sql, c, target.id), patched.json())
  })

  t.test(
    `PUT /api/${plural}/:id replaces the row: fields left out become null, or are kept where the definition says`,
    async (t) => {
      const own = await arrange(c, main)
      const row = await create(app, c, fullBody(ctx, own))
      const body = c.body({ ...own, parents: own.parents.slice(1) })
      const item = `${url}/${row.id}`
      const res = await send(app, 'PUT', item, body)
      t.equal(res.statusCode, 200)
      t.equal(res.headers['content-type'], JSON_TYPE)
      t.equal(res.headers.location, undefined)
      const expected: Row = { id: row.id }
      for (const [column, { options }] of columns) {
        expected[column] = column in body ? body[column] : options.keepOnReplace ? row[column] : null
      }
      t.strictSame(res.json(), expected)
      t.strictSame(await stored(sql, c, row.id), expected, 'stored')
      t.strictSame((await send(app, 'PUT', item, body)).json(), expected, 'PUT is idempotent')
      if (parent) {
        const [column] = parent
        t.ok(ids(await list(app, c, { [column]: String(own.parents[1]) })).includes(row.id), `listed at its new ${column}`)
        t.notOk(ids(await list(app, c, { [column]: String(own.parents[0]) })).includes(row.id), 'no longer at its old one')
      }
      const nulls = Object.fromEntries(columns.filter(([, { options }]) => options.nullable).map(([column]) => [column, null]))
      const cleared = await send(app, 'PUT', item, { ...body, ...nulls })
      t.strictSame(cleared.json(), { ...expected, ...nulls }, 'an explicit null is stored as null')
      const full = fullBody(ctx, own, 'replaced')
      const every = await send(app, 'PUT', item, full)
      t.strictSame(every.json(), { id: row.id, ...full }, 'every field given is stored')
      t.strictSame(await stored(sql, c, row.id), every.json())
      for (const id of NOT_IDS) expectInvalid(t, await send(app, 'PUT', `${url}/${id}`, body), 'params', '/id', `id ${id}`)
    },
  )

  t.test(`PATCH /api/${plural}/:id changes only the fields it names; null clears an optional one`, async (t) => {
    const own = await arrange(c, main)
    let current = await create(app, c, fullBody(ctx, own))
    const item = `${url}/${current.id}`
    for (const [column, { options }] of columns.filter(([name]) => !c.dependent.includes(name))) {
      const value = options.parent ? own.parents[1] : options.unique ? (c.unique[column] as () => unknown)() : `${own.tag} new`
      const res = await send(app, 'PATCH', item, { [column]: value })
      t.equal(res.statusCode, 200, column)
      current = { ...current, [column]: value }
      t.strictSame(res.json(), current, `only ${column} changed`)
      t.strictSame(await stored(sql, c, current.id), current, `only ${column} changed in the database`)
      if (options.nullable) {
        current = { ...current, [column]: null }
        t.strictSame((await send(app, 'PATCH', item, { [column]: null })).json(), current, `null clears ${column}`)
        t.strictSame(await stored(sql, c, current.id), current)
      }
      if (options.parent) {
        t.ok(ids(await list(app, c, { [column]: String(own.parents[1]) })).includes(current.id), `listed at the new ${column}`)
        t.notOk(ids(await list(app, c, { [column]: String(own.parents[0]) })).includes(current.id), `gone from the old one`)
      }
    }
    const full = fullBody(ctx, own, 'all at once')
    const all = await send(app, 'PATCH', item, full)
    t.strictSame(all.json(), { id: current.id, ...full }, 'every field at once')
    t.strictSame(await stored(sql, c, current.id), all.json())
    for (const id of NOT_IDS) {
      expectInvalid(t, await send(app, 'PATCH', `${url}/${id}`, { [label]: 'x' }), 'params', '/id', `id ${id}`)
    }
  })

  t.test(`PUT, PATCH and DELETE of a ${name} that is not there are 404s; nothing is created`, async (t) => {
    const { app, sql } = pristine
    const [example] = c.examples as [Row]
    const body = c.body({ tag: newTag(), parents: parent ? [example[parent[0]] as number] : [] })
    for (const id of [999, MAX_ID]) {
      const item = `${url}/${id}`
      const detail = `${name} ${id} does not exist`
      expectProblem(t, await send(app, 'PUT', item, body), 404, 'not-found', detail, `PUT ${id}`)
      expectProblem(t, await send(app, 'PATCH', item, { [label]: 'x' }), 404, 'not-found', detail, `PATCH ${id}`)
      expectProblem(t, await app.inject({ method: 'DELETE', url: item }), 404, 'not-found', detail, `DELETE ${id}`)
      t.equal(await stored(sql, c, id), undefined, 'PUT does not create')
    }
  })

  if (!parent) return
  const [column, { options }] = parent
  t.test(`${column} naming no ${options.parent} is a 422 on POST, PUT and PATCH; nothing changes`, async (t) => {
    // Against the examples, which no test changes: no test can have made the ids used here.
    const { app, sql } = pristine
    const [target] = c.examples as [Row]
    const { id: _, ...body } = target
    // A new row takes none of the example's unique values (they would be a 409 first).
    const fresh = Object.fromEntries(Object.entries(body).filter(([name]) => !(name in c.unique)))
    const before = await tableCount(sql, c)
    const detail = `${column} does not name an existing row`
    for (const id of [999, MAX_ID]) {
      const res = await send(app, 'POST', url, { ...fresh, [column]: id })
      t.strictSame(res.json(), {
        type: 'urn:labtrack:problem:unknown-parent',
        title: 'Unprocessable Content',
        status: 422,
        detail,
      })
      expectProblem(t, res, 422, 'unknown-parent', detail, `POST ${id}`)
      const item = `${url}/${target.id}`
      expectProblem(t, await send(app, 'PUT', item, { ...body, [column]: id }), 422, 'unknown-parent', detail, `PUT ${id}`)
      expectProblem(t, await send(app, 'PATCH', item, { [column]: id }), 422, 'unknown-parent', detail, `PATCH ${id}`)
      const both = await send(app, 'PATCH', item, { [label]: 'and a bad parent', [column]: id })
      expectProblem(t, both, 422, 'unknown-parent', detail, `PATCH ${label} and ${id}`)
    }
    t.equal(await tableCount(sql, c), before, 'nothing stored')
    t.strictSame(await stored(sql, c, target.id), target, 'unchanged')
  })
}

/** The generated columns of a row, as it answered (for expectations that cannot know them). */
const generated = (ctx: Ctx, row: Row) =>
  Object.fromEntries(ctx.columns.filter(([, { options }]) => options.generated).map(([column]) => [column, row[column]]))

function bodyValuesRefused(t: Test, ctx: Ctx, column: string, definition: Column) {
  const { c, main } = ctx
  const { app, sql } = main
  const url = collection(c)
  const pattern = (definition.schema as { pattern?: string }).pattern
  t.test(`${column}: values it refuses are 400s naming it, on POST, PUT and PATCH; nothing changes`, async (t) => {
    const own = await arrange(c, main)
    const body = c.body(own)
    const target = await create(app, c, body)
    const before = await tableCount(sql, c)
    const item = `${url}/${target.id}`
    for (const value of badBodyValues(c, column, definition)) {
      const what = `${column} ${JSON.stringify(value)}`
      expectInvalid(t, await send(app, 'POST', url, { ...body, [column]: value }), 'body', `/${column}`, `POST ${what}`)
      expectInvalid(t, await send(app, 'PUT', item, { ...body, [column]: value }), 'body', `/${column}`, `PUT ${what}`)
      expectInvalid(t, await send(app, 'PATCH', item, { [column]: value }), 'body', `/${column}`, `PATCH ${what}`)
    }
    if (pattern !== undefined) {
      for (const value of pattern === NAME_PATTERN ? ['a\u0000b', '  '] : ['a\u0000b']) {
        const res = await send(app, 'POST', url, { ...body, [column]: value })
        const detail = res.json().errors[0].detail
        t.equal(detail, PATTERN_MESSAGES[pattern], `${column} ${JSON.stringify(value)}: the words for its pattern`)
      }
      // JSON may spell a lone UTF-16 surrogate; Postgres text cannot hold one.
      const surrogate = (fields: Body) => `${JSON.stringify(fields).slice(0, -1)},"${column}":"a\\ud800b"}`
      const { [column]: _, ...rest } = body
      for (const [method, to, payload] of [
        ['POST', url, surrogate(rest)],
        ['PUT', item, surrogate(rest)],
        ['PATCH', item, `{"${column}":"a\\ud800b"}`],
      ] as const) {
        const res = await app.inject({ method, url: to, headers: { 'content-type': 'application/json' }, payload })
        expectInvalid(t, res, 'body', `/${column}`, `${method} a lone surrogate`)
      }
    }
    t.equal(await tableCount(sql, c), before, 'nothing stored')
    t.strictSame(await stored(sql, c, target.id), target, 'nothing changed')
  })
}

function textKept(t: Test, ctx: Ctx, column: string, { schema, options }: Column) {
  const { c, main } = ctx
  const { app, sql } = main
  const url = collection(c)
  const max = (schema as unknown as { maxLength: number }).maxLength
  t.test(`${column} keeps what it is sent, as sent: hostile strings, the longest value, ""`, async (t) => {
    const own = await arrange(c, main)
    const body = c.body(own)
    const target = await create(app, c, body)
    for (const text of [...HOSTILE_STRINGS, ...c.hostile]) {
      const res = await send(app, 'POST', url, { ...body, [column]: text })
      t.equal(res.statusCode, 201, text)
      t.equal(res.json()[column], text)
      t.equal((await stored(sql, c, res.json().id))?.[column], text, 'stored as sent')
      t.equal((await app.inject(`${url}/${res.json().id}`)).json()[column], text, 'read back as sent')
      const put = await send(app, 'PUT', `${url}/${target.id}`, { ...body, [column]: text })
      t.equal(put.json()[column], text, `PUT ${text}`)
      const patched = `${text.slice(0, 190)}!`
      const patch = await send(app, 'PATCH', `${url}/${target.id}`, { [column]: patched })
      t.equal(patch.json()[column], patched, `PATCH ${text}`)
      t.equal((await stored(sql, c, target.id))?.[column], patched)
    }
    const longest = await send(app, 'POST', url, { ...body, [column]: 'x'.repeat(max) })
    t.equal(longest.statusCode, 201, `${max} characters, the longest ${column}`)
    t.equal((await stored(sql, c, longest.json().id))?.[column], 'x'.repeat(max))
    if (options.nullable) {
      const empty = await send(app, 'POST', url, { ...body, [column]: '' })
      t.equal(empty.json()[column], '', 'an empty string is kept, not turned into null')
      t.equal((await stored(sql, c, empty.json().id))?.[column], '')
    }
    const [example] = c.examples as [Row]
    t.strictSame((await app.inject(`${url}/${example.id}`)).json(), example, 'the table is still there')
  })
}

function unique(t: Test, { c, main }: Ctx, column: string) {
  const { app, sql } = main
  const { name } = c.resource
  const url = collection(c)
  const detail = `a ${name} with this ${column} already exists`
  t.test(`${column} is unique: a taken value is a 409 on POST, PUT and PATCH; a delete frees it`, async (t) => {
    const own = await arrange(c, main)
    const body = c.body(own)
    const value = (c.unique[column] as () => unknown)()
    const holder = await create(app, c, { ...body, [column]: value })
    const target = await create(app, c, body)
    const before = await tableCount(sql, c)
    const res = await send(app, 'POST', url, { ...body, [column]: value })
    t.strictSame(res.json(), { type: 'urn:labtrack:problem:conflict', title: 'Conflict', status: 409, detail })
    expectProblem(t, res, 409, 'conflict', detail, 'POST')
    expectProblem(t, await send(app, 'PUT', `${url}/${target.id}`, { ...body, [column]: value }), 409, 'conflict', detail, 'PUT')
    expectProblem(t, await send(app, 'PATCH', `${url}/${target.id}`, { [column]: value }), 409, 'conflict', detail, 'PATCH')
    t.equal(await tableCount(sql, c), before, 'nothing stored')
    t.strictSame(await stored(sql, c, target.id), target, 'unchanged')
    t.strictSame(await stored(sql, c, holder.id), holder, 'the holder is untouched')
    const own409 = await send(app, 'PUT', `${url}/${holder.id}`, { ...body, [column]: value })
    t.equal(own409.statusCode, 200, 'its own value is no conflict')
    t.equal((await send(app, 'PATCH', `${url}/${holder.id}`, { [column]: value })).statusCode, 200)
    t.equal((await app.inject({ method: 'DELETE', url: `${url}/${holder.id}` })).statusCode, 204)
    const again = await send(app, 'POST', url, { ...body, [column]: value })
    t.equal(again.statusCode, 201, `the ${column} of a deleted ${name} can be used again`)
    t.equal(again.json()[column], value)
  })
}

// ---------------------------------------------------------------- delete, routes, outages

function deleting(t: Test, { c, main, label }: Ctx) {
  const { app, sql } = main
  const { name, plural } = c.resource
  const url = collection(c)

  t.test(`DELETE /api/${plural}/:id: 204 and no body, then 404 for every verb`, async (t) => {
    const own = await arrange(c, main)
    const [gone, kept] = [await create(app, c, c.body(own)), await create(app, c, c.body(own))]
    // Labelled as JSON without a body, as many HTTP clients send a DELETE.
    const res = await app.inject({ method: 'DELETE', url: `${url}/${gone.id}`, headers: { 'content-type': 'application/json' } })
    t.equal(res.statusCode, 204)
    t.equal(res.body, '')
    t.equal(await stored(sql, c, gone.id), undefined, 'the row is gone')
    t.strictSame(await stored(sql, c, kept.id), kept, 'the other stays')
    const detail = `${name} ${gone.id} does not exist`
    expectProblem(t, await app.inject(`${url}/${gone.id}`), 404, 'not-found', detail, 'GET')
    expectProblem(
      t,
      await app.inject({ method: 'DELETE', url: `${url}/${gone.id}` }),
      404,
      'not-found',
      detail,
      'a second delete',
    )
    expectProblem(t, await send(app, 'PUT', `${url}/${gone.id}`, c.body(own)), 404, 'not-found', detail, 'PUT')
    expectProblem(t, await send(app, 'PATCH', `${url}/${gone.id}`, { [label]: 'x' }), 404, 'not-found', detail, 'PATCH')
    t.strictSame(rowsOf(await list(app, c, c.scope(own, 'id'))), [kept])
    for (const id of [...NOT_IDS, '-3']) {
      expectInvalid(t, await app.inject({ method: 'DELETE', url: `${url}/${id}` }), 'params', '/id', `id ${id}`)
    }
  })

  const children: Child[] = c.resource.children ?? []
  if (children.length > 0) {
    t.test(`DELETE is a 409 while ${children.map((child) => child.label).join(' or ')} refer to the ${name}`, async (t) => {
      const own = await arrange(c, main)
      const row = await create(app, c, c.body(own))
      const item = `${url}/${row.id}`
      const blocked = async (detail: string) => {
        const res = await app.inject({ method: 'DELETE', url: item })
        t.strictSame(res.json(), { type: 'urn:labtrack:problem:still-referenced', title: 'Conflict', status: 409, detail })
        expectProblem(t, res, 409, 'still-referenced', detail)
        t.strictSame(await stored(sql, c, row.id), row, 'nothing deleted')
      }
      const [first, ...others] = children as [Child, ...Child[]]
      await addChild(sql, first.table, first.column, row.id)
      await blocked(`${name} ${row.id} still has 1 ${first.label.replace(/s$/, '')}`)
      await addChild(sql, first.table, first.column, row.id)
      await blocked(`${name} ${row.id} still has 2 ${first.label}`)
      for (const child of others) await addChild(sql, child.table, child.column, row.id)
      await blocked(
        [`${name} ${row.id} still has 2 ${first.label}`, ...others.map((child) => `1 ${child.label.replace(/s$/, '')}`)].join(
          ' and ',
        ),
      )
      for (const child of children) {
        const [count] = await sql.unsafe(`SELECT count(*)::int AS n FROM ${child.table} WHERE ${child.column} = $1`, [row.id])
        t.equal(count?.n, child === first ? 2 : 1, `no ${child.label} deleted: no cascade`)
        await sql.unsafe(`DELETE FROM ${child.table} WHERE ${child.column} = $1`, [row.id])
      }
      t.equal((await app.inject({ method: 'DELETE', url: item })).statusCode, 204, `an emptied ${name} can be deleted`)
    })
  }

  t.test(`unknown routes and methods around /api/${plural} answer with a 404 problem`, async (t) => {
    for (const [method, path] of [
      ['GET', `/api/${name}`],
      ['GET', `/api/${name}/1`],
      ['GET', '/api/nothing-here'],
      ['POST', `${url}/1`],
      ['PUT', url],
      ['PATCH', url],
      ['DELETE', url],
      ['OPTIONS', url],
    ] as const) {
      const res = await app.inject({ method, url: path, ...(method === 'POST' || method === 'PUT' ? { payload: {} } : {}) })
      expectProblem(t, res, 404, 'not-found', `no route for ${method} ${path}`)
    }
  })

  // These two never reach the error handler: create-app.ts answers them through frameworkErrors.
  t.test(
    "Fastify's own refusals (414 for a too long id, 400 for a broken URL) are problems titled by their status",
    async (t) => {
      for (const [what, path, status] of [
        ['an id of 300 digits', `${url}/${'1'.repeat(300)}`, 414],
        ['a broken percent-encoding', `${url}/%E0%A4%A`, 400],
      ] as const) {
        const res = await app.inject(path)
        t.equal(res.statusCode, status, what)
        t.equal(res.headers['content-type'], PROBLEM_CONTENT_TYPE, `${what}: content-type`)
        t.equal((res.json() as { title?: string }).title, statusTitle(status), `${what}: title`)
        t.equal((res.json() as { status?: number }).status, status, `${what}: status in the body`)
        t.match(res.headers['x-request-id'], /\S/, `${what}: the request id`)
        if (status !== 400) t.notMatch(res.body, /Bad Request/, `${what}: a ${status} does not say "Bad Request"`)
      }
    },
  )
}

/** Inserts a child row referring to `id`, filling its required fields from its definition. */
async function addChild(sql: TestApp['sql'], table: string, column: string, id: number) {
  const child = RESOURCES.find((resource) => resource.table === table) as (typeof RESOURCES)[number]
  const names = Object.entries(child.columns as Record<string, Column>)
  const required = names
    .filter(([name, { options }]) => name !== column && !options.nullable && !options.generated && options.derivedFrom !== column)
    .map(([name]) => name)
  await sql.unsafe(
    `INSERT INTO ${table} (${[column, ...required].join(', ')}) VALUES ($1${required.map(() => ", 'child'").join('')})`,
    [id],
  )
}

function unavailable(t: Test, { c, label }: Ctx) {
  t.test('with the database unreachable, every operation is a 503 problem without driver text', async (t) => {
    const down = await createApp({ databaseUrl: UNREACHABLE, services: [c.service] })
    t.teardown(() => down.close())
    const url = collection(c)
    const [example] = c.examples as [Row]
    const { id: _, ...body } = example
    // A token: checking it needs the database too, so the answer is the 503, not a 401.
    const token = { authorization: 'Bearer lt_unverifiable' }
    const json = { ...token, 'content-type': 'application/json' }
    for (const [what, request] of [
      ['list', { url, headers: token }],
      ['list with a count', { url: `${url}?limit=1&sort=-id`, headers: { ...token, prefer: 'count=exact' } }],
      ['get', { url: `${url}/1`, headers: token }],
      ['create', { method: 'POST', url, headers: json, payload: JSON.stringify(body) }],
      ['replace', { method: 'PUT', url: `${url}/1`, headers: json, payload: JSON.stringify(body) }],
      ['patch', { method: 'PATCH', url: `${url}/1`, headers: json, payload: JSON.stringify({ [label]: 'x' }) }],
      ['delete', { method: 'DELETE', url: `${url}/1`, headers: token }],
    ] as const) {
      const res = await down.inject(request)
      expectProblem(t, res, 503, 'unavailable', 'the database is unavailable', what)
      t.notMatch(res.body, DRIVER_TEXT, `${what}: no driver text`)
    }
  })
}
