/**
 * Who wrote what (`/api/stories/:id/authors`): the working copy's text by author, with each
 * author's name, colour and share. Everyone signed in may read every story, so everyone
 * signed in may see who wrote it.
 */
import { STORY_ID_PATTERN } from '@copydesk/shared/api'
import { Hono } from 'hono'
import { principalOf, type AppEnv, type Services } from './context.js'
import { notFound } from './errors.js'

export function authorRoutes({ stories, authors }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/stories/:id/authors', async (c) => {
    principalOf(c)
    const id = c.req.param('id')
    if (!STORY_ID_PATTERN.test(id) || !(await stories.get(id))) throw notFound('No such story')
    return c.json(await authors.workingCopy(id))
  })

  return routes
}
