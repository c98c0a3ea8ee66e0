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
  lookup: (uuid?: string) => (uuid ? `/containers/lookup?uuid=${encodeURIComponent(uuid)}` : '/containers/lookup'),
  computers: (siteId?: number | null) => (siteId ? `/computers?site_id=${siteId}` : '/computers'),
  newComputer: (siteId?: number | null) => (siteId ? `/computers/new?site_id=${siteId}` : '/computers/new'),
  computer: (id: number) => `/computers/${id}`,
  editComputer: (id: number) => `/computers/${id}/edit`,
}
