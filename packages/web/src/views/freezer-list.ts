import { api, listPage } from '../api.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import type { Freezer } from '../types.js'
import { siteFilteredListPage } from './site-filtered-list.js'

export const freezerListView = (ctx: RouteContext): Promise<void> =>
  siteFilteredListPage<Freezer>(ctx, {
    noun: 'freezer',
    plural: 'freezers',
    page: paths.freezer,
    list: paths.freezers,
    newPage: paths.newFreezer,
    columns: [],
    load: (paging, siteId, signal) =>
      listPage(paging, (query) => api.GET('/api/freezers', { params: { query: { ...query, site_id: siteId } }, signal })),
  })
