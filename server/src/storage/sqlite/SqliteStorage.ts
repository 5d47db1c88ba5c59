/**
 * The embedded default storage: one SQLite file (better-sqlite3) in WAL mode.
 *
 * Durability: every commit is in the WAL before `append` resolves, so a crash of the
 * server process (`kill -9`) loses nothing that was committed. With `synchronous: 'normal'`
 * (the default) a power cut may lose the last commits; `'full'` fsyncs each commit and
 * survives that too, at the cost of one fsync per group commit.
 *
 * better-sqlite3 is synchronous: each call runs to completion on the event loop. Calls are
 * short (prepared statements, one transaction per group commit), which is what makes the
 * synchronous driver the fast choice here. What must never run on the event loop is a wait
 * for another process's lock: see `patient.ts`.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { INTERFACE_LANGUAGES, type InterfaceLanguage } from '@copydesk/shared/api'
import type { Role } from '@copydesk/shared/workflow'
import {
  ConflictError,
  type ApiTokenRecord,
  type DocumentStore,
  type NewUser,
  type NotificationStore,
  type PublishedStore,
  type SectionRecord,
  type SectionStore,
  type SessionRecord,
  type SessionStore,
  type Storage,
  type TokenScope,
  type StoryStore,
  type TokenStore,
  type UserChanges,
  type UserRecord,
  type UserStore,
} from '../Storage.js'
import { isPrimaryKeyViolation, isUniqueViolation } from './errors.js'
import { MIGRATIONS } from './migrations.js'
import { DEFAULT_PATIENCE, patient, patiently, type PatiencePolicy } from './patient.js'
import { SqliteDocuments } from './SqliteDocuments.js'
import { SqliteNotifications } from './SqliteNotifications.js'
import { SqlitePublished } from './SqlitePublished.js'
import { SqliteStories } from './SqliteStories.js'

export interface SqliteOptions {
  /** Database file, or ':memory:'. */
  file: string
  synchronous?: 'normal' | 'full'
  /** How long a call waits (asynchronously) for another process's write lock. */
  patience?: PatiencePolicy
}

interface UserRow {
  id: string
  email: string
  display_name: string
  role: Role
  password_hash: string
  bio: string
  color: string
  disabled: number
  language: string | null
  created_at: string
}

interface TokenRow {
  id: string
  token_hash: string
  user_id: string
  name: string
  scope: TokenScope
  created_at: string
}

function toToken(row: TokenRow): ApiTokenRecord {
  return { id: row.id, tokenHash: row.token_hash, userId: row.user_id, name: row.name, scope: row.scope, createdAt: row.created_at }
}

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    passwordHash: row.password_hash,
    bio: row.bio,
    color: row.color,
    disabled: row.disabled === 1,
    language: interfaceLanguage(row.language),
    createdAt: row.created_at,
  }
}

/** A code the interface no longer speaks reads as the newsroom's default. */
function interfaceLanguage(code: string | null): InterfaceLanguage | null {
  return INTERFACE_LANGUAGES.find((language) => language === code) ?? null
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite'
  /** The connection itself: for maintenance and SQLite's own tests (tests of the broker and the API inject faults with FaultyStorage). */
  readonly database: Database.Database
  readonly documents: DocumentStore
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly tokens: TokenStore
  readonly sections: SectionStore
  readonly stories: StoryStore
  readonly notifications: NotificationStore
  readonly published: PublishedStore

  private readonly patience: PatiencePolicy

  constructor(options: SqliteOptions) {
    this.patience = options.patience ?? DEFAULT_PATIENCE
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true })
    const db = new Database(options.file)
    this.database = db
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
    db.pragma('foreign_keys = ON')
    // Migrations run before the server listens: waiting in SQLite blocks no one yet.
    db.pragma('busy_timeout = 5000')
    try {
      migrate(db)
    } catch (error) {
      db.close()
      throw error
    }
    // From here on a busy database fails at once, and `patient` waits without blocking.
    db.pragma('busy_timeout = 0')
    const policy = this.patience
    this.documents = patient(new SqliteDocuments(db), policy)
    this.users = patient(new SqliteUsers(db), policy)
    this.sessions = patient(new SqliteSessions(db), policy)
    this.tokens = patient(new SqliteTokens(db), policy)
    this.sections = patient(new SqliteSections(db), policy)
    this.stories = patient(new SqliteStories(db), policy)
    this.notifications = patient(new SqliteNotifications(db), policy)
    this.published = patient(new SqlitePublished(db), policy)
  }

  async ping(): Promise<void> {
    await patiently(() => this.database.prepare('SELECT 1').get(), this.patience)
  }

  async close(): Promise<void> {
    if (this.database.open) {
      // Fold the WAL into the main file so a copied data directory is one self-contained file.
      try {
        this.database.pragma('wal_checkpoint(TRUNCATE)')
      } finally {
        this.database.close()
      }
    }
  }
}

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > MIGRATIONS.length) {
    throw new Error(`The database is at schema version ${current}, newer than this server (${MIGRATIONS.length})`)
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    const migration = MIGRATIONS[version]!
    db.transaction(() => {
      if (typeof migration === 'string') db.exec(migration)
      else {
        db.exec(migration.sql)
        migration.then(db)
      }
      db.pragma(`user_version = ${version + 1}`)
    })()
  }
}

