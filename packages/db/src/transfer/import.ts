import { DbError } from '../errors.js'
import { type Queryable, run } from '../queryable.js'

/** The fields of a container an import row may set; a field its file has no column for is left as it is. */
export interface ImportFields {
  description?: string | null
  /** Left out when the cell is empty: a nested container's freezer follows its parent. */
  freezer_id?: number
  parent_uuid?: string | null
  position?: string | null
  location?: string | null
}

export interface ImportRow {
  /** Its number among the data rows, from 1. */
  row: number
  /** A known uuid updates or moves that container; an unknown one, or none, creates one. */
  uuid: string | null
  fields: ImportFields
}

export type ImportAction = 'created' | 'moved' | 'updated' | 'unchanged'
export type FieldChanges = Record<string, { from: unknown; to: unknown }>

export interface ImportOutcome {
  row: number
  action: ImportAction
  id: number
  uuid: string
  changes: FieldChanges
}

/** A refused row: the field it concerns (a column of the file, or null for the row as a whole) and why. */
export interface ImportRefusal {
  row: number
  field: keyof ImportFields | 'uuid' | null
  detail: string
}

const FIELDS = ['uuid', 'description', 'freezer_id', 'parent_id', 'position', 'location'] as const
const PLACE = new Set(['freezer_id', 'parent_id', 'position'])

// Which field a refusal of the triggers (migration 004) or of a constraint concerns, by what it says.
const REFUSAL_FIELDS: [RegExp, ImportRefusal['field']][] = [
  [
    /a container inside it (has no|needs a) position$|^position \S+ (needs a parent_id|of .* is taken by )|^\S+ is outside container \d+'s /s,
    'position',
  ],
  [/^a container with this parent_id and position already exists$/, 'position'],
  [/on its own set parent_id to null$|^a container needs a freezer_id or a parent_id$|^freezer_id does not name/s, 'freezer_id'],
  [
    / cannot be put inside (itself|container \d+, which it holds)$|^parent_id \d+ does not name an existing container$/s,
    'parent_uuid',
  ],
  [/^a container with this uuid already exists$/, 'uuid'],
]

/** The field a refusal of the database concerns, or null when it does not say. */
export function refusedField(message: string): ImportRefusal['field'] {
  return REFUSAL_FIELDS.find(([pattern]) => pattern.test(message))?.[1] ?? null
}

const SUBJECTS = {
  container_uuid_key: 'a container with this uuid',
  container_parent_id_position_key: 'a container with this parent_id and position',
  container_freezer_id_fkey: 'freezer_id',
}

/** What changed between two versions of a row (null for a created one), as the history writes it. */
function changesOf(before: Record<string, unknown> | null, after: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {}
  for (const field of FIELDS) {
    const from = before ? before[field] : null
    if (from !== after[field]) changes[field] = { from, to: after[field] }
  }
  return changes
}

function actionOf(created: boolean, changes: FieldChanges): ImportAction {
  if (created) return 'created'
  const fields = Object.keys(changes)
  if (fields.some((field) => PLACE.has(field))) return 'moved'
  return fields.length > 0 ? 'updated' : 'unchanged'
}

const columnsOf = (table: string) =>
  ['id', 'uuid::text AS uuid', 'description', 'freezer_id', 'parent_id', 'position', 'location']
    .map((column) => `${table}.${column}`)
    .join(', ')

type Stored = Record<string, unknown>

/** Where importContainers puts what each row did, in row order. */
export interface ImportOutcomes {
  add(outcome: ImportOutcome): void
  /** Forget every outcome added so far: the rows are applied again from the first. */
  clear(): void
}

/**
 * Applies the rows in order on `db`, a connection inside a transaction that
 * the caller commits or rolls back. The triggers of the container table judge
 * every placement; what can be known before (a freezer or parent that does
 * not exist, a uuid twice) is refused without asking them. A parent_uuid may
 * name a container that an earlier row of the same file creates.
 *
 * Every refusal of the file is wanted, not only its first, so a row the
 * database refuses must be undone alone and every later row still tried: a
 * savepoint a row. Those cost a round trip and a subtransaction each (a third
 * of the time of 10,000 rows), and most files are refused by no row; so the
 * rows are first applied without them, and only when the database refuses one
 * are they all applied again, each in a savepoint of its own (`outcomes` is
 * cleared then). A row refused before the database is asked needs no undoing:
 * from there on each row gets its savepoint. When refusals are returned the
 * outcomes are not the file's: nothing may be stored.
 */
export async function importContainers(
  db: Queryable,
  rows: ImportRow[],
  /** Rows already refused (a cell that is not what its column holds): not applied, but still known by their uuid. */
  refused: ImportRefusal[],
  outcomes: ImportOutcomes,
): Promise<{ refusals: ImportRefusal[] }> {
  const uuids = [...new Set(rows.flatMap(({ uuid, fields }) => [uuid, fields.parent_uuid ?? null]).filter((u) => u !== null))]
  const freezerIds = [...new Set(rows.flatMap(({ fields }) => (fields.freezer_id === undefined ? [] : [fields.freezer_id])))]
  const stored = new Map(
    (
      await run<{ id: number; uuid: string }>(db, 'SELECT id, uuid::text AS uuid FROM container WHERE uuid = ANY($1::uuid[])', [
        uuids,
      ])
    ).map(({ id, uuid }) => [uuid, id]),
  )
  const freezers = new Set(
    (await run<{ id: number }>(db, 'SELECT id FROM freezer WHERE id = ANY($1::int[])', [freezerIds])).map(({ id }) => id),
  )
  // Where each uuid first appears in the file.
  const firstRow = new Map<string, number>()
  for (const { row, uuid } of rows) if (uuid !== null && !firstRow.has(uuid)) firstRow.set(uuid, row)

  if (refused.length === 0) {
    await db.query('SAVEPOINT labtrack_import')
    const pass = await applyRows(db, rows, { refused, stored, freezers, firstRow, outcomes, savepoints: false })
    if (pass !== 'refused by the database') return pass
    await db.query('ROLLBACK TO SAVEPOINT labtrack_import')
    outcomes.clear()
  }
  return (await applyRows(db, rows, { refused, stored, freezers, firstRow, outcomes, savepoints: true })) as {
    refusals: ImportRefusal[]
  }
}

