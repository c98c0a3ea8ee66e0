import { column, defineResource } from '../resource/definition.js'
import { Id, Text, Uuid } from '../schemas/common.js'

export const container = defineResource({
  service: 'inventory',
  name: 'container',
  plural: 'containers',
  title: 'Container',
  titlePlural: 'Containers',
  table: 'container',
  columns: {
    // The uuid labels the physical tube: generated when a POST leaves it out, kept when a PUT does.
    uuid: column(Uuid, { pgType: 'uuid', generated: true, keepOnReplace: true, unique: true, listable: true }),
    description: column(Text, { pgType: 'text', nullable: true, listable: true }),
    // Moving a container to another freezer is a PATCH of its freezer_id.
    freezer_id: column(Id, { pgType: 'integer', parent: 'freezer', listable: true }),
  },
  notes: { replace: 'a uuid left out is kept' },
})