class SqliteUsers implements UserStore {
  constructor(private readonly db: Database.Database) {}

  async create(user: NewUser): Promise<UserRecord> {
    const createdAt = new Date().toISOString()
    try {
      this.db
        .prepare(
          `INSERT INTO users (id, email, display_name, role, password_hash, bio, color, language, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(user.id, user.email, user.displayName, user.role, user.passwordHash, user.bio, user.color, user.language ?? null, createdAt)
    } catch (error) {
      if (isUniqueViolation(error) || isPrimaryKeyViolation(error)) throw new ConflictError(`An account with the email ${user.email} already exists`)
      throw error
    }
    return { ...user, language: user.language ?? null, disabled: false, createdAt }
  }

  async get(id: string): Promise<UserRecord | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined
    return row ? toUser(row) : null
  }

  async getByEmail(email: string): Promise<UserRecord | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined
    return row ? toUser(row) : null
  }

  async list(): Promise<UserRecord[]> {
    return (this.db.prepare('SELECT * FROM users ORDER BY display_name COLLATE NOCASE').all() as UserRow[]).map(toUser)
  }

  async update(id: string, changes: UserChanges): Promise<UserRecord | null> {
    const columns: Record<keyof UserChanges, string> = {
      displayName: 'display_name',
      role: 'role',
      passwordHash: 'password_hash',
      bio: 'bio',
      disabled: 'disabled',
      language: 'language',
    }
    const sets: string[] = []
    const values: (string | number | null)[] = []
    for (const key of Object.keys(changes) as (keyof UserChanges)[]) {
      const value = changes[key]
      if (value === undefined) continue
      sets.push(`${columns[key]} = ?`)
      values.push(typeof value === 'boolean' ? (value ? 1 : 0) : value)
    }
    if (sets.length > 0) this.db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = ?`).run(...values, id)
    return this.get(id)
  }

  async delete(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM users WHERE id = ?').run(id).changes > 0
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
  }
}

class SqliteSessions implements SessionStore {
  constructor(private readonly db: Database.Database) {}

  async create(session: SessionRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.tokenHash, session.userId, session.createdAt, session.expiresAt)
  }

  async get(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE token_hash = ?').get(tokenHash) as
      | { token_hash: string; user_id: string; created_at: string; expires_at: string }
      | undefined
    return row ? { tokenHash: row.token_hash, userId: row.user_id, createdAt: row.created_at, expiresAt: row.expires_at } : null
  }

  async touch(tokenHash: string, expiresAt: string): Promise<void> {
    this.db.prepare('UPDATE sessions SET expires_at = ? WHERE token_hash = ?').run(expiresAt, tokenHash)
  }

  async delete(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash)
  }

  async deleteForUser(userId: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId)
  }

  async deleteExpired(now: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes
  }
}

class SqliteTokens implements TokenStore {
  constructor(private readonly db: Database.Database) {}

  async create(token: ApiTokenRecord): Promise<void> {
    this.db
      .prepare('INSERT INTO api_tokens (id, token_hash, user_id, name, scope, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(token.id, token.tokenHash, token.userId, token.name, token.scope, token.createdAt)
  }

  async getByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?').get(tokenHash) as TokenRow | undefined
    return row ? toToken(row) : null
  }

  async list(): Promise<ApiTokenRecord[]> {
    return (this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at').all() as TokenRow[]).map(toToken)
  }

  async delete(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id).changes > 0
  }
}

class SqliteSections implements SectionStore {
  constructor(private readonly db: Database.Database) {}

  async list(): Promise<SectionRecord[]> {
    const rows = this.db.prepare('SELECT * FROM sections ORDER BY position, name').all() as {
      id: string
      name: string
      parent_id: string | null
      position: number
    }[]
    return rows.map((row) => ({ id: row.id, name: row.name, parentId: row.parent_id, position: row.position }))
  }

  async upsert(section: SectionRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO sections (id, name, parent_id, position) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, position = excluded.position`,
      )
      .run(section.id, section.name, section.parentId, section.position)
  }

  async delete(id: string): Promise<boolean> {
    const used = this.db.prepare('SELECT (SELECT count(*) FROM stories WHERE section_id = ?) + (SELECT count(*) FROM sections WHERE parent_id = ?) AS n').get(id, id) as { n: number }
    if (used.n > 0) throw new ConflictError('Stories or subsections still use this section')
    return this.db.prepare('DELETE FROM sections WHERE id = ?').run(id).changes > 0
  }
}
