// A box's grid as a table of buttons, one per position: rows A…, columns
// 1…, each cell saying what holds it or that it is free. The grid is one Tab
// stop: the arrow keys, Home and End move between cells (a roving tabindex),
// Enter or Space presses one.

import { h } from './dom.js'
import { containerName, positionOf, rowLetter } from './places.js'

export interface GridCell {
  position: string
  container: { id: number; uuid: string; description?: string | null } | null
}

export interface GridLayout {
  rows: number
  cols: number
  cells: GridCell[]
}

export interface GridSpec {
  id: string
  caption: string
  layout: GridLayout
  /** What pressing a cell does; a cell for which `enabled` says false only says so. */
  onPress(cell: GridCell, button: HTMLButtonElement): void
  enabled?(cell: GridCell): boolean
  /** The position shown as chosen (aria-pressed), such as the cell a form is about. */
  selected?: string | null
}

function cellButton(cell: GridCell, spec: GridSpec): HTMLButtonElement {
  const occupant = cell.container
  const enabled = spec.enabled?.(cell) ?? true
  const name = occupant ? containerName(occupant) : null
  const button = h(
    'button',
    {
      type: 'button',
      class: `grid__cell ${occupant ? 'grid__cell--taken' : 'grid__cell--free'}`,
      'data-position': cell.position,
      'data-container-id': occupant?.id,
      'aria-label': `${cell.position}: ${name ?? 'free'}`,
      'aria-disabled': enabled ? null : 'true',
      'aria-pressed': spec.selected === undefined ? null : String(spec.selected === cell.position),
      title: name ? `${cell.position}: ${name}` : `${cell.position}: free`,
      tabindex: -1,
    },
    h('span', { class: 'grid__text', 'aria-hidden': 'true' }, name ?? ''),
  )
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') !== 'true') spec.onPress(cell, button)
  })
  return button
}

export function boxGrid(spec: GridSpec): HTMLElement {
  const { rows, cols } = spec.layout
  const byPosition = new Map(spec.layout.cells.map((cell) => [cell.position, cell]))
  const buttons: HTMLButtonElement[][] = []
  const body = h('tbody', null)
  for (let row = 1; row <= rows; row++) {
    const line: HTMLButtonElement[] = []
    const tr = h('tr', null, h('th', { scope: 'row', class: 'grid__head' }, rowLetter(row)))
    for (let col = 1; col <= cols; col++) {
      const position = positionOf(row, col)
      const button = cellButton(byPosition.get(position) ?? { position, container: null }, spec)
      line.push(button)
      tr.append(h('td', { class: 'grid__slot' }, button))
    }
    buttons.push(line)
    body.append(tr)
  }
  const first = spec.selected ? spec.layout.cells.findIndex((cell) => cell.position === spec.selected) : 0
  const start = buttons.flat()[Math.max(0, first)]
  start?.setAttribute('tabindex', '0')

  const table = h(
    'table',
    { class: 'grid', id: spec.id, 'data-testid': spec.id, 'data-rows': rows, 'data-cols': cols },
    h('caption', { class: 'visually-hidden' }, `${spec.caption}. Arrow keys move between positions.`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('td', { class: 'grid__corner' }),
        Array.from({ length: cols }, (_, index) => h('th', { scope: 'col', class: 'grid__head' }, String(index + 1))),
      ),
    ),
    body,
  )
  table.addEventListener('keydown', (event) => {
    const target = event.target
    if (!(target instanceof HTMLButtonElement)) return
    const row = buttons.findIndex((line) => line.includes(target))
    if (row < 0) return
    const col = buttons[row]?.indexOf(target) ?? 0
    const moves: Record<string, [number, number]> = {
      ArrowUp: [row - 1, col],
      ArrowDown: [row + 1, col],
      ArrowLeft: [row, col - 1],
      ArrowRight: [row, col + 1],
      Home: [row, 0],
      End: [row, cols - 1],
    }
    const to = moves[event.key]
    if (!to) return
    event.preventDefault()
    const next = buttons[Math.min(rows - 1, Math.max(0, to[0]))]?.[Math.min(cols - 1, Math.max(0, to[1]))]
    if (!next) return
    target.setAttribute('tabindex', '-1')
    next.setAttribute('tabindex', '0')
    next.focus()
  })
  return h('div', { class: 'grid-wrap' }, table)
}
