/** Sections (`/api/sections`): everyone reads them, admins manage them (rules in `stories/Sections.ts`). */
import { CreateSectionRequest, UpdateSectionRequest } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { principalOf, requireRole, type AppEnv, type Services } from './context.js'
import { readJson } from './validate.js'

export function sectionRoutes({ sections }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/sections', async (c) => {
    principalOf(c)
    return c.json({ sections: await sections.list() })
  })

  routes.post('/sections', requireRole('admin'), async (c) => {
    return c.json(await sections.create(await readJson(c, CreateSectionRequest)), 201)
  })

  routes.patch('/sections/:id', requireRole('admin'), async (c) => {
    return c.json(await sections.update(c.req.param('id'), await readJson(c, UpdateSectionRequest)))
  })

  routes.delete('/sections/:id', requireRole('admin'), async (c) => {
    // A section still in use is storage's ConflictError: a 409 through `app.onError`.
    await sections.delete(c.req.param('id'))
    return c.body(null, 204)
  })

  return routes
}
