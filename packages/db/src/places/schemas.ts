import { type Static, Type } from '@sinclair/typebox'
import { Id, Nullable, POSITION_PATTERN, Uuid } from '../schemas/common.js'

const Position = Type.String({ pattern: POSITION_PATTERN, description: 'a cell such as A1 or H12' })

/** A container as the place answers name it. */
export const ContainerRef = Type.Object({ id: Id, uuid: Uuid, description: Nullable(Type.String()) }, { title: 'ContainerRef' })

export const Layout = Type.Object(
  {
    rows: Type.Integer({ minimum: 1, maximum: 26 }),
    cols: Type.Integer({ minimum: 1, maximum: 99 }),
    occupied: Type.Integer({ minimum: 0 }),
    free: Type.Integer({ minimum: 0 }),
    first_free: Nullable(Position),
    cells: Type.Array(Type.Object({ position: Position, container: Nullable(ContainerRef) }), {
      description: 'every cell of the grid, row by row (A1, A2, …, B1, …)',
    }),
  },
  { title: 'Layout' },
)
export type Layout = Static<typeof Layout>

export const Occupancy = Type.Object(
  {
    freezer_id: Id,
    containers: Type.Integer({ minimum: 0, description: 'every container in the freezer, at any depth' }),
    levels: Type.Array(Type.Object({ depth: Type.Integer({ minimum: 1 }), containers: Type.Integer({ minimum: 1 }) }), {
      description: 'how many sit directly in the freezer (depth 1), inside those (depth 2), and so on',
    }),
    boxes: Type.Array(
      Type.Object({
        id: Id,
        uuid: Uuid,
        description: Nullable(Type.String()),
        parent_id: Nullable(Id),
        position: Nullable(Position),
        rows: Type.Integer({ minimum: 1 }),
        cols: Type.Integer({ minimum: 1 }),
        capacity: Type.Integer({ minimum: 1 }),
        occupied: Type.Integer({ minimum: 0 }),
      }),
      { description: 'the containers of the freezer that have a grid, by id' },
    ),
  },
  { title: 'Occupancy' },
)
export type Occupancy = Static<typeof Occupancy>

export const Place = Type.Object(
  {
    site: Type.Object({ id: Id, name: Type.String() }),
    freezer: Type.Object({ id: Id, name: Type.String() }),
    path: Type.Array(Type.Object({ ...ContainerRef.properties, position: Nullable(Position) }), {
      description: 'the containers it is inside, outermost first',
    }),
    position: Nullable(Position),
    label: Type.String({ description: 'e.g. "Site 1 › -20C › Box 3 › A1"' }),
  },
  { title: 'Place' },
)
export type Place = Static<typeof Place>

const Change = Type.Object({ from: Type.Unknown(), to: Type.Unknown() })

export const ContainerEvent = Type.Object(
  {
    id: Type.Integer({ minimum: 1 }),
    at: Type.String({ format: 'date-time' }),
    actor: Type.String({ description: 'the user, `token:<name>`, or `sql:<role>` for a change made by direct SQL' }),
    action: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('moved'), Type.Literal('deleted')]),
    changes: Type.Record(Type.String(), Change, { description: 'every field that changed: { field: { from, to } }' }),
    request_id: Nullable(Type.String()),
    container_id: Id,
    container_uuid: Uuid,
  },
  { title: 'ContainerEvent' },
)
export type ContainerEvent = Static<typeof ContainerEvent>
