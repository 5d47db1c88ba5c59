/**
 * Stories in SQLite: the record, its assignees, its history (events) and the notifications
 * that a change produces, each change in one transaction.
 */
import type Database from 'better-sqlite3'
import type { StoryStatus } from '@copydesk/shared/workflow'
import {
  ConflictError,
  type BylineEntry,
  type LengthTargetRecord,
  type NewNotification,
  type NewStory,
  type NewStoryEvent,
  type NotificationRecord,
  type Priority,
  type StoryChanges,
  type StoryDerived,
  type StoryEventRecord,
  type PassagePart,
  type StoryHit,
  type StoryMatch,
  type StoryMatchField,
  type StoryQuery,
  type StoryRecord,
  type StoryStore,
  type ClientClaim,
  type StoryWrite,
  type TransitionWrite,
} from '../Storage.js'
import { MATCH_END, MATCH_START, bylineSearchText, documentSearchText, indexableText, tagsSearchText } from '../searchText.js'
import { isPrimaryKeyViolation, isUniqueViolation } from './errors.js'
import { toFtsQuery } from './ftsQuery.js'
import { indexStory, updateDocumentText, updateMetadataText } from './searchIndex.js'

export interface StoryRow {
  id: string
  headline: string
  status: StoryStatus
  section_id: string | null
  byline: string
  words: number
  signs: number
  created_by: string | null
  created_at: string
  updated_at: string
  slug: string
  tags: string
  deadline: string | null
  length_target: number | null
  length_unit: 'words' | 'signs' | null
  priority: Priority
  internal_note: string
  publish_at: string | null
  language: string
  public_path: string | null
  first_published_at: string | null
  assignees: string
}

interface EventRow {
  id: number
  story_id: string
  at: string
  actor_id: string | null
  kind: StoryEventRecord['kind']
  from_status: StoryStatus | null
  to_status: StoryStatus | null
  note: string | null
  detail: string | null
}

const ASSIGNEES = `(SELECT json_group_array(user_id) FROM (SELECT user_id FROM story_assignees WHERE story_id = s.id ORDER BY position)) AS assignees`

/** Stories with their assignees (ordered) as a JSON array, in one query. */
export const SELECT = `SELECT s.*, ${ASSIGNEES} FROM stories s`

/**
 * Search results: best match first. A word in the headline weighs most, then tags and
 * bylines, then the standfirst, then the body (bm25 weights, in the index's column order).
 */
const RELEVANCE = 'bm25(story_search, 10.0, 4.0, 1.0, 6.0, 6.0), s.updated_at DESC, s.id'

/** Passages: the index's columns other than the headline, in the order a card prefers them. */
const PASSAGE_COLUMNS: readonly { field: StoryMatchField; column: number }[] = [
  { field: 'standfirst', column: 1 },
  { field: 'body', column: 2 },
  { field: 'byline', column: 4 },
  { field: 'tags', column: 3 },
]

/** Words of context a passage shows around the match. */
const PASSAGE_TOKENS = 18

const SORTS: Record<NonNullable<StoryQuery['sort']>, string> = {
  relevance: 's.updated_at DESC, s.id',
  updated: 's.updated_at DESC, s.id',
  created: 's.created_at DESC, s.id',
  deadline: 's.deadline IS NULL, s.deadline, s.updated_at DESC',
  priority: `CASE s.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END, s.deadline IS NULL, s.deadline, s.updated_at DESC`,
}

export function toStory(row: StoryRow): StoryRecord {
  const lengthTarget: LengthTargetRecord | null = row.length_target !== null && row.length_unit ? { value: row.length_target, unit: row.length_unit } : null
  return {
    id: row.id,
    headline: row.headline,
    status: row.status,
    sectionId: row.section_id,
    byline: JSON.parse(row.byline) as BylineEntry[],
    words: row.words,
    signs: row.signs,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    slug: row.slug,
    tags: JSON.parse(row.tags) as string[],
    assignees: JSON.parse(row.assignees) as string[],
    deadline: row.deadline,
    lengthTarget,
    priority: row.priority,
    internalNote: row.internal_note,
    publishAt: row.publish_at,
    language: row.language,
    publicPath: row.public_path,
    firstPublishedAt: row.first_published_at,
  }
}

