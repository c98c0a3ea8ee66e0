import { api, call, callVersioned, ifMatch, type Versioned } from '../api.js'
import type { FieldSpec, FormValues } from '../forms.js'
import { allFreezers, allSites, freezerOptions } from '../lookups.js'
import { paths } from '../paths.js'
import { getPlace, type Place } from '../place-calls.js'
import { containerName } from '../places.js'
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

/** Sites › site › freezer › every box down to (and with) the parent. */
function parentTrail(parent: Container, place: Place): [string, string][] {
  return [
    ['Sites', paths.sites],
    [place.site.name, paths.site(place.site.id)],
    [place.freezer.name, paths.freezer(place.freezer.id)],
    ...place.path.map((ancestor): [string, string] => [containerName(ancestor), paths.container(ancestor.id)]),
    [containerName(parent), paths.container(parent.id)],
  ]
}

function containerBody(values: FormValues): Draft<ContainerInput> {
  const parentId = values.id('parent_id') ?? null
  return {
    // A blank uuid is left out: POST generates one, PUT keeps the current one.
    uuid: values.optionalText('uuid') ?? undefined,
    description: values.optionalText('description'),
    // Inside a container, it is in that container's freezer: the server fills it in.
    freezer_id: parentId ? undefined : values.id('freezer_id'),
    parent_id: parentId,
    position: parentId ? (values.optionalText('position')?.toUpperCase() ?? null) : null,
    location: values.optionalText('location'),
    grid_rows: values.optionalInteger('grid_rows'),
    grid_cols: values.optionalInteger('grid_cols'),
  }
}

/** Refusals about positions and grids name no field: they go beside the position, or the grid. */
function problemField(detail: string): string | null {
  if (/\b(position|outside|taken)\b/.test(detail)) return 'position'
  if (/\bgrid\b/.test(detail)) return 'grid_rows'
  if (/\binside\b/.test(detail)) return 'parent_id'
  return null
}

const loadContainer = (id: number, signal?: AbortSignal) =>
  callVersioned(api.GET('/api/containers/{id}', { params: { path: { id } }, signal }))

interface FormContext {
  edited: Versioned<Container> | null
  freezers: Freezer[]
  sites: Site[]
  freezerId: number | null
  /** The container it is (to be) inside, or null. */
  parent: Container | null
  position: string | null
}

function gridHint(parent: Container): string {
  const rows = parent.grid_rows
  const cols = parent.grid_cols
  if (!rows || !cols) return `${containerName(parent)} has no grid: leave the position blank.`
  return `A cell of ${containerName(parent)}’s ${rows}×${cols} grid: A1 to ${String.fromCharCode(64 + rows)}${cols}.`
}

function containerForm({ edited, freezers, sites, freezerId, parent, position }: FormContext): HTMLFormElement {
  const container = edited?.row
  const placeFields: FieldSpec[] = parent
    ? [
        {
          name: 'parent_id',
          label: 'Inside',
          kind: 'select',
          value: parent.id,
          options: [{ value: String(parent.id), label: `${containerName(parent)} (#${parent.id})` }],
          emptyOption: 'Not inside a container: directly in the freezer',
          hint: 'To put it in another box, use Move on its page: you choose the box and the cell from pictures.',
        },
        {
          name: 'position',
          label: 'Position',
          value: position,
          mono: true,
          spellcheck: false,
          maxLength: 3,
          hint: gridHint(parent),
        },
      ]
    : []
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
      ...placeFields,
      {
        name: 'freezer_id',
        label: 'Freezer',
        kind: 'select',
        required: !parent,
        value: parent ? parent.freezer_id : freezerId,
        emptyOption: 'Choose a freezer…',
        options: freezerOptions(freezers, sites, parent ? parent.freezer_id : freezerId),
        hint: parent ? 'Inside a container, it is always in that container’s freezer.' : 'Freezers are grouped by site.',
      },
      {
        name: 'location',
        label: 'Location in the freezer',
        value: container?.location,
        maxLength: 2000,
        hint: 'Where it sits, such as “shelf 2, rack B” (for a container directly in the freezer).',
      },
      {
        name: 'grid_rows',
        label: 'Grid rows',
        value: container?.grid_rows,
        inputMode: 'numeric',
        maxLength: 2,
        hint: 'A box has a grid of positions: 1 to 26 rows, named A to Z. Leave both blank for a tube.',
      },
      {
        name: 'grid_cols',
        label: 'Grid columns',
        value: container?.grid_cols,
        inputMode: 'numeric',
        maxLength: 2,
        hint: '1 to 99 columns, numbered from 1.',
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
    cancelNewHref: parent ? paths.container(parent.id) : freezerId ? paths.freezer(freezerId) : paths.containers(),
    named: (saved) => saved.uuid,
    problemField,
  })
}

export async function containerNewView(ctx: RouteContext): Promise<void> {
  const freezerId = parseId(ctx.query.get('freezer_id'))
  const parentId = parseId(ctx.query.get('parent_id'))
  const position = ctx.query.get('position')
  const [freezers, sites, parent, place] = await Promise.all([
    allFreezers(ctx.signal),
    allSites(ctx.signal),
    parentId ? loadContainer(parentId, ctx.signal).then(({ row }) => row) : null,
    parentId ? getPlace(parentId, ctx.signal) : null,
  ])
  const inFreezer = freezers.find((freezer) => freezer.id === freezerId)
  const title = parent
    ? `New container in ${containerName(parent)}${position ? ` at ${position}` : ''}`
    : inFreezer
      ? `New container in ${inFreezer.name}`
      : 'New container'
  const trail: [string, string?][] =
    parent && place
      ? parentTrail(parent, place)
      : inFreezer
        ? freezerTrail(inFreezer, sites)
        : [['Containers', paths.containers()]]
  ctx.show(
    breadcrumbs([...trail, ['New container']]),
    pageHeader(title),
    containerForm({ edited: null, freezers, sites, freezerId, parent, position }),
  )
}

export async function containerEditView(ctx: RouteContext): Promise<void> {
  const [edited, freezers, sites] = await Promise.all([
    loadContainer(idParam(ctx), ctx.signal),
    allFreezers(ctx.signal),
    allSites(ctx.signal),
  ])
  const container = edited.row
  const parent = container.parent_id ? (await loadContainer(container.parent_id, ctx.signal)).row : null
  const title = containerTitle(container)
  const freezer = freezers.find((candidate) => candidate.id === container.freezer_id)
  const trail: [string, string][] = freezer ? freezerTrail(freezer, sites) : [['Containers', paths.containers()]]
  ctx.show(
    breadcrumbs([...trail, [title, paths.container(container.id)], ['Edit']]),
    pageHeader(`Edit ${title}`, { kicker: `Container #${container.id}` }),
    containerForm({ edited, freezers, sites, freezerId: container.freezer_id, parent, position: container.position }),
  )
}
