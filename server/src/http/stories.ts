/**
 * Stories (`/api/stories`): listing with filters, creating, reading, changing metadata,
 * moving through the workflow, and the history of each step.
 */
import {
  CreateStoryRequest,
  ExportQuery,
  ImportStoryRequest,
  PREVIEW_FINGERPRINT_HEADER,
  PreviewQuery,
  STORY_ID_PATTERN,
  StoryListQuery,
  TransitionRequest,
  UpdateStoryRequest,
  type ImportStoryResponse,
  type PublishedVersion,
  type StorySearchResponse,
  type StoryEvent,
} from '@copydesk/shared/api'
import { storyToMarkdown } from '@copydesk/shared/doc'
import type { PublishedContent } from '../publish/content.js'
import { isDesk, mayPublish } from '@copydesk/shared/workflow'
import { Hono } from 'hono'
import { assertWritable, principalOf, type AppContext, type AppEnv, type Services } from './context.js'
import { ApiError, notFound } from './errors.js'
import { READER_CSP } from './public.js'
import { parseWith, readJson } from './validate.js'

function storyId(c: AppContext): string {
  const id = c.req.param('id') ?? ''
  if (!STORY_ID_PATTERN.test(id)) throw notFound('No such story')
  return id
}

export function storyRoutes({ stories, presenter, workflow, storage, publisher }: Services): Hono<AppEnv> {
  const routes = new Hono<AppEnv>()

  routes.get('/stories', async (c) => {
    const principal = principalOf(c)
    const query = parseWith(StoryListQuery, c.req.query())
    const filters = {
      limit: query.limit,
      ...(query.sort ? { sort: query.sort } : {}),
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.section ? { sectionId: query.section } : {}),
      ...(query.assignee ? { assigneeId: query.assignee === 'me' ? principal.user.id : query.assignee } : {}),
    }
    if (query.q) {
      // The same filters, narrowed by the text: a search never shows more than the list.
      const hits = await stories.search({ ...filters, text: query.q })
      const response: StorySearchResponse = {
        stories: await presenter.present(hits.map((hit) => hit.story)),
        matches: Object.fromEntries(hits.map((hit) => [hit.story.id, hit.match])),
      }
      return c.json(response)
    }
    return c.json({ stories: await presenter.present(await stories.list(filters)) })
  })

  routes.post('/stories', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const body = await readJson(c, CreateStoryRequest)
    if (body.assignees && !isDesk(principal.user.role)) throw new ApiError(403, 'forbidden', 'Only editors assign stories')
    const { story } = await stories.create({
      content: { headline: body.headline ?? '', standfirst: [], body: [] },
      sectionId: body.section ?? null,
      createdBy: principal.user,
      ...(body.assignees ? { assignees: body.assignees } : {}),
      ...(body.deadline ? { deadline: new Date(body.deadline).toISOString() } : {}),
    })
    return c.json(story, 201)
  })

  routes.get('/stories/:id', async (c) => {
    principalOf(c)
    const record = await stories.get(storyId(c))
    if (!record) throw notFound('No such story')
    const [story] = await presenter.present([record])
    return c.json(story)
  })

  routes.patch('/stories/:id', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const id = storyId(c)
    const body = await readJson(c, UpdateStoryRequest)
    const { story } = await stories.update(principal.user, id, body)
    return c.json(story)
  })

  routes.post('/stories/:id/transitions', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const id = storyId(c)
    const body = await readJson(c, TransitionRequest)
    const { story } = await workflow.transition(principal.user, id, body)
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

  routes.post('/stories/import', async (c) => {
    const principal = principalOf(c)
    assertWritable(c)
    const body = await readJson(c, ImportStoryRequest)
    const result = await stories.importStory(principal.user, body)
    const response: ImportStoryResponse = { story: result.story, notes: result.notes, unmapped: result.unmapped }
    return c.json(response, 201)
  })

  /** Every publication of the story, newest first (who, when, update or correction, note). */
  routes.get('/stories/:id/versions', async (c) => {
    principalOf(c)
    const id = storyId(c)
    if (!(await stories.get(id))) throw notFound('No such story')
    const [versions, users] = await Promise.all([storage.published.list(id), storage.users.list()])
    const people = new Map(users.map((user) => [user.id, { id: user.id, name: user.displayName, color: user.color }]))
    const list: PublishedVersion[] = versions
      .map((version) => ({
        version: version.version,
        publishedAt: version.publishedAt,
        publishedBy: version.publishedBy ? (people.get(version.publishedBy) ?? null) : null,
        kind: version.kind,
        note: version.note,
      }))
      .reverse()
    return c.json({ versions: list })
  })

  /** A version (or the draft as it stands) as HTML, Markdown or ninjs, to download. */
  routes.get('/stories/:id/export', async (c) => {
    principalOf(c)
    const id = storyId(c)
    const query = parseWith(ExportQuery, c.req.query())
    const story = await stories.get(id)
    if (!story) throw notFound('No such story')
    const latest = await storage.published.latest(id)
    const wanted = query.version ?? (latest ? latest.version : 'draft')
    let exported: { content: PublishedContent; pageHtml: string; version: number }
    if (wanted === 'draft') {
      exported = await publisher.draft(story)
    } else {
      const stored = await storage.published.get(id, wanted)
      if (!stored) throw notFound(`This story has no version ${wanted}`)
      exported = { content: publisher.content(stored), pageHtml: stored.pageHtml, version: stored.version }
    }
    const { content, pageHtml, version } = exported
    const name = `${content.slug}-${wanted === 'draft' ? 'draft' : `v${version}`}`
    c.header('Cache-Control', 'no-store')
    switch (query.format) {
      case 'html':
        c.header('Content-Disposition', `attachment; filename="${name}.html"`)
        c.header('Content-Type', 'text/html; charset=utf-8')
        return c.body(pageHtml)
      case 'markdown': {
        const markdown = storyToMarkdown({
          headline: content.headline,
          standfirst: content.standfirst,
          body: content.body,
          byline: content.byline.map((entry) => entry.name).join(', '),
          bio: content.byline.map((entry) => entry.bio).filter(Boolean).join('\n\n'),
        })
        c.header('Content-Disposition', `attachment; filename="${name}.md"`)
        c.header('Content-Type', 'text/markdown; charset=utf-8')
        return c.body(markdown)
      }
      case 'ninjs':
        c.header('Content-Disposition', `attachment; filename="${name}.json"`)
        return c.json(publisher.toNinjs(content, version, wanted === 'draft'))
    }
  })

  /**
   * The reader page as publishing the story now would put it out, rendered by the
   * publishing code from the working copy and stored nowhere: shown to the desk before it
   * confirms Publish or Republish. Only for people who may publish (a reporter's draft
   * is not theirs to preview as a publication).
   */
  routes.get('/stories/:id/preview', async (c) => {
    const principal = principalOf(c)
    const id = storyId(c)
    if (!mayPublish({ role: principal.user.role, isAssigned: false, isCreator: false })) throw new ApiError(403, 'forbidden', 'Only people who may publish see the preview of a publication')
    const query = parseWith(PreviewQuery, c.req.query())
    const story = await stories.get(id)
    if (!story) throw notFound('No such story')
    const { pageHtml: html, fingerprint } = await publisher.preview(story, query.revision ?? null, query.note ?? null)
    // Sent back with the move (`previewed`): Publish refuses if the story changed since.
    c.header(PREVIEW_FINGERPRINT_HEADER, fingerprint)
    c.header('Cache-Control', 'no-store')
    c.header('X-Robots-Tag', 'noindex')
    // Shown in a sandboxed frame by the app; opened on its own, it runs nothing either.
    c.header('Content-Security-Policy', `${READER_CSP}; sandbox`)
    return c.html(html)
  })

  return routes
}
