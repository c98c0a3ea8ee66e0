import { fileURLToPath } from 'node:url'

/** The workspace root: every default path is relative to it, wherever a command runs from. */
export const ROOT_DIR = fileURLToPath(new URL('../../../', import.meta.url))
export const CREATE_TABLES_SQL = fileURLToPath(new URL('postgres_scripts/create_tables.sql', `file://${ROOT_DIR}`))
export const MOCK_DATA_SQL = fileURLToPath(new URL('postgres_scripts/mock_data.sql', `file://${ROOT_DIR}`))
/** The versioned schema changes, `<version>.do.<name>.sql`, applied in version order by migrations.ts. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('postgres_scripts/migrations', `file://${ROOT_DIR}`))
