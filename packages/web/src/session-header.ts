// The header's part that follows who is signed in: their name and role with
// a sign-out button (or a sign-in link), and the admin pages in the
// navigation for admins only.

import { signOut } from './account.js'
import { h } from './dom.js'
import { paths } from './paths.js'
import { navigate } from './router.js'
import { currentUser, hasRole, onUserChange } from './session.js'
import { flash, showStatus } from './status.js'
import type { Me } from './types.js'

const ADMIN_LINKS: [href: string, text: string, nav: string][] = [
  [paths.users, 'Users', 'users'],
  [paths.tokens, 'API tokens', 'tokens'],
]

function signOutButton(): HTMLButtonElement {
  const button = h('button', { type: 'button', id: 'sign-out', class: 'button button--header' }, 'Sign out')
  button.addEventListener('click', async () => {
    button.disabled = true
    try {
      await signOut()
    } catch (error) {
      button.disabled = false
      showStatus(`Not signed out: ${error instanceof Error ? error.message : String(error)}`, 'error')
      return
    }
    flash('Signed out.')
    navigate(paths.signIn())
  })
  return button
}

function signInLink(): HTMLAnchorElement {
  const anchor = h('a', { href: paths.signIn(), id: 'sign-in-link', class: 'button button--header' }, 'Sign in')
  // Back to this page once signed in: the href is made when it is followed, so it names the page shown then.
  anchor.addEventListener('click', () => {
    if (location.pathname !== paths.signIn()) anchor.href = paths.signIn(location.pathname + location.search)
  })
  return anchor
}

function render(slot: HTMLElement, navList: HTMLElement, me: Me | null): void {
  slot.replaceChildren(
    ...(me
      ? [
          h('p', { class: 'session__who', id: 'signed-in-as' }, 'Signed in as ', h('strong', null, me.name), ` (${me.role})`),
          signOutButton(),
        ]
      : [signInLink()]),
  )
  for (const item of navList.querySelectorAll('[data-admin-link]')) item.remove()
  if (!hasRole('admin')) return
  for (const [href, text, nav] of ADMIN_LINKS) {
    navList.append(h('li', { 'data-admin-link': true }, h('a', { href, 'data-nav': nav }, text)))
  }
}

export function initSessionHeader(slot: HTMLElement, navList: HTMLElement): void {
  render(slot, navList, currentUser())
  onUserChange((me) => render(slot, navList, me))
}
