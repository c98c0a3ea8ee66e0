import { buildTestApp } from '@labtrack/service-kit/testing'
import t from 'tap'
import { SERVICES } from '../src/services.js'

// Who the history names: a person signed in through POST /api/session (the
// site service) who then changes a container (the inventory service) is named
// by their user name; a token by token:<name>. Both with the request's id.
const { app, sql, headersOf } = await buildTestApp(
  t,
  SERVICES.map((service) => service.plugin),
  { exampleData: true },
)
const json = { 'content-type': 'application/json' }

const added = await app.inject({
  method: 'POST',
  url: '/api/users',
  headers: headersOf('admin'),
  payload: { name: 'grace', role: 'editor', password: 'grace-password-1' },
})
t.equal(added.statusCode, 201, 'an editor account')

const latestEvent = async (id: number) =>
  (await sql`SELECT actor, action, request_id FROM container_event WHERE container_id = ${id} ORDER BY id DESC LIMIT 1`)[0]

t.test('a change made in a session is recorded with the user name and the request id', async (t) => {
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: json,
    payload: { name: 'grace', password: 'grace-password-1' },
  })
  t.equal(signIn.statusCode, 200)
  const cookie = signIn.cookies.map(({ name, value }) => `${name}=${value}`).join('; ')
  const session = { ...json, cookie, 'x-csrf-token': signIn.json().csrf_token as string }
  const created = await app.inject({
    method: 'POST',
    url: '/api/containers',
    headers: { ...session, 'x-request-id': 'grace-creates' },
    payload: { description: 'by grace', freezer_id: 1 },
  })
  t.equal(created.statusCode, 201)
  const { id } = created.json() as { id: number }
  t.strictSame({ ...(await latestEvent(id)) }, { actor: 'grace', action: 'created', request_id: 'grace-creates' })
  const moved = await app.inject({
    method: 'PATCH',
    url: `/api/containers/${id}`,
    headers: { ...session, 'x-request-id': 'grace-moves' },
    payload: { parent_id: 4, position: 'C3' },
  })
  t.equal(moved.statusCode, 200, 'into Box A at C3')
  t.strictSame({ ...(await latestEvent(id)) }, { actor: 'grace', action: 'moved', request_id: 'grace-moves' })
})

t.test('a change made with a token is recorded as token:<its name>', async (t) => {
  const res = await app.inject({
    method: 'PATCH',
    url: '/api/containers/2',
    headers: { ...headersOf('editor'), 'x-request-id': 'token-edits' },
    payload: { location: 'door rack' },
  })
  t.equal(res.statusCode, 200)
  t.strictSame({ ...(await latestEvent(2)) }, { actor: 'token:test-editor', action: 'updated', request_id: 'token-edits' })
})
