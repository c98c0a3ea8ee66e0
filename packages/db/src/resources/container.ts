import { Type } from '@sinclair/typebox'
import { column, defineResource } from '../resource/definition.js'
import { Id, POSITION_PATTERN, Text, Uuid } from '../schemas/common.js'

// Where a container is: in a freezer (freezer_id), and maybe inside another
// container (parent_id) at a cell of its grid (position). The rules that keep
// these in agreement are triggers on the table (migration 004), so that every
// way of writing obeys them; their refusals come out as 409 and 422.
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
    // Moving a container to another freezer is a PATCH of its freezer_id; a nested one always has its parent's.
    freezer_id: column(Id, { pgType: 'integer', parent: 'freezer', derivedFrom: 'parent_id', listable: true }),
    // Kept when a PUT leaves them out: a client that knows nothing of boxes does not take a tube out of its box.
    // Not a `parent` in the definition's sense: the trigger checks it (and names a missing one) before the foreign key.
    parent_id: column(Id, { pgType: 'integer', nullable: true, keepOnReplace: true }),
    grid_rows: column(Type.Integer({ minimum: 1, maximum: 26, description: 'rows A–Z' }), {
      pgType: 'integer',
      nullable: true,
      keepOnReplace: true,
    }),
    grid_cols: column(Type.Integer({ minimum: 1, maximum: 99, description: 'columns 1–99' }), {
      pgType: 'integer',
      nullable: true,
      keepOnReplace: true,
    }),
    position: column(Type.String({ pattern: POSITION_PATTERN, description: 'the cell of the parent’s grid, e.g. A1 or H12' }), {
      pgType: 'text',
      nullable: true,
      keepOnReplace: true,
    }),
    location: column(Text, { pgType: 'text', nullable: true, keepOnReplace: true }),
  },
  children: [{ table: 'container', column: 'parent_id', label: 'containers' }],
  history: true,
  notes: { replace: 'a uuid, parent_id, grid, position and location left out are kept' },
})
