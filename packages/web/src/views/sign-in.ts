// The sign-in page (/sign-in?next=…): name and password; once signed in it
// opens the page the person came from. A wrong name or password and too
// many attempts (429, with the wait from Retry-After) are said beside the
// password and in #status.

import { signIn } from '../account.js'
import { ApiError } from '../api.js'
import { h } from '../dom.js'
import { buildForm, setFieldError } from '../forms.js'
import { safeNext } from '../paths.js'
import { navigate, type RouteContext } from '../router.js'
import { currentUser } from '../session.js'
import { flash, showStatus } from '../status.js'
import { pageHeader } from './page.js'

/** What a refused sign-in means to the person, or null when it is another error. */
function refusal(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null
  if (error.status === 401) return 'The name or the password is wrong.'
  if (error.status === 429) {
    const wait = error.retryAfter
    return wait === null ? 'Too many attempts: try again later.' : `Too many attempts: try again in ${wait} s.`
  }
  return null
}

export function signInView(ctx: RouteContext): void {
  const next = safeNext(ctx.query.get('next'))
  const me = currentUser()
  const form = buildForm({
    id: 'sign-in-form',
    submitLabel: 'Sign in',
    busyMessage: 'Signing in…',
    fields: [
      { name: 'name', label: 'Name', required: true, maxLength: 64, autocomplete: 'username', spellcheck: false },
      {
        name: 'password',
        label: 'Password',
        required: true,
        maxLength: 1024,
        inputType: 'password',
        autocomplete: 'current-password',
      },
    ],
    async submit(values) {
      try {
        const signedIn = await signIn({ name: values.text('name'), password: values.raw('password') })
        flash(`Signed in as ${signedIn.name} (${signedIn.role}).`)
        navigate(next, { replace: true })
      } catch (error) {
        const message = refusal(error)
        if (message === null) throw error
        setFieldError(form, 'password', message)
        showStatus(`Not signed in: ${message}`, 'error')
        const password = form.querySelector<HTMLInputElement>('#field-password')
        if (password) {
          password.value = ''
          password.focus()
        }
      }
    },
  })
  ctx.show(
    pageHeader('Sign in'),
    me
      ? h('p', { class: 'lead', id: 'already-signed-in' }, `You are signed in as ${me.name}. Signing in again replaces that.`)
      : h('p', { class: 'lead' }, 'Sign in with the name and password an admin gave you.'),
    form,
    h(
      'p',
      { class: 'muted' },
      'On a new installation the user is admin, with the password set in LABTRACK_ADMIN_PASSWORD or printed once on the console at the first start.',
    ),
  )
}
