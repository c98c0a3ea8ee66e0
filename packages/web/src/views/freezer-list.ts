import { getJson, list } from '../api.js'
import { buttonLink, h, link } from '../dom.js'
import { sitesById } from '../lookups.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import { type Freezer, parseId, type Site } from '../types.js'
import { pageHeader } from './page.js'

export async function freezerListView(ctx: RouteContext): Promise<void> {
  const siteId = parseId(ctx.query.get('site_id'))
  const [page, site] = await Promise.all([
    list<Freezer>('freezers', { ...readPaging(ctx.query), site_id: siteId }, ctx.signal),
    siteId ? getJson<Site>(`/api/sites/${siteId}`, ctx.signal) : null,
  ])
  const sites = await sitesById(
    page.rows.map((freezer) => freezer.site_id),
    ctx.signal,
  )
  ctx.show(
    pageHeader(site ? `Freezers at ${site.name}` : 'Freezers', {
      actions: [buttonLink(paths.newFreezer(siteId), 'New freezer', { id: 'new-freezer', variant: 'primary' })],
    }),
    site ? h('p', { class: 'filter' }, 'Only this site’s freezers. ', link(paths.freezers(), 'Show all freezers')) : null,
    dataTable({
      id: 'freezers-table',
      caption: 'Freezers',
      rows: page.rows,
      rowId: (freezer) => freezer.id,
      empty: 'No freezers yet.',
      columns: [
        { header: 'ID', className: 'num', cell: (freezer) => freezer.id },
        { header: 'Name', cell: (freezer) => link(paths.freezer(freezer.id), freezer.name) },
        {
          header: 'Site',
          cell: (freezer) => link(paths.site(freezer.site_id), sites.get(freezer.site_id)?.name ?? `Site ${freezer.site_id}`),
        },
      ],
    }),
    pager(ctx.url, page, 'freezers'),
  )
}
