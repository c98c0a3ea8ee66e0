import { api, call, callVersioned, ifMatch, type Versioned } from '../api.js'
import { quoted } from '../dom.js'
import type { FormValues } from '../forms.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import type { Site, SiteInput } from '../types.js'
import { breadcrumbs, idParam, pageHeader } from './page.js'
import { resourceForm } from './resource-form.js'

// PUT replaces the whole row: an emptied field is cleared (null).
function siteBody(values: FormValues): SiteInput {
  return {
    name: values.text('name'),
    contact: values.optionalText('contact'),
    address: values.optionalText('address'),
    state_or_region: values.optionalText('state_or_region'),
    country: values.optionalText('country'),
    postcode_or_zip: values.optionalText('postcode_or_zip'),
  }
}

const loadSite = (id: number, signal?: AbortSignal) =>
  callVersioned(api.GET('/api/sites/{id}', { params: { path: { id } }, signal }))

function siteForm(edited: Versioned<Site> | null): HTMLFormElement {
  const site = edited?.row
  return resourceForm<Site, SiteInput>({
    noun: 'site',
    edited,
    fields: [
      { name: 'name', label: 'Name', required: true, maxLength: 200, value: site?.name },
      { name: 'contact', label: 'Contact', maxLength: 2000, value: site?.contact, hint: 'The person to ask about this site.' },
      { name: 'address', label: 'Address', maxLength: 2000, value: site?.address, hint: 'Street and city.' },
      { name: 'state_or_region', label: 'State or region', maxLength: 2000, value: site?.state_or_region },
      { name: 'country', label: 'Country', maxLength: 2000, value: site?.country },
      { name: 'postcode_or_zip', label: 'Postcode or ZIP', maxLength: 2000, value: site?.postcode_or_zip },
    ],
    body: siteBody,
    create: (body) => call(api.POST('/api/sites', { body })),
    replace: (id, body, etag) => call(api.PUT('/api/sites/{id}', { params: { path: { id } }, body, headers: ifMatch(etag) })),
    load: loadSite,
    page: paths.site,
    cancelNewHref: paths.sites,
    named: (saved) => quoted(saved.name),
  })
}

export function siteNewView(ctx: RouteContext): void {
  ctx.show(breadcrumbs([['Sites', paths.sites], ['New site']]), pageHeader('New site'), siteForm(null))
}

export async function siteEditView(ctx: RouteContext): Promise<void> {
  const edited = await loadSite(idParam(ctx), ctx.signal)
  const site = edited.row
  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name, paths.site(site.id)], ['Edit']]),
    pageHeader(`Edit ${site.name}`, { kicker: `Site #${site.id}` }),
    siteForm(edited),
  )
}
