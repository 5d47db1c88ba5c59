/**
 * What the server keeps, behind one interface so that SQLite (the embedded default) and
 * other backends pass the same contract suite (`server/test/storageContract.ts`). Every method is
 * async, whatever the backend, so callers never depend on a synchronous driver.
 *
 * Not for policy: who may do what is decided above this layer.
 */
import type { InterfaceLanguage } from '@copydesk/shared/api'
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
  /** The interface language the person chose; null: the newsroom's default. */
  language: InterfaceLanguage | null
  createdAt: string
}

export type NewUser = Omit<UserRecord, 'disabled' | 'createdAt' | 'language'> & { language?: InterfaceLanguage | null }

/** `language: null` goes back to the newsroom's default; an absent key changes nothing. */
export type UserChanges = Partial<Pick<UserRecord, 'displayName' | 'role' | 'passwordHash' | 'bio' | 'disabled' | 'language'>>

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

export type Priority = 'low' | 'normal' | 'high' | 'urgent'

export interface LengthTargetRecord {
  value: number
  unit: 'words' | 'signs'
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
  slug: string
  tags: string[]
  /** User ids of the assigned reporters (and editors), in the order they were assigned. */
  assignees: string[]
  deadline: string | null
  lengthTarget: LengthTargetRecord | null
  priority: Priority
  internalNote: string
  publishAt: string | null
  /** The language of the text ('fr': French typography on the published page). */
  language: string
  /** Where readers find it, fixed at the first publication (a stable URL); null before. */
  publicPath: string | null
  firstPublishedAt: string | null
}

export type NewStory = Omit<
  StoryRecord,
  'updatedAt' | 'slug' | 'tags' | 'assignees' | 'deadline' | 'lengthTarget' | 'priority' | 'internalNote' | 'publishAt' | 'language' | 'publicPath' | 'firstPublishedAt'
> &
  Partial<Pick<StoryRecord, 'slug' | 'tags' | 'assignees' | 'deadline' | 'lengthTarget' | 'priority' | 'internalNote' | 'language'>>

export type RevisionKind = 'first' | 'update' | 'correction'

/** A publication, frozen: the content as readers got it and the page rendered from it. */
export interface PublishedVersionRecord {
  storyId: string
  version: number
  publishedAt: string
  publishedBy: string | null
  kind: RevisionKind
  note: string | null
  /** JSON of `PublishedContent` (see publish/content.ts). */
  content: string
  pageHtml: string
  etag: string
}

export type NewPublishedVersion = Omit<PublishedVersionRecord, 'version'>

/** How a published story's working copy compares with its live version (see publish/WorkingCopies.ts). */
export interface WorkingCopyRecord {
  /** Fingerprint of the working copy's content. */
  contentHash: string
  /** The version it was compared with, and that version's fingerprint. */
  comparedVersion: number
  liveHash: string
  wordsAdded: number
  wordsRemoved: number
  at: string
}

/** A published story whose working copy differs from its latest version. */
export interface UnpublishedChangesRecord {
  sinceVersion: number
  wordsAdded: number
  wordsRemoved: number
}

export interface PublishedStore {
  latest(storyId: string): Promise<PublishedVersionRecord | null>
  get(storyId: string, version: number): Promise<PublishedVersionRecord | null>
  list(storyId: string): Promise<PublishedVersionRecord[]>
  /** The story at a public address, with its latest version (whatever its status now). */
  byPath(path: string): Promise<{ story: StoryRecord; version: PublishedVersionRecord | null } | null>
  /** The newest publications of stories that are published now, optionally within sections. */
  recent(limit: number, sectionIds?: string[]): Promise<{ story: StoryRecord; version: PublishedVersionRecord }[]>
  /** Records the latest comparison of a story's working copy with its live version. */
  saveWorkingCopy(storyId: string, record: WorkingCopyRecord): Promise<void>
  /**
   * Of these stories, those published now whose working copy differs from the latest
   * version (by the last comparison, made against that very version).
   */
  unpublishedChanges(storyIds: readonly string[]): Promise<Map<string, UnpublishedChangesRecord>>
}

/** Metadata a PATCH may change (assignees go through `setAssignees`). */
export type StoryChanges = Partial<Pick<StoryRecord, 'sectionId' | 'byline' | 'slug' | 'tags' | 'deadline' | 'lengthTarget' | 'priority' | 'internalNote' | 'language'>>

