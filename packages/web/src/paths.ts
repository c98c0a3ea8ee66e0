// Every UI path in one place. Sites and instruments live under /lab-sites and
// /lab-instruments because /sites…, /site… and /instruments… are the Flask
// seed's own JSON URLs, which the server keeps answering (a reload of /sites/1
// would get JSON, not this app).

export const SITES = '/lab-sites'
export const INSTRUMENTS = '/lab-instruments'

export const paths = {
  sites: SITES,
  newSite: `${SITES}/new`,
  site: (id: number) => `${SITES}/${id}`,
  editSite: (id: number) => `${SITES}/${id}/edit`,
  instruments: INSTRUMENTS,
  freezers: (siteId?: number | null) => (siteId ? `/freezers?site_id=${siteId}` : '/freezers'),
  newFreezer: (siteId?: number | null) => (siteId ? `/freezers/new?site_id=${siteId}` : '/freezers/new'),
  freezer: (id: number) => `/freezers/${id}`,
  editFreezer: (id: number) => `/freezers/${id}/edit`,
  containers: (freezerId?: number | null) => (freezerId ? `/containers?freezer_id=${freezerId}` : '/containers'),
  newContainer: (freezerId?: number | null) => (freezerId ? `/containers/new?freezer_id=${freezerId}` : '/containers/new'),
  container: (id: number) => `/containers/${id}`,
  editContainer: (id: number) => `/containers/${id}/edit`,
  /** A new container inside a box, at a position (both optional). */
  newContainerIn: (parentId: number, position?: string | null) =>
    `/containers/new?parent_id=${parentId}${position ? `&position=${encodeURIComponent(position)}` : ''}`,
  importContainers: '/containers/import',
  /** The CSV of the containers (of one freezer): the API's own URL, opened as a download. */
  containersCsv: (freezerId?: number | null) => `/api/containers?format=csv${freezerId ? `&freezer_id=${freezerId}` : ''}`,
  find: (q?: string) => (q ? `/find?q=${encodeURIComponent(q)}` : '/find'),
  lookup: (uuid?: string) => (uuid ? `/containers/lookup?uuid=${encodeURIComponent(uuid)}` : '/containers/lookup'),
  computers: (siteId?: number | null) => (siteId ? `/computers?site_id=${siteId}` : '/computers'),
  newComputer: (siteId?: number | null) => (siteId ? `/computers/new?site_id=${siteId}` : '/computers/new'),
  computer: (id: number) => `/computers/${id}`,
  editComputer: (id: number) => `/computers/${id}/edit`,
  /** The sign-in page; once signed in it opens `next` (a path and query of this app). */
  signIn: (next?: string) => (next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in'),
  users: '/admin/users',
  newUser: '/admin/users/new',
  user: (id: number) => `/admin/users/${id}`,
  tokens: '/admin/tokens',
  newToken: '/admin/tokens/new',
}

/** `next` of the sign-in page when it is a path of this app (never another site, never the sign-in page again). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/')) return SITES
  // `//host` and `/\host` are other sites to the URL parser: the origin tells.
  const url = new URL(next, location.origin)
  if (url.origin !== location.origin || url.pathname === paths.signIn()) return SITES
  return url.pathname + url.search
}
