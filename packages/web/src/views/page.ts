// The pieces every page is made of: breadcrumbs, the heading (the page's
// first <h1>), sections, a definition list of fields, the edit controls only
// an editor gets, the delete button, and the pages shown when a row is
// missing, the role is lacking, or the server fails.

import { ApiError } from '../api.js'
import { confirmAction } from '../confirm.js'
import { type Child, h, link } from '../dom.js'
import { paths } from '../paths.js'
import { navigate, type RouteContext, reload } from '../router.js'
import { hasRole } from '../session.js'
import { flash, showStatus } from '../status.js'
import { parseId, type Role } from '../types.js'

export function breadcrumbs(items: [label: string, href?: string][]): HTMLElement {
  return h(
    'nav',
    { class: 'breadcrumbs', 'aria-label': 'Breadcrumb' },
    h(
      'ol',
      null,
      items.map(([label, href]) => h('li', null, href ? link(href, label) : h('span', { 'aria-current': 'page' }, label))),
    ),
  )
}

export function pageHeader(title: string, { kicker, actions = [] }: { kicker?: string; actions?: Child[] } = {}): HTMLElement {
  return h(
    'header',
    { class: 'page__header' },
    h(
      'div',
      { class: 'page__titles' },
      kicker ? h('p', { class: 'page__kicker' }, kicker) : null,
      h('h1', { class: 'page__title' }, title),
    ),
    actions.length > 0 ? h('div', { class: 'page__actions' }, actions) : null,
  )
}

export function section(title: string, id: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { class: 'section', id, 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title`, class: 'section__title' }, title),
    children,
  )
}

export function detailList(id: string, rows: [label: string, value: Child][]): HTMLDListElement {
  return h(
    'dl',
    { class: 'details', id, 'data-testid': id },
    rows.map(([label, value]) => h('div', { class: 'details__row' }, h('dt', null, label), h('dd', null, value))),
  )
}

/** Controls that change data, for those whose role allows it (`editor` unless said): nothing for the others. */
export function editControls(children: Child[], role: Role = 'editor'): Child[] {
  return hasRole(role) ? children : []
}

/** The :id of the route as a number (the router only matches valid ids). */
export function idParam(ctx: RouteContext): number {
  const id = parseId(ctx.params.id)
  if (id === null) throw new ApiError({ type: 'about:blank', title: 'Not Found', status: 404, detail: 'There is no such page.' })
  return id
}

/**
 * #delete-button: asks first, deletes, then goes to `after`; a refusal (409)
 * is explained in #status; a row changed meanwhile (412, the DELETE carried
 * If-Match) is shown again as it is now, not deleted.
 */
export function deleteButton({
  noun,
  name,
  remove,
  after,
  refusal = (detail) => `Cannot delete ${noun} “${name}”: ${sentence(detail)} Move or delete those first.`,
}: {
  noun: string
  name: string
  /** The DELETE (a call of the typed client). */
  remove: () => Promise<unknown>
  after: string
  /** The message of a 409, from the server's detail. */
  refusal?: (detail: string) => string
}): HTMLButtonElement {
  const button = h('button', { type: 'button', id: 'delete-button', class: 'button button--danger' }, `Delete ${noun}`)
  button.addEventListener('click', async () => {
    const confirmed = await confirmAction({
      title: `Delete ${noun} “${name}”?`,
      message: `This removes the ${noun} “${name}” for good. It cannot be undone.`,
      confirmLabel: `Delete ${noun}`,
    })
    if (!confirmed) {
      showStatus('Nothing was deleted.')
      return
    }
    button.disabled = true
    showStatus(`Deleting ${noun} “${name}”…`)
    try {
      await remove()
      flash(`Deleted ${noun} “${name}”.`)
      navigate(after, { replace: true })
    } catch (error) {
      button.disabled = false
      button.focus()
      if (!(error instanceof ApiError)) {
        showStatus(`Not deleted: ${error instanceof Error ? error.message : String(error)}`, 'error')
      } else if (error.status === 401) {
        // The sign-in page has opened already (session-middleware.ts) and says why.
      } else if (error.status === 412) {
        flash(`Nothing was deleted: someone else changed the ${noun} “${name}” meanwhile. Here it is as it is now.`, 'error')
        reload()
      } else if (error.status === 409) {
        showStatus(refusal(error.problem.detail), 'error')
      } else if (error.status === 404) {
        showStatus(`The ${noun} “${name}” no longer exists: someone deleted it already.`, 'error')
      } else {
        showStatus(`Not deleted: ${error.message}`, 'error')
      }
    }
  })
  return button
}

export function notFoundView(ctx: RouteContext): void {
  ctx.show(
    pageHeader('Page not found'),
    h('p', null, `There is no page at ${ctx.url.pathname}.`),
    h('p', null, link(paths.sites, 'Go to the list of sites')),
  )
}

/** What a page shows when loading its data failed: a missing row, or the server failing (with a retry). */
export function errorView(ctx: RouteContext, error: unknown): void {
  if (error instanceof ApiError && error.status === 404) {
    ctx.show(
      pageHeader('Not found'),
      h('p', { class: 'lead' }, capitalise(sentence(error.problem.detail))),
      h('p', null, link(paths.sites, 'Go to the list of sites')),
    )
    showStatus(`Not found: ${sentence(error.problem.detail)}`, 'error')
    return
  }
  if (error instanceof ApiError && error.status === 403) {
    ctx.show(pageHeader('Not allowed'), h('p', { class: 'lead' }, capitalise(sentence(error.problem.detail))))
    showStatus(`Not allowed: ${sentence(error.problem.detail)}`, 'error')
    return
  }
  const detail = error instanceof ApiError ? error.problem.detail : error instanceof Error ? error.message : String(error)
  if (!(error instanceof ApiError)) console.error(error)
  ctx.show(
    pageHeader('Could not load this page'),
    h('p', { class: 'lead' }, capitalise(sentence(detail))),
    h(
      'p',
      null,
      h('button', { type: 'button', id: 'retry-button', class: 'button button--primary', onclick: () => reload() }, 'Try again'),
    ),
  )
  showStatus(`Could not load this page: ${detail}`, 'error')
}

/** A server detail as a sentence: one final full stop. */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
