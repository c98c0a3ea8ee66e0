import { create, getJson, replace } from '../api.js'
import { buildForm, type FormValues } from '../forms.js'
import { allSites, siteOptions } from '../lookups.js'
import { paths } from '../paths.js'
import { navigate, type RouteContext } from '../router.js'
import { flash } from '../status.js'
import { type Freezer, parseId, type Site } from '../types.js'
import { breadcrumbs, idParam, pageHeader } from './page.js'

function freezerBody(values: FormValues) {
  return { name: values.text('name'), site_id: values.id('site_id') }
}

function freezerForm(freezer: Freezer | null, sites: Site[], siteId: number | null): HTMLFormElement {
  return buildForm({
    id: 'freezer-form',
    submitLabel: freezer ? 'Save freezer' : 'Create freezer',
    cancelHref: freezer ? paths.freezer(freezer.id) : siteId ? paths.site(siteId) : paths.freezers(),
    fields: [
      {
        name: 'name',
        label: 'Name',
        required: true,
        maxLength: 200,
        value: freezer?.name,
        hint: 'For example “-80C” or “Freezer B, room 12”.',
      },
      {
        name: 'site_id',
        label: 'Site',
        kind: 'select',
        required: true,
        value: siteId,
        emptyOption: 'Choose a site…',
        options: siteOptions(sites, siteId),
        hint: freezer ? 'Choosing another site moves the freezer there.' : undefined,
      },
    ],
    async submit(values) {
      const saved = freezer
        ? await replace<Freezer>(`/api/freezers/${freezer.id}`, freezerBody(values))
        : await create<Freezer>('freezers', freezerBody(values))
      flash(freezer ? `Saved freezer “${saved.name}”.` : `Created freezer “${saved.name}”.`)
      navigate(paths.freezer(saved.id), { replace: true })
    },
  })
}

export async function freezerNewView(ctx: RouteContext): Promise<void> {
  const siteId = parseId(ctx.query.get('site_id'))
  const sites = await allSites(ctx.signal)
  const parent = sites.find((site) => site.id === siteId)
  ctx.show(
    breadcrumbs(
      parent
        ? [['Sites', paths.sites], [parent.name, paths.site(parent.id)], ['New freezer']]
        : [['Freezers', paths.freezers()], ['New freezer']],
    ),
    pageHeader(parent ? `New freezer at ${parent.name}` : 'New freezer'),
    freezerForm(null, sites, siteId),
  )
}

export async function freezerEditView(ctx: RouteContext): Promise<void> {
  const [freezer, sites] = await Promise.all([
    getJson<Freezer>(`/api/freezers/${idParam(ctx)}`, ctx.signal),
    allSites(ctx.signal),
  ])
  const site = sites.find((candidate) => candidate.id === freezer.site_id)
  ctx.show(
    breadcrumbs([
      ['Sites', paths.sites],
      [site?.name ?? `Site ${freezer.site_id}`, paths.site(freezer.site_id)],
      [freezer.name, paths.freezer(freezer.id)],
      ['Edit'],
    ]),
    pageHeader(`Edit ${freezer.name}`, { kicker: `Freezer #${freezer.id}` }),
    freezerForm(freezer, sites, freezer.site_id),
  )
}
