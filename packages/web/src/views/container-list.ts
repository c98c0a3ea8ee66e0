import { api, call, listPage } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { freezersById } from '../lookups.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import { parseId } from '../types.js'
import { exportLink } from './freezer-detail.js'
import { editControls, pageHeader } from './page.js'

export async function containerListView(ctx: RouteContext): Promise<void> {
  const freezerId = parseId(ctx.query.get('freezer_id'))
  const { signal } = ctx
  const [page, freezer] = await Promise.all([
    listPage(readPaging(ctx.query), (query) =>
      api.GET('/api/containers', { params: { query: { ...query, freezer_id: freezerId ?? undefined } }, signal }),
    ),
    freezerId ? call(api.GET('/api/freezers/{id}', { params: { path: { id: freezerId } }, signal })) : null,
  ])
  const freezers = await freezersById(
    page.rows.map((container) => container.freezer_id),
    ctx.signal,
  )
  ctx.show(
    pageHeader(freezer ? `Containers in ${freezer.name}` : 'Containers', {
      actions: [
        buttonLink(paths.lookup(), 'Find by UUID', { id: 'find-container' }),
        exportLink(freezerId, freezer ? 'Export CSV' : 'Export all as CSV'),
        ...editControls([
          buttonLink(paths.importContainers, 'Import CSV', { id: 'import-containers' }),
          buttonLink(paths.newContainer(freezerId), 'New container', { id: 'new-container', variant: 'primary' }),
        ]),
      ],
    }),
    freezer
      ? h('p', { class: 'filter' }, 'Only this freezer’s containers. ', link(paths.containers(), 'Show all containers'))
      : null,
    dataTable({
      id: 'containers-table',
      caption: 'Containers',
      rows: page.rows,
      rowId: (container) => container.id,
      empty: 'No containers yet.',
      columns: [
        { header: 'ID', className: 'num', cell: (container) => container.id },
        { header: 'UUID', cellClass: 'mono', cell: (container) => link(paths.container(container.id), container.uuid) },
        { header: 'Description', cell: (container) => optional(container.description, '—') },
        {
          header: 'Freezer',
          cell: (container) =>
            link(
              paths.freezer(container.freezer_id),
              freezers.get(container.freezer_id)?.name ?? `Freezer ${container.freezer_id}`,
            ),
        },
      ],
    }),
    pager(ctx.url, page, 'containers'),
  )
}
