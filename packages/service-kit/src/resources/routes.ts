import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  batchedReads,
  IdParams,
  type Queryable,
  type Refusal,
  type ResourceDefinition,
  resourceSchemas,
  resourceStore,
} from '@labtrack/db'
import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { nextLink } from '../paging.js'
import { notFound } from '../problem.js'
import { ListOf, NoContent, problems, refTo } from '../responses.js'
import { withActor } from '../with-actor.js'
import {
  ETAG_HEADER,
  etagOf,
  ReadConditions,
  readOutcome,
  versionChanged,
  WriteConditions,
  writeVersions,
} from './conditional.js'
import { type CsvExport, sendCsv, wantsCsv, withFormat } from './csv-list.js'
import { listQuery } from './list-query.js'

const PreferHeaders = Type.Object({
  prefer: Type.Optional(Type.String({ description: '`count=exact` adds X-Total-Count: every row the filters match' })),
})

const NotModified = Type.Null({ description: 'Not Modified: the row still has a version If-None-Match names; no body' })

const LIST_HEADERS = {
  link: { type: 'string', description: '`<…>; rel="next"` while more rows exist' },
  'x-total-count': { type: 'integer', description: 'every row the filters match, with `Prefer: count=exact`' },
  'preference-applied': { type: 'string', description: '`count=exact` when the count was made' },
}

/** Whether a Prefer header asks for the exact count (RFC 7240: comma-separated preferences, parameters after ;). */
export function wantsExactCount(prefer: string | undefined): boolean {
  return (prefer ?? '')
    .split(',')
    .some((preference) => preference.replace(/;.*$/s, '').replace(/\s+/g, '').toLowerCase() === 'count=exact')
}

export interface ResourceRouteOptions {
  /** The list answers as CSV too (Accept: text/csv or ?format=csv): every row its filters match, streamed. */
  csv?: CsvExport
}

/**
 * The CRUD routes of one resource under /api/<plural>, from its definition:
 * list (filters, sort, cursor, count), get, create, replace, change, delete.
 * Every answer of one row carries its ETag; If-None-Match and If-Match make
 * requests conditional on it (conditional.ts).
 * Its row, input and patch schemas are registered once (with an $id) in the
 * service that mounts it, so other routes of that service can `$ref` them.
 */
