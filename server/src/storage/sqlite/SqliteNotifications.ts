/** Notifications in SQLite: a feed per user, newest first, with an unread count. */
import type Database from 'better-sqlite3'
import type { NewNotification, NotificationKind, NotificationRecord, NotificationStore } from '../Storage.js'

interface NotificationRow {
  id: number
  user_id: string
  at: string
  kind: NotificationKind
  story_id: string
  actor_id: string | null
  note: string | null
  read_at: string | null
}

function toNotification(row: NotificationRow): NotificationRecord {
  return { id: row.id, userId: row.user_id, at: row.at, kind: row.kind, storyId: row.story_id, actorId: row.actor_id, note: row.note, readAt: row.read_at }
}

export class SqliteNotifications implements NotificationStore {
  constructor(private readonly db: Database.Database) {}

  async list(userId: string, limit: number): Promise<NotificationRecord[]> {
    return (this.db.prepare('SELECT * FROM notifications WHERE user_id = ? ORDER BY id DESC LIMIT ?').all(userId, limit) as NotificationRow[]).map(toNotification)
  }

  async get(id: number): Promise<NotificationRecord | null> {
    const row = this.db.prepare('SELECT * FROM notifications WHERE id = ?').get(id) as NotificationRow | undefined
    return row ? toNotification(row) : null
  }

  async unreadCount(userId: string): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL').get(userId) as { n: number }).n
  }

  async markRead(userId: string, ids: number[] | 'all', at: string): Promise<number> {
    if (ids === 'all') return this.db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(at, userId).changes
    if (ids.length === 0) return 0
    return this.db
      .prepare(`UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (${ids.map(() => '?').join(', ')})`)
      .run(at, userId, ...ids).changes
  }

  async create(notifications: NewNotification[]): Promise<NotificationRecord[]> {
    const insert = this.db.prepare('INSERT INTO notifications (user_id, at, kind, story_id, actor_id, note) VALUES (?, ?, ?, ?, ?, ?)')
    const ids = this.db.transaction(() => notifications.map((n) => Number(insert.run(n.userId, n.at, n.kind, n.storyId, n.actorId, n.note).lastInsertRowid)))()
    return ids.map((id, index) => ({ ...notifications[index]!, id, readAt: null }))
  }
}