/** A passage from `snippet()` as parts, or null when it holds no match. */
function toMatch(field: StoryMatchField, snippet: string | null): StoryMatch | null {
  if (!snippet || !snippet.includes(MATCH_START)) return null
  // Lines are blocks (paragraphs), or one tag or author each.
  const flat = snippet
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(field === 'tags' || field === 'byline' ? ', ' : ' ')
  const passage: PassagePart[] = []
  for (const [index, piece] of flat.split(MATCH_START).entries()) {
    const [matched, rest] = index === 0 ? [null, piece] : [piece.split(MATCH_END)[0]!, piece.split(MATCH_END).slice(1).join('')]
    if (matched) passage.push({ text: matched, match: true })
    if (rest) passage.push({ text: rest, match: false })
  }
  return { field, passage }
}

/** The WHERE clauses of a story query other than its text. */
function filtersOf(query: StoryQuery): { where: string[]; params: (string | number)[] } {
  const where: string[] = []
  const params: (string | number)[] = []
  if (query.statuses && query.statuses.length > 0) {
    where.push(`s.status IN (${query.statuses.map(() => '?').join(', ')})`)
    params.push(...query.statuses)
  }
  if (query.sectionId) {
    // A section includes its subsections.
    where.push('(s.section_id = ? OR s.section_id IN (SELECT id FROM sections WHERE parent_id = ?))')
    params.push(query.sectionId, query.sectionId)
  }
  if (query.assigneeId) {
    where.push('EXISTS (SELECT 1 FROM story_assignees a WHERE a.story_id = s.id AND a.user_id = ?)')
    params.push(query.assigneeId)
  }
  return { where, params }
}

function toEvent(row: EventRow): StoryEventRecord {
  return {
    id: row.id,
    storyId: row.story_id,
    at: row.at,
    actorId: row.actor_id,
    kind: row.kind,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
    detail: row.detail,
  }
}

export class SqliteStories implements StoryStore {
  constructor(private readonly db: Database.Database) {}