export function resourceRoutes(resource: ResourceDefinition, { csv }: ResourceRouteOptions = {}): FastifyPluginAsyncTypebox {
  const { title, titlePlural, name, plural, notes = {} } = resource
  const schemas = resourceSchemas(resource)
  const store = resourceStore(resource)
  const query = listQuery(resource)
  const columns = Object.values(resource.columns).map((column) => column.options)
  const conflict = columns.some((options) => options.unique) ? [409] : []
  const unknownParent = columns.some((options) => options.parent) ? [422] : []
  const children = (resource.children ?? []).map((child) => child.label)
  const blocked = children.length > 0 ? [409] : []
  const Row = refTo(title, schemas.row)
  const Input = refTo(`${title}Input`, schemas.input)
  const Patch = refTo(`${title}Patch`, schemas.patch)
  const tags = [plural]
  const collection = `/api/${plural}`
  const item = `/api/${plural}/:id`
  const note = (text: string | undefined) => (text ? ` (${text})` : '')

  const plugin: FastifyPluginAsyncTypebox = async (app) => {
    app.addSchema({ ...schemas.row, $id: title })
    app.addSchema({ ...schemas.input, $id: `${title}Input` })
    app.addSchema({ ...schemas.patch, $id: `${title}Patch` })
    // An audited resource's writes name their actor and request for the history the database writes.
    const writing = <T>(request: FastifyRequest, work: (db: Queryable) => Promise<T>): Promise<T> =>
      resource.history ? withActor(app.pg, request, work) : work(app.pg)
    const missing = (id: number) => Promise.reject(notFound(name, id))
    // GET one row: the GETs of one turn of the event loop share a statement (batched-reads.ts).
    const readRow = batchedReads((ids) => store.readMany(app.pg, ids))
    const refused = (refusal: Refusal, id: number) =>
      Promise.reject(refusal === 'missing' ? notFound(name, id) : versionChanged(name, id))

    app.get(
      collection,
      {
        schema: {
          tags,
          operationId: `list${titlePlural}`,
          summary: `List ${plural}: filter, sort and page${csv ? '; as CSV with Accept: text/csv or format=csv' : ''}`,
          querystring: csv ? withFormat(query.schema) : query.schema,
          headers: PreferHeaders,
          response: {
            200: { ...ListOf(Row), description: `One page of ${plural}`, headers: LIST_HEADERS },
            ...problems(400, 503),
          },
        },
      },
      async (request, reply) => {
        const { format, ...parameters } = request.query as Record<string, unknown>
        if (csv && wantsCsv(format, request.headers.accept)) {
          return sendCsv(reply, plural, await csv(app.pg, query.parse(parameters, false)))
        }
        const count = wantsExactCount(request.headers.prefer)
        const list = query.parse(parameters, count)
        const page = await store.list(app.pg, list)
        reply.header('vary', csv ? 'Accept, Prefer' : 'Prefer')
        if (count) reply.header('x-total-count', String(page.total)).header('preference-applied', 'count=exact')
        if (page.last) {
          // A client paging by offset gets offset links; every other client a keyset cursor.
          const byOffset = (request.query as { offset?: number }).offset !== undefined
          const next: Record<string, string> = byOffset
            ? { limit: String(list.limit), offset: String(list.offset + list.limit) }
            : { after: query.cursor(list.sort, page.last) }
          reply.header('link', nextLink(request.url, next))
        }
        return page.rows
      },
    )

    app.get(
      item,
      {
        schema: {
          tags,
          operationId: `get${title}`,
          summary: `Get a ${name}`,
          params: IdParams,
          headers: ReadConditions,
          response: {
            200: { ...Row, description: `The ${name}`, headers: ETAG_HEADER },
            304: { ...NotModified, headers: ETAG_HEADER },
            ...problems(400, 404, 412, 503),
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const found = await readRow(id)
        if (!found) return missing(id)
        const outcome = readOutcome(request.headers, found.version)
        if (outcome === 'changed') throw versionChanged(name, id)
        reply.header('etag', etagOf(found.version))
        // No payload at all: send(null) would serialise "null" and label it JSON.
        return outcome === 'not-modified' ? reply.code(304).send(undefined as never) : found.row
      },
    )

    app.post(
      collection,
      {
        schema: {
          tags,
          operationId: `create${title}`,
          summary: `Create a ${name}${note(notes.create)}`,
          body: Input,
          response: {
            201: {
              ...Row,
              description: `The ${name} as stored`,
              headers: { location: { type: 'string', description: `the new ${name}'s URL` }, ...ETAG_HEADER },
            },
            ...problems(400, ...conflict, 413, 415, ...unknownParent, 503),
          },
        },
      },
      async (request, reply) => {
        const { row, version } = await writing(request, (db) => store.create(db, request.body as never))
        return reply.code(201).header('location', `${collection}/${row.id}`).header('etag', etagOf(version)).send(row)
      },
    )

    // PUT and PATCH differ only in their body and in what the store does with it.
    const writes = [
      {
        method: 'PUT' as const,
        operationId: `replace${title}`,
        summary: `Replace a ${name} (optional fields left out become null${notes.replace ? `; ${notes.replace}` : ''})`,
        body: Input,
        write: store.replace,
      },
      {
        method: 'PATCH' as const,
        operationId: `update${title}`,
        summary: `Change the named fields of a ${name} (null clears an optional one)`,
        body: Patch,
        write: store.patch,
      },
    ]
    for (const { method, operationId, summary, body, write } of writes) {
      app.route({
        method,
        url: item,
        schema: {
          tags,
          operationId,
          summary,
          params: IdParams,
          headers: WriteConditions,
          body,
          response: {
            200: { ...Row, description: `The ${name} as stored`, headers: ETAG_HEADER },
            ...problems(400, 404, ...conflict, 412, 413, 415, ...unknownParent, 503),
          },
        },
        handler: async (request, reply) => {
          const { id } = request.params
          const written = await writing(request, (db) => write(db, id, request.body as never, writeVersions(request.headers)))
          if (typeof written === 'string') return refused(written, id)
          return reply.header('etag', etagOf(written.version)).send(written.row)
        },
      })
    }

    app.delete(
      item,
      {
        schema: {
          tags,
          operationId: `delete${title}`,
          summary: blocked.length > 0 ? `Delete a ${name} that has no ${children.join(' or ')}` : `Delete a ${name}`,
          params: IdParams,
          headers: WriteConditions,
          response: { 204: NoContent, ...problems(400, 404, ...blocked, 412, 503) },
        },
      },
      async (request, reply) => {
        const { id } = request.params
        const removed = await writing(request, (db) => store.remove(db, id, writeVersions(request.headers)))
        if (removed !== 'deleted') return refused(removed, id)
        return reply.code(204).send(null)
      },
    )
  }
  return fp(plugin, { name: `labtrack-resource-${plural}` })
}
