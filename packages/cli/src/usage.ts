/** A mistake in what the command was given: said in one line, exit code 2, nothing changed. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export const USAGE = `usage: pnpm labtrack <command>
  user add NAME --role viewer|editor|admin   the password from stdin, or asked for on a terminal
  user list
  user password NAME                         a new password (stdin or asked for); ends their sessions
  token create --name NAME --role ROLE [--user NAME] [--expires DATE]
                                             prints the token alone (the user defaults to admin)
  token revoke NAME
  setup [--example-data]                     the migrations, the services' database role
                                             (LABTRACK_APP_USER) and the first admin
                                             (LABTRACK_ADMIN_PASSWORD, else a generated one)
The database: DATABASE_URL, else the embedded one in .data/postgres (also while pnpm start runs).`
