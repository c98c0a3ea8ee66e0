import { getJson, list } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { sitesById } from '../lookups.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import { type Computer, parseId, type Site } from '../types.js'
import { pageHeader } from './page.js'

export async function computerListView(ctx: RouteContext): Promise<void> {
  const siteId = parseId(ctx.query.get('site_id'))
  const [page, site] = await Promise.all([
    list<Computer>('computers', { ...readPaging(ctx.query), site_id: siteId }, ctx.signal),
    siteId ? getJson<Site>(`/api/sites/${siteId}`, ctx.signal) : null,
  ])
  const sites = await sitesById(
    page.rows.map((computer) => computer.site_id),
    ctx.signal,
  )
  ctx.show(
    pageHeader(site ? `Computers at ${site.name}` : 'Computers', {
      actions: [buttonLink(paths.newComputer(siteId), 'New computer', { id: 'new-computer', variant: 'primary' })],
    }),
    site ? h('p', { class: 'filter' }, 'Only this site’s computers. ', link(paths.computers(), 'Show all computers')) : null,
    dataTable({
      id: 'computers-table',
      caption: 'Computers',
      rows: page.rows,
      rowId: (computer) => computer.id,
      empty: 'No computers yet.',
      columns: [
        { header: 'ID', className: 'num', cell: (computer) => computer.id },
        { header: 'Name', cell: (computer) => link(paths.computer(computer.id), computer.name) },
        { header: 'MAC address', cellClass: 'mono', cell: (computer) => optional(computer.mac, '—') },
        {
          header: 'Site',
          cell: (computer) => link(paths.site(computer.site_id), sites.get(computer.site_id)?.name ?? `Site ${computer.site_id}`),
        },
      ],
    }),
    pager(ctx.url, page, 'computers'),
  )
}
