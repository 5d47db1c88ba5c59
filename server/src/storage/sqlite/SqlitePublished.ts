/** Published versions in SQLite: frozen, numbered per story, found by public address. */
import type Database from 'better-sqlite3'
import type { PublishedStore, PublishedVersionRecord, RevisionKind, StoryRecord } from '../Storage.js'
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
}
