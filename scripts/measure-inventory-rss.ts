import autocannon from 'autocannon'
import { SERVICE_NODE_FLAGS, serviceBundle } from '../packages/launcher/src/build-services.js'
import { openBenchDatabase } from './bench/database.js'
import { importCsv } from './bench/routes.js'
import { peakRssBytes, serveBundle } from './support.js'

// pnpm tsx scripts/measure-inventory-rss.ts [bundle.js …]: the largest resident
// memory of the inventory service (the largest of pnpm bench) on the bench's
// database (`pnpm bench` fills it once), step by step: 5 s of 100-row pages of
// the big freezer, 3 s of POSTs, 6 CSV exports of it (2 at a time), 3 imports of
// 10,000 rows (dry run). Each bundle (default: the built one) with
// SERVICE_NODE_FLAGS plus NODE_FLAGS, one process after another. Figures to
// compare within one run.
const bundles = process.argv.length > 2 ? process.argv.slice(2) : [serviceBundle('inventory')]
const extraFlags = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean)

const database = await openBenchDatabase(() => {})
const authorization = `Bearer ${database.state.token}`
try {
  for (const bundle of bundles) {
    const service = await serveBundle([...SERVICE_NODE_FLAGS, ...extraFlags, bundle], database.serviceUrl)
    const load = (options: autocannon.Options) =>
      autocannon({ ...options, url: `${service.base}${options.url}`, headers: { authorization, ...options.headers } })
    const steps: string[] = []
    const step = async (label: string, result: autocannon.Result, figure: string) => {
      const failed = result.errors + result.timeouts + result.non2xx
      steps.push(
        `${label} ${figure}${failed ? ` (${failed} failed)` : ''}: ${((await peakRssBytes(service.pid)) / 1e6).toFixed(0)} MB`,
      )
    }
    const pages = await load({ url: '/api/containers?freezer_id=1&limit=100', connections: 16, duration: 5 })
    await step('pages', pages, `${(pages['2xx'] / pages.duration).toFixed(0)}/s`)
    const posts = await load({
      url: '/api/containers',
      method: 'POST',
      connections: 16,
      duration: 3,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ freezer_id: 9999, description: 'bench' }),
    })
    await step('POSTs', posts, `${(posts['2xx'] / posts.duration).toFixed(0)}/s`)
    const exports = await load({ url: '/api/containers?freezer_id=1&format=csv', connections: 2, amount: 6, timeout: 60 })
    await step('exports', exports, `${(exports.duration / 3).toFixed(1)} s each`)
    const imports = await load({
      url: '/api/containers/import?dry_run=true',
      method: 'POST',
      connections: 1,
      amount: 3,
      timeout: 60,
      headers: { 'content-type': 'text/csv' },
      body: importCsv(),
    })
    await step('imports', imports, `${(imports.duration / 3).toFixed(1)} s each`)
    console.log(`${bundle}\n  ${steps.join('\n  ')}`)
    await service.stop()
  }
} finally {
  await database.stop()
}
