import { RESOURCES } from '@labtrack/db'
import { connect } from '@labtrack/db-tools'
import fc from 'fast-check'
import type { Test } from 'tap'
import type { E2eStack } from '../src/e2e-stack.js'
import { AnswerChecks } from '../src/property/answer-checks.js'
import { SuiteCredentials } from '../src/property/credentials.js'
import { changedTables, databaseStateReader } from '../src/property/database-state.js'
import { GatewayClient } from '../src/property/http-client.js'
import { type JsonSchema, operationsOf } from '../src/property/operations.js'
import { type PlanContext, requestPlans } from '../src/property/request-plans.js'
import { PropertyTally } from '../src/property/tally.js'
import { resolveRequest } from '../src/property/wire-request.js'

// CI runs this many requests from this seed; a long run sets its own
// (LABTRACK_PROPERTY_RUNS=50000 LABTRACK_PROPERTY_SEED=$RANDOM pnpm test:e2e).
const DEFAULT_RUNS = 2000
const DEFAULT_SEED = 20261202

function positiveInteger(name: string, fallback: number): number {
  const text = process.env[name]
  if (text === undefined || text === '') return fallback
  if (!/^\d{1,9}$/.test(text) || Number(text) === 0) throw new Error(`${name}=${text} is not a positive integer`)
  return Number(text)
}

/** The rows a path's `{id}` names, by the segment before it: every resource (plural and the seed's singular), users and tokens. */
function tablesOfSegments(): Record<string, string> {
  const tables: Record<string, string> = { users: 'account', tokens: 'api_token' }
  for (const resource of RESOURCES) {
    tables[resource.plural] = resource.table
    tables[resource.name] = resource.table
  }
  return tables
}

/** Body fields that hold another row's id (`site_id`: site), from the resources' parents. */
function referencesOfColumns(): Record<string, string> {
  const references: Record<string, string> = {}
  for (const resource of RESOURCES) {
    for (const [name, column] of Object.entries(resource.columns)) {
      const parent = RESOURCES.find((one) => one.name === (column.options as { parent?: string }).parent)
      if (parent) references[name] = parent.table
    }
  }
  return references
}

const READS = new Set(['GET', 'HEAD'])

/**
 * Requests generated from the OpenAPI document the gateway serves, valid and
 * hostile, through the whole stack. Every answer is checked: no 5xx, every
 * error a problem of the registry without SQL, stack or driver text, every
 * 2xx body as documented, credentials refused before anything else, a valid
 * request never called bad input, and the database unchanged by every
 * request that did not succeed as a write.
 *
 * The run does not stop at the first fault: the database is shared by every
 * request, so a shrunk counterexample would be replayed on other rows, and
 * one run should name every distinct fault. Each is reported once with the
 * first request that showed it; the seed replays the run.
 */
export async function propertySuite(t: Test, stack: E2eStack) {
  const runs = positiveInteger('LABTRACK_PROPERTY_RUNS', DEFAULT_RUNS)
  const seed = positiveInteger('LABTRACK_PROPERTY_SEED', DEFAULT_SEED)
  const document = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as Parameters<typeof operationsOf>[0] & {
    components: { schemas: Record<string, JsonSchema> }
  }
  const operations = operationsOf(document)
  const components = document.components.schemas
  const sql = connect(stack.databaseUrl)
  const client = new GatewayClient(stack.port)
  t.teardown(async () => {
    client.close()
    await sql.end({ timeout: 5 })
  })
  const credentials = await SuiteCredentials.create(sql, client)
  const readState = await databaseStateReader(sql)
  const checks = new AnswerChecks(components)
  const methodsAt = new Map<string, Set<string>>()
  for (const operation of operations)
    methodsAt.set(operation.path, (methodsAt.get(operation.path) ?? new Set()).add(operation.method))
  const context: PlanContext = { components, references: referencesOfColumns(), tableOfSegment: tablesOfSegments(), methodsAt }
  const tally = new PropertyTally()

  let state = await readState()
  const started = performance.now()
  await fc.assert(
    fc.asyncProperty(requestPlans(operations, context), async (plan) => {
      const request = resolveRequest(plan, state.rows, credentials)
      const answer = await client.send(request.wire)
      const after = await readState()
      const violations = checks.violationsOf(request, answer)
      const changed = changedTables(state, after)
      const acceptedWrite = !READS.has(plan.method) && answer.status !== undefined && answer.status >= 200 && answer.status < 300
      if (changed.length > 0 && !acceptedWrite)
        violations.push(`the rows of ${changed.join(', ')} changed, yet the answer was ${answer.status}`)
      tally.record(request, answer, violations)
      state = after
      if (answer.status !== undefined) {
        let body: unknown
        try {
          body = JSON.parse(answer.body.toString('utf8'))
        } catch {}
        if (await credentials.afterAnswer(plan.credentials, answer.headers['set-cookie'] ?? [], body)) state = await readState()
      }
    }),
    { seed, numRuns: runs },
  )
  const seconds = (performance.now() - started) / 1000
  for (const line of tally.summary({ seed, seconds, operations: operations.length })) t.comment(line)
  const findings = tally.findings()
  for (const finding of findings) t.comment(`${finding.fault} (${finding.times}×)\n${finding.example}`)
  t.strictSame(
    findings.map((finding) => finding.fault),
    [],
    `${runs} requests from the OpenAPI document (seed ${seed}): every answer as it must be, the database unchanged by every refusal`,
  )
}