export type StoryEventKind = 'created' | 'transition' | 'assigned' | 'unassigned' | 'metadata'

export interface StoryEventRecord {
  id: number
  storyId: string
  at: string
  actorId: string | null
  kind: StoryEventKind
  fromStatus: StoryStatus | null
  toStatus: StoryStatus | null
  note: string | null
  detail: string | null
}

export type NewStoryEvent = Omit<StoryEventRecord, 'id' | 'storyId'>

export type NotificationKind = 'assigned' | 'sent_back' | 'approved' | 'published' | 'mentioned' | 'schedule_failed'

export interface NotificationRecord {
  id: number
  userId: string
  at: string
  kind: NotificationKind
  storyId: string
  actorId: string | null
  note: string | null
  readAt: string | null
}

export type NewNotification = Omit<NotificationRecord, 'id' | 'readAt'>

/** Fields derived from the story document (kept for lists and search). */
export interface StoryDerived {
  headline: string
  words: number
  signs: number
  /** The plain text of the standfirst and the body, one line a block: what search reads. */
  standfirst: string
  body: string
}

export interface StoryQuery {
  /**
   * Full-text search: every word must appear (as a word or the start of one) in the
   * headline, standfirst, body, tags or bylines, whatever the case and the accents.
   */
  text?: string
  statuses?: StoryStatus[]
  sectionId?: string
  assigneeId?: string
  /** 'relevance' (best match first) applies to text searches; without text it is 'updated'. */
  sort?: 'updated' | 'deadline' | 'priority' | 'created' | 'relevance'
  limit: number
}

export type StoryMatchField = 'headline' | 'standfirst' | 'body' | 'tags' | 'byline'

/** A stretch of a matching passage: `match` marks the words that matched. */
export interface PassagePart {
  text: string
  match: boolean
}

/** Where a story matched a search, with the passage around the match. */
export interface StoryMatch {
  field: StoryMatchField
  passage: PassagePart[]
}

export interface StoryHit {
  story: StoryRecord
  /** The best passage outside the headline; null when only the headline matched. */
  match: StoryMatch | null
}

/** A story after a change, with the notifications the change created. */
export interface StoryWrite {
  story: StoryRecord
  notifications: NotificationRecord[]
}

/** What a status change writes, all or nothing. */
export interface TransitionWrite {
  from: StoryStatus
  to: StoryStatus
  publishAt: string | null
  event: NewStoryEvent
  notifications: NewNotification[]
  /** Publishing: the version to freeze (numbered in the transaction) and the public address. */
  publication?: { version: NewPublishedVersion; publicPath: string; slug: string }
}

/**
 * A story document as stored: the last snapshot and the log appended since. Each story
 * numbers its log entries in its own sequence, 1, 2, 3…, with no gaps: the snapshot holds
 * every entry up to `throughSeq`, and the log the entries after it.
 */
export interface StoredDocument {
  snapshot: Uint8Array | null
  /** The last sequence number folded into the snapshot (0: none). */
  throughSeq: number
  updates: Uint8Array[]
  /** The sequence number of each update, in the same order. */
  seqs: number[]
  /** Sequence number of the last log entry (or of the last one folded into the snapshot). */
  lastSeq: number
  /** Bytes of snapshot + log: what a load reads. */
  bytes: number
}

/** A log entry with its number in its story's sequence. */
export interface LoggedUpdate {
  seq: number
  update: Uint8Array
}

export interface UpdateToAppend {
  storyId: string
  update: Uint8Array
  /**
   * Yjs client ids this update writes with that the broker has not seen claimed in this
   * story yet, and the account whose connection sent it (SPEC.md [S26]): stored in the same
   * transaction as the update. A client id already claimed keeps its first account.
   */
  claims?: readonly ClientClaim[]
}

/** A Yjs client id and the account it writes for, as the server saw it (never as a client says). */
export interface ClientClaim {
  clientId: number
  userId: string
}

