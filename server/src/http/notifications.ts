/** The caller's activity feed (`/api/notifications`): newest first, with the unread count. */
import { MarkNotificationsRead } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { principalOf, type AppEnv, type Services } from './context.js'
import { readJson } from './validate.js'

export function notificationRoutes({ notifications }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/notifications', async (c) => {
    const principal = principalOf(c)
    return c.json(await notifications.feed(principal.user.id))
  })

  routes.post('/notifications/read', async (c) => {
    const principal = principalOf(c)
    const body = await readJson(c, MarkNotificationsRead)
    return c.json({ unread: await notifications.markRead(principal.user.id, body) })
  })

  return routes
}
