/** Recognising SQLite's constraint errors (turned into ConflictError by the stores). */
import Database from 'better-sqlite3'

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT_UNIQUE')
}

export function isPrimaryKeyViolation(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
