/** Sections (`/api/sections`): everyone reads them, admins manage them. */
import { CreateSectionRequest, UpdateSectionRequest } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { principalOf, requireRole, type AppEnv, type Services } from './context.js'
import { ApiError, notFound } from './errors.js'
import { readJson } from './validate.js'

export function sectionRoutes({ stories, storage }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/sections', async (c) => {
    principalOf(c)
    return c.json({ sections: await stories.sections() })
  })

  routes.post('/sections', requireRole('admin'), async (c) => {
    const body = await readJson(c, CreateSectionRequest)
    const existing = await storage.sections.list()
    if (existing.some((section) => section.id === body.id)) throw new ApiError(409, 'conflict', `The section "${body.id}" exists already`)
    if (body.parentId && !existing.some((section) => section.id === body.parentId)) {
      throw new ApiError(400, 'validation_failed', `There is no section "${body.parentId}"`, [{ path: 'parentId', message: 'No such section' }])
    }
    await storage.sections.upsert({ id: body.id, name: body.name, parentId: body.parentId, position: existing.length })
    const section = (await stories.sections()).find((entry) => entry.id === body.id)
    return c.json(section, 201)
  })

  routes.patch('/sections/:id', requireRole('admin'), async (c) => {
    const body = await readJson(c, UpdateSectionRequest)
    const existing = await storage.sections.list()
    const section = existing.find((entry) => entry.id === c.req.param('id'))
    if (!section) throw notFound('No such section')
    if (body.parentId) {
      // No cycles: the new parent may not be the section or one of its descendants.
      for (let cursor: string | null = body.parentId; cursor; cursor = existing.find((entry) => entry.id === cursor)?.parentId ?? null) {
        if (cursor === section.id) throw new ApiError(400, 'validation_failed', 'A section cannot be inside itself', [{ path: 'parentId', message: 'Cycle' }])
        if (!existing.some((entry) => entry.id === cursor)) throw new ApiError(400, 'validation_failed', `There is no section "${cursor}"`, [{ path: 'parentId', message: 'No such section' }])
      }
    }
    await storage.sections.upsert({ ...section, ...(body.name !== undefined ? { name: body.name } : {}), ...(body.parentId !== undefined ? { parentId: body.parentId } : {}) })
    return c.json((await stories.sections()).find((entry) => entry.id === section.id))
  })

  routes.delete('/sections/:id', requireRole('admin'), async (c) => {
    // A section still in use is storage's ConflictError: a 409 through `app.onError`.
    if (!(await storage.sections.delete(c.req.param('id')))) throw notFound('No such section')
    return c.body(null, 204)
  })

  return routes
}
