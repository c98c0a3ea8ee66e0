import type { WireAnswer } from './http-client.js'
import type { ResolvedRequest } from './wire-request.js'

/** One kind of fault: where, what, how often, and the first request that showed it. */
export interface Finding {
  fault: string
  times: number
  example: string
}

const EXCERPT = 400
// What the gateway answers to any request over its limits (URI, header, rate): no operation lists them.
const ANY_REQUEST = new Set([414, 429, 431])
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…(${text.length} characters)` : text)

/** A request and its answer in a few lines: enough to send it again with curl. */
export function describeExchange({ plan, wire }: ResolvedRequest, answer: WireAnswer): string {
  const headers = Object.entries(wire.headers)
    .map(
      ([name, value]) =>
        `${name}: ${name === 'authorization' || name === 'cookie' || name === 'x-csrf-token' ? `<${plan.credentials}>` : value}`,
    )
    .join(' | ')
  const lines = [
    `${wire.method} ${excerpt(wire.target)}  (${plan.credentials}; ${plan.hostile.length === 0 ? 'valid' : `hostile: ${plan.hostile.join('; ')}`})`,
    `  headers: ${excerpt(headers)}`,
  ]
  if (wire.body) lines.push(`  body: ${excerpt(JSON.stringify(wire.body.toString('latin1')))}`)
  if (answer.status === undefined) lines.push(`  → ${answer.error}`)
  else lines.push(`  → ${answer.status} ${answer.headers['content-type'] ?? ''} ${excerpt(answer.body.toString('utf8'))}`)
  return lines.join('\n')
}

/** What a property run saw: answers by status, the operations reached, and each distinct fault once. */
export class PropertyTally {
  private readonly statuses = new Map<string, number>()
  private readonly operations = new Map<string, number>()
  private readonly undocumented = new Map<string, { times: number; example: string }>()
  private readonly faults = new Map<string, Finding>()
  private valid = 0
  private total = 0

  record(request: ResolvedRequest, answer: WireAnswer, violations: string[]): void {
    const { plan } = request
    const status = answer.status === undefined ? 'no answer' : String(answer.status)
    this.total++
    if (request.expect.valid) this.valid++
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
    this.operations.set(plan.operation.label, (this.operations.get(plan.operation.label) ?? 0) + 1)
    const code = answer.status
    if (code !== undefined && request.expect.reachesRoute && !plan.operation.responses.has(code) && !ANY_REQUEST.has(code)) {
      const key = `${plan.operation.label} ${code}`
      const known = this.undocumented.get(key)
      if (known) known.times++
      else this.undocumented.set(key, { times: 1, example: describeExchange(request, answer) })
    }
    for (const violation of violations) {
      // Quoted excerpts differ from one request to the next; the fault is the same.
      const fault = `${plan.method === plan.operation.method ? plan.operation.label : `${plan.method} ${plan.operation.path}`} → ${status}: ${violation.replace(/"(?:[^"\\]|\\.)*"/g, '"…"')}`
      const known = this.faults.get(fault)
      if (known) known.times++
      else this.faults.set(fault, { fault, times: 1, example: describeExchange(request, answer) })
    }
  }

  findings(): Finding[] {
    return [...this.faults.values()]
  }

  /** The figures a run prints at its end. */
  summary({ seed, seconds, operations }: { seed: number; seconds: number; operations: number }): string[] {
    const byStatus = [...this.statuses].sort(([a], [b]) => a.localeCompare(b)).map(([status, count]) => `${status}: ${count}`)
    const lines = [
      `property test: seed ${seed}, ${this.total} requests (${this.valid} valid, ${this.total - this.valid} hostile) in ${seconds.toFixed(1)} s (${(this.total / seconds).toFixed(0)}/s)`,
      `operations reached: ${this.operations.size} of ${operations}`,
      `answers by status: ${byStatus.join(', ')}`,
    ]
    for (const [key, { times, example }] of this.undocumented) {
      lines.push(`not in the document: ${key} (${times}×), first:\n${example}`)
    }
    return lines
  }
}
