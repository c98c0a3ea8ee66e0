// Pages that need a role: the new and edit pages need editor, the admin
// pages admin. Nobody signed in is sent to the sign-in page (and back); a
// lower role gets a page that names the role needed.

import { h, link } from '../dom.js'
import { paths } from '../paths.js'
import type { View } from '../router.js'
import { aRole, currentUser, hasRole } from '../session.js'
import { signInAgain } from '../session-middleware.js'
import { showStatus } from '../status.js'
import type { Role } from '../types.js'
import { pageHeader } from './page.js'

export function needsRole(role: Role, view: View): View {
  return (ctx) => {
    if (hasRole(role)) return view(ctx)
    const me = currentUser()
    if (!me) {
      signInAgain()
      return
    }
    const why = `This page needs the ${role} role; you are signed in as ${me.name}, ${aRole(me.role)}.`
    ctx.show(
      pageHeader('Not allowed'),
      h('p', { class: 'lead' }, why),
      h('p', null, 'An admin can give you another role. ', link(paths.sites, 'Go to the list of sites')),
    )
    showStatus(`Not allowed: ${why}`, 'error')
  }
}
