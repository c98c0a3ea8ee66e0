import { api, call, callVersioned, ifMatch, listPage } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { freezerHistoryTable } from '../history.js'
import { containersById } from '../lookups.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import { freezerHistory, getOccupancy, type Occupancy } from '../place-calls.js'
import { containerName } from '../places.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import { breadcrumbs, deleteButton, detailList, editControls, idParam, pageHeader, section } from './page.js'

/** The CSV of a list, as a download (the browser sends the session's cookie). */
export function exportLink(freezerId: number | null, text: string): HTMLAnchorElement {
  return h(
    'a',
    { href: paths.containersCsv(freezerId), download: 'containers.csv', id: 'export-csv', class: 'button button--secondary' },
    text,
  )
}

/** The freezer's boxes, each with how full it is (a meter and the numbers). */
function boxesTable(occupancy: Occupancy, freezerName: string, names: Map<number, string>): HTMLElement {
  return dataTable({
    id: 'boxes-table',
    caption: `Boxes in ${freezerName}, with how full each is`,
    rows: occupancy.boxes,
    rowId: (box) => box.id,
    empty: 'This freezer holds no boxes: a container with a grid is a box.',
    columns: [
      { header: 'Box', cell: (box) => link(paths.container(box.id), containerName(box)) },
      {
        header: 'Where',
        cell: (box) =>
          box.parent_id
            ? [
                link(paths.container(box.parent_id), names.get(box.parent_id) ?? `Container ${box.parent_id}`),
                box.position ? ` › ${box.position}` : '',
              ]
            : 'In the freezer',
      },
      { header: 'Grid', cell: (box) => `${box.rows} × ${box.cols}` },
      {
        header: 'Taken',
        cell: (box) =>
          h(
            'span',
            { class: 'fill', 'data-occupied': box.occupied, 'data-capacity': box.capacity },
            h('meter', { class: 'fill__meter', min: 0, max: box.capacity, value: box.occupied, 'aria-hidden': 'true' }),
            ` ${box.occupied} of ${box.capacity}`,
          ),
      },
    ],
  })
}

function levelsText(occupancy: Occupancy): string {
  const total = occupancy.containers
  const levels = occupancy.levels
    .map(
      (level) =>
        `${level.containers} ${level.depth === 1 ? 'directly in it' : `${level.depth - 1} level${level.depth > 2 ? 's' : ''} down`}`,
    )
    .join(', ')
  return `${total} container${total === 1 ? '' : 's'}${levels ? `: ${levels}` : ''}.`
}

export async function freezerDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const { signal } = ctx
  const [{ row: freezer, etag }, containers, occupancy, history] = await Promise.all([
    callVersioned(api.GET('/api/freezers/{id}', { params: { path: { id } }, signal })),
    listPage(readPaging(ctx.query), (query) =>
      api.GET('/api/containers', { params: { query: { ...query, freezer_id: id } }, signal }),
    ),
    getOccupancy(id, signal),
    freezerHistory(id, undefined, signal),
  ])
  const parentIds = [...containers.rows, ...occupancy.boxes].flatMap((row) => (row.parent_id ? [row.parent_id] : []))
  const [site, parents, historyTable] = await Promise.all([
    call(api.GET('/api/sites/{id}', { params: { path: { id: freezer.site_id } }, signal })),
    containersById(parentIds, signal),
    freezerHistoryTable(history.rows, id, signal),
  ])
  const names = new Map([...parents].map(([parentId, parent]) => [parentId, containerName(parent)]))
  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name, paths.site(site.id)], [freezer.name]]),
    pageHeader(freezer.name, {
      kicker: `Freezer #${freezer.id}`,
      actions: [
        exportLink(id, 'Export CSV'),
        ...editControls([
          buttonLink(paths.editFreezer(id), 'Edit freezer', { id: 'edit-link' }),
          deleteButton({
            noun: 'freezer',
            name: freezer.name,
            remove: () => call(api.DELETE('/api/freezers/{id}', { params: { path: { id } }, headers: ifMatch(etag) })),
            after: paths.site(site.id),
          }),
        ]),
      ],
    }),
    detailList('freezer-details', [
      ['Name', freezer.name],
      ['Site', link(paths.site(site.id), site.name)],
      ['Holds', h('span', { id: 'freezer-levels' }, levelsText(occupancy))],
    ]),
    section('Boxes', 'boxes', boxesTable(occupancy, freezer.name, names)),
    section(
      'Containers',
      'containers',
      editControls([
        h(
          'div',
          { class: 'section__actions' },
          buttonLink(paths.newContainer(id), 'Add container', { id: 'add-container', variant: 'primary' }),
        ),
      ]),
      dataTable({
        id: 'containers-table',
        caption: `Containers in ${freezer.name}`,
        rows: containers.rows,
        rowId: (container) => container.id,
        empty: 'This freezer holds no containers.',
        columns: [
          { header: 'ID', className: 'num', cell: (container) => container.id },
          { header: 'UUID', cellClass: 'mono', cell: (container) => link(paths.container(container.id), container.uuid) },
          { header: 'Description', cell: (container) => optional(container.description, '—') },
          {
            header: 'Where',
            cell: (container) =>
              container.parent_id
                ? [
                    link(
                      paths.container(container.parent_id),
                      names.get(container.parent_id) ?? `Container ${container.parent_id}`,
                    ),
                    container.position ? ` › ${container.position}` : '',
                  ]
                : optional(container.location, 'In the freezer'),
          },
        ],
      }),
      pager(ctx.url, containers, 'containers'),
    ),
    section(
      'What came and went',
      'freezer-history',
      historyTable,
      history.nextAfter ? h('p', { class: 'muted' }, 'Older events are not shown: these are the latest 100.') : null,
    ),
  )
}
