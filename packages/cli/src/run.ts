import { parseArgs } from 'node:util'
import { ACCOUNT_NAME_PATTERN, PATTERN_MESSAGES, type Queryable } from '@labtrack/db'
import { createToken, revokeToken } from './commands/tokens.js'
import { addUser, listUsers, parseRole, setPassword } from './commands/users.js'
import { setupDatabase } from './setup.js'
import { USAGE, UsageError } from './usage.js'

export interface CliContext {
  /** Runs `fn` on the database (DATABASE_URL or the embedded one). */
  withDatabase<T>(fn: (db: Queryable, url: string) => Promise<T>): Promise<T>
  readPassword(): Promise<string>
}

/** Runs one command line; answers what to print on stdout. Throws UsageError for a bad command line. */
export async function runCli(argv: string[], context: CliContext): Promise<string> {
  const { positionals, values } = parse(argv)
  const [group, action, subject, ...rest] = positionals
  if (rest.length > 0) throw new UsageError(`unexpected ${rest.join(' ')}`)
  const command = `${group ?? ''} ${action ?? ''}`.trim()
  const need = (value: string | undefined, what: string) => {
    if (!value) throw new UsageError(`${command}: ${what} is missing`)
    return value
  }
  // A new name is checked here, so the answer says what is wrong rather than what the database refused.
  const newName = (value: string | undefined, what: string) => {
    const name = need(value, what)
    if (!new RegExp(ACCOUNT_NAME_PATTERN).test(name)) throw new UsageError(`${what} ${PATTERN_MESSAGES[ACCOUNT_NAME_PATTERN]}`)
    return name
  }
  switch (command) {
    case 'user add': {
      const name = newName(subject, 'NAME')
      const role = parseRole(values.role)
      const password = await context.readPassword()
      return context.withDatabase((db) => addUser(db, name, role, password))
    }
    case 'user list':
      return context.withDatabase((db) => listUsers(db))
    case 'user password': {
      const name = need(subject, 'NAME')
      const password = await context.readPassword()
      return context.withDatabase((db) => setPassword(db, name, password))
    }
    case 'token create': {
      const request = {
        name: newName(values.name, '--name'),
        role: parseRole(values.role),
        user: values.user ?? 'admin',
        ...(values.expires ? { expires: values.expires } : {}),
      }
      return context.withDatabase((db) => createToken(db, request))
    }
    case 'token revoke': {
      const name = need(subject, 'NAME')
      return context.withDatabase((db) => revokeToken(db, name))
    }
    default:
      if (group === 'setup' && action === undefined) {
        return context.withDatabase(async (_db, url) =>
          (await setupDatabase(url, { exampleData: values['example-data'] === true })).join('\n'),
        )
      }
      throw new UsageError(group ? `unknown command: ${positionals.join(' ')}` : 'no command given')
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        user: { type: 'string' },
        expires: { type: 'string' },
        'example-data': { type: 'boolean' },
      },
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

export { USAGE, UsageError }
