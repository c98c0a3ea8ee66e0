// Lists as tables: one <tr data-id> per row. Below 40rem each row becomes a
// card, its cells labelled by their column (data-label), so nothing scrolls sideways.

import { type Child, h } from './dom.js'

export interface Column<T> {
  header: string
  cell(row: T): Child
  /** Class of the column's header and cells (`num` for ids). */
  className?: string
  /** Class of the cells only (`mono` for UUIDs and MAC addresses). */
  cellClass?: string
}

export interface TableSpec<T> {
  id: string
  caption: string
  columns: Column<T>[]
  rows: T[]
  rowId(row: T): number | string
  /** Extra attributes of each row, e.g. data-kind. */
  rowAttrs?(row: T): Record<string, string>
  empty: string
}

export function dataTable<T>(spec: TableSpec<T>): HTMLTableElement {
  const head = h(
    'thead',
    null,
    h(
      'tr',
      null,
      spec.columns.map((column) => h('th', { scope: 'col', class: column.className }, column.header)),
    ),
  )
  const body = h(
    'tbody',
    null,
    spec.rows.length === 0
      ? h('tr', { class: 'table__empty' }, h('td', { colspan: spec.columns.length }, spec.empty))
      : spec.rows.map((row) =>
          h(
            'tr',
            { 'data-id': spec.rowId(row), ...spec.rowAttrs?.(row) },
            spec.columns.map((column) =>
              h(
                'td',
                { 'data-label': column.header, class: [column.className, column.cellClass].filter(Boolean).join(' ') || null },
                column.cell(row),
              ),
            ),
          ),
        ),
  )
  return h(
    'table',
    { id: spec.id, class: 'table', 'data-testid': spec.id },
    h('caption', { class: 'visually-hidden' }, spec.caption),
    head,
    body,
  )
}
