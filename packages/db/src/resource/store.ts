import { DbError, toDbError } from '../errors.js'
import { type Queryable, run } from '../queryable.js'
import type { PageOf } from '../schemas/common.js'
import type { ResourceDefinition } from './definition.js'
import { type ListRequest, listStatements } from './list.js'
import type { InputOf, PatchOf, RowOf } from './schemas.js'
import { type Refusal, VERSION_ALIAS, VERSION_SQL, type Versioned, versioned } from './version.js'

export interface ListPage<T> extends PageOf<T> {
  /** The sort-key values of the last row, for the cursor of the next page (when there is one). */
  last: unknown[] | null
  /** Every row the filters match, when the request asked for a count. */
  total: number | null
}

/**
 * The statements of one resource, built from its definition. A write may be
 * conditional: given `versions` (the ETags of an If-Match), it happens only if
 * the row's current version is one of them, checked in the statement's own
 * WHERE, so of two writers holding the same version only the first writes.
 */
export interface ResourceStore<R extends ResourceDefinition> {
  resource: R
  list(db: Queryable, request: ListRequest): Promise<ListPage<RowOf<R>>>
  get(db: Queryable, id: number): Promise<RowOf<R> | undefined>
  /** The row and its version, or undefined when there is no such row. */
  read(db: Queryable, id: number): Promise<Versioned<RowOf<R>> | undefined>
  /** The rows of these ids that exist, with their versions, by id: one statement for them all. */
  readMany(db: Queryable, ids: readonly number[]): Promise<Map<number, Versioned<RowOf<R>>>>
  create(db: Queryable, input: InputOf<R>): Promise<Versioned<RowOf<R>>>
  /** PUT: fields left out become null, except those kept on replace. */
  replace(db: Queryable, id: number, input: InputOf<R>, versions?: readonly string[]): Promise<Versioned<RowOf<R>> | Refusal>
  /** PATCH: only the named fields change. */
  patch(db: Queryable, id: number, patch: PatchOf<R>, versions?: readonly string[]): Promise<Versioned<RowOf<R>> | Refusal>
  /** A delete that children block throws LABTRACK_DB_STILL_REFERENCED naming them. */
  remove(db: Queryable, id: number, versions?: readonly string[]): Promise<'deleted' | Refusal>
}

/** What a violated constraint of this resource means, in words a client understands (see errors.ts). */
export function constraintSubjects(resource: ResourceDefinition): Record<string, string> {
  const subjects: Record<string, string> = { [`${resource.table}_pkey`]: `a ${resource.name} with this id` }
  for (const [name, { options }] of Object.entries(resource.columns)) {
    if (options.unique) subjects[`${resource.table}_${name}_key`] = `a ${resource.name} with this ${name}`
    if (options.parent) subjects[`${resource.table}_${name}_fkey`] = name
  }
  return subjects
}

const plural = (count: number, label: string) => `${count} ${count === 1 ? label.replace(/s$/, '') : label}`

