// Names for ids shown in lists (a freezer's site, a container's freezer) and
// the choices of the parent selects (site_id, freezer_id).

import { ApiError, api, call, listAll } from './api.js'
import type { SelectGroup, SelectOption } from './forms.js'
import type { Container, Freezer, Site } from './types.js'

/** GETs each distinct id once; ids that no longer exist are left out. */
async function byId<T>(ids: Iterable<number>, get: (id: number) => Promise<T>): Promise<Map<number, T>> {
  const unique = [...new Set(ids)]
  const found = await Promise.all(
    unique.map((id) =>
      get(id).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null
        throw error
      }),
    ),
  )
  const map = new Map<number, T>()
  unique.forEach((id, index) => {
    const row = found[index]
    if (row) map.set(id, row)
  })
  return map
}

export const sitesById = (ids: Iterable<number>, signal: AbortSignal): Promise<Map<number, Site>> =>
  byId(ids, (id) => call(api.GET('/api/sites/{id}', { params: { path: { id } }, signal })))
export const freezersById = (ids: Iterable<number>, signal: AbortSignal): Promise<Map<number, Freezer>> =>
  byId(ids, (id) => call(api.GET('/api/freezers/{id}', { params: { path: { id } }, signal })))
export const containersById = (ids: Iterable<number>, signal: AbortSignal): Promise<Map<number, Container>> =>
  byId(ids, (id) => call(api.GET('/api/containers/{id}', { params: { path: { id } }, signal })))

export const allSites = (signal: AbortSignal): Promise<Site[]> =>
  listAll((query) => api.GET('/api/sites', { params: { query }, signal }))
export const allFreezers = (signal: AbortSignal): Promise<Freezer[]> =>
  listAll((query) => api.GET('/api/freezers', { params: { query }, signal }))

/** One choice per site; the current one is kept even if it is past the loaded pages. */
export function siteOptions(sites: Site[], current?: number | null): SelectOption[] {
  const options = sites.map((site) => ({ value: String(site.id), label: `${site.name} (#${site.id})` }))
  if (current && !sites.some((site) => site.id === current)) options.push({ value: String(current), label: `Site ${current}` })
  return options
}

/** Freezers grouped by site, in site order. */
export function freezerOptions(freezers: Freezer[], sites: Site[], current?: number | null): SelectGroup[] {
  const siteNames = new Map(sites.map((site) => [site.id, site.name]))
  const groups = new Map<number, SelectGroup>()
  for (const freezer of [...freezers].sort((a, b) => a.site_id - b.site_id || a.id - b.id)) {
    const siteName = siteNames.get(freezer.site_id) ?? `Site ${freezer.site_id}`
    let group = groups.get(freezer.site_id)
    if (!group) {
      group = { label: siteName, options: [] }
      groups.set(freezer.site_id, group)
    }
    // The site is in the label too: a closed select shows no group.
    group.options.push({ value: String(freezer.id), label: `${freezer.name} — ${siteName} (#${freezer.id})` })
  }
  const list = [...groups.values()]
  if (current && !freezers.some((freezer) => freezer.id === current)) {
    list.push({ label: 'Other', options: [{ value: String(current), label: `Freezer ${current}` }] })
  }
  return list
}
