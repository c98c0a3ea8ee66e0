import { ApiError, api, call, callVersioned, ifMatch } from '../api.js'
import { buttonLink, h, link, optional } from '../dom.js'
import { buildForm } from '../forms.js'
import { allFreezers, allSites, freezerOptions } from '../lookups.js'
import { paths } from '../paths.js'
import { navigate, type RouteContext, reload } from '../router.js'
import { flash, showStatus } from '../status.js'
import type { Container } from '../types.js'
import { breadcrumbs, deleteButton, detailList, editControls, idParam, pageHeader, section } from './page.js'

/** A container's heading: its description, or its id when it has none. */
export function containerTitle(container: Container): string {
  return container.description || `Container ${container.id}`
}

export async function containerDetailView(ctx: RouteContext): Promise<void> {
  const id = idParam(ctx)
  const { signal } = ctx
  const [{ row: container, etag }, freezers, sites] = await Promise.all([
    callVersioned(api.GET('/api/containers/{id}', { params: { path: { id } }, signal })),
    allFreezers(signal),
    allSites(signal),
  ])
  const freezer =
    freezers.find((candidate) => candidate.id === container.freezer_id) ??
    (await call(api.GET('/api/freezers/{id}', { params: { path: { id: container.freezer_id } }, signal })))
  const site =
    sites.find((candidate) => candidate.id === freezer.site_id) ??
    (await call(api.GET('/api/sites/{id}', { params: { path: { id: freezer.site_id } }, signal })))
  const title = containerTitle(container)

  const moveForm = buildForm({
    id: 'move-form',
    className: 'form form--inline',
    submitLabel: 'Move container',
    submitId: 'move-submit',
    fields: [
      {
        name: 'freezer_id',
        label: 'Move to freezer',
        kind: 'select',
        required: true,
        value: container.freezer_id,
        options: freezerOptions(freezers, sites, container.freezer_id),
        hint: 'Freezers are grouped by site.',
      },
    ],
    async submit(values) {
      const target = values.id('freezer_id')
      if (target === container.freezer_id) {
        showStatus(`The container is already in ${freezer.name}. Choose another freezer.`, 'info')
        return
      }
      let moved: Container
      try {
        moved = await call(
          api.PATCH('/api/containers/{id}', { params: { path: { id } }, body: { freezer_id: target }, headers: ifMatch(etag) }),
        )
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 412)) throw error
        flash(
          'Not moved: someone else changed this container meanwhile. Here it is as it is now: choose the freezer again.',
          'error',
        )
        reload()
        return
      }
      const to = freezers.find((candidate) => candidate.id === moved.freezer_id)
      flash(`Moved the container to freezer ${to ? `“${to.name}”` : moved.freezer_id}.`)
      navigate(paths.container(id), { replace: true })
    },
  })

  ctx.show(
    breadcrumbs([['Sites', paths.sites], [site.name, paths.site(site.id)], [freezer.name, paths.freezer(freezer.id)], [title]]),
    pageHeader(title, {
      kicker: `Container #${container.id}`,
      actions: editControls([
        buttonLink(paths.editContainer(id), 'Edit container', { id: 'edit-link' }),
        deleteButton({
          noun: 'container',
          name: title,
          remove: () => call(api.DELETE('/api/containers/{id}', { params: { path: { id } }, headers: ifMatch(etag) })),
          after: paths.freezer(freezer.id),
        }),
      ]),
    }),
    detailList('container-details', [
      ['UUID', h('span', { class: 'mono', id: 'container-uuid' }, container.uuid)],
      ['Description', optional(container.description)],
      ['Freezer', link(paths.freezer(freezer.id), freezer.name)],
      ['Site', link(paths.site(site.id), site.name)],
    ]),
    editControls([section('Move', 'move', moveForm)]),
  )
}
