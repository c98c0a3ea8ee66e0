import { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type ImportOutcome, type ImportRefusal, type ImportRow, importContainers, Nullable, Uuid } from '@labtrack/db'
import { ProblemError, problem, problems, withActor } from '@labtrack/service-kit'
import { type Static, Type } from '@sinclair/typebox'
import { JsonRows } from '../import/json-rows.js'
import { MAX_IMPORT_ROWS, readImportCsv } from '../import/read-csv.js'

/** A file larger than this is refused before it is read (413). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

const ImportQuery = Type.Object(
  {
    dry_run: Type.Optional(
      Type.Boolean({ default: false, description: 'true: answer what the file would do, and change nothing' }),
    ),
  },
  { additionalProperties: false },
)

const Change = Type.Object({ from: Type.Unknown(), to: Type.Unknown() })
const ImportedRow = Type.Object({
  row: Type.Integer({ minimum: 1, description: 'the data row, from 1 (the header is not counted)' }),
  action: Type.Union([Type.Literal('created'), Type.Literal('moved'), Type.Literal('updated'), Type.Literal('unchanged')]),
  id: Nullable(Type.Integer({ description: 'null for a container a dry run would create' })),
  uuid: Nullable({ ...Uuid, description: 'null for a container a dry run would create without a uuid given' }),
  changes: Type.Record(Type.String(), Change, { description: '{ field: { from, to } }, as the history records it' }),
})
const ImportResult = Type.Object(
  {
    dry_run: Type.Boolean(),
    applied: Type.Integer({ description: 'rows that changed a container and were stored (0 on a dry run)' }),
    rows: Type.Array(ImportedRow),
  },
  { additionalProperties: false },
)

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The rollback of a transaction that must store nothing (a dry run, or a refused file), carrying what it found. */
class NothingStored extends Error {
  constructor(readonly refusals: ImportRefusal[]) {
    super('nothing stored')
  }
}

const pointerOf = ({ row, field }: ImportRefusal) => `/rows/${row}${field ? `/${field}` : ''}`

/** POST /api/containers/import: containers from a CSV file, all in one transaction or none. */
export const containerImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Only this plugin's routes read CSV bodies; the limit is this route's own, larger than JSON's.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body: Buffer, done) => {
    try {
      done(null, utf8.decode(body))
    } catch {
      done(new ProblemError(problem('bad-request', 'the request body is not valid UTF-8')), undefined)
    }
  })

  app.post(
    '/api/containers/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['containers'],
        operationId: 'importContainers',
        summary: `Create, change and move containers from a CSV file (at most ${MAX_IMPORT_BYTES / 1024 / 1024} MiB and ${MAX_IMPORT_ROWS} rows): all rows or none`,
        querystring: ImportQuery,
        body: {
          content: {
            'text/csv': {
              schema: Type.String({
                description:
                  'a header row naming some of uuid, description, freezer_id, parent_uuid, position, location (id, site, freezer are ignored), then one container a row',
              }),
            },
          },
        },
        response: {
          200: { ...ImportResult, description: 'what every row did (or, on a dry run, would do)' },
          ...problems(400, 413, 415, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dry_run as boolean
      if (typeof request.body !== 'string') {
        throw new ProblemError(problem('unsupported-media-type', 'an import is a CSV file: Content-Type: text/csv'))
      }
      const read = readImportCsv(request.body)
      // Each row's outcome is written as JSON when it is known, by this response's own schema,
      // instead of 10,000 objects kept for one serialisation at the end.
      const serializeRow = reply.compileSerializationSchema(ImportedRow)
      const rows = new JsonRows()
      let applied = 0
      const outcomes = {
        add: (outcome: ImportOutcome) => {
          if (outcome.action !== 'unchanged') applied++
          // A dry run's new containers were never stored: their ids (and generated uuids) mean nothing.
          const shown =
            dryRun && outcome.action === 'created'
              ? { ...outcome, id: null, uuid: (read.rows[outcome.row - 1] as ImportRow).uuid }
              : { ...outcome }
          rows.add(serializeRow(shown))
        },
        clear: () => {
          rows.clear()
          applied = 0
        },
      }
      let refusals: ImportRefusal[]
      try {
        refusals = await withActor(app.pg, request, async (client) => {
          const found = await importContainers(client, read.rows, read.refusals, outcomes)
          if (dryRun || found.refusals.length > 0) throw new NothingStored(found.refusals)
          return found.refusals
        })
      } catch (error) {
        if (!(error instanceof NothingStored)) throw error
        refusals = error.refusals
      }
      if (refusals.length > 0) {
        const refusedRows = new Set(refusals.map(({ row }) => row)).size
        throw new ProblemError(
          problem('unprocessable', `${refusedRows} of ${read.rows.length} rows cannot be imported; nothing was stored`, {
            errors: refusals.map((refusal) => ({ in: 'body', pointer: pointerOf(refusal), detail: refusal.detail })),
          }),
        )
      }
      // ImportResult with its rows already written, sent piece by piece: one string of 10,000 rows,
      // and its copy in the socket's buffer, were 5 MB more at the end of each import.
      // (The type provider types send() by the schema, hence the cast.)
      function* result() {
        yield `{"dry_run":${dryRun},"applied":${dryRun ? 0 : applied},"rows":`
        yield* rows.pieces()
        yield '}'
      }
      return reply.type('application/json; charset=utf-8').send(Readable.from(result()) as unknown as Static<typeof ImportResult>)
    },
  )
}
