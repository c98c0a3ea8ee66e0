/**
 * A value known only when the request is sent: the id of a row that exists
 * then (the `pick`-th of its table, modulo their number). Lets a generated
 * request name real rows of a database that the requests before it changed.
 */
export class RowRef {
  constructor(
    readonly table: string,
    readonly pick: number,
  ) {}
}

/** A row as the suite knows it: its id and version (the ETag's content). */
export interface KnownRow {
  id: number
  version: string
}

/** The rows of each table that a RowRef may name. */
export type RowPools = Readonly<Record<string, readonly KnownRow[]>>

/** Far past any row the suite makes: what a RowRef names when its table has no row it may use. */
export const NO_SUCH_ID = 2147483647

/** The row a reference names now, or undefined when its table has none the suite may use. */
export function rowOf(ref: RowRef, pools: RowPools): KnownRow | undefined {
  const pool = pools[ref.table] ?? []
  return pool.length === 0 ? undefined : pool[ref.pick % pool.length]
}

/** Replaces every RowRef inside a JSON value by the id it names now. */
export function resolveRefs(value: unknown, pools: RowPools): unknown {
  if (value instanceof RowRef) return rowOf(value, pools)?.id ?? NO_SUCH_ID
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, pools))
  if (value !== null && typeof value === 'object') {
    const resolved: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a generated "__proto__" key stays an own key, as JSON.parse would make it.
      Object.defineProperty(resolved, key, {
        value: resolveRefs(item, pools),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
    return resolved
  }
  return value
}
