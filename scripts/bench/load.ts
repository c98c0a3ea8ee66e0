import autocannon from 'autocannon'

// The load: autocannon from this process, for a fixed time, on keep-alive
// connections. A scenario is one request (or a rotation of requests, for the
// mix); its figures count only the statuses it expects as successes.

export interface Request {
  method?: 'GET' | 'POST' | 'PATCH'
  path: string
  headers?: Record<string, string>
  body?: string
  /** Makes each request anew (a move PATCHes another container each time). */
  setup?: () => { path?: string; body?: string }
}

export interface Scenario {
  /** http://host:port, no trailing slash. */
  base: string
  requests: Request[]
  connections: number
  /** A fixed number of requests instead of a fixed time (routes whose one request takes seconds). */
  amount?: number
  /** Keeps every response's time, so that slices combine into one p50 and p99 of all their requests. */
  latencies?: boolean
}

export interface LoadFigures {
  requests: number
  seconds: number
  requestsPerSecond: number
  /** Response bytes per second (what the CSV export's MB/s is made of). */
  bytesPerSecond: number
  p50: number
  p99: number
  max: number
  /** Socket errors, timeouts and statuses other than 2xx. */
  errors: number
  statuses: Record<string, number>
  /** Every response's time in ms, when the scenario asked for them. */
  latencies?: number[]
}

export async function load(scenario: Scenario, seconds: number): Promise<LoadFigures> {
  const latencies: number[] = []
  const options: autocannon.Options = {
    url: scenario.base,
    connections: scenario.connections,
    // Cut off at the end of a fixed time, a request of several seconds would count for nothing and go on loading the server.
    ...(scenario.amount ? { amount: scenario.amount, timeout: 300 } : { duration: seconds, timeout: Math.max(10, seconds * 2) }),
    requests: scenario.requests.map(({ method = 'GET', path, headers = {}, body, setup }) => ({
      method,
      path,
      headers: { ...headers, ...(body ? { 'content-type': headers['content-type'] ?? 'application/json' } : {}) },
      ...(body ? { body } : {}),
      ...(setup
        ? {
            setupRequest: (request: autocannon.Request) => {
              const made = setup()
              return { ...request, ...(made.path ? { path: made.path } : {}), ...(made.body ? { body: made.body } : {}) }
            },
          }
        : {}),
    })),
  }
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
    if (scenario.latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms))
  })
  const statuses = {
    '1xx': result['1xx'],
    '2xx': result['2xx'],
    '3xx': result['3xx'],
    '4xx': result['4xx'],
    '5xx': result['5xx'],
  }
  return {
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    bytesPerSecond: result.throughput.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    statuses,
    ...(scenario.latencies ? { latencies } : {}),
  }
}

/** The value below which a share `q` of the sorted values lies. */
const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number

/**
 * Slices of one scenario as one measure: requests over time, every error, the worst max; p50 and
 * p99 of all the slices' requests when each kept its latencies, else the middle p50 and the worst p99.
 */
export function combine(slices: LoadFigures[]): LoadFigures {
  const sum = (pick: (figures: LoadFigures) => number) => slices.reduce((total, figures) => total + pick(figures), 0)
  const all = slices.every((f) => f.latencies) ? slices.flatMap((f) => f.latencies as number[]).sort((a, b) => a - b) : undefined
  const seconds = sum((f) => f.seconds)
  const statuses: Record<string, number> = {}
  for (const slice of slices) for (const [key, n] of Object.entries(slice.statuses)) statuses[key] = (statuses[key] ?? 0) + n
  return {
    requests: sum((f) => f.requests),
    seconds,
    requestsPerSecond: sum((f) => f.requests) / seconds,
    bytesPerSecond: sum((f) => f.bytesPerSecond * f.seconds) / seconds,
    p50: all ? percentile(all, 0.5) : (slices.map((f) => f.p50).sort((a, b) => a - b)[Math.floor(slices.length / 2)] as number),
    p99: all ? percentile(all, 0.99) : Math.max(...slices.map((f) => f.p99)),
    max: Math.max(...slices.map((f) => f.max)),
    errors: sum((f) => f.errors),
    statuses,
  }
}

/**
 * Several measures taken in turns of one second each, `seconds` turns in all:
 * a change of load on a shared machine weighs on all of them alike, so their
 * ratios hold even when the absolute figures drift. Every other turn runs them
 * in reverse order (A B C, C B A…): under a steady drift (a service still
 * warming up, a neighbour's load fading) the one measured first in each turn
 * would otherwise always see the least of it. The slices of each, in order.
 */
export async function alternate<T>(
  count: number,
  seconds: number,
  measure: (index: number, seconds: number) => Promise<T>,
): Promise<T[][]> {
  const slices: T[][] = Array.from({ length: count }, () => [])
  for (let turn = 0; turn < seconds; turn++) {
    for (let step = 0; step < count; step++) {
      const i = turn % 2 === 0 ? step : count - 1 - step
      slices[i]?.push(await measure(i, 1))
    }
  }
  return slices
}

/**
 * Load in one-second slices until the rate holds: the mean of the last two
 * slices within 3 % of the two before (at least 4 s, at most `limit`). A
 * freshly started Node service takes several seconds of load before its JIT
 * has compiled the hot path (measured: 1.6 k req/s in its first two seconds,
 * 7 k after eight); a fixed second of warm-up would measure that climb.
 * The seconds it took.
 */
export async function warmUntilSteady(scenario: Scenario, limit = 20): Promise<number> {
  const rates: number[] = []
  const mean = (a: number, b: number) => ((rates.at(a) as number) + (rates.at(b) as number)) / 2
  while (rates.length < limit) {
    rates.push((await load(scenario, 1)).requestsPerSecond)
    if (rates.length >= 4 && Math.abs(mean(-1, -2) - mean(-3, -4)) <= 0.03 * mean(-3, -4)) break
  }
  return rates.length
}