interface Pass {
  refused: ImportRefusal[]
  /** The uuids the database has, with their ids, before this pass. */
  stored: Map<string, number>
  freezers: Set<number>
  firstRow: Map<string, number>
  outcomes: ImportOutcomes
  /** Each row in a savepoint from the first; false: none until a row is refused. */
  savepoints: boolean
}

/** One pass over the rows; without savepoints it stops at the first row the database refuses. */
async function applyRows(
  db: Queryable,
  rows: ImportRow[],
  { refused, stored, freezers, firstRow, outcomes, savepoints }: Pass,
): Promise<{ refusals: ImportRefusal[] } | 'refused by the database'> {
  const known = new Map(stored)
  const refusedRows = new Set(refused.map(({ row }) => row))
  const refusals: ImportRefusal[] = [...refused]
  const refuse = (row: number, field: ImportRefusal['field'], detail: string) => {
    refusals.push({ row, field, detail })
    refusedRows.add(row)
  }

  function parentOf(row: number, parentUuid: string): number | undefined {
    const id = known.get(parentUuid)
    if (id !== undefined) return id
    const named = firstRow.get(parentUuid)
    if (named === undefined) refuse(row, 'parent_uuid', 'no container has this uuid, in the database or in an earlier row')
    else if (named >= row)
      refuse(row, 'parent_uuid', `names the container of row ${named}: put a box in the file before what it holds`)
    else refuse(row, 'parent_uuid', `names the container of row ${named}, which is refused`)
    return undefined
  }

  let inSavepoint = false
  for (const { row, uuid, fields } of rows) {
    if (uuid !== null && (firstRow.get(uuid) as number) < row) {
      refuse(row, 'uuid', `row ${firstRow.get(uuid)} has this uuid too: a container is named once in a file`)
    }
    if (fields.freezer_id !== undefined && !freezers.has(fields.freezer_id)) {
      refuse(row, 'freezer_id', `freezer ${fields.freezer_id} does not exist`)
    }
    const set: Record<string, unknown> = {}
    for (const [field, value] of Object.entries(fields)) if (field !== 'parent_uuid') set[field] = value
    if (typeof fields.parent_uuid === 'string') set.parent_id = parentOf(row, fields.parent_uuid)
    else if (fields.parent_uuid === null) set.parent_id = null
    if (refusedRows.has(row)) {
      savepoints = true
      continue
    }
    if (savepoints && !inSavepoint) {
      await db.query('SAVEPOINT labtrack_import_row')
      inSavepoint = true
    }

    const id = uuid === null ? undefined : known.get(uuid)
    if (id === undefined && uuid !== null) set.uuid = uuid
    const names = Object.keys(set)
    const values = Object.values(set)
    try {
      let before: Stored | null = null
      let after: Stored
      if (id === undefined) {
        const placeholders = names.map((_, i) => `$${i + 1}`)
        ;[after] = (await run<Stored>(
          db,
          // Nothing given at all: the row's defaults, so the triggers say what is missing.
          `INSERT INTO container ${names.length > 0 ? `(${names.join(', ')}) VALUES (${placeholders.join(', ')})` : 'DEFAULT VALUES'} RETURNING ${columnsOf('container')}`,
          values,
          SUBJECTS,
        )) as [Stored]
        known.set(after.uuid as string, after.id as number)
      } else if (names.length === 0) {
        ;[before] = (await run<Stored>(db, `SELECT ${columnsOf('container')} FROM container WHERE id = $1`, [id])) as [Stored]
        after = before
      } else {
        const assignments = names.map((name, i) => `${name} = $${i + 2}`)
        const [{ before: old, ...changed }] = (await run<Stored & { before: Stored }>(
          db,
          `WITH old AS (SELECT ${columnsOf('container')} FROM container WHERE id = $1 FOR UPDATE)
           UPDATE container SET ${assignments.join(', ')} FROM old WHERE container.id = old.id
           RETURNING to_jsonb(old) AS before, ${columnsOf('container')}`,
          [id, ...values],
          SUBJECTS,
        )) as [Stored & { before: Stored }]
        before = old
        after = changed
      }
      if (inSavepoint) await db.query('RELEASE SAVEPOINT labtrack_import_row; SAVEPOINT labtrack_import_row')
      // Once a row is refused nothing is stored: what the others did is not needed.
      if (refusals.length > 0) continue
      const changes = changesOf(before, after)
      outcomes.add({
        row,
        action: actionOf(before === null, changes),
        id: after.id as number,
        uuid: after.uuid as string,
        changes,
      })
    } catch (error) {
      if (!(error instanceof DbError) || error.code === 'LABTRACK_DB_UNAVAILABLE') throw error
      if (!inSavepoint) return 'refused by the database'
      await db.query('ROLLBACK TO SAVEPOINT labtrack_import_row')
      refuse(row, refusedField(error.message), error.message)
    }
  }
  return { refusals: refusals.sort((a, b) => a.row - b.row) }
}
