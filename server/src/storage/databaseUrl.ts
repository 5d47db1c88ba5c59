/**
 * Where the database is, as one `DATABASE_URL`-style string: `sqlite:///absolute/file.sqlite`,
 * `sqlite:relative/file.sqlite` (from the working directory) or `sqlite::memory:`. Parsing
 * only; `openStorage` opens what it names. Other schemes are refused with a reason, so a
 * typo or a backend this version lacks stops the server at start, not at the first write.
 */
import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export type DatabaseLocation = { kind: 'sqlite'; file: string } | { kind: 'sqlite-memory' }

export const SQLITE_MEMORY_URL = 'sqlite::memory:'

/** A database URL that cannot be used; the message says why and what would do. */
export class DatabaseUrlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DatabaseUrlError'
  }
}

const SQLITE_FORMS = 'use sqlite:///absolute/path.sqlite, sqlite:relative/path.sqlite or sqlite::memory:'

export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseLocation {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase()
  if (scheme === 'postgres' || scheme === 'postgresql') {
    throw new DatabaseUrlError('PostgreSQL is not supported yet (the scale-out work adds it); use a sqlite: URL')
  }
  if (scheme !== 'sqlite') throw new DatabaseUrlError(`unknown database scheme${scheme ? ` "${scheme}"` : ''}: ${SQLITE_FORMS}`)
  const rest = url.slice('sqlite:'.length)
  if (rest === ':memory:') return { kind: 'sqlite-memory' }
  // Options belong in their own variables (SQLITE_SYNCHRONOUS…); a '?' or '#' in a name is written %3F, %23.
  if (rest === '' || /[?#]/.test(rest)) throw new DatabaseUrlError(`a sqlite URL names a file and nothing else: ${SQLITE_FORMS}`)
  if (rest.startsWith('//')) {
    if (!rest.startsWith('///')) throw new DatabaseUrlError(`a sqlite URL has no host: ${SQLITE_FORMS}`)
    return { kind: 'sqlite', file: fileURLToPath(`file:${rest}`) }
  }
  let path: string
  try {
    path = decodeURIComponent(rest)
  } catch {
    throw new DatabaseUrlError(`the file name is not valid URL encoding: ${SQLITE_FORMS}`)
  }
  return { kind: 'sqlite', file: isAbsolute(path) ? path : resolve(cwd, path) }
}

/** The URL of a SQLite file (absolute), as `parseDatabaseUrl` reads it back. */
export function sqliteFileUrl(file: string): string {
  return pathToFileURL(file).href.replace(/^file:/, 'sqlite:')
}
