import { api, call } from '../api.js'
import { buildForm } from '../forms.js'
import { paths } from '../paths.js'
import { navigate, type RouteContext } from '../router.js'
import { flash } from '../status.js'
import { nameField, newPasswordField, roleField, roleOf } from './account-fields.js'
import { breadcrumbs, pageHeader } from './page.js'

export function userNewView(ctx: RouteContext): void {
  const form = buildForm({
    id: 'user-form',
    submitLabel: 'Add user',
    cancelHref: paths.users,
    fields: [
      nameField('What they sign in with'),
      roleField('viewer'),
      newPasswordField('Password', 'At least 12 characters. An admin can reset it later on the user’s page.'),
    ],
    async submit(values) {
      const user = await call(
        api.POST('/api/users', {
          body: { name: values.text('name'), role: roleOf(values.text('role')), password: values.raw('password') },
        }),
      )
      flash(`Added user “${user.name}” (${user.role}).`)
      navigate(paths.user(user.id), { replace: true })
    },
  })
  ctx.show(breadcrumbs([['Users', paths.users], ['Add user']]), pageHeader('Add user'), form)
}
