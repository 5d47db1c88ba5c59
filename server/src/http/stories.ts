/**
 * Stories (`/api/stories`): listing with filters, creating, reading, changing metadata,
 * moving through the workflow, and the history of each step.
 */
import { CreateStoryRequest, STORY_ID_PATTERN, StoryListQuery, TransitionRequest, UpdateStoryRequest, type StoryEvent } from '@copydesk/shared/api'
import { isDesk } from '@copydesk/shared/workflow'
import { Hono } from 'hono'
import { assertWritable, principalOf, type AppContext, type AppEnv, type Services } from './context.js'
import { ApiError, notFound } from './errors.js'
import { parseWith, readJson } from './validate.js'

function storyId(c: AppContext): string {
  const id = c.req.param('id') ?? ''
  if (!STORY_ID_PATTERN.test(id)) throw notFound('No such story')
  return id
}

export function storyRoutes({ stories, workflow, storage }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/stories', async (c) => {
    const principal = principalOf(c)
    const query = parseWith(StoryListQuery, c.req.query())
    const records = await stories.list({
      limit: query.limit,
      sort: query.sort,
      ...(query.q ? { text: query.q } : {}),
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.section ? { sectionId: query.section } : {}),
      ...(query.assignee ? { assigneeId: query.assignee === 'me' ? principal.user.id : query.assignee } : {}),
    })
    return c.json({ stories: await stories.toApi(records) })
  })

  routes.post('/stories', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const body = await readJson(c, CreateStoryRequest)
    if (body.assignees && !isDesk(principal.user.role)) throw new ApiError(403, 'forbidden', 'Only editors assign stories')
    const record = await stories.create({
      content: { headline: body.headline ?? '', standfirst: [], body: [] },
      sectionId: body.section ?? null,
      createdBy: principal.user,
      ...(body.assignees ? { assignees: body.assignees } : {}),
      ...(body.deadline ? { deadline: new Date(body.deadline).toISOString() } : {}),
    })
    const [story] = await stories.toApi([record])
    return c.json(story, 201)
  })

  routes.get('/stories/:id', async (c) => {
    principalOf(c)
    const record = await stories.get(storyId(c))
    if (!record) throw notFound('No such story')
    const [story] = await stories.toApi([record])
    return c.json(story)
  })

  routes.patch('/stories/:id', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const id = storyId(c)
    const body = await readJson(c, UpdateStoryRequest)
    const [story] = await stories.toApi([await stories.update(principal.user, id, body)])
    return c.json(story)
  })

  routes.post('/stories/:id/transitions', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const id = storyId(c)
    const body = await readJson(c, TransitionRequest)
    const [story] = await stories.toApi([await workflow.transition(principal.user, id, body)])
    return c.json(story)
  })

  routes.get('/stories/:id/history', async (c) => {
    principalOf(c)
    const id = storyId(c)
    if (!(await stories.get(id))) throw notFound('No such story')
    const [events, users] = await Promise.all([storage.stories.events(id), storage.users.list()])
    const people = new Map(users.map((user) => [user.id, { id: user.id, name: user.displayName, color: user.color }]))
    const history: StoryEvent[] = events.map((event) => ({
      id: event.id,
      storyId: event.storyId,
      at: event.at,
      actor: event.actorId ? (people.get(event.actorId) ?? null) : null,
      kind: event.kind,
      from: event.fromStatus,
      to: event.toStatus,
      note: event.note,
      // Assignment events name the person; their id is kept only when the account is gone.
      detail: event.kind === 'assigned' || event.kind === 'unassigned' ? (people.get(event.detail ?? '')?.name ?? event.detail) : event.detail,
    }))
    return c.json({ history })
  })

  return routes
}
