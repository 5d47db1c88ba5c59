/**
 * The full-text index of stories in SQLite: `story_text` (one row per story: headline,
 * standfirst, body, tags, bylines as plain text) and the FTS5 table `story_search` that
 * triggers keep in step with it (migration 4). Writers call these inside their own
 * transaction, so the index changes with the story or not at all.
 *
 * Not for querying (SqliteStories.search) nor for turning typed text into a query
 * (ftsQuery.ts).
 */
import type Database from 'better-sqlite3'
import type { BylineEntry } from '../Storage.js'
import { bylineSearchText, documentSearchText, indexableText, tagsSearchText, type DocumentText } from '../searchText.js'

export interface StoryText extends DocumentText {
  tags: string
  byline: string
}

/** Writes a story's whole row (a new story, or one indexed for the first time). */
export function indexStory(db: Database.Database, storyId: string, text: StoryText): void {
  db.prepare(
    `INSERT INTO story_text (story_id, headline, standfirst, body, tags, byline) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (story_id) DO UPDATE SET headline = excluded.headline, standfirst = excluded.standfirst,
       body = excluded.body, tags = excluded.tags, byline = excluded.byline`,
  ).run(storyId, text.headline, text.standfirst, text.body, text.tags, text.byline)
}

/**
 * The document's text after an edit. Rewrites the index row only when the text differs
 * from what is indexed: a change of length alone, or a caret moving, costs no index write.
 * Returns whether it wrote.
 */
export function updateDocumentText(db: Database.Database, storyId: string, text: DocumentText): boolean {
  return (
    db
      .prepare(
        `UPDATE story_text SET headline = ?, standfirst = ?, body = ?
         WHERE story_id = ? AND (headline <> ? OR standfirst <> ? OR body <> ?)`,
      )
      .run(text.headline, text.standfirst, text.body, storyId, text.headline, text.standfirst, text.body).changes > 0
  )
}

/** Tags or bylines after a metadata change (each only when given). */
export function updateMetadataText(db: Database.Database, storyId: string, changes: { tags?: readonly string[]; byline?: readonly BylineEntry[] }): void {
  if (changes.tags !== undefined) db.prepare('UPDATE story_text SET tags = ? WHERE story_id = ?').run(tagsSearchText(changes.tags), storyId)
  if (changes.byline !== undefined) db.prepare('UPDATE story_text SET byline = ? WHERE story_id = ?').run(bylineSearchText(changes.byline), storyId)
}

interface BackfillRow {
  id: string
  headline: string
  tags: string
  byline: string
}

/**
 * Indexes every story that has no row yet, reading its text from its stored document
 * (snapshot, then log, as a load does). A document that cannot be read is indexed by its
 * headline and metadata: an upgrade must not stop on one damaged story.
 */
export function backfillSearchIndex(db: Database.Database): void {
  const stories = db.prepare('SELECT id, headline, tags, byline FROM stories WHERE id NOT IN (SELECT story_id FROM story_text)').all() as BackfillRow[]
  const snapshot = db.prepare('SELECT state FROM story_snapshots WHERE story_id = ?').pluck()
  const log = db.prepare('SELECT data FROM story_updates WHERE story_id = ? ORDER BY seq').pluck()
  for (const story of stories) {
    let text: Omit<DocumentText, 'headline'> = { standfirst: '', body: '' }
    try {
      text = documentSearchText([(snapshot.get(story.id) as Uint8Array | undefined) ?? null, ...(log.all(story.id) as Uint8Array[])])
    } catch {
      // Left empty: the next edit of the story indexes its text.
    }
    indexStory(db, story.id, {
      standfirst: text.standfirst,
      body: text.body,
      // The headline as the lists show it (derived from the document as it was last written).
      headline: indexableText(story.headline),
      tags: tagsSearchText(JSON.parse(story.tags) as string[]),
      byline: bylineSearchText(JSON.parse(story.byline) as BylineEntry[]),
    })
  }
}
