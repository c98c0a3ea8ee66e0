import type { Test } from 'tap'
import type { E2eStack } from '../src/e2e-stack.js'

export async function resilienceSuite(t: Test, stack: E2eStack) {
  const get = (path: string) => fetch(`${stack.url}${path}`)

  t.test('a stopped service gives a problem, the others keep working, and it recovers', async (t) => {
    t.equal((await get('/api/freezers')).status, 200)
    await stack.services.inventory.stop()
    t.teardown(async () => {
      if (!stack.services.inventory.running) await stack.services.inventory.start()
    })

    const down = await get('/api/freezers/1')
    t.equal(down.status, 502)
    t.match(down.headers.get('content-type'), /^application\/problem\+json/)
    const body = (await down.json()) as { type: string; status: number; detail: string }
    t.equal(body.status, 502)
    t.match(body.type, /^urn:labtrack:problem:/)
    t.notMatch(JSON.stringify(body), /nginx|<html/i)
    t.equal((await get('/api/containers')).status, 502, 'containers live in the same service')
    t.equal((await get('/api/sites/1')).status, 200, 'the site service is untouched')
    t.equal((await get('/api/computers/1')).status, 200, 'the computer service is untouched')

    await stack.services.inventory.start()
    const back = await get('/api/freezers/1')
    t.equal(back.status, 200, 'back once the service is')
    t.equal(((await back.json()) as { name: string }).name, '-20C')
  })
}