  private readonly insertEvent = (storyId: string, event: NewStoryEvent): void => {
    this.db
      .prepare('INSERT INTO story_events (story_id, at, actor_id, kind, from_status, to_status, note, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(storyId, event.at, event.actorId, event.kind, event.fromStatus, event.toStatus, event.note, event.detail)
  }

  private readonly insertNotifications = (notifications: NewNotification[]): NotificationRecord[] => {
    const insert = this.db.prepare('INSERT INTO notifications (user_id, at, kind, story_id, actor_id, note) VALUES (?, ?, ?, ?, ?, ?)')
    return notifications.map((n) => ({ ...n, id: Number(insert.run(n.userId, n.at, n.kind, n.storyId, n.actorId, n.note).lastInsertRowid), readAt: null }))
  }

  private read(id: string): StoryRecord | null {
    const row = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StoryRow | undefined
    return row ? toStory(row) : null
  }

  async create(story: NewStory, initialState: Uint8Array, claims: readonly ClientClaim[] = []): Promise<StoryRecord> {
    try {
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT INTO stories (id, headline, status, section_id, byline, words, signs, created_by, created_at, updated_at,
               slug, tags, deadline, length_target, length_unit, priority, internal_note, language)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            story.id,
            story.headline,
            story.status,
            story.sectionId,
            JSON.stringify(story.byline),
            story.words,
            story.signs,
            story.createdBy,
            story.createdAt,
            story.createdAt,
            story.slug ?? '',
            JSON.stringify(story.tags ?? []),
            story.deadline ?? null,
            story.lengthTarget?.value ?? null,
            story.lengthTarget?.unit ?? null,
            story.priority ?? 'normal',
            story.internalNote ?? '',
            story.language ?? 'fr',
          )
        this.db.prepare('INSERT INTO story_snapshots (story_id, state, through_seq, updated_at) VALUES (?, ?, 0, ?)').run(story.id, initialState, story.createdAt)
        const claim = this.db.prepare('INSERT OR IGNORE INTO story_clients (story_id, client_id, user_id) VALUES (?, ?, ?)')
        for (const { clientId, userId } of claims) claim.run(story.id, clientId, userId)
        const assign = this.db.prepare('INSERT INTO story_assignees (story_id, user_id, position, assigned_at) VALUES (?, ?, ?, ?)')
        ;(story.assignees ?? []).forEach((userId, position) => assign.run(story.id, userId, position, story.createdAt))
        this.insertEvent(story.id, { at: story.createdAt, actorId: story.createdBy, kind: 'created', fromStatus: null, toStatus: story.status, note: null, detail: null })
        indexStory(this.db, story.id, { ...documentSearchText([initialState]), tags: tagsSearchText(story.tags ?? []), byline: bylineSearchText(story.byline) })
      })()
    } catch (error) {
      if (isPrimaryKeyViolation(error) || isUniqueViolation(error)) throw new ConflictError(`A story with the id ${story.id} already exists`)
      throw error
    }
    return this.read(story.id)!
  }

  async get(id: string): Promise<StoryRecord | null> {
    return this.read(id)
  }

  async list(query: StoryQuery): Promise<StoryRecord[]> {
    if (query.text) return (await this.search({ ...query, text: query.text })).map((hit) => hit.story)
    const { where, params } = filtersOf(query)
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${SORTS[query.sort ?? 'updated']} LIMIT ?`
    return (this.db.prepare(sql).all(...params, query.limit) as StoryRow[]).map(toStory)
  }

  async search(query: StoryQuery & { text: string }): Promise<StoryHit[]> {
    const match = toFtsQuery(query.text)
    if (match === null) return []
    const { where, params } = filtersOf(query)
    const passages = PASSAGE_COLUMNS.map(
      ({ column }) => `snippet(story_search, ${column}, '${MATCH_START}', '${MATCH_END}', '…', ${PASSAGE_TOKENS}) AS passage_${column}`,
    )
    const sql = `SELECT s.*, ${ASSIGNEES}, ${passages.join(', ')}
      FROM story_search JOIN story_text t ON t.id = story_search.rowid JOIN stories s ON s.id = t.story_id
      WHERE story_search MATCH ? ${where.map((clause) => `AND ${clause}`).join(' ')}
      ORDER BY ${!query.sort || query.sort === 'relevance' ? RELEVANCE : SORTS[query.sort]} LIMIT ?`
    const rows = this.db.prepare(sql).all(match, ...params, query.limit) as (StoryRow & Record<`passage_${number}`, string | null>)[]
    return rows.map((row) => ({
      story: toStory(row),
      match: PASSAGE_COLUMNS.reduce<StoryMatch | null>((found, { field, column }) => found ?? toMatch(field, row[`passage_${column}`] ?? null), null),
    }))
  }

  async exists(id: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM stories WHERE id = ?').get(id) !== undefined
  }

  async updateDerived(id: string, derived: StoryDerived, updatedAt: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('UPDATE stories SET headline = ?, words = ?, signs = ?, updated_at = ? WHERE id = ?').run(derived.headline, derived.words, derived.signs, updatedAt, id)
      updateDocumentText(this.db, id, {
        headline: indexableText(derived.headline),
        standfirst: indexableText(derived.standfirst),
        body: indexableText(derived.body),
      })
    })()
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM stories').get() as { n: number }).n
  }

  async update(id: string, changes: StoryChanges, event: NewStoryEvent | null, notifications: NewNotification[]): Promise<StoryWrite | null> {
    const columns: string[] = []
    const values: (string | number | null)[] = []
    const set = (column: string, value: string | number | null) => {
      columns.push(`${column} = ?`)
      values.push(value)
    }
    if (changes.sectionId !== undefined) set('section_id', changes.sectionId)
    if (changes.byline !== undefined) set('byline', JSON.stringify(changes.byline))
    if (changes.slug !== undefined) set('slug', changes.slug)
    if (changes.tags !== undefined) set('tags', JSON.stringify(changes.tags))
    if (changes.deadline !== undefined) set('deadline', changes.deadline)
    if (changes.lengthTarget !== undefined) {
      set('length_target', changes.lengthTarget?.value ?? null)
      set('length_unit', changes.lengthTarget?.unit ?? null)
    }
    if (changes.priority !== undefined) set('priority', changes.priority)
    if (changes.internalNote !== undefined) set('internal_note', changes.internalNote)
    if (changes.language !== undefined) set('language', changes.language)
    return this.db.transaction(() => {
      if (!this.read(id)) return null
      if (columns.length > 0) {
        set('updated_at', event?.at ?? new Date().toISOString())
        this.db.prepare(`UPDATE stories SET ${columns.join(', ')} WHERE id = ?`).run(...values, id)
        updateMetadataText(this.db, id, changes)
      }
      if (event) this.insertEvent(id, event)
      const created = this.insertNotifications(notifications)
      return { story: this.read(id)!, notifications: created }
    })()
  }

  async setAssignees(
    id: string,
    userIds: string[],
    actorId: string | null,
    at: string,
    notifications: (added: string[]) => NewNotification[],
  ): Promise<(StoryWrite & { added: string[]; removed: string[] }) | null> {
    return this.db.transaction(() => {
      const story = this.read(id)
      if (!story) return null
      const wanted = [...new Set(userIds)]
      const added = wanted.filter((userId) => !story.assignees.includes(userId))
      const removed = story.assignees.filter((userId) => !wanted.includes(userId))
      this.db.prepare('DELETE FROM story_assignees WHERE story_id = ?').run(id)
      const insert = this.db.prepare('INSERT INTO story_assignees (story_id, user_id, position, assigned_at) VALUES (?, ?, ?, ?)')
      wanted.forEach((userId, position) => insert.run(id, userId, position, at))
      for (const userId of added) this.insertEvent(id, { at, actorId, kind: 'assigned', fromStatus: null, toStatus: null, note: null, detail: userId })
      for (const userId of removed) this.insertEvent(id, { at, actorId, kind: 'unassigned', fromStatus: null, toStatus: null, note: null, detail: userId })
      if (added.length + removed.length > 0) this.db.prepare('UPDATE stories SET updated_at = ? WHERE id = ?').run(at, id)
      const created = this.insertNotifications(notifications(added))
      return { story: this.read(id)!, notifications: created, added, removed }
    })()
  }

  async transition(id: string, write: TransitionWrite): Promise<StoryWrite | null> {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare('UPDATE stories SET status = ?, publish_at = ?, updated_at = ? WHERE id = ? AND status = ?')
        .run(write.to, write.publishAt, write.event.at, id, write.from).changes
      if (changed === 0) return null
      if (write.publication) {
        const { version, publicPath, slug } = write.publication
        const next = (this.db.prepare('SELECT coalesce(max(version), 0) + 1 AS n FROM published_versions WHERE story_id = ?').get(id) as { n: number }).n
        this.db
          .prepare(
            `INSERT INTO published_versions (story_id, version, published_at, published_by, kind, note, content, page_html, etag)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(id, next, version.publishedAt, version.publishedBy, version.kind, version.note, version.content, version.pageHtml, version.etag)
        // The address and the first date are fixed by the first publication (stable URLs).
        this.db
          .prepare(
            `UPDATE stories SET public_path = coalesce(public_path, ?), first_published_at = coalesce(first_published_at, ?),
               slug = CASE WHEN slug = '' THEN ? ELSE slug END WHERE id = ?`,
          )
          .run(publicPath, version.publishedAt, slug, id)
      }
      this.insertEvent(id, write.event)
      const created = this.insertNotifications(write.notifications)
      return { story: this.read(id)!, notifications: created }
    })()
  }

  async events(id: string): Promise<StoryEventRecord[]> {
    return (this.db.prepare('SELECT * FROM story_events WHERE story_id = ? ORDER BY id').all(id) as EventRow[]).map(toEvent)
  }

  async lastNotes(ids: readonly string[]): Promise<Map<string, StoryEventRecord>> {
    return this.latestEvents(ids, "kind = 'transition' AND note IS NOT NULL")
  }

  async lastSpikes(ids: readonly string[]): Promise<Map<string, StoryEventRecord>> {
    return this.latestEvents(ids, "kind = 'transition' AND to_status = 'spiked'")
  }

  /** Each story's latest event matching `condition` (a constant SQL clause, never input), in one query. */
  private latestEvents(ids: readonly string[], condition: string): Map<string, StoryEventRecord> {
    if (ids.length === 0) return new Map()
    const rows = this.db
      .prepare(
        `SELECT * FROM story_events WHERE id IN (
           SELECT max(id) FROM story_events
           WHERE story_id IN (SELECT value FROM json_each(?)) AND ${condition}
           GROUP BY story_id)`,
      )
      .all(JSON.stringify(ids)) as EventRow[]
    return new Map(rows.map((row) => [row.story_id, toEvent(row)]))
  }

  async due(now: string): Promise<StoryRecord[]> {
    return (this.db.prepare(`${SELECT} WHERE s.status = 'scheduled' AND s.publish_at <= ? ORDER BY s.publish_at`).all(now) as StoryRow[]).map(toStory)
  }
}
