// Where containers are: grid positions ("A1" … "Z99"), the short id printed
// on labels, and a container's name as pages and labels show it.

/** The row letters of a grid: A (row 1) … Z (row 26). */
export function rowLetter(row: number): string {
  return String.fromCharCode(64 + row)
}

/** The position of a cell, 1-based: (1, 1) is A1. */
export function positionOf(row: number, col: number): string {
  return `${rowLetter(row)}${col}`
}

/** The first 8 hex digits of a uuid, as small labels print them. */
export function shortUuid(uuid: string): string {
  return uuid.slice(0, 8)
}

/** A whole uuid (as a scanner types it), with or without its braces and case. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** What a container is called on pages, grids and labels: its description, or its short uuid. */
export function containerName(container: { description?: string | null; uuid: string }): string {
  return container.description || shortUuid(container.uuid)
}
