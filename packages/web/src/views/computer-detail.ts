import { api, call, callVersioned, ifMatch } from '../api.js'
import { buttonLink, link, optional } from '../dom.js'
import { paths } from '../paths.js'
import type { RouteContext } from '../router.js'
import { breadcrumbs, deleteButton, detailList, editControls, idParam, pageHeader } from './page.js'

export async function computerDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const { signal } = ctx
  const { row: computer, etag } = await callVersioned(api.GET('/api/computers/{id}', { params: { path: { id } }, signal }))
  const site = await call(api.GET('/api/sites/{id}', { params: { path: { id: computer.site_id } }, signal }))
  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name, paths.site(site.id)], [computer.name]]),
    pageHeader(computer.name, {
      kicker: `Computer #${computer.id}`,
      actions: editControls([
        buttonLink(paths.editComputer(id), 'Edit computer', { id: 'edit-link' }),
        deleteButton({
          noun: 'computer',
          name: computer.name,
          remove: () => call(api.DELETE('/api/computers/{id}', { params: { path: { id } }, headers: ifMatch(etag) })),
          after: paths.site(site.id),
        }),
      ]),
    }),
    detailList('computer-details', [
      ['Name', computer.name],
      ['MAC address', optional(computer.mac)],
      ['Site', link(paths.site(site.id), site.name)],
    ]),
  )
}
