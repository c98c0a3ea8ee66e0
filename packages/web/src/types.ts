// The rows the API returns (see the HTTP contract in /work/shared/DESIGN.md).

export interface Site {
  id: number
  name: string
  contact: string | null
  address: string | null
  state_or_region: string | null
  country: string | null
  postcode_or_zip: string | null
}

export interface Freezer {
  id: number
  name: string
  site_id: number
}

export interface Container {
  id: number
  uuid: string
  description: string | null
  freezer_id: number
}

export interface Computer {
  id: number
  name: string
  mac: string | null
  site_id: number
}

/** What a site's freezer and computer rows have in common. */
export interface InstrumentRow {
  id: number
  name: string
  site_id: number
}

/** A site's computer (computer_id set) or freezer (freezer_id set), as /api/instruments lists them. */
export interface Instrument {
  site_id: number
  site_name: string
  computer_id: number | null
  freezer_id: number | null
  name: string
}

export const MAX_ID = 2_147_483_647

/** A positive integer id from a path or query value, or null. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) return null
  const id = Number(value)
  return id <= MAX_ID ? id : null
}
