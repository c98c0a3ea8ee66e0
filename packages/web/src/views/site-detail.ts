import { getJson, list } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { dataTable } from '../table.js'
import type { Computer, Freezer, Site } from '../types.js'
import { breadcrumbs, deleteButton, detailList, idParam, pageHeader, section } from './page.js'

const SHOWN = 100

export async function siteDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const [site, freezers, computers] = await Promise.all([
    getJson<Site>(`/api/sites/${id}`, ctx.signal),
    list<Freezer>('freezers', { site_id: id, limit: SHOWN }, ctx.signal),
    list<Computer>('computers', { site_id: id, limit: SHOWN }, ctx.signal),
  ])
  const more = (next: number | null, href: string, noun: string) =>
    next !== null ? h('p', { class: 'more' }, link(href, `Show all ${noun} of this site`)) : null

  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name]]),
    pageHeader(site.name, {
      kicker: `Site #${site.id}`,
      actions: [
        buttonLink(paths.editSite(id), 'Edit site', { id: 'edit-link' }),
        deleteButton({ noun: 'site', name: site.name, path: `/api/sites/${id}`, after: paths.sites }),
      ],
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
      h(
        'div',
        { class: 'subsection' },
        h(
          'div',
          { class: 'subsection__header' },
          h('h3', { id: 'freezers-title' }, `Freezers (${freezers.nextOffset === null ? freezers.rows.length : `${SHOWN}+`})`),
          buttonLink(paths.newFreezer(id), 'Add freezer', { id: 'add-freezer' }),
        ),
        dataTable({
          id: 'site-freezers',
          caption: `Freezers at ${site.name}`,
          rows: freezers.rows,
          rowId: (freezer) => freezer.id,
          empty: 'No freezers at this site.',
          columns: [
            { header: 'ID', className: 'num', cell: (freezer) => freezer.id },
            { header: 'Name', cell: (freezer) => link(paths.freezer(freezer.id), freezer.name) },
          ],
        }),
        more(freezers.nextOffset, paths.freezers(id), 'freezers'),
      ),
      h(
        'div',
        { class: 'subsection' },
        h(
          'div',
          { class: 'subsection__header' },
          h(
            'h3',
            { id: 'computers-title' },
            `Computers (${computers.nextOffset === null ? computers.rows.length : `${SHOWN}+`})`,
          ),
          buttonLink(paths.newComputer(id), 'Add computer', { id: 'add-computer' }),
        ),
        dataTable({
          id: 'site-computers',
          caption: `Computers at ${site.name}`,
          rows: computers.rows,
          rowId: (computer) => computer.id,
          empty: 'No computers at this site.',
          columns: [
            { header: 'ID', className: 'num', cell: (computer) => computer.id },
            { header: 'Name', cell: (computer) => link(paths.computer(computer.id), computer.name) },
            { header: 'MAC address', cellClass: 'mono', cell: (computer) => optional(computer.mac, '—') },
          ],
        }),
        more(computers.nextOffset, paths.computers(id), 'computers'),
      ),
    ),
  )
}
