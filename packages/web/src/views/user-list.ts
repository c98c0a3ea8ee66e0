import { api, listPage } from '../api.js'
import { buttonLink, link, moment } from '../dom.js'
import { pager, readPaging } from '../pager.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import { pageHeader } from './page.js'

export async function userListView(ctx: RouteContext): Promise<void> {
  const page = await listPage(readPaging(ctx.query), (query) => api.GET('/api/users', { params: { query }, signal: ctx.signal }))
  ctx.show(
    pageHeader('Users', { actions: [buttonLink(paths.newUser, 'Add user', { id: 'new-user', variant: 'primary' })] }),
    dataTable({
      id: 'users-table',
      caption: 'Users',
      rows: page.rows,
      rowId: (user) => user.id,
      empty: 'No users.',
      columns: [
        { header: 'ID', className: 'num', cell: (user) => user.id },
        { header: 'Name', cell: (user) => link(paths.user(user.id), user.name) },
        { header: 'Role', cell: (user) => user.role },
        { header: 'Added', cell: (user) => moment(user.created_at) },
      ],
    }),
    pager(ctx.url, page, 'users'),
  )
}
