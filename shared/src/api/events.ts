/**
 * The newsroom's live events over socket.io: names and payloads, one definition for server
 * and client. What clients send is validated on arrival with these schemas.
 */
import { z } from 'zod'
import { MarkNotificationsRead, type Notification } from './notifications.js'
import type { Story } from './stories.js'

/** Who is in a story right now (from the collaboration server's sessions). */
export const StoryPresence = z.object({
  storyId: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
})
export type StoryPresence = z.infer<typeof StoryPresence>

export interface ServerToClientEvents {
  /** A story was created or changed (status, metadata, length, headline). */
  'story:changed': (story: Story) => void
  'story:presence': (presence: StoryPresence) => void
  'notification:new': (notification: Notification, unread: number) => void
  'notification:unread': (unread: number) => void
}

export type Ack<T> = (response: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }) => void

export interface ClientToServerEvents {
  /** Everyone's presence now (sent again after every reconnect). */
  'presence:all': (ack: Ack<StoryPresence[]>) => void
  'notifications:read': (payload: MarkNotificationsRead, ack: Ack<{ unread: number }>) => void
}

export const ClientEventSchemas = {
  'notifications:read': MarkNotificationsRead,
} as const
