/** The activity feed: what happened to a person's stories, stored so nothing is missed while offline. */
import { z } from 'zod'
import { Person } from './stories.js'

export const NOTIFICATION_KINDS = ['assigned', 'sent_back', 'approved', 'published', 'mentioned', 'schedule_failed'] as const
export const NotificationKind = z.enum(NOTIFICATION_KINDS)
export type NotificationKind = z.infer<typeof NotificationKind>

export const Notification = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: NotificationKind,
  story: z.object({ id: z.string(), headline: z.string() }),
  actor: Person.nullable(),
  note: z.string().nullable(),
  read: z.boolean(),
})
export type Notification = z.infer<typeof Notification>

export const NotificationList = z.object({ notifications: z.array(Notification), unread: z.number().int() })
export type NotificationList = z.infer<typeof NotificationList>

export const MarkNotificationsRead = z.union([z.object({ ids: z.array(z.number().int()).min(1).max(500) }).strict(), z.object({ all: z.literal(true) }).strict()])
export type MarkNotificationsRead = z.infer<typeof MarkNotificationsRead>
