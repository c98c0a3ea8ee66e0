// A container's history in words: when, who, and what happened ("Moved from
// -80C › Box 3 › A1 to -20C › Box 3 › A1", "Description: “a” → “b”").
// The events say only what changed; where a container was before and after
// each move is found by walking back from where it is now, newest first.

import { h, link, moment } from './dom.js'
import { containersById, freezersById } from './lookups.js'
import { paths } from './paths.js'
import type { ContainerEvent } from './place-calls.js'
import { containerName, shortUuid } from './places.js'
import { dataTable } from './table.js'

const PLACE_FIELDS = ['freezer_id', 'parent_id', 'position'] as const
type Where = Partial<Record<(typeof PLACE_FIELDS)[number], unknown>>

const FIELD_NAMES: Record<string, string> = {
  uuid: 'UUID',
  description: 'Description',
  location: 'Location',
  grid_rows: 'Grid rows',
  grid_cols: 'Grid columns',
  freezer_id: 'Freezer',
  parent_id: 'Inside',
  position: 'Position',
}

interface Names {
  freezer(id: number): string
  container(id: number): string
}

type Change = { from?: unknown; to?: unknown }

function changesOf(event: ContainerEvent): Record<string, Change> {
  return (event.changes ?? {}) as Record<string, Change>
}

function words(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none'
  return typeof value === 'string' ? `“${value}”` : String(value)
}

function placeWords(where: Where, names: Names): string {
  const parts: string[] = []
  if (typeof where.freezer_id === 'number') parts.push(names.freezer(where.freezer_id))
  if (typeof where.parent_id === 'number') parts.push(names.container(where.parent_id))
  if (typeof where.position === 'string' && where.position) parts.push(where.position)
  return parts.length > 0 ? parts.join(' › ') : 'nowhere'
}

/** Where the container was before and after each event, newest first, from where it is now. */
function placesAround(events: ContainerEvent[], now: Where): { before: Where; after: Where }[] {
  let state: Where = { ...now }
  return events.map((event) => {
    const after = event.action === 'deleted' ? {} : { ...state }
    const before: Where = event.action === 'created' ? {} : { ...after }
    for (const [field, change] of Object.entries(changesOf(event))) {
      if ((PLACE_FIELDS as readonly string[]).includes(field)) before[field as keyof Where] = change.from
    }
    state = before
    return { before, after }
  })
}

function otherChanges(event: ContainerEvent): string[] {
  return Object.entries(changesOf(event))
    .filter(([field]) => !(PLACE_FIELDS as readonly string[]).includes(field))
    .map(([field, change]) => {
      const name = FIELD_NAMES[field] ?? field
      if (event.action === 'created') return `${name} ${words(change.to)}`
      if (event.action === 'deleted') return `${name} was ${words(change.from)}`
      return `${name}: ${words(change.from)} → ${words(change.to)}`
    })
}

function what(event: ContainerEvent, around: { before: Where; after: Where }, names: Names): string {
  const rest = otherChanges(event)
  const tail = rest.length > 0 ? `. ${rest.join('; ')}` : ''
  if (event.action === 'created') return `Created in ${placeWords(around.after, names)}${tail}.`
  if (event.action === 'deleted') return `Deleted from ${placeWords(around.before, names)}${tail}.`
  if (event.action === 'moved') {
    return `Moved from ${placeWords(around.before, names)} to ${placeWords(around.after, names)}${tail}.`
  }
  return `${rest.join('; ') || 'Nothing changed'}.`
}

/** The ids the words of these events name (freezers, containers a container was in). */
function namedIds(events: ContainerEvent[], now: Where): { freezers: number[]; containers: number[] } {
  const freezers: number[] = []
  const containers: number[] = []
  const note = (field: string, value: unknown) => {
    if (typeof value !== 'number') return
    if (field === 'freezer_id') freezers.push(value)
    if (field === 'parent_id') containers.push(value)
  }
  for (const [field, value] of Object.entries(now)) note(field, value)
  for (const event of events)
    for (const [field, change] of Object.entries(changesOf(event))) {
      note(field, change.from)
      note(field, change.to)
    }
  return { freezers, containers }
}

/** The table of a container's events (newest first), `now` being where it is now. */
export async function historyTable(events: ContainerEvent[], now: Where, signal: AbortSignal): Promise<HTMLTableElement> {
  const ids = namedIds(events, now)
  const [freezers, containers] = await Promise.all([freezersById(ids.freezers, signal), containersById(ids.containers, signal)])
  const names: Names = {
    freezer: (id) => freezers.get(id)?.name ?? `freezer ${id}`,
    container: (id) => {
      const found = containers.get(id)
      return found ? containerName(found) : `container ${id}`
    },
  }
  const around = placesAround(events, now)
  return dataTable({
    id: 'history-table',
    caption: 'History, newest first',
    rows: events.map((event, index) => ({ event, around: around[index] ?? { before: {}, after: {} } })),
    rowId: ({ event }) => event.id,
    rowAttrs: ({ event }) => ({ 'data-action': event.action }),
    empty: 'No history recorded.',
    columns: [
      { header: 'When', cell: ({ event }) => moment(event.at) },
      { header: 'Who', cell: ({ event }) => h('span', { class: 'history__actor' }, event.actor) },
      { header: 'What', cell: ({ event, around }) => what(event, around, names) },
    ],
  })
}

/** What entered and left a freezer (newest first): which container, and from where or to where. */
export async function freezerHistoryTable(
  events: ContainerEvent[],
  freezerId: number,
  signal: AbortSignal,
): Promise<HTMLTableElement> {
  const freezerIds = events.flatMap((event) => {
    const change = changesOf(event).freezer_id
    return [change?.from, change?.to].filter((value): value is number => typeof value === 'number')
  })
  const freezers = await freezersById(freezerIds, signal)
  const freezerName = (id: unknown) => (typeof id === 'number' ? (freezers.get(id)?.name ?? `freezer ${id}`) : 'nowhere')
  const what = (event: ContainerEvent): string => {
    const change = changesOf(event).freezer_id
    if (event.action === 'created') return 'Created here.'
    if (event.action === 'deleted') return 'Deleted here.'
    if (change?.to === freezerId) return `Came in from ${freezerName(change.from)}.`
    if (change?.from === freezerId) return `Went out to ${freezerName(change.to)}.`
    return event.action === 'moved' ? 'Moved within this freezer.' : 'Changed.'
  }
  return dataTable({
    id: 'freezer-history-table',
    caption: 'What entered and left this freezer, newest first',
    rows: events,
    rowId: (event) => event.id,
    rowAttrs: (event) => ({ 'data-action': event.action, 'data-container-id': String(event.container_id) }),
    empty: 'Nothing has entered or left it since its history began.',
    columns: [
      { header: 'When', cell: (event) => moment(event.at) },
      { header: 'Who', cell: (event) => event.actor },
      {
        header: 'Container',
        cellClass: 'mono',
        cell: (event) =>
          event.action === 'deleted'
            ? shortUuid(event.container_uuid)
            : link(paths.container(event.container_id), shortUuid(event.container_uuid)),
      },
      { header: 'What', cell: what },
    ],
  })
}
