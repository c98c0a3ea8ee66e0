import { api, listPage } from '../api.js'
import { buttonLink, link, optional } from '../dom.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import type { Site } from '../types.js'
import { editControls, pageHeader } from './page.js'

/** Where a site is, on one line. */
export function place(site: Site): string | null {
  return [site.address, site.state_or_region, site.postcode_or_zip, site.country].filter(Boolean).join(', ') || null
}

export async function siteListView(ctx: RouteContext): Promise<void> {
  const page = await listPage(readPaging(ctx.query), (query) => api.GET('/api/sites', { params: { query }, signal: ctx.signal }))
  ctx.show(
    pageHeader('Sites', {
      actions: editControls([buttonLink(paths.newSite, 'New site', { id: 'new-site', variant: 'primary' })]),
    }),
    dataTable({
      id: 'sites-table',
      caption: 'Sites',
      rows: page.rows,
      rowId: (site) => site.id,
      empty: 'No sites yet.',
      columns: [
        { header: 'ID', className: 'num', cell: (site) => site.id },
        { header: 'Name', cell: (site) => link(paths.site(site.id), site.name) },
        { header: 'Contact', cell: (site) => optional(site.contact, '—') },
        { header: 'Location', cell: (site) => optional(place(site), '—') },
      ],
    }),
    pager(ctx.url, page, 'sites'),
  )
}
