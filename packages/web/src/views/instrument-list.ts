import { api, listPage } from '../api.js'
import { link } from '../dom.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import type { Instrument } from '../types.js'
import { pageHeader } from './page.js'

/** Every site's computers and freezers in one list (the seed's instruments view). */
export async function instrumentListView(ctx: RouteContext): Promise<void> {
  const page = await listPage(readPaging(ctx.query), (query) =>
    api.GET('/api/instruments', { params: { query }, signal: ctx.signal }),
  )
  const href = (row: Instrument) =>
    row.computer_id !== null ? paths.computer(row.computer_id) : paths.freezer(row.freezer_id ?? 0)
  ctx.show(
    pageHeader('Instruments'),
    dataTable({
      id: 'instruments-table',
      caption: 'Computers and freezers of every site',
      rows: page.rows,
      rowId: (row) => row.computer_id ?? row.freezer_id ?? 0,
      rowAttrs: (row) => ({ 'data-kind': row.computer_id !== null ? 'computer' : 'freezer' }),
      empty: 'No computers or freezers yet.',
      columns: [
        { header: 'Site', cell: (row) => link(paths.site(row.site_id), row.site_name) },
        { header: 'Kind', cell: (row) => (row.computer_id !== null ? 'Computer' : 'Freezer') },
        { header: 'Name', cell: (row) => link(href(row), row.name) },
      ],
    }),
    pager(ctx.url, page, 'instruments'),
  )
}
