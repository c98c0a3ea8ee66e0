// Containers from a CSV file (the columns of the export): choose a file or
// paste the text, check it first (a dry run: nothing is stored; the table
// says row by row what would be created, moved or changed, or what is wrong
// with which field), then apply it: all rows in one go, or none.

import { ApiError, api, call } from '../api.js'
import { type Child, h, link } from '../dom.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { showStatus } from '../status.js'
import { dataTable } from '../table.js'
import { breadcrumbs, pageHeader, section, sentence } from './page.js'

const COLUMNS = ['uuid', 'description', 'freezer_id', 'parent_uuid', 'position', 'location']

const importCsv = (csv: string, dryRun: boolean) =>
  call(
    api.POST('/api/containers/import', {
      params: { query: { dry_run: dryRun } },
      body: csv,
      // The text as it is: openapi-fetch would send a body as JSON.
      bodySerializer: (body) => body,
      headers: { 'content-type': 'text/csv' },
    }),
  )

type Outcome = Awaited<ReturnType<typeof importCsv>>
type OutcomeRow = Outcome['rows'][number]

const ACTIONS: Record<string, [will: string, did: string]> = {
  created: ['Create', 'Created'],
  moved: ['Move', 'Moved'],
  updated: ['Change', 'Changed'],
  unchanged: ['Nothing to do', 'Unchanged'],
}

function changeWords(changes: unknown): string {
  if (!changes || typeof changes !== 'object') return ''
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>)
    .map(([field, change]) => {
      const show = (value: unknown) => (value === null || value === undefined || value === '' ? 'none' : String(value))
      return change.from === undefined || change.from === null
        ? `${field}: ${show(change.to)}`
        : `${field}: ${show(change.from)} → ${show(change.to)}`
    })
    .join('; ')
}

function summary(rows: OutcomeRow[], done: boolean): string {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(row.action, (counts.get(row.action) ?? 0) + 1)
  const parts = [...counts].map(([action, count]) => `${count} ${(ACTIONS[action]?.[1] ?? action).toLowerCase()}`)
  const total = `${rows.length} row${rows.length === 1 ? '' : 's'}`
  return done
    ? `Imported ${total}: ${parts.join(', ')}.`
    : `${total} checked, nothing is wrong: ${parts.join(', ')}. Nothing is stored until you apply it.`
}

function outcomeTable(outcome: Outcome, done: boolean): HTMLTableElement {
  return dataTable({
    id: 'import-rows',
    caption: done ? 'What was imported, by row' : 'What the import will do, by row',
    rows: outcome.rows,
    rowId: (row) => row.row,
    rowAttrs: (row) => ({ 'data-row': String(row.row), 'data-action': row.action }),
    empty: 'The file has no rows.',
    columns: [
      { header: 'Row', className: 'num', cell: (row) => row.row },
      { header: done ? 'Done' : 'Will', cell: (row) => ACTIONS[row.action]?.[done ? 1 : 0] ?? row.action },
      {
        header: 'Container',
        cellClass: 'mono',
        cell: (row): Child =>
          row.id && done ? link(paths.container(row.id), row.uuid ?? `#${row.id}`) : (row.uuid ?? 'a new one'),
      },
      { header: 'Changes', cell: (row) => changeWords(row.changes) || '—' },
    ],
  })
}

interface RowError {
  row: number | null
  field: string
  detail: string
}

function rowErrors(error: ApiError): RowError[] {
  const issues = error.problem.errors ?? []
  if (issues.length === 0) return [{ row: null, field: '', detail: sentence(error.problem.detail) }]
  return issues.map((issue) => {
    const [, rows, row, field] = issue.pointer.split('/')
    const number = rows === 'rows' && row && /^\d+$/.test(row) ? Number(row) : null
    return { row: number, field: field ?? '', detail: sentence(issue.detail) }
  })
}

function errorTable(errors: RowError[]): HTMLTableElement {
  return dataTable({
    id: 'import-errors',
    caption: 'What is wrong, by row and field',
    rows: errors,
    rowId: (error) => `${error.row ?? 'file'}-${error.field}`,
    rowAttrs: (error) => ({ 'data-row': error.row === null ? 'file' : String(error.row), 'data-field': error.field }),
    empty: 'Nothing is wrong.',
    columns: [
      { header: 'Row', className: 'num', cell: (error) => error.row ?? 'The file' },
      { header: 'Field', cellClass: 'mono', cell: (error) => error.field || '—' },
      { header: 'What is wrong', cell: (error) => error.detail },
    ],
  })
}

