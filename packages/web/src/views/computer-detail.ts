import { getJson } from '../api.js'
import { buttonLink, link, optional } from '../dom.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import type { Computer, Site } from '../types.js'
import { breadcrumbs, deleteButton, detailList, idParam, pageHeader } from './page.js'

export async function computerDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const computer = await getJson<Computer>(`/api/computers/${id}`, ctx.signal)
  const site = await getJson<Site>(`/api/sites/${computer.site_id}`, ctx.signal)
  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name, paths.site(site.id)], [computer.name]]),
    pageHeader(computer.name, {
      kicker: `Computer #${computer.id}`,
      actions: [
        buttonLink(paths.editComputer(id), 'Edit computer', { id: 'edit-link' }),
        deleteButton({ noun: 'computer', name: computer.name, path: `/api/computers/${id}`, after: paths.site(site.id) }),
      ],
    }),
    detailList('computer-details', [
      ['Name', computer.name],
      ['MAC address', optional(computer.mac)],
      ['Site', link(paths.site(site.id), site.name)],
    ]),
  )
}
