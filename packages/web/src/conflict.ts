// A 412 on an edit: someone else changed the row since the form was loaded.
// The form gets the row as it is now (and its new version, kept by the
// caller), and a panel above the fields lists each field that differs: as
// loaded, as saved meanwhile, as typed. "Put my values back" re-applies what
// was typed, so nothing of it is lost; the next save then replaces the other
// change knowingly.

import { h } from './dom.js'
import { displayValue, readValues, writeValues } from './forms.js'
import { showStatus } from './status.js'

export interface Conflict {
  /** Such as `site`. */
  noun: string
  /** The fields as the form loaded them, as they are now, and as typed. */
  loaded: Record<string, string>
  current: Record<string, string>
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim() === (b ?? '').trim()

export function showConflict(form: HTMLFormElement, { noun, loaded, current }: Conflict): void {
  const yours = readValues(form, { passwords: false })
  const labels = new Map(
    [...form.querySelectorAll<HTMLElement>('[data-field]')].map((field) => [
      field.dataset.field ?? '',
      field.dataset.label ?? '',
    ]),
  )
  const differing = Object.keys(yours).filter((name) => !same(yours[name], current[name]) || !same(loaded[name], current[name]))
  const shown = (name: string, value: string | undefined) => {
    const text = displayValue(form, name, value ?? '').trim()
    return text ? text : h('span', { class: 'muted' }, 'empty')
  }
  writeValues(form, current)
  form.querySelector('#conflict')?.remove()

  const reapply = h('button', { type: 'button', id: 'reapply-button', class: 'button button--secondary' }, 'Put my values back')
  const panel = h(
    'section',
    { id: 'conflict', class: 'conflict', 'aria-labelledby': 'conflict-title', 'data-testid': 'conflict' },
    h('h2', { id: 'conflict-title', class: 'conflict__title', tabindex: '-1' }, `Someone else changed this ${noun} meanwhile`),
    h(
      'p',
      null,
      `Nothing of yours was saved. The form now shows the ${noun} as it is now; `,
      'what you typed is in the last column. Put your values back to save them over the other change.',
    ),
    h(
      'table',
      { class: 'table conflict__fields', id: 'conflict-fields' },
      h('caption', { class: 'visually-hidden' }, 'Fields that differ'),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Field', 'When you opened the form', 'Now (saved meanwhile)', 'Yours (not saved)'].map((title) =>
            h('th', { scope: 'col' }, title),
          ),
        ),
      ),
      h(
        'tbody',
        null,
        differing.length === 0
          ? h('tr', { class: 'table__empty' }, h('td', { colspan: 4 }, 'What you typed is what is saved now.'))
          : differing.map((name) =>
              h(
                'tr',
                { 'data-field-name': name },
                h('th', { scope: 'row' }, labels.get(name) || name),
                h('td', { 'data-label': 'When you opened the form' }, shown(name, loaded[name])),
                h('td', { 'data-label': 'Now', 'data-value': 'current' }, shown(name, current[name])),
                h('td', { 'data-label': 'Yours', 'data-value': 'yours' }, shown(name, yours[name])),
              ),
            ),
      ),
    ),
    h('div', { class: 'form__actions' }, reapply),
  )
  reapply.addEventListener('click', () => {
    writeValues(form, yours)
    panel.remove()
    showStatus(`Your values are back in the form. Save to replace the other change.`, 'info')
    form.querySelector<HTMLElement>('[data-field] :is(input, select, textarea)')?.focus()
  })
  form.prepend(panel)
  showStatus(`Not saved: someone else changed this ${noun} while you were editing it. The form shows it as it is now.`, 'error')
  panel.querySelector<HTMLElement>('#conflict-title')?.focus()
}
