import type { ProcessFigures } from './proc.js'

// The one table pnpm bench prints: a row per route and way in (nginx, direct,
// pgbench), each figure followed by its ratio to the row's ceiling in
// parentheses: the no-database Fastify route the same way in for HTTP rows
// (req/s: the share of it reached; latency, CPU, RSS: how many times it).
// "÷SQL" is the route's req/s over its own SQL's pgbench -M prepared tps.

export type Via = 'nginx' | 'direct' | 'pgbench -M prepared' | 'pgbench -M extended'

export interface Measured {
  key: string
  work: string
  via: Via
  requestsPerSecond: number
  megabytesPerSecond?: number
  p50: number
  p99: number
  max: number
  errors: number
  requests: number
  /** The process that serves it: a service, the no-database app, or nothing for pgbench. */
  server?: string
  processes: Record<string, ProcessFigures>
  /** The key of its HTTP ceiling row. */
  ceiling?: string
}

export const CEILING_NGINX = 'ceiling-nginx'
export const CEILING_DIRECT = 'ceiling-direct'

const rowId = (row: Pick<Measured, 'key' | 'via'>) => `${row.key} ${row.via}`

function number(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en')
  if (value >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

/** A ratio with two significant digits at least: 0.26, 1.9, 0.0021. */
function ratio(value: number): string {
  if (value === 0) return '0'
  return value >= 1 ? value.toFixed(value >= 10 ? 0 : 1) : value.toPrecision(2)
}

const withRatio = (value: number, ceiling: number | undefined) =>
  ceiling ? `${number(value)} (${ratio(value / ceiling)})` : number(value)

/** The serving process's figures: a service's own, or for the mix the services' CPU summed and their largest RSS. */
export function serverFigures(row: Measured): ProcessFigures | undefined {
  if (!row.server) return undefined
  const names = row.server.split('+')
  const figures = names.map((name) => row.processes[name]).filter((f): f is ProcessFigures => f !== undefined)
  if (figures.length === 0) return undefined
  const sum = (pick: (f: ProcessFigures) => number) => figures.reduce((a, f) => a + pick(f), 0)
  return { cpu: sum((f) => f.cpu), cpuSeconds: sum((f) => f.cpuSeconds), rss: Math.max(...figures.map((f) => f.rss)) }
}

export function renderTable(rows: Measured[]): string {
  const byId = new Map(rows.map((row) => [rowId(row), row]))
  const byKeyVia = (key: string, via: Via) => byId.get(rowId({ key, via }))
  const header = [
    'work',
    'via',
    'req/s',
    '÷SQL',
    'MB/s',
    'p50 ms',
    'p99 ms',
    'max ms',
    'errors',
    'server CPU %',
    'server RSS MB',
    'nginx CPU %',
    'postgres CPU %',
    'bench CPU %',
  ]
  const lines = rows.map((row) => {
    const ceiling = row.ceiling ? byKeyVia(row.ceiling, row.via) : undefined
    const sql = row.via.startsWith('pgbench') ? undefined : byKeyVia(row.key, 'pgbench -M prepared')
    const server = serverFigures(row)
    const ceilingServer = ceiling ? serverFigures(ceiling) : undefined
    const nginx = row.processes.nginx ?? row.processes['nginx (ceiling)']
    return [
      row.work,
      row.via,
      withRatio(row.requestsPerSecond, ceiling?.requestsPerSecond),
      sql ? ratio(row.requestsPerSecond / sql.requestsPerSecond) : '',
      row.megabytesPerSecond === undefined ? '' : number(row.megabytesPerSecond),
      withRatio(row.p50, ceiling?.p50),
      withRatio(row.p99, ceiling?.p99),
      withRatio(row.max, ceiling?.max),
      String(row.errors),
      server ? withRatio(server.cpu, ceilingServer?.cpu) : '',
      server ? withRatio(server.rss, ceilingServer?.rss) : '',
      nginx && row.via === 'nginx' ? withRatio(nginx.cpu, ceiling?.processes['nginx (ceiling)']?.cpu) : '',
      row.processes.postgres ? String(row.processes.postgres.cpu) : '',
      row.processes.bench ? String(row.processes.bench.cpu) : '',
    ]
  })
  const all = [header, ...lines]
  const widths = header.map((_, i) => Math.max(...all.map((line) => (line[i] ?? '').length)))
  const pad = (line: string[]) =>
    line
      .map((cell, i) => (i < 2 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd()
  return [pad(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(pad)].join('\n')
}
