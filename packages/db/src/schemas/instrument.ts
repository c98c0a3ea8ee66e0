import { type Static, Type } from '@sinclair/typebox'
import { Id, Nullable } from './common.js'

/** One row of the seed's UNION view: a computer or a freezer with its site. */
export const Instrument = Type.Object(
  { site_id: Id, site_name: Type.String(), computer_id: Nullable(Id), freezer_id: Nullable(Id), name: Type.String() },
  { title: 'Instrument' },
)
export type Instrument = Static<typeof Instrument>
