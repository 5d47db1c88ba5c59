/**
 * Configuration, read once from the environment and validated: a bad value stops the
 * server at start with a message naming the variable, not at the first request.
 * Every variable is documented in the README.
 */
import { isAbsolute, resolve } from 'node:path'
import { LANGUAGE_PATTERN } from '@copydesk/shared/api'
import { MAX_DOCUMENT_BYTES } from '@copydesk/shared/limits'
import { z } from 'zod'
import { DatabaseUrlError, parseDatabaseUrl, SQLITE_MEMORY_URL, sqliteFileUrl } from './storage/databaseUrl.js'

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value))

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Where the database is: sqlite:///absolute/file.sqlite, sqlite:relative/file.sqlite, sqlite::memory: (default: copydesk.sqlite in DATA_DIR). */
  DATABASE_URL: z.string().trim().min(1).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'PUBLIC_URL must be an http(s) URL' }).optional(),
  /** Further origins allowed to open websockets and call the API with cookies (the Vite dev server). */
  ALLOWED_ORIGINS: z.string().default(''),
  COPYDESK_ADMIN_EMAIL: z.email({ message: 'COPYDESK_ADMIN_EMAIL must be an email address' }).optional(),
  COPYDESK_ADMIN_PASSWORD: z.string().min(10, 'COPYDESK_ADMIN_PASSWORD must have at least 10 characters').optional(),
  COPYDESK_DEMO: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** 'normal' survives a process crash; 'full' also survives power loss (one fsync per commit). */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  /** How long a write waits (without blocking the server) for another process's lock on the database. */
  SQLITE_LOCK_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
  /** Where the built client is; empty when the API runs alone (development with Vite). */
  CLIENT_DIST: z.string().optional(),
  /** The public site's name (reader pages, feeds, the ninjs copyright holder). */
  COPYDESK_SITE_NAME: z.string().trim().min(1).max(80).default('Copydesk'),
  /** The language of the public site's own pages (front and section pages, feeds) and of new stories. */
  COPYDESK_SITE_LANGUAGE: z.string().regex(LANGUAGE_PATTERN, 'COPYDESK_SITE_LANGUAGE must be a language tag such as fr or en-GB').default('fr'),
  /** The time zone reader pages show dates in. */
  COPYDESK_TIMEZONE: z
    .string()
    .default('Europe/Paris')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone })
        return true
      } catch {
        return false
      }
    }, 'COPYDESK_TIMEZONE must be an IANA time zone such as Europe/Paris or UTC'),
  /** How long an empty story stays in memory. */
  COPYDESK_UNLOAD_DELAY_MS: z.coerce.number().int().min(0).default(30_000),
  /** How long updates may wait to be committed together (group commit; see UpdateWriter). */
  COPYDESK_COMMIT_DELAY_MS: z.coerce.number().int().min(0).max(50).default(0),
  /** How long committed updates may wait to be sent to the others together (see Room). */
  COPYDESK_BROADCAST_DELAY_MS: z.coerce.number().int().min(0).max(100).default(16),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  /** The database, as `openStorage` takes it (relative paths resolved). */
  databaseUrl: string
  /** The SQLite file it names; null for a database in memory. */
  databaseFile: string | null
  publicUrl: string | null
  allowedOrigins: string[]
  admin: { email: string; password: string } | null
  demo: boolean
  logLevel: string
  sqliteSynchronous: 'normal' | 'full'
  sqliteLockWaitMs: number
  clientDist: string | null
  /** Cookies get `Secure` when the public URL is https. */
  secureCookies: boolean
  site: { name: string; language: string; timeZone: string }
  /** How often the publishing job looks for scheduled stories that are due. */
  schedulerIntervalMs: number
  sync: {
    unloadDelayMs: number
    compactAfterEntries: number
    compactAfterBytes: number
    changeIntervalMs: number
    maxDocumentBytes: number
    broadcastDelayMs: number
    commitDelayMs: number
  }
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const values = parsed.data
  if ((values.COPYDESK_ADMIN_EMAIL === undefined) !== (values.COPYDESK_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('Invalid configuration:\n  COPYDESK_ADMIN_EMAIL and COPYDESK_ADMIN_PASSWORD go together: set both or neither')
  }
  const dataDir = isAbsolute(values.DATA_DIR) ? values.DATA_DIR : resolve(cwd, values.DATA_DIR)
  const database = databaseOf(values.DATABASE_URL, dataDir, cwd)
  const publicUrl = values.PUBLIC_URL ? values.PUBLIC_URL.replace(/\/+$/, '') : null
  const allowedOrigins = values.ALLOWED_ORIGINS.split(',')
    .map((origin) => origin.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    ...database,
    publicUrl,
    allowedOrigins,
    admin:
      values.COPYDESK_ADMIN_EMAIL && values.COPYDESK_ADMIN_PASSWORD
        ? { email: values.COPYDESK_ADMIN_EMAIL.toLowerCase(), password: values.COPYDESK_ADMIN_PASSWORD }
        : null,
    demo: values.COPYDESK_DEMO,
    logLevel: values.LOG_LEVEL,
    sqliteSynchronous: values.SQLITE_SYNCHRONOUS,
    sqliteLockWaitMs: values.SQLITE_LOCK_WAIT_MS,
    clientDist: values.CLIENT_DIST ? resolve(cwd, values.CLIENT_DIST) : null,
    secureCookies: publicUrl?.startsWith('https:') ?? false,
    site: { name: values.COPYDESK_SITE_NAME, language: values.COPYDESK_SITE_LANGUAGE, timeZone: values.COPYDESK_TIMEZONE },
    schedulerIntervalMs: 1000,
    sync: {
      unloadDelayMs: values.COPYDESK_UNLOAD_DELAY_MS,
      compactAfterEntries: 500,
      compactAfterBytes: 1024 * 1024,
      changeIntervalMs: 1000,
      maxDocumentBytes: MAX_DOCUMENT_BYTES,
      broadcastDelayMs: values.COPYDESK_BROADCAST_DELAY_MS,
      commitDelayMs: values.COPYDESK_COMMIT_DELAY_MS,
    },
  }
}

/** The database the URL names (checked now, so a bad one stops the start), by default the SQLite file in DATA_DIR. */
function databaseOf(url: string | undefined, dataDir: string, cwd: string): { databaseUrl: string; databaseFile: string | null } {
  if (url === undefined) {
    const file = resolve(dataDir, 'copydesk.sqlite')
    return { databaseUrl: sqliteFileUrl(file), databaseFile: file }
  }
  try {
    const location = parseDatabaseUrl(url, cwd)
    return location.kind === 'sqlite' ? { databaseUrl: sqliteFileUrl(location.file), databaseFile: location.file } : { databaseUrl: SQLITE_MEMORY_URL, databaseFile: null }
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(`Invalid configuration:\n  DATABASE_URL: ${error.message}`)
    throw error
  }
}
