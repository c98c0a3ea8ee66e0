// A container's page: where it is in full (site › freezer › box › position,
// each a link), its details, its grid when it is a box, its printable label
// (a box's page prints the labels of everything in it on one sheet), moving
// it, and its history in words.

import { api, call, callVersioned, ifMatch } from '../api.js'
import { buttonLink, type Child, h, link, optional } from '../dom.js'
import { historyTable } from '../history.js'
import { containerLabel, printSheet } from '../label.js'
import { allFreezers, allSites } from '../lookups.js'
import { paths } from '../paths.js'
import { containerHistory, getLayout, getPlace, type Layout, type Place } from '../place-calls.js'
import type { RouteContext } from '../router.js'
import type { Container } from '../types.js'
import { boxSection } from './box-section.js'
import { moveSection } from './move-section.js'
import { breadcrumbs, deleteButton, detailList, editControls, idParam, pageHeader, section } from './page.js'

/** A container's heading: its description, or its id when it has none. */
export function containerTitle(container: Container): string {
  return container.description || `Container ${container.id}`
}

const ancestorName = (ancestor: Place['path'][number]) => ancestor.description || ancestor.uuid.slice(0, 8)

/** Site › freezer › each box it is in › its position, each a link (the position to its box's page). */
function placeTrail(place: Place): HTMLElement {
  const parent = place.path.at(-1)
  const parts: Child[] = [
    link(paths.site(place.site.id), place.site.name),
    link(paths.freezer(place.freezer.id), place.freezer.name),
    ...place.path.map((ancestor) => link(paths.container(ancestor.id), ancestorName(ancestor))),
    place.position && parent ? link(paths.container(parent.id), place.position, { 'data-position': place.position }) : null,
  ].filter(Boolean)
  return h(
    'p',
    { class: 'place', id: 'container-place', 'data-testid': 'container-place', 'aria-label': `Where it is: ${place.label}` },
    parts.flatMap((part, index) =>
      index === 0 ? [part] : [h('span', { class: 'place__sep', 'aria-hidden': 'true' }, ' › '), part],
    ),
  )
}

function labels(container: Container, layout: Layout | null): Child[] {
  const own = containerLabel({ uuid: container.uuid, description: container.description })
  if (!layout) return printSheet('label-sheet', [own], 'Print label')
  const contents = layout.cells.flatMap((cell) =>
    cell.container ? [containerLabel({ ...cell.container, position: cell.position })] : [],
  )
  return printSheet(
    'label-sheet',
    [own, ...contents],
    contents.length > 0 ? `Print ${contents.length + 1} labels` : 'Print label',
    contents.length > 0 ? 'Its own label, then the label of everything in it, by position: they print on one sheet.' : null,
  )
}

export async function containerDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const { signal } = ctx
  const [{ row: container, etag }, place, history, freezers, sites] = await Promise.all([
    callVersioned(api.GET('/api/containers/{id}', { params: { path: { id } }, signal })),
    getPlace(id, signal),
    containerHistory(id, undefined, signal),
    allFreezers(signal),
    allSites(signal),
  ])
  const isBox = container.grid_rows !== null && container.grid_cols !== null
  const layout = isBox ? await getLayout(id, signal) : null
  const events = await historyTable(history.rows, container, signal)
  const title = containerTitle(container)
  const parent = place.path.at(-1)

  ctx.show(
    breadcrumbs([
      ['Sites', paths.sites],
      [place.site.name, paths.site(place.site.id)],
      [place.freezer.name, paths.freezer(place.freezer.id)],
      ...place.path.map((ancestor): [string, string] => [ancestorName(ancestor), paths.container(ancestor.id)]),
      [title],
    ]),
    pageHeader(title, {
      kicker: isBox ? `Box #${container.id}` : `Container #${container.id}`,
      actions: editControls([
        buttonLink(paths.editContainer(id), 'Edit container', { id: 'edit-link' }),
        deleteButton({
          noun: 'container',
          name: title,
          remove: () => call(api.DELETE('/api/containers/{id}', { params: { path: { id } }, headers: ifMatch(etag) })),
          after: parent ? paths.container(parent.id) : paths.freezer(place.freezer.id),
        }),
      ]),
    }),
    placeTrail(place),
    detailList('container-details', [
      ['UUID', h('span', { class: 'mono', id: 'container-uuid' }, container.uuid)],
      ['Description', optional(container.description)],
      ['Freezer', link(paths.freezer(place.freezer.id), place.freezer.name)],
      ['Site', link(paths.site(place.site.id), place.site.name)],
      ...(parent ? [['Inside', link(paths.container(parent.id), ancestorName(parent))] as [string, Child]] : []),
      ...(container.position ? [['Position', container.position] as [string, Child]] : []),
      ...(container.location || !parent ? [['Location in the freezer', optional(container.location)] as [string, Child]] : []),
      ...(isBox ? [['Grid', `${container.grid_rows} rows × ${container.grid_cols} columns`] as [string, Child]] : []),
    ]),
    layout ? section('Contents', 'contents', boxSection(container, layout)) : null,
    section('Label', 'label', labels(container, layout)),
    editControls([moveSection(container, etag, freezers, sites)]),
    section(
      'History',
      'history',
      events,
      history.nextAfter ? h('p', { class: 'muted' }, 'Older events are not shown: these are the latest 100.') : null,
    ),
  )
}
