import { pipeline, Readable } from 'node:stream'
import { CONTAINER_CSV_COLUMNS, type ContainerCsvRow, exportContainers } from '@labtrack/db'
import type { CsvExport } from '@labtrack/service-kit'
import { stringify } from 'csv-stringify'

/**
 * GET /api/containers as CSV: a header row, then every container the filters
 * match, streamed a batch at a time (backpressure holds the next statement
 * until the client has read the last batch).
 */
export const containerCsv: CsvExport = async (db, list) => {
  const batches = exportContainers(db, list)
  // The first batch before the answer starts: a database that fails now gets its error response.
  const first = (await batches.next()).value as ContainerCsvRow[]
  async function* rows() {
    yield* first
    for await (const batch of batches) yield* batch
  }
  const csv = stringify({ header: true, columns: [...CONTAINER_CSV_COLUMNS] })
  // A failure later (or the client going away) destroys the stream with its error: Fastify aborts the answer and logs it.
  pipeline(Readable.from(rows()), csv, () => {})
  return csv
}
