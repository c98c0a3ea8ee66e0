// A box's grid on its own page: a taken cell opens what holds it; a free one
// (for an editor) offers to create a container there, or to move one there,
// chosen by its uuid or by words from its description. What the server
// refuses (a position taken meanwhile, a box inside itself) is said in words
// beside the grid.

import { ApiError, api, call, listPage } from '../api.js'
import { type Child, h, link } from '../dom.js'
import { boxGrid, type GridCell } from '../grid.js'
import { paths } from '../paths.js'
import type { Layout } from '../place-calls.js'
import { search } from '../place-calls.js'
import { containerName, UUID_PATTERN } from '../places.js'
import { navigate, reload } from '../router.js'
import { hasRole } from '../session.js'
import { flash, showStatus } from '../status.js'
import type { Container } from '../types.js'
import { sentence } from './page.js'

/** Puts a container at a position of a box (its freezer follows the box's); the server's refusal is thrown. */
export function moveInto(containerId: number, boxId: number, position: string, headers: Record<string, string> = {}) {
  return call(
    api.PATCH('/api/containers/{id}', {
      params: { path: { id: containerId } },
      body: { parent_id: boxId, position },
      headers,
    }),
  )
}

/** The words of a refusal to put something at a position, for beside the grid. */
export function refusalWords(error: unknown, what = 'Not moved'): string {
  if (error instanceof ApiError) return `${what}: ${sentence(error.problem.detail)}`
  return `${what}: ${error instanceof Error ? error.message : String(error)}`
}

/** The containers that text names: the one with that uuid, or those whose description or uuid matches it. */
async function candidates(text: string, signal?: AbortSignal): Promise<{ id: number; label: string; place: string | null }[]> {
  if (UUID_PATTERN.test(text)) {
    const found = await listPage({ limit: 1, offset: 0 }, (query) =>
      api.GET('/api/containers', { params: { query: { ...query, uuid: text.toLowerCase() } }, signal }),
    )
    return found.rows.map((row) => ({ id: row.id, label: containerName(row), place: null }))
  }
  const hits = await search(text, 20, signal)
  return hits.filter((hit) => hit.kind === 'container').map(({ id, label, place }) => ({ id, label, place }))
}

function cellPanel(box: Container, cell: GridCell, error: HTMLElement): HTMLElement {
  const boxName = containerName(box)
  const choices = h('ul', { class: 'choices', id: 'place-choices' })
  const field = h('input', {
    id: 'field-place-q',
    name: 'q',
    class: 'input input--mono',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'hint-place-q',
  })
  const place = async (containerId: number, label: string) => {
    showStatus(`Moving ${label} to ${cell.position}…`)
    try {
      await moveInto(containerId, box.id, cell.position)
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 401) return
      error.textContent = refusalWords(caught)
      showStatus(error.textContent, 'error')
      return
    }
    flash(`Moved ${label} to ${boxName} › ${cell.position}.`)
    reload()
  }
  const form = h(
    'form',
    { id: 'place-form', class: 'form form--inline', novalidate: true },
    h(
      'div',
      { class: 'field', 'data-field': 'q' },
      h('label', { for: 'field-place-q', class: 'field__label' }, `Move a container to ${cell.position}`),
      h('p', { class: 'field__hint', id: 'hint-place-q' }, 'Type or scan its UUID, or words of its description.'),
      field,
    ),
    h(
      'div',
      { class: 'form__actions' },
      h('button', { type: 'submit', class: 'button button--primary', id: 'place-submit' }, 'Move here'),
    ),
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    error.textContent = ''
    choices.replaceChildren()
    const text = field.value.trim()
    if (!text) {
      error.textContent = 'Type or scan the UUID of the container to move here first.'
      field.focus()
      return
    }
    const found = await candidates(text).catch((caught: unknown) => {
      error.textContent = refusalWords(caught, 'Cannot look this up')
      return null
    })
    if (!found) return
    const [only] = found
    if (found.length === 0) error.textContent = `No container matches “${text}”.`
    else if (found.length === 1 && only) await place(only.id, only.label)
    else {
      choices.replaceChildren(
        ...found.map((candidate) =>
          h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'button button--secondary button--small',
                'data-container-id': candidate.id,
                onclick: () => void place(candidate.id, candidate.label),
              },
              `Move ${candidate.label} here`,
            ),
            candidate.place ? h('span', { class: 'muted' }, ` now in ${candidate.place}`) : null,
          ),
        ),
      )
      error.textContent = `${found.length} containers match “${text}”: choose one.`
    }
  })
  return h(
    'div',
    { class: 'cell-panel', id: 'cell-panel', 'data-position': cell.position },
    h('h3', { class: 'cell-panel__title', id: 'cell-panel-title', tabindex: -1 }, `${cell.position} is free`),
    h(
      'p',
      null,
      link(paths.newContainerIn(box.id, cell.position), `New container at ${cell.position}`, {
        id: 'new-here',
        class: 'button button--primary',
      }),
    ),
    form,
    choices,
  )
}

/** The grid of a box, its counts, and (for an editor) what a free cell offers. */
export function boxSection(box: Container, layout: Layout): Child[] {
  const error = h('p', { class: 'grid-error', id: 'grid-error', role: 'alert', 'data-testid': 'grid-error' })
  const panelSlot = h('div', { class: 'cell-panel-slot' })
  const editor = hasRole('editor')
  const grid = boxGrid({
    id: 'box-grid',
    caption: `Positions of ${containerName(box)}`,
    layout,
    enabled: (cell) => cell.container !== null || editor,
    onPress(cell) {
      if (cell.container) {
        navigate(paths.container(cell.container.id))
        return
      }
      error.textContent = ''
      for (const pressed of grid.querySelectorAll('[aria-current="true"]')) pressed.removeAttribute('aria-current')
      grid.querySelector(`[data-position="${cell.position}"]`)?.setAttribute('aria-current', 'true')
      panelSlot.replaceChildren(cellPanel(box, cell, error))
      panelSlot.querySelector<HTMLElement>('#cell-panel-title')?.focus()
    },
  })
  const first = layout.first_free
  return [
    h(
      'p',
      { class: 'grid-summary', id: 'grid-summary' },
      `${layout.occupied} of ${layout.rows * layout.cols} positions taken, ${layout.free} free`,
      first ? ` (the first free is ${first})` : '',
      '.',
    ),
    grid,
    error,
    panelSlot,
  ]
}
