/**
 * The workflow through the REST API: every role × status × target (200, 403 or 409, as the
 * shared table says), the checks on notes and publication times, metadata permissions,
 * history, and the filters of the story list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody, Story, StoryEvent } from '@copydesk/shared/api'
import { STORY_STATUSES, checkTransition, type StoryStatus } from '@copydesk/shared/workflow'
import { ADMIN, startTestServer, type Credentials, type TestServer } from '../testing/testServer.js'

let server: TestServer
const people: Record<string, { credentials: Credentials; id: string }> = {}

beforeAll(async () => {
  server = await startTestServer()
  const admin = await server.api.login(ADMIN.email, ADMIN.password)
  people.admin = { credentials: admin, id: (await server.api.request<{ id: string }>('GET', '/api/me', { credentials: admin })).body.id }
  const accounts = [
    ['editor', 'ines@copydesk.test', 'Inès Moreau', 'editor'],
    ['assigned', 'camille@copydesk.test', 'Camille Laurent', 'reporter'],
    ['creator', 'hugo@copydesk.test', 'Hugo Bernard', 'reporter'],
    ['other', 'lea@copydesk.test', 'Léa Petit', 'reporter'],
  ] as const
  for (const [key, email, displayName, role] of accounts) {
    const user = await server.api.createUser(admin, { email, displayName, role })
    people[key] = { credentials: await server.api.login(email, 'correct-horse-1'), id: user.id }
  }
})
afterAll(async () => {
  await server?.stop()
})

/** A story created by `creator`, assigned to `assigned` only, moved to `status` directly in storage. */
async function storyIn(status: StoryStatus): Promise<Story> {
  const created = await server.api.createStory(people.creator!.credentials, { headline: `Test ${status}` })
  const patched = await server.api.request<Story>('PATCH', `/api/stories/${created.id}`, {
    credentials: people.editor!.credentials,
    json: { assignees: [people.assigned!.id] },
  })
  expect(patched.status).toBe(200)
  if (status !== 'draft') {
    const result = await server.storage.stories.transition(created.id, {
      from: 'draft',
      to: status,
      publishAt: status === 'scheduled' ? new Date(Date.now() + 3_600_000).toISOString() : null,
      event: { at: new Date().toISOString(), actorId: null, kind: 'transition', fromStatus: 'draft', toStatus: status, note: null, detail: null },
      notifications: [],
    })
    expect(result?.story.status).toBe(status)
  }
  return created
}

describe('every role × status × target, through the API', () => {
  const actors = {
    editor: { role: 'editor', isAssigned: false, isCreator: false },
    admin: { role: 'admin', isAssigned: false, isCreator: false },
    assigned: { role: 'reporter', isAssigned: true, isCreator: false },
    creator: { role: 'reporter', isAssigned: false, isCreator: true },
    other: { role: 'reporter', isAssigned: false, isCreator: false },
  } as const
  for (const from of STORY_STATUSES) {
    it(`from ${from}`, async () => {
      for (const [name, actor] of Object.entries(actors)) {
        for (const to of STORY_STATUSES) {
          const story = await storyIn(from)
          const verdict = checkTransition(actor, from, to)
          const response = await server.api.request<Story | ApiErrorBody>('POST', `/api/stories/${story.id}/transitions`, {
            credentials: people[name]!.credentials,
            json: {
              to,
              note: 'Note de la rédaction',
              ...(to === 'scheduled' && from !== 'scheduled' ? { publishAt: new Date(Date.now() + 86_400_000).toISOString() } : {}),
              ...(from === 'published' && to === 'published' ? { revision: 'update' } : {}),
            },
          })
          const want = verdict.allowed ? 200 : verdict.reason === 'forbidden' ? 403 : 409
          expect({ actor: name, from, to, status: response.status }).toEqual({ actor: name, from, to, status: want })
          if (want === 200) expect((response.body as Story).status).toBe(to)
          else expect((await server.api.request<Story>('GET', `/api/stories/${story.id}`, { credentials: people.editor!.credentials })).body.status).toBe(from)
        }
      }
    })
  }
})

