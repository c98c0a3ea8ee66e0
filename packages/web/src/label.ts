// A container's printable label: the QR code of its uuid, the first 8 hex
// digits (what a person reads off a small tube) and its description. A page
// puts its labels in a `.print-sheet`: printing that page prints the sheet
// only (the print stylesheet in styles.css).

import { type Child, h } from './dom.js'
import { shortUuid } from './places.js'
import { qrCode } from './qr.js'

export function containerLabel(container: { uuid: string; description?: string | null; position?: string | null }): HTMLElement {
  return h(
    'figure',
    { class: 'label', 'data-label-uuid': container.uuid },
    qrCode(container.uuid, `QR code of ${container.uuid}`),
    h(
      'figcaption',
      { class: 'label__text' },
      h('span', { class: 'label__id mono' }, shortUuid(container.uuid)),
      container.position ? h('span', { class: 'label__position' }, container.position) : null,
      container.description ? h('span', { class: 'label__description' }, container.description) : null,
    ),
  )
}

/** The labels a page prints, with a button that prints them. */
export function printSheet(id: string, labels: HTMLElement[], buttonText: string, intro?: Child): HTMLElement[] {
  const button = h('button', { type: 'button', id: `${id}-print`, class: 'button button--secondary' }, buttonText)
  button.addEventListener('click', () => window.print())
  const sheet = h('div', { class: 'print-sheet', id, 'data-testid': id }, labels)
  const actions = h('div', { class: 'section__actions' }, button)
  return intro ? [actions, h('p', { class: 'muted' }, intro), sheet] : [actions, sheet]
}
