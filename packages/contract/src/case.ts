// What the contract suite needs to know of one resource beyond its definition,
// and the small HTTP helpers every case shares.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import type { ResourceDefinition } from '@labtrack/db'
import type { TestApp } from '@labtrack/service-kit/testing'
import type { FastifyInstance, FastifyPluginAsync, LightMyRequestResponse } from 'fastify'
import type { Test } from 'tap'

export type Row = { id: number } & Record<string, unknown>
export type Body = Record<string, unknown>
export type Sql = TestApp['sql']

/** What one test arranged for itself: a tag no other row carries, and parent rows no other test uses. */
export interface Own {
  tag: string
  /** Three parents of the test's own (none for a resource without a parent); rows go under the first. */
  parents: number[]
}

export interface ResourceCase {
  resource: ResourceDefinition
  /** The service plugin that mounts the resource's routes. */
  service: FastifyPluginAsync
  /** The rows postgres_scripts/mock_data.sql gives this resource, in id order. */
  examples: Row[]
  /** Inserts `count` parent rows of a test's own (none when the resource has no parent). */
  parents(sql: Sql, tag: string, count: number): Promise<number[]>
  /** A valid body of a row of the test's own: under its first parent, carrying its tag. Holds no unique value. */
  body(own: Own): Body
  /** List parameters that select exactly the test's own rows (made from `body`), by a column other than `except`. */
  scope(own: Own, except: string): Record<string, string>
  /** For each unique column: a value no other row holds. */
  unique: Record<string, () => unknown>
  /** Body values a column refuses beyond those its schema implies (each 400 names the column). */
  badValues: Record<string, unknown[]>
  /** Filter values a column refuses beyond those its schema implies. */
  badFilters: Record<string, string[]>
  /** A body wrong in several fields at once, and exactly the pointers its 400 names. */
  invalidBody: { body: unknown; pointers: string[] }
  /** Strings a careless server would mangle, beyond HOSTILE_STRINGS. */
  hostile: string[]
  /** Example parents: one that holds none of the examples, and those that hold no row of this resource at all. */
  exampleParents: { other: number; empty: number[] } | null
  /**
   * Columns whose valid values depend on other columns or rows (a container's parent and its
   * position in the parent's grid, the grid's two sides): the suite's writes of every field
   * give them null, and the case file says which tests cover them. Their schemas' refusals
   * (400s) are still the suite's.
   */
  dependent: string[]
  /** The list also answers as CSV (Accept: text/csv), so it varies on Accept as well as Prefer. */
  csv: boolean
  /** The resource's own cases: registered on `t`, against the file's app. */
  own(t: Test, main: TestApp): void
}

/** A tag for the rows of one test: lower-case letters and digits, found by `[contains]`, in no other row. */
export const newTag = () => `tag${randomBytes(5).toString('hex')}`

export async function arrange(c: ResourceCase, { sql }: TestApp): Promise<Own> {
  const tag = newTag()
  return { tag, parents: await c.parents(sql, tag, 3) }
}

/** A query string from parameters, names as they are (brackets and all), values encoded. */
export const qs = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&')

export const collection = (c: ResourceCase) => `/api/${c.resource.plural}`

export function list(app: FastifyInstance, c: ResourceCase, params: Record<string, string> = {}, headers = {}) {
  const query = qs(params)
  return app.inject({ url: `${collection(c)}${query ? `?${query}` : ''}`, headers })
}

export const rowsOf = (res: LightMyRequestResponse) => res.json() as Row[]
export const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id)

/** Sends a JSON body as written (so nothing is dropped or coerced on the way). */
export function send(app: FastifyInstance, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown) {
  return app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) })
}

/** Creates a row through the API; a refusal is a broken arrangement, not an assertion. */
export async function create(app: FastifyInstance, c: ResourceCase, body: Body): Promise<Row> {
  const res = await send(app, 'POST', collection(c), body)
  assert.equal(res.statusCode, 201, `could not create a ${c.resource.name}: ${res.body}`)
  return res.json() as Row
}

/** The row as the database holds it, read the way the API reads it (a mac as text), or undefined. */
export async function stored(sql: Sql, c: ResourceCase, id: number): Promise<Row | undefined> {
  // Identifiers from the definition only; the id is a bind parameter.
  const columns = Object.entries(c.resource.columns).map(([name, { options }]) =>
    options.pgType === 'macaddr' ? `${name}::text AS ${name}` : name,
  )
  const [found] = await sql.unsafe(`SELECT id, ${columns.join(', ')} FROM ${c.resource.table} WHERE id = $1`, [id])
  return found ? ({ ...found } as unknown as Row) : undefined
}

export async function tableCount(sql: Sql, c: ResourceCase): Promise<number> {
  const [row] = await sql`SELECT count(*)::int AS n FROM ${sql(c.resource.table)}`
  return row?.n as number
}

/** The target of a `Link: <…>; rel="next"` header, as path and parameters; undefined when there is none. */
export function nextOf(res: LightMyRequestResponse): { url: string; path: string; params: Record<string, string> } | undefined {
  const link = res.headers.link as string | undefined
  const match = link === undefined ? null : /^<([^>]+)>; rel="next"$/.exec(link)
  if (!match) return undefined
  const url = new URL(match[1] as string, 'http://localhost')
  return { url: `${url.pathname}${url.search}`, path: url.pathname, params: Object.fromEntries(url.searchParams) }
}

/**
 * The scope of a resource under a parent: the test's own first parent, or, when the
 * list is about the parent column itself, the tag its `label` column carries.
 */
export const parentScope =
  (parent: string, label: string) =>
  ({ tag, parents }: Own, except: string): Record<string, string> =>
    except === parent ? { [`${label}[contains]`]: tag } : { [parent]: String(parents[0]) }
