import { openThrowawayServer } from '@labtrack/db-tools'
import { SERVICE_NODE_FLAGS, serviceBundle } from '../packages/launcher/src/build-services.js'
import { alternatingSlices, exampleDatabaseWithToken, peakRssBytes, serveBundle } from './support.js'

// pnpm tsx scripts/measure-node-flags.ts: what node flags (the heap's sizes)
// cost and save in the site service: one process per set of flags
// (NODE_FLAG_SETS, sets split by |; `default` for none), all running at once,
// GET /api/sites/1 with a token in alternating 1 s slices (FLAG_SLICES,
// default 8 each); then the largest RSS each reached. Figures to compare within one run.
const SETS = (process.env.NODE_FLAG_SETS ?? `default|${SERVICE_NODE_FLAGS.join(' ')}`).split('|')
const SLICES = Number(process.env.FLAG_SLICES ?? 8)

const server = await openThrowawayServer()
try {
  const { database, token } = await exampleDatabaseWithToken(server.adminUrl)
  const flagsOf = (set: string) => (set === 'default' ? [] : set.split(' ').filter(Boolean))
  const services = await Promise.all(SETS.map((set) => serveBundle([...flagsOf(set), serviceBundle('site')], database.url)))
  const results = await alternatingSlices(
    services.map(({ base }) => base),
    '/api/sites/1',
    token,
    SLICES,
  )
  console.log(`site service, GET /api/sites/1 with a token, ${SLICES} alternating 1 s slices each:`)
  for (const [index, set] of SETS.entries()) {
    const peak = (await peakRssBytes((services[index] as (typeof services)[number]).pid)) / 1048576
    const { rate, errors } = results[index] as (typeof results)[number]
    console.log(
      `  ${set.padEnd(56)} ${rate.toFixed(0).padStart(6)} req/s (${errors} errors)   largest RSS ${peak.toFixed(1)} MiB (${((peak * 1048576) / 1e6).toFixed(0)} MB)`,
    )
  }
  await Promise.all(services.map(({ stop }) => stop()))
  await database.drop()
} finally {
  await server.stop()
}
