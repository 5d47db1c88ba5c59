/** Published versions in SQLite: frozen, numbered per story, found by public address. */
import type Database from 'better-sqlite3'
import type { PublishedStore, PublishedVersionRecord, RevisionKind, StoryRecord, UnpublishedChangesRecord, WorkingCopyRecord } from '../Storage.js'
import { SELECT, toStory, type StoryRow } from './SqliteStories.js'

interface VersionRow {
  story_id: string
  version: number
  published_at: string
  published_by: string | null
  kind: RevisionKind
  note: string | null
  content: string
  page_html: string
  etag: string
}

function toVersion(row: VersionRow): PublishedVersionRecord {
  return {
    storyId: row.story_id,
    version: row.version,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    kind: row.kind,
    note: row.note,
    content: row.content,
    pageHtml: row.page_html,
    etag: row.etag,
  }
}

export class SqlitePublished implements PublishedStore {
  constructor(private readonly db: Database.Database) {}

  async latest(storyId: string): Promise<PublishedVersionRecord | null> {
    const row = this.db.prepare('SELECT * FROM published_versions WHERE story_id = ? ORDER BY version DESC LIMIT 1').get(storyId) as VersionRow | undefined
    return row ? toVersion(row) : null
  }

  async get(storyId: string, version: number): Promise<PublishedVersionRecord | null> {
    const row = this.db.prepare('SELECT * FROM published_versions WHERE story_id = ? AND version = ?').get(storyId, version) as VersionRow | undefined
    return row ? toVersion(row) : null
  }

  async list(storyId: string): Promise<PublishedVersionRecord[]> {
    return (this.db.prepare('SELECT * FROM published_versions WHERE story_id = ? ORDER BY version').all(storyId) as VersionRow[]).map(toVersion)
  }

  async byPath(path: string): Promise<{ story: StoryRecord; version: PublishedVersionRecord | null } | null> {
    const row = this.db.prepare(`${SELECT} WHERE s.public_path = ?`).get(path) as StoryRow | undefined
    if (!row) return null
    return { story: toStory(row), version: await this.latest(row.id) }
  }

  async recent(limit: number, sectionIds?: string[]): Promise<{ story: StoryRecord; version: PublishedVersionRecord }[]> {
    const filter = sectionIds && sectionIds.length > 0 ? `AND s.section_id IN (${sectionIds.map(() => '?').join(', ')})` : ''
    const rows = this.db
      .prepare(
        `${SELECT} WHERE s.status = 'published' ${filter}
         ORDER BY (SELECT max(published_at) FROM published_versions p WHERE p.story_id = s.id) DESC LIMIT ?`,
      )
      .all(...(sectionIds ?? []), limit) as StoryRow[]
    const result: { story: StoryRecord; version: PublishedVersionRecord }[] = []
    for (const row of rows) {
      const version = await this.latest(row.id)
      if (version) result.push({ story: toStory(row), version })
    }
    return result
  }

  async saveWorkingCopy(storyId: string, record: WorkingCopyRecord): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO working_copies (story_id, content_hash, compared_version, live_hash, words_added, words_removed, updated_at)
         SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM stories WHERE id = ?)
         ON CONFLICT (story_id) DO UPDATE SET content_hash = excluded.content_hash, compared_version = excluded.compared_version,
           live_hash = excluded.live_hash, words_added = excluded.words_added, words_removed = excluded.words_removed, updated_at = excluded.updated_at`,
      )
      .run(storyId, record.contentHash, record.comparedVersion, record.liveHash, record.wordsAdded, record.wordsRemoved, record.at, storyId)
  }

  async unpublishedChanges(storyIds: readonly string[]): Promise<Map<string, UnpublishedChangesRecord>> {
    if (storyIds.length === 0) return new Map()
    const rows = this.db
      .prepare(
        `SELECT w.story_id, w.compared_version, w.words_added, w.words_removed
         FROM working_copies w JOIN stories s ON s.id = w.story_id
         WHERE w.story_id IN (SELECT value FROM json_each(?)) AND s.status = 'published' AND w.content_hash <> w.live_hash
           AND w.compared_version = (SELECT max(version) FROM published_versions p WHERE p.story_id = w.story_id)`,
      )
      .all(JSON.stringify(storyIds)) as { story_id: string; compared_version: number; words_added: number; words_removed: number }[]
    return new Map(rows.map((row) => [row.story_id, { sinceVersion: row.compared_version, wordsAdded: row.words_added, wordsRemoved: row.words_removed }]))
  }
}
