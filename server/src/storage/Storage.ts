/**
 * What the server keeps, behind one interface so that SQLite (the embedded default) and
 * other backends pass the same contract suite (`storageContract.ts`). Every method is
 * async, whatever the backend, so callers never depend on a synchronous driver.
 *
 * Not for policy: who may do what is decided above this layer.
 */
import type { Role, StoryStatus } from '@copydesk/shared/workflow'

export interface UserRecord {
  id: string
  email: string
  displayName: string
  role: Role
  passwordHash: string
  bio: string
  color: string
  disabled: boolean
  createdAt: string
}

export type NewUser = Omit<UserRecord, 'disabled' | 'createdAt'>

export type UserChanges = Partial<Pick<UserRecord, 'displayName' | 'role' | 'passwordHash' | 'bio' | 'disabled'>>

export interface SessionRecord {
  tokenHash: string
  userId: string
  createdAt: string
  expiresAt: string
}

export type TokenScope = 'read' | 'write'

export interface ApiTokenRecord {
  id: string
  tokenHash: string
  userId: string
  name: string
  /** 'read' tokens open stories read-only, whatever their user may do. */
  scope: TokenScope
  createdAt: string
}

export interface SectionRecord {
  id: string
  name: string
  parentId: string | null
  position: number
}

export interface BylineEntry {
  userId: string | null
  name: string
  bio: string
}

export interface StoryRecord {
  id: string
  headline: string
  status: StoryStatus
  sectionId: string | null
  byline: BylineEntry[]
  words: number
  signs: number
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

export type NewStory = Omit<StoryRecord, 'updatedAt'>

/** Fields derived from the story document (kept for lists and search). */
export interface StoryDerived {
  headline: string
  words: number
  signs: number
}

export interface StoryQuery {
  /** Matches the headline, case-insensitively. */
  text?: string
  limit: number
}

/** A story document as stored: the last snapshot and the log appended since. */
export interface StoredDocument {
  snapshot: Uint8Array | null
  updates: Uint8Array[]
  /** Sequence number of the last log entry (or of the last one folded into the snapshot). */
  lastSeq: number
  /** Bytes of snapshot + log: what a load reads. */
  bytes: number
}

export interface UpdateToAppend {
  storyId: string
  update: Uint8Array
}

export interface DocumentStore {
  load(storyId: string): Promise<StoredDocument>
  /**
   * Appends updates (any stories) in one transaction and returns each one's sequence
   * number, in order. All or nothing: when it throws, nothing was written.
   */
  append(updates: readonly UpdateToAppend[]): Promise<number[]>
  /**
   * Replaces the snapshot with `state` and deletes the log entries up to `throughSeq`, in
   * one transaction. `state` must contain every update up to `throughSeq`.
   */
  compact(storyId: string, state: Uint8Array, throughSeq: number): Promise<void>
  /** Log entries after the snapshot (for deciding when to compact). */
  logSize(storyId: string): Promise<{ entries: number; bytes: number }>
}

export interface UserStore {
  create(user: NewUser): Promise<UserRecord>
  get(id: string): Promise<UserRecord | null>
  getByEmail(email: string): Promise<UserRecord | null>
  list(): Promise<UserRecord[]>
  update(id: string, changes: UserChanges): Promise<UserRecord | null>
  delete(id: string): Promise<boolean>
  count(): Promise<number>
}

export interface SessionStore {
  create(session: SessionRecord): Promise<void>
  get(tokenHash: string): Promise<SessionRecord | null>
  /** Moves the expiry forward (sliding sessions). */
  touch(tokenHash: string, expiresAt: string): Promise<void>
  delete(tokenHash: string): Promise<void>
  deleteForUser(userId: string): Promise<void>
  deleteExpired(now: string): Promise<number>
}

export interface TokenStore {
  create(token: ApiTokenRecord): Promise<void>
  getByHash(tokenHash: string): Promise<ApiTokenRecord | null>
  list(): Promise<ApiTokenRecord[]>
  delete(id: string): Promise<boolean>
}

export interface SectionStore {
  list(): Promise<SectionRecord[]>
  upsert(section: SectionRecord): Promise<void>
}

export interface StoryStore {
  /** Creates the story and its first document state together. */
  create(story: NewStory, initialState: Uint8Array): Promise<StoryRecord>
  get(id: string): Promise<StoryRecord | null>
  list(query: StoryQuery): Promise<StoryRecord[]>
  exists(id: string): Promise<boolean>
  updateDerived(id: string, derived: StoryDerived, updatedAt: string): Promise<void>
  count(): Promise<number>
}

export interface Storage {
  readonly kind: string
  readonly documents: DocumentStore
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly tokens: TokenStore
  readonly sections: SectionStore
  readonly stories: StoryStore
  /** Resolves when the database answers (health checks). */
  ping(): Promise<void>
  close(): Promise<void>
}

/** A unique constraint refused a write (duplicate email, id…). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}
