import { api, call, callVersioned, ifMatch, listPage } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import { breadcrumbs, deleteButton, detailList, editControls, idParam, pageHeader, section } from './page.js'

export async function freezerDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const { signal } = ctx
  const [{ row: freezer, etag }, containers] = await Promise.all([
    callVersioned(api.GET('/api/freezers/{id}', { params: { path: { id } }, signal })),
    listPage(readPaging(ctx.query), (query) =>
      api.GET('/api/containers', { params: { query: { ...query, freezer_id: id } }, signal }),
    ),
  ])
  const site = await call(api.GET('/api/sites/{id}', { params: { path: { id: freezer.site_id } }, signal }))
  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name, paths.site(site.id)], [freezer.name]]),
    pageHeader(freezer.name, {
      kicker: `Freezer #${freezer.id}`,
      actions: editControls([
        buttonLink(paths.editFreezer(id), 'Edit freezer', { id: 'edit-link' }),
        deleteButton({
          noun: 'freezer',
          name: freezer.name,
          remove: () => call(api.DELETE('/api/freezers/{id}', { params: { path: { id } }, headers: ifMatch(etag) })),
          after: paths.site(site.id),
        }),
      ]),
    }),
    detailList('freezer-details', [
      ['Name', freezer.name],
      ['Site', link(paths.site(site.id), site.name)],
    ]),
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
        ],
      }),
      pager(ctx.url, containers, 'containers'),
    ),
  )
}
