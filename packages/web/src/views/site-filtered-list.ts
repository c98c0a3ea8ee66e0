// The list of freezers or of computers: every site's, or with ?site_id= only
// that site's. Each row links to its page and names its site.

import { api, call, type Page, type Paging } from '../api.js'
import { buttonLink, h, link } from '../dom.js'
import { sitesById } from '../lookups.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { type Column, dataTable } from '../table.js'
import { type InstrumentRow, parseId } from '../types.js'
import { capitalise, editControls, pageHeader } from './page.js'

export interface SiteFilteredList<T extends InstrumentRow> {
  /** Such as `freezer` (#new-freezer). */
  noun: string
  /** The API collection, such as `freezers` (#freezers-table). */
  plural: string
  page(id: number): string
  list(siteId?: number | null): string
  newPage(siteId?: number | null): string
  /** The columns between Name and Site. */
  columns: Column<T>[]
  /** GETs one page of the rows, of one site only when siteId is given (a call of the typed client). */
  load(paging: Paging, siteId: number | undefined, signal: AbortSignal): Promise<Page<T>>
}

export async function siteFilteredListPage<T extends InstrumentRow>(ctx: RouteContext, spec: SiteFilteredList<T>): Promise<void> {
  const siteId = parseId(ctx.query.get('site_id'))
  const title = capitalise(spec.plural)
  const { signal } = ctx
  const [page, site] = await Promise.all([
    spec.load(readPaging(ctx.query), siteId ?? undefined, signal),
    siteId ? call(api.GET('/api/sites/{id}', { params: { path: { id: siteId } }, signal })) : null,
  ])
  const sites = await sitesById(
    page.rows.map((row) => row.site_id),
    ctx.signal,
  )
  ctx.show(
    pageHeader(site ? `${title} at ${site.name}` : title, {
      actions: editControls([
        buttonLink(spec.newPage(siteId), `New ${spec.noun}`, { id: `new-${spec.noun}`, variant: 'primary' }),
      ]),
    }),
    site ? h('p', { class: 'filter' }, `Only this site’s ${spec.plural}. `, link(spec.list(), `Show all ${spec.plural}`)) : null,
    dataTable({
      id: `${spec.plural}-table`,
      caption: title,
      rows: page.rows,
      rowId: (row) => row.id,
      empty: `No ${spec.plural} yet.`,
      columns: [
        { header: 'ID', className: 'num', cell: (row) => row.id },
        { header: 'Name', cell: (row) => link(spec.page(row.id), row.name) },
        ...spec.columns,
        { header: 'Site', cell: (row) => link(paths.site(row.site_id), sites.get(row.site_id)?.name ?? `Site ${row.site_id}`) },
      ],
    }),
    pager(ctx.url, page, spec.plural),
  )
}
