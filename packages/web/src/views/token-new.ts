// A new API token (admin): its name, role, the user it acts for and an
// optional last day. The secret is shown once, right here, with a copy
// button: the server keeps only its hash, so it cannot be shown again.

import { api, call, listAll } from '../api.js'
import { h, link } from '../dom.js'
import { buildForm, type FormValues } from '../forms.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { currentUser } from '../session.js'
import { showStatus } from '../status.js'
import type { ApiTokenInput, NewApiToken } from '../types.js'
import { nameField, roleField, roleOf } from './account-fields.js'
import { breadcrumbs, pageHeader } from './page.js'

/** The end of the chosen day (a date input's YYYY-MM-DD), in the reader's time zone, as the API's date-time. */
function endOfDay(date: string): string | undefined {
  if (!date) return undefined
  const end = new Date(`${date}T23:59:59.999`)
  return Number.isNaN(end.getTime()) ? date : end.toISOString()
}

function tokenBody(values: FormValues): ApiTokenInput {
  return {
    name: values.text('name'),
    role: roleOf(values.text('role')),
    user: values.optionalText('user') ?? undefined,
    expires_at: endOfDay(values.text('expires_at')),
  }
}

/** The secret, once: a read-only field to select and a copy button. */
function createdPanel(token: NewApiToken): HTMLElement {
  const secret = h('input', {
    id: 'token-value',
    class: 'input input--mono',
    type: 'text',
    readonly: true,
    value: token.token,
    'aria-describedby': 'token-once',
    spellcheck: 'false',
  })
  secret.addEventListener('focus', () => secret.select())
  const copy = h('button', { type: 'button', id: 'copy-token', class: 'button button--primary' }, 'Copy token')
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(token.token)
      showStatus('Copied the token to the clipboard.', 'success')
    } catch {
      secret.focus()
      showStatus('This browser did not let the page copy: the token is selected, press Ctrl+C (⌘C on a Mac).', 'info')
    }
  })
  return h(
    'section',
    { class: 'section', id: 'token-created', 'aria-labelledby': 'token-created-title' },
    h('h2', { id: 'token-created-title', class: 'section__title', tabindex: '-1' }, `Token “${token.name}” created`),
    h(
      'p',
      { id: 'token-once' },
      'Copy it now: it is shown only this once, labtrack keeps only a hash of it. ',
      `It acts for ${token.user} as ${token.role}; a program sends it as Authorization: Bearer <token>.`,
    ),
    h('div', { class: 'field' }, h('label', { for: 'token-value', class: 'field__label' }, 'The token'), secret),
    h(
      'div',
      { class: 'form__actions' },
      copy,
      link(paths.tokens, 'Back to the API tokens', { class: 'button button--secondary' }),
    ),
  )
}

export async function tokenNewView(ctx: RouteContext): Promise<void> {
  const users = await listAll((query) => api.GET('/api/users', { params: { query }, signal: ctx.signal }))
  const me = currentUser()
  const form = buildForm({
    id: 'token-form',
    submitLabel: 'Create token',
    cancelHref: paths.tokens,
    fields: [
      nameField('What it is for, such as ci-import'),
      roleField('viewer', 'No higher than the role of its user.'),
      {
        name: 'user',
        label: 'Acts for',
        kind: 'select',
        emptyOption: me ? `Me (${me.name})` : 'Me',
        options: users
          .filter((user) => user.name !== me?.name)
          .map((user) => ({ value: user.name, label: `${user.name} (${user.role})` })),
      },
      {
        name: 'expires_at',
        label: 'Last day',
        inputType: 'date',
        hint: 'It stops working at the end of this day. Leave it empty for a token that does not expire.',
      },
    ],
    async submit(values) {
      const token = await call(api.POST('/api/tokens', { body: tokenBody(values) }))
      const panel = createdPanel(token)
      form.replaceWith(panel)
      showStatus(`Created token “${token.name}”. Copy it now: it is shown only this once.`, 'success')
      panel.querySelector<HTMLElement>('#token-created-title')?.focus()
    },
  })
  ctx.show(breadcrumbs([['API tokens', paths.tokens], ['Create token']]), pageHeader('Create token'), form)
}