export interface DocumentStore {
  load(storyId: string): Promise<StoredDocument>
  /**
   * The story's log entries numbered after `seq`, in order. The first one is `seq + 1`
   * unless those were folded into the snapshot meanwhile: a reader that finds a gap has
   * missed entries and loads the document again.
   */
  readAfter(storyId: string, seq: number): Promise<LoggedUpdate[]>
  /**
   * Appends updates (any stories) in one transaction and returns each one's sequence
   * number in its story, in order: each story's next numbers, whoever else appends to it.
   * All or nothing: when it throws, nothing was written.
   */
  append(updates: readonly UpdateToAppend[]): Promise<number[]>
  /**
   * Replaces the snapshot with `state` and deletes the log entries up to `throughSeq`, in
   * one transaction; entries after it stay, whoever wrote them. `state` must contain every
   * update up to `throughSeq`. A snapshot that would go back (the stored one already
   * covers more) is not written: resolves false and changes nothing.
   */
  compact(storyId: string, state: Uint8Array, throughSeq: number): Promise<boolean>
  /** Log entries after the snapshot (for deciding when to compact). */
  logSize(storyId: string): Promise<{ entries: number; bytes: number }>
  /**
   * Who wrote with each Yjs client id of the story: client id → account id, as the broker
   * recorded it when it stored the first update carrying that id (SPEC.md [S26]). Never
   * folded away by compaction: the snapshot still holds those ids.
   */
  clients(storyId: string): Promise<Map<number, string>>
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
  /** Deletes an unused section; throws ConflictError when stories or subsections use it. */
  delete(id: string): Promise<boolean>
}

export interface StoryStore {
  /** Creates the story, its first document state, its assignees and its `created` event together. */
  create(story: NewStory, initialState: Uint8Array): Promise<StoryRecord>
  get(id: string): Promise<StoryRecord | null>
  list(query: StoryQuery): Promise<StoryRecord[]>
  /**
   * The stories `list` returns for the same query, with where each matched. Never more
   * than `list` would: the text only narrows the other filters.
   */
  search(query: StoryQuery & { text: string }): Promise<StoryHit[]>
  exists(id: string): Promise<boolean>
  updateDerived(id: string, derived: StoryDerived, updatedAt: string): Promise<void>
  count(): Promise<number>
  /** Changes metadata and records the event (and notifications) in one transaction; null when the story is gone. */
  update(id: string, changes: StoryChanges, event: NewStoryEvent | null, notifications: NewNotification[]): Promise<StoryWrite | null>
  /**
   * Replaces the assignees; records an event per person added or removed and the given
   * notifications, in one transaction. Returns who was added and removed.
   */
  setAssignees(id: string, userIds: string[], actorId: string | null, at: string, notifications: (added: string[]) => NewNotification[]): Promise<(StoryWrite & { added: string[]; removed: string[] }) | null>
  /**
   * Moves the story from `write.from` to `write.to` only if its status is still `from`
   * (compare and set), with its event and notifications, in one transaction. Returns null
   * when the status had changed meanwhile.
   */
  transition(id: string, write: TransitionWrite): Promise<StoryWrite | null>
  events(id: string): Promise<StoryEventRecord[]>
  /** The latest event of a kind that carried a note (for showing a send-back's reasons). */
  /** The latest workflow step that carried a note, for each of these stories that has one. */
  lastNotes(ids: readonly string[]): Promise<Map<string, StoryEventRecord>>
  /** The step that spiked each of these stories last, for each that was ever spiked (who may restore it). */
  lastSpikes(ids: readonly string[]): Promise<Map<string, StoryEventRecord>>
  /** Scheduled stories whose time has come (the publishing issue's job). */
  due(now: string): Promise<StoryRecord[]>
}

export interface NotificationStore {
  list(userId: string, limit: number): Promise<NotificationRecord[]>
  get(id: number): Promise<NotificationRecord | null>
  unreadCount(userId: string): Promise<number>
  markRead(userId: string, ids: number[] | 'all', at: string): Promise<number>
  create(notifications: NewNotification[]): Promise<NotificationRecord[]>
}

export interface Storage {
  readonly kind: string
  readonly documents: DocumentStore
  readonly users: UserStore
  readonly sessions: SessionStore
  readonly tokens: TokenStore
  readonly sections: SectionStore
  readonly stories: StoryStore
  readonly notifications: NotificationStore
  readonly published: PublishedStore
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

/**
 * Storage cannot take the request right now (disk full, I/O error, the database locked by
 * another process for longer than we wait): a transient condition, not the caller's fault
 * and not a bug. The API answers 503 with `Retry-After`; the broker keeps edits and retries.
 */
export class StorageUnavailableError extends Error {
  constructor(
    /** What storage said, for operators (`/healthz`, logs); never holds story text. */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Storage is unavailable: ${reason}`, options)
    this.name = 'StorageUnavailableError'
  }
}
