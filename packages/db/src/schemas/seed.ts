import { type Static, Type } from '@sinclair/typebox'
import { MAX_ID, Name, Nullable, Text } from './common.js'

// The JSON the seed's Flask routes spoke, kept so its clients keep working.

const SeedText = Type.Optional(Nullable(Text))

/** Body of the seed's `POST /site/<id>`: its clients sent the zip code as a number too; unknown keys are ignored. */
export const SeedSiteBody = Type.Object({
  name: Name,
  contact: SeedText,
  address: SeedText,
  state_or_region: SeedText,
  country: SeedText,
  postcode_or_zip: Type.Optional(Nullable(Type.Union([Text, Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })]))),
})
export type SeedSiteBody = Static<typeof SeedSiteBody>

export const SeedPageParams = Type.Object({
  offset: Type.Integer({ minimum: 0, maximum: MAX_ID }),
  limit: Type.Integer({ minimum: 0, maximum: MAX_ID, description: '0 means all rows' }),
})
export type SeedPageParams = Static<typeof SeedPageParams>
