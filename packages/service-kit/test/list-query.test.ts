import { computer, container, site } from '@labtrack/db'
import t from 'tap'
import { ProblemError } from '../src/problem.js'
import { listQuery } from '../src/resources/list-query.js'
import { wantsExactCount } from '../src/resources/routes.js'

const sites = listQuery(site)
const computers = listQuery(computer)
const containers = listQuery(container)

/** The pointer and detail of the one error a parse throws. */
function refusal(fn: () => unknown): { pointer?: string; detail?: string } {
  try {
    fn()
  } catch (error) {
    if (error instanceof ProblemError) return error.problem.errors?.[0] ?? {}
    throw error
  }
  return {}
}

t.test('Prefer: count=exact among other preferences, any case and spacing', async (t) => {
  for (const header of ['count=exact', 'COUNT = exact', 'return=minimal, count=exact', 'count=exact; strict']) {
    t.equal(wantsExactCount(header), true, header)
  }
  for (const header of [undefined, '', 'count=planned', 'return=minimal', 'count=exactly']) {
    t.equal(wantsExactCount(header), false, String(header))
  }
})

t.test('the defaults: every row by id, 100 a page, no cursor', async (t) => {
  t.strictSame(sites.parse({}, false), {
    filters: [],
    sort: [{ column: 'id', desc: false }],
    limit: 100,
    offset: 0,
    after: null,
    count: false,
  })
})

t.test('sort: fields in order, minus for descending, the id appended unless named', async (t) => {
  t.strictSame(sites.parse({ sort: 'country,-name' }, false).sort, [
    { column: 'country', desc: false },
    { column: 'name', desc: true },
    { column: 'id', desc: false },
  ])
  t.strictSame(sites.parse({ sort: '-id' }, false).sort, [{ column: 'id', desc: true }])
  t.match(
    refusal(() => sites.parse({ sort: 'name,secret' }, false)),
    { pointer: '/sort', detail: /"secret" is not a field/ },
  )
  t.match(
    refusal(() => sites.parse({ sort: 'name,-name' }, false)),
    { pointer: '/sort', detail: 'name is named twice' },
  )
  t.match(
    refusal(() => sites.parse({ sort: 'name,' }, false)),
    { pointer: '/sort', detail: /"" is not a field/ },
  )
})

t.test('[in] lists are checked item by item against the field', async (t) => {
  t.strictSame(computers.parse({ 'site_id[in]': '1,2,3' }, false).filters, [{ column: 'site_id', op: 'in', value: [1, 2, 3] }])
  t.strictSame(computers.parse({ 'mac[in]': '08-00-2B-01-02-03' }, false).filters, [
    { column: 'mac', op: 'in', value: ['08-00-2B-01-02-03'] },
  ])
  t.match(
    refusal(() => computers.parse({ 'site_id[in]': '1,x' }, false)),
    {
      pointer: '/site_id[in]',
      detail: '"x" must be an integer written in decimal digits',
    },
  )
  t.match(
    refusal(() => computers.parse({ 'site_id[in]': '1,0' }, false)),
    { pointer: '/site_id[in]', detail: /"0" must be >= 1/ },
  )
  t.match(
    refusal(() => computers.parse({ 'mac[in]': 'nope' }, false)),
    { detail: '"nope" must be a MAC address such as 08:00:2b:01:02:03' },
  )
  t.match(
    refusal(() => computers.parse({ 'id[in]': Array.from({ length: 101 }, (_, i) => i + 1).join(',') }, false)),
    {
      pointer: '/id[in]',
      detail: 'lists more than 100 values',
    },
  )
})

t.test('a cursor continues only the list and order it was made for', async (t) => {
  const sort = sites.parse({ sort: '-country' }, false).sort
  const cursor = sites.cursor(sort, [null, 7])
  t.strictSame(sites.parse({ sort: '-country', after: cursor }, false).after, [null, 7], 'a null of a nullable field')
  const stranger = { pointer: '/after', detail: 'is not a cursor of this list and sort order; follow the Link header' }
  t.match(
    refusal(() => sites.parse({ after: cursor }, false)),
    stranger,
    'another sort',
  )
  t.match(
    refusal(() => sites.parse({ sort: '-country', after: 'not base64 json' }, false)),
    stranger,
    'garbage',
  )
  t.match(
    refusal(() => sites.parse({ sort: '-country', after: sites.cursor(sort, [null]) }, false)),
    stranger,
    'too few values',
  )
  t.match(
    refusal(() => sites.parse({ sort: '-country', after: sites.cursor(sort, ['x', 'y']) }, false)),
    stranger,
    'a text id',
  )
  t.match(
    refusal(() => sites.parse({ sort: '-country', after: sites.cursor(sort, [{}, 1]) }, false)),
    stranger,
    'an object',
  )
  const byName = sites.parse({ sort: 'name' }, false).sort
  t.match(
    refusal(() => sites.parse({ sort: 'name', after: sites.cursor(byName, [null, 1]) }, false)),
    stranger,
    'null of a required field',
  )
  const byUuid = containers.parse({ sort: 'uuid' }, false).sort
  t.match(
    refusal(() => containers.parse({ sort: 'uuid', after: containers.cursor(byUuid, ["' OR 1=1", 1]) }, false)),
    stranger,
  )
  t.match(
    refusal(() => sites.parse({ after: sites.cursor(sites.parse({}, false).sort, [1]), offset: 5 }, false)),
    {
      pointer: '/after',
      detail: 'cannot be combined with offset',
    },
  )
})
