import type { TSchema } from '@sinclair/typebox'

/** How Postgres stores a column: decides the casts of bound values and which list operators it has. */
export type PgType = 'integer' | 'text' | 'uuid' | 'macaddr'

export interface ColumnOptions {
  /** How Postgres stores it. */
  pgType: PgType
  /** The row may hold null; the field may be left out of POST and PUT (stored as null). */
  nullable?: boolean
  /** The database fills it in when a POST leaves it out (a column default). */
  generated?: boolean
  /**
   * The database derives it from this other column when a write leaves it out
   * (a nested container's freezer_id from its parent_id): optional in the input,
   * never null in a row.
   */
  derivedFrom?: string
  /** A PUT that leaves it out keeps the stored value instead of clearing it. */
  keepOnReplace?: boolean
  /** The singular name of the resource this foreign key points at. */
  parent?: string
  /** A unique constraint guards it (named `<table>_<column>_key`, as Postgres names it). */
  unique?: boolean
  /** May be used in list filters and `sort`. */
  listable?: boolean
  /** How it is read, when not the bare column (e.g. `mac::text`, so a macaddr reads as text). */
  read?: string
}

export interface Column<S extends TSchema = TSchema, O extends ColumnOptions = ColumnOptions> {
  schema: S
  options: O
}

/** A column of a resource: the TypeBox schema of its (non-null) value, and how it behaves. */
export function column<S extends TSchema, const O extends ColumnOptions>(schema: S, options: O): Column<S, O> {
  return { schema, options }
}

/** Rows of another table that refer to this resource and so block its delete. */
export interface Child {
  table: string
  column: string
  /** Plural noun for messages: "site 1 still has 2 freezers". */
  label: string
}

/** The services that serve resources (each its own process, port and upstream in the gateway). */
export type ServiceName = 'site' | 'inventory' | 'computer'

export interface ResourceDefinition<C extends Record<string, Column> = Record<string, Column>> {
  /** The service that serves it: it mounts the resource's routes, the gateway routes /api/<plural> to it. */
  service: ServiceName
  /** Singular, lower case: messages ("freezer 3 does not exist") and parent names. */
  name: string
  /** The collection's path segment: /api/<plural>. */
  plural: string
  /** The schema name (`Freezer`, `FreezerInput`…) and the operationIds (`listFreezers`…). */
  title: string
  /** Plural title for operationIds: listFreezers. */
  titlePlural: string
  table: string
  /** Every column but `id`, which every resource has: an integer identity. */
  columns: C
  children?: Child[]
  /**
   * Every write is recorded by the database's history trigger: the service runs it
   * in a transaction that names the actor and the request (service-kit's withActor).
   */
  history?: boolean
  /** What the summaries of its operations add, e.g. "(mac unique, compared case-insensitively)". */
  notes?: { create?: string; replace?: string; remove?: string }
}

/** Declares a resource; everything else about it (SQL, schemas, routes, documents, tests) is derived from this. */
export function defineResource<const C extends Record<string, Column>>(definition: ResourceDefinition<C>): ResourceDefinition<C> {
  return definition
}
