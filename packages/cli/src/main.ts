#!/usr/bin/env -S node --import tsx
import { openLocalDatabase, withSql } from '@labtrack/db-tools'
import { readPassword } from './password-input.js'
import { queryableOf } from './queryable.js'
import { runCli, USAGE, UsageError } from './run.js'

// pnpm labtrack …: users and tokens on DATABASE_URL or the embedded database (see usage.ts).
// Exit codes: 0 done, 1 failed (nothing changed), 2 a bad command line.
try {
  const output = await runCli(process.argv.slice(2), {
    readPassword: () => readPassword(process.stdin, process.stderr),
    withDatabase: async (fn) => {
      const database = await openLocalDatabase()
      try {
        return await withSql(database.url, (sql) => fn(queryableOf(sql), database.url))
      } finally {
        await database.stop()
      }
    },
  })
  process.stdout.write(`${output}\n`)
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`labtrack: ${error.message}\n${USAGE}\n`)
    process.exitCode = 2
  } else {
    process.stderr.write(`labtrack: ${(error as Error).message}\n`)
    process.exitCode = 1
  }
}
