import { readFile } from 'node:fs/promises'

// CPU and resident memory of the processes a run measures, read from /proc
// (Linux only). A process is named by its pid; a group (nginx's master and
// workers, PostgreSQL's postmaster and backends) by its leader, children
// included, read anew at each sample since backends come and go.

// USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every Linux build we run on.
const TICKS_PER_SECOND = 100

async function read(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '')
}

/** utime + stime of one process, in seconds; undefined once it is gone. */
async function cpuSeconds(pid: number): Promise<number | undefined> {
  const stat = await read(`/proc/${pid}/stat`)
  if (!stat) return undefined
  // The command name may hold spaces and parentheses: the fields start after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / TICKS_PER_SECOND
}

async function rssMB(pid: number): Promise<number> {
  const status = await read(`/proc/${pid}/status`)
  return (Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? 0) * 1024) / 1e6
}

async function children(pid: number): Promise<number[]> {
  const text = await read(`/proc/${pid}/task/${pid}/children`)
  return text.split(' ').filter(Boolean).map(Number)
}

/** A process to watch: one pid, or a leader and its children. */
export interface Watched {
  name: string
  pid: number
  withChildren?: boolean
}

export interface ProcessFigures {
  /** Share of one core over the measurement, in %. */
  cpu: number
  /** The CPU time it used over the measurement, in seconds (to the kernel's tick, 10 ms). */
  cpuSeconds: number
  /** The largest resident set seen while it ran (a group: the sum of its processes), MB (10⁶ bytes, as the targets are written). */
  rss: number
}

async function pidsOf(watched: Watched): Promise<number[]> {
  return watched.withChildren ? [watched.pid, ...(await children(watched.pid))] : [watched.pid]
}

async function sample(watched: Watched[]) {
  return Promise.all(
    watched.map(async (w) => {
      const pids = await pidsOf(w)
      const [cpu, rss] = await Promise.all([
        // A backend that ended between the listing of the children and this read has no reading:
        // it keeps its last one (read as 0, it would take back the CPU it had used).
        Promise.all(pids.map(cpuSeconds)).then(
          (all) =>
            Object.fromEntries(pids.flatMap((pid, i) => (all[i] === undefined ? [] : [[pid, all[i]]]))) as Record<string, number>,
        ),
        Promise.all(pids.map(rssMB)).then((all) => all.reduce((a, b) => a + b, 0)),
      ])
      return { cpu, rss }
    }),
  )
}

/**
 * Watches the processes while `work` runs: CPU from the difference of their
 * times, per pid and sampled every 250 ms with RSS (the largest kept), so a
 * backend that starts or ends during the run (pgbench's connections) counts
 * for what it did while it was seen.
 */
export async function watchWhile<T>(
  watched: Watched[],
  work: () => Promise<T>,
): Promise<{ result: T; processes: Record<string, ProcessFigures> }> {
  const started = performance.now()
  const first = await sample(watched)
  // Per watched entry: each pid's CPU seconds when first seen (0 for a pid born during the run) and when last seen.
  const base = first.map((s) => new Map(Object.entries(s.cpu)))
  const last = first.map((s) => new Map(Object.entries(s.cpu)))
  const peak = first.map((s) => s.rss)
  const take = (now: Awaited<ReturnType<typeof sample>>) => {
    now.forEach((s, i) => {
      peak[i] = Math.max(peak[i] as number, s.rss)
      for (const [pid, seconds] of Object.entries(s.cpu)) {
        if (!base[i]?.has(pid)) base[i]?.set(pid, 0)
        last[i]?.set(pid, seconds)
      }
    })
  }
  let running = true
  const sampler = (async () => {
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      if (running) take(await sample(watched))
    }
  })()
  let result: T
  try {
    result = await work()
  } finally {
    running = false
    await sampler
  }
  take(await sample(watched))
  const seconds = (performance.now() - started) / 1000
  const processes: Record<string, ProcessFigures> = {}
  watched.forEach((w, i) => {
    let used = 0
    for (const [pid, seconds] of last[i] ?? []) used += seconds - (base[i]?.get(pid) ?? 0)
    processes[w.name] = { cpu: Math.round((used / seconds) * 100), cpuSeconds: used, rss: Math.round(peak[i] as number) }
  })
  return { result, processes }
}
