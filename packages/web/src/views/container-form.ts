import { api, call, callVersioned, ifMatch, type Versioned } from '../api.js'
import type { FormValues } from '../forms.js'
import { allFreezers, allSites, freezerOptions } from '../lookups.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { type Container, type ContainerInput, type Freezer, parseId, type Site } from '../types.js'
import { containerTitle } from './container-detail.js'
import { breadcrumbs, idParam, pageHeader } from './page.js'
import { type Draft, resourceForm } from './resource-form.js'

/** Sites › site › freezer. */
function freezerTrail(freezer: Freezer, sites: Site[]): [string, string][] {
  const site = sites.find((candidate) => candidate.id === freezer.site_id)
  return [
    ['Sites', paths.sites],
    [site?.name ?? `Site ${freezer.site_id}`, paths.site(freezer.site_id)],
    [freezer.name, paths.freezer(freezer.id)],
  ]
}

function containerBody(values: FormValues): Draft<ContainerInput> {
  // A blank uuid is left out: POST generates one, PUT keeps the current one.
  return {
    uuid: values.optionalText('uuid') ?? undefined,
    description: values.optionalText('description'),
    freezer_id: values.id('freezer_id'),
  }
}

const loadContainer = (id: number, signal?: AbortSignal) =>
  callVersioned(api.GET('/api/containers/{id}', { params: { path: { id } }, signal }))

function containerForm(
  edited: Versioned<Container> | null,
  freezers: Freezer[],
  sites: Site[],
  freezerId: number | null,
): HTMLFormElement {
  const container = edited?.row
  return resourceForm<Container, ContainerInput>({
    noun: 'container',
    edited,
    fields: [
      {
        name: 'description',
        label: 'Description',
        kind: 'textarea',
        maxLength: 2000,
        value: container?.description,
        hint: 'What is inside, such as “Plasma aliquots, box A”.',
      },
      {
        name: 'freezer_id',
        label: 'Freezer',
        kind: 'select',
        required: true,
        value: freezerId,
        emptyOption: 'Choose a freezer…',
        options: freezerOptions(freezers, sites, freezerId),
        hint: 'Freezers are grouped by site.',
      },
      {
        name: 'uuid',
        label: 'UUID',
        value: container?.uuid,
        mono: true,
        spellcheck: false,
        hint: container
          ? 'The UUID on the container’s label. Change it only to re-label the container.'
          : 'Leave blank to have one generated, or type the UUID already printed on the label.',
      },
    ],
    body: containerBody,
    create: (body) => call(api.POST('/api/containers', { body })),
    replace: (id, body, etag) =>
      call(api.PUT('/api/containers/{id}', { params: { path: { id } }, body, headers: ifMatch(etag) })),
    load: loadContainer,
    page: paths.container,
    cancelNewHref: freezerId ? paths.freezer(freezerId) : paths.containers(),
    named: (saved) => saved.uuid,
  })
}

export async function containerNewView(ctx: RouteContext): Promise<void> {
  const freezerId = parseId(ctx.query.get('freezer_id'))
  const [freezers, sites] = await Promise.all([allFreezers(ctx.signal), allSites(ctx.signal)])
  const parent = freezers.find((freezer) => freezer.id === freezerId)
  ctx.show(
    breadcrumbs(
      parent ? [...freezerTrail(parent, sites), ['New container']] : [['Containers', paths.containers()], ['New container']],
    ),
    pageHeader(parent ? `New container in ${parent.name}` : 'New container'),
    containerForm(null, freezers, sites, freezerId),
  )
}

export async function containerEditView(ctx: RouteContext): Promise<void> {
  const [edited, freezers, sites] = await Promise.all([
    loadContainer(idParam(ctx), ctx.signal),
    allFreezers(ctx.signal),
    allSites(ctx.signal),
  ])
  const container = edited.row
  const title = containerTitle(container)
  const freezer = freezers.find((candidate) => candidate.id === container.freezer_id)
  const trail: [string, string][] = freezer ? freezerTrail(freezer, sites) : [['Containers', paths.containers()]]
  ctx.show(
    breadcrumbs([...trail, [title, paths.container(container.id)], ['Edit']]),
    pageHeader(`Edit ${title}`, { kicker: `Container #${container.id}` }),
    containerForm(edited, freezers, sites, container.freezer_id),
  )
}
