import { type Static, Type } from '@sinclair/typebox'
import { Id, Name, Nullable, PageQuery, Text } from './common.js'

const siteFields = {
  contact: Nullable(Text),
  address: Nullable(Text),
  state_or_region: Nullable(Text),
  country: Nullable(Text),
  postcode_or_zip: Nullable(Text),
}

export const Site = Type.Object({ id: Id, name: Name, ...siteFields })
export type Site = Static<typeof Site>

/** Body of POST and PUT: optional fields left out are stored as null. */
export const SiteInput = Type.Object(
  {
    name: Name,
    contact: Type.Optional(siteFields.contact),
    address: Type.Optional(siteFields.address),
    state_or_region: Type.Optional(siteFields.state_or_region),
    country: Type.Optional(siteFields.country),
    postcode_or_zip: Type.Optional(siteFields.postcode_or_zip),
  },
  { additionalProperties: false },
)
export type SiteInput = Static<typeof SiteInput>

/** Body of PATCH: only the named fields change; null clears an optional one. */
export const SitePatch = Type.Partial(SiteInput, { additionalProperties: false, minProperties: 1 })
export type SitePatch = Static<typeof SitePatch>

export const SiteListQuery = PageQuery
export type SiteListQuery = Static<typeof SiteListQuery>
