import { column, defineResource } from '../resource/definition.js'
import { Name, Text } from '../schemas/common.js'

const optionalText = column(Text, { pgType: 'text', nullable: true, listable: true })

export const site = defineResource({
  service: 'site',
  name: 'site',
  plural: 'sites',
  title: 'Site',
  titlePlural: 'Sites',
  table: 'site',
  columns: {
    name: column(Name, { pgType: 'text', listable: true }),
    contact: optionalText,
    address: optionalText,
    state_or_region: optionalText,
    country: optionalText,
    postcode_or_zip: optionalText,
  },
  children: [
    { table: 'freezer', column: 'site_id', label: 'freezers' },
    { table: 'computer', column: 'site_id', label: 'computers' },
  ],
})
