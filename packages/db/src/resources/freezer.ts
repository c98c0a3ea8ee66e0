import { column, defineResource } from '../resource/definition.js'
import { Id, Name } from '../schemas/common.js'

export const freezer = defineResource({
  service: 'inventory',
  name: 'freezer',
  plural: 'freezers',
  title: 'Freezer',
  titlePlural: 'Freezers',
  table: 'freezer',
  columns: {
    name: column(Name, { pgType: 'text', listable: true }),
    site_id: column(Id, { pgType: 'integer', parent: 'site', listable: true }),
  },
  children: [{ table: 'container', column: 'freezer_id', label: 'containers' }],
})
