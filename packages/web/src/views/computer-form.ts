import { create, getJson, replace } from '../api.js'
import { buildForm, type FormValues } from '../forms.js'
import { allSites, siteOptions } from '../lookups.js'
import { paths } from '../paths.js'
import { navigate, type RouteContext } from '../router.js'
import { flash } from '../status.js'
import { type Computer, parseId, type Site } from '../types.js'
import { breadcrumbs, idParam, pageHeader } from './page.js'

function computerBody(values: FormValues) {
  return { name: values.text('name'), mac: values.optionalText('mac'), site_id: values.id('site_id') }
}

function computerForm(computer: Computer | null, sites: Site[], siteId: number | null): HTMLFormElement {
  return buildForm({
    id: 'computer-form',
    submitLabel: computer ? 'Save computer' : 'Create computer',
    cancelHref: computer ? paths.computer(computer.id) : siteId ? paths.site(siteId) : paths.computers(),
    fields: [
      { name: 'name', label: 'Name', required: true, maxLength: 200, value: computer?.name },
      {
        name: 'mac',
        label: 'MAC address',
        value: computer?.mac,
        mono: true,
        spellcheck: false,
        hint: 'Such as 08:00:2b:01:02:03; 08-00-2B-01-02-03, 0800.2b01.0203 and 08002b010203 work too.',
      },
      {
        name: 'site_id',
        label: 'Site',
        kind: 'select',
        required: true,
        value: siteId,
        emptyOption: 'Choose a site…',
        options: siteOptions(sites, siteId),
      },
    ],
    async submit(values) {
      const saved = computer
        ? await replace<Computer>(`/api/computers/${computer.id}`, computerBody(values))
        : await create<Computer>('computers', computerBody(values))
      flash(computer ? `Saved computer “${saved.name}”.` : `Created computer “${saved.name}”.`)
      navigate(paths.computer(saved.id), { replace: true })
    },
  })
}

export async function computerNewView(ctx: RouteContext): Promise<void> {
  const siteId = parseId(ctx.query.get('site_id'))
  const sites = await allSites(ctx.signal)
  const parent = sites.find((site) => site.id === siteId)
  ctx.show(
    breadcrumbs(
      parent
        ? [['Sites', paths.sites], [parent.name, paths.site(parent.id)], ['New computer']]
        : [['Computers', paths.computers()], ['New computer']],
    ),
    pageHeader(parent ? `New computer at ${parent.name}` : 'New computer'),
    computerForm(null, sites, siteId),
  )
}

export async function computerEditView(ctx: RouteContext): Promise<void> {
  const [computer, sites] = await Promise.all([
    getJson<Computer>(`/api/computers/${idParam(ctx)}`, ctx.signal),
    allSites(ctx.signal),
  ])
  const site = sites.find((candidate) => candidate.id === computer.site_id)
  ctx.show(
    breadcrumbs([
      ['Sites', paths.sites],
      [site?.name ?? `Site ${computer.site_id}`, paths.site(computer.site_id)],
      [computer.name, paths.computer(computer.id)],
      ['Edit'],
    ]),
    pageHeader(`Edit ${computer.name}`, { kicker: `Computer #${computer.id}` }),
    computerForm(computer, sites, computer.site_id),
  )
}