describe('what a move needs', () => {
  it('a reporter who spiked their own draft by mistake restores it, as a draft they may write in again', async () => {
    const story = await server.api.createStory(people.assigned!.credentials, { headline: 'Spiké par erreur' })
    const move = (who: string, to: StoryStatus) => server.api.request<Story | ApiErrorBody>('POST', `/api/stories/${story.id}/transitions`, { credentials: people[who]!.credentials, json: { to } })
    expect((await move('assigned', 'spiked')).status).toBe(200)
    expect((await move('other', 'draft')).status).toBe(403)
    const restored = await move('assigned', 'draft')
    expect(restored.status).toBe(200)
    expect((restored.body as Story).status).toBe('draft')
    // Past the draft, the desk still decides.
    expect((await move('assigned', 'submitted')).status).toBe(200)
    expect((await move('assigned', 'spiked')).status).toBe(403)
    // A story the desk spiked stays spiked until the desk restores it: filed, or a draft.
    expect((await move('editor', 'spiked')).status).toBe(200)
    const refused = await move('assigned', 'draft')
    expect(refused.status).toBe(403)
    expect((refused.body as ApiErrorBody).error.message).toMatch(/spiked their own draft/)
    expect((await move('editor', 'draft')).status).toBe(200)
    expect((await move('editor', 'spiked')).status).toBe(200)
    expect((await move('assigned', 'draft')).status).toBe(403)
    expect((await move('editor', 'draft')).status).toBe(200)
  })

  it('a send-back needs a note, which the story then shows', async () => {
    const story = await storyIn('submitted')
    const editor = people.editor!.credentials
    const bare = await server.api.request<ApiErrorBody>('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'draft' } })
    expect(bare.status).toBe(400)
    expect(bare.body.error.issues?.[0]?.path).toBe('note')
    const sent = await server.api.request<Story>('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'draft', note: 'Manque la réaction du Quai d’Orsay.' } })
    expect(sent.status).toBe(200)
    expect(sent.body.lastNote).toMatchObject({ text: 'Manque la réaction du Quai d’Orsay.', from: 'submitted', to: 'draft', by: { name: 'Inès Moreau' } })
  })

  it('scheduling needs a time in the future; only scheduling takes one', async () => {
    const story = await storyIn('approved')
    const editor = people.editor!.credentials
    const move = (json: unknown) => server.api.request<ApiErrorBody | Story>('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json })
    expect((await move({ to: 'scheduled' })).status).toBe(400)
    expect((await move({ to: 'scheduled', publishAt: new Date(Date.now() - 60_000).toISOString() })).status).toBe(400)
    expect((await move({ to: 'scheduled', publishAt: 'tomorrow' })).status).toBe(400)
    expect((await move({ to: 'submitted', publishAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(400)
    const later = new Date(Date.now() + 7_200_000).toISOString()
    const scheduled = await move({ to: 'scheduled', publishAt: later })
    expect(scheduled.status).toBe(200)
    expect((scheduled.body as Story).publishAt).toBe(later)
    const back = await move({ to: 'approved' })
    expect((back.body as Story).publishAt).toBeNull()
  })

  it('refuses bad bodies with 400 and unknown stories with 404', async () => {
    const story = await storyIn('draft')
    const editor = people.editor!.credentials
    expect((await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'shipped' } })).status).toBe(400)
    expect((await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'submitted', extra: true } })).status).toBe(400)
    expect((await server.api.request('POST', '/api/stories/nosuchstory0000/transitions', { credentials: editor, json: { to: 'submitted' } })).status).toBe(404)
    expect((await server.api.request('POST', `/api/stories/${story.id}/transitions`, { json: { to: 'submitted' } })).status).toBe(401)
  })
})

describe('metadata', () => {
  it('the desk changes everything; a reporter only section, tags, slug, byline and length on their own draft', async () => {
    const story = await storyIn('draft')
    const patch = (who: string, json: unknown) => server.api.request<Story | ApiErrorBody>('PATCH', `/api/stories/${story.id}`, { credentials: people[who]!.credentials, json })
    // Two days from now, at a whole minute, written with a +01:00 offset: the server stores it in UTC.
    const deadline = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 2 * 86_400_000)
    const withOffset = new Date(deadline.getTime() + 3_600_000).toISOString().replace(/\.000Z$/, '+01:00')
    const full = await patch('editor', {
      tags: ['Corée du Nord', 'Russie', 'Russie'],
      slug: 'russie-armes-coree-du-nord',
      deadline: withOffset,
      lengthTarget: { value: 4000, unit: 'signs' },
      priority: 'urgent',
      internalNote: 'Attendre la confirmation de l’AFP.',
    })
    expect(full.status).toBe(200)
    expect(full.body).toMatchObject({ tags: ['Corée du Nord', 'Russie'], slug: 'russie-armes-coree-du-nord', deadline: deadline.toISOString(), lengthTarget: { value: 4000, unit: 'signs' }, priority: 'urgent' })
    expect((await patch('assigned', { tags: ['International'], lengthTarget: { value: 600, unit: 'words' } })).status).toBe(200)
    expect((await patch('assigned', { priority: 'low' })).status).toBe(403)
    expect((await patch('assigned', { assignees: [] })).status).toBe(403)
    expect((await patch('other', { tags: ['x'] })).status).toBe(403)
    expect((await patch('editor', { slug: 'Pas Un Slug' })).status).toBe(400)
    expect((await patch('editor', { assignees: ['nobody'] })).status).toBe(400)
    expect((await patch('editor', {})).status).toBe(400)
    expect((await patch('editor', { section: 'nowhere' })).status).toBe(400)
  })

  it('keeps a history of every step: who, when, what, why', async () => {
    const story = await storyIn('draft')
    const editor = people.editor!.credentials
    await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: people.assigned!.credentials, json: { to: 'submitted' } })
    await server.api.request('POST', `/api/stories/${story.id}/transitions`, { credentials: editor, json: { to: 'draft', note: 'Sourcer la citation.' } })
    await server.api.request('PATCH', `/api/stories/${story.id}`, { credentials: editor, json: { assignees: [people.other!.id], priority: 'high' } })
    const { body } = await server.api.request<{ history: StoryEvent[] }>('GET', `/api/stories/${story.id}/history`, { credentials: people.other!.credentials })
    expect(body.history.map((event) => [event.kind, event.actor?.name ?? null, event.from, event.to, event.note, event.detail])).toEqual([
      ['created', 'Hugo Bernard', null, 'draft', null, null],
      ['assigned', 'Inès Moreau', null, null, null, 'Camille Laurent'],
      ['unassigned', 'Inès Moreau', null, null, null, 'Hugo Bernard'],
      ['transition', 'Camille Laurent', 'draft', 'submitted', null, null],
      ['transition', 'Inès Moreau', 'submitted', 'draft', 'Sourcer la citation.', null],
      ['assigned', 'Inès Moreau', null, null, null, 'Léa Petit'],
      ['unassigned', 'Inès Moreau', null, null, null, 'Camille Laurent'],
      ['metadata', 'Inès Moreau', null, null, null, 'priority'],
    ])
  })

  it('lists stories by status, section, assignee and text, sorted as asked', async () => {
    const filed = await storyIn('submitted')
    const editor = people.editor!.credentials
    await server.api.request('PATCH', `/api/stories/${filed.id}`, { credentials: editor, json: { deadline: new Date(Date.now() + 60_000).toISOString() } })
    const list = async (query: string) => (await server.api.request<{ stories: Story[] }>('GET', `/api/stories?${query}`, { credentials: editor })).body.stories
    expect((await list('status=submitted')).every((story) => story.status === 'submitted')).toBe(true)
    expect((await list('status=submitted,approved')).some((story) => story.id === filed.id)).toBe(true)
    expect((await list(`assignee=${people.assigned!.id}`)).every((story) => story.assignees.some((a) => a.id === people.assigned!.id))).toBe(true)
    const mine = (await server.api.request<{ stories: Story[] }>('GET', '/api/stories?assignee=me', { credentials: people.assigned!.credentials })).body.stories
    expect(mine.length).toBeGreaterThan(0)
    expect(mine.every((story) => story.assignees.some((a) => a.id === people.assigned!.id))).toBe(true)
    expect((await list('sort=deadline'))[0]?.id).toBe(filed.id)
    expect((await server.api.request('GET', '/api/stories?status=bogus', { credentials: editor })).status).toBe(400)
    expect((await server.api.request('GET', '/api/stories?sort=random', { credentials: editor })).status).toBe(400)
  })
})
