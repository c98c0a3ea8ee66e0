import { request } from 'node:http'
import { gunzipSync } from 'node:zlib'
import type { Test } from 'tap'
import type { E2eStack } from '../src/e2e-stack.js'

const PROBLEM = 'application/problem+json'

export async function apiSuite(t: Test, stack: E2eStack) {
  // A client of the API: an editor's token on every request (a request may set its own Authorization).
  const authorization = `Bearer ${await stack.createToken('editor')}`
  const get = (path: string, init: RequestInit = {}) =>
    fetch(`${stack.url}${path}`, { ...init, headers: { authorization, ...(init.headers as Record<string, string>) } })

  t.test('through the gateway: nothing without credentials; sign-in, CSRF and sign-out work for a browser', async (t) => {
    const anonymous = await fetch(`${stack.url}/api/sites/1`)
    t.equal(anonymous.status, 401)
    t.equal(anonymous.headers.get('www-authenticate'), 'Bearer realm="labtrack"')
    t.match(anonymous.headers.get('content-type'), PROBLEM)
    for (const path of ['/sites/', '/api/freezers', '/api/computers/1']) {
      t.equal((await fetch(`${stack.url}${path}`)).status, 401, `${path}: every service checks`)
    }
    const signIn = await fetch(`${stack.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(stack.admin),
    })
    t.equal(signIn.status, 200)
    const cookie = signIn.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ')
    const { csrf_token: csrf } = (await signIn.json()) as { csrf_token: string }
    const asBrowser = (path: string, init: RequestInit = {}) =>
      fetch(`${stack.url}${path}`, { ...init, headers: { cookie, ...(init.headers as Record<string, string>) } })
    t.equal((await asBrowser('/api/containers/1')).status, 200, 'the cookie reaches the inventory service too')
    const write = { method: 'POST', body: JSON.stringify({ name: 'by cookie' }) }
    t.equal(
      (await asBrowser('/api/sites', { ...write, headers: { 'content-type': 'application/json' } })).status,
      403,
      'no CSRF token',
    )
    const made = await asBrowser('/api/sites', {
      ...write,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    })
    t.equal(made.status, 201, 'with the CSRF token')
    // Removed again, so the suites after this one see the example sites only.
    const removed = await asBrowser(made.headers.get('location') as string, {
      method: 'DELETE',
      headers: { 'x-csrf-token': csrf },
    })
    t.equal(removed.status, 204)
    t.equal((await asBrowser('/api/session', { method: 'DELETE' })).status, 204)
    t.equal((await asBrowser('/api/sites/1')).status, 401, 'signed out at once')
  })

  t.test('each resource reaches its service (a misrouted path would be a 404 there)', async (t) => {
    const expected: [string, string, unknown][] = [
      ['/api/sites/1', 'name', 'Site 1'],
      [
        '/api/instruments?limit=1',
        '0',
        { site_id: 1, site_name: 'Site 1', computer_id: 1, freezer_id: null, name: 'Computer 1' },
      ],
      [
        '/api/sites/1/instruments?limit=1',
        '0',
        { site_id: 1, site_name: 'Site 1', computer_id: 1, freezer_id: null, name: 'Computer 1' },
      ],
      ['/api/freezers/2', 'name', '-40C'],
      [
        '/api/containers?uuid=c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e23',
        '0',
        {
          id: 3,
          uuid: 'c4d5e6f7-0a1b-4c2d-8e3f-4a5b6c7d8e23',
          description: 'DNA extracts',
          freezer_id: 2,
          // Not inside another container: the place fields are null, as for every seed row.
          parent_id: null,
          grid_rows: null,
          grid_cols: null,
          position: null,
          location: null,
        },
      ],
      ['/api/computers/2', 'name', 'Computer 2'],
    ]
    for (const [path, key, value] of expected) {
      const res = await get(path)
      t.equal(res.status, 200, path)
      t.strictSame(((await res.json()) as Record<string, unknown>)[key], value, path)
    }
    const created = await get('/api/freezers', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'through nginx', site_id: 2 }),
    })
    t.equal(created.status, 201)
    t.match(created.headers.get('location'), /^\/api\/freezers\/\d+$/)
    const rows = await stack.query`SELECT name FROM freezer WHERE site_id = 2`
    t.strictSame(rows, [{ name: 'through nginx' }], 'stored by the inventory service')
    const paged = await get('/api/freezers?limit=1&offset=0')
    t.equal(paged.headers.get('link'), '</api/freezers?limit=1&offset=1>; rel="next"')
    // Without offset the Link carries a keyset cursor; following it through nginx reaches the second freezer.
    const first = await get('/api/freezers?limit=1&sort=-name')
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get('link') ?? '')?.[1] ?? ''
    t.match(next, /^\/api\/freezers\?limit=1&sort=-name&after=[\w-]+$/)
    const second = (await (await get(next)).json()) as { name: string }[]
    const names = ((await (await get('/api/freezers?sort=-name')).json()) as { name: string }[]).map((row) => row.name)
    t.strictSame(
      second.map((row) => row.name),
      names.slice(1, 2),
    )
    const counted = await get('/api/freezers?site_id=1&limit=1', { headers: { prefer: 'count=exact' } })
    const all = (await (await get('/api/freezers?site_id=1&limit=1000')).json()) as unknown[]
    t.equal(counted.headers.get('x-total-count'), String(all.length), 'Prefer passes through the gateway')
    t.equal(counted.headers.get('preference-applied'), 'count=exact')
  })

  t.test('each service writes through the gateway: create, replace, change, refuse, delete', async (t) => {
    const send = (method: string, path: string, body?: unknown, type = 'application/json') =>
      get(path, { method, headers: { 'content-type': type }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })
    const problem = async (res: Response, status: number, type: string) => {
      t.equal(res.status, status, `${status} ${type}`)
      t.match(res.headers.get('content-type'), PROBLEM)
      t.equal(((await res.json()) as { type: string }).type, `urn:labtrack:problem:${type}`)
    }

    const site = (await (await send('POST', '/api/sites', { name: 'Gateway lab', country: 'NZ' })).json()) as { id: number }
    t.equal((await send('PUT', `/api/sites/${site.id}`, { name: 'Gateway lab II' })).status, 200)
    t.equal(
      ((await (await send('PATCH', `/api/sites/${site.id}`, { contact: 'Ada' })).json()) as { contact: string }).contact,
      'Ada',
    )
    await problem(await send('POST', '/api/sites', { name: ' ', extra: 1 }), 400, 'validation')
    await problem(await send('POST', '/api/sites', 'name=x', 'text/plain'), 415, 'unsupported-media-type')

    await problem(await send('POST', '/api/computers', { name: 'pc', site_id: 999999 }), 422, 'unknown-parent')
    const pc = await send('POST', '/api/computers', { name: 'pc', mac: '08-00-2B-AA-BB-CC', site_id: site.id })
    t.equal(pc.status, 201)
    const { id: pcId, mac } = (await pc.json()) as { id: number; mac: string }
    t.equal(mac, '08:00:2b:aa:bb:cc')
    await problem(await send('POST', '/api/computers', { name: 'twin', mac: '08002baabbcc', site_id: site.id }), 409, 'conflict')
    t.equal((await send('PATCH', `/api/computers/${pcId}`, { mac: null })).status, 200)

    const freezer = (await (await send('POST', '/api/freezers', { name: '-80C', site_id: site.id })).json()) as { id: number }
    const tube = (await (await send('POST', '/api/containers', { freezer_id: freezer.id })).json()) as {
      id: number
      uuid: string
    }
    await problem(await send('POST', '/api/containers', { uuid: tube.uuid, freezer_id: freezer.id }), 409, 'conflict')
    await problem(await send('DELETE', `/api/freezers/${freezer.id}`), 409, 'still-referenced')
    t.equal((await send('PATCH', `/api/containers/${tube.id}`, { freezer_id: 1 })).status, 200, 'moved')
    t.equal((await send('PUT', `/api/freezers/${freezer.id}`, { name: '-86C', site_id: site.id })).status, 200)

    for (const path of [
      `/api/freezers/${freezer.id}`,
      `/api/computers/${pcId}`,
      `/api/containers/${tube.id}`,
      `/api/sites/${site.id}`,
    ]) {
      t.equal((await send('DELETE', path)).status, 204, `DELETE ${path}`)
      await problem(await get(path), 404, 'not-found')
    }
  })

  t.test("the seed's URLs", async (t) => {
    t.equal(((await (await get('/sites/')).json()) as unknown[]).length, 3)
    t.equal(((await (await get('/sites')).json()) as unknown[]).length, 3)
    t.equal(((await (await get('/site/1')).json()) as { contact: string }).contact, 'John Smith')
    t.equal(((await (await get('/sites/1/1')).json()) as { id: number }[])[0]?.id, 2)
    // The Flask app's instrument2dict keys.
    const instruments = (await (await get('/instruments/')).json()) as Record<string, unknown>[]
    t.strictSame(Object.keys(instruments[0] ?? {}), ['site_id', 'site_name', 'computer_id', 'freezer_id', 'name'])
    t.ok(instruments.some((row) => row.name === '-20C'))
    t.equal((await get('/instruments/0/1')).status, 200)
  })

  t.test('X-Request-Id goes to the service and comes back once', async (t) => {
    const res = await get('/api/sites/1', { headers: { 'x-request-id': 'e2e-trace.42' } })
    t.equal(res.headers.get('x-request-id'), 'e2e-trace.42')
    const generated = await get('/api/sites/1')
    t.match(generated.headers.get('x-request-id'), /^[\w.:@-]{16,}$/, 'made up when absent')
    t.notMatch(generated.headers.get('x-request-id'), /,/, 'one value, not two')
  })

  t.test("errors are problems, never nginx's HTML", async (t) => {
    const unknown = await get('/api/nope')
    t.equal(unknown.status, 404)
    t.match(unknown.headers.get('content-type'), PROBLEM)
    t.equal(((await unknown.json()) as { status: number }).status, 404)

    const missing = await get('/api/sites/999')
    t.equal(missing.status, 404)
    t.equal(((await missing.json()) as { detail: string }).detail, 'site 999 does not exist', "the service's own problem")

    const huge = await get('/api/sites', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', address: 'y'.repeat(1_100_000) }),
    })
    t.equal(huge.status, 413)
    t.match(huge.headers.get('content-type'), PROBLEM)

    // Bytes that are not UTF-8 pass nginx untouched and are refused by the service: nothing stored, nothing replaced.
    const notUtf8 = await get('/api/sites', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
    })
    t.equal(notUtf8.status, 400)
    t.match(notUtf8.headers.get('content-type'), PROBLEM)
    t.equal(((await notUtf8.json()) as { detail: string }).detail, 'the request body is not valid UTF-8')
    t.strictSame(await stack.query`SELECT id FROM site WHERE name LIKE 'caf%'`, [], 'nothing stored')
    const withBom = await get('/api/sites', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ name: 'café with a BOM' }))]),
    })
    t.equal(withBom.status, 201, 'a BOM before the JSON is accepted')
    t.equal(((await withBom.json()) as { name: string }).name, 'café with a BOM')
    t.equal((await get(withBom.headers.get('location') as string, { method: 'DELETE' })).status, 204)

    const blocked = await get('/api/sites/1', { method: 'DELETE' })
    t.equal(blocked.status, 409)
    t.match(((await blocked.json()) as { detail: string }).detail, /^site 1 still has \d+ freezers and 2 computers$/)
  })

  t.test('the UI, its assets and the API document from nginx', async (t) => {
    const index = await get('/lab-sites/1')
    t.equal(index.status, 200, 'a UI route falls back to index.html')
    t.match(index.headers.get('content-type'), /text\/html/)
    t.equal(index.headers.get('cache-control'), 'no-cache')
    t.match(index.headers.get('content-security-policy'), /default-src 'self'/)
    t.equal(index.headers.get('x-content-type-options'), 'nosniff')
    t.equal(index.headers.get('x-frame-options'), 'DENY')
    t.ok(index.headers.get('referrer-policy'))
    const html = await index.text()
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    t.ok(script, 'index.html names a fingerprinted bundle')
    const asset = await get(script as string)
    t.equal(asset.status, 200)
    t.match(asset.headers.get('cache-control'), /immutable/)

    // nginx compresses JSON from 1 KiB on: a site with a long address makes one that size.
    const long = await get('/api/sites', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Long address', address: 'Lab wing B, '.repeat(150) }),
    })
    const { id } = (await long.json()) as { id: number }
    const gzipped = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      request(`${stack.url}/api/sites/${id}`, { headers: { 'accept-encoding': 'gzip', authorization } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }))
      })
        .on('error', reject)
        .end()
    })
    t.equal(gzipped.encoding, 'gzip', 'JSON is compressed')
    t.equal(JSON.parse(gunzipSync(gzipped.body).toString()).name, 'Long address')
    await get(`/api/sites/${id}`, { method: 'DELETE' })

    const openapi = await get('/api/openapi.json')
    t.equal(openapi.status, 200)
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> }
    t.match(document.openapi, /^3\./)
    for (const path of ['/api/sites', '/api/freezers/{id}', '/api/containers', '/api/computers/{id}', '/sites']) {
      t.ok(document.paths[path], `${path} documented`)
    }
    const docs = await get('/api/docs/')
    t.equal(docs.status, 200)
    t.match(await docs.text(), /swagger-ui/)
  })
}
