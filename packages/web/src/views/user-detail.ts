// A user's page (admin): their role changed, their password reset, or the
// user deleted (the server refuses to delete the last admin).

import { loadCurrentUser } from '../account.js'
import { ApiError, api, call, listAll } from '../api.js'
import { moment } from '../dom.js'
import { buildForm } from '../forms.js'
import { paths } from '../paths.js'
import { type RouteContext, reload } from '../router.js'
import { aRole, currentUser } from '../session.js'
import { flash, showStatus } from '../status.js'
import type { User } from '../types.js'
import { newPasswordField, roleField, roleOf } from './account-fields.js'
import { breadcrumbs, deleteButton, detailList, idParam, pageHeader, section, sentence } from './page.js'

async function findUser(id: number, signal: AbortSignal): Promise<User> {
  const users = await listAll((query) => api.GET('/api/users', { params: { query }, signal }))
  const user = users.find((candidate) => candidate.id === id)
  if (!user) throw new ApiError({ type: 'about:blank', title: 'Not Found', status: 404, detail: `there is no user ${id}` })
  return user
}

/** The PATCH of one user; a change of one's own account also changes what the header says. */
async function patchUser(user: User, body: { role: User['role'] } | { password: string }): Promise<User> {
  const saved = await call(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body }))
  if (user.name === currentUser()?.name) await loadCurrentUser()
  return saved
}

export async function userDetailView(ctx: RouteContext): Promise<void> {
  const user = await findUser(idParam(ctx), ctx.signal)
  const roleForm = buildForm({
    id: 'role-form',
    className: 'form form--inline',
    submitLabel: 'Change role',
    fields: [roleField(user.role)],
    async submit(values) {
      const role = roleOf(values.text('role'))
      if (role === user.role) {
        showStatus(`${user.name} is ${aRole(role)} already. Choose another role.`, 'info')
        return
      }
      const saved = await patchUser(user, { role })
      flash(`${saved.name} is now ${aRole(saved.role)}.`)
      reload()
    },
  })
  const passwordForm = buildForm({
    id: 'password-form',
    className: 'form form--inline',
    submitLabel: 'Reset password',
    fields: [newPasswordField('New password')],
    async submit(values) {
      await patchUser(user, { password: values.raw('password') })
      passwordForm.reset()
      showStatus(`The password of ${user.name} is reset. Give them the new one.`, 'success')
    },
  })
  ctx.show(
    breadcrumbs([['Users', paths.users], [user.name]]),
    pageHeader(user.name, {
      kicker: `User #${user.id}`,
      actions: [
        deleteButton({
          noun: 'user',
          name: user.name,
          remove: () => call(api.DELETE('/api/users/{id}', { params: { path: { id: user.id } } })),
          after: paths.users,
          refusal: (detail) => `Cannot delete user “${user.name}”: ${sentence(detail)}`,
        }),
      ],
    }),
    detailList('user-details', [
      ['Name', user.name],
      ['Role', user.role],
      ['Added', moment(user.created_at)],
    ]),
    section('Role', 'role', roleForm),
    section('Password', 'password', passwordForm),
  )
}
