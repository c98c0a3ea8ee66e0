import { container, type ImportFields, type ImportRefusal, type ImportRow } from '@labtrack/db'
import { ProblemError, problem, textValueChecker } from '@labtrack/service-kit'
import type { TSchema } from '@sinclair/typebox'
import type { CsvError } from 'csv-parse'
import { parse } from 'csv-parse/sync'

/** A file of more rows than this is refused whole (413). */
export const MAX_IMPORT_ROWS = 50_000

/** The columns an import reads; none is required, each is optional in the header. */
export const IMPORT_COLUMNS = ['uuid', 'description', 'freezer_id', 'parent_uuid', 'position', 'location'] as const
/** Columns of the export that an import accepts and ignores, so an exported file can come back as it is. */
export const IGNORED_COLUMNS = ['id', 'site', 'freezer'] as const

type Column = (typeof IMPORT_COLUMNS)[number]

const { columns } = container
const SCHEMAS: Record<Column, TSchema> = {
  uuid: columns.uuid.schema,
  description: columns.description.schema,
  freezer_id: columns.freezer_id.schema,
  parent_uuid: columns.uuid.schema,
  position: columns.position.schema,
  location: columns.location.schema,
}
const CHECKS = Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, textValueChecker(schema)])) as Record<
  Column,
  ReturnType<typeof textValueChecker>
>
const KNOWN = new Set<string>([...IMPORT_COLUMNS, ...IGNORED_COLUMNS])
const UUID_COLUMNS = new Set<string>(['uuid', 'parent_uuid'])

const badFile = (detail: string) => new ProblemError(problem('bad-request', detail))

/** The header's column names, checked: each known, none twice. */
function headerOf(names: string[]): string[] {
  const header = names.map((name) => name.trim().toLowerCase())
  for (const [i, name] of header.entries()) {
    if (!KNOWN.has(name)) {
      throw badFile(
        `column "${name}" is not one of ${IMPORT_COLUMNS.join(', ')} (${IGNORED_COLUMNS.join(', ')} are read and ignored)`,
      )
    }
    if (header.indexOf(name) < i) throw badFile(`column "${name}" is named twice`)
  }
  return header
}

export interface ReadCsv {
  rows: ImportRow[]
  /** Cells that are not what their column holds: /rows/N/column. */
  refusals: ImportRefusal[]
}

/**
 * Reads an import file: a header row naming some of IMPORT_COLUMNS, then one
 * container a row. An empty cell is null (the field is cleared), except
 * freezer_id, where it means "not given" (a nested container follows its
 * parent, another keeps its freezer); a column the header lacks leaves that
 * field as it is. What is not CSV, or a header it cannot read, is a 400; more
 * rows than MAX_IMPORT_ROWS a 413.
 */
export function readImportCsv(text: string): ReadCsv {
  let records: Record<string, string>[]
  try {
    records = parse(text, {
      columns: headerOf,
      skip_empty_lines: true,
      trim: true,
      to: MAX_IMPORT_ROWS + 1,
    }) as Record<string, string>[]
  } catch (error) {
    if (error instanceof ProblemError) throw error
    throw badFile(`the file is not CSV that can be read: ${(error as CsvError).message}`)
  }
  if (records.length > MAX_IMPORT_ROWS) {
    throw new ProblemError(problem('payload-too-large', `a file may hold at most ${MAX_IMPORT_ROWS} rows`))
  }
  const rows: ImportRow[] = []
  const refusals: ImportRefusal[] = []
  records.forEach((record, i) => {
    const row = i + 1
    const fields: Record<string, unknown> = {}
    for (const name of IMPORT_COLUMNS) {
      const cell = record[name]
      if (cell === undefined || (cell === '' && name === 'freezer_id')) continue
      // A uuid is stored and compared in lower case, whatever case the label printed.
      const checked = cell === '' ? { value: null } : CHECKS[name](UUID_COLUMNS.has(name) ? cell.toLowerCase() : cell)
      if ('error' in checked) refusals.push({ row, field: name, detail: checked.error })
      else fields[name] = checked.value
    }
    const { uuid, ...given } = fields
    rows.push({ row, uuid: (uuid as string | null | undefined) ?? null, fields: given as ImportFields })
  })
  return { rows, refusals }
}
