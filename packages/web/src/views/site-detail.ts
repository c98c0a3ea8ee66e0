import { api, call, callVersioned, ifMatch, listPage, type Page } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { type Column, dataTable } from '../table.js'
import type { Site } from '../types.js'
import { breadcrumbs, capitalise, deleteButton, detailList, editControls, idParam, pageHeader, section } from './page.js'

const SHOWN = 100

interface InstrumentTable<T> {
  /** Such as `freezer` and `freezers`. */
  noun: string
  plural: string
  /** The first SHOWN rows. */
  page: Page<T>
  columns: Column<T>[]
  addHref: string
  allHref: string
}

/** The site's freezers or computers: a heading with their count, #add-<noun>, the first SHOWN in #site-<plural>, a link to all. */
function instrumentTable<T extends { id: number }>(
  site: Site,
  { noun, plural, page, columns, addHref, allHref }: InstrumentTable<T>,
): HTMLElement {
  const title = capitalise(plural)
  return h(
    'div',
    { class: 'subsection' },
    h(
      'div',
      { class: 'subsection__header' },
      h('h3', { id: `${plural}-title` }, `${title} (${page.nextOffset === null ? page.rows.length : `${SHOWN}+`})`),
      editControls([buttonLink(addHref, `Add ${noun}`, { id: `add-${noun}` })]),
    ),
    dataTable({
      id: `site-${plural}`,
      caption: `${title} at ${site.name}`,
      rows: page.rows,
      rowId: (row) => row.id,
      empty: `No ${plural} at this site.`,
      columns,
    }),
    page.nextOffset !== null ? h('p', { class: 'more' }, link(allHref, `Show all ${plural} of this site`)) : null,
  )
}

export async function siteDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const { signal } = ctx
  const first = { limit: SHOWN, offset: 0 }
  const [{ row: site, etag }, freezers, computers] = await Promise.all([
    callVersioned(api.GET('/api/sites/{id}', { params: { path: { id } }, signal })),
    listPage(first, (query) => api.GET('/api/freezers', { params: { query: { ...query, site_id: id } }, signal })),
    listPage(first, (query) => api.GET('/api/computers', { params: { query: { ...query, site_id: id } }, signal })),
  ])

  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name]]),
    pageHeader(site.name, {
      kicker: `Site #${site.id}`,
      actions: editControls([
        buttonLink(paths.editSite(id), 'Edit site', { id: 'edit-link' }),
        deleteButton({
          noun: 'site',
          name: site.name,
          remove: () => call(api.DELETE('/api/sites/{id}', { params: { path: { id } }, headers: ifMatch(etag) })),
          after: paths.sites,
        }),
      ]),
    }),
    section(
      'Contact and address',
      'address',
      detailList('site-details', [
        ['Contact', optional(site.contact)],
        ['Address', optional(site.address)],
        ['State or region', optional(site.state_or_region)],
        ['Country', optional(site.country)],
        ['Postcode or ZIP', optional(site.postcode_or_zip)],
      ]),
    ),
    section(
      'Instruments',
      'instruments',
      instrumentTable(site, {
        noun: 'freezer',
        plural: 'freezers',
        page: freezers,
        addHref: paths.newFreezer(id),
        allHref: paths.freezers(id),
        columns: [
          { header: 'ID', className: 'num', cell: (freezer) => freezer.id },
          { header: 'Name', cell: (freezer) => link(paths.freezer(freezer.id), freezer.name) },
        ],
      }),
      instrumentTable(site, {
        noun: 'computer',
        plural: 'computers',
        page: computers,
        addHref: paths.newComputer(id),
        allHref: paths.computers(id),
        columns: [
          { header: 'ID', className: 'num', cell: (computer) => computer.id },
          { header: 'Name', cell: (computer) => link(paths.computer(computer.id), computer.name) },
          { header: 'MAC address', cellClass: 'mono', cell: (computer) => optional(computer.mac, '—') },
        ],
      }),
    ),
  )
}
