// Reads of one row by id, gathered. Under load, the requests whose bytes
// arrived together are handled in one turn of the event loop; each GET of one
// row used to take a pooled connection and a round trip of its own. Gathered,
// the ids asked for in one turn go to the database as one statement when the
// turn ends (setImmediate runs after the turn's I/O callbacks), and each read
// gets its row from it. GET one site did 35 % more requests a second so, each
// request for another of 1,000 sites (docs/performance.md).
//
// Nothing is cached or reused: the statement starts after every read it
// answers was asked for, so it sees every write committed before them, as a
// statement of their own would. Two reads of one id share its row.

type ReadMany<T> = (ids: number[]) => Promise<Map<number, T>>

interface Waiting<T> {
  resolve: (found: T | undefined) => void
  reject: (error: unknown) => void
}

/** A read of one id that shares its statement with the reads asked for in the same turn (see above). */
export function batchedReads<T>(readMany: ReadMany<T>): (id: number) => Promise<T | undefined> {
  let gathering: Map<number, Waiting<T>[]> | undefined

  async function send(batch: Map<number, Waiting<T>[]>) {
    try {
      const found = await readMany([...batch.keys()])
      for (const [id, readers] of batch) for (const reader of readers) reader.resolve(found.get(id))
    } catch (error) {
      for (const readers of batch.values()) for (const reader of readers) reader.reject(error)
    }
  }

  return (id) =>
    new Promise<T | undefined>((resolve, reject) => {
      if (!gathering) {
        const batch = new Map<number, Waiting<T>[]>()
        gathering = batch
        setImmediate(() => {
          gathering = undefined
          void send(batch)
        })
      }
      const readers = gathering.get(id)
      if (readers) readers.push({ resolve, reject })
      else gathering.set(id, [{ resolve, reject }])
    })
}
