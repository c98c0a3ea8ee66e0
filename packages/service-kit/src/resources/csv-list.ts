import type { Readable } from 'node:stream'
import type { ListRequest, Queryable } from '@labtrack/db'
import { type TObject, Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'

/**
 * A collection that can also answer as CSV: given the list request (its
 * filters and sort; limit, offset and after do not apply), the stream of the
 * whole CSV text, header row first. It reads its first rows before it resolves,
 * so a failure before the first byte is still an error response.
 */
export type CsvExport = (db: Queryable, list: ListRequest) => Promise<Readable>

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8'

/** A list query with `format`: `csv` for a link that cannot set Accept (an `<a download>`), `json` to insist on JSON. */
export function withFormat(schema: TObject): TObject {
  const format = Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], {
      description: '`csv`: every row the filters match as CSV, like `Accept: text/csv`; limit, offset and after do not apply',
    }),
  )
  return Type.Object({ ...schema.properties, format }, { additionalProperties: false })
}

/** Whether a list request asks for CSV: its format says so, or (without one) the first media type it accepts is text/csv. */
export function wantsCsv(format: unknown, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'csv'
  return (accept ?? '').split(',')[0]?.split(';')[0]?.trim().toLowerCase() === 'text/csv'
}

/** Sends the CSV of a collection as a download named after it. */
export function sendCsv(reply: FastifyReply, plural: string, csv: Readable) {
  return reply
    .type(CSV_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${plural}.csv"`)
    .header('vary', 'Accept')
    .send(csv)
}
