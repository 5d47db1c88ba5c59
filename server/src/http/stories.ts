/** Stories (`/api/stories`) and sections (`/api/sections`). */
import { CreateStoryRequest, STORY_ID_PATTERN, StoryListQuery } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { StoryError } from '../stories/Stories.js'
import { assertWritable, principalOf, type AppEnv, type Services } from './context.js'
import { ApiError, notFound } from './errors.js'
import { parseWith, readJson } from './validate.js'

export function storyRoutes({ stories }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/stories', async (c) => {
    principalOf(c)
    const query = parseWith(StoryListQuery, c.req.query())
    const records = await stories.list({ limit: query.limit, ...(query.q ? { text: query.q } : {}) })
    return c.json({ stories: await stories.toApi(records) })
  })

  routes.post('/stories', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const body = await readJson(c, CreateStoryRequest)
    try {
      const record = await stories.create({
        content: { headline: body.headline ?? '', standfirst: [], body: [] },
        sectionId: body.section ?? null,
        createdBy: principal.user,
      })
      const [story] = await stories.toApi([record])
      return c.json(story, 201)
    } catch (error) {
      if (error instanceof StoryError) {
        throw new ApiError(400, 'validation_failed', error.message, [{ path: 'section', message: error.message }])
      }
      throw error
    }
  })

  routes.get('/stories/:id', async (c) => {
    principalOf(c)
    const id = c.req.param('id')
    const record = STORY_ID_PATTERN.test(id) ? await stories.get(id) : null
    if (!record) throw notFound('No such story')
    const [story] = await stories.toApi([record])
    return c.json(story)
  })

  routes.get('/sections', async (c) => {
    principalOf(c)
    return c.json({ sections: await stories.sections() })
  })

  return routes
}
