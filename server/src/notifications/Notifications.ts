/**
 * The activity feed: notifications as people see them (with the story's headline and who
 * did it), the unread count, marking as read. Written by the services that cause them
 * (assignment, workflow, mentions); delivered live by the socket server.
 */
import type { MarkNotificationsRead, Notification, NotificationList } from '@copydesk/shared/api'
import type { NotificationRecord, Storage } from '../storage/Storage.js'

const FEED_LENGTH = 50

export class Notifications {
  constructor(private readonly storage: Storage) {}

  async feed(userId: string): Promise<NotificationList> {
    const [records, unread] = await Promise.all([this.storage.notifications.list(userId, FEED_LENGTH), this.storage.notifications.unreadCount(userId)])
    return { notifications: await this.toApi(records), unread }
  }

  async markRead(userId: string, request: MarkNotificationsRead): Promise<number> {
    await this.storage.notifications.markRead(userId, 'all' in request ? 'all' : request.ids, new Date().toISOString())
    return this.storage.notifications.unreadCount(userId)
  }

  unreadCount(userId: string): Promise<number> {
    return this.storage.notifications.unreadCount(userId)
  }

  async toApi(records: NotificationRecord[]): Promise<Notification[]> {
    if (records.length === 0) return []
    const users = new Map((await this.storage.users.list()).map((user) => [user.id, { id: user.id, name: user.displayName, color: user.color }]))
    const headlines = new Map<string, string>()
    for (const record of records) {
      if (!headlines.has(record.storyId)) headlines.set(record.storyId, (await this.storage.stories.get(record.storyId))?.headline ?? '')
    }
    return records.map((record) => ({
      id: record.id,
      at: record.at,
      kind: record.kind,
      story: { id: record.storyId, headline: headlines.get(record.storyId) ?? '' },
      actor: record.actorId ? (users.get(record.actorId) ?? null) : null,
      note: record.note,
      read: record.readAt !== null,
    }))
  }
}
