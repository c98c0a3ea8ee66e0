import { site } from '@labtrack/db'
import { expectProblem, type TestApp } from '@labtrack/service-kit/testing'
import { siteService } from '@labtrack/site'
import type { Test } from 'tap'
import { create, type ResourceCase, send } from '../case.js'

export const SITE_1 = {
  id: 1,
  name: 'Site 1',
  contact: 'John Smith',
  address: '123 Muffin Lane, Ann Arbor',
  state_or_region: 'MI',
  country: 'USA',
  postcode_or_zip: '48103',
}
const empty = { contact: null, address: null, state_or_region: null, country: null, postcode_or_zip: null }

export const sites: ResourceCase = {
  resource: site,
  service: siteService,
  examples: [SITE_1, { id: 2, name: 'Site 2', ...empty }, { id: 3, name: 'Site 3', ...empty }],
  parents: async () => [],
  body: ({ tag }) => ({ name: `${tag} site`, contact: tag }),
  scope: ({ tag }, except) => ({ [except === 'name' ? 'contact' : 'name[contains]']: tag }),
  unique: {},
  badValues: {},
  badFilters: {},
  invalidBody: { body: { name: '', contact: 5, zip: 'x' }, pointers: ['/contact', '/name', '/zip'] },
  // The strings the site tests always used, beside the shared ones.
  hostile: ['%_\\ $1 ? :name', '🧪🧊 freezer lab', '東京大学 研究所'],
  dependent: [],
  csv: false,
  exampleParents: null,
  own,
}

function own(t: Test, main: TestApp) {
  const { app, sql } = main

  t.test('POST /api/sites with a name and a country: the other fields are null', async (t) => {
    const res = await send(app, 'POST', '/api/sites', { name: 'Site 4', country: 'NZ' })
    t.equal(res.statusCode, 201)
    const created = res.json()
    t.equal(res.headers.location, `/api/sites/${created.id}`)
    t.strictSame(created, { ...empty, id: created.id, name: 'Site 4', country: 'NZ' })
    const [row] = await sql`SELECT name, country, contact FROM site WHERE id = ${created.id}`
    t.strictSame({ ...row }, { name: 'Site 4', country: 'NZ', contact: null })
  })

  t.test('DELETE /api/sites/:id is refused while the site has freezers or computers, and says how many', async (t) => {
    const res = await app.inject({ method: 'DELETE', url: '/api/sites/1' })
    t.strictSame(res.json(), {
      type: 'urn:labtrack:problem:still-referenced',
      title: 'Conflict',
      status: 409,
      detail: 'site 1 still has 2 freezers and 2 computers',
    })
    expectProblem(t, res, 409, 'still-referenced')
    t.equal((await sql`SELECT 1 FROM site WHERE id = 1`).length, 1, 'nothing deleted')
    t.equal((await sql`SELECT 1 FROM freezer WHERE site_id = 1`).length, 2, 'no cascade')

    const mine = await create(app, sites, { name: 'one computer' })
    await sql`INSERT INTO computer (name, site_id) VALUES ('only', ${mine.id})`
    const one = await app.inject({ method: 'DELETE', url: `/api/sites/${mine.id}` })
    t.equal(one.json().detail, `site ${mine.id} still has 1 computer`)
  })
}
