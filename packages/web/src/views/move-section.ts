// Moving a container from its page, by pictures rather than ids: choose a
// freezer, then either put it directly in that freezer, or choose one of the
// freezer's boxes (how full each is) and press a cell of its grid. The
// server's refusal (a taken position, a box inside itself) is said in words
// beside the grid; a container changed meanwhile (412) is shown as it is now.

import { ApiError, api, call, ifMatch } from '../api.js'
import { h } from '../dom.js'
import { buildForm } from '../forms.js'
import { boxGrid } from '../grid.js'
import { freezerOptions } from '../lookups.js'
import { paths } from '../paths.js'
import { getLayout, getOccupancy } from '../place-calls.js'
import { containerName } from '../places.js'
import { navigate, reload } from '../router.js'
import { flash, showStatus } from '../status.js'
import type { Container, Freezer, Site } from '../types.js'
import { moveInto, refusalWords } from './box-section.js'
import { section } from './page.js'

export function moveSection(container: Container, etag: string | null, freezers: Freezer[], sites: Site[]): HTMLElement {
  const id = container.id
  const boxes = h('div', { class: 'move-boxes', id: 'move-boxes', 'aria-live': 'polite' })
  const gridSlot = h('div', { class: 'move-grid-slot' })
  const error = h('p', { class: 'grid-error', id: 'move-error', role: 'alert', 'data-testid': 'move-error' })
  const freezerName = (freezerId: number) => freezers.find((freezer) => freezer.id === freezerId)?.name ?? `freezer ${freezerId}`

  const refused = (caught: unknown): boolean => {
    if (caught instanceof ApiError && caught.status === 401) return true
    if (caught instanceof ApiError && caught.status === 412) {
      flash('Not moved: someone else changed this container meanwhile. Here it is as it is now: choose again.', 'error')
      reload()
      return true
    }
    error.textContent = refusalWords(caught)
    showStatus(error.textContent, 'error')
    return true
  }

  async function showGrid(boxId: number, boxLabel: string) {
    error.textContent = ''
    const layout = await getLayout(boxId).catch((caught: unknown) => {
      refused(caught)
      return null
    })
    if (!layout) return
    gridSlot.replaceChildren(
      h('h3', { class: 'subsection__title', id: 'move-grid-title', tabindex: -1 }, `Choose a position in ${boxLabel}`),
      h('p', { class: 'muted' }, `${layout.free} of ${layout.rows * layout.cols} positions free. Press a free one.`),
      boxGrid({
        id: 'move-grid',
        caption: `Positions of ${boxLabel}`,
        layout,
        selected: container.parent_id === boxId ? container.position : null,
        async onPress(cell) {
          error.textContent = ''
          showStatus(`Moving to ${boxLabel} › ${cell.position}…`)
          try {
            await moveInto(id, boxId, cell.position, ifMatch(etag))
          } catch (caught) {
            refused(caught)
            return
          }
          flash(`Moved the container to ${boxLabel} › ${cell.position}.`)
          navigate(paths.container(id), { replace: true })
        },
      }),
    )
    gridSlot.querySelector<HTMLElement>('#move-grid-title')?.focus()
  }

  async function showBoxes(freezerId: number | undefined) {
    gridSlot.replaceChildren()
    error.textContent = ''
    if (!freezerId) {
      boxes.replaceChildren()
      return
    }
    const occupancy = await getOccupancy(freezerId).catch((caught: unknown) => {
      refused(caught)
      return null
    })
    if (!occupancy) return
    const choices = occupancy.boxes.filter((box) => box.id !== id)
    boxes.replaceChildren(
      choices.length === 0
        ? h('p', { class: 'muted' }, `${freezerName(freezerId)} holds no boxes.`)
        : h(
            'div',
            null,
            h('p', { class: 'field__label', id: 'move-boxes-label' }, `Or put it in a box of ${freezerName(freezerId)}:`),
            h(
              'ul',
              { class: 'choices', 'aria-labelledby': 'move-boxes-label' },
              choices.map((box) => {
                const label = containerName(box)
                return h(
                  'li',
                  null,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'button button--secondary button--small',
                      'data-box-id': box.id,
                      onclick: () => void showGrid(box.id, label),
                    },
                    label,
                  ),
                  h('span', { class: 'muted' }, ` ${box.occupied} of ${box.capacity} taken`),
                )
              }),
            ),
          ),
    )
  }

  const form = buildForm({
    id: 'move-form',
    className: 'form form--inline',
    submitLabel: 'Move container',
    submitId: 'move-submit',
    busyMessage: 'Moving…',
    fields: [
      {
        name: 'freezer_id',
        label: 'Move to freezer',
        kind: 'select',
        required: true,
        value: container.freezer_id,
        options: freezerOptions(freezers, sites, container.freezer_id),
        hint: 'Move container puts it directly in that freezer; to put it in a box, choose the box below.',
      },
    ],
    async submit(values) {
      const target = values.id('freezer_id')
      if (target === container.freezer_id && container.parent_id === null) {
        showStatus(`The container is already in ${freezerName(target)}. Choose another freezer, or a box.`, 'info')
        return
      }
      let moved: Container
      try {
        moved = await call(
          api.PATCH('/api/containers/{id}', {
            params: { path: { id } },
            body: container.parent_id === null ? { freezer_id: target } : { freezer_id: target, parent_id: null, position: null },
            headers: ifMatch(etag),
          }),
        )
      } catch (caught) {
        if (!(caught instanceof ApiError && caught.status === 412)) throw caught
        refused(caught)
        return
      }
      flash(`Moved the container to freezer “${freezerName(moved.freezer_id)}”.`)
      navigate(paths.container(id), { replace: true })
    },
  })
  const select = form.querySelector<HTMLSelectElement>('select[name="freezer_id"]')
  select?.addEventListener('change', () => void showBoxes(Number(select.value) || undefined))
  void showBoxes(container.freezer_id)
  return section('Move', 'move', form, boxes, gridSlot, error)
}