export function containerImportView(ctx: RouteContext): void {
  const file = h('input', {
    type: 'file',
    id: 'field-file',
    name: 'file',
    accept: '.csv,text/csv',
    class: 'input',
    'aria-describedby': 'hint-file',
  })
  const text = h('textarea', {
    id: 'field-csv',
    name: 'csv',
    class: 'input input--mono',
    rows: 10,
    spellcheck: 'false',
    'aria-describedby': 'hint-csv',
  })
  const check = h('button', { type: 'submit', id: 'import-check', class: 'button button--primary' }, 'Check the file')
  const apply = h('button', { type: 'button', id: 'import-apply', class: 'button button--primary', hidden: true }, 'Apply')
  const result = h('div', { id: 'import-result', class: 'import-result', 'aria-live': 'polite' })
  // What was checked: Apply sends exactly that, and only after it checked clean.
  let checked: string | null = null

  const showError = (error: unknown, refused: string) => {
    if (error instanceof ApiError && error.status === 401) return
    if (!(error instanceof ApiError)) throw error
    const errors = rowErrors(error)
    const bad = new Set(errors.map((item) => item.row).filter((row) => row !== null))
    const heading =
      bad.size > 0
        ? `${refused}: ${bad.size === 1 ? 'one row needs' : `${bad.size} rows need`} correcting (${[...bad].map((row) => `row ${row}`).join(', ')}). Nothing was stored.`
        : `${refused}: ${errors[0]?.detail ?? error.message} Nothing was stored.`
    result.replaceChildren(h('p', { class: 'import-result__summary', id: 'import-summary' }, heading), errorTable(errors))
    showStatus(heading, 'error')
  }

  const run = async (dryRun: boolean) => {
    const csv = dryRun ? text.value : checked
    if (!csv?.trim()) {
      showStatus('Choose a CSV file or paste its text first.', 'error')
      text.focus()
      return
    }
    check.disabled = true
    apply.disabled = true
    showStatus(dryRun ? 'Checking…' : 'Importing…')
    try {
      const outcome = await importCsv(csv, dryRun)
      const line = summary(outcome.rows, !dryRun)
      result.replaceChildren(
        h('p', { class: 'import-result__summary', id: 'import-summary' }, line),
        outcomeTable(outcome, !dryRun),
      )
      showStatus(line, dryRun ? 'info' : 'success')
      checked = dryRun ? csv : null
      apply.hidden = !dryRun
      apply.textContent = `Apply ${outcome.rows.length} row${outcome.rows.length === 1 ? '' : 's'}`
    } catch (error) {
      checked = null
      apply.hidden = true
      showError(error, dryRun ? 'Cannot import this file' : 'Not imported')
    } finally {
      check.disabled = false
      apply.disabled = false
    }
  }

  file.addEventListener('change', async () => {
    const chosen = file.files?.[0]
    if (!chosen) return
    text.value = await chosen.text()
    text.dispatchEvent(new Event('input'))
    await run(true)
  })
  // An edit after the check needs a check again before it can be applied.
  text.addEventListener('input', () => {
    checked = null
    apply.hidden = true
  })
  apply.addEventListener('click', () => void run(false))
  const form = h(
    'form',
    { id: 'import-form', class: 'form', novalidate: true },
    h(
      'div',
      { class: 'field', 'data-field': 'file' },
      h('label', { for: 'field-file', class: 'field__label' }, 'CSV file'),
      h('p', { class: 'field__hint', id: 'hint-file' }, 'Choosing a file checks it at once.'),
      file,
    ),
    h(
      'div',
      { class: 'field', 'data-field': 'csv' },
      h('label', { for: 'field-csv', class: 'field__label' }, 'Or paste the CSV'),
      h('p', { class: 'field__hint', id: 'hint-csv' }, `A header row, then one container a row. Columns: ${COLUMNS.join(', ')}.`),
      text,
    ),
    h('div', { class: 'form__actions' }, check, apply),
  )
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void run(true)
  })
  ctx.show(
    breadcrumbs([['Containers', paths.containers()], ['Import']]),
    pageHeader('Import containers from CSV'),
    h(
      'p',
      { class: 'lead' },
      'A row with the UUID of a container already here updates or moves it; a row without one (or with a new one) creates a container. ',
      'A parent_uuid names the box a container goes in (also a box made earlier in the same file), position its cell. ',
      'Check the file first: nothing is stored until you apply it, and then every row is stored, or none.',
    ),
    h(
      'p',
      null,
      'The export of a list (',
      link(paths.containers(), 'Containers'),
      ', a freezer’s page) has these columns: edit it and bring it back.',
    ),
    form,
    section('Result', 'import', result),
  )
}
