import type { StartFigures } from './start-time.js'
import { CEILING_NGINX, type Measured } from './table.js'

// Issue 9 §2's targets, each judged on figures of this one run.

export interface Target {
  target: string
  met: boolean | null
  figures: string
}

const SERVICES = ['site', 'inventory', 'computer']

const percent = (fraction: number) => `${fraction >= 0 ? '+' : ''}${(fraction * 100).toFixed(1)} %`

export function judgeTargets(rows: Measured[], start: StartFigures | undefined): Target[] {
  const find = (key: string, via: string) => rows.find((row) => row.key === key && row.via === via)
  const targets: Target[] = []

  const site = find('site', 'nginx')
  const ceiling = find(CEILING_NGINX, 'nginx')
  if (site && ceiling) {
    const ratio = site.requestsPerSecond / ceiling.requestsPerSecond
    targets.push({
      target: 'GET one site through nginx ≥ 0.5 of nginx → Fastify without a database',
      met: ratio >= 0.5,
      figures: `${Math.round(site.requestsPerSecond)} vs ${Math.round(ceiling.requestsPerSecond)} req/s: ${ratio.toFixed(2)}`,
    })
  }

  for (const via of ['nginx', 'direct']) {
    const [first, deep] = [find('page-first', via), find('page-cursor', via)]
    if (!first || !deep) continue
    const ratio = deep.p99 / first.p99
    targets.push({
      target: `deep page by cursor: p99 ≤ 1.5 × the first page's (${via})`,
      met: ratio <= 1.5,
      figures: `p99 ${deep.p99.toFixed(1)} ms vs ${first.p99.toFixed(1)} ms: ${ratio.toFixed(2)}×`,
    })
  }

  const rss = SERVICES.map((name) => ({
    name,
    rss: Math.max(0, ...rows.map((row) => row.processes[name]?.rss ?? 0)),
  }))
  targets.push({
    target: 'each service ≤ 100 MB RSS under load',
    met: rss.every(({ rss }) => rss <= 100),
    figures: `largest seen: ${rss.map(({ name, rss }) => `${name} ${rss} MB`).join(', ')}`,
  })

  // The token's cost is the site service's CPU time per request, with a token against without,
  // in the same alternating slices: req/s, printed beside it, says it only through the shared
  // machine (why, with figures: the README's "Reading the table").
  const cpuPerRequest = (row: Measured) => ((row.processes.site?.cpuSeconds ?? 0) / row.requests) * 1e6
  for (const via of ['nginx', 'direct']) {
    const [token, open] = [find('site', via), find('site-open', via)]
    if (!token || !open) continue
    const [withToken, without] = [cpuPerRequest(token), cpuPerRequest(open)]
    const cost = withToken / without - 1
    const throughput = open.requestsPerSecond / token.requestsPerSecond - 1
    targets.push({
      target: `an authenticated request costs ≤ 10 % more than an open one (GET one site, ${via}: the site service's CPU a request)`,
      met: cost <= 0.1,
      figures: `${withToken.toFixed(1)} µs with a token, ${without.toFixed(1)} without: ${percent(cost)}; req/s ${Math.round(token.requestsPerSecond)} against ${Math.round(open.requestsPerSecond)} (${percent(throughput)}, the machine's noise included)`,
    })
  }

  targets.push(
    start
      ? {
          target: 'pnpm start ready in < 2 s on a warm data folder',
          met: start.warmMs < 2000,
          figures: `${(start.warmMs / 1000).toFixed(2)} s (median of ${start.runsMs.length} warm starts)`,
        }
      : { target: 'pnpm start ready in < 2 s on a warm data folder', met: null, figures: 'not measured (--no-start)' },
  )
  return targets
}

export const renderTargets = (targets: Target[]) =>
  targets
    .map(({ target, met, figures }) => `${met === null ? 'skipped' : met ? 'met    ' : 'NOT MET'}  ${target}: ${figures}`)
    .join('\n')
