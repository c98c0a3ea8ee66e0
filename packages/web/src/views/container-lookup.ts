import { ApiError, api, listPage } from '../api.js'
import { h } from '../dom.js'
import { buildForm, setFieldError, showFormError } from '../forms.js'
import { paths } from '../paths.js'
import { navigate, type RouteContext } from '../router.js'
import { flash, showStatus } from '../status.js'
import { pageHeader } from './page.js'

/** Look a container up by the UUID on its label: found, it opens; not found, says so beside the field. */
export async function containerLookupView(ctx: RouteContext): Promise<void> {
  const uuid = (ctx.query.get('uuid') ?? '').trim()
  const form = buildForm({
    id: 'lookup-form',
    className: 'form form--inline',
    submitLabel: 'Find container',
    submitId: 'lookup-submit',
    fields: [
      {
        name: 'uuid',
        label: 'UUID',
        required: true,
        value: uuid,
        mono: true,
        spellcheck: false,
        inputMode: 'search',
        hint: 'The UUID on the container’s label, such as 3f0a6c1e-7b7d-4c55-9d1e-0c6f1d2b8a01.',
      },
    ],
    async submit(values) {
      const wanted = values.text('uuid')
      if (!wanted) {
        setFieldError(form, 'uuid', 'UUID is required: type or scan the UUID on the label.')
        showStatus('Type or scan a UUID first.', 'error')
        form.querySelector<HTMLInputElement>('input[name="uuid"]')?.focus()
        return
      }
      navigate(paths.lookup(wanted))
    },
  })
  const page = [
    pageHeader('Find a container'),
    h('p', { class: 'lead' }, 'Type or scan the UUID printed on a container to open its page.'),
    form,
  ]
  if (!uuid) {
    ctx.show(...page)
    return
  }
  try {
    const found = await listPage({ limit: 1, offset: 0 }, (query) =>
      api.GET('/api/containers', { params: { query: { ...query, uuid } }, signal: ctx.signal }),
    )
    const container = found.rows[0]
    if (container) {
      flash(`Found container ${container.uuid}.`, 'info')
      navigate(paths.container(container.id), { replace: true })
      return
    }
    ctx.show(...page)
    setFieldError(form, 'uuid', `No container has the UUID ${uuid}.`)
    showStatus(`No container has the UUID ${uuid}.`, 'error')
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 400) throw error
    ctx.show(...page)
    showFormError(form, error, 'Cannot look this up')
  }
}
