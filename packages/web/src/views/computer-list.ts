import { api, listPage } from '../api.js'
import { optional } from '../dom.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import type { Computer } from '../types.js'
import { siteFilteredListPage } from './site-filtered-list.js'

export const computerListView = (ctx: RouteContext): Promise<void> =>
  siteFilteredListPage<Computer>(ctx, {
    noun: 'computer',
    plural: 'computers',
    page: paths.computer,
    list: paths.computers,
    newPage: paths.newComputer,
    columns: [{ header: 'MAC address', cellClass: 'mono', cell: (computer) => optional(computer.mac, '—') }],
    load: (paging, siteId, signal) =>
      listPage(paging, (query) => api.GET('/api/computers', { params: { query: { ...query, site_id: siteId } }, signal })),
  })
