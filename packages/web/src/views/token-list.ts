// The API tokens (admin): who each acts for, its role, expiry, last use, and
// whether it is revoked; an active one can be revoked here (the row stays).

import { ApiError, api, call, listPage } from '../api.js'
import { confirmAction } from '../confirm.js'
import { buttonLink, h, moment } from '../dom.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import { type RouteContext, reload } from '../router.js'
import { flash, showStatus } from '../status.js'
import { dataTable } from '../table.js'
import type { ApiToken } from '../types.js'
import { pageHeader } from './page.js'

type TokenState = 'active' | 'expired' | 'revoked'

function stateOf(token: ApiToken, now = Date.now()): TokenState {
  if (token.revoked_at) return 'revoked'
  if (token.expires_at && Date.parse(token.expires_at) <= now) return 'expired'
  return 'active'
}

function stateCell(token: ApiToken): Node {
  const state = stateOf(token)
  if (state === 'revoked') return h('span', null, 'Revoked ', moment(token.revoked_at))
  return h('span', null, state === 'expired' ? 'Expired' : 'Active')
}

function revokeButton(token: ApiToken): HTMLButtonElement {
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button button--danger button--small',
      'data-revoke': token.id,
      'aria-label': `Revoke token ${token.name}`,
    },
    'Revoke',
  )
  button.addEventListener('click', async () => {
    const confirmed = await confirmAction({
      title: `Revoke token “${token.name}”?`,
      message: `Programs that use the token “${token.name}” (for ${token.user}) stop working at once. It cannot be undone.`,
      confirmLabel: 'Revoke token',
    })
    if (!confirmed) {
      showStatus('Nothing was revoked.')
      return
    }
    button.disabled = true
    try {
      await call(api.DELETE('/api/tokens/{id}', { params: { path: { id: token.id } } }))
    } catch (error) {
      button.disabled = false
      if (error instanceof ApiError && error.status === 401) return
      showStatus(`Not revoked: ${error instanceof Error ? error.message : String(error)}`, 'error')
      return
    }
    flash(`Revoked token “${token.name}”: it no longer works.`)
    reload()
  })
  return button
}

export async function tokenListView(ctx: RouteContext): Promise<void> {
  const page = await listPage(readPaging(ctx.query), (query) => api.GET('/api/tokens', { params: { query }, signal: ctx.signal }))
  ctx.show(
    pageHeader('API tokens', { actions: [buttonLink(paths.newToken, 'Create token', { id: 'new-token', variant: 'primary' })] }),
    h('p', { class: 'lead' }, 'Programs send a token as Authorization: Bearer <token>. It acts for its user, with its own role.'),
    dataTable({
      id: 'tokens-table',
      caption: 'API tokens',
      rows: page.rows,
      rowId: (token) => token.id,
      rowAttrs: (token) => ({ 'data-state': stateOf(token) }),
      empty: 'No API tokens yet.',
      columns: [
        { header: 'Name', cell: (token) => token.name },
        { header: 'User', cell: (token) => token.user },
        { header: 'Role', cell: (token) => token.role },
        { header: 'Created', cell: (token) => moment(token.created_at) },
        { header: 'Expires', cell: (token) => moment(token.expires_at) },
        { header: 'Last used', cell: (token) => moment(token.last_used_at) },
        { header: 'State', cell: stateCell },
        { header: 'Action', cell: (token) => (stateOf(token) === 'revoked' ? null : revokeButton(token)) },
      ],
    }),
    pager(ctx.url, page, 'tokens'),
  )
}