export function resourceStore<R extends ResourceDefinition>(resource: R): ResourceStore<R> {
  const { table, columns } = resource
  const names = Object.keys(columns)
  const select = [
    'id',
    ...names.map((name) => (columns[name]?.options.read ? `${columns[name].options.read} AS ${name}` : name)),
  ].join(', ')
  const selectVersioned = `${select}, ${VERSION_SQL} AS ${VERSION_ALIAS}`
  const subjects = constraintSubjects(resource)
  const exec = <T>(db: Queryable, text: string, values: unknown[]) => run<T & object>(db, text, values, subjects) as Promise<T[]>

  /** PUT's full set of columns: what the body names, null for nullable ones left out, nothing for kept ones. */
  const replacement = (input: Record<string, unknown>) =>
    Object.fromEntries(
      names.filter((name) => name in input || !columns[name]?.options.keepOnReplace).map((name) => [name, input[name] ?? null]),
    )

  /** The condition on the row's version, its list bound as the next parameter (none: any version). */
  function versionIn(versions: readonly string[] | undefined, values: unknown[]): string {
    if (versions === undefined) return ''
    values.push([...versions])
    return ` AND ${VERSION_SQL} = ANY($${values.length}::text[])`
  }

  /** Why a write touched no row: without a condition there was none; with one, whether the row is there tells. */
  async function refusal(db: Queryable, id: number, versions: readonly string[] | undefined): Promise<Refusal> {
    if (versions === undefined) return 'missing'
    const [found] = await exec<{ id: number }>(db, `SELECT id FROM ${table} WHERE id = $1`, [id])
    return found ? 'changed' : 'missing'
  }

  async function update(db: Queryable, id: number, fields: Record<string, unknown>, versions?: readonly string[]) {
    const set = Object.keys(fields).map((name, i) => `${name} = $${i + 2}`)
    const values = [id, ...Object.values(fields)]
    const where = `id = $1${versionIn(versions, values)}`
    const [found] = await exec<Record<string, unknown>>(
      db,
      `UPDATE ${table} SET ${set.join(', ')} WHERE ${where} RETURNING ${selectVersioned}`,
      values,
    )
    return found ? versioned<RowOf<R>>(found) : refusal(db, id, versions)
  }

  // One text for one id and for many, so it is prepared once per connection.
  const byIds = `SELECT ${selectVersioned} FROM ${table} WHERE id = ANY($1::int[])`
  const readMany = async (db: Queryable, ids: readonly number[]) => {
    const found = await exec<Record<string, unknown>>(db, byIds, [ids])
    return new Map(found.map((row) => [row.id as number, versioned<RowOf<R>>(row)]))
  }
  const read = async (db: Queryable, id: number) => (await readMany(db, [id])).get(id)

  const children = resource.children ?? []
  const countChildren = `SELECT ${children
    .map(({ table: child, column, label }) => `(SELECT count(*) FROM ${child} WHERE ${column} = $1)::int AS ${label}`)
    .join(', ')}`

  return {
    resource,
    async list(db, request) {
      const { page, count } = listStatements(resource, select, request)
      const [rows, counted] = await Promise.all([
        exec<RowOf<R>>(db, page.text, page.values),
        count ? exec<{ total: string }>(db, count.text, count.values) : null,
      ])
      const hasMore = rows.length > request.limit
      if (hasMore) rows.pop()
      const lastRow = rows.at(-1) as Record<string, unknown> | undefined
      return {
        rows,
        hasMore,
        last: hasMore && lastRow ? request.sort.map(({ column }) => lastRow[column]) : null,
        total: counted ? Number(counted[0]?.total) : null,
      }
    },
    get: async (db, id) => (await read(db, id))?.row,
    read,
    readMany,
    async create(db, input) {
      // A field left out is the column's default: null, or what the database generates (a container's uuid).
      const given = names.filter((name) => (input as Record<string, unknown>)[name] !== undefined)
      const values = given.map((name) => (input as Record<string, unknown>)[name])
      // Nothing given (a container derives its freezer from a parent it lacks): the database's rules answer.
      const into =
        given.length > 0 ? `(${given.join(', ')}) VALUES (${given.map((_, i) => `$${i + 1}`).join(', ')})` : 'DEFAULT VALUES'
      const text = `INSERT INTO ${table} ${into} RETURNING ${selectVersioned}`
      const [row] = await exec<Record<string, unknown>>(db, text, values)
      return versioned<RowOf<R>>(row as Record<string, unknown>)
    },
    replace: (db, id, input, versions) => update(db, id, replacement(input as Record<string, unknown>), versions),
    patch: (db, id, patch, versions) => update(db, id, patch as Record<string, unknown>, versions),
    async remove(db, id, versions) {
      const values: unknown[] = [id]
      // An audited resource is written inside a transaction (withActor): a refused delete would abort it
      // before its children are counted, unless it is undone to a savepoint first.
      const savepoint = resource.history ? (step: string) => db.query(`${step} labtrack_remove`) : async () => {}
      try {
        await savepoint('SAVEPOINT')
        const result = await db.query(`DELETE FROM ${table} WHERE id = $1${versionIn(versions, values)}`, values)
        return result.rowCount === 1 ? 'deleted' : refusal(db, id, versions)
      } catch (error) {
        if ((error as { code?: string }).code !== '23503') throw toDbError(error, subjects)
        await savepoint('ROLLBACK TO SAVEPOINT')
      }
      // Rows of a table the definition does not name as children cannot be counted: say so in general terms.
      const [counts = {}] = children.length > 0 ? await exec<Record<string, number>>(db, countChildren, [id]) : []
      const blockers = Object.entries(counts)
        .filter(([, count]) => count > 0)
        .map(([label, count]) => plural(count, label))
      throw new DbError(
        'LABTRACK_DB_STILL_REFERENCED',
        `${resource.name} ${id} still has ${blockers.join(' and ') || 'rows that refer to it'}`,
      )
    },
  }
}
